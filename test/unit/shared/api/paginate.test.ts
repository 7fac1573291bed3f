import nock from 'nock';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { cxoneList, V2_PAGES } from '../../../../nodes/shared/api/pageFormats';
import type {
	FetchedPage,
	PageQuery,
	PaginateOptions,
} from '../../../../nodes/shared/api/paginate';
import { paginate, recordIdentity } from '../../../../nodes/shared/api/paginate';
import { V2_STATE_HISTORY_PATH } from '../../../../nodes/shared/flavors';
import { servicesPath } from '../../../../nodes/shared/resources/services';
import { createExecuteContext, DEFAULT_BASE_URL } from '../../../helpers/n8nContext';

const PATH = servicesPath('v27.0', 'agents', 'state-history');
const START = '2024-05-01T00:00:00.000Z';
const END = '2024-05-02T00:00:00.000Z';
const NOW = Date.parse('2024-05-01T15:00:00.000Z');

// CONSTRUCTED fixtures (no real CXone capture is public): S1/S2 field names, invented values.
function cxoneRecord(i: number) {
	return {
		stateIndex: i,
		startDate: new Date(Date.parse(START) + i * 60_000).toISOString(),
		agentId: 39260750,
		agentStateId: 1,
		agentStateName: 'Available',
		agentSessionId: 1234567,
		duration: 'PT1M',
	};
}

function v2Record(i: number) {
	return {
		user_id: 'u-1',
		session_id: 's-1',
		state_index: i,
		state_id: 1,
		state_name: 'Available',
		start_time: `2024-05-01T0${i}:00:00.000-04:00`,
		end_time: null,
		duration: 60,
	};
}

const range = (from: number, to: number) =>
	Array.from({ length: to - from }, (_, k) => cxoneRecord(from + k));

const clock = { sleep: async () => undefined, random: () => 0.5, now: () => NOW };

async function collect(
	ctx: ReturnType<typeof createExecuteContext>,
	query: PageQuery,
	opts: PaginateOptions = {},
): Promise<FetchedPage[]> {
	const pages: FetchedPage[] = [];
	for await (const page of paginate.call(ctx, query, { ...clock, ...opts })) pages.push(page);
	return pages;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure');
}

const cxoneQuery: PageQuery = {
	format: cxoneList('agentStateHistory'),
	path: PATH,
	qs: { startDate: START, endDate: END },
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('paginate: CXone flavor', () => {
	it('reads every page with skip/top until totalRecords, in order', async () => {
		const ctx = createExecuteContext();
		const scope = nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query({ startDate: START, endDate: END, skip: '0', top: '2' })
			.reply(200, {
				totalRecords: 5,
				lastPollTime: '2024-05-01T12:00:05.123Z',
				_links: { next: null },
				agentStateHistory: range(0, 2),
			})
			.get(PATH)
			.query({ startDate: START, endDate: END, skip: '2', top: '2' })
			.reply(200, { totalRecords: '5', agentStateHistory: range(2, 4) })
			.get(PATH)
			.query({ startDate: START, endDate: END, skip: '4', top: '2' })
			.reply(200, { totalRecords: 5, agentStateHistory: range(4, 5) });

		const pages = await collect(ctx, cxoneQuery, { pageSize: 2 });

		expect(scope.isDone()).toBe(true);
		expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
		expect(pages.flatMap((p) => p.records)).toEqual(range(0, 5));
		expect(pages[0].readAtMs).toBe(Date.parse('2024-05-01T12:00:05.123Z'));
		expect(pages[0].readSinceMs).toBe(pages[0].readAtMs);
		expect(pages[1].readAtMs).toBe(NOW);
		expect(pages[0].totalRecords).toBe(5);
	});

	it('follows _links.next as a relative path on the credential base URL', async () => {
		const ctx = createExecuteContext();
		const next1 =
			'https://evil.example.com/InContactAPI/services/v27.0/agents/state-history?startDate=x&skip=2&top=2';
		const next2 =
			'https://api-c29.nice-incontact.com/inContactAPI/services/v27.0/agents/state-history?startDate=x&skip=4&top=2';
		const evil = nock('https://evil.example.com').get(/.*/).reply(200, {});
		const scope = nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 6, _links: { next: next1 }, agentStateHistory: range(0, 2) })
			.get('/InContactAPI/services/v27.0/agents/state-history')
			.query({ startDate: 'x', skip: '2', top: '2' })
			.reply(200, { totalRecords: 6, _links: { next: next2 }, agentStateHistory: range(2, 4) })
			.get('/inContactAPI/services/v27.0/agents/state-history')
			.query({ startDate: 'x', skip: '4', top: '2' })
			.reply(200, { totalRecords: 6, _links: { next: null }, agentStateHistory: range(4, 6) });

		const pages = await collect(ctx, cxoneQuery, { pageSize: 2 });

		expect(scope.isDone()).toBe(true);
		expect(evil.isDone()).toBe(false);
		expect(pages.flatMap((p) => p.records)).toEqual(range(0, 6));
		expect(ctx.harness.authCalls.map((c) => c.url)).toEqual([
			PATH,
			'/InContactAPI/services/v27.0/agents/state-history?startDate=x&skip=2&top=2',
			'/inContactAPI/services/v27.0/agents/state-history?startDate=x&skip=4&top=2',
		]);
		expect(ctx.harness.authCalls[1].qs).toBeUndefined();
	});

	it('falls back to skip arithmetic when the next link has no /inContactAPI/ part', async () => {
		const ctx = createExecuteContext();
		const scope = nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query({ startDate: START, endDate: END, skip: '0', top: '2' })
			.reply(200, {
				totalRecords: 3,
				_links: { next: 'https://elsewhere.example.com/next' },
				agentStateHistory: range(0, 2),
			})
			.get(PATH)
			.query({ startDate: START, endDate: END, skip: '2', top: '2' })
			.reply(200, { totalRecords: 3, agentStateHistory: range(2, 3) });
		const pages = await collect(ctx, cxoneQuery, { pageSize: 2 });
		expect(scope.isDone()).toBe(true);
		expect(pages.flatMap((p) => p.records)).toHaveLength(3);
	});

	it('stops on a 204 first page without yielding', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL).get(PATH).query(true).reply(204);
		expect(await collect(ctx, cxoneQuery)).toEqual([]);
		expect(ctx.harness.authCalls).toHaveLength(1);
		expect(ctx.harness.authCalls[0].qs).toEqual({
			startDate: START,
			endDate: END,
			skip: 0,
			top: 1000,
		});
	});

	it('without lastPollTime: read at the arrival, and since the request was sent', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 1, agentStateHistory: range(0, 1) });
		// Each clock read is 1.5 s later than the one before: the send, then the arrival.
		let t = NOW;
		const pages = await collect(ctx, cxoneQuery, { now: () => (t += 1500) });
		expect(pages).toHaveLength(1);
		expect(pages[0].readAtMs - pages[0].readSinceMs).toBe(1500);
		expect(pages[0].readAtMs).toBe(t);
	});

	it('stops on a 204 mid-way, keeping the pages read', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 10, agentStateHistory: range(0, 2) })
			.get(PATH)
			.query(true)
			.reply(204);
		const pages = await collect(ctx, cxoneQuery, { pageSize: 2 });
		expect(pages.flatMap((p) => p.records)).toEqual(range(0, 2));
		expect(ctx.harness.authCalls).toHaveLength(2);
	});

	it('stops on a page with zero records', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 10, agentStateHistory: range(0, 2) })
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 10, agentStateHistory: [] });
		const pages = await collect(ctx, cxoneQuery, { pageSize: 2 });
		expect(pages).toHaveLength(1);
	});

	it('without totalRecords continues after a full page and stops after a short one', async () => {
		const ctx = createExecuteContext();
		const scope = nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query({ startDate: START, endDate: END, skip: '0', top: '2' })
			.reply(200, { agentStateHistory: range(0, 2) })
			.get(PATH)
			.query({ startDate: START, endDate: END, skip: '2', top: '2' })
			.reply(200, { agentStateHistory: { entries: range(2, 3) } });
		const pages = await collect(ctx, cxoneQuery, { pageSize: 2 });
		expect(scope.isDone()).toBe(true);
		expect(pages.flatMap((p) => p.records)).toEqual(range(0, 3));
	});

	it('takes the page size from qs.top when no pageSize option is given', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query({ startDate: START, endDate: END, skip: '0', top: '7' })
			.reply(204);
		await collect(ctx, { ...cxoneQuery, qs: { ...cxoneQuery.qs, top: 7 } });
		expect(ctx.harness.authCalls[0].qs?.top).toBe(7);
	});

	it('pages the agent list under the "agents" key', async () => {
		const ctx = createExecuteContext();
		const agents = [
			{ agentId: 1, firstName: 'Ada' },
			{ agentId: 2, firstName: 'Bo' },
		];
		nock(DEFAULT_BASE_URL)
			.get('/inContactAPI/services/v27.0/agents')
			.query({ skip: '0', top: '1000' })
			.reply(200, { totalRecords: 2, agents });
		const pages = await collect(ctx, {
			format: cxoneList('agents'),
			path: '/inContactAPI/services/v27.0/agents',
			qs: {},
		});
		expect(pages.flatMap((p) => p.records)).toEqual(agents);
	});

	it('an unexpected page shape is a NodeApiError naming the problem', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 1, agentStateHistory: 7 });
		const err = await failure(collect(ctx, cxoneQuery));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			'Unexpected response shape from CXone: agentStateHistory must be an array of records',
		);
	});
});

describe('paginate: Reporting API v2 flavor', () => {
	const v2Query: PageQuery = {
		format: V2_PAGES,
		path: V2_STATE_HISTORY_PATH,
		qs: {
			user_id: 'u-1',
			start_date_time: START,
			end_date_time: END,
			timezone: 'UTC',
			page_size: 2,
		},
	};

	it('sends page_token until the token is absent or empty, in order', async () => {
		const ctx = createExecuteContext({ credentials: { apiFlavor: 'reportingV2' } });
		const base = { user_id: 'u-1', start_date_time: START, end_date_time: END, timezone: 'UTC' };
		const scope = nock(DEFAULT_BASE_URL)
			.get(V2_STATE_HISTORY_PATH)
			.query({ ...base, page_size: '2' })
			.reply(200, { records: [v2Record(1), v2Record(2)], next_page_token: 'T2' })
			.get(V2_STATE_HISTORY_PATH)
			.query({ ...base, page_size: '2', page_token: 'T2' })
			.reply(200, {
				records: [v2Record(3), v2Record(4)],
				pagination: { next_page_token: 'T3' },
			})
			.get(V2_STATE_HISTORY_PATH)
			.query({ ...base, page_size: '2', page_token: 'T3' })
			.reply(200, { records: [v2Record(5)], next_page_token: '' });

		const pages = await collect(ctx, v2Query);

		expect(scope.isDone()).toBe(true);
		expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
		expect(pages.flatMap((p) => p.records)).toEqual([1, 2, 3, 4, 5].map(v2Record));
		expect(pages.every((p) => p.readAtMs === NOW)).toBe(true);
	});

	it('stops on 204 and on an empty page', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL).get(V2_STATE_HISTORY_PATH).query(true).reply(204);
		expect(await collect(ctx, v2Query)).toEqual([]);
		nock(DEFAULT_BASE_URL)
			.get(V2_STATE_HISTORY_PATH)
			.query(true)
			.reply(200, { records: [], next_page_token: 'T9' });
		expect(await collect(ctx, v2Query)).toEqual([]);
	});

	it('rejects a repeated page token', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(V2_STATE_HISTORY_PATH)
			.query(true)
			.reply(200, { records: [v2Record(1)], next_page_token: 'SAME' })
			.get(V2_STATE_HISTORY_PATH)
			.query(true)
			.reply(200, { records: [v2Record(2)], next_page_token: 'SAME' });
		const err = await failure(collect(ctx, v2Query));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			'Reporting API v2 pagination is not advancing (page 2): the same page token was returned twice',
		);
	});
});

describe('paginate: guards', () => {
	function pagesOfTwo(total: number) {
		const scope = nock(DEFAULT_BASE_URL);
		for (let skip = 0; skip < total; skip += 2) {
			scope
				.get(PATH)
				.query({ startDate: START, endDate: END, skip: String(skip), top: '2' })
				.reply(200, {
					totalRecords: total,
					agentStateHistory: range(skip, Math.min(skip + 2, total)),
				});
		}
		return scope;
	}

	it('stops at the page cap with an error saying how many pages were read', async () => {
		const ctx = createExecuteContext();
		pagesOfTwo(6);
		const seen: FetchedPage[] = [];
		const err = await failure(
			(async () => {
				for await (const p of paginate.call(ctx, cxoneQuery, {
					...clock,
					pageSize: 2,
					maxPages: 2,
				}))
					seen.push(p);
			})(),
		);
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toBe(
			'Stopped after reading 2 pages: the query has more data than "Max Pages" (2) allows',
		);
		expect((err as NodeOperationError).description).toMatch(
			/Raise "Max Pages".*narrow the time window/,
		);
		expect(seen).toHaveLength(2);
		expect(ctx.harness.authCalls).toHaveLength(2);
	});

	it('no error when the data ends exactly at the cap; 0 means no cap', async () => {
		const ctx = createExecuteContext();
		pagesOfTwo(4);
		expect(await collect(ctx, cxoneQuery, { pageSize: 2, maxPages: 2 })).toHaveLength(2);
		pagesOfTwo(6);
		expect(await collect(ctx, cxoneQuery, { pageSize: 2, maxPages: 0 })).toHaveLength(3);
	});

	it('rejects a repeated next link', async () => {
		const ctx = createExecuteContext();
		const link = 'https://h/inContactAPI/services/v27.0/agents/state-history?skip=2';
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 9, _links: { next: link }, agentStateHistory: range(0, 2) })
			.get('/inContactAPI/services/v27.0/agents/state-history')
			.query({ skip: '2' })
			.reply(200, { totalRecords: 9, _links: { next: link }, agentStateHistory: range(2, 4) });
		const err = await failure(collect(ctx, cxoneQuery, { pageSize: 2 }));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			'CXone pagination is not advancing (page 2): the same next link was returned twice',
		);
	});

	it('rejects a page whose records were all seen before', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 6, agentStateHistory: range(0, 2) })
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 6, agentStateHistory: range(0, 2).reverse() });
		const err = await failure(collect(ctx, cxoneQuery, { pageSize: 2 }));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			'CXone pagination is not advancing (page 2): all 2 records were already on earlier pages',
		);
		expect((err as NodeApiError).description).toMatch(/stopped instead of looping/);
	});

	it('accepts a page edge repeat when the page brings something new, and sends the repeat once', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 4, agentStateHistory: range(0, 2) })
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 4, agentStateHistory: range(1, 3) })
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 4, agentStateHistory: [] });
		const pages = await collect(ctx, cxoneQuery, { pageSize: 2 });
		expect(pages.flatMap((p) => p.records)).toEqual(range(0, 3));
	});
});

describe('recordIdentity', () => {
	it('keys CXone and v2 records by their identity fields, others by JSON', () => {
		expect(recordIdentity(cxoneRecord(3))).toBe(`c|39260750|1234567|3|${cxoneRecord(3).startDate}`);
		expect(recordIdentity({ ...cxoneRecord(3), duration: 'PT9M' })).toBe(
			recordIdentity(cxoneRecord(3)),
		);
		expect(recordIdentity(v2Record(2))).toBe('v|u-1|s-1|2|2024-05-01T02:00:00.000-04:00');
		expect(recordIdentity({ agentId: 1, firstName: 'Ada' })).toBe(
			'{"agentId":1,"firstName":"Ada"}',
		);
		expect(recordIdentity(undefined)).toBe('undefined');
	});
});

describe('paginate: read time', () => {
	it('uses the response time when lastPollTime is not a date', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 1, lastPollTime: 'not a date', agentStateHistory: range(0, 1) });
		const pages = await collect(ctx, cxoneQuery);
		expect(pages[0].readAtMs).toBe(NOW);
	});

	it.each([
		['without a zone (the server zone would decide)', '2024-05-01T14:59:00.000', NOW],
		['with an offset', '2024-05-01T10:59:00.000-04:00', NOW - 60000],
		['in the future: the arrival', '2024-05-01T15:10:00.000Z', NOW],
	])('a lastPollTime %s', async (_what, lastPollTime, readAtMs) => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.query(true)
			.reply(200, { totalRecords: 1, lastPollTime, agentStateHistory: range(0, 1) });
		const pages = await collect(ctx, cxoneQuery);
		expect(pages[0].readAtMs).toBe(readAtMs);
	});
});
