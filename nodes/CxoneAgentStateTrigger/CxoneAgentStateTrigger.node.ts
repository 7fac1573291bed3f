import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { cxoneOAuth2ApiTest } from '../shared/auth/credentialTest';
import { agentStateTriggerProperties } from './description';
import { pollAgentStates } from './poll';

export class CxoneAgentStateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone Agent State Trigger',
		name: 'cxoneAgentStateTrigger',
		icon: { light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ ({ stateEnded: "State ended", stateStarted: "State started", stateExceeded: "Over " + $parameter["thresholdMinutes"] + " min" })[$parameter["event"]] + " · " + ($parameter["agentSelection"] === "all" ? "All agents" : "Agents " + $parameter["agentIds"]) }}',
		description:
			'Starts the workflow when NICE CXone agent states end, start or run over a duration (e.g. a break running long)',
		defaults: { name: 'CXone Agent State Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cxoneOAuth2Api', required: true, testedBy: 'cxoneOAuth2ApiTest' }],
		properties: agentStateTriggerProperties,
	};

	methods = { credentialTest: { cxoneOAuth2ApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollAgentStates.call(this, Date.now());
	}
}
