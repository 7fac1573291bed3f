// Schemas of one state record for both API flavors. Each flavor has a zod schema (JSON types,
// then one transform) and a fast path that is that same transform called directly, so both
// accept exactly the same input; zod runs only to explain a rejected record. Outputs are
// canonical: ids as strings, numbers as numbers, instants as epoch ms, durations as seconds.

import { z } from 'zod';

import { parseDurationValue } from '../../states/durations';
import { parseIsoToMs } from '../../time/iso';

// ---- coercers: return the value, null for "absent" (optional fields only), undefined for invalid

const INTEGER = /^\s*-?\d+\s*$/;
const NUMERIC_ID = /^-?\d+$/;

type Raw = Record<string, unknown>;

function toInt(v: unknown): number | undefined {
	if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined;
	if (typeof v === 'string' && INTEGER.test(v)) {
		const n = Number(v);
		return Number.isSafeInteger(n) ? n : undefined;
	}
	return undefined;
}

function toOptInt(v: unknown): number | null | undefined {
	return v === undefined || v === null || v === '' ? null : toInt(v);
}

/** A numeric id (CXone agentId): an integer or a string of digits, as a string. */
function toNumericId(v: unknown): string | undefined {
	if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : undefined;
	if (typeof v === 'string') {
		const t = v.trim();
		return NUMERIC_ID.test(t) ? t : undefined;
	}
	return undefined;
}

/** Any id (sessions, teams, v2 users): an integer or a non-empty string, as a string. */
function toId(v: unknown): string | undefined {
	if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : undefined;
	if (typeof v === 'string') {
		const t = v.trim();
		return t === '' ? undefined : t;
	}
	return undefined;
}

function toOptId(v: unknown): string | null | undefined {
	return v === undefined || v === null || v === '' ? null : toId(v);
}

/** Optional text; numbers are accepted as text (one spec types outStateDescription as number). */
function toOptText(v: unknown): string | null | undefined {
	if (v === undefined || v === null) return null;
	if (typeof v === 'string') {
		const t = v.trim();
		return t === '' ? null : t;
	}
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return undefined;
}

function toInstant(v: unknown): number | undefined {
	const ms = parseIsoToMs(v);
	return ms === null ? undefined : ms;
}

function toOptInstant(v: unknown): number | null | undefined {
	return v === undefined || v === null || v === '' ? null : toInstant(v);
}

function toDuration(v: unknown): number | undefined {
	const s = parseDurationValue(v);
	return s === null ? undefined : s;
}

/** Absent, null and blank text all mean "no duration" (a state whose end CXone did not send). */
function toOptDuration(v: unknown): number | null | undefined {
	if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
	return toDuration(v);
}

/** A value for an error message: short, quoted when text. */
export function describeValue(v: unknown): string {
	if (v === undefined) return 'nothing (the field is missing)';
	let text: string;
	try {
		text = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
	} catch {
		text = String(v);
	}
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const EXPECT = {
	int: 'an integer or a string of digits',
	numericId: 'a numeric id (an integer or a string of digits)',
	id: 'an id (an integer or non-empty text)',
	text: 'text',
	instant: 'an ISO 8601 date-time with Z or an offset, e.g. 2024-05-01T13:00:00.000Z',
	duration: 'an ISO 8601 duration (e.g. PT1M30.5S) or a number of seconds',
} as const;

// Zod checks each field's JSON type (plain zod types: per-field transforms cost ~50 µs a record in
// zod 3), then one transform per record runs the fast path's coercers and, when they fail, reports
// every failing field with its path.

/** A JSON-type check whose error message says what was expected and what came. */
function typeError(expected: string) {
	return {
		errorMap: (_issue: unknown, ctx: { data: unknown }) => ({
			message: `expected ${expected}, got ${describeValue(ctx.data)}`,
		}),
	};
}

function numOrString(expected: string) {
	return z.union([z.number(), z.string()], typeError(expected));
}

const intReq = numOrString(EXPECT.int);
const intOpt = intReq.nullish();
const numericIdReq = numOrString(EXPECT.numericId);
const idReq = numOrString(EXPECT.id);
const idOpt = idReq.nullish();
const textOpt = z.union([z.string(), z.number()], typeError(EXPECT.text)).nullish();
const instantReq = z.string(typeError(EXPECT.instant));
const instantOpt = instantReq.nullish();
const durationReq = numOrString(EXPECT.duration);
const durationOpt = durationReq.nullish();

type Coercer = (v: unknown) => unknown;

/** Field → coercer and expectation, for error messages only (the fast paths are written out). */
type FieldSpecs = ReadonlyArray<readonly [key: string, coerce: Coercer, expected: string]>;

function reportIssues(o: Raw, specs: FieldSpecs, ctx: z.RefinementCtx): void {
	for (const [key, coerce, expected] of specs) {
		if (coerce(o[key]) === undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [key],
				message: `expected ${expected}, got ${describeValue(o[key])}`,
			});
		}
	}
}

function joinName(first: string | null, last: string | null): string | null {
	if (first === null) return last;
	return last === null ? first : `${first} ${last}`;
}

// ---- CXone (`agentStateHistory[]`)

const CXONE_SPECS: FieldSpecs = [
	['agentId', toNumericId, EXPECT.numericId],
	['stateIndex', toOptInt, EXPECT.int],
	['startDate', toInstant, EXPECT.instant],
	['agentStateId', toInt, EXPECT.int],
	['agentStateName', toOptText, EXPECT.text],
	['agentSessionId', toOptId, EXPECT.id],
	['outStateId', toOptInt, EXPECT.int],
	['outStateDescription', toOptText, EXPECT.text],
	['duration', toOptDuration, EXPECT.duration],
	['teamId', toOptId, EXPECT.id],
	['teamNo', toOptId, EXPECT.id],
	['teamName', toOptText, EXPECT.text],
	['agentName', toOptText, EXPECT.text],
	['firstName', toOptText, EXPECT.text],
	['lastName', toOptText, EXPECT.text],
];

/** One CXone state-history record as the API sends it; unknown extra fields are ignored. */
export const cxoneRecordSchema = z
	.object({
		agentId: numericIdReq,
		stateIndex: intOpt,
		startDate: instantReq,
		agentStateId: intReq,
		agentStateName: textOpt,
		agentSessionId: idOpt,
		outStateId: intOpt,
		outStateDescription: textOpt,
		duration: durationOpt,
		teamId: idOpt,
		teamNo: idOpt,
		teamName: textOpt,
		agentName: textOpt,
		firstName: textOpt,
		lastName: textOpt,
	})
	.transform((r, ctx): CxoneRecord => {
		const value = fastCxone(r);
		if (value !== undefined) return value;
		reportIssues(r, CXONE_SPECS, ctx);
		return z.NEVER;
	});

export type CxoneRecordInput = z.input<typeof cxoneRecordSchema>;

/**
 * A validated CXone record: ids as strings, `startMs` epoch ms, `durationSeconds` seconds, or null
 * when CXone sent no duration (absent, null or empty: the session's current state, or one whose
 * end is the next state's start; see docs/open-states.md).
 */
export interface CxoneRecord {
	agentId: string;
	agentName: string | null;
	teamId: string | null;
	teamName: string | null;
	agentSessionId: string | null;
	stateIndex: number | null;
	agentStateId: number;
	agentStateName: string | null;
	outStateId: number | null;
	outStateDescription: string | null;
	startMs: number;
	durationSeconds: number | null;
}

/** The fast path and the schema's transform: undefined when any field fails. */
function fastCxone(o: Raw): CxoneRecord | undefined {
	const agentId = toNumericId(o.agentId);
	const stateIndex = toOptInt(o.stateIndex);
	const startMs = toInstant(o.startDate);
	const agentStateId = toInt(o.agentStateId);
	const agentStateName = toOptText(o.agentStateName);
	const agentSessionId = toOptId(o.agentSessionId);
	const outStateId = toOptInt(o.outStateId);
	const outStateDescription = toOptText(o.outStateDescription);
	const durationSeconds = toOptDuration(o.duration);
	const teamId = toOptId(o.teamId);
	const teamNo = toOptId(o.teamNo);
	const teamName = toOptText(o.teamName);
	const agentName = toOptText(o.agentName);
	const firstName = toOptText(o.firstName);
	const lastName = toOptText(o.lastName);
	if (
		agentId === undefined ||
		stateIndex === undefined ||
		startMs === undefined ||
		agentStateId === undefined ||
		agentStateName === undefined ||
		agentSessionId === undefined ||
		outStateId === undefined ||
		outStateDescription === undefined ||
		durationSeconds === undefined ||
		teamId === undefined ||
		teamNo === undefined ||
		teamName === undefined ||
		agentName === undefined ||
		firstName === undefined ||
		lastName === undefined
	) {
		return undefined;
	}
	return {
		agentId,
		agentName: agentName ?? joinName(firstName, lastName),
		teamId: teamId ?? teamNo,
		teamName,
		agentSessionId,
		stateIndex,
		agentStateId,
		agentStateName,
		outStateId,
		outStateDescription,
		startMs,
		durationSeconds,
	};
}

// ---- Reporting API v2 (`records[]`)

const V2_SPECS: FieldSpecs = [
	['user_id', toId, EXPECT.id],
	['user_name', toOptText, EXPECT.text],
	['team_id', toOptId, EXPECT.id],
	['team_name', toOptText, EXPECT.text],
	['session_id', toOptId, EXPECT.id],
	['state_index', toOptInt, EXPECT.int],
	['state_id', toInt, EXPECT.int],
	['state_name', toOptText, EXPECT.text],
	['reason_id', toOptInt, EXPECT.int],
	['reason_name', toOptText, EXPECT.text],
	['start_time', toInstant, EXPECT.instant],
	['end_time', toOptInstant, EXPECT.instant],
	['duration', toOptDuration, EXPECT.duration],
];

/** One Reporting API v2 state record as the API sends it; unknown extra fields are ignored. */
export const v2RecordSchema = z
	.object({
		user_id: idReq,
		user_name: textOpt,
		team_id: idOpt,
		team_name: textOpt,
		session_id: idOpt,
		state_index: intOpt,
		state_id: intReq,
		state_name: textOpt,
		reason_id: intOpt,
		reason_name: textOpt,
		start_time: instantReq,
		end_time: instantOpt,
		duration: durationOpt,
	})
	.transform((r, ctx): V2Record => {
		const value = fastV2(r);
		if (value !== undefined) return value;
		reportIssues(r, V2_SPECS, ctx);
		return z.NEVER;
	});

export type V2RecordInput = z.input<typeof v2RecordSchema>;

/** A validated v2 record: `endMs` null while the state is open. */
export interface V2Record {
	userId: string;
	userName: string | null;
	teamId: string | null;
	teamName: string | null;
	sessionId: string | null;
	stateIndex: number | null;
	stateId: number;
	stateName: string | null;
	reasonId: number | null;
	reasonName: string | null;
	startMs: number;
	endMs: number | null;
	durationSeconds: number | null;
}

/** The fast path and the schema's transform: undefined when any field fails. */
function fastV2(o: Raw): V2Record | undefined {
	const userId = toId(o.user_id);
	const userName = toOptText(o.user_name);
	const teamId = toOptId(o.team_id);
	const teamName = toOptText(o.team_name);
	const sessionId = toOptId(o.session_id);
	const stateIndex = toOptInt(o.state_index);
	const stateId = toInt(o.state_id);
	const stateName = toOptText(o.state_name);
	const reasonId = toOptInt(o.reason_id);
	const reasonName = toOptText(o.reason_name);
	const startMs = toInstant(o.start_time);
	const endMs = toOptInstant(o.end_time);
	const durationSeconds = toOptDuration(o.duration);
	if (
		userId === undefined ||
		userName === undefined ||
		teamId === undefined ||
		teamName === undefined ||
		sessionId === undefined ||
		stateIndex === undefined ||
		stateId === undefined ||
		stateName === undefined ||
		reasonId === undefined ||
		reasonName === undefined ||
		startMs === undefined ||
		endMs === undefined ||
		durationSeconds === undefined
	) {
		return undefined;
	}
	return {
		userId,
		userName,
		teamId,
		teamName,
		sessionId,
		stateIndex,
		stateId,
		stateName,
		reasonId,
		reasonName,
		startMs,
		endMs,
		durationSeconds,
	};
}

// ---- parsing entry points

export type RecordParseResult<T> =
	| { ok: true; value: T }
	| { ok: false; field: string; message: string };

function isObject(raw: unknown): raw is Raw {
	return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function slowParse<T>(
	schema: z.ZodType<T, z.ZodTypeDef, unknown>,
	raw: unknown,
): RecordParseResult<T> {
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, value: result.data };
	const issues = result.error.issues;
	const describe = (issue: z.ZodIssue) =>
		issue.path.length === 0
			? `the record: ${issue.message}`
			: `field "${issue.path.join('.')}" ${issue.message}`;
	const shown = issues.slice(0, 3).map(describe);
	if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
	return { ok: false, field: issues[0].path.join('.') || '(record)', message: shown.join('; ') };
}

/** Validates one CXone record: the fast path for well-formed input, zod for the error message. */
export function parseCxoneRecord(raw: unknown): RecordParseResult<CxoneRecord> {
	if (isObject(raw)) {
		const value = fastCxone(raw);
		if (value !== undefined) return { ok: true, value };
	}
	return slowParse(cxoneRecordSchema, raw);
}

/** Validates one Reporting API v2 record: the fast path first, zod for the error message. */
export function parseV2Record(raw: unknown): RecordParseResult<V2Record> {
	if (isObject(raw)) {
		const value = fastV2(raw);
		if (value !== undefined) return { ok: true, value };
	}
	return slowParse(v2RecordSchema, raw);
}
