// API failures reach the user as NodeApiErrors with the HTTP status, CXone's own text and a hint;
// with continueOnFail a failing item becomes an error item paired to it and the others go on.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { retryTiming } from '../../../nodes/shared/api/retry';
import {
	AGENT,
	AGENT_2,
	context,
	cxPage,
	cxRecord,
	DAY_PARAMS,
	expectAllServed,
	failure,
	historyPath,
	node,
	run,
	runContext,
	serve,
	useNockAndClock,
} from './fixtures';

useNockAndClock();

const realSleep = retryTiming.sleep;
const waits: number[] = [];
beforeEach(() => {
	waits.length = 0;
	retryTiming.sleep = async (ms: number) => {
		waits.push(ms);
	};
});
afterEach(() => {
	retryTiming.sleep = realSleep;
});

async function apiFailure(promise: Promise<unknown>): Promise<NodeApiError> {
	const error = await failure(promise);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

/** Everything a user can read of an error; no token may be in it. */
function expectNoSecret(error: NodeApiError): void {
	const text = JSON.stringify({
		message: error.message,
		description: error.description,
		context: error.context,
	});
	expect(text).not.toMatch(/test-access-token|test-client-secret|test-access-key-secret/);
}

describe('HTTP errors', () => {
	it('401 after the forced token refresh: the status, CXone text and a hint about the API user', async () => {
		const denied = { message: 'Authorization has been denied for this request.' };
		serve(historyPath(), [
			[401, denied],
			[401, denied],
		]);
		const result = run();
		const error = await apiFailure(result);

		expectAllServed();
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe(
			'CXone API request failed with HTTP 401: Authorization has been denied for this request.',
		);
		expect(error.description).toBe(
			'The access token was refreshed and CXone still rejected it. Check that the API user is active and that its role allows API access. Request: GET /inContactAPI/services/v27.0/agents/39260750/state-history',
		);
		expect(error.context.itemIndex).toBe(0);
		expectNoSecret(error);
	});

	it('401 once: a new token is fetched and the request succeeds', async () => {
		serve(historyPath(), [
			[401, { message: 'Authorization has been denied for this request.' }],
			cxPage([cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT1M')]),
		]);
		const { json, ctx } = await run();
		expect(json.map((j) => j.recordId)).toEqual(['39260750:555:1']);
		expect(ctx.harness.tokensIssued).toEqual(['test-access-token-1', 'test-access-token-2']);
		expect(ctx.harness.credentials?.accessToken).toBe('test-access-token-2');
	});

	it('403: a hint about the API user role', async () => {
		serve(historyPath(), [[403, { message: 'Access denied for this business unit.' }]]);
		const error = await apiFailure(run());
		expect(error.httpCode).toBe('403');
		expect(error.message).toBe(
			'CXone API request failed with HTTP 403: Access denied for this business unit.',
		);
		expect(error.description).toContain(
			"The API user's role lacks permission for this report (CXone: Reporting / Supervisor view permissions).",
		);
		expectNoSecret(error);
	});

	it('404: a hint about the API version and base URL', async () => {
		serve('/inContactAPI/services/v99.0/agents/39260750/state-history', [
			[404, 'Resource not found'],
		]);
		const error = await apiFailure(run({}, { credentials: { apiVersion: 'v99.0' } }));
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('CXone API request failed with HTTP 404: Resource not found');
		expect(error.description).toBe(
			'Check the API version in the credential and the API base URL. Request: GET /inContactAPI/services/v99.0/agents/39260750/state-history',
		);
	});

	it('400 whose text is only in the icStatusDescription header', async () => {
		serve(historyPath(), [
			[400, '', { icStatusDescription: 'Invalid startDate: the range exceeds 31 days' }],
		]);
		const error = await apiFailure(run());
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe(
			'CXone API request failed with HTTP 400: Invalid startDate: the range exceeds 31 days',
		);
		expect(error.description).toContain(
			'CXone rejected the request: Invalid startDate: the range exceeds 31 days',
		);
	});

	it('500 after the retries: how many attempts, and the hint to try later', async () => {
		serve(historyPath(), [
			[500, { message: 'Internal error' }],
			[500, { message: 'Internal error' }],
			[500, { message: 'Internal error' }],
		]);
		const error = await apiFailure(run({ options: { maxRetries: 2 } }));
		expectAllServed();
		expect(error.httpCode).toBe('500');
		expect(error.message).toBe(
			'CXone API request failed with HTTP 500 after 3 attempts: Internal error',
		);
		expect(error.description).toContain('CXone is overloaded or unavailable');
		expect(waits).toHaveLength(2);
	});

	it('429 then 200: waits as Retry-After asks and returns every record', async () => {
		serve(historyPath(), [
			[429, { message: 'Too many requests' }, { 'Retry-After': '3' }],
			cxPage([cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT1M')]),
		]);
		const { json } = await run({ options: { maxRetries: 3 } });
		expect(json.map((j) => j.recordId)).toEqual(['39260750:555:1']);
		expect(waits).toEqual([3000]);
	});

	it('a page of the wrong shape is a NodeApiError naming what was wrong', async () => {
		serve(historyPath(), [{ totalRecords: 2, agentStateHistory: 'nope' }]);
		const error = await apiFailure(run());
		expect(error.message).toBe(
			'Unexpected response shape from CXone: agentStateHistory must be an array of records',
		);
		expect(error.description).toBe('Check the API flavor and the API version in the credential.');
	});
});

describe('several items', () => {
	const ids = [AGENT, AGENT_2, 39260752];
	const params = (i: number) => ({ ...DAY_PARAMS, agentIds: String(ids[i]) });
	const inputItems = ids.map((id) => ({ json: { id } }));

	function serveMiddleFailing() {
		serve(historyPath(AGENT), [cxPage([cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT1M')])]);
		serve(historyPath(AGENT_2), [[403, { message: 'Access denied for this agent.' }]]);
		serve(historyPath(39260752), [
			cxPage([cxRecord(1, '2024-05-01T09:00:00.000Z', 'PT1M', { agentId: 39260752 })]),
		]);
	}

	it('continueOnFail: the failing item yields an error item paired to it, the others go on', async () => {
		serveMiddleFailing();
		const ctx = context(params, { inputItems, continueOnFail: true });

		const { items } = await runContext(ctx);

		expectAllServed();
		expect(items).toEqual([
			expect.objectContaining({ pairedItem: { item: 0 } }),
			{
				json: {
					error: 'CXone API request failed with HTTP 403: Access denied for this agent.',
					description:
						"The API user's role lacks permission for this report (CXone: Reporting / Supervisor view permissions). Request: GET /inContactAPI/services/v27.0/agents/39260751/state-history",
				},
				pairedItem: { item: 1 },
			},
			expect.objectContaining({ pairedItem: { item: 2 } }),
		]);
		expect(items[0].json.recordId).toBe('39260750:555:1');
		expect(items[2].json.recordId).toBe('39260752:555:1');
	});

	it('continueOnFail also covers bad input of one item', async () => {
		serve(historyPath(AGENT), [cxPage([cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT1M')])]);
		const ctx = context((i) => (i === 0 ? params(0) : { ...params(1), timezone: 'Nowhere/City' }), {
			inputItems: inputItems.slice(0, 2),
			continueOnFail: true,
		});
		const { items } = await runContext(ctx);
		expect(items.map((i) => [i.json.recordId ?? i.json.error, i.pairedItem])).toEqual([
			['39260750:555:1', { item: 0 }],
			[
				expect.stringMatching(/^Timezone "Nowhere\/City" is not an IANA timezone name/),
				{ item: 1 },
			],
		]);
	});

	it('without continueOnFail the error is a NodeApiError carrying the item index', async () => {
		serveMiddleFailing();
		const ctx = context(params, { inputItems });
		const error = await apiFailure(node.execute.call(ctx));
		expect(error.httpCode).toBe('403');
		expect(error.context.itemIndex).toBe(1);
		// The third item never ran.
		expect(ctx.harness.authCalls.map((c) => c.url)).toEqual([
			historyPath(AGENT),
			historyPath(AGENT_2),
		]);
	});

	it('without continueOnFail an input error is a NodeOperationError carrying the item index', async () => {
		serve(historyPath(AGENT), [cxPage([cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT1M')])]);
		const ctx = context((i) => (i === 0 ? params(0) : { ...params(1), agentIds: '' }), {
			inputItems: inputItems.slice(0, 2),
		});
		const error = await failure(node.execute.call(ctx));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
	});
});
