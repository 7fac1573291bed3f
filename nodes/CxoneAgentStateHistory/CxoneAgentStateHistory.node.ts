import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { AGENTS_SUBTITLE } from '../shared/descriptions/agentSelection';
import { actionNodeConnections, cxoneIcon, stateNodeVersions } from '../shared/descriptions/node';
import { cxoneNodeMethods } from '../shared/methods';
import { agentStateHistoryProperties } from './description';
import { executeAgentStateHistory } from './execute';

export class CxoneAgentStateHistory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone Agent State History',
		name: 'cxoneAgentStateHistory',
		icon: cxoneIcon,
		group: ['transform'],
		...stateNodeVersions,
		subtitle: `={{ ${AGENTS_SUBTITLE} + " · " + $parameter["timeRange"] }}`,
		description:
			'Answers what NICE CXone agents did in a time window (e.g. yesterday): one item per state (Available, Break, Lunch, on a contact) with its label, start and end, durationSeconds, and overThreshold when it lasted longer than its threshold in minutes',
		defaults: { name: 'CXone Agent State History' },
		usableAsTool: true,
		...actionNodeConnections,
		// A literal: n8n's linter looks for testedBy here.
		credentials: [{ name: 'cxoneOAuth2Api', required: true, testedBy: 'cxoneOAuth2ApiTest' }],
		properties: agentStateHistoryProperties,
	};

	methods = cxoneNodeMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAgentStateHistory.call(this);
	}
}
