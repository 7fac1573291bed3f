// The one threshold rule shared by overThreshold (history node) and State Exceeded Duration
// (trigger): per-reason and per-state rows, Any Other State, strictly longer than the limit.
import {
	exceedsThresholdRules,
	makeThresholdRules,
	thresholdCrossingMs,
	thresholdMsFor,
} from '../../../nodes/shared/thresholds';

const MIN = 60_000;

describe('threshold rule', () => {
	const fifteen = makeThresholdRules([], 15);

	it('is over only when the duration is strictly longer, and crosses at start + threshold', () => {
		expect(exceedsThresholdRules(fifteen, 900_000, 'Unavailable', 'Break')).toBe(false);
		expect(exceedsThresholdRules(fifteen, 900_001, 'Unavailable', 'Break')).toBe(true);
		expect(thresholdCrossingMs(fifteen, 1_000, 900_001, 'Unavailable', 'Break')).toBe(901_000);
		expect(thresholdCrossingMs(fifteen, 1_000, 900_000, 'Unavailable', 'Break')).toBeUndefined();
	});

	it('refuses a threshold that is not a number of minutes ≥ 0', () => {
		expect(() => makeThresholdRules([], -1)).toThrow(
			'The threshold of any other state must be a number of minutes ≥ 0, got -1',
		);
		expect(() => makeThresholdRules([], 'soon' as unknown as number)).toThrow('got soon');
	});
});

describe('makeThresholdRules / thresholdMsFor', () => {
	const rules = makeThresholdRules(
		[
			{ label: 'Break', minutes: 15 },
			{ label: 'Lunch', minutes: 60 },
			{ label: 'ACW', minutes: 5 },
			{ label: 'Unavailable', minutes: 30 },
		],
		120,
	);

	it("a reason's own row wins", () => {
		expect(thresholdMsFor(rules, 'Unavailable', 'Break')).toBe(15 * MIN);
		expect(thresholdMsFor(rules, 'Unavailable', 'Lunch')).toBe(60 * MIN);
		expect(thresholdMsFor(rules, 'Unavailable', 'ACW')).toBe(5 * MIN);
	});

	it("the state's row applies to its reasons without a row, and to the state without a reason", () => {
		expect(thresholdMsFor(rules, 'Unavailable', 'Meeting')).toBe(30 * MIN);
		expect(thresholdMsFor(rules, 'Unavailable', null)).toBe(30 * MIN);
	});

	it('Any Other State covers the rest; without it they have no threshold', () => {
		expect(thresholdMsFor(rules, 'Available', null)).toBe(120 * MIN);
		expect(thresholdMsFor(rules, 'InboundContact', null)).toBe(120 * MIN);
		const noDefault = makeThresholdRules([{ label: 'Break', minutes: 15 }]);
		expect(thresholdMsFor(noDefault, 'Available', null)).toBeUndefined();
		expect(thresholdMsFor(noDefault, 'Unavailable', 'Lunch')).toBeUndefined();
		expect(exceedsThresholdRules(noDefault, 10 * 60 * MIN, 'Available', null)).toBe(false);
		expect(thresholdMsFor(makeThresholdRules([], null), 'Available', null)).toBeUndefined();
	});

	it('names match trimmed and in any case, on both sides', () => {
		const r = makeThresholdRules([{ label: '  bReAk ', minutes: 15 }]);
		expect(thresholdMsFor(r, 'Unavailable', 'BREAK')).toBe(15 * MIN);
		expect(thresholdMsFor(r, 'Unavailable', ' Break ')).toBe(15 * MIN);
		expect(thresholdMsFor(r, 'Break', null)).toBe(15 * MIN);
	});

	it('over means strictly longer; the crossing is start + the limit', () => {
		expect(exceedsThresholdRules(rules, 15 * MIN, 'Unavailable', 'Break')).toBe(false);
		expect(exceedsThresholdRules(rules, 15 * MIN + 1, 'Unavailable', 'Break')).toBe(true);
		expect(thresholdCrossingMs(rules, 1_000, 16 * MIN, 'Unavailable', 'Break')).toBe(
			1_000 + 15 * MIN,
		);
		expect(thresholdCrossingMs(rules, 1_000, 40 * MIN, 'Unavailable', 'Lunch')).toBeUndefined();
	});

	it('0 minutes: any state longer than 0 ms runs over', () => {
		const zero = makeThresholdRules([{ label: 'Break', minutes: 0 }]);
		expect(thresholdMsFor(zero, 'Unavailable', 'Break')).toBe(0);
		expect(exceedsThresholdRules(zero, 0, 'Unavailable', 'Break')).toBe(false);
		expect(exceedsThresholdRules(zero, 1, 'Unavailable', 'Break')).toBe(true);
	});

	it('refuses duplicates (any case), empty names and bad minutes', () => {
		expect(() =>
			makeThresholdRules([
				{ label: 'Break', minutes: 15 },
				{ label: ' break', minutes: 20 },
			]),
		).toThrow('Threshold "break" is given twice');
		expect(() => makeThresholdRules([{ label: ' ', minutes: 15 }])).toThrow(/needs a reason/);
		expect(() => makeThresholdRules([{ label: 'Break', minutes: -1 }])).toThrow(
			'Threshold "Break" must be a number of minutes ≥ 0, got -1',
		);
		expect(() => makeThresholdRules([], -2)).toThrow(/any other state/);
	});
});
