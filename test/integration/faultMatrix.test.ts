// The node (execute, real credential, n8n-core's real request helpers) against the fake CXone over
// real HTTP, one fault at a time: either exactly the records of the window (none lost, none twice)
// or a clear error after a bounded number of attempts. Retry waits go through the transport's
// seam, so they are recorded instead of slept. The README's fault table mirrors these cases.
import { NodeApiError, sleep } from 'n8n-workflow';

import { CxoneOAuth2Api } from '../../credentials/CxoneOAuth2Api.credentials';
import { CxoneAgentStateHistory } from '../../nodes/CxoneAgentStateHistory/CxoneAgentStateHistory.node';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, retryTiming } from '../../nodes/shared/api/retry';
import { createFakeCxone, OPEN_STATE_SHAPES } from '../fake-cxone';
import type { FakeCxone, FakeCxoneFaults, FakeCxoneOptions } from '../fake-cxone';
import type { Params } from '../helpers/n8nContext';
import { fakeCxoneCredentials } from '../helpers/fakeCredentials';
import { createExecuteContext } from '../helpers/n8nContext';

const MON = '2024-05-06T00:00:00.000Z';
const TUE = '2024-05-07T00:00:00.000Z';
/**
 * The fake's clock: the window's end, so every agent's last state in it is still running and is
 * sent in the open-state shape of the case (the window's records are the same as with a later now).
 */
const FAKE_NOW = TUE;
/** The fake's clock, also the transport's clock here (Retry-After dates are relative to it). */
const NOW = Date.parse('2024-05-08T18:00:00.000Z');
const PAGE_SIZE = 50;
/** Records of all 6 agents in the window: 6 pages of 50. */
const RECORDS = 257;
const PAGES = Math.ceil(RECORDS / PAGE_SIZE);
const STATE_HISTORY = '/inContactAPI/services/v27.0/agents/state-history';
const OVERLOADED = `CXone is overloaded or unavailable. Try again later, or lower the concurrency. Request: GET ${STATE_HISTORY}`;

const ok = (n: number) => Array.from({ length: n }, () => 200);

// The transport's seams: waits are recorded, dice are real but remembered, the clock is fixed.
const real = { ...retryTiming };
const waits: number[] = [];
const draws: number[] = [];

beforeAll(() => {
	retryTiming.sleep = async (ms) => {
		waits.push(ms);
	};
	retryTiming.random = () => {
		const r = Math.random();
		draws.push(r);
		return r;
	};
	retryTiming.now = () => NOW;
});
afterAll(() => {
	Object.assign(retryTiming, real);
});

/** What the waits must be: exact values (Retry-After), or n full-jitter backoffs. */
type Waits = { exact: number[] } | { jitter: number };

function expectWaits(expected: Waits): void {
	if ('exact' in expected) {
		expect(waits).toEqual(expected.exact);
		return;
	}
	expect(waits).toHaveLength(expected.jitter);
	// The last failure draws too before it gives up, so there may be one draw more than waits.
	expect(draws.length - waits.length).toBeGreaterThanOrEqual(0);
	expect(draws.length - waits.length).toBeLessThanOrEqual(1);
	waits.forEach((ms, retry) => {
		const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
		expect(ms).toBeGreaterThanOrEqual(0);
		expect(ms).toBeLessThan(ceiling);
		expect(ms).toBe(Math.floor(draws[retry] * ceiling));
	});
}

async function startFake(options: FakeCxoneOptions = {}): Promise<FakeCxone> {
	const server = createFakeCxone({ agents: 6, seed: 7, now: FAKE_NOW, ...options });
	await server.start(0);
	return server;
}

/**
 * Concurrency of the exact matrix: one request at a time, so every case has one sequence of
 * requests. The parallel matrix below runs the same cases at the default Concurrency.
 */
const ONE_AT_A_TIME = 1;
const PARALLEL = 4;

async function runNode(
	server: FakeCxone,
	faults: FakeCxoneFaults,
	options: Params = {},
	concurrency = ONE_AT_A_TIME,
) {
	server.clearFaults();
	server.resetLog();
	waits.length = 0;
	draws.length = 0;
	server.setFaults(faults);
	const ctx = createExecuteContext({
		credentialType: new CxoneOAuth2Api(),
		credentials: fakeCxoneCredentials(server),
		params: {
			agentSelection: 'all',
			teamIds: '',
			timeRange: 'custom',
			start: MON,
			end: TUE,
			timezone: 'UTC',
			splitIntoItems: true,
			options: { pageSize: PAGE_SIZE, resolveAgentNames: false, concurrency, ...options },
		},
	});
	let ids: string[] | undefined;
	let open: string[] | undefined;
	let error: unknown;
	try {
		const out = await new CxoneAgentStateHistory().execute.call(ctx);
		ids = out[0].map((item) => String(item.json.recordId));
		open = out[0].filter((item) => item.json.isOpen === true).map((i) => String(i.json.recordId));
	} catch (caught) {
		error = caught;
	}
	// Client-side attempts: every call of httpRequestWithAuthentication for the history.
	const attempts = ctx.harness.authCalls.filter((c) => c.url.includes('/state-history')).length;
	return { ids, open, error, attempts };
}

const apiStatuses = (server: FakeCxone) =>
	server.log.filter((e) => e.path === STATE_HISTORY).map((e) => e.status);
const tokenRequests = (server: FakeCxone) =>
	server.log.filter((e) => e.path === '/auth/token').length;

/** A slow response is logged only when the server finishes it; wait so no entry leaks on. */
async function settle(server: FakeCxone, entries: number): Promise<void> {
	for (let i = 0; i < 100 && apiStatuses(server).length < entries; i++) await sleep(50);
}

interface Recovers {
	fault: string;
	faults: FakeCxoneFaults;
	options?: Params;
	/** Statuses of the history requests as the server logged them (0 = reset). */
	statuses?: number[];
	attempts: number;
	waits: Waits;
	tokenRequests?: number;
}

const recovers: Recovers[] = [
	{
		fault: '429 without Retry-After (twice)',
		faults: { rateLimit: { count: 2 } },
		statuses: [429, 429, ...ok(PAGES)],
		attempts: PAGES + 2,
		waits: { jitter: 2 },
	},
	{
		fault: '429 with Retry-After: 2 (seconds)',
		faults: { rateLimit: { retryAfter: '2' } },
		statuses: [429, ...ok(PAGES)],
		attempts: PAGES + 1,
		waits: { exact: [2000] },
	},
	{
		fault: '429 with Retry-After as an HTTP date (7 s after now)',
		faults: { rateLimit: { retryAfter: 'Wed, 08 May 2024 18:00:07 GMT' } },
		statuses: [429, ...ok(PAGES)],
		attempts: PAGES + 1,
		waits: { exact: [7000] },
	},
	{
		fault: '429 with Retry-After: 600 (capped at 120 s)',
		faults: { rateLimit: { retryAfter: '600' } },
		statuses: [429, ...ok(PAGES)],
		attempts: PAGES + 1,
		waits: { exact: [120_000] },
	},
	...([500, 502, 503, 504] as const).map(
		(status): Recovers => ({
			fault: `HTTP ${status}`,
			faults: { serverError: { status } },
			statuses: [status, ...ok(PAGES)],
			attempts: PAGES + 1,
			waits: { jitter: 1 },
		}),
	),
	{
		fault: 'connection reset mid-body',
		faults: { reset: {} },
		statuses: [0, ...ok(PAGES)],
		attempts: PAGES + 1,
		waits: { jitter: 1 },
	},
	{
		fault: 'truncated JSON (complete response, body cut in half)',
		faults: { truncate: {} },
		statuses: ok(PAGES + 1),
		attempts: PAGES + 1,
		waits: { jitter: 1 },
	},
	{
		fault: 'a response slower than the timeout (1.5 s vs Timeout 1 s)',
		faults: { slow: { delayMs: 1500 } },
		options: { timeoutSeconds: 1 },
		attempts: PAGES + 1,
		waits: { jitter: 1 },
	},
	{
		fault: 'a token that expires mid-pagination (after 2 requests)',
		faults: { expireTokenAfterRequests: { n: 2 } },
		statuses: [200, 200, 401, ...ok(PAGES - 2)],
		attempts: PAGES + 1,
		waits: { exact: [] },
		tokenRequests: 2,
	},
	{
		fault: 'the same record on both sides of every page edge',
		faults: { duplicateEdge: { count: -1 } },
		statuses: ok(PAGES),
		attempts: PAGES,
		waits: { exact: [] },
	},
	{
		fault: 'totalRecords changing on every page (+1, +2, …)',
		faults: { totalRecordsDrift: { count: -1 } },
		// The last page has no next link and totalRecords claims more: one probe, answered 204.
		statuses: [...ok(PAGES), 204],
		attempts: PAGES + 1,
		waits: { exact: [] },
	},
];

interface Fails {
	fault: string;
	faults: FakeCxoneFaults;
	options?: Params;
	httpCode: string | null;
	message: string | ((server: FakeCxone) => string);
	description?: string | RegExp;
	attempts: number;
	waits: Waits;
	tokenRequests?: number;
}

const persistent = (status: 500 | 502 | 503 | 504, text: string): Fails => ({
	fault: `HTTP ${status} on every attempt`,
	faults: { serverError: { status, count: -1 } },
	httpCode: String(status),
	message: `CXone API request failed with HTTP ${status} after 6 attempts: ${text}`,
	description: OVERLOADED,
	attempts: 6,
	waits: { jitter: 5 },
});

const fails: Fails[] = [
	{
		fault: '429 without Retry-After on every attempt',
		faults: { rateLimit: { count: -1 } },
		httpCode: '429',
		message: 'CXone API request failed with HTTP 429 after 6 attempts: Too many requests',
		description: OVERLOADED,
		attempts: 6,
		waits: { jitter: 5 },
	},
	{
		fault: '429 with Retry-After: 2 on every attempt',
		faults: { rateLimit: { count: -1, retryAfter: '2' } },
		httpCode: '429',
		message: 'CXone API request failed with HTTP 429 after 6 attempts: Too many requests',
		description: OVERLOADED,
		attempts: 6,
		waits: { exact: [2000, 2000, 2000, 2000, 2000] },
	},
	persistent(500, 'An error has occurred.'),
	// Gateways answer with an HTML page; the message keeps only its title.
	persistent(502, '502 Bad Gateway'),
	persistent(503, '503 Service Unavailable'),
	persistent(504, '504 Gateway Timeout'),
	{
		fault: 'connection reset on every attempt',
		faults: { reset: { count: -1 } },
		httpCode: null,
		message: 'CXone request failed after 6 attempts: the connection was reset or timed out',
		description:
			/^Last error: (stream has been aborted|ECONNRESET)\. Request: GET \/inContactAPI\/services\/v27\.0\/agents\/state-history\. CXone may be unavailable; try again later or raise the timeout\.$/,
		attempts: 6,
		waits: { jitter: 5 },
	},
	{
		fault: 'truncated JSON on every attempt',
		faults: { truncate: { count: -1 } },
		httpCode: '200',
		message: 'CXone returned an incomplete JSON body after 6 attempts',
		description: `The response could not be parsed as JSON (it may have been cut off). Request: GET ${STATE_HISTORY}`,
		attempts: 6,
		waits: { jitter: 5 },
	},
	{
		fault: 'every response slower than the timeout (Max Retries 2)',
		faults: { slow: { count: -1, delayMs: 1500 } },
		options: { timeoutSeconds: 1, maxRetries: 2 },
		httpCode: null,
		message: 'CXone request failed after 3 attempts: the connection was reset or timed out',
		description: `Last error: ECONNABORTED. Request: GET ${STATE_HISTORY}. CXone may be unavailable; try again later or raise the timeout.`,
		attempts: 3,
		waits: { jitter: 2 },
	},
	{
		fault: 'a 204 mid-pagination (third page, reached by _links.next)',
		faults: { noContentAtPage: { page: 2 } },
		httpCode: '204',
		message: `CXone pagination ended early (page 3): HTTP 204 No Content after 100 of ${RECORDS} records`,
		description:
			'The previous page linked to this one (_links.next) and reported totalRecords, so the result would be incomplete; reading stopped instead of returning part of the data. Run the node again; if it persists, narrow the time window.',
		attempts: 3,
		waits: { exact: [] },
	},
	{
		fault: 'a repeated _links.next (pointing at the page just served)',
		faults: { repeatNextLink: {} },
		httpCode: null,
		message:
			'CXone pagination is not advancing (page 2): all 50 records were already on earlier pages',
		description:
			'The API kept returning data it had already sent, so reading stopped instead of looping. Narrow the time window or lower the page size, and try again.',
		attempts: 2,
		waits: { exact: [] },
	},
	{
		fault: 'a token rejected even right after a refresh',
		faults: { expireTokenAfterRequests: { n: 0, count: -1 } },
		httpCode: '401',
		message:
			'CXone API request failed with HTTP 401: Authorization has been denied for this request.',
		description: `The access token was refreshed and CXone still rejected it. Check that the API user is active and that its role allows API access. Request: GET ${STATE_HISTORY}`,
		attempts: 2,
		waits: { exact: [] },
		tokenRequests: 2,
	},
	{
		fault: 'token endpoint: invalid_client',
		faults: { tokenError: { error: 'invalid_client' } },
		httpCode: null,
		message: (server) =>
			`CXone token request to ${server.url}/auth/token failed (HTTP 401, invalid_client): client ID/secret rejected, or the application registration is not approved yet (check "Client ID", "Client Secret" and "Client Authentication"). CXone says: "Client authentication failed.".`,
		attempts: 1,
		waits: { exact: [] },
		tokenRequests: 1,
	},
	{
		fault: 'token endpoint: invalid_grant',
		faults: { tokenError: { error: 'invalid_grant' } },
		httpCode: null,
		message: (server) =>
			`CXone token request to ${server.url}/auth/token failed (HTTP 400, invalid_grant): access key ID/secret rejected or revoked (check them, or create a new access key). CXone says: "The access key is invalid or has been revoked.".`,
		attempts: 1,
		waits: { exact: [] },
		tokenRequests: 1,
	},
];

/** Each case sends the agents' current states in one of the shapes, in turn. */
const withShapes = <T>(cases: T[]) =>
	cases.map((c, i) => ({ ...c, openState: OPEN_STATE_SHAPES[i % OPEN_STATE_SHAPES.length] }));

describe('fault matrix: the node against the fake CXone over HTTP', () => {
	let fake: FakeCxone;
	let truth: string[];
	let openTruth: string[];

	beforeAll(async () => {
		fake = await startFake();
		const canonical = fake.canonicalRecordsFor({ all: true, startMs: MON, endMs: TUE });
		truth = canonical.map((r) => r.recordId).sort();
		expect(truth).toHaveLength(RECORDS);
		openTruth = canonical.filter((r) => r.isOpen).map((r) => r.recordId);
		expect(openTruth).toHaveLength(6);
	});
	afterAll(async () => {
		await fake.stop();
	});

	describe.each(withShapes(recovers))('$fault (current states: $openState)', (c) => {
		it('returns exactly the records of the window, each once', async () => {
			fake.setOpenState(c.openState);
			const { ids, open, error, attempts } = await runNode(fake, c.faults, c.options);
			expect(error).toBeUndefined();
			expect(ids).toHaveLength(RECORDS);
			expect([...(ids ?? [])].sort()).toEqual(truth);
			expect([...(open ?? [])].sort()).toEqual([...openTruth].sort());
			expect(attempts).toBe(c.attempts);
			if (c.statuses) expect(apiStatuses(fake)).toEqual(c.statuses);
			else await settle(fake, c.attempts);
			expect(tokenRequests(fake)).toBe(c.tokenRequests ?? 1);
			expectWaits(c.waits);
		});
	});

	describe.each(withShapes(fails))('$fault (current states: $openState)', (c) => {
		it('stops with a clear NodeApiError after a bounded number of attempts', async () => {
			fake.setOpenState(c.openState);
			const { ids, error, attempts } = await runNode(fake, c.faults, c.options);
			expect(ids).toBeUndefined();
			expect(error).toBeInstanceOf(NodeApiError);
			const e = error as NodeApiError;
			expect(e.message).toBe(typeof c.message === 'function' ? c.message(fake) : c.message);
			if (typeof c.description === 'string') expect(e.description).toBe(c.description);
			else if (c.description) expect(e.description).toMatch(c.description);
			expect(e.httpCode).toBe(c.httpCode);
			expect(attempts).toBe(c.attempts);
			await settle(fake, c.attempts - (c.tokenRequests === 1 ? 1 : 0));
			expect(apiStatuses(fake)).toHaveLength(c.tokenRequests === 1 ? 0 : c.attempts);
			expect(tokenRequests(fake)).toBe(c.tokenRequests ?? 1);
			expectWaits(c.waits);
		});
	});
});

/**
 * Requests a parallel read may add to a case's sequence: when a page makes it fall back to one
 * page at a time, the pages already requested after it are dropped (at most Concurrency − 1),
 * and each request that met an expired token refreshes it on its own.
 */
const PARALLEL_EXTRA = PARALLEL - 1;

describe(`fault matrix with pages in parallel (Concurrency ${PARALLEL})`, () => {
	let fake: FakeCxone;
	let truth: string[];

	beforeAll(async () => {
		fake = await startFake();
		truth = fake
			.canonicalRecordsFor({ all: true, startMs: MON, endMs: TUE })
			.map((r) => r.recordId)
			.sort();
	});
	afterAll(async () => {
		await fake.stop();
	});

	const inFlight = () => Math.max(...fake.log.map((e) => e.inFlight));

	describe.each(withShapes(recovers))('$fault (current states: $openState)', (c) => {
		it('returns exactly the records of the window, each once, never more than 4 requests at a time', async () => {
			fake.setOpenState(c.openState);
			const { ids, error, attempts } = await runNode(fake, c.faults, c.options, PARALLEL);
			expect(error).toBeUndefined();
			expect(ids).toHaveLength(RECORDS);
			expect([...(ids ?? [])].sort()).toEqual(truth);
			expect(attempts).toBeGreaterThanOrEqual(c.attempts);
			expect(attempts).toBeLessThanOrEqual(c.attempts + PARALLEL_EXTRA * 2);
			await settle(fake, attempts);
			expect(inFlight()).toBeLessThanOrEqual(PARALLEL);
			expect(tokenRequests(fake)).toBeLessThanOrEqual((c.tokenRequests ?? 1) + PARALLEL_EXTRA);
		});
	});

	describe.each(withShapes(fails))('$fault (current states: $openState)', (c) => {
		it('stops with the same NodeApiError as one page at a time', async () => {
			fake.setOpenState(c.openState);
			const { ids, error, attempts } = await runNode(fake, c.faults, c.options, PARALLEL);
			expect(ids).toBeUndefined();
			expect(error).toBeInstanceOf(NodeApiError);
			const e = error as NodeApiError;
			expect(e.message).toBe(typeof c.message === 'function' ? c.message(fake) : c.message);
			expect(e.httpCode).toBe(c.httpCode);
			expect(attempts).toBeLessThanOrEqual(c.attempts + PARALLEL_EXTRA * 2);
			await settle(fake, attempts);
			expect(inFlight()).toBeLessThanOrEqual(PARALLEL);
		});
	});
});

describe('fault matrix: a server that sends no _links.next (paging by skip/top)', () => {
	let fake: FakeCxone;
	beforeAll(async () => {
		fake = await startFake({ nextLinks: false, openState: 'absent' });
	});
	afterAll(async () => {
		await fake.stop();
	});

	it('totalRecords changing between pages loses and repeats nothing', async () => {
		const truth = fake
			.canonicalRecordsFor({ all: true, startMs: MON, endMs: TUE })
			.map((r) => r.recordId)
			.sort();
		const { ids, error } = await runNode(fake, { totalRecordsDrift: { count: -1 } });
		expect(error).toBeUndefined();
		expect([...(ids ?? [])].sort()).toEqual(truth);
		expect(apiStatuses(fake)).toEqual([...ok(PAGES), 204]);
	});

	it('the same record on both sides of every page edge is kept once', async () => {
		const truth = fake
			.canonicalRecordsFor({ all: true, startMs: MON, endMs: TUE })
			.map((r) => r.recordId)
			.sort();
		const { ids, error } = await runNode(fake, { duplicateEdge: { count: -1 } });
		expect(error).toBeUndefined();
		expect(ids).toHaveLength(RECORDS);
		expect([...(ids ?? [])].sort()).toEqual(truth);
	});
});
