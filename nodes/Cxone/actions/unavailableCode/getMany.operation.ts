// Unavailable Code → Get Many: the reasons agents can be Unavailable for (Break, Lunch, ACW codes),
// of the business unit (GET /unavailable-codes) or of one team (GET /teams/{id}/unavailable-codes).

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { unavailableCodeItem } from '../../../shared/directory/items';
import { listRecords } from '../../../shared/directory/listRecords';
import { apiError, unavailableCodesPath } from '../../../shared/api';
import { UNAVAILABLE_CODE_RECORDS } from '../../../shared/records/directoryFields';
import { optionalText, readLimit, readRequestSettings, returnAllProperties } from '../common';

const show = { resource: ['unavailableCode'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllProperties('unavailableCode'),
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: true,
		description: 'Whether to return only codes agents can choose today',
		displayOptions: { show },
	},
	{
		displayName: 'Team Name or ID',
		name: 'teamId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTeamsOrBusinessUnit' },
		default: '',
		description:
			'The codes of one team, or of the whole business unit (empty). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
	const teamId = optionalText(this.getNodeParameter('teamId', i, ''));
	const qs: IDataObject = {};
	if (activeOnly) qs[teamId === undefined ? 'isActive' : 'activeOnly'] = 'true';
	const { transport } = readRequestSettings(this, i);
	const { records } = await listRecords(
		this,
		{
			path: unavailableCodesPath(apiVersion, teamId),
			qs,
			listKey: 'unavailableCodes',
			// A team's codes come in one answer; the business unit's list is paged.
			unpaged: teamId !== undefined,
			what: 'unavailable code',
		},
		UNAVAILABLE_CODE_RECORDS,
		transport,
	);
	const missing = records.find((r) => r.id === null);
	if (missing !== undefined) {
		throw apiError(
			this.getNode(),
			null,
			`CXone sent an unavailable code without an id (name ${JSON.stringify(missing.name)})`,
			'Each code needs id (or outstateId); nothing was returned rather than a code that cannot be matched to states.',
		);
	}
	const kept = records.filter((r) => !activeOnly || r.isActive !== false);
	return (limit === undefined ? kept : kept.slice(0, limit)).map(unavailableCodeItem);
}
