// The trigger's memory between polls and the rules that make it emit every event exactly once:
// which window a poll reads, which events it emits, and the state it leaves for the next poll.
// Pure functions over plain data; poll.ts does the I/O. Times are UTC epoch ms throughout, so
// midnight and DST changes in any zone play no part.
//
// Rules: an event (a record's start, end or threshold crossing, see events.ts) is emitted when its
// time is at or after the horizon and its key is not in the emitted set. The horizon is
// max(cursor − look-back, floor); after each successful poll the cursor moves to now and the floor
// to cursor − look-back. Keys of events before the floor are dropped, since the horizon already
// excludes them; so the set holds about one look-back of events. If it still outgrows its bound,
// the oldest keys go and the floor rises past them: a forgotten event can never come back.

import type { IDataObject } from 'n8n-workflow';

import type { ThresholdRules } from '../shared/thresholds';
import type { TimeWindow } from '../shared/types';
import type { StateRecord } from '../shared/records/stateRecord';
import type { TriggerEvent } from './events';
import { eventKey, eventTimeMs } from './events';

export interface CursorState {
	/** The `now` of the last successful poll (epoch ms). */
	cursorMs: number;
	/** Events before this instant are never emitted: they were covered, and may be forgotten. */
	floorMs: number;
	/** Keys of emitted events (see eventKey) → event time; only events at or after floorMs. */
	emitted: Record<string, number>;
}

export interface SelectOptions {
	/** Only for stateExceeded: the rules that say when each state crosses its threshold. */
	thresholds?: ThresholdRules;
	/** How far before the cursor each poll looks again, for records CXone lists late. */
	lookBackMs: number;
	/** After a long pause (workflow off, n8n down), read at most this much plus the look-back; 0 = all. */
	maxCatchUpMs?: number;
	/** Bound of the emitted set. Default MAX_EMITTED_KEYS. */
	maxKeys?: number;
}

export interface Selection {
	/** New events, oldest first. */
	emit: StateRecord[];
	nextState: CursorState;
}

/** Keys kept at most; a look-back of 10 minutes over 200 agents holds a few hundred. */
export const MAX_EMITTED_KEYS = 5000;

/** Read this much before the horizon; selection still starts at the horizon. */
export const QUERY_MARGIN_MS = 1000;

const STATE_VERSION = 1;

/** The state of a first activation: nothing before now will be emitted. */
export function initialCursorState(nowMs: number): CursorState {
	return { cursorMs: nowMs, floorMs: nowMs, emitted: {} };
}

/** Earliest event time a poll at `nowMs` may still emit. */
export function horizonMs(
	state: CursorState,
	nowMs: number,
	lookBackMs: number,
	maxCatchUpMs = 0,
): number {
	let horizon = Math.max(state.cursorMs - lookBackMs, state.floorMs);
	if (maxCatchUpMs > 0) horizon = Math.max(horizon, nowMs - maxCatchUpMs - lookBackMs);
	return horizon;
}

/**
 * The UTC window a poll at `nowMs` reads: [horizon − margin, now]. Every event at or after the
 * horizon lies in a state that overlaps it (a state's end and threshold crossing come after its
 * start); the margin lets CXone's half-open windows return a state ending exactly at the horizon.
 * Null when there is nothing to read (the clock stands at or before the horizon).
 */
export function planPoll(
	state: CursorState,
	nowMs: number,
	lookBackMs: number,
	maxCatchUpMs = 0,
): TimeWindow | null {
	const horizon = horizonMs(state, nowMs, lookBackMs, maxCatchUpMs);
	return nowMs > horizon ? { startMs: horizon - QUERY_MARGIN_MS, endMs: nowMs } : null;
}

function byTimeThenId(
	a: { atMs: number; record: StateRecord },
	b: { atMs: number; record: StateRecord },
): number {
	if (a.atMs !== b.atMs) return a.atMs - b.atMs;
	const x = a.record.recordId;
	const y = b.record.recordId;
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The events of `records` not emitted before, and the state after emitting them. Call it only
 * once the fetch has succeeded; the caller stores `nextState` with the emission.
 */
export function selectEvents(
	records: readonly StateRecord[],
	state: CursorState,
	event: TriggerEvent,
	opts: SelectOptions,
	nowMs: number,
): Selection {
	const horizon = horizonMs(state, nowMs, opts.lookBackMs, opts.maxCatchUpMs ?? 0);
	const emitted = new Map<string, number>(Object.entries(state.emitted));
	const picked: Array<{ atMs: number; record: StateRecord }> = [];
	for (const record of records) {
		const atMs = eventTimeMs(record, event, opts.thresholds);
		// `!(>=)` also refuses NaN.
		if (atMs === undefined || !(atMs >= horizon)) continue;
		const key = eventKey(event, record.recordId);
		if (emitted.has(key)) continue;
		emitted.set(key, atMs);
		picked.push({ atMs, record });
	}
	picked.sort(byTimeThenId);

	const cursorMs = Math.max(state.cursorMs, nowMs);
	let floorMs = Math.max(state.floorMs, cursorMs - opts.lookBackMs);
	let kept: Array<[string, number]> = [];
	for (const entry of emitted) if (entry[1] >= floorMs) kept.push(entry);

	const maxKeys = Math.max(1, Math.floor(opts.maxKeys ?? MAX_EMITTED_KEYS));
	if (kept.length > maxKeys) {
		// Forget the oldest keys and raise the floor above them, so none of them is emitted again.
		kept.sort((a, b) => b[1] - a[1]);
		floorMs = Math.floor(kept[maxKeys][1]) + 1;
		kept = kept.filter((entry) => entry[1] >= floorMs);
	}

	return {
		emit: picked.map((p) => p.record),
		nextState: { cursorMs, floorMs, emitted: Object.fromEntries(kept) },
	};
}

function finite(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/** The state kept in the node's static data; undefined before the first activation. */
export function readCursorState(data: IDataObject): CursorState | undefined {
	const cursorMs = data.cursorMs;
	if (!finite(cursorMs)) return undefined;
	// A damaged floor falls back to the cursor: possibly a late record missed, never a duplicate.
	const floorMs = finite(data.floorMs) ? data.floorMs : cursorMs;
	const emitted: Record<string, number> = {};
	const stored = data.emitted;
	if (stored !== null && typeof stored === 'object' && !Array.isArray(stored)) {
		for (const [key, atMs] of Object.entries(stored)) if (finite(atMs)) emitted[key] = atMs;
	}
	return { cursorMs, floorMs, emitted };
}

/**
 * Stores `state` in the node's static data. Top-level assignments only: n8n notices changes of the
 * static data object itself, not inside objects assigned to it later.
 */
export function writeCursorState(data: IDataObject, state: CursorState): void {
	data.version = STATE_VERSION;
	data.cursorMs = state.cursorMs;
	data.cursorUtc = new Date(state.cursorMs).toISOString();
	data.floorMs = state.floorMs;
	data.emitted = { ...state.emitted };
}
