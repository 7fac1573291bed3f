// Reads the time range block (descriptions/timeRange.ts) into a UTC window that ends no later than
// now, with the same checks and texts in every node.

import { InputError } from '../errors';
import { resolveWindow } from '../time';
import type { WindowRange } from '../time';
import type { TimeWindow } from '../types';
import { oneOf } from './choice';
import type { ParameterReader } from './reader';

export function readWindow(param: ParameterReader, timeZone: string, nowMs: number): TimeWindow {
	const range = oneOf<WindowRange>(
		param('timeRange', 'lastHours'),
		['lastHours', 'today', 'yesterday', 'custom'],
		'timeRange',
		'Time Range',
	);
	const requested = resolveWindow(
		{
			range,
			hours: range === 'lastHours' ? param('hours', 24) : undefined,
			start: range === 'custom' ? param('start', '') : undefined,
			end: range === 'custom' ? param('end', '') : undefined,
			timeZone,
		},
		nowMs,
	);
	// Nothing has happened after now: "today" and future custom ends are read up to now. A window
	// starting exactly now (Today at local midnight) is empty: no records, not an error.
	if (requested.startMs > nowMs) {
		throw new InputError(
			range === 'custom' ? 'start' : 'timeRange',
			`The window starts in the future (${new Date(requested.startMs).toISOString()}). Choose a start before now.`,
		);
	}
	return { startMs: requested.startMs, endMs: Math.min(requested.endMs, nowMs) };
}
