// Team → Get Many: the business unit's teams (GET /teams).

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { teamItem, teamListQuery } from '../../../shared/resources/teams';
import type { Execute } from '../common';
import { getMany, getManyProperties, optionalText, readActiveOnly } from '../common';

export const description: INodeProperties[] = [
	...getManyProperties('team', 'Whether to return only active teams'),
	{
		displayName: 'Search',
		name: 'searchString',
		type: 'string',
		default: '',
		placeholder: 'Support',
		description: 'Part of the team name (CXone searchString); empty = all teams',
		displayOptions: { show: { resource: ['team'], operation: ['getMany'] } },
	},
];

export const execute: Execute = async function (i, apiVersion) {
	const activeOnly = readActiveOnly.call(this, i);
	const searchString = optionalText(this.getNodeParameter('searchString', i, ''));
	const qs: IDataObject = {};
	if (activeOnly) qs.isActive = 'true';
	if (searchString !== undefined) qs.searchString = searchString;
	return await getMany(this, i, {
		query: teamListQuery(apiVersion, qs),
		activeOnly,
		item: teamItem,
	});
};
