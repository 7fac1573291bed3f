import nock from 'nock';
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';

import {
	cxoneOAuth2ApiTest,
	testCxoneConnection,
} from '../../../../nodes/shared/auth/credentialTest';
import {
	ACCESS_TOKEN,
	API_BASE,
	ISSUER,
	TENANT_ID,
	accessKeyData,
	credentialData,
	credentialTestContext,
	expectNoSecrets,
	fakeHttp,
	json,
	networkError,
} from './fixtures';

const SERVER_TIME_PATH = '/inContactAPI/services/v27.0/server-time';
const SERVER_TIME_URL = `${API_BASE}${SERVER_TIME_PATH}`;

function decrypted(data?: ICredentialDataDecryptedObject): ICredentialsDecrypted {
	return { id: 'cred-1', name: 'CXone', type: 'cxoneOAuth2Api', data };
}

async function runTest(data?: ICredentialDataDecryptedObject) {
	const result = await cxoneOAuth2ApiTest.call(credentialTestContext(), decrypted(data));
	expectNoSecrets(result.message);
	return result;
}

function discoveryAndToken(
	tokenStatus = 200,
	tokenBody: nock.Body = { access_token: ACCESS_TOKEN },
) {
	nock(ISSUER).get('/.well-known/openid-configuration').reply(404);
	return nock(ISSUER).post('/auth/token').reply(tokenStatus, tokenBody);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
// restore(): a later test file in this jest worker must not meet this file's interceptor.
afterAll(() => {
	nock.enableNetConnect();
	nock.restore();
});

describe('cxoneOAuth2ApiTest (n8n-core credential-test context)', () => {
	it('CXone flavor: token, discovery and server-time → OK', async () => {
		discoveryAndToken();
		nock(ISSUER)
			.get('/.well-known/cxone-configuration')
			.query({ tenantId: TENANT_ID })
			.reply(200, { api_endpoint: API_BASE });
		let seen: Record<string, unknown> = {};
		nock(API_BASE)
			.get(SERVER_TIME_PATH)
			.reply(function () {
				seen = this.req.headers;
				return [200, { ServerTime: '2024-05-01T12:00:00.000Z' }];
			});
		await expect(runTest(accessKeyData())).resolves.toEqual({
			status: 'OK',
			message: `Connection successful: token issued, API base URL ${API_BASE}, server time 2024-05-01T12:00:00.000Z`,
		});
		expect(seen.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
		expect(seen.accept).toBe('application/json');
		expect(nock.isDone()).toBe(true);
	});

	it('always requests a new token, even when one is stored', async () => {
		const token = discoveryAndToken();
		nock(API_BASE).get(SERVER_TIME_PATH).reply(200, 'not json');
		const result = await runTest(
			accessKeyData({
				accessToken: 'stored-token',
				resolvedBaseUrl: API_BASE,
				apiBaseUrl: API_BASE,
			}),
		);
		expect(result).toEqual({
			status: 'OK',
			message: `Connection successful: token issued, API base URL ${API_BASE}`,
		});
		expect(token.isDone()).toBe(true);
	});

	it('Reporting API v2: verifies token and base URL without an API call', async () => {
		nock('https://v2.example.com').post('/oauth/token').reply(200, { access_token: ACCESS_TOKEN });
		await expect(
			runTest(credentialData({ apiFlavor: 'reportingV2', apiBaseUrl: 'https://v2.example.com' })),
		).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful: token issued, API base URL https://v2.example.com',
		});
	});

	it('a rejected secret is an Error with the token hint (one token request)', async () => {
		const token = discoveryAndToken(401, { error: 'invalid_client' });
		const result = await runTest(accessKeyData({ accessToken: 'still-valid-old-token' }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'CXone token request to https://cxone.niceincontact.com/auth/token failed (HTTP 401, invalid_client)',
		);
		expect(token.isDone()).toBe(true);
	});

	it('a validation problem is an Error naming the field', async () => {
		await expect(runTest(accessKeyData({ accessKeySecret: '' }))).resolves.toEqual({
			status: 'Error',
			message: expect.stringContaining('Access Key Secret is empty'),
		});
		await expect(runTest(undefined)).resolves.toEqual({
			status: 'Error',
			message: expect.stringContaining('Client ID is empty'),
		});
	});

	it("a 404 from server-time points to the API version, with CXone's header text", async () => {
		discoveryAndToken();
		nock(API_BASE)
			.get(SERVER_TIME_PATH)
			.reply(404, '', { icStatusDescription: 'Resource not found' });
		const result = await runTest(accessKeyData({ apiBaseUrl: API_BASE }));
		expect(result).toEqual({
			status: 'Error',
			message: `Token issued, but GET ${SERVER_TIME_URL} returned HTTP 404. CXone says: "Resource not found". Check "API Version" (for example v27.0) and "API Base URL".`,
		});
	});
});

describe('testCxoneConnection (fake HTTP)', () => {
	const tokenRoute = {
		method: 'POST',
		url: `${ISSUER}/auth/token`,
		reply: json(200, { access_token: ACCESS_TOKEN }),
	};
	const data = accessKeyData({ tokenUrl: `${ISSUER}/auth/token`, apiBaseUrl: API_BASE });

	it.each([
		[
			401,
			{ message: 'Unauthorized' },
			'CXone says: "Unauthorized". The token was issued but not accepted here',
		],
		[403, { error: `denied for ${ACCESS_TOKEN}` }, 'CXone says: "denied for [redacted]"'],
		[500, 'boom', 'returned HTTP 500. CXone failed to answer; try again later.'],
		[418, null, 'returned HTTP 418. Check "API Base URL" and "API Version".'],
	])('server-time HTTP %s is an Error', async (status, body, expected) => {
		const { http, calls } = fakeHttp([
			tokenRoute,
			{ method: 'GET', url: SERVER_TIME_URL, reply: json(status, body) },
		]);
		const result = await testCxoneConnection(http, data);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			`Token issued, but GET ${SERVER_TIME_URL} returned HTTP ${status}.`,
		);
		expect(result.message).toContain(expected);
		expectNoSecrets(result.message);
		expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
			`POST ${ISSUER}/auth/token`,
			`GET ${SERVER_TIME_URL}`,
		]);
	});

	it('an unreachable API base URL is an Error naming the URL', async () => {
		const { http } = fakeHttp([
			tokenRoute,
			{
				method: 'GET',
				url: SERVER_TIME_URL,
				reply: networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND'),
			},
		]);
		const result = await testCxoneConnection(http, data);
		expect(result).toEqual({
			status: 'Error',
			message: `Token issued, but ${SERVER_TIME_URL} could not be reached (getaddrinfo ENOTFOUND). Check "API Base URL".`,
		});
	});
});
