// The history node's Output when none is given: All Fields in a workflow, Simplified when it runs
// as an AI Agent's tool (type …Tool); version 1 always All Fields.
import { readHistoryPlan } from '../../../nodes/CxoneAgentStateHistory/parameters';
import { CXONE } from '../../../nodes/shared/flavors';
import type { Params } from '../../helpers/n8nContext';
import { createExecuteContext } from '../../helpers/n8nContext';
import { NOW } from './fixtures';

const cxone = { flavor: CXONE, apiVersion: 'v27.0' };
const params: Params = {
	agentSelection: 'all',
	timeRange: 'yesterday',
	timezone: 'UTC',
	options: {},
};

function outputOf(extra: Params, type: string, typeVersion = 2) {
	const ctx = createExecuteContext({
		params: { ...params, ...extra },
		node: { type, typeVersion },
	});
	return readHistoryPlan.call(ctx, 0, cxone, NOW).output;
}

it('no Output: All Fields in a workflow, Simplified as a tool', () => {
	expect(outputOf({}, 'n8n-nodes-cxone.cxoneAgentStateHistory')).toBe('all');
	expect(outputOf({}, 'n8n-nodes-cxone.cxoneAgentStateHistoryTool')).toBe('simplified');
});

it('a given Output wins, as a tool too', () => {
	expect(outputOf({ output: 'all' }, 'n8n-nodes-cxone.cxoneAgentStateHistoryTool')).toBe('all');
	expect(outputOf({ output: 'simplified' }, 'n8n-nodes-cxone.cxoneAgentStateHistory')).toBe(
		'simplified',
	);
});

it('version 1 outputs all fields, as a tool too', () => {
	expect(outputOf({}, 'n8n-nodes-cxone.cxoneAgentStateHistoryTool', 1)).toBe('all');
});
