// The shared test harness (test/helpers/n8nContext.ts) behaves like n8n where nodes rely on it.
import nock from 'nock';
import { NodeOperationError } from 'n8n-workflow';

import {
	createExecuteContext,
	createLoadOptionsContext,
	createPollContext,
	DEFAULT_BASE_URL,
} from '../../helpers/n8nContext';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('createExecuteContext', () => {
	it('serves parameters per item, dotted paths, fallbacks and resource locators', () => {
		const ctx = createExecuteContext({
			params: (i) => ({
				agent: { __rl: true, mode: 'id', value: `a${i}` },
				options: { maxPages: 10 + i },
			}),
			inputItems: [{ json: { n: 1 } }, { json: { n: 2 } }],
			timezone: 'Europe/Berlin',
			continueOnFail: true,
		});
		expect(ctx.getInputData()).toHaveLength(2);
		expect(ctx.getNodeParameter('options.maxPages', 1)).toBe(11);
		expect(ctx.getNodeParameter('agent', 1, undefined, { extractValue: true })).toBe('a1');
		expect(ctx.getNodeParameter('agent', 0)).toEqual({ __rl: true, mode: 'id', value: 'a0' });
		expect(ctx.getNodeParameter('missing', 0, 'dflt')).toBe('dflt');
		expect(() => ctx.getNodeParameter('missing', 0)).toThrow('Could not get parameter "missing"');
		expect(ctx.getTimezone()).toBe('Europe/Berlin');
		expect(ctx.continueOnFail()).toBe(true);
		expect(ctx.getMode()).toBe('manual');
		expect(ctx.getNode().credentials).toEqual({
			cxoneOAuth2Api: { id: 'cred-1', name: 'CXone account' },
		});
		expect(ctx.helpers.returnJsonArray([{ a: 1 }])).toEqual([{ json: { a: 1 } }]);
		expect(
			ctx.helpers.constructExecutionMetaData([{ json: { a: 1 } }], { itemData: { item: 1 } }),
		).toEqual([{ json: { a: 1 }, pairedItem: { item: 1 } }]);
	});

	it('getCredentials returns a fresh copy; no credential is a NodeOperationError', async () => {
		const ctx = createExecuteContext({ credentials: { apiVersion: 'v31.0' } });
		const first = await ctx.getCredentials('cxoneOAuth2Api');
		first.apiVersion = 'changed';
		expect((await ctx.getCredentials('cxoneOAuth2Api')).apiVersion).toBe('v31.0');
		const none = createExecuteContext({ credentials: null });
		await expect(none.getCredentials('cxoneOAuth2Api')).rejects.toBeInstanceOf(NodeOperationError);
		expect(none.getNode().credentials).toBeUndefined();
	});

	it('applies a generic authenticate with $credentials templates', async () => {
		const ctx = createExecuteContext({
			credentials: { accessToken: 'abc' },
			credentialType: {
				authenticate: {
					type: 'generic',
					properties: {
						headers: { 'X-Token': '={{$credentials.accessToken}}' },
						qs: { v: 'plain' },
					},
				},
			},
		});
		nock('https://generic.example.com', { reqheaders: { 'x-token': 'abc' } })
			.get('/ping')
			.query({ v: 'plain' })
			.reply(200, { ok: true });
		const body = await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'cxoneOAuth2Api', {
			url: 'https://generic.example.com/ping',
		});
		expect(body).toEqual({ ok: true });
	});

	it('records logs and static data', () => {
		const ctx = createExecuteContext({ staticData: { node: { cursor: 1 } } });
		ctx.logger.warn('careful', { a: 1 });
		expect(ctx.harness.logs).toEqual([{ level: 'warn', message: 'careful', meta: { a: 1 } }]);
		expect(ctx.getWorkflowStaticData('node')).toEqual({ cursor: 1 });
		expect(ctx.getWorkflowStaticData('global')).toEqual({});
	});

	it('the cancel signal reaches the real request (no HTTP once aborted)', async () => {
		const ctx = createExecuteContext();
		const scope = nock(DEFAULT_BASE_URL).get('/never').reply(200, {});
		ctx.harness.abort();
		await expect(
			ctx.helpers.httpRequestWithAuthentication.call(ctx, 'cxoneOAuth2Api', { url: '/never' }),
		).rejects.toThrow(/cancel/i);
		expect(scope.isDone()).toBe(false);
	});
});

describe('createPollContext / createLoadOptionsContext', () => {
	it('poll: getNodeParameter without item index, __emit recorded, trigger mode', () => {
		const ctx = createPollContext({ params: { event: 'stateChanged' } });
		expect(ctx.getNodeParameter('event')).toBe('stateChanged');
		expect(ctx.getNodeParameter('other', 5)).toBe(5);
		expect(ctx.getMode()).toBe('trigger');
		expect(ctx.getActivationMode()).toBe('activate');
		ctx.__emit([[{ json: { x: 1 } }]]);
		expect(ctx.harness.emitted).toEqual([[[{ json: { x: 1 } }]]]);
		ctx.__emitError(new Error('bad'));
		expect(ctx.harness.emittedErrors.map((e) => e.message)).toEqual(['bad']);
	});

	it('load options: current parameters', () => {
		const ctx = createLoadOptionsContext({ params: { a: { b: 2 } } });
		expect(ctx.getNodeParameter('a.b')).toBe(2);
		expect(ctx.getCurrentNodeParameter('a')).toEqual({ b: 2 });
		expect(ctx.getCurrentNodeParameters()).toEqual({ a: { b: 2 } });
	});
});
