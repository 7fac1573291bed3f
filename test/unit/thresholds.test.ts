// The one threshold rule shared by overThreshold (history node) and State Exceeded Duration (trigger).
import {
	exceedsThreshold,
	makeThreshold,
	thresholdCrossingMs,
} from '../../nodes/shared/thresholds';

describe('threshold rule', () => {
	const fifteen = makeThreshold(15);

	it('is over only when the duration is strictly longer, and crosses at start + threshold', () => {
		expect(exceedsThreshold(fifteen, 900_000, 'Unavailable', 'Break')).toBe(false);
		expect(exceedsThreshold(fifteen, 900_001, 'Unavailable', 'Break')).toBe(true);
		expect(thresholdCrossingMs(fifteen, 1_000, 900_001, 'Unavailable', 'Break')).toBe(901_000);
		expect(thresholdCrossingMs(fifteen, 1_000, 900_000, 'Unavailable', 'Break')).toBeUndefined();
	});

	it('applies to the listed reasons or states only, in any case', () => {
		const breaks = makeThreshold(15, [' break', 'LUNCH ', '']);
		expect(exceedsThreshold(breaks, 2_000_000, 'Unavailable', 'Break')).toBe(true);
		expect(exceedsThreshold(breaks, 2_000_000, 'Lunch', null)).toBe(true);
		expect(exceedsThreshold(breaks, 2_000_000, 'Unavailable', 'Meeting')).toBe(false);
		expect(exceedsThreshold(breaks, 2_000_000, 'Available', null)).toBe(false);
		expect(makeThreshold(15, ['', ' ']).labels).toBeNull();
	});

	it('refuses a threshold that is not a number of minutes ≥ 0', () => {
		expect(() => makeThreshold(-1)).toThrow('Threshold must be a number of minutes ≥ 0, got -1');
		expect(() => makeThreshold('soon')).toThrow('got soon');
	});
});
