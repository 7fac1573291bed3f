// Raw API record → the output contract (StateRecord): validation, names, categories, times in UTC
// and in the chosen zone, durations, window rules (clip / as returned / start in window), isOpen
// and overThreshold. Per-zone and per-window work happens once in createNormalizer.

import type { ThresholdRules } from '../thresholds';
import { exceedsThresholdRules, makeThreshold } from '../thresholds';
import type { ValidRecord } from '../records/fields';
import type { RecordValidator } from '../records/validate';
import { CXONE_RECORDS, V2_RECORDS } from '../records/validate';
import { flatString, formatUtcIso, MAX_ISO_MS } from '../time/iso';
import { checkTimeZone, getZoneFormatter } from '../time/zone';
import type { ApiFlavor, BoundaryMode, TimeWindow } from '../types';
import type { StateRecord } from '../records/stateRecord';
import { formatDuration } from '../records/durations';
import { isNoReason, resolveStateName, stateCategory } from './stateTables';
import type { StateNameOverrides } from './stateTables';

export interface NormalizerOptions {
	flavor: ApiFlavor;
	/** IANA zone for `startTime` / `endTime`. */
	timeZone: string;
	/** The requested window; used by `clip` and `startInWindow`. */
	window: TimeWindow;
	boundary: BoundaryMode;
	/** State id → name; wins over the API's name and the built-in table. */
	stateNameOverrides?: StateNameOverrides;
	/** Attach the original record as `raw`. */
	includeRaw: boolean;
	/**
	 * Per-reason / per-state thresholds (version 2 of the nodes). When set, every record gets
	 * `overThreshold`, and thresholdMinutes / thresholdLabels are not read.
	 */
	thresholds?: ThresholdRules | null;
	/** Version 1: when set (and `thresholds` is not), every record gets `overThreshold`. */
	thresholdMinutes?: number | null;
	/** Version 1: only records whose reason or state is in this list (any case) can be over. */
	thresholdLabels?: string[];
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

/** Tolerance for "the state was still running when read": CXone's duration and lastPollTime can differ by rounding. */
const OPEN_TOLERANCE_MS = 1000;

const OUTSIDE: NormalizeResult = { ok: false, reason: 'outsideWindow' };

/** An open state runs until the read instant; clock skew must not give a negative duration. */
function openEndMs(startMs: number, readAtMs: number | undefined): number {
	return Math.max(startMs, readAtMs ?? Date.now());
}

/**
 * Where a state ends and whether it is still open. A CXone state is open when no later state of
 * its session is known and it has no duration, or start + duration reaches the read instant (CXone
 * then reports the time elapsed so far); a v2 state while `end_time` is null. Open states run
 * until the read instant. A duration that ends within the tolerance of the read instant can also
 * be a state that ended just before it: only a known next state tells the two apart.
 * `reportedEndMs` is the end the API reported, before an open state is cut at the read instant.
 */
interface StateEnd {
	endMs: number;
	reportedEndMs: number;
	isOpen: boolean;
}

function cxoneEnd(
	r: ValidRecord,
	readAtMs: number | undefined,
	knownEndMs: number | undefined,
	readSinceMs: number | undefined,
): StateEnd {
	const reported =
		r.durationSeconds === null ? undefined : r.startMs + Math.round(r.durationSeconds * 1000);
	if (knownEndMs !== undefined) {
		// A duration so far may have been read before the next state began (pages read at other
		// instants): the next state's start ends it, unless the duration ends later.
		const endMs = reported === undefined ? knownEndMs : Math.max(reported, knownEndMs);
		return { endMs, reportedEndMs: endMs, isOpen: false };
	}
	if (reported === undefined) {
		const endMs = openEndMs(r.startMs, readAtMs);
		return { endMs, reportedEndMs: endMs, isOpen: true };
	}
	const since = readSinceMs ?? readAtMs;
	const isOpen = since !== undefined && reported >= since - OPEN_TOLERANCE_MS;
	return {
		endMs: isOpen ? openEndMs(r.startMs, readAtMs) : reported,
		reportedEndMs: reported,
		isOpen,
	};
}

function v2End(r: ValidRecord, readAtMs: number | undefined): StateEnd {
	let endMs: number;
	if (r.endMs !== null && r.endMs !== undefined) {
		endMs = r.endMs;
	} else if (readAtMs !== undefined) {
		endMs = openEndMs(r.startMs, readAtMs);
	} else if (r.durationSeconds !== null) {
		endMs = r.startMs + Math.round(r.durationSeconds * 1000);
	} else {
		endMs = Math.max(r.startMs, Date.now());
	}
	return { endMs, reportedEndMs: endMs, isOpen: r.endMs === null || r.endMs === undefined };
}

function identify(flavor: ApiFlavor, raw: unknown): string {
	if (typeof raw !== 'object' || raw === null) return 'record';
	const o = raw as Record<string, unknown>;
	const keys =
		flavor === 'reportingV2'
			? (['user_id', 'start_time', 'state_index'] as const)
			: (['agentId', 'startDate', 'stateIndex'] as const);
	const parts: string[] = [];
	for (const key of keys) {
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
	checkTimeZone(opts.timeZone);
	if (boundary !== 'clip' && boundary !== 'asReturned' && boundary !== 'startInWindow') {
		throw new Error(`Unknown boundary mode "${String(boundary)}"`);
	}
	const threshold: ThresholdRules | null =
		opts.thresholds ??
		(opts.thresholdMinutes === undefined || opts.thresholdMinutes === null
			? null
			: makeThreshold(opts.thresholdMinutes, opts.thresholdLabels));

	const zoned = getZoneFormatter(opts.timeZone);
	const wStart = opts.window.startMs;
	const wEnd = opts.window.endMs;
	const windowStartUtc = formatUtcIso(wStart);
	const windowEndUtc = formatUtcIso(wEnd);
	const endField = flavor === 'reportingV2' ? 'end_time' : 'duration';
	const flavorName = flavor === 'reportingV2' ? 'Reporting API v2' : 'CXone';
	const cxone = flavor !== 'reportingV2';
	const records: RecordValidator<ValidRecord> = cxone ? CXONE_RECORDS : V2_RECORDS;
	const parse = records.parse;
	const output = records.output;

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
		const { endMs, reportedEndMs, isOpen } = cxone
			? cxoneEnd(c, readAtMs, knownEndMs, readSinceMs)
			: v2End(c, readAtMs);
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
			// A CXone record outside the window can still be the next state that ends an open one.
			if (!cxone) return OUTSIDE;
			const { agentId, agentSessionId, stateIndex } = c;
			return {
				ok: false,
				reason: 'outsideWindow',
				position: { agentId, agentSessionId, stateIndex, startMs },
			};
		}

		const startTimeUtc = formatUtcIso(startMs);
		const state = resolveStateName(flavor, c.stateId, c.apiStateName, stateNameOverrides);
		const noReason = isNoReason(c.reasonId);
		const reasonId = noReason ? null : c.reasonId;
		const reason = noReason ? null : c.reasonName;
		const durationMs = endMs - startMs;
		const durationSeconds = durationMs / 1000;

		const recordId = flatString(
			c.agentSessionId !== null && c.stateIndex !== null
				? `${c.agentId}:${c.agentSessionId}:${c.stateIndex}`
				: `${c.agentId}:${startTimeUtc}:${c.stateId}`,
		);
		const agentId = c.agentId;
		// One literal in the contract's order. Built key by key, the record's property storage grew
		// (was reallocated) seven times per record: CPU, garbage and more memory kept per record.
		let record: StateRecord = {
			recordId,
			agentId,
			teamId: c.teamId,
			agentSessionId: c.agentSessionId,
			stateIndex: c.stateIndex,
			stateId: c.stateId,
			state,
			reasonId,
			reason,
			label: reason ?? state,
			category: stateCategory(flavor, c.stateId),
			startTimeUtc,
			// An open state has no end yet; its duration runs to the read instant.
			endTimeUtc: isOpen ? null : formatUtcIso(endMs),
			startTime: zoned(startMs),
			endTime: isOpen ? null : zoned(endMs),
			durationSeconds,
			durationFormatted: formatDuration(durationSeconds),
			isOpen,
		};
		// Optional names sit after agentId: a spread keeps the leading keys' order (and values).
		const { agentName, teamName } = c;
		const rest: Omit<StateRecord, 'recordId' | 'agentId'> = record;
		if (agentName !== null) {
			record =
				teamName !== null
					? { recordId, agentId, agentName, teamName, ...rest }
					: { recordId, agentId, agentName, ...rest };
		} else if (teamName !== null) {
			record = { recordId, agentId, teamName, ...rest };
		}
		// Fields the table carries as they are (records/fields.ts, rows with `output: true`).
		for (let i = 0; i < output.length; i++) {
			const name = output[i];
			(record as unknown as Record<string, unknown>)[name] = (
				c as unknown as Record<string, unknown>
			)[name];
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
			record.overThreshold = exceedsThresholdRules(threshold, durationMs, state, reason);
		}
		if (includeRaw && typeof raw === 'object' && raw !== null) {
			record.raw = raw as Record<string, unknown>;
		}
		const endUnknown = cxone && isOpen;
		return { ok: true, record, startMs, endUnknown };
	};
}
