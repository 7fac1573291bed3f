// CXone's skip/top pages. Each page is read from a cursor that says which page it is, how many
// records came before it and whether the page that linked to it promised more; the next
// request leaves before the caller processes the current page. Once the first page gives
// totalRecords, the query's slots may read the remaining pages in parallel (docs/parallel-paging.md);
// the first page that breaks that promise hands a cursor back to the one-at-a-time reading.

import type { IDataObject } from 'n8n-workflow';

import { relativeNextLink } from '../pageFormats';
import type { CxoneRequest, CxoneResponse } from '../request';
import type { PageEnvelope } from '../schemas/page';
import type { FetchedPage, PageQuery, PageReader } from './pageReader';
import { recordIdentity } from './pageReader';

/** The page about to be read. */
interface Cursor {
	response: Promise<CxoneResponse>;
	/** Its 1-based number. */
	page: number;
	/** Records read before it. */
	skip: number;
	/**
	 * The total a page that linked here (_links.next) reported while more were due: an empty answer
	 * then means lost data, not the end (CXone documents 204 = none).
	 */
	promisedTotal?: number;
}

/** What reading one page gave: the page, the request after it (not sent yet) and an error due after it. */
interface Step {
	page?: FetchedPage;
	envelope?: PageEnvelope;
	next?: { request: CxoneRequest; skip: number; promisedTotal?: number };
	stop?: Error;
}

function offsetRequest(query: PageQuery, skip: number, top: number): CxoneRequest {
	return { url: query.path, qs: { ...query.qs, skip, top } as IDataObject };
}

async function readPage(reader: PageReader, cursor: Cursor): Promise<Step> {
	const res = await cursor.response;
	const env = reader.envelope(res);
	if (env === undefined) {
		if (cursor.promisedTotal === undefined) return {};
		return {
			stop: reader.endedEarly(cursor.page, cursor.skip, cursor.promisedTotal, res.statusCode),
		};
	}
	const records = reader.fresh(env.records);
	if (records.length === 0) {
		if (env.records.length < reader.pageSize) {
			// The list's tail, already read: records were inserted before the offset while paging (a
			// window that ends now), which shifted it. States that started after the read began.
			reader.debug(
				`CXone paging ends at page ${cursor.page}: its ${env.records.length} records were already read (records were added before this offset while paging)`,
			);
			return {};
		}
		return {
			stop: reader.notAdvancing(
				cursor.page,
				`all ${env.records.length} records were already on earlier pages`,
			),
		};
	}
	// Only new records advance the offset: when a page repeats the previous page's last record (the
	// list shifted between requests), skipping by page length would lose one.
	const skip = cursor.skip + records.length;
	const step: Step = { page: reader.page(records, env, res, cursor.page), envelope: env };
	const link = env.next !== undefined ? relativeNextLink(env.next) : undefined;
	if (link !== undefined) {
		if (!reader.follow(link)) {
			step.stop = reader.notAdvancing(cursor.page, 'the same next link was returned twice');
		} else {
			const total = env.totalRecords;
			step.next = {
				request: { url: link },
				skip,
				promisedTotal: total !== undefined && skip < total ? total : undefined,
			};
		}
	} else {
		// No usable link: offsets. Without totalRecords, a full page means there may be more (the
		// next request then returns 204 or an empty page).
		const more =
			env.totalRecords !== undefined
				? skip < env.totalRecords
				: env.records.length >= reader.pageSize;
		if (more) step.next = { request: offsetRequest(reader.query, skip, reader.pageSize), skip };
	}
	if (step.next !== undefined && reader.capped(cursor.page)) {
		step.stop = reader.pageCapReached(cursor.page);
		step.next = undefined;
	}
	return step;
}

/** Yields every page of a skip/top query, in order. */
export async function* offsetPages(reader: PageReader): AsyncGenerator<FetchedPage> {
	let cursor: Cursor | undefined = {
		response: reader.send(offsetRequest(reader.query, 0, reader.pageSize)),
		page: 1,
		skip: 0,
	};
	while (cursor !== undefined) {
		const step = await readPage(reader, cursor);
		if (step.page === undefined) {
			if (step.stop !== undefined) throw step.stop;
			return;
		}
		const plan: ParallelPlan | undefined =
			cursor.page === 1 && step.next !== undefined && reader.slots !== undefined
				? parallelPlan(reader, step.envelope as PageEnvelope)
				: undefined;
		if (plan !== undefined) {
			yield step.page;
			cursor = yield* pagesInParallel(reader, plan);
			continue;
		}
		const { next } = step;
		cursor =
			next === undefined
				? undefined
				: {
						response: reader.send(next.request),
						page: cursor.page + 1,
						skip: next.skip,
						promisedTotal: next.promisedTotal,
					};
		yield step.page;
		if (step.stop !== undefined) throw step.stop;
	}
}

/** How the remaining pages are read in parallel, decided from the first page. */
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
function parallelPlan(reader: PageReader, page: PageEnvelope): ParallelPlan | undefined {
	const { pageSize, query } = reader;
	const total = page.totalRecords;
	if (total === undefined || page.records.length !== pageSize || total <= pageSize)
		return undefined;
	const pages = Math.ceil(total / pageSize);
	// Past Max Pages the one-at-a-time reading raises the cap error after the page it concerns.
	if (!reader.fits(pages)) return undefined;
	const link = page.next !== undefined ? relativeNextLink(page.next) : undefined;
	if (
		page.next !== undefined &&
		(link === undefined || offsetOfLink(link, query, pageSize) !== pageSize)
	) {
		return undefined;
	}
	return { total, pages, linked: link !== undefined };
}

/** Why page `pageNo` breaks the first page's promise, or undefined when it keeps it. */
function unsafeReason(
	reader: PageReader,
	plan: ParallelPlan,
	page: PageEnvelope | undefined,
	keys: readonly string[],
	pageNo: number,
): string | undefined {
	const { pageSize, query } = reader;
	if (page === undefined) return 'the page came back empty';
	if (page.totalRecords !== plan.total) {
		return `totalRecords changed from ${plan.total} to ${String(page.totalRecords)}`;
	}
	const expected = pageNo < plan.pages ? pageSize : plan.total - (pageNo - 1) * pageSize;
	if (page.records.length !== expected) {
		return `${page.records.length} records where ${expected} were due`;
	}
	if (reader.seenAny(keys)) return 'it repeats records of earlier pages';
	const link = page.next !== undefined ? relativeNextLink(page.next) : undefined;
	if (pageNo === plan.pages) return link === undefined ? undefined : 'the last page links further';
	if (link === undefined) return plan.linked ? 'it has no next link' : undefined;
	return offsetOfLink(link, query, pageSize) === pageNo * pageSize
		? undefined
		: 'its next link is not the following offset';
}

/**
 * Pages 2 … N, requested ahead through the query's slots and yielded in order as each arrives.
 * A page that is not exactly what the first one promised ends the parallel read: the answers
 * after it are dropped, and it comes back as the cursor of the one-at-a-time reading, whose guards
 * then apply as if every page had been read one after another.
 */
async function* pagesInParallel(
	reader: PageReader,
	plan: ParallelPlan,
): AsyncGenerator<FetchedPage, Cursor | undefined> {
	const { pageSize, query } = reader;
	const ahead = new Map<number, Promise<CxoneResponse>>();
	// Enough requests ahead of the page being read to fill every slot of the query.
	const lookAhead = Math.max(1, reader.slots?.size ?? 1);
	let launched = 1;

	for (let pageNo = 2; pageNo <= plan.pages; pageNo++) {
		while (launched < plan.pages && launched < pageNo - 1 + lookAhead) {
			launched++;
			ahead.set(launched, reader.send(offsetRequest(query, (launched - 1) * pageSize, pageSize)));
		}
		const response = await (ahead.get(pageNo) as Promise<CxoneResponse>);
		ahead.delete(pageNo);
		const page = reader.envelope(response);
		// Each record's identity once: for the repeat check, then for the pages after this one.
		const keys = page === undefined ? [] : page.records.map(recordIdentity);
		const problem = unsafeReason(reader, plan, page, keys, pageNo);
		if (problem !== undefined) {
			reader.debug(
				`CXone paging falls back to one page at a time at page ${pageNo} of ${plan.pages}: ${problem}`,
			);
			// Requests already sent finish before the one-at-a-time reading starts, so it sees their effects.
			await Promise.allSettled(ahead.values());
			return {
				response: Promise.resolve(response),
				page: pageNo,
				skip: (pageNo - 1) * pageSize,
				promisedTotal: plan.linked ? plan.total : undefined,
			};
		}
		const valid = page as PageEnvelope;
		reader.remember(keys);
		const link = valid.next !== undefined ? relativeNextLink(valid.next) : undefined;
		if (link !== undefined) reader.follow(link);
		yield { ...reader.page(valid.records, valid, response, pageNo), totalRecords: plan.total };
	}
	return undefined;
}
