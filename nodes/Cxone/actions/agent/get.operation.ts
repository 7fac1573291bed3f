// Agent → Get: one agent by id (GET /agents/{agentId}).

import type { INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { agentItem, oneAgentQuery } from '../../../shared/resources/agents';
import { listRecords } from '../../../shared/resources/listRecords';
import type { Execute } from '../common';
import { readRequestSettings } from '../common';

export const description: INodeProperties[] = [
	{
		displayName: 'Agent',
		name: 'agentId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The CXone agent to get',
		displayOptions: { show: { resource: ['agent'], operation: ['get'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAgents', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '39260750',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d{1,12}\\s*$', errorMessage: 'An agent ID is a number' },
					},
				],
			},
		],
	},
];

export const execute: Execute = async function (i, apiVersion) {
	const raw = this.getNodeParameter('agentId', i, '', { extractValue: true });
	const agentId = String(raw ?? '').trim();
	if (!/^\d{1,12}$/.test(agentId)) {
		throw new InputError(
			'agentId',
			`Agent "${agentId}" is not a CXone agent ID. Pick the agent from the list, or enter its numeric ID (e.g. 39260750).`,
		);
	}
	const { transport } = readRequestSettings.call(this, i);
	const query = oneAgentQuery(apiVersion, agentId);
	const { records } = await listRecords(this, query, transport);
	return records.map((r) => ({ ...agentItem(r) }));
};
