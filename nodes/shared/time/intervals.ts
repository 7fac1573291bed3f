// The reporting intervals of a window: 15, 30 or 60 minutes, or the day, aligned to the local wall
// clock of a zone. Every real zone offset is a whole number of quarter hours (Kathmandu +05:45,
// Kolkata +05:30), so an interval edge is a UTC quarter hour whose local minute is a multiple of
// the interval: stepping in UTC gives a DST day's 92 or 100 quarter hours and the repeated hour's
// two distinct intervals without special cases. A day is the local calendar day (23, 24 or 25 h).

import { DateTime, IANAZone } from 'luxon';

import { MAX_CHUNKS } from '../limits';
import type { TimeWindow } from '../types';

/** Minutes of a clock interval, or the local calendar day. */
export type IntervalLength = 15 | 30 | 60 | 'day';

/** One interval: its whole extent, even where the window cuts it. */
export interface Interval {
	startMs: number;
	endMs: number;
}

const QUARTER_MS = 15 * 60_000;

/**
 * The intervals that overlap `window`, in order: the first starts at or before the window's start,
 * the last ends at or after its end. `zone` is a checked IANA zone (parameters/timeZone.ts). Throws
 * when the window would hold more intervals than a window may have chunks.
 */
export function intervalsOf(window: TimeWindow, zone: string, length: IntervalLength): Interval[] {
	const out: Interval[] = [];
	if (!(window.endMs > window.startMs)) return out;
	const edges = length === 'day' ? dayEdges(window, zone) : clockEdges(window, zone, length);
	for (let i = 0; i + 1 < edges.length; i++) {
		out.push({ startMs: edges[i], endMs: edges[i + 1] });
	}
	return out;
}

function tooMany(): Error {
	return new Error(`The window holds more than ${MAX_CHUNKS} intervals; choose a longer interval`);
}

/** Edges of clock intervals: from the last edge at or before the start to the first at or after the end. */
function clockEdges(window: TimeWindow, zone: string, minutes: 15 | 30 | 60): number[] {
	const iana = IANAZone.create(zone);
	const isEdge = (ms: number) => {
		const localMinutes = Math.round(ms / 60_000 + iana.offset(ms));
		return ((localMinutes % minutes) + minutes) % minutes === 0;
	};
	let t = Math.floor(window.startMs / QUARTER_MS) * QUARTER_MS;
	while (!isEdge(t)) t -= QUARTER_MS;
	const edges = [t];
	while (edges[edges.length - 1] < window.endMs) {
		t += QUARTER_MS;
		if (isEdge(t)) {
			edges.push(t);
			if (edges.length > MAX_CHUNKS) throw tooMany();
		}
	}
	return edges;
}

/** Local midnights around the window (a DST day is 23 or 25 hours). */
function dayEdges(window: TimeWindow, zone: string): number[] {
	let day = DateTime.fromMillis(window.startMs, { zone }).startOf('day');
	const edges = [day.toMillis()];
	while (day.toMillis() < window.endMs) {
		day = day.plus({ days: 1 }).startOf('day');
		edges.push(day.toMillis());
		if (edges.length > MAX_CHUNKS) throw tooMany();
	}
	return edges;
}

/** The index of the interval holding `ms` (intervals in order, half-open); -1 when none does. */
export function intervalIndexAt(intervals: readonly Interval[], ms: number): number {
	let lo = 0;
	let hi = intervals.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const it = intervals[mid];
		if (ms < it.startMs) hi = mid - 1;
		else if (ms >= it.endMs) lo = mid + 1;
		else return mid;
	}
	return -1;
}
