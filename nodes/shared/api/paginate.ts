// Every page of one query, for both flavors, with guards so a misbehaving API can never make the
// node loop forever or truncate silently.

import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_PAGES } from '../limits';
import { parseIsoToMs } from '../time/iso';
import type { ApiFlavor } from '../types';
import type { CxoneFunctions } from './context';
import type { RequestSlots } from './concurrency';
import { apiError } from './errors';
import { DEFAULT_PAGE_SIZE, parsePage, relativeNextLink } from './flavors';
import type { CxoneRequest, CxoneResponse, RequestOptions } from './request';
import { cxoneRequest } from './request';
import type { CxoneListKey, PageEnvelope } from './schemas/page';

/** Page cap when the caller sets none (0 = no cap must be asked for explicitly). */
export const DEFAULT_MAX_PAGES = MAX_PAGES.default;

export interface PageQuery {
	flavor: ApiFlavor;
	/** Relative path of the first page. */
	path: string;
	/** Query of the first page, without skip/top (CXone) or page_token (v2); paging adds those. */
	qs: IDataObject;
	/** CXone only: the key of the record list. Default agentStateHistory. */
	listKey?: CxoneListKey;
	/** CXone only: the endpoint answers with its whole list at once (no skip/top, no totalRecords). */
	unpaged?: boolean;
}

export interface FetchedPage {
	/** Raw records, not validated (records/validate.ts does that), each once per query. Never empty. */
	records: unknown[];
	/** When CXone read the data: the page's lastPollTime, else when the response arrived. */
	readAtMs: number;
	/**
	 * The earliest instant CXone may have read the data: `readAtMs` with a lastPollTime, else when
	 * the request was sent (CXone read it somewhere between sending and arrival).
	 */
	readSinceMs: number;
	/** 1-based page number within the query. */
	page: number;
	/** CXone's totalRecords, when the page carries it. */
	totalRecords?: number;
}

export type PaginateOptions = RequestOptions & {
	/**
	 * The query's request slots (Concurrency). With them, once the first skip/top page gives
	 * totalRecords, the remaining pages are requested in parallel; without them, one at a time.
	 */
	slots?: RequestSlots;
};

/** Identity of a raw record, to tell whether a page brought anything new. */
export function recordIdentity(record: unknown): string {
	if (record !== null && typeof record === 'object') {
		const r = record as Record<string, unknown>;
		if (r.agentId !== undefined && r.startDate !== undefined) {
			return `c|${String(r.agentId)}|${String(r.agentSessionId)}|${String(r.stateIndex)}|${String(r.startDate)}`;
		}
		if (r.user_id !== undefined && r.start_time !== undefined) {
			return `v|${String(r.user_id)}|${String(r.session_id)}|${String(r.state_index)}|${String(r.start_time)}`;
		}
	}
	return JSON.stringify(record) ?? String(record);
}

function readAt(page: PageEnvelope, res: CxoneResponse): { readAtMs: number; readSinceMs: number } {
	if (page.lastPollTime !== undefined) {
		// Strictly with Z or an offset: a zone-less time would mean the server's zone (as absent).
		const ms = parseIsoToMs(page.lastPollTime);
		// Never later than the response itself: a lastPollTime ahead of our clock would make a
		// state that is still running look ended.
		if (ms !== null) {
			const readAtMs = Math.min(ms, res.receivedAtMs);
			return { readAtMs, readSinceMs: readAtMs };
		}
	}
	return { readAtMs: res.receivedAtMs, readSinceMs: Math.min(res.sentAtMs, res.receivedAtMs) };
}

function notAdvancing(node: INode, flavor: ApiFlavor, pageNo: number, why: string) {
	const api = flavor === 'cxone' ? 'CXone' : 'Reporting API v2';
	return apiError(
		node,
		null,
		`${api} pagination is not advancing (page ${pageNo}): ${why}`,
		'The API kept returning data it had already sent, so reading stopped instead of looping. Narrow the time window or lower the page size, and try again.',
	);
}

function endedEarly(node: INode, pageNo: number, read: number, total: number, status: number) {
	const what = status === 204 ? 'HTTP 204 No Content' : 'an empty page';
	return apiError(
		node,
		String(status),
		`CXone pagination ended early (page ${pageNo}): ${what} after ${read} of ${total} records`,
		'The previous page linked to this one (_links.next) and reported totalRecords, so the result would be incomplete; reading stopped instead of returning part of the data. Run the node again; if it persists, narrow the time window.',
	);
}

function pageCapReached(node: INode, pagesRead: number, maxPages: number) {
	return new NodeOperationError(
		node,
		`Stopped after reading ${pagesRead} pages: the query has more data than "Max Pages" (${maxPages}) allows`,
		{
			description:
				'Raise "Max Pages" (0 = no limit), or narrow the time window so each query returns fewer pages. No partial result was returned.',
		},
	);
}

function pageSizeOf(opts: PaginateOptions, qs: IDataObject, key: string): number {
	const fromQs = Number(qs[key]);
	const size = opts.pageSize ?? (Number.isFinite(fromQs) && fromQs > 0 ? fromQs : undefined);
	return Math.max(1, Math.floor(size ?? DEFAULT_PAGE_SIZE));
}

/**
 * Yields every page of records of `query`, in order, following CXone's `_links.next` / skip+top or
 * v2's page tokens. Throws on a page cap, a repeated link/token, or a page with no new record.
 */
export async function* paginate(
	this: CxoneFunctions,
	query: PageQuery,
	opts: PaginateOptions = {},
): AsyncGenerator<FetchedPage> {
	const node = this.getNode();
	const { flavor, path } = query;
	const listKey = query.listKey ?? 'agentStateHistory';
	const maxPages = Math.max(0, Math.floor(opts.maxPages ?? DEFAULT_MAX_PAGES));
	const cxone = flavor === 'cxone';
	const pageSize = pageSizeOf(opts, query.qs, cxone ? 'top' : 'page_size');
	const seen = new Set<string>();
	const followed = new Set<string>();

	const request: CxoneRequest = !cxone
		? { url: path, qs: { ...query.qs, page_size: pageSize } }
		: query.unpaged
			? { url: path, qs: { ...query.qs } }
			: { url: path, qs: { ...query.qs, skip: 0, top: pageSize } };
	let skip = 0;
	let pagesRead = 0;
	// Set when the current request follows a next link of a page that reported more records than
	// read so far: an empty answer then means lost data, not the end (CXone documents 204 = none).
	let promisedTotal: number | undefined;

	const { slots } = opts;
	const send = (r: CxoneRequest): Promise<CxoneResponse> => {
		const sent =
			slots === undefined
				? cxoneRequest.call(this, r, opts)
				: slots.run(async () => await cxoneRequest.call(this, r, opts));
		// Awaited below; until then a failure must not count as unhandled.
		sent.catch(() => undefined);
		return sent;
	};
	let pending = send(request);

	for (;;) {
		const res = await pending;
		pagesRead++;
		const empty = res.statusCode === 204 || res.body === null;
		const page = empty ? undefined : parsePage(node, flavor, res.body, listKey);
		if (page === undefined || page.records.length === 0) {
			if (promisedTotal !== undefined) {
				throw endedEarly(node, pagesRead, skip, promisedTotal, res.statusCode);
			}
			return;
		}

		// A record already sent (a page edge that moved while paging) is sent once only.
		const newRecords: unknown[] = [];
		for (const record of page.records) {
			const key = recordIdentity(record);
			if (!seen.has(key)) {
				seen.add(key);
				newRecords.push(record);
			}
		}
		const fresh = newRecords.length;
		if (fresh === 0 && cxone && page.records.length < pageSize) {
			// The list's tail, already read: records were inserted before the offset while paging (a
			// window that ends now), which shifted it. States that started after the read began.
			this.logger.debug(
				`CXone paging ends at page ${pagesRead}: its ${page.records.length} records were already read (records were added before this offset while paging)`,
			);
			return;
		}
		if (fresh === 0) {
			throw notAdvancing(
				node,
				flavor,
				pagesRead,
				`all ${page.records.length} records were already on earlier pages`,
			);
		}

		const out: FetchedPage = {
			records: newRecords,
			...readAt(page, res),
			page: pagesRead,
		};
		if (page.totalRecords !== undefined) out.totalRecords = page.totalRecords;

		// The next request, decided from this page alone, leaves before the caller normalizes this
		// one, so the wire and the processing overlap. Its errors are raised after this page.
		let next: CxoneRequest | undefined;
		let stop: Error | undefined;
		if (query.unpaged) {
			next = undefined;
		} else if (cxone) {
			// Only new records advance the offset: when a page repeats the previous page's last
			// record (the list shifted between requests), skipping by page length would lose one.
			skip += fresh;
			const link = page.next !== undefined ? relativeNextLink(page.next) : undefined;
			if (link !== undefined) {
				if (followed.has(link)) {
					stop = notAdvancing(node, flavor, pagesRead, 'the same next link was returned twice');
				} else {
					followed.add(link);
					next = { url: link };
					promisedTotal =
						page.totalRecords !== undefined && skip < page.totalRecords
							? page.totalRecords
							: undefined;
				}
			} else {
				promisedTotal = undefined;
				// No usable link: offsets. Without totalRecords, a full page means there may be more
				// (the next request then returns 204 or an empty page).
				const more =
					page.totalRecords !== undefined
						? skip < page.totalRecords
						: page.records.length >= pageSize;
				if (more) next = { url: path, qs: { ...query.qs, skip, top: pageSize } };
			}
		} else if (page.next !== undefined) {
			if (followed.has(page.next)) {
				stop = notAdvancing(node, flavor, pagesRead, 'the same page token was returned twice');
			} else {
				followed.add(page.next);
				next = { url: path, qs: { ...query.qs, page_size: pageSize, page_token: page.next } };
			}
		}
		if (next !== undefined && maxPages > 0 && pagesRead >= maxPages) {
			stop = pageCapReached(node, pagesRead, maxPages);
			next = undefined;
		}

		const plan =
			pagesRead === 1 && slots !== undefined && cxone && next !== undefined
				? parallelPlan(page, pageSize, maxPages, query)
				: undefined;
		if (plan !== undefined) {
			yield out;
			const handover = yield* offsetPagesInParallel.call(this, {
				query,
				listKey,
				pageSize,
				plan,
				seen,
				followed,
				send,
				lookAhead: slots?.size ?? 1,
			});
			if (handover === undefined) return;
			// Sequential from the page that made parallel reading unsafe, which is read as if its
			// predecessor had just linked to it.
			pending = Promise.resolve(handover.response);
			pagesRead = handover.page - 1;
			skip = handover.skip;
			promisedTotal = plan.linked ? plan.total : undefined;
			continue;
		}
		if (next !== undefined) pending = send(next);

		yield out;
		if (stop !== undefined) throw stop;
		if (next === undefined) return;
	}
}

/** How the remaining skip/top pages of a query are read in parallel, decided from its first page. */
interface ParallelPlan {
	total: number;
	/** Pages in all, the first included. */
	pages: number;
	/** Whether the first page linked to the second (_links.next), as real CXone does. */
	linked: boolean;
}

/**
 * The offset a relative link points at when it is the query itself at another skip (same path,
 * no parameter the query lacks, the same top); undefined for any other link.
 */
function offsetOfLink(link: string, query: PageQuery, top: number): number | undefined {
	const { path, qs } = query;
	const at = link.indexOf('?');
	const linkPath = at < 0 ? link : link.slice(0, at);
	let decoded: string;
	try {
		decoded = decodeURI(linkPath);
	} catch {
		return undefined;
	}
	if (decoded.toLowerCase() !== path.toLowerCase()) return undefined;
	const params = new URLSearchParams(at < 0 ? '' : link.slice(at + 1));
	for (const key of params.keys()) {
		if (key !== 'skip' && key !== 'top' && !(key in qs)) return undefined;
	}
	if (Number(params.get('top')) !== top) return undefined;
	const skip = Number(params.get('skip') ?? NaN);
	return Number.isInteger(skip) ? skip : undefined;
}

/**
 * Parallel pages need the total, a full first page, and a next link (if any) that is a plain
 * skip/top offset of the same query: then page k is skip (k − 1) × page size, known in advance.
 */
function parallelPlan(
	page: PageEnvelope,
	pageSize: number,
	maxPages: number,
	query: PageQuery,
): ParallelPlan | undefined {
	const total = page.totalRecords;
	if (total === undefined || page.records.length !== pageSize || total <= pageSize)
		return undefined;
	const pages = Math.ceil(total / pageSize);
	// Past Max Pages the sequential path raises the cap error after the page it concerns.
	if (maxPages > 0 && pages > maxPages) return undefined;
	const link = page.next !== undefined ? relativeNextLink(page.next) : undefined;
	if (
		page.next !== undefined &&
		(link === undefined || offsetOfLink(link, query, pageSize) !== pageSize)
	) {
		return undefined;
	}
	return { total, pages, linked: link !== undefined };
}

interface ParallelRead {
	query: PageQuery;
	listKey: CxoneListKey;
	pageSize: number;
	plan: ParallelPlan;
	/** Shared with the sequential path: identities of the records yielded so far. */
	seen: Set<string>;
	/** Shared with the sequential path: next links already met. */
	followed: Set<string>;
	send: (request: CxoneRequest) => Promise<CxoneResponse>;
	/** Pages requested ahead of the one being read (the query's slots). */
	lookAhead: number;
}

/** The first page that made parallel reading unsafe, for the sequential path to go on from. */
interface Handover {
	response: CxoneResponse;
	page: number;
	/** Records read before it. */
	skip: number;
}

/**
 * Pages 2 … N of a skip/top query, requested ahead through the query's slots and yielded in order
 * as each arrives. A page that is not exactly what the first one promised (empty, another total,
 * another length, a record already seen, a next link that is not the following offset) ends the
 * parallel read: the answers after it are dropped, and it is handed to the sequential path, whose
 * guards then apply as if every page had been read one after another.
 */
async function* offsetPagesInParallel(
	this: CxoneFunctions,
	read: ParallelRead,
): AsyncGenerator<FetchedPage, Handover | undefined> {
	const node = this.getNode();
	const { query, listKey, pageSize, plan, seen, followed, send } = read;
	const ahead = new Map<number, Promise<CxoneResponse>>();
	// Enough requests ahead of the page being read to fill every slot of the query.
	const lookAhead = Math.max(1, read.lookAhead);
	let launched = 1;

	for (let pageNo = 2; pageNo <= plan.pages; pageNo++) {
		while (launched < plan.pages && launched < pageNo - 1 + lookAhead) {
			launched++;
			const skip = (launched - 1) * pageSize;
			ahead.set(launched, send({ url: query.path, qs: { ...query.qs, skip, top: pageSize } }));
		}
		const response = await (ahead.get(pageNo) as Promise<CxoneResponse>);
		ahead.delete(pageNo);
		const skip = (pageNo - 1) * pageSize;
		const empty = response.statusCode === 204 || response.body === null;
		const page = empty ? undefined : parsePage(node, 'cxone', response.body, listKey);
		// Each record's identity once: for the repeat check, then for the pages after this one.
		const keys = page === undefined ? [] : page.records.map(recordIdentity);
		const problem = unsafeReason(page, keys, pageNo, read);
		if (problem !== undefined) {
			this.logger.debug(
				`CXone paging falls back to one page at a time at page ${pageNo} of ${plan.pages}: ${problem}`,
			);
			// Requests already sent finish before the sequential path starts, so it sees their effects.
			await Promise.allSettled(ahead.values());
			return { response, page: pageNo, skip };
		}
		const valid = page as PageEnvelope;
		for (const key of keys) seen.add(key);
		const link = valid.next !== undefined ? relativeNextLink(valid.next) : undefined;
		if (link !== undefined) followed.add(link);
		yield {
			records: valid.records,
			...readAt(valid, response),
			page: pageNo,
			totalRecords: plan.total,
		};
	}
	return undefined;
}

/** Why page `pageNo` breaks the first page's promise, or undefined when it keeps it. */
function unsafeReason(
	page: PageEnvelope | undefined,
	keys: readonly string[],
	pageNo: number,
	read: ParallelRead,
): string | undefined {
	const { plan, pageSize, seen, query } = read;
	if (page === undefined || page.records.length === 0) return 'the page came back empty';
	if (page.totalRecords !== plan.total) {
		return `totalRecords changed from ${plan.total} to ${String(page.totalRecords)}`;
	}
	const expected = pageNo < plan.pages ? pageSize : plan.total - (pageNo - 1) * pageSize;
	if (page.records.length !== expected) {
		return `${page.records.length} records where ${expected} were due`;
	}
	if (keys.some((key) => seen.has(key))) {
		return 'it repeats records of earlier pages';
	}
	const link = page.next !== undefined ? relativeNextLink(page.next) : undefined;
	if (pageNo === plan.pages) return link === undefined ? undefined : 'the last page links further';
	if (link === undefined) {
		return plan.linked ? 'it has no next link' : undefined;
	}
	return offsetOfLink(link, query, pageSize) === pageNo * pageSize
		? undefined
		: 'its next link is not the following offset';
}
