// Value kinds of record fields: how a raw JSON value becomes a canonical one (ids as strings,
// numbers as numbers, instants as epoch ms, durations as seconds) and what an error says was
// expected. Layering: time/iso.ts and records/durations.ts (value parsers, no imports) sit below
// this file; records/fields.ts (the tables) and records/validate.ts sit above it; states/ above all.

import { parseIsoToMs } from '../time/iso';
import { parseDurationValue } from './durations';

/**
 * One kind of field: what `readField` reads it as, whether it may be absent, what an error says
 * was expected, and its JSON type, reported before content errors so a record with a wrongly
 * typed field names only those fields (the order the former zod schemas reported in). `T` is the
 * value read, for records/fields.ts to derive the record types.
 */
export interface Kind<T> {
	readonly tag:
		| 'int'
		| 'number'
		| 'numericId'
		| 'id'
		| 'ref'
		| 'text'
		| 'instant'
		| 'duration'
		| 'bool';
	readonly optional: boolean;
	readonly expected: string;
	readonly jsonType: 'numberOrString' | 'string' | 'boolean';
	/** A value it cannot read is null rather than an invalid record (fields the node only carries). */
	readonly lenient?: true;
	/** Never set: carries the value type. */
	readonly value?: T;
}

const INTEGER = /^\s*-?\d+\s*$/;
const DECIMAL = /^\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;
const NUMERIC_ID = /^-?\d+$/;
const ZERO = /^0+$/;

function toInt(v: unknown): number | undefined {
	if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined;
	if (typeof v === 'string' && INTEGER.test(v)) {
		const n = Number(v);
		return Number.isSafeInteger(n) ? n : undefined;
	}
	return undefined;
}

/** A finite number, or a decimal string (CXone sends percentages as "36.81"). */
function toNumber(v: unknown): number | undefined {
	if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
	if (typeof v === 'string' && DECIMAL.test(v)) return Number(v);
	return undefined;
}

/**
 * An id as a string: an integer, or text that is non-empty or, for `numeric` (CXone agentId), a
 * string of digits.
 */
function toId(v: unknown, numeric: boolean): string | undefined {
	if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : undefined;
	if (typeof v === 'string') {
		const t = v.trim();
		return (numeric ? NUMERIC_ID.test(t) : t !== '') ? t : undefined;
	}
	return undefined;
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

/**
 * A flag: JSON booleans, "true"/"false" or "yes"/"no" (or "y"/"n") in any casing, 1/0 (older APIs
 * send flags as numbers or as text).
 */
function toBool(v: unknown): boolean | undefined {
	if (typeof v === 'boolean') return v;
	if (v === 1 || v === 0) return v === 1;
	if (typeof v === 'string') {
		const t = v.trim().toLowerCase();
		if (t === 'true' || t === '1' || t === 'yes' || t === 'y') return true;
		if (t === 'false' || t === '0' || t === 'no' || t === 'n') return false;
	}
	return undefined;
}

function toInstant(v: unknown): number | undefined {
	const ms = parseIsoToMs(v);
	return ms === null ? undefined : ms;
}

function toDuration(v: unknown): number | undefined {
	const s = parseDurationValue(v);
	return s === null ? undefined : s;
}

const EXPECT = {
	int: 'an integer or a string of digits',
	number: 'a number or a decimal string',
	numericId: 'a numeric id (an integer or a string of digits)',
	id: 'an id (an integer or non-empty text)',
	ref: 'an id (an integer or non-empty text; 0 = none)',
	text: 'text',
	instant: 'an ISO 8601 date-time with Z or an offset, e.g. 2024-05-01T13:00:00.000Z',
	duration: 'an ISO 8601 duration (e.g. PT1M30.5S) or a number of seconds',
	bool: 'true or false',
} as const;

function kind<T>(tag: Kind<T>['tag'], optional: boolean, jsonType: Kind<T>['jsonType']): Kind<T> {
	return { tag, optional, expected: EXPECT[tag], jsonType };
}

export const int = kind<number>('int', false, 'numberOrString');
export const optInt = kind<number | null>('int', true, 'numberOrString');
export const optNumber = kind<number | null>('number', true, 'numberOrString');
export const numericId = kind<string>('numericId', false, 'numberOrString');
export const id = kind<string>('id', false, 'numberOrString');
export const optId = kind<string | null>('id', true, 'numberOrString');
/** A reference to another record where CXone writes 0 for "none" (skillId, contactId). */
export const optRef = kind<string | null>('ref', true, 'numberOrString');
/** Numbers are accepted as text (one spec types outStateDescription as number). */
export const optText = kind<string | null>('text', true, 'numberOrString');
export const instant = kind<number>('instant', false, 'string');
export const optInstant = kind<number | null>('instant', true, 'string');
export const duration = kind<number>('duration', false, 'numberOrString');
/** Absent, null and blank text all mean "no duration" (a state whose end CXone did not send). */
export const optDuration = kind<number | null>('duration', true, 'numberOrString');
export const optBool = kind<boolean | null>('bool', true, 'boolean');

/** `k`, optional, with a value it cannot read taken as null: for fields the node only carries. */
export function lenient<T>(k: Kind<T>): Kind<T | null> {
	return { ...k, optional: true, lenient: true };
}

/**
 * The value of `v` as `kind`: null for absent (optional kinds only), undefined for invalid. One
 * switch with direct calls, not a function per kind: the coercers inline into it, where a call
 * through each kind's own function could not (that was twice as slow over a page of records).
 */
export function readField(kind: Kind<unknown>, v: unknown): unknown {
	if (kind.optional && (v === undefined || v === null || v === '')) return null;
	switch (kind.tag) {
		case 'int':
			return toInt(v);
		case 'number':
			return toNumber(v);
		case 'numericId':
			return toId(v, true);
		case 'id':
			return toId(v, false);
		case 'ref': {
			const ref = toId(v, false);
			return ref !== undefined && ZERO.test(ref) ? null : ref;
		}
		case 'text': {
			const text = toOptText(v);
			return text === null && !kind.optional ? undefined : text;
		}
		case 'instant':
			return toInstant(v);
		case 'duration':
			if (kind.optional && typeof v === 'string' && v.trim() === '') return null;
			return toDuration(v);
		case 'bool':
			return toBool(v);
	}
}

/** Whether `v` has the JSON type the kind takes (content is checked by `read`). */
export function hasJsonType(kind: Kind<unknown>, v: unknown): boolean {
	if (kind.lenient === true || v === undefined || v === null) return kind.optional;
	if (typeof v === 'string') return true;
	if (typeof v === 'boolean') return kind.jsonType === 'boolean';
	return kind.jsonType !== 'string' && typeof v === 'number' && !Number.isNaN(v);
}
