// The history node's examples (examples/*.json): version 2 with the Thresholds rows.
import { readHistoryPlan } from '../../../nodes/CxoneAgentStateHistory/parameters';
import { CXONE } from '../../../nodes/shared/flavors';
import alert from '../../../examples/break-overage-alert.json';
import timecard from '../../../examples/daily-timecard.json';
import sheets from '../../../examples/sync-states-to-google-sheets.json';
import type { Params } from '../../helpers/n8nContext';
import { createExecuteContext } from '../../helpers/n8nContext';
import { NOW } from './fixtures';

const cxone = { flavor: CXONE, apiVersion: 'v27.0' };

function planOf(example: typeof alert | typeof timecard | typeof sheets, typeVersion = 2) {
	const node = example.nodes.find((n) => n.type === 'n8n-nodes-cxone.cxoneAgentStateHistory');
	expect(node?.typeVersion).toBe(typeVersion);
	const ctx = createExecuteContext({
		params: node?.parameters as Params,
		timezone: 'America/New_York',
		node: { typeVersion: node?.typeVersion },
	});
	return readHistoryPlan.call(ctx, 0, cxone, NOW);
}

const BREAK_15_LUNCH_60 = {
	byName: new Map([
		['break', 900_000],
		['lunch', 3_600_000],
	]),
	defaultMs: null,
};

it('break-overage-alert: Break 15 and Lunch 60, all fields, feeding the IF on overThreshold', () => {
	const plan = planOf(alert);
	expect(plan.normalizer.thresholds).toEqual(BREAK_15_LUNCH_60);
	expect(plan.output).toBe('all');
	const check = alert.nodes.find((n) => n.type === 'n8n-nodes-base.if');
	expect(JSON.stringify(check?.parameters)).toContain('$json.overThreshold');
	expect(alert.connections['CXone Agent State History'].main[0][0].node).toBe(check?.name);
});

it('daily-timecard: Break 15 and Lunch 60, one item per agent', () => {
	const plan = planOf(timecard);
	expect(plan.normalizer.thresholds).toEqual(BREAK_15_LUNCH_60);
	expect(plan.splitIntoItems).toBe(false);
});

it('sync-states-to-google-sheets: no thresholds, every field', () => {
	const plan = planOf(sheets);
	expect(plan.normalizer.thresholds).toBeNull();
	expect(plan.output).toBe('all');
});
