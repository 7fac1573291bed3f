import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { actionNodeConnections, cxoneIcon } from '../shared/descriptions/node';
import { cxoneNodeMethods } from '../shared/methods';
import { cxoneProperties } from './actions/description';
import { router } from './actions/router';

export class Cxone implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone',
		name: 'cxone',
		icon: cxoneIcon,
		group: ['transform'],
		// 2: Get Current picks agents with the Agents block the other nodes show.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			"Answers which NICE CXone state each agent is in right now (e.g. Break), since when and for how many seconds, and whether that is longer than its threshold in minutes (overThreshold); each agent's performance totals over a time range (available, ACW, login and talk seconds, occupancy); also lists agents, teams and unavailable codes",
		defaults: { name: 'CXone' },
		usableAsTool: true,
		...actionNodeConnections,
		// A literal: n8n's linter looks for testedBy here.
		credentials: [{ name: 'cxoneOAuth2Api', required: true, testedBy: 'cxoneOAuth2ApiTest' }],
		properties: cxoneProperties,
	};

	methods = cxoneNodeMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
