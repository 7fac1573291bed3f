// The transport (request, retry, paginate, runBounded) against the fake CXone server over real
// HTTP, through n8n-core's real httpRequestWithAuthentication and the package's real credential
// (discovery + token in preAuthentication, function authenticate).
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { CxoneOAuth2Api } from '../../credentials/CxoneOAuth2Api.credentials';
import { RequestSlots, runBounded } from '../../nodes/shared/api/concurrency';
import { cxoneList } from '../../nodes/shared/api/pageFormats';
import type { FetchedPage, PageQuery, PaginateOptions } from '../../nodes/shared/api/paginate';
import { paginate, recordIdentity } from '../../nodes/shared/api/paginate';
import { cxoneRequest } from '../../nodes/shared/api/request';
import { TokenRefresh } from '../../nodes/shared/api/tokenRefresh';
import { REPORTING_V2 } from '../../nodes/shared/flavors';
import { agentListQuery } from '../../nodes/shared/resources/agents';
import { servicesPath } from '../../nodes/shared/resources/services';
import { createFakeCxone, type FakeCxone, type FakeCxoneOptions } from '../fake-cxone';
import { createExecuteContext } from '../helpers/n8nContext';

const MON = '2024-05-06T00:00:00.000Z';
const TUE = '2024-05-07T00:00:00.000Z';
const NOW = Date.parse('2024-05-08T18:00:00.000Z');
const AGENT = 39260750;

let fake: FakeCxone;

async function startFake(options: FakeCxoneOptions = {}): Promise<FakeCxone> {
	const server = createFakeCxone({ agents: 6, seed: 7, ...options });
	await server.start(0);
	return server;
}

function context(server: FakeCxone, credentials: Record<string, unknown> = {}) {
	return createExecuteContext({
		credentialType: new CxoneOAuth2Api(),
		credentials: {
			grantType: 'accessKey',
			clientId: server.credentials.clientId,
			clientSecret: server.credentials.clientSecret,
			accessKeyId: server.credentials.accessKeyId,
			accessKeySecret: server.credentials.accessKeySecret,
			issuerUrl: server.credentials.issuerUrl,
			tokenUrl: '',
			apiBaseUrl: '',
			resolvedBaseUrl: '',
			...credentials,
		},
	});
}

function fakeClock() {
	const waits: number[] = [];
	return {
		waits,
		sleep: async (ms: number) => {
			waits.push(ms);
		},
		random: () => 0.5,
	};
}

async function collect(
	ctx: ReturnType<typeof createExecuteContext>,
	query: PageQuery,
	opts: PaginateOptions,
): Promise<FetchedPage[]> {
	const pages: FetchedPage[] = [];
	for await (const page of paginate.call(ctx, query, opts)) pages.push(page);
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

const allAgents: PageQuery = {
	format: cxoneList('agentStateHistory'),
	path: servicesPath('v27.0', 'agents', 'state-history'),
	qs: { startDate: MON, endDate: TUE },
};

const tokenRequests = (server: FakeCxone) =>
	server.log.filter((e) => e.path === '/auth/token' || e.path === '/oauth/token');
const discoveryRequests = (server: FakeCxone) =>
	server.log.filter((e) => e.path.startsWith('/.well-known/'));
const apiRequests = (server: FakeCxone) =>
	server.log.filter((e) => e.path.toLowerCase().startsWith('/incontactapi/'));

describe('transport over HTTP against the fake CXone', () => {
	beforeAll(async () => {
		fake = await startFake();
	});
	afterAll(async () => {
		await fake.stop();
	});
	beforeEach(() => {
		fake.clearFaults();
		fake.resetLog();
	});

	it('a fresh credential discovers, fetches one token and reads every page in order', async () => {
		const ctx = context(fake);
		const expected = fake.recordsFor({ all: true, startMs: MON, endMs: TUE });
		expect(expected.length).toBeGreaterThan(150);

		const pages = await collect(ctx, allAgents, { ...fakeClock(), pageSize: 50 });

		const records = pages.flatMap((p) => p.records);
		expect(records).toHaveLength(fake.countRecords({ all: true, startMs: MON, endMs: TUE }));
		expect(records).toEqual(expected);
		expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
		expect(pages.length).toBe(Math.ceil(expected.length / 50));
		expect(pages.every((p) => p.readAtMs === NOW)).toBe(true);
		expect(tokenRequests(fake)).toHaveLength(1);
		expect(apiRequests(fake).every((e) => e.auth === 'bearer' && e.status === 200)).toBe(true);
		expect(ctx.harness.credentials?.resolvedBaseUrl).toBe(fake.url);
	});

	it('pages with skip/top when the server sends no next links', async () => {
		const server = await startFake({ nextLinks: false });
		try {
			const ctx = context(server);
			const pages = await collect(ctx, allAgents, { ...fakeClock(), pageSize: 40 });
			const expected = server.recordsFor({ all: true, startMs: MON, endMs: TUE });
			expect(pages.flatMap((p) => p.records)).toEqual(expected);
			const skips = apiRequests(server).map((e) => Number(e.query.skip));
			expect(skips).toEqual(pages.map((_, i) => i * 40));
		} finally {
			await server.stop();
		}
	});

	it('a page that repeats the previous page edge loses nothing when paging by skip/top', async () => {
		const server = await startFake({ nextLinks: false });
		try {
			server.setFaults({ duplicateEdge: { count: 1 } });
			const ctx = context(server);
			const pages = await collect(ctx, allAgents, { ...fakeClock(), pageSize: 40 });
			const expected = server.recordsFor({ all: true, startMs: MON, endMs: TUE });
			const got = new Set(pages.flatMap((p) => p.records.map(recordIdentity)));
			expect(got).toEqual(new Set(expected.map(recordIdentity)));
			// The repeated record does not advance the offset: the third page starts one earlier.
			const skips = apiRequests(server).map((e) => Number(e.query.skip));
			expect(skips.slice(0, 3)).toEqual([0, 40, 79]);
		} finally {
			await server.stop();
		}
	});

	it('reads the Reporting API v2 flavor, token at the top level and under pagination', async () => {
		for (const v2TokenLocation of ['top', 'pagination'] as const) {
			const server = await startFake({ v2TokenLocation });
			try {
				const ctx = context(server, { apiFlavor: 'reportingV2' });
				const query: PageQuery = REPORTING_V2.stateHistory({
					apiVersion: 'v27.0',
					agentId: String(AGENT),
					window: { startMs: Date.parse(MON), endMs: Date.parse('2024-05-08T00:00:00.000Z') },
					timeZone: 'America/New_York',
				});
				const pages = await collect(ctx, query, { ...fakeClock(), pageSize: 7 });
				const expected = server.recordsFor({
					agentId: AGENT,
					startMs: MON,
					endMs: '2024-05-08T00:00:00.000Z',
					flavor: 'reportingV2',
					timezone: 'America/New_York',
				});
				expect(pages.length).toBeGreaterThan(2);
				expect(pages.flatMap((p) => p.records)).toEqual(expected);
			} finally {
				await server.stop();
			}
		}
	});

	it('retries 429 (honouring Retry-After), 5xx, resets and truncated bodies without losing data', async () => {
		const ctx = context(fake);
		fake.setFaults({
			rateLimit: { count: 2, retryAfter: '2' },
			serverError: { count: 1, status: 503 },
			reset: { count: 1 },
			truncate: { count: 1 },
		});
		const clock = fakeClock();
		const pages = await collect(ctx, allAgents, { ...clock, pageSize: 100 });
		expect(pages.flatMap((p) => p.records)).toEqual(
			fake.recordsFor({ all: true, startMs: MON, endMs: TUE }),
		);
		// Faults hit in order on consecutive requests: 429, 429, 503, reset, truncated.
		expect(clock.waits).toEqual([2000, 2000, 2000, 4000, 8000]);
		const spent = Object.entries(fake.activeFaults()).map(([name, f]) => [name, f.hits, f.left]);
		expect(spent).toEqual([
			['rateLimit', 2, 0],
			['serverError', 1, 0],
			['reset', 1, 0],
			['truncate', 1, 0],
		]);
	});

	it('retries a request that times out', async () => {
		const ctx = context(fake);
		// A wide margin between the timeout and the slow answer: the retry must not time out too
		// on a loaded machine (CI installs the n8n runtimes while these tests run).
		fake.setFaults({ slow: { count: 1, delayMs: 1500 } });
		const clock = fakeClock();
		const res = await cxoneRequest.call(
			ctx,
			{ url: agentListQuery('v27.0').path, qs: { skip: 0, top: 100 } },
			{ ...clock, timeoutMs: 500 },
		);
		// The abandoned slow response is logged when the server finishes it; wait for that, before
		// any assertion, so it cannot land in the next test's log.
		for (let i = 0; i < 150 && !fake.log.some((e) => e.faults?.includes('slow')); i++) {
			await sleep(20);
		}
		expect(res.statusCode).toBe(200);
		expect((res.body as { agents: unknown[] }).agents).toHaveLength(6);
		expect(clock.waits).toEqual([500]);
	});

	it('a token that expires mid-pagination is refreshed once and reading continues', async () => {
		const ctx = context(fake);
		fake.setFaults({ expireTokenAfterRequests: { n: 2 } });
		const pages = await collect(ctx, allAgents, { ...fakeClock(), pageSize: 50 });
		expect(pages.flatMap((p) => p.records)).toEqual(
			fake.recordsFor({ all: true, startMs: MON, endMs: TUE }),
		);
		expect(tokenRequests(fake)).toHaveLength(2);
		// The refresh reuses the token URL and base URL discovered the first time: one request.
		expect(discoveryRequests(fake).map((e) => e.path)).toEqual([
			'/.well-known/openid-configuration',
			'/.well-known/cxone-configuration',
		]);
		const statuses = apiRequests(fake).map((e) => e.status);
		expect(statuses.slice(0, 4)).toEqual([200, 200, 401, 200]);
		const forced = ctx.harness.authCalls.filter((c) => c.additionalCredentialOptions);
		expect(forced).toHaveLength(1);
		expect(forced[0].additionalCredentialOptions?.credentialsDecrypted?.data?.accessToken).toBe('');
	});

	it('revoked tokens: one refresh per request, then success', async () => {
		const ctx = context(fake);
		await cxoneRequest.call(ctx, { url: agentListQuery('v27.0').path, qs: { skip: 0, top: 10 } });
		fake.revokeTokens();
		fake.resetLog();
		const res = await cxoneRequest.call(ctx, {
			url: agentListQuery('v27.0').path,
			qs: { skip: 0, top: 10 },
		});
		expect(res.statusCode).toBe(200);
		const relevant = fake.log.filter((e) => !e.path.startsWith('/.well-known/'));
		expect(relevant.map((e) => [e.path, e.status])).toEqual([
			['/inContactAPI/services/v27.0/agents', 401],
			['/auth/token', 200],
			['/inContactAPI/services/v27.0/agents', 200],
		]);
	});

	it('a 204 reached by a next link is an error, not a shorter result', async () => {
		const ctx = context(fake);
		fake.setFaults({ noContentAtPage: { page: 2 } });
		const err = await failure(collect(ctx, allAgents, { ...fakeClock(), pageSize: 30 }));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			'CXone pagination ended early (page 3): HTTP 204 No Content after 60 of 257 records',
		);
		expect(apiRequests(fake)).toHaveLength(3);
	});

	it('overlapping pages (duplicate edge) and a drifting totalRecords lose nothing', async () => {
		const ctx = context(fake);
		fake.setFaults({ duplicateEdge: { count: 2 }, totalRecordsDrift: { count: -1 } });
		const pages = await collect(ctx, allAgents, { ...fakeClock(), pageSize: 50 });
		const unique = new Map(pages.flatMap((p) => p.records).map((r) => [recordIdentity(r), r]));
		expect([...unique.values()]).toEqual(fake.recordsFor({ all: true, startMs: MON, endMs: TUE }));
	});

	it('a next link pointing at the page just served is reported, not looped on', async () => {
		const ctx = context(fake);
		fake.setFaults({ repeatNextLink: { count: -1 } });
		const err = await failure(collect(ctx, allAgents, { ...fakeClock(), pageSize: 50 }));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toMatch(/^CXone pagination is not advancing \(page 2\)/);
		expect(apiRequests(fake)).toHaveLength(2);
	});

	it('the page cap stops with an error naming the pages read', async () => {
		const ctx = context(fake);
		const err = await failure(
			collect(ctx, allAgents, { ...fakeClock(), pageSize: 20, maxPages: 3 }),
		);
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toMatch(/^Stopped after reading 3 pages/);
		expect(apiRequests(fake)).toHaveLength(3);
	});

	it('403 and 400 come back as NodeApiErrors with CXone text and hints', async () => {
		const server = await startFake({ agentsForbidden: true });
		try {
			const ctx = context(server);
			const forbidden = (await failure(
				collect(
					ctx,
					{ format: cxoneList('agents'), path: agentListQuery('v27.0').path, qs: {} },
					{},
				),
			)) as NodeApiError;
			expect(forbidden.httpCode).toBe('403');
			expect(forbidden.description).toMatch(/role lacks permission/);

			const bad = (await failure(
				cxoneRequest.call(ctx, {
					url: servicesPath('v27.0', 'agents', String(AGENT), 'state-history'),
					qs: { startDate: '2024-05-06T00:00:00', endDate: TUE, skip: 0, top: 10 },
				}),
			)) as NodeApiError;
			expect(bad.httpCode).toBe('400');
			expect(bad.message).toMatch(/^CXone API request failed with HTTP 400: Invalid startDate/);
		} finally {
			await server.stop();
		}
	});

	it('per-agent queries run bounded after one first request, sharing a single token', async () => {
		const ctx = context(fake);
		const agentIds = fake.agents.map((a) => a.agentId);
		let active = 0;
		let maxActive = 0;
		const counts = await runBounded(agentIds, 3, async (agentId) => {
			active++;
			maxActive = Math.max(maxActive, active);
			try {
				const pages = await collect(
					ctx,
					{
						format: cxoneList('agentStateHistory'),
						path: servicesPath('v27.0', 'agents', String(agentId), 'state-history'),
						qs: { startDate: MON, endDate: TUE },
					},
					{ ...fakeClock(), pageSize: 25 },
				);
				return pages.reduce((n, p) => n + p.records.length, 0);
			} finally {
				active--;
			}
		});
		expect(counts).toEqual(
			agentIds.map((agentId) => fake.countRecords({ agentId, startMs: MON, endMs: TUE })),
		);
		expect(maxActive).toBe(3);
		expect(tokenRequests(fake)).toHaveLength(1);
	});
});

describe('skip/top pages in parallel against the fake CXone', () => {
	const parallel = (n: number) => ({ ...fakeClock(), slots: new RequestSlots(n) });
	let server: FakeCxone;
	beforeAll(async () => {
		server = await startFake({ agents: 40, latencyMs: 10, nextLinks: true });
	});
	afterAll(async () => {
		await server.stop();
	});
	beforeEach(() => {
		server.clearFaults();
		server.resetLog();
	});

	it('every record once, one request per page, Concurrency requests at a time', async () => {
		const expected = server.recordsFor({ all: true, startMs: MON, endMs: TUE });
		const pages = await collect(context(server), allAgents, { ...parallel(4), pageSize: 50 });
		expect(pages.flatMap((p) => p.records)).toEqual(expected);
		const history = apiRequests(server);
		expect(history).toHaveLength(Math.ceil(expected.length / 50));
		expect(new Set(history.map((e) => e.query.skip)).size).toBe(history.length);
		expect(Math.max(...history.map((e) => e.inFlight))).toBe(4);
	});

	it('records appended while paging (a window that ends now): the first read once, nothing twice, nothing invented', async () => {
		const now = Date.parse('2024-05-06T12:00:00.000Z');
		server.setNow(now);
		const query: PageQuery = {
			...allAgents,
			qs: { startDate: MON, endDate: '2024-05-06T13:00:00.000Z' },
		};
		const window = { all: true, startMs: MON, endMs: '2024-05-06T13:00:00.000Z' };
		const before = server.recordsFor(window).map(recordIdentity);
		const ctx = context(server);
		const got: unknown[] = [];
		for await (const page of paginate.call(ctx, query, { ...parallel(4), pageSize: 50 })) {
			// The agents go on working while the pages are read: new states, open ones ending.
			if (page.page === 1) server.setNow(now + 20 * 60_000);
			got.push(...page.records);
		}
		const after = new Set(server.recordsFor(window).map(recordIdentity));
		expect(after.size).toBeGreaterThan(before.length);

		const ids = got.map(recordIdentity);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of before) expect(ids).toContain(id);
		for (const id of ids) expect(after.has(id)).toBe(true);
		const debug = ctx.harness.logs.filter((l) => l.level === 'debug').map((l) => l.message);
		expect(debug[0]).toMatch(
			/^CXone paging falls back to one page at a time at page \d+ of \d+: totalRecords changed from \d+ to \d+$/,
		);
	});

	it('a token that expires under parallel pages is renewed once', async () => {
		server.setFaults({ expireTokenAfterRequests: { n: 3 } });
		const expected = server.recordsFor({ all: true, startMs: MON, endMs: TUE });
		const ctx = context(server);
		const pages = await collect(ctx, allAgents, {
			...parallel(4),
			tokenRefresh: new TokenRefresh(),
			pageSize: 50,
		});
		expect(pages.flatMap((p) => p.records)).toEqual(expected);
		expect(tokenRequests(server)).toHaveLength(2);
		const refused = apiRequests(server).filter((e) => e.status === 401).length;
		expect(refused).toBeGreaterThanOrEqual(1);
		expect(refused).toBeLessThanOrEqual(4);
	});
});
