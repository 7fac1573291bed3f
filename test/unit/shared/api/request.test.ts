import nock from 'nock';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';

import { cxoneRequest } from '../../../../nodes/shared/api/request';
import { retryTiming } from '../../../../nodes/shared/api/retry';
import { createExecuteContext, DEFAULT_BASE_URL } from '../../../helpers/n8nContext';

const PATH = '/inContactAPI/services/v27.0/agents/39260750/state-history';
const LEAK_CANARY = 'SUPER-LEAK_CANARY-BEARER-TOKEN-42';

function fakeClock() {
	const waits: number[] = [];
	return {
		waits,
		sleep: async (ms: number) => {
			waits.push(ms);
		},
		random: () => 0.5,
		now: () => Date.parse('2024-05-01T12:00:00.000Z'),
	};
}

type Ctx = ReturnType<typeof createExecuteContext>;

/**
 * Network failures as n8n-core throws them: `new NodeApiError(node, axiosError)` (probed with
 * nock + n8n-core 2.8.1: httpCode = the error code, message remapped for known codes). Injected
 * in front of the real helper because nock 14's replyWithError races with the socket's error
 * listeners (an unhandled 'error' event can crash the jest worker); the fake-server integration
 * test covers real resets and timeouts over HTTP.
 */
function failFirst(
	ctx: Ctx,
	failures: Array<[code: string, message: string]>,
	bearer = 'test-access-token-1',
): void {
	const real = ctx.helpers.httpRequestWithAuthentication;
	let next = 0;
	ctx.helpers.httpRequestWithAuthentication = async function (this: unknown, ...args: unknown[]) {
		if (next < failures.length) {
			const [code, message] = failures[next++];
			// Like an AxiosError, it carries the request config with the Authorization header.
			const config = { headers: { Authorization: `Bearer ${bearer}` } };
			const axiosLike = Object.assign(new Error(message), code ? { code, config } : { config });
			throw new NodeApiError(ctx.getNode(), axiosLike as unknown as JsonObject);
		}
		return await (real as (...a: unknown[]) => Promise<unknown>).apply(this, args);
	};
}

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the call to fail');
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('cxoneRequest: success paths', () => {
	it('sends a GET with the query, bearer token and JSON accept header via n8n-core', async () => {
		const ctx = createExecuteContext();
		const scope = nock(DEFAULT_BASE_URL, {
			reqheaders: {
				authorization: 'Bearer test-access-token-1',
				accept: 'application/json',
			},
		})
			.get(PATH)
			.query({ startDate: '2024-05-01T00:00:00.000Z', top: '10' })
			.reply(200, { totalRecords: 0, agentStateHistory: [] }, { 'X-Custom': 'yes' });
		const clock = fakeClock();

		const res = await cxoneRequest.call(
			ctx,
			{ url: PATH, qs: { startDate: '2024-05-01T00:00:00.000Z', top: 10 } },
			clock,
		);

		expect(res.statusCode).toBe(200);
		expect(res.body).toEqual({ totalRecords: 0, agentStateHistory: [] });
		expect(res.headers['x-custom']).toBe('yes');
		expect(res.receivedAtMs).toBe(clock.now());
		expect(scope.isDone()).toBe(true);
		// The empty stored token made n8n run preAuthentication once and persist the token.
		expect(ctx.harness.tokensIssued).toEqual(['test-access-token-1']);
		expect(ctx.harness.credentials?.accessToken).toBe('test-access-token-1');
		expect(ctx.harness.authCalls).toHaveLength(1);
		expect(ctx.harness.authCalls[0].additionalCredentialOptions).toBeUndefined();
		expect(clock.waits).toEqual([]);
	});

	it('returns body null for 204 and for an empty 200', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL).get(PATH).reply(204).get(PATH).reply(200, '');
		const first = await cxoneRequest.call(ctx, { url: PATH }, fakeClock());
		const second = await cxoneRequest.call(ctx, { url: PATH }, fakeClock());
		expect([first.statusCode, first.body]).toEqual([204, null]);
		expect([second.statusCode, second.body]).toEqual([200, null]);
	});

	it('parses a JSON body that arrived as text', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.reply(200, '{"totalRecords":"3"}', { 'Content-Type': 'text/plain' });
		const res = await cxoneRequest.call(ctx, { url: PATH }, fakeClock());
		expect(res.body).toEqual({ totalRecords: '3' });
	});

	it('retries a request that timed out (axios ECONNABORTED)', async () => {
		const ctx = createExecuteContext();
		failFirst(ctx, [['ECONNABORTED', 'timeout of 30ms exceeded']]);
		nock(DEFAULT_BASE_URL).get(PATH).reply(200, { ok: true });
		const clock = fakeClock();
		// The first attempt fails as injected; the retry's real request must not time out under load.
		const res = await cxoneRequest.call(ctx, { url: PATH }, { ...clock, timeoutMs: 10000 });
		expect(res.body).toEqual({ ok: true });
		expect(clock.waits).toEqual([500]);
	});

	it('uses the module-level seams when none are passed', async () => {
		const saved = { ...retryTiming };
		const waits: number[] = [];
		retryTiming.sleep = async (ms) => {
			waits.push(ms);
		};
		retryTiming.random = () => 0.25;
		retryTiming.now = () => 1234;
		try {
			const ctx = createExecuteContext();
			nock(DEFAULT_BASE_URL).get(PATH).reply(503).get(PATH).reply(200, { ok: 1 });
			const res = await cxoneRequest.call(ctx, { url: PATH });
			expect(res.receivedAtMs).toBe(1234);
			expect(waits).toEqual([250]);
		} finally {
			Object.assign(retryTiming, saved);
		}
	});

	it('rejects absolute URLs without sending anything', async () => {
		const ctx = createExecuteContext();
		for (const url of ['https://evil.example.com/x', '//evil.example.com/x', 'HTTP://a/b']) {
			const err = await failure(cxoneRequest.call(ctx, { url }, fakeClock()));
			expect(err).toBeInstanceOf(NodeOperationError);
			expect(err.message).toMatch(/relative paths/);
		}
		expect(ctx.harness.authCalls).toHaveLength(0);
	});
});

describe('cxoneRequest: 401 forces exactly one token refresh', () => {
	it('refreshes once with credentialsDecrypted.accessToken = "" and succeeds', async () => {
		const ctx = createExecuteContext({ credentials: { accessToken: 'stale-token' } });
		nock(DEFAULT_BASE_URL, { reqheaders: { authorization: 'Bearer stale-token' } })
			.get(PATH)
			.reply(401, { error: 'invalid_token' });
		nock(DEFAULT_BASE_URL, { reqheaders: { authorization: 'Bearer test-access-token-1' } })
			.get(PATH)
			.reply(200, { ok: true });
		const clock = fakeClock();

		const res = await cxoneRequest.call(ctx, { url: PATH }, clock);

		expect(res.body).toEqual({ ok: true });
		expect(ctx.harness.authCalls).toHaveLength(2);
		expect(ctx.harness.authCalls[0].additionalCredentialOptions).toBeUndefined();
		const forced = ctx.harness.authCalls[1].additionalCredentialOptions?.credentialsDecrypted;
		expect(forced).toMatchObject({ id: 'cred-1', name: 'CXone account', type: 'cxoneOAuth2Api' });
		expect(forced?.data?.accessToken).toBe('');
		expect(forced?.data?.clientId).toBe('test-client-id');
		expect(ctx.harness.preAuthentications).toEqual([
			{ expired: false, ran: false },
			{ expired: false, ran: true },
		]);
		expect(ctx.harness.credentials?.accessToken).toBe('test-access-token-1');
		expect(clock.waits).toEqual([]);
	});

	it('fails with a hint when the refreshed token is rejected too', async () => {
		const ctx = createExecuteContext({ credentials: { accessToken: 'stale-token' } });
		const scope = nock(DEFAULT_BASE_URL)
			.get(PATH)
			.times(2)
			.reply(401, { message: 'Token is not valid for this business unit' });

		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, fakeClock()));

		expect(scope.isDone()).toBe(true);
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.httpCode).toBe('401');
		expect(err.message).toBe(
			'CXone API request failed with HTTP 401: Token is not valid for this business unit',
		);
		expect(err.description).toMatch(/refreshed and CXone still rejected it/);
		expect(err.description).toMatch(/API user is active/);
		expect(ctx.harness.tokensIssued).toHaveLength(1);
	});

	it('a 401 after retries still gets its one refresh', async () => {
		const ctx = createExecuteContext({ credentials: { accessToken: 'old' } });
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.reply(503)
			.get(PATH)
			.reply(401)
			.get(PATH)
			.reply(200, { ok: 2 });
		const clock = fakeClock();
		const res = await cxoneRequest.call(ctx, { url: PATH }, clock);
		expect(res.body).toEqual({ ok: 2 });
		expect(clock.waits).toEqual([500]);
		expect(ctx.harness.tokensIssued).toEqual(['test-access-token-1']);
	});

	it('passes a token-endpoint failure through as a readable NodeApiError', async () => {
		const ctx = createExecuteContext({
			credentialType: {
				properties: [
					{
						displayName: 'Access Token',
						name: 'accessToken',
						type: 'hidden',
						default: '',
						typeOptions: { expirable: true },
					},
				],
				async preAuthentication() {
					throw new Error('Token request failed (HTTP 401): {"error":"invalid_client"}');
				},
			},
		});
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, fakeClock()));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe('Token request failed (HTTP 401): {"error":"invalid_client"}');
		expect(ctx.harness.authCalls).toHaveLength(1);
	});
});

describe('cxoneRequest: retries', () => {
	it('honours Retry-After in seconds', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.reply(429, { message: 'slow down' }, { 'Retry-After': '3' })
			.get(PATH)
			.reply(200, { ok: true });
		const clock = fakeClock();
		const res = await cxoneRequest.call(ctx, { url: PATH }, clock);
		expect(res.body).toEqual({ ok: true });
		expect(clock.waits).toEqual([3000]);
		expect(ctx.harness.authCalls).toHaveLength(2);
	});

	it('honours Retry-After as an HTTP date relative to now, capped at 120 s', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.reply(429, '', { 'Retry-After': 'Wed, 01 May 2024 12:00:07 GMT' })
			.get(PATH)
			.reply(429, '', { 'Retry-After': '86400' })
			.get(PATH)
			.reply(200, { ok: true });
		const clock = fakeClock();
		await cxoneRequest.call(ctx, { url: PATH }, clock);
		expect(clock.waits).toEqual([7000, 120_000]);
	});

	it('falls back to jittered backoff when Retry-After is absent, negative, garbage or past', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.reply(429)
			.get(PATH)
			.reply(429, '', { 'Retry-After': '-5' })
			.get(PATH)
			.reply(429, '', { 'Retry-After': 'soon' })
			.get(PATH)
			.reply(429, '', { 'Retry-After': 'Wed, 01 May 2024 11:00:00 GMT' })
			.get(PATH)
			.reply(200, { ok: true });
		const clock = fakeClock();
		await cxoneRequest.call(ctx, { url: PATH }, clock);
		// random() = 0.5 of min(30 s, 1 s * 2^retry)
		expect(clock.waits).toEqual([500, 1000, 2000, 4000]);
	});

	it('keeps the jitter within [0, min(30 s, 2^retry s))', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL).get(PATH).times(7).reply(500).get(PATH).reply(200, {});
		const waits: number[] = [];
		await cxoneRequest.call(
			ctx,
			{ url: PATH },
			{ maxRetries: 7, random: () => 0.999999, sleep: async (ms) => void waits.push(ms) },
		);
		expect(waits).toEqual([999, 1999, 3999, 7999, 15999, 29999, 29999]);
		const zeros: number[] = [];
		nock(DEFAULT_BASE_URL).get(PATH).reply(502).get(PATH).reply(200, {});
		await cxoneRequest.call(
			ctx,
			{ url: PATH },
			{ random: () => 0, sleep: async (ms) => void zeros.push(ms) },
		);
		expect(zeros).toEqual([0]);
	});

	it.each([500, 502, 503, 504])('retries HTTP %i then succeeds', async (status) => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.reply(status, { message: 'boom' })
			.get(PATH)
			.reply(200, { ok: status });
		const clock = fakeClock();
		const res = await cxoneRequest.call(ctx, { url: PATH }, clock);
		expect(res.body).toEqual({ ok: status });
		expect(clock.waits).toEqual([500]);
	});

	it('gives up after maxRetries with the status, CXone message and attempt count', async () => {
		const ctx = createExecuteContext();
		const scope = nock(DEFAULT_BASE_URL)
			.get(PATH)
			.times(3)
			.reply(503, { Message: 'Service is under maintenance' });
		const clock = fakeClock();
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, { ...clock, maxRetries: 2 }));
		expect(scope.isDone()).toBe(true);
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.httpCode).toBe('503');
		expect(err.message).toBe(
			'CXone API request failed with HTTP 503 after 3 attempts: Service is under maintenance',
		);
		expect(err.description).toContain(`Request: GET ${PATH}`);
		expect(clock.waits).toEqual([500, 1000]);
	});

	it('uses 5 retries by default (6 attempts)', async () => {
		const ctx = createExecuteContext();
		const scope = nock(DEFAULT_BASE_URL).get(PATH).times(6).reply(429, { message: 'rate' });
		const clock = fakeClock();
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, clock));
		expect(scope.isDone()).toBe(true);
		expect(err.httpCode).toBe('429');
		expect(err.message).toMatch(/after 6 attempts: rate$/);
		expect(clock.waits).toHaveLength(5);
	});

	it('maxRetries 0 fails on the first retryable response', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL).get(PATH).reply(500, 'Internal error');
		const clock = fakeClock();
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, { ...clock, maxRetries: 0 }));
		expect(err.httpCode).toBe('500');
		expect(err.message).toBe('CXone API request failed with HTTP 500: Internal error');
		expect(clock.waits).toEqual([]);
	});

	it.each([
		['ECONNRESET', 'read ECONNRESET'],
		['EPIPE', 'write EPIPE'],
		['ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:443'],
		['', 'socket hang up'],
	])('retries a network error %s (%s)', async (code, message) => {
		const ctx = createExecuteContext();
		failFirst(ctx, [[code, message]]);
		nock(DEFAULT_BASE_URL).get(PATH).reply(200, { ok: true });
		const clock = fakeClock();
		const res = await cxoneRequest.call(ctx, { url: PATH }, clock);
		expect(res.body).toEqual({ ok: true });
		expect(clock.waits).toEqual([500]);
	});

	it('gives up on repeated resets with the attempt count', async () => {
		const ctx = createExecuteContext();
		failFirst(ctx, [
			['ECONNRESET', 'read ECONNRESET'],
			['', 'socket hang up'],
			['ECONNRESET', 'read ECONNRESET'],
		]);
		const clock = fakeClock();
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, { ...clock, maxRetries: 2 }));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe(
			'CXone request failed after 3 attempts: the connection was reset or timed out',
		);
		expect(err.description).toContain('Last error: ECONNRESET');
		expect(clock.waits).toEqual([500, 1000]);
	});

	it('does not retry other network errors (connection refused)', async () => {
		const ctx = createExecuteContext();
		failFirst(ctx, [['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1']]);
		const clock = fakeClock();
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, clock));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toMatch(/refused the connection/);
		expect(clock.waits).toEqual([]);
	});

	it('retries a truncated JSON body like a 5xx, then fails with a clear message', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.reply(200, '{"totalRecords":2,"agentStateHistory":[{"a', {
				'Content-Type': 'application/json',
			})
			.get(PATH)
			.reply(200, { ok: true });
		const clock = fakeClock();
		const res = await cxoneRequest.call(ctx, { url: PATH }, clock);
		expect(res.body).toEqual({ ok: true });
		expect(clock.waits).toEqual([500]);

		nock(DEFAULT_BASE_URL).get(PATH).times(2).reply(200, '{"cut', {
			'Content-Type': 'application/json',
		});
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, { ...clock, maxRetries: 1 }));
		expect(err.httpCode).toBe('200');
		expect(err.message).toBe('CXone returned an incomplete JSON body after 2 attempts');
	});
});

describe('cxoneRequest: errors that are not retried', () => {
	it('"No known way to render data" explains the Accept header', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.reply(200, 'No known way to render data', { 'Content-Type': 'text/plain' });
		const clock = fakeClock();
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, clock));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toMatch(/No known way to render data/);
		expect(err.description).toMatch(/Accept: application\/json/);
		expect(clock.waits).toEqual([]);
	});

	it('400: the message from the body, and CXone text as the hint', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL).get(PATH).reply(400, { message: 'Invalid startDate' });
		const clock = fakeClock();
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, clock));
		expect(err.httpCode).toBe('400');
		expect(err.message).toBe('CXone API request failed with HTTP 400: Invalid startDate');
		expect(err.description).toContain('CXone rejected the request: Invalid startDate');
		expect(clock.waits).toEqual([]);
		expect(ctx.harness.authCalls).toHaveLength(1);
	});

	it('400: the message from the icStatusDescription header when the body is empty', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.reply(400, '', { icStatusDescription: 'Date range exceeds the maximum of 31 days' });
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, fakeClock()));
		expect(err.message).toBe(
			'CXone API request failed with HTTP 400: Date range exceeds the maximum of 31 days',
		);
	});

	it.each([
		[{ error_description: 'Bad agent id' }, 'Bad agent id'],
		[{ error: 'invalid_request' }, 'invalid_request'],
		[{ error: { message: 'nested text' } }, 'nested text'],
		['plain text body', 'plain text body'],
		[{}, 'no error message in the response'],
	])('422 with body %j reads "%s"', async (body, text) => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL)
			.get(PATH)
			.reply(422, body as nock.Body);
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, fakeClock()));
		expect(err.httpCode).toBe('422');
		expect(err.message).toBe(`CXone API request failed with HTTP 422: ${text}`);
	});

	it('403 hints at the role permissions', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL).get(PATH).reply(403, { message: 'Forbidden' });
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, fakeClock()));
		expect(err.httpCode).toBe('403');
		expect(err.message).toBe('CXone API request failed with HTTP 403: Forbidden');
		expect(err.description).toContain(
			"The API user's role lacks permission for this report (CXone: Reporting / Supervisor view permissions)",
		);
	});

	it('404 hints at the API version and base URL', async () => {
		const ctx = createExecuteContext();
		nock(DEFAULT_BASE_URL).get(PATH).reply(404);
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, fakeClock()));
		expect(err.httpCode).toBe('404');
		expect(err.description).toContain(
			'Check the API version in the credential and the API base URL',
		);
	});
});

describe('cxoneRequest: secrets never reach an error', () => {
	const cases: Array<[string, (scope: nock.Scope, ctx: Ctx) => void]> = [
		['401 twice', (s) => s.get(PATH).times(2).reply(401, { message: 'nope' })],
		['403', (s) => s.get(PATH).reply(403, { message: 'no' })],
		['429 exhausted', (s) => s.get(PATH).times(2).reply(429, { message: 'x' })],
		[
			'reset exhausted',
			(_s, ctx) =>
				failFirst(
					ctx,
					[
						['ECONNRESET', 'x'],
						['ECONNRESET', 'x'],
					],
					LEAK_CANARY,
				),
		],
		['render error', (s) => s.get(PATH).reply(200, 'No known way to render data')],
		['refused', (_s, ctx) => failFirst(ctx, [['ECONNREFUSED', 'refused']], LEAK_CANARY)],
	];

	it.each(cases)('%s', async (_name, setup) => {
		const ctx = createExecuteContext({ issueToken: () => LEAK_CANARY });
		setup(nock(DEFAULT_BASE_URL), ctx);
		const err = await failure(
			cxoneRequest.call(ctx, { url: PATH }, { ...fakeClock(), maxRetries: 1 }),
		);
		const texts = [
			err.message,
			String(err.description),
			JSON.stringify(err.context),
			JSON.stringify(err),
			JSON.stringify(err.messages),
			String(err.stack),
			JSON.stringify((err as unknown as { errorResponse?: unknown }).errorResponse),
		];
		for (const text of texts) {
			expect(text).not.toContain(LEAK_CANARY);
			expect(text).not.toContain('test-client-secret');
		}
		expect(err.cause).toBeUndefined();
		// Sent over HTTP (nock cases) or carried by the thrown error (network cases).
		const viaHttp = ctx.harness.tokensIssued.includes(LEAK_CANARY);
		expect(viaHttp || ctx.harness.authCalls.length === 0).toBe(true);
	});

	it('redacts a bearer token quoted by a low-level error', async () => {
		const ctx = createExecuteContext();
		// Like nock's "no match" error or a proxy's echo: the request headers quoted in the text.
		ctx.helpers.httpRequestWithAuthentication = async () => {
			throw new NodeApiError(ctx.getNode(), {
				message: `Proxy refused {"authorization": "Bearer ${LEAK_CANARY}"}`,
				description: `sent Authorization: Bearer ${LEAK_CANARY}`,
			});
		};
		const err = await failure(cxoneRequest.call(ctx, { url: PATH }, fakeClock()));
		expect(JSON.stringify(err)).not.toContain(LEAK_CANARY);
		expect(err.message).not.toContain(LEAK_CANARY);
		expect(String(err.description)).toBe('sent Authorization: [redacted]');
	});
});

describe('cxoneRequest: with a stubbed helper (paths axios never takes)', () => {
	function stubContext(impl: () => Promise<unknown>) {
		const ctx = createExecuteContext();
		const calls: unknown[][] = [];
		ctx.helpers.httpRequestWithAuthentication = async (...args: unknown[]) => {
			calls.push(args);
			return await impl();
		};
		return { ctx, calls };
	}

	it('parses a JSON string body', async () => {
		const { ctx } = stubContext(async () => ({ statusCode: 200, headers: {}, body: '{"a":[1]}' }));
		const res = await cxoneRequest.call(ctx, { url: PATH }, fakeClock());
		expect(res.body).toEqual({ a: [1] });
	});

	it('passes NodeOperationError through and wraps plain errors', async () => {
		const own = new NodeOperationError(ctx0(), 'No credential');
		const first = stubContext(async () => {
			throw own;
		});
		expect(await failure(cxoneRequest.call(first.ctx, { url: PATH }, fakeClock()))).toBe(own);

		const second = stubContext(async () => {
			throw new TypeError('Cannot read properties of undefined');
		});
		const err = await failure(cxoneRequest.call(second.ctx, { url: PATH }, fakeClock()));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe('CXone request failed: Cannot read properties of undefined');
		expect(err.httpCode).toBeNull();
	});

	it('sends exactly the documented request options', async () => {
		const { ctx, calls } = stubContext(async () => ({ statusCode: 204, headers: {}, body: '' }));
		await cxoneRequest.call(ctx, { url: PATH, qs: { top: 5 } }, { ...fakeClock(), timeoutMs: 999 });
		expect(calls[0]).toEqual([
			'cxoneOAuth2Api',
			{
				method: 'GET',
				url: PATH,
				qs: { top: 5 },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: true,
				timeout: 999,
			},
			undefined,
		]);
	});

	it('normalizes header names and array values', async () => {
		const { ctx } = stubContext(async () => ({
			statusCode: 200,
			headers: { 'Set-Cookie': ['a=1', 'b=2'], 'X-N': 5, 'X-Null': null },
			body: {},
		}));
		const res = await cxoneRequest.call(ctx, { url: PATH }, fakeClock());
		expect(res.headers).toEqual({ 'set-cookie': 'a=1, b=2', 'x-n': '5' });
	});
});

function ctx0() {
	return createExecuteContext().getNode();
}
