// The one threshold rule shared by overThreshold (history node) and State Exceeded Duration (trigger).
import { readHistoryPlan } from '../../nodes/CxoneAgentStateHistory/parameters';
import { CXONE } from '../../nodes/shared/flavors';
import {
	exceedsThresholdRules,
	makeThresholdRules,
	thresholdCrossingMs,
} from '../../nodes/shared/thresholds';
import { createExecuteContext } from '../helpers/n8nContext';

/**
 * Version 1's Flag States Longer Than (Minutes) and Flag Only These Reasons or States, as the
 * history node reads them into rules.
 */
function v1Rules(minutes: number, labels: string[] = []) {
	const ctx = createExecuteContext({
		params: {
			agentIds: '39260750',
			options: { thresholdMinutes: minutes, thresholdLabels: labels },
		},
		node: { typeVersion: 1 },
	});
	const plan = readHistoryPlan.call(ctx, 0, { flavor: CXONE, apiVersion: 'v27.0' }, Date.now());
	const rules = plan.normalizer.thresholds;
	if (rules === undefined || rules === null) throw new Error('expected thresholds');
	return rules;
}

describe('threshold rule', () => {
	const fifteen = makeThresholdRules([], 15);

	it('is over only when the duration is strictly longer, and crosses at start + threshold', () => {
		expect(exceedsThresholdRules(fifteen, 900_000, 'Unavailable', 'Break')).toBe(false);
		expect(exceedsThresholdRules(fifteen, 900_001, 'Unavailable', 'Break')).toBe(true);
		expect(thresholdCrossingMs(fifteen, 1_000, 900_001, 'Unavailable', 'Break')).toBe(901_000);
		expect(thresholdCrossingMs(fifteen, 1_000, 900_000, 'Unavailable', 'Break')).toBeUndefined();
	});

	it('applies to the listed reasons or states only, in any case', () => {
		const breaks = v1Rules(15, [' break', 'LUNCH ', '']);
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
		expect(v1Rules(15, ['', ' '])).toEqual(makeThresholdRules([], 15));
	});

	it('refuses a threshold that is not a number of minutes ≥ 0', () => {
		expect(() => makeThresholdRules([], -1)).toThrow(
			'The threshold of any other state must be a number of minutes ≥ 0, got -1',
		);
		expect(() => makeThresholdRules([], 'soon' as unknown as number)).toThrow('got soon');
	});
});
