// How a state's time is credited to reporting intervals (docs: the interval report), inside the
// window only. "Split Across Intervals" (NICE's "true to interval"): each part of the state goes to
// the interval it falls in. "Start Interval": the state's whole in-window time goes to the interval
// holding its in-window start.

import type { Interval } from '../time/intervals';
import { intervalIndexAt } from '../time/intervals';
import type { TimeWindow } from '../types';

export type CreditMode = 'split' | 'start';

/**
 * Calls `credit(index, ms)` for each interval that gets time of the state [startMs, endMs); nothing
 * for a state wholly outside the window or of no length inside it. `intervals` cover the window
 * (time/intervals.ts).
 */
export function creditState(
	intervals: readonly Interval[],
	window: TimeWindow,
	startMs: number,
	endMs: number,
	mode: CreditMode,
	credit: (index: number, ms: number) => void,
): void {
	const from = Math.max(startMs, window.startMs);
	const to = Math.min(endMs, window.endMs);
	if (!(to > from)) return;
	let i = intervalIndexAt(intervals, from);
	if (i < 0) return;
	if (mode === 'start') {
		credit(i, to - from);
		return;
	}
	for (let at = from; at < to && i < intervals.length; i++) {
		const until = Math.min(to, intervals[i].endMs);
		if (until > at) credit(i, until - at);
		at = until;
	}
}
