// Validates one raw record of either flavor against its table in records/fields.ts. One loop reads
// a well-formed record; the same rows explain a rejected one. Layering: above records/fields.ts;
// states/normalize.ts calls it.

import type { CxoneRecord, FieldTable, RecordOf, V2Record } from './fields';
import { CXONE_FIELDS, V2_FIELDS } from './fields';
import type { Kind } from './kinds';
import { hasJsonType, readField } from './kinds';

export type RecordParseResult<T> =
	| { ok: true; value: T }
	| { ok: false; field: string; message: string };

type Raw = Record<string, unknown>;

interface Row {
	key: string;
	/** The key looked up in the raw record: `key`, lower-cased for a case-insensitive table. */
	lookup: string;
	name: string;
	kind: Kind<unknown>;
}

/** A field that others fill when absent: `name ?? fills joined with a space`. */
interface Filled {
	name: string;
	fills: Row[];
}

interface Compiled {
	/** Every row in table order: the order errors name fields. */
	rows: Row[];
	own: Row[];
	filled: Filled[];
	/** Every output name, null: copied per record so its shape is fixed up front. */
	template: Raw;
	/** Names of the rows carried into the output, in table order. */
	output: string[];
}

function compile(table: FieldTable, ignoreCase: boolean): Compiled {
	const rows: Row[] = [];
	const own: Row[] = [];
	const filled: Filled[] = [];
	const output: string[] = [];
	for (const [key, spec] of Object.entries(table)) {
		const kind = 'tag' in spec ? spec : spec.kind;
		const name = 'fills' in spec ? spec.fills : 'as' in spec && spec.as ? spec.as : key;
		const row: Row = { key, lookup: ignoreCase ? key.toLowerCase() : key, name, kind };
		rows.push(row);
		if (!('fills' in spec)) {
			own.push(row);
			if ('output' in spec && spec.output) output.push(name);
			continue;
		}
		let target = filled.find((f) => f.name === name);
		if (target === undefined) filled.push((target = { name, fills: [] }));
		target.fills.push(row);
	}
	const template: Raw = {};
	for (const row of own) template[row.name] = null;
	return { rows, own, filled, template, output };
}

/** The record, or undefined when any field fails. */
function read(c: Compiled, o: Raw): Raw | undefined {
	// Filling a copy of the template, not growing an empty object, keeps every record one shape
	// with its properties in the object: growing one reallocated its storage several times.
	const out: Raw = { ...c.template };
	for (const row of c.own) {
		const v = readField(row.kind, o[row.lookup]);
		if (v === undefined) {
			if (row.kind.lenient !== true) return undefined;
			out[row.name] = null;
		} else out[row.name] = v;
	}
	for (const f of c.filled) {
		let joined: unknown = null;
		for (const row of f.fills) {
			const v = readField(row.kind, o[row.lookup]);
			if (v === undefined) return undefined;
			// One fill keeps its value's type (an alias); several are joined as text.
			if (v !== null) joined = joined === null ? v : `${String(joined)} ${String(v)}`;
		}
		if (out[f.name] === null) out[f.name] = joined;
	}
	return out;
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

/** JSON type names as the former zod schemas reported them ("Expected object, received array"). */
function typeName(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
	return typeof v;
}

function isObject(raw: unknown): raw is Raw {
	return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/**
 * Why a record was rejected. Wrongly typed fields are named first and alone; only when every
 * field has the right JSON type are content errors ("abc" as an id) named. Up to three are shown.
 */
function explain(c: Compiled, raw: unknown): { ok: false; field: string; message: string } {
	if (!isObject(raw)) {
		const message = raw === undefined ? 'Required' : `Expected object, received ${typeName(raw)}`;
		return { ok: false, field: '(record)', message: `the record: ${message}` };
	}
	let failing = c.rows.filter((row) => !hasJsonType(row.kind, raw[row.lookup]));
	if (failing.length === 0)
		failing = c.rows.filter(
			(row) => row.kind.lenient !== true && readField(row.kind, raw[row.lookup]) === undefined,
		);
	const shown = failing
		.slice(0, 3)
		.map(
			(row) =>
				`field "${row.key}" expected ${row.kind.expected}, got ${describeValue(raw[row.lookup])}`,
		);
	if (failing.length > 3) shown.push(`and ${failing.length - 3} more`);
	return { ok: false, field: failing[0].key, message: shown.join('; ') };
}

export interface RecordValidator<T> {
	parse: (raw: unknown) => RecordParseResult<T>;
	/** The validated names the output carries as they are (rows with `output: true`). */
	output: readonly string[];
}

/** The record with its keys lower-cased (the first of keys that differ only in case wins). */
function foldKeys(o: Raw): Raw {
	const out: Raw = {};
	for (const key of Object.keys(o)) {
		const folded = key.toLowerCase();
		if (!(folded in out)) out[folded] = o[key];
	}
	return out;
}

/**
 * A validator for a table. `ignoreCase` matches field names in any casing (CXone's older API
 * versions send PascalCase, `AgentStateId`; some endpoints spell `outstateId`): for the small
 * lists of the directory endpoints, never the state-history hot path.
 */
export function validator<T extends FieldTable>(
	table: T,
	ignoreCase = false,
): RecordValidator<RecordOf<T>> {
	const c = compile(table, ignoreCase);
	return {
		parse: (raw) => {
			const o = isObject(raw) && ignoreCase ? foldKeys(raw) : raw;
			const value = isObject(o) ? read(c, o) : undefined;
			return value === undefined ? explain(c, o) : { ok: true, value: value as RecordOf<T> };
		},
		output: c.output,
	};
}

/** CXone `agentStateHistory[]` records. */
export const CXONE_RECORDS: RecordValidator<CxoneRecord> = validator(CXONE_FIELDS);

/** Reporting API v2 `records[]` records. */
export const V2_RECORDS: RecordValidator<V2Record> = validator(V2_FIELDS);

/** Validates one CXone `agentStateHistory[]` record. */
export const parseCxoneRecord = CXONE_RECORDS.parse;

/** Validates one Reporting API v2 `records[]` record. */
export const parseV2Record = V2_RECORDS.parse;
