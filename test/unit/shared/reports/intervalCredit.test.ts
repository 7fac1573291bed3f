// Crediting a state's time to intervals: split across them ("true to interval") or all to the
// interval of its in-window start; never time outside the window.
import type { CreditMode } from '../../../../nodes/shared/reports/intervalCredit';
import { creditState } from '../../../../nodes/shared/reports/intervalCredit';
import { intervalsOf } from '../../../../nodes/shared/time/intervals';

const ms = (iso: string) => Date.parse(iso);
// 10:07 to 11:52 UTC: its half hours are 10:00 … 11:30, cut by the window at both ends.
const window = { startMs: ms('2024-05-07T10:07:00Z'), endMs: ms('2024-05-07T11:52:00Z') };
const halves = intervalsOf(window, 'UTC', 30);

function credited(start: string, end: string, mode: CreditMode): number[] {
	const seconds = halves.map(() => 0);
	creditState(halves, window, ms(start), ms(end), mode, (i, t) => (seconds[i] += t / 1000));
	return seconds;
}

describe('creditState', () => {
	it('splits a state across the intervals it overlaps, counting only the window', () => {
		// 09:50–11:40: in the window 10:07–11:40 → 23 min, 30 min, 30 min, 10 min.
		expect(credited('2024-05-07T09:50:00Z', '2024-05-07T11:40:00Z', 'split')).toEqual([
			1380, 1800, 1800, 600,
		]);
	});

	it('gives the whole in-window time to the interval of the in-window start', () => {
		expect(credited('2024-05-07T09:50:00Z', '2024-05-07T11:40:00Z', 'start')).toEqual([
			5580, 0, 0, 0,
		]);
		expect(credited('2024-05-07T10:45:00Z', '2024-05-07T12:30:00Z', 'start')).toEqual([
			0, 4020, 0, 0,
		]);
	});

	it('a state inside one interval, on an edge, outside the window or of no length', () => {
		expect(credited('2024-05-07T10:40:00Z', '2024-05-07T10:45:30Z', 'split')).toEqual([
			0, 330, 0, 0,
		]);
		expect(credited('2024-05-07T11:00:00Z', '2024-05-07T11:30:00Z', 'split')).toEqual([
			0, 0, 1800, 0,
		]);
		expect(credited('2024-05-07T09:00:00Z', '2024-05-07T10:07:00Z', 'split')).toEqual([0, 0, 0, 0]);
		expect(credited('2024-05-07T11:00:00Z', '2024-05-07T11:00:00Z', 'split')).toEqual([0, 0, 0, 0]);
	});

	it('adds up to the clipped duration, whatever the mode', () => {
		for (const mode of ['split', 'start'] as const) {
			const total = credited('2024-05-07T08:00:00Z', '2024-05-07T13:00:00Z', mode).reduce(
				(a, b) => a + b,
			);
			expect(total).toBe(105 * 60);
		}
	});
});
