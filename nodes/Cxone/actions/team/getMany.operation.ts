// Team → Get Many: the business unit's teams (GET /teams).

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { teamsPath } from '../../../shared/api';
import { teamItem } from '../../../shared/directory/items';
import { listRecords } from '../../../shared/directory/listRecords';
import { TEAM_RECORDS } from '../../../shared/records/directoryFields';
import { optionalText, readLimit, readRequestSettings, returnAllProperties } from '../common';

const show = { resource: ['team'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllProperties('team'),
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: true,
		description: 'Whether to return only active teams',
		displayOptions: { show },
	},
	{
		displayName: 'Search',
		name: 'searchString',
		type: 'string',
		default: '',
		placeholder: 'Support',
		description: 'Part of the team name (CXone searchString); empty = all teams',
		displayOptions: { show },
	},
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	apiVersion: string,
): Promise<IDataObject[]> {
	const limit = readLimit(this, i);
	const activeOnly = this.getNodeParameter('activeOnly', i, true) === true;
	const searchString = optionalText(this.getNodeParameter('searchString', i, ''));
	const qs: IDataObject = {};
	if (activeOnly) qs.isActive = 'true';
	if (searchString !== undefined) qs.searchString = searchString;
	const { transport } = readRequestSettings(this, i);
	const { records } = await listRecords(
		this,
		{ path: teamsPath(apiVersion), qs, listKey: 'teams', what: 'team' },
		TEAM_RECORDS,
		transport,
	);
	const kept = records.filter((r) => !activeOnly || r.isActive !== false);
	return (limit === undefined ? kept : kept.slice(0, limit)).map(teamItem);
}
