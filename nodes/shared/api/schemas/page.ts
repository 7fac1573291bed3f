// Envelope schemas of one page of either API flavor. Records stay unknown here: records/validate.ts
// validates each one. A page that fails its schema is reported with what was missing or wrong.

import { z } from 'zod';

/** The key of a CXone answer's record list (`agents`, `agentStateHistory`, ...). */
export type CxoneListKey = string;

/** One page reduced to what pagination needs. */
export interface PageEnvelope {
	records: unknown[];
	/** CXone: the total over all pages, when given. */
	totalRecords?: number;
	/** CXone: `_links.next`; v2: the next page token. Absent or empty = none. */
	next?: string;
	/** CXone: when the data was read (ISO), when given. */
	lastPollTime?: string;
}

export type EnvelopeResult = { ok: true; page: PageEnvelope } | { ok: false; problem: string };

const listError: z.ZodErrorMap = (_issue, ctx) => ({
	message: ctx.data === undefined ? 'is missing' : 'must be an array of records',
});

const count = z.union(
	[
		z.number().int().nonnegative(),
		z
			.string()
			.regex(/^\s*\d+\s*$/)
			.transform((s) => Number(s)),
	],
	{ errorMap: () => ({ message: 'must be a non-negative whole number' }) },
);

/** An array, or the legacy `{ entries: [...] }` wrapper. */
const cxoneList = z.union(
	[z.array(z.unknown()), z.object({ entries: z.array(z.unknown()) }).transform((o) => o.entries)],
	{ errorMap: listError },
);

/** A link as a string, or HAL's `{ href }`. */
const link = z
	.union([z.string(), z.object({ href: z.string() }).transform((o) => o.href)])
	.nullable()
	.optional();

const token = z
	.union([z.string(), z.number().transform((n) => String(n))])
	.nullable()
	.optional();

const cxoneBase = z
	.object({
		totalRecords: count.nullable().optional(),
		lastPollTime: z.unknown().optional(),
		_links: z.object({ next: link }).passthrough().nullable().optional(),
	})
	.passthrough();

const listOf = (key: CxoneListKey) => cxoneBase.extend({ [key]: cxoneList.nullable().optional() });

// Built on first use, once per list key: a new endpoint needs no entry here.
const cxoneSchemas = new Map<CxoneListKey, z.ZodTypeAny>();

function cxoneSchema(listKey: CxoneListKey): z.ZodTypeAny {
	let schema = cxoneSchemas.get(listKey);
	if (schema === undefined) cxoneSchemas.set(listKey, (schema = listOf(listKey)));
	return schema;
}

const ENVELOPE_KEYS = ['totalRecords', 'lastPollTime', '_links'] as const;

/**
 * The envelope with its keys in the casing the schemas name: older API versions send PascalCase
 * (`AgentStates`, `TotalRecords`), and an older team unavailable-code answer wraps everything in
 * `resultSet`. Keys already in camelCase win.
 */
function foldEnvelope(body: unknown, listKey: CxoneListKey): unknown {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
	let o = body as Record<string, unknown>;
	const byLower = new Map(Object.keys(o).map((k) => [k.toLowerCase(), k]));
	const wrapped = byLower.get('resultset');
	if (!(listKey in o) && wrapped !== undefined) {
		const inner = o[wrapped];
		if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
			return foldEnvelope(inner, listKey);
		}
	}
	for (const key of [listKey, ...ENVELOPE_KEYS]) {
		const actual = byLower.get(key.toLowerCase());
		if (!(key in o) && actual !== undefined) o = { ...o, [key]: o[actual] };
	}
	return o;
}

export const v2PageSchema = z
	.object({
		records: z.array(z.unknown(), { errorMap: listError }),
		next_page_token: token,
		pagination: z.object({ next_page_token: token }).passthrough().nullable().optional(),
	})
	.passthrough();

function describe(error: z.ZodError): string {
	return error.issues
		.slice(0, 3)
		.map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'} ${issue.message}`)
		.join('; ');
}

function nonEmpty(v: string | null | undefined): string | undefined {
	return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

interface CxoneParsed {
	totalRecords?: number | null;
	lastPollTime?: unknown;
	_links?: { next?: string | null } | null;
	[key: string]: unknown;
}

/** Parses a CXone (inContactAPI) page envelope whose records sit under `listKey`. */
export function parseCxoneEnvelope(body: unknown, listKey: CxoneListKey): EnvelopeResult {
	const parsed = cxoneSchema(listKey).safeParse(foldEnvelope(body, listKey));
	if (!parsed.success) return { ok: false, problem: describe(parsed.error) };
	const data = parsed.data as CxoneParsed;
	const list = data[listKey] as unknown[] | null | undefined;
	const total = data.totalRecords ?? undefined;
	if (!list && total !== undefined && total > 0) {
		return { ok: false, problem: `${listKey} is missing although totalRecords is ${total}` };
	}
	const page: PageEnvelope = { records: list ?? [] };
	if (total !== undefined) page.totalRecords = total;
	const next = nonEmpty(data._links?.next);
	if (next !== undefined) page.next = next;
	if (typeof data.lastPollTime === 'string' && data.lastPollTime !== '') {
		page.lastPollTime = data.lastPollTime;
	}
	return { ok: true, page };
}

/** Parses a Reporting API v2 page envelope. */
export function parseV2Envelope(body: unknown): EnvelopeResult {
	const parsed = v2PageSchema.safeParse(body);
	if (!parsed.success) return { ok: false, problem: describe(parsed.error) };
	const data = parsed.data;
	const page: PageEnvelope = { records: data.records };
	const next = nonEmpty(data.next_page_token) ?? nonEmpty(data.pagination?.next_page_token);
	if (next !== undefined) page.next = next;
	return { ok: true, page };
}
