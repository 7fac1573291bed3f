// Raw API record → the output contract (StateRecord): validation, times in UTC and in the chosen
// zone, durations, window rules (clip / as returned / start in window), isOpen and overThreshold.
// The flavor (flavors/) says how a record is read and where it ends; states/stateItem.ts builds
// the item. Per-zone and per-window work happens once in createNormalizer.

import type { Flavor } from '../flavors';
import type { ThresholdRules } from '../thresholds';
import { exceedsThresholdRules } from '../thresholds';
import { agentName } from '../records/agentName';
import { flatString, formatUtcIso, MAX_ISO_MS } from '../time/iso';
import { getZoneFormatter } from '../time/zone';
import type { BoundaryMode, TimeWindow } from '../types';
import type { StateRecord } from '../records/stateRecord';
import { describeState, historyItem } from './stateItem';
import type { StateNameOverrides } from './stateTables';

export interface NormalizerOptions {
	flavor: Flavor;
	/** IANA zone for `startTime` / `endTime`, checked by the Timezone parameter's reader. */
	timeZone: string;
	/** The requested window; used by `clip` and `startInWindow`. */
	window: TimeWindow;
	boundary: BoundaryMode;
	/** State id → name; wins over the API's name and the built-in table. */
	stateNameOverrides?: StateNameOverrides;
	/** Attach the original record as `raw`. */
	includeRaw: boolean;
	/** Per-reason / per-state thresholds: when set, every record gets `overThreshold`. */
	thresholds?: ThresholdRules | null;
}
/** Where a record sits in its agent's session: what finds the next state's start. */
export interface SessionPosition {
	agentId: string;
	agentSessionId: string | null;
	stateIndex: number | null;
	startMs: number;
}

export type NormalizeResult =
	| {
			ok: true;
			record: StateRecord;
			startMs: number;
			/**
			 * An open CXone record (no duration, or one that reaches the read instant) and no end
			 * was given: it stays open unless the run shows a later state of its session or agent
			 * (history/sessionEnds.ts).
			 */
			endUnknown: boolean;
	  }
	| { ok: false; reason: 'invalid'; message: string }
	| { ok: false; reason: 'outsideWindow'; position?: SessionPosition };

/**
 * Normalizes one raw record. `readAtMs` is the read instant of the response holding it: CXone's
 * page `lastPollTime`, never later than the response's arrival, else the arrival (for v2 the end
 * of states whose `end_time` is null). `knownEndMs`, for a CXone record that would be open, is
 * the start of the next state of its session (or agent): the record has ended there, or at start
 * + duration when CXone sent a later one. `readSinceMs` (default `readAtMs`) is the earliest
 * instant CXone may have read the data: without a lastPollTime, when the request was sent, since
 * a duration "elapsed so far" may have been taken at any instant until the response arrived.
 */
export type Normalizer = (
	raw: unknown,
	readAtMs: number | undefined,
	knownEndMs?: number,
	readSinceMs?: number,
) => NormalizeResult;

const OUTSIDE: NormalizeResult = { ok: false, reason: 'outsideWindow' };

function identify(flavor: Flavor, raw: unknown): string {
	if (typeof raw !== 'object' || raw === null) return 'record';
	const o = raw as Record<string, unknown>;
	const parts: string[] = [];
	for (const key of flavor.identityFields) {
		const v = o[key];
		if (typeof v === 'string' || typeof v === 'number') {
			const text = String(v);
			parts.push(`${key} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`);
		}
	}
	return parts.length === 0 ? 'record' : `record (${parts.join(', ')})`;
}

/** Builds a normalizer for one flavor, zone, window and set of options. Throws for bad options. */
export function createNormalizer(opts: NormalizerOptions): Normalizer {
	const { flavor, boundary, includeRaw, stateNameOverrides } = opts;
	if (boundary !== 'clip' && boundary !== 'asReturned' && boundary !== 'startInWindow') {
		throw new Error(`Unknown boundary mode "${String(boundary)}"`);
	}
	const threshold = opts.thresholds ?? null;

	const zoned = getZoneFormatter(opts.timeZone);
	const wStart = opts.window.startMs;
	const wEnd = opts.window.endMs;
	const windowStartUtc = formatUtcIso(wStart);
	const windowEndUtc = formatUtcIso(wEnd);
	const { endField, label: flavorName, states, endsAtNextState } = flavor;
	const parse = flavor.records.parse;
	const output = flavor.records.output;

	return (
		raw: unknown,
		readAtMs: number | undefined,
		knownEndMs?: number,
		readSinceMs?: number,
	): NormalizeResult => {
		const parsed = parse(raw);
		if (!parsed.ok) {
			return {
				ok: false,
				reason: 'invalid',
				message: `Invalid ${flavorName} ${identify(flavor, raw)}: ${parsed.message}`,
			};
		}
		const c = parsed.value;
		const { startMs } = c;
		const end = flavor.end(c, readAtMs, readSinceMs, knownEndMs);
		const { endMs, reportedEndMs, isOpen } = end;
		if (endMs < startMs) {
			return {
				ok: false,
				reason: 'invalid',
				message: `Invalid ${flavorName} ${identify(flavor, raw)}: field "${endField}" ends before the state starts`,
			};
		}
		if (reportedEndMs > MAX_ISO_MS) {
			return {
				ok: false,
				reason: 'invalid',
				message: `Invalid ${flavorName} ${identify(flavor, raw)}: field "${endField}" ends after the year 9999`,
			};
		}

		// Half-open window [wStart, wEnd): a zero-length state counts when it starts inside it.
		if (
			(boundary === 'startInWindow' && (startMs < wStart || startMs >= wEnd)) ||
			(boundary === 'clip' &&
				(startMs >= wEnd || (endMs <= wStart && !(endMs === startMs && startMs === wStart))))
		) {
			// A record outside the window can still be the next state that ends an open one.
			if (!endsAtNextState) return OUTSIDE;
			const { agentId, agentSessionId, stateIndex } = c;
			return {
				ok: false,
				reason: 'outsideWindow',
				position: { agentId, agentSessionId, stateIndex, startMs },
			};
		}

		const startTimeUtc = formatUtcIso(startMs);
		const d = describeState(
			states,
			c.stateId,
			c.apiStateName,
			c.reasonId,
			c.reasonName,
			stateNameOverrides,
		);
		const recordId = flatString(
			c.agentSessionId !== null && c.stateIndex !== null
				? `${c.agentId}:${c.agentSessionId}:${c.stateIndex}`
				: `${c.agentId}:${startTimeUtc}:${c.stateId}`,
		);
		const name =
			c.agentName ??
			(c.firstName === undefined ? null : agentName(c.firstName ?? null, c.lastName ?? null));
		const record = historyItem(c, recordId, name, d, end, zoned, startTimeUtc);
		// Fields the table carries as they are (records/fields.ts, rows with `output: true`).
		for (let i = 0; i < output.length; i++) {
			const field = output[i];
			(record as unknown as Record<string, unknown>)[field] = (
				c as unknown as Record<string, unknown>
			)[field];
		}
		if (boundary !== 'asReturned') {
			record.windowStartUtc = windowStartUtc;
			record.windowEndUtc = windowEndUtc;
		}
		if (boundary === 'clip') {
			const overlap = Math.min(endMs, wEnd) - Math.max(startMs, wStart);
			record.clippedDurationSeconds = overlap > 0 ? overlap / 1000 : 0;
		}
		if (threshold !== null) {
			// The full duration counts: a break that began before the window still ran over.
			record.overThreshold = exceedsThresholdRules(threshold, endMs - startMs, d.state, d.reason);
		}
		if (includeRaw && typeof raw === 'object' && raw !== null) {
			record.raw = raw as Record<string, unknown>;
		}
		const endUnknown = endsAtNextState && isOpen;
		return { ok: true, record, startMs, endUnknown };
	};
}
