// Version 1 of the history node: Flag States Longer Than (Minutes) and Flag Only These Reasons or
// States, read into the same rules as version 2's rows (one row per name, or the minutes for
// every state).
import { readHistoryPlan } from '../../../nodes/CxoneAgentStateHistory/parameters';
import { CXONE } from '../../../nodes/shared/flavors';
import type { ThresholdRules } from '../../../nodes/shared/thresholds';
import { exceedsThresholdRules, makeThresholdRules } from '../../../nodes/shared/thresholds';
import { createExecuteContext } from '../../helpers/n8nContext';

const MIN = 60_000;

/** The history node's version 1 options as the rules its normalizer gets (thresholds on). */
function v1Rules(options: Record<string, unknown>): ThresholdRules {
	const ctx = createExecuteContext({
		params: { agentIds: '39260750', options },
		node: { typeVersion: 1 },
	});
	const plan = readHistoryPlan.call(ctx, 0, { flavor: CXONE, apiVersion: 'v27.0' }, Date.now());
	const rules = plan.normalizer.thresholds;
	if (rules === undefined || rules === null) throw new Error('expected thresholds');
	return rules;
}

describe('version 1 thresholds', () => {
	it('applies to the listed reasons or states only, in any case', () => {
		const breaks = v1Rules({ thresholdMinutes: 15, thresholdLabels: [' break', 'LUNCH ', ''] });
		expect(breaks).toEqual(
			makeThresholdRules(
				[
					{ label: 'break', minutes: 15 },
					{ label: 'lunch', minutes: 15 },
				],
				null,
			),
		);
		expect(exceedsThresholdRules(breaks, 2_000_000, 'Unavailable', 'Break')).toBe(true);
		expect(exceedsThresholdRules(breaks, 2_000_000, 'Lunch', null)).toBe(true);
		expect(exceedsThresholdRules(breaks, 2_000_000, 'Unavailable', 'Meeting')).toBe(false);
		expect(exceedsThresholdRules(breaks, 2_000_000, 'Available', null)).toBe(false);
		// A list that names nothing applies the minutes to every state.
		expect(v1Rules({ thresholdMinutes: 15, thresholdLabels: ['', ' '] })).toEqual(
			makeThresholdRules([], 15),
		);
	});

	it('the version-1 rule is the same rules: names as rows, or a default alone', () => {
		const v1 = v1Rules({ thresholdMinutes: 15, thresholdLabels: 'Break, break, Unavailable' });
		expect(v1.defaultMs).toBeNull();
		expect([...v1.byName]).toEqual([
			['break', 15 * MIN],
			['unavailable', 15 * MIN],
		]);
		expect(v1Rules({ thresholdMinutes: 10 })).toEqual({ byName: new Map(), defaultMs: 10 * MIN });
	});
});
