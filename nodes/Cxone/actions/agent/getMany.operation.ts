// Agent → Get Many: the business unit's agents (GET /agents), searched, by team, active only.

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/descriptions/filters';
import { agentItem, agentListQuery } from '../../../shared/resources/agents';
import type { Execute } from '../common';
import { getMany, getManyProperties, optionalText, readActiveOnly } from '../common';

const show = { resource: ['agent'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...getManyProperties('agent', 'Whether to return only active agents (CXone isActive)'),
	filtersCollection(show, [
		{
			displayName: 'Search',
			name: 'searchString',
			type: 'string',
			default: '',
			placeholder: 'Ava',
			description: "Part of the agent's name, user name or ID (CXone searchString)",
		},
		{
			displayName: 'Team Name or ID',
			name: 'teamId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTeams' },
			default: '',
			description:
				'Only agents of this team. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

export const execute: Execute = async function (i, apiVersion) {
	const activeOnly = readActiveOnly.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const searchString = optionalText(filters.searchString);
	const teamId = optionalText(filters.teamId);
	const qs: IDataObject = {};
	if (activeOnly) qs.isActive = 'true';
	if (searchString !== undefined) qs.searchString = searchString;
	if (teamId !== undefined) qs.teamId = teamId;
	return await getMany(this, i, {
		query: agentListQuery(apiVersion, qs),
		activeOnly,
		keep: (r) => teamId === undefined || r.teamId === teamId,
		item: agentItem,
	});
};
