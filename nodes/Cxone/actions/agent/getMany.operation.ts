// Agent → Get Many: the business unit's agents (GET /agents), searched, by team, active only.

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { agentsPath } from '../../../shared/api';
import { agentItem } from '../../../shared/directory/items';
import { listRecords } from '../../../shared/directory/listRecords';
import { AGENT_RECORDS } from '../../../shared/records/directoryFields';
import { optionalText, readLimit, readRequestSettings, returnAllProperties } from '../common';

const show = { resource: ['agent'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllProperties('agent'),
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: true,
		description: 'Whether to return only active agents (CXone isActive)',
		displayOptions: { show },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
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
		],
	},
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	apiVersion: string,
): Promise<IDataObject[]> {
	const limit = readLimit(this, i);
	const activeOnly = this.getNodeParameter('activeOnly', i, true) === true;
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const searchString = optionalText(filters.searchString);
	const teamId = optionalText(filters.teamId);
	const qs: IDataObject = {};
	if (activeOnly) qs.isActive = 'true';
	if (searchString !== undefined) qs.searchString = searchString;
	if (teamId !== undefined) qs.teamId = teamId;
	const { transport } = readRequestSettings(this, i);
	const { records } = await listRecords(
		this,
		{ path: agentsPath(apiVersion), qs, listKey: 'agents', what: 'agent' },
		AGENT_RECORDS,
		transport,
		// The API may ignore a filter: count only the records that pass it.
		undefined,
	);
	const kept = records.filter(
		(r) => (!activeOnly || r.isActive !== false) && (teamId === undefined || r.teamId === teamId),
	);
	return (limit === undefined ? kept : kept.slice(0, limit)).map(agentItem);
}
