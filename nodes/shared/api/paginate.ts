// Every page of one query, for both flavors, with guards so a misbehaving API can never make the
// node loop forever or truncate silently.

import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_PAGES } from '../limits';
import type { ApiFlavor } from '../types';
import type { CxoneFunctions } from './context';
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
	/** Raw records, not validated (records/validate.ts does that). Never empty. */
	records: unknown[];
	/** When CXone read the data: the page's lastPollTime, else when the response arrived. */
	readAtMs: number;
	/** 1-based page number within the query. */
	page: number;
	/** CXone's totalRecords, when the page carries it. */
	totalRecords?: number;
}

export type PaginateOptions = RequestOptions;

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

function readAt(page: PageEnvelope, res: CxoneResponse): number {
	if (page.lastPollTime !== undefined) {
		const ms = Date.parse(page.lastPollTime);
		// Never later than the response itself: a lastPollTime ahead of our clock would make a
		// state that is still running look ended.
		if (!Number.isNaN(ms)) return Math.min(ms, res.receivedAtMs);
	}
	return res.receivedAtMs;
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

	const send = (r: CxoneRequest): Promise<CxoneResponse> => {
		const sent = cxoneRequest.call(this, r, opts);
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

		let fresh = 0;
		for (const record of page.records) {
			const key = recordIdentity(record);
			if (!seen.has(key)) {
				seen.add(key);
				fresh++;
			}
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
			records: page.records,
			readAtMs: readAt(page, res),
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
		if (next !== undefined) pending = send(next);

		yield out;
		if (stop !== undefined) throw stop;
		if (next === undefined) return;
	}
}
