import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { cxoneOAuth2ApiTest } from '../shared/auth/credentialTest';
import { agentStateHistoryProperties } from './description';
import { executeAgentStateHistory } from './execute';

export class CxoneAgentStateHistory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone Agent State History',
		name: 'cxoneAgentStateHistory',
		icon: { light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ ($parameter["agentSelection"] === "all" ? "All agents" : "Agents " + $parameter["agentIds"]) + " · " + $parameter["timeRange"] }}',
		description:
			'Get NICE CXone agent state history (available, breaks, lunch, contacts) for a time window',
		defaults: { name: 'CXone Agent State History' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cxoneOAuth2Api', required: true, testedBy: 'cxoneOAuth2ApiTest' }],
		properties: agentStateHistoryProperties,
	};

	methods = { credentialTest: { cxoneOAuth2ApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAgentStateHistory.call(this);
	}
}
