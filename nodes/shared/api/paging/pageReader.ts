// What every pager shares: sending through the query's slots, parsing an answer, the record and
// link memory that makes each record arrive once, the page cap and the errors of a pager that
// must stop rather than loop or return part of the data.

import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_PAGES, PAGE_SIZE } from '../../limits';
import { parseIsoToMs } from '../../time/iso';
import type { CxoneFunctions } from '../context';
import type { RequestSlots } from '../concurrency';
import { apiError } from '../errors';
import type { PageFormat } from '../pageFormats';
import { parsePage } from '../pageFormats';
import type { CxoneRequest, CxoneResponse, RequestOptions } from '../request';
import { cxoneRequest } from '../request';
import type { PageEnvelope } from '../schemas/page';

export interface PageQuery {
	format: PageFormat;
	/** Relative path of the first page. */
	path: string;
	/** Query of the first page, without skip/top or page_token: the pager adds those. */
	qs: IDataObject;
}

export type PaginateOptions = RequestOptions & {
	/**
	 * The query's request slots (Concurrency). With them, once the first skip/top page gives
	 * totalRecords, the remaining pages are requested in parallel; without them, one at a time.
	 */
	slots?: RequestSlots;
};

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

export class PageReader {
	readonly node: INode;

	/** Records per page asked for (top / page_size). */
	readonly pageSize: number;

	/** 0 = no cap. */
	private readonly maxPages: number;

	private readonly seen = new Set<string>();

	private readonly followed = new Set<string>();

	constructor(
		private readonly ctx: CxoneFunctions,
		readonly query: PageQuery,
		private readonly opts: PaginateOptions,
		sizeKey: string,
	) {
		this.node = ctx.getNode();
		this.maxPages = Math.max(0, Math.floor(opts.maxPages ?? MAX_PAGES.default));
		const fromQs = Number(query.qs[sizeKey]);
		const size = opts.pageSize ?? (Number.isFinite(fromQs) && fromQs > 0 ? fromQs : undefined);
		this.pageSize = Math.max(1, Math.floor(size ?? PAGE_SIZE.default));
	}

	/** The query's slots, when pages may be read in parallel. */
	get slots(): RequestSlots | undefined {
		return this.opts.slots;
	}

	/** Sends a request through the query's slots; a failure is raised where it is awaited. */
	send(request: CxoneRequest): Promise<CxoneResponse> {
		const { slots } = this.opts;
		const sent =
			slots === undefined
				? cxoneRequest.call(this.ctx, request, this.opts)
				: slots.run(async () => await cxoneRequest.call(this.ctx, request, this.opts));
		sent.catch(() => undefined);
		return sent;
	}

	/** The answer's envelope; undefined when it holds no records (204, no body, an empty list). */
	envelope(res: CxoneResponse): PageEnvelope | undefined {
		if (res.statusCode === 204 || res.body === null) return undefined;
		const page = parsePage(this.node, this.query.format, res.body);
		return page.records.length === 0 ? undefined : page;
	}

	/** The records not yielded before (a page edge that moved while paging), now remembered. */
	fresh(records: readonly unknown[]): unknown[] {
		const out: unknown[] = [];
		for (const record of records) {
			const key = recordIdentity(record);
			if (!this.seen.has(key)) {
				this.seen.add(key);
				out.push(record);
			}
		}
		return out;
	}

	/** Whether any of these identities was yielded before. */
	seenAny(keys: readonly string[]): boolean {
		return keys.some((key) => this.seen.has(key));
	}

	/** Remembers identities yielded without `fresh` (pages read in parallel). */
	remember(keys: readonly string[]): void {
		for (const key of keys) this.seen.add(key);
	}

	/** Remembers a next link or token; false when it was met before. */
	follow(link: string): boolean {
		if (this.followed.has(link)) return false;
		this.followed.add(link);
		return true;
	}

	/** Whether reading `pagesRead` pages leaves no room for another under Max Pages. */
	capped(pagesRead: number): boolean {
		return this.maxPages > 0 && pagesRead >= this.maxPages;
	}

	/** Whether a query of `pages` pages fits under Max Pages. */
	fits(pages: number): boolean {
		return this.maxPages === 0 || pages <= this.maxPages;
	}

	page(records: unknown[], env: PageEnvelope, res: CxoneResponse, pageNo: number): FetchedPage {
		const out: FetchedPage = { records, ...readAt(env, res), page: pageNo };
		if (env.totalRecords !== undefined) out.totalRecords = env.totalRecords;
		return out;
	}

	debug(message: string): void {
		this.ctx.logger.debug(message);
	}

	notAdvancing(pageNo: number, why: string) {
		return apiError(
			this.node,
			null,
			`${this.query.format.api} pagination is not advancing (page ${pageNo}): ${why}`,
			'The API kept returning data it had already sent, so reading stopped instead of looping. Narrow the time window or lower the page size, and try again.',
		);
	}

	endedEarly(pageNo: number, read: number, total: number, status: number) {
		const what = status === 204 ? 'HTTP 204 No Content' : 'an empty page';
		return apiError(
			this.node,
			String(status),
			`${this.query.format.api} pagination ended early (page ${pageNo}): ${what} after ${read} of ${total} records`,
			'The previous page linked to this one (_links.next) and reported totalRecords, so the result would be incomplete; reading stopped instead of returning part of the data. Run the node again; if it persists, narrow the time window.',
		);
	}

	pageCapReached(pagesRead: number) {
		return new NodeOperationError(
			this.node,
			`Stopped after reading ${pagesRead} pages: the query has more data than "Max Pages" (${this.maxPages}) allows`,
			{
				description:
					'Raise "Max Pages" (0 = no limit), or narrow the time window so each query returns fewer pages. No partial result was returned.',
			},
		);
	}
}
