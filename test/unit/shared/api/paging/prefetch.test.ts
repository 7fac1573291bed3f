// The next page's request leaves before the caller has processed the current page (paginate.ts),
// in each paging mode, and the guards still act after the page they concern.
import nock from 'nock';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { cxoneList, V2_PAGES } from '../../../../../nodes/shared/api/pageFormats';
import type { PageQuery } from '../../../../../nodes/shared/api/paginate';
import { paginate } from '../../../../../nodes/shared/api/paginate';
import { V2_STATE_HISTORY_PATH } from '../../../../../nodes/shared/flavors';
import { servicesPath } from '../../../../../nodes/shared/resources/services';
import { createExecuteContext, DEFAULT_BASE_URL } from '../../../../helpers/n8nContext';

const PATH = servicesPath('v27.0', 'agents', 'state-history');
const START = '2024-05-01T00:00:00.000Z';
const clock = { sleep: async () => undefined, random: () => 0.5, now: () => Date.now() };
const cxoneQuery: PageQuery = {
	format: cxoneList('agentStateHistory'),
	path: PATH,
	qs: { startDate: START },
};

// CONSTRUCTED fixtures: S1/S2 field names, invented values.
const record = (i: number) => ({
	stateIndex: i,
	startDate: new Date(Date.parse(START) + i * 60_000).toISOString(),
	agentId: 39260750,
	agentStateId: 1,
	agentSessionId: 1234567,
	duration: 'PT1M',
});
const page = (from: number, n: number, extra: Record<string, unknown> = {}) => ({
	totalRecords: 6,
	agentStateHistory: Array.from({ length: n }, (_, k) => record(from + k)),
	...extra,
});

/** Requests nock saw, in order, as "skip" or the link's path. */
let arrived: string[];

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	arrived = [];
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function serve(path: string, bodies: unknown[]) {
	const scope = nock(DEFAULT_BASE_URL);
	for (const body of bodies) {
		scope
			.get((uri) => uri.split('?')[0] === path)
			.reply((uri) => {
				arrived.push(uri);
				return [200, body as nock.Body];
			});
	}
}

/** The number of requests that had arrived when the caller got each page, after it "worked" 50 ms. */
async function requestsSeenPerPage(query: PageQuery, opts = {}) {
	const ctx = createExecuteContext({ params: {} });
	const seen: number[] = [];
	for await (const p of paginate.call(ctx, query, { ...clock, maxRetries: 0, ...opts })) {
		void p;
		await sleep(50);
		seen.push(arrived.length);
	}
	return seen;
}

it('skip/top: page 2 is requested while page 1 is being processed', async () => {
	serve(PATH, [page(0, 2), page(2, 2), page(4, 2)]);
	expect(await requestsSeenPerPage(cxoneQuery, { pageSize: 2 })).toEqual([2, 3, 3]);
	expect(arrived.map((u) => new URL(u, DEFAULT_BASE_URL).searchParams.get('skip'))).toEqual([
		'0',
		'2',
		'4',
	]);
});

it('_links.next: the link is followed before the caller is done with the page', async () => {
	serve(PATH, [
		page(0, 3, { _links: { next: `${DEFAULT_BASE_URL}${PATH}?skip=3&top=3` } }),
		page(3, 3),
	]);
	expect(await requestsSeenPerPage(cxoneQuery, { pageSize: 3 })).toEqual([2, 2]);
});

it('page tokens (v2): the next token is requested before the caller is done', async () => {
	const v2 = (i: number) => ({
		user_id: 'u-1',
		session_id: 's-1',
		state_index: i,
		state_id: 1,
		start_time: `2024-05-01T0${i}:00:00.000Z`,
		end_time: '2024-05-01T09:30:00.000Z',
	});
	serve(V2_STATE_HISTORY_PATH, [
		{ records: [v2(1)], next_page_token: 't2' },
		{ records: [v2(2)], next_page_token: '' },
	]);
	const query: PageQuery = { format: V2_PAGES, path: V2_STATE_HISTORY_PATH, qs: {} };
	expect(await requestsSeenPerPage(query)).toEqual([2, 2]);
});

it('Max Pages: the capped page still arrives, no request goes beyond it, then the error', async () => {
	serve(PATH, [page(0, 2), page(2, 2), page(4, 2)]);
	const ctx = createExecuteContext({ params: {} });
	const got: number[] = [];
	const run = async () => {
		for await (const p of paginate.call(ctx, cxoneQuery, {
			...clock,
			maxRetries: 0,
			pageSize: 2,
			maxPages: 2,
		})) {
			got.push(p.records.length);
		}
	};
	await expect(run()).rejects.toThrow(NodeOperationError);
	await sleep(50);
	expect(got).toEqual([2, 2]);
	expect(arrived).toHaveLength(2);
});

it('a repeated next link: the page with it arrives, then the error, and the link is not requested', async () => {
	const link = `${DEFAULT_BASE_URL}${PATH}?skip=2&top=2`;
	serve(PATH, [page(0, 2, { _links: { next: link } }), page(2, 2, { _links: { next: link } })]);
	const ctx = createExecuteContext({ params: {} });
	const got: number[] = [];
	const run = async () => {
		for await (const p of paginate.call(ctx, cxoneQuery, { ...clock, maxRetries: 0, pageSize: 2 }))
			got.push(p.records.length);
	};
	await expect(run()).rejects.toThrow(/the same next link was returned twice/);
	expect(got).toEqual([2, 2]);
	expect(arrived).toHaveLength(2);
});
