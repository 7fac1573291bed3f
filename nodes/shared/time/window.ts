// Turns the node's time-range parameters into a UTC window, with calendar arithmetic done in the
// chosen zone by luxon so "today" and "yesterday" follow DST (23 h or 25 h days).

import { DateTime } from 'luxon';

import { InputError } from '../errors';
import { CHUNK_HOURS, MAX_CHUNKS, MAX_HOURS } from '../limits';
import type { TimeWindow } from '../types';

export type WindowRange = 'lastHours' | 'today' | 'yesterday' | 'custom';

/** The node's time-range parameters. `start`/`end` may be strings, Dates, luxon DateTimes or epoch ms. */
export interface WindowParams {
	range: WindowRange;
	hours?: unknown;
	start?: unknown;
	end?: unknown;
	timeZone: string;
}

export { MAX_CHUNKS, MAX_HOURS };

const HOUR_MS = 3600 * 1000;

function describe(value: unknown): string {
	if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	}
	if (typeof value === 'object' && value !== null) return 'an object';
	return String(value);
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function toNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') return Number(value);
	return NaN;
}

/**
 * Epoch ms of a date-like parameter value (n8n's date picker, an expression's Date or luxon
 * DateTime, epoch ms); strings without an offset are read in `zone`. NaN when it is none.
 */
export function dateValueToMs(value: unknown, zone: string): number {
	let ms = NaN;
	if (typeof value === 'number') {
		ms = value;
	} else if (value instanceof Date) {
		ms = value.getTime();
	} else if (DateTime.isDateTime(value)) {
		ms = value.isValid ? value.toMillis() : NaN;
	} else if (typeof value === 'string') {
		const text = value.trim();
		let dt = DateTime.fromISO(text, { zone });
		if (!dt.isValid) dt = DateTime.fromSQL(text, { zone });
		if (dt.isValid) ms = dt.toMillis();
	}
	return ms;
}

function dateParamToMs(value: unknown, zone: string, field: 'start' | 'end'): number {
	const label = field === 'start' ? 'Start' : 'End';
	const ms = dateValueToMs(value, zone);
	if (!Number.isFinite(ms)) {
		throw new InputError(
			field,
			`${label} is not a valid date: ${describe(value)}. Use ISO 8601, e.g. 2024-05-01T00:00:00 ` +
				`(read in the chosen time zone) or 2024-05-01T00:00:00Z (UTC).`,
		);
	}
	return ms;
}

/**
 * The UTC window for the parameters at `nowMs`: `lastHours` ends at now; `today`/`yesterday` are
 * whole calendar days in the zone; `custom` is [start, end). Throws InputError for bad input.
 * `timeZone` is a zone the Timezone parameter's reader has checked (parameters/timeZone.ts).
 */
export function resolveWindow(params: WindowParams, nowMs: number): TimeWindow {
	const zone = params.timeZone;
	switch (params.range) {
		case 'lastHours': {
			const hours = toNumber(params.hours);
			if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) {
				throw new InputError(
					'hours',
					`Hours must be a number greater than 0 and at most ${MAX_HOURS} (366 days); got ` +
						`${describe(params.hours)}. Enter how many hours before now to read.`,
				);
			}
			return { startMs: nowMs - Math.round(hours * HOUR_MS), endMs: nowMs };
		}
		case 'today':
		case 'yesterday': {
			let day = DateTime.fromMillis(nowMs, { zone }).startOf('day');
			if (params.range === 'yesterday') day = day.minus({ days: 1 });
			return { startMs: day.toMillis(), endMs: day.plus({ days: 1 }).toMillis() };
		}
		case 'custom': {
			if (isEmpty(params.start)) {
				throw new InputError('start', 'Start is empty. A custom range needs both Start and End.');
			}
			if (isEmpty(params.end)) {
				throw new InputError('end', 'End is empty. A custom range needs both Start and End.');
			}
			const startMs = dateParamToMs(params.start, zone, 'start');
			const endMs = dateParamToMs(params.end, zone, 'end');
			if (endMs <= startMs) {
				throw new InputError(
					'end',
					`End (${new Date(endMs).toISOString()}) must be after Start ` +
						`(${new Date(startMs).toISOString()}). Pick a later End or an earlier Start.`,
				);
			}
			return { startMs, endMs };
		}
		default:
			throw new InputError(
				'timeRange',
				`Time Range ${describe(params.range)} is not supported. Use lastHours, today, yesterday or custom.`,
			);
	}
}

/**
 * The length of one chunk in ms, after checking that `chunkHours` splits `window` into at most
 * MAX_CHUNKS chunks. The node checks this while reading its parameters, so the error comes early.
 */
export function chunkStepMs(window: TimeWindow, chunkHours: number): number {
	if (typeof chunkHours !== 'number' || !Number.isFinite(chunkHours) || chunkHours <= 0) {
		throw new InputError(
			'options.chunkHours',
			`Chunk size must be a number of hours greater than 0; got ${describe(chunkHours)}.`,
		);
	}
	const step = Math.max(1, Math.round(chunkHours * HOUR_MS));
	if ((window.endMs - window.startMs) / step > MAX_CHUNKS) {
		throw new InputError(
			'options.chunkHours',
			`Chunk Size (Hours) of ${chunkHours} splits the window into more than ${MAX_CHUNKS} requests. Use a larger chunk size; ${CHUNK_HOURS.default} suits most tenants.`,
		);
	}
	return step;
}

/**
 * Contiguous chunks of at most `chunkHours` (real hours) covering the window; the last may be
 * shorter. An empty window gives no chunks.
 */
export function splitWindow(window: TimeWindow, chunkHours: number): TimeWindow[] {
	const step = chunkStepMs(window, chunkHours);
	if (window.endMs <= window.startMs) return [];
	const chunks: TimeWindow[] = [];
	for (let s = window.startMs; s < window.endMs; s += step) {
		chunks.push({ startMs: s, endMs: Math.min(s + step, window.endMs) });
	}
	return chunks;
}
