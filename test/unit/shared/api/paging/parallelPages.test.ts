// Skip/top pages after the first are read in parallel within the query's request slots
// (paginate.ts), and every guard still gives each record once: a short page, a 204, totalRecords
// drifting, a repeated page, records inserted while paging, a next link that is not an offset.
import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { RequestSlots } from '../../../../../nodes/shared/api/concurrency';
import { cxoneList } from '../../../../../nodes/shared/api/pageFormats';
import type { FetchedPage, PageQuery } from '../../../../../nodes/shared/api/paginate';
import { paginate, recordIdentity } from '../../../../../nodes/shared/api/paginate';
import { servicesPath } from '../../../../../nodes/shared/resources/services';
import { createExecuteContext, DEFAULT_BASE_URL } from '../../../../helpers/n8nContext';

const PATH = servicesPath('v27.0', 'agents', 'state-history');
const START = Date.parse('2024-05-01T00:00:00.000Z');
const TOP = 10;
const clock = { sleep: async () => undefined, random: () => 0.5, now: () => Date.now() };
const query: PageQuery = {
	format: cxoneList('agentStateHistory'),
	path: PATH,
	qs: { startDate: '2024-05-01T00:00:00.000Z' },
};

// CONSTRUCTED fixtures: S1/S2 field names, invented values. Agent-major order, as the fake sends.
const record = (agent: number, i: number) => ({
	stateIndex: i,
	startDate: new Date(START + i * 60_000).toISOString(),
	agentId: 1000 + agent,
	agentStateId: 1,
	agentSessionId: 5000 + agent,
	duration: 'PT1M',
});
const listOf = (agents: number, perAgent: number) =>
	Array.from({ length: agents * perAgent }, (_, n) =>
		record(Math.floor(n / perAgent), n % perAgent),
	);

const linkTo = (skip: number) => `${DEFAULT_BASE_URL}${PATH}?skip=${skip}&top=${TOP}`;

interface Served {
	skip: number;
	/** Requests in progress at the server when this one arrived, itself included. */
	inFlight: number;
}

interface Server {
	served: Served[];
	maxInFlight: () => number;
}

/**
 * A skip/top server over `listFor(requestNo)` (the list as it is when the n-th request arrives),
 * answering after `delayMs`. `tweak` may replace a page body.
 */
function serve(
	listFor: (requestNo: number) => unknown[],
	{
		delayMs = 15,
		links = true,
		tweak,
	}: {
		delayMs?: number;
		links?: boolean;
		tweak?: (body: Record<string, unknown>, skip: number, requestNo: number) => unknown;
	} = {},
): Server {
	const served: Served[] = [];
	let inFlight = 0;
	nock(DEFAULT_BASE_URL)
		.get((uri) => uri.split('?')[0] === PATH)
		.times(1000)
		.reply(async (uri) => {
			const params = new URL(uri, DEFAULT_BASE_URL).searchParams;
			const skip = Number(params.get('skip'));
			const top = Number(params.get('top'));
			inFlight++;
			served.push({ skip, inFlight });
			const requestNo = served.length;
			const list = listFor(requestNo);
			await sleep(delayMs);
			inFlight--;
			const records = list.slice(skip, skip + top);
			let body: Record<string, unknown> | null = {
				totalRecords: list.length,
				agentStateHistory: records,
			};
			if (tweak) body = tweak(body, skip, requestNo) as Record<string, unknown> | null;
			if (body === null || (body.agentStateHistory as unknown[]).length === 0) return [204, ''];
			// The link follows the records the page really holds, as a server builds it.
			const after = skip + (body.agentStateHistory as unknown[]).length;
			const next =
				links && after < list.length ? `${DEFAULT_BASE_URL}${PATH}?skip=${after}&top=${top}` : null;
			return [200, { _links: { next }, ...body } as nock.Body];
		});
	return { served, maxInFlight: () => Math.max(0, ...served.map((s) => s.inFlight)) };
}

async function read(
	slots: RequestSlots | 'none' = new RequestSlots(4),
	opts: Record<string, unknown> = {},
) {
	const ctx = createExecuteContext({ params: {} });
	const pages: FetchedPage[] = [];
	for await (const page of paginate.call(ctx, query, {
		...clock,
		maxRetries: 0,
		pageSize: TOP,
		slots: slots === 'none' ? undefined : slots,
		...opts,
	})) {
		pages.push(page);
	}
	const debug = ctx.harness.logs.filter((l) => l.level === 'debug').map((l) => l.message);
	return { pages, records: pages.flatMap((p) => p.records), debug };
}

/** Records by identity: how often each arrived. */
function counts(records: unknown[]): Map<string, number> {
	const out = new Map<string, number>();
	for (const r of records) out.set(recordIdentity(r), (out.get(recordIdentity(r)) ?? 0) + 1);
	return out;
}

function expectEachOnce(got: unknown[], expected: unknown[]) {
	const seen = counts(got);
	expect([...seen.values()].every((n) => n === 1)).toBe(true);
	expect(seen.size).toBe(expected.length);
	for (const r of expected) expect(seen.get(recordIdentity(r))).toBe(1);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('pages in parallel after the first one gives totalRecords', () => {
	const list = listOf(19, 5); // 95 records: 10 pages of 10, the last with 5

	it('every record once, pages in order, Concurrency requests at a time after the first alone', async () => {
		const server = serve(() => list);
		const { pages, records, debug } = await read();
		expect(records).toEqual(list);
		expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(server.served.map((s) => s.skip)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
		expect(server.served[0].inFlight).toBe(1);
		expect(server.maxInFlight()).toBe(4);
		expect(debug).toEqual([]);
	});

	it('slots shared by two queries bound them together', async () => {
		const server = serve(() => list);
		const slots = new RequestSlots(3);
		const [a, b] = await Promise.all([read(slots), read(slots)]);
		expect(a.records).toEqual(list);
		expect(b.records).toEqual(list);
		expect(server.served).toHaveLength(20);
		expect(server.maxInFlight()).toBe(3);
	});

	it('Concurrency 1: one request at a time, the next leaving before the page is processed', async () => {
		const server = serve(() => list);
		const { records } = await read(new RequestSlots(1));
		expect(records).toEqual(list);
		expect(server.maxInFlight()).toBe(1);
		expect(server.served).toHaveLength(10);
	});

	it('without slots (the directory lists) pages stay sequential', async () => {
		const server = serve(() => list);
		const { records } = await read('none');
		expect(records).toEqual(list);
		expect(server.maxInFlight()).toBe(1);
	});
});

describe('fallback to one page at a time, saying why in a debug line', () => {
	const list = listOf(19, 5);

	it('a short page (the server cut it): the rest is read from where it ended', async () => {
		const server = serve(() => list, {
			tweak: (body, skip) =>
				skip === 30
					? { ...body, agentStateHistory: (body.agentStateHistory as unknown[]).slice(0, 9) }
					: body,
		});
		const { records, debug } = await read();
		expectEachOnce(records, list);
		expect(debug).toEqual([
			'CXone paging falls back to one page at a time at page 4 of 10: 9 records where 10 were due',
		]);
		// Pages 5–7 were already requested when page 4 arrived; from 39 on, one at a time.
		expect(server.served.map((s) => s.skip).slice(-6)).toEqual([39, 49, 59, 69, 79, 89]);
	});

	it('a 204 before the promised total (pages linked): the clear error, as one page at a time', async () => {
		serve(() => list, { tweak: (body, skip) => (skip === 40 ? null : body) });
		await expect(read()).rejects.toThrow(
			'CXone pagination ended early (page 5): HTTP 204 No Content after 40 of 95 records',
		);
	});

	it('totalRecords drifting on later pages: every record once', async () => {
		serve(() => list, {
			tweak: (body, skip) => (skip >= 50 ? { ...body, totalRecords: 96 } : body),
		});
		const { records, debug } = await read();
		expectEachOnce(records, list);
		expect(debug).toEqual([
			'CXone paging falls back to one page at a time at page 6 of 10: totalRecords changed from 95 to 96',
		]);
	});

	it('records inserted while paging (a window ending now): the first read once, the new ones at most once', async () => {
		// From the fourth request on, agents 0, 9 and 18 each have a new state (inserted in agent order).
		const grown = [...list];
		for (const agent of [18, 9, 0]) grown.splice(agent * 5 + 5, 0, record(agent, 5));
		const server = serve((n) => (n <= 3 ? list : grown));
		const { records, debug } = await read();
		const seen = counts(records);
		expect([...seen.values()].every((n) => n === 1)).toBe(true);
		for (const r of list) expect(seen.get(recordIdentity(r))).toBe(1);
		for (const key of seen.keys()) expect(grown.map(recordIdentity)).toContain(key);
		// Agent 0's new state sits on a page read before it existed; the later ones arrive.
		expect(seen.has(recordIdentity(record(9, 5)))).toBe(true);
		expect(seen.has(recordIdentity(record(18, 5)))).toBe(true);
		expect(debug).toEqual([
			'CXone paging falls back to one page at a time at page 4 of 10: totalRecords changed from 95 to 98',
			// The last probe finds only the tail it already has: agent 0's new state shifted it.
			'CXone paging ends at page 11: its 1 records were already read (records were added before this offset while paging)',
		]);
		expect(server.served.length).toBeGreaterThan(10);
	});

	it('a repeated page (a stuck offset): the not-advancing error, as one page at a time', async () => {
		serve(() => list, {
			tweak: (body, skip) =>
				skip === 30 ? { ...body, agentStateHistory: list.slice(20, 30) } : body,
		});
		await expect(read()).rejects.toThrow(
			'CXone pagination is not advancing (page 4): all 10 records were already on earlier pages',
		);
	});

	it('the same record on both sides of a page edge: kept once', async () => {
		serve(() => list, {
			tweak: (body, skip) =>
				skip === 20
					? { ...body, agentStateHistory: list.slice(19, 29), _links: { next: linkTo(29) } }
					: body,
		});
		const { records, debug } = await read();
		expectEachOnce(records, list);
		expect(debug).toEqual([
			'CXone paging falls back to one page at a time at page 3 of 10: it repeats records of earlier pages',
		]);
	});

	it('a next link that is not the following offset: followed one page at a time', async () => {
		serve(() => list, {
			tweak: (body, skip) =>
				skip === 10
					? { ...body, _links: { next: `${DEFAULT_BASE_URL}${PATH}?skip=20&top=10&cursor=x` } }
					: body,
		});
		const { records, debug } = await read();
		expectEachOnce(records, list);
		expect(debug).toEqual([
			'CXone paging falls back to one page at a time at page 2 of 10: its next link is not the following offset',
		]);
	});
});

describe('no parallel pages when the first page does not promise them', () => {
	it('no totalRecords: one page at a time', async () => {
		const list = listOf(5, 5);
		const server = serve(() => list, {
			tweak: (body) => ({ ...body, totalRecords: undefined }),
		});
		const { records } = await read();
		expect(records).toEqual(list);
		expect(server.maxInFlight()).toBe(1);
	});

	it('a first next link that is not a skip/top offset: one page at a time', async () => {
		const list = listOf(5, 5);
		const server = serve(() => list, {
			tweak: (body, skip) =>
				skip === 0
					? { ...body, _links: { next: `${DEFAULT_BASE_URL}${PATH}?skip=10&top=10&token=abc` } }
					: body,
		});
		const { records } = await read();
		expect(records).toEqual(list);
		expect(server.maxInFlight()).toBe(1);
	});

	it('a link to another path: one page at a time', async () => {
		const list = listOf(5, 5);
		const server = serve(() => list, {
			tweak: (body, skip) =>
				skip === 0
					? {
							...body,
							_links: {
								next: `${DEFAULT_BASE_URL}/inContactAPI/services/v27.0/agents/state-history/next?skip=10&top=10`,
							},
						}
					: body,
		});
		await read().catch(() => undefined);
		expect(server.maxInFlight()).toBe(1);
	});

	it('more pages than Max Pages: one page at a time, and the cap error', async () => {
		const list = listOf(19, 5);
		const server = serve(() => list);
		await expect(read(new RequestSlots(4), { maxPages: 3 })).rejects.toThrow(
			/Stopped after reading 3 pages/,
		);
		expect(server.maxInFlight()).toBe(1);
	});
});
