// Unavailable Code → Get Many: the reasons agents can be Unavailable for (Break, Lunch, ACW codes),
// of the business unit (GET /unavailable-codes) or of one team (GET /teams/{id}/unavailable-codes).

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { apiError } from '../../../shared/api';
import {
	unavailableCodeItem,
	unavailableCodeQuery,
} from '../../../shared/resources/unavailableCodes';
import type { Execute } from '../common';
import { getMany, getManyProperties, optionalText, readActiveOnly } from '../common';

const show = { resource: ['unavailableCode'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...getManyProperties('unavailableCode', 'Whether to return only codes agents can choose today'),
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

export const execute: Execute = async function (i, apiVersion) {
	const activeOnly = readActiveOnly.call(this, i);
	const teamId = optionalText(this.getNodeParameter('teamId', i, ''));
	const qs: IDataObject = {};
	if (activeOnly) qs[teamId === undefined ? 'isActive' : 'activeOnly'] = 'true';
	return await getMany(this, i, {
		query: unavailableCodeQuery(apiVersion, teamId, qs),
		activeOnly,
		keep: (r) => {
			if (r.id !== null) return true;
			throw apiError(
				this.getNode(),
				null,
				`CXone sent an unavailable code without an id (name ${JSON.stringify(r.name)})`,
				'Each code needs id (or outstateId); nothing was returned rather than a code that cannot be matched to states.',
			);
		},
		item: unavailableCodeItem,
	});
};
