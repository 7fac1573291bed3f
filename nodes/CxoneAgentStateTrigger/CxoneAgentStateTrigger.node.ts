import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AGENTS_SUBTITLE } from '../shared/descriptions/agentSelection';
import { cxoneIcon, stateNodeVersions } from '../shared/descriptions/node';
import { cxoneNodeMethods } from '../shared/methods';
import { agentStateTriggerProperties } from './description';
import { pollAgentStates } from './poll';

export class CxoneAgentStateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone Agent State Trigger',
		name: 'cxoneAgentStateTrigger',
		icon: cxoneIcon,
		group: ['trigger'],
		...stateNodeVersions,
		subtitle: `={{ ({ stateEnded: "State ended", stateStarted: "State started", stateExceeded: $parameter["thresholdMinutes"] ? "Over " + $parameter["thresholdMinutes"] + " min" : "Over threshold" })[$parameter["event"]] + " · " + ${AGENTS_SUBTITLE} }}`,
		description:
			'Starts the workflow when NICE CXone agent states end, start or run over a duration (e.g. a break running long)',
		defaults: { name: 'CXone Agent State Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// A literal: n8n's linter looks for testedBy here.
		credentials: [{ name: 'cxoneOAuth2Api', required: true, testedBy: 'cxoneOAuth2ApiTest' }],
		properties: agentStateTriggerProperties,
	};

	methods = cxoneNodeMethods;

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollAgentStates.call(this, Date.now());
	}
}
