import nock from 'nock';

import { decodeTokenClaims } from '../../../../nodes/shared/auth/baseUrlDiscovery';
import { cxonePreAuthentication } from '../../../../nodes/shared/auth/preAuthentication';
import {
	ACCESS_TOKEN,
	API_BASE,
	ISSUER,
	TENANT_ID,
	accessKeyData,
	clearNetworkFailures,
	credentialData,
	expectNoSecrets,
	makeJwt,
	failNetwork,
	networkError,
	pendingNetworkFailures,
	preAuthContext,
} from './fixtures';

const OIDC_PATH = '/.well-known/openid-configuration';
const CONFIG_PATH = '/.well-known/cxone-configuration';

async function preAuth(data = accessKeyData()) {
	return await cxonePreAuthentication.call(preAuthContext(), data);
}

async function preAuthMessage(data = accessKeyData()): Promise<string> {
	const error = await preAuth(data).then(
		() => undefined,
		(e: Error) => e,
	);
	if (error === undefined) throw new Error('preAuthentication did not fail');
	expectNoSecrets(error.message);
	return error.message;
}

function tokenReply(host: string, path: string, token = ACCESS_TOKEN) {
	return nock(host).post(path).reply(200, { access_token: token, expires_in: 3600 });
}

function configReply(status: number, body: nock.Body) {
	return nock(ISSUER).get(CONFIG_PATH).query({ tenantId: TENANT_ID }).reply(status, body);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	clearNetworkFailures();
});
// restore(): a later test file in this jest worker must not meet this file's interceptor.
afterAll(() => {
	nock.enableNetConnect();
	nock.restore();
});

describe('token URL', () => {
	it('is discovered from the issuer and the API base URL from the tenant', async () => {
		nock(ISSUER)
			.get(OIDC_PATH)
			.reply(200, { issuer: ISSUER, token_endpoint: `${ISSUER}/auth/token-discovered` });
		tokenReply(ISSUER, '/auth/token-discovered');
		configReply(200, { area: 'na1', api_endpoint: 'https://api-na1.niceincontact.com/' });
		await expect(preAuth()).resolves.toMatchObject({
			accessToken: ACCESS_TOKEN,
			resolvedBaseUrl: 'https://api-na1.niceincontact.com',
		});
		expect(nock.isDone()).toBe(true);
	});

	it('falls back to {issuer}/auth/token when the discovery document is missing', async () => {
		nock(ISSUER).get(OIDC_PATH).reply(404, 'Not Found');
		tokenReply(ISSUER, '/auth/token');
		await expect(preAuth(accessKeyData({ apiBaseUrl: API_BASE }))).resolves.toMatchObject({
			accessToken: ACCESS_TOKEN,
			resolvedBaseUrl: API_BASE,
		});
		expect(nock.isDone()).toBe(true);
	});

	it.each([
		['has no token_endpoint', { issuer: ISSUER }],
		['is not JSON', '<html>hello</html>'],
	])('falls back to {issuer}/auth/token when the document %s', async (_label, body) => {
		nock(ISSUER).get(OIDC_PATH).reply(200, body);
		tokenReply(ISSUER, '/auth/token');
		await preAuth(accessKeyData({ apiBaseUrl: API_BASE }));
		expect(nock.isDone()).toBe(true);
	});

	it('uses the issuer path and drops trailing slashes', async () => {
		const issuer = 'https://auth.example.com/tenant-a';
		nock('https://auth.example.com').get(`/tenant-a${OIDC_PATH}`).reply(404);
		tokenReply('https://auth.example.com', '/tenant-a/auth/token');
		await preAuth(accessKeyData({ issuerUrl: `${issuer}//`, apiBaseUrl: API_BASE }));
		expect(nock.isDone()).toBe(true);
	});

	it('defaults to the CXone issuer when Issuer URL is empty', async () => {
		nock(ISSUER).get(OIDC_PATH).reply(404);
		tokenReply(ISSUER, '/auth/token');
		await preAuth(accessKeyData({ issuerUrl: '', apiBaseUrl: API_BASE }));
		expect(nock.isDone()).toBe(true);
	});

	it('an entered Token URL skips discovery', async () => {
		const discovery = nock(ISSUER)
			.get(OIDC_PATH)
			.reply(200, { token_endpoint: `${ISSUER}/x` });
		const token = tokenReply('https://login.example.com', '/custom/token');
		await expect(
			preAuth(
				accessKeyData({ tokenUrl: 'https://login.example.com/custom/token', apiBaseUrl: API_BASE }),
			),
		).resolves.toMatchObject({ accessToken: ACCESS_TOKEN, resolvedBaseUrl: API_BASE });
		expect(token.isDone()).toBe(true);
		expect(discovery.isDone()).toBe(false);
	});

	it('Reporting API v2 with an entered base URL defaults to {base}/oauth/token', async () => {
		const base = 'https://reporting.example.com';
		const discovery = nock(ISSUER)
			.get(OIDC_PATH)
			.reply(200, { token_endpoint: `${ISSUER}/x` });
		tokenReply(base, '/oauth/token');
		await expect(
			preAuth(credentialData({ apiFlavor: 'reportingV2', apiBaseUrl: `${base}/` })),
		).resolves.toMatchObject({ accessToken: ACCESS_TOKEN, resolvedBaseUrl: base });
		expect(discovery.isDone()).toBe(false);
	});

	it('Reporting API v2 without a base URL discovers like CXone', async () => {
		nock(ISSUER)
			.get(OIDC_PATH)
			.reply(200, { token_endpoint: `${ISSUER}/auth/token` });
		tokenReply(ISSUER, '/auth/token');
		configReply(200, { api_endpoint: API_BASE });
		await expect(preAuth(credentialData({ apiFlavor: 'reportingV2' }))).resolves.toMatchObject({
			accessToken: ACCESS_TOKEN,
			resolvedBaseUrl: API_BASE,
		});
	});

	it('a failing discovery document names the URL and the fix', async () => {
		nock(ISSUER).get(OIDC_PATH).reply(500, 'oops');
		expect(await preAuthMessage()).toBe(
			`Token endpoint discovery at ${ISSUER}${OIDC_PATH} failed with HTTP 500. Check "Issuer URL", or enter "Token URL" in the credential (for CXone usually ${ISSUER}/auth/token).`,
		);
	});

	it('an unreachable issuer names the URL', async () => {
		failNetwork(`${ISSUER}${OIDC_PATH}`, networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND'));
		const message = await preAuthMessage();
		expect(message).toContain(
			`Could not reach ${ISSUER}${OIDC_PATH} to discover the token endpoint`,
		);
		expect(message).toContain('ENOTFOUND');
		expect(message).toContain('enter "Token URL"');
	});

	it('rejects a discovered token endpoint that is not https', async () => {
		nock(ISSUER).get(OIDC_PATH).reply(200, { token_endpoint: 'http://evil.example.com/token' });
		expect(await preAuthMessage()).toBe(
			`The token_endpoint published at ${ISSUER}${OIDC_PATH} must start with https:// (http:// is allowed only for localhost, 127.x.x.x and [::1]).`,
		);
	});
});

describe('API base URL', () => {
	const tokenUrl = `${ISSUER}/auth/token`;

	it('an entered API Base URL skips the cxone-configuration lookup', async () => {
		const token = tokenReply(ISSUER, '/auth/token');
		const configuration = configReply(200, { api_endpoint: 'https://api-other.example.com' });
		await expect(
			preAuth(accessKeyData({ tokenUrl, apiBaseUrl: 'https://API-C32.example.com:8443/' })),
		).resolves.toMatchObject({
			accessToken: ACCESS_TOKEN,
			resolvedBaseUrl: 'https://api-c32.example.com:8443',
		});
		expect(token.isDone()).toBe(true);
		expect(configuration.isDone()).toBe(false);
	});

	it.each([
		['answers 500', () => configReply(500, { error: 'boom' })],
		['has no api_endpoint', () => configReply(200, { area: 'na1' })],
		[
			'publishes an http api_endpoint',
			() => configReply(200, { api_endpoint: 'http://api.example.com' }),
		],
		[
			'is unreachable',
			() =>
				failNetwork(
					`${ISSUER}${CONFIG_PATH}?tenantId=${TENANT_ID}`,
					networkError('ETIMEDOUT', 'connect ETIMEDOUT'),
				),
		],
	])('falls back to api-{icClusterId} when cxone-configuration %s', async (_label, mock) => {
		tokenReply(ISSUER, '/auth/token');
		mock();
		await expect(preAuth(accessKeyData({ tokenUrl }))).resolves.toMatchObject({
			accessToken: ACCESS_TOKEN,
			resolvedBaseUrl: 'https://api-b32.nice-incontact.com',
		});
		expect(nock.isDone()).toBe(true);
		expect(pendingNetworkFailures()).toBe(0);
	});

	it('uses icClusterId directly when the token has no tenantId', async () => {
		tokenReply(ISSUER, '/auth/token', makeJwt({ icClusterId: 'C6' }));
		await expect(preAuth(accessKeyData({ tokenUrl }))).resolves.toMatchObject({
			accessToken: makeJwt({ icClusterId: 'C6' }),
			resolvedBaseUrl: 'https://api-c6.nice-incontact.com',
		});
	});

	it('names the URL it tried when neither works', async () => {
		const token = makeJwt({ tenantId: TENANT_ID });
		tokenReply(ISSUER, '/auth/token', token);
		configReply(503, 'unavailable');
		const message = await preAuthMessage(accessKeyData({ tokenUrl }));
		expect(message).toBe(
			`Could not discover the CXone API base URL: ${ISSUER}${CONFIG_PATH}?tenantId=${TENANT_ID} answered HTTP 503, and the access token has no icClusterId claim to fall back on. Set "API Base URL" in the credential by hand (for example https://api-na1.niceincontact.com).`,
		);
		expect(message).not.toContain(token);
	});

	it('explains an unusable api_endpoint when there is no fallback', async () => {
		tokenReply(ISSUER, '/auth/token', makeJwt({ tenantId: TENANT_ID }));
		configReply(200, { api_endpoint: 'https://api.example.com/inContactAPI?x=1' });
		const message = await preAuthMessage(accessKeyData({ tokenUrl }));
		expect(message).toContain(
			'answered with an unusable api_endpoint (its api_endpoint must not contain a query',
		);
		expect(message).toContain('Set "API Base URL" in the credential by hand');
	});

	it.each([
		['an opaque token', 'opaque-token-value'],
		['a JWT without CXone claims', makeJwt({ sub: 'user:1' })],
		['a JWT whose payload is not JSON', 'aGVhZGVy.bm90LWpzb24.c2ln'],
		['a JWT with an unsafe cluster id', makeJwt({ icClusterId: 'b32.evil.com/' })],
	])('says to set API Base URL by hand for %s', async (_label, token) => {
		tokenReply(ISSUER, '/auth/token', token);
		expect(await preAuthMessage(accessKeyData({ tokenUrl }))).toBe(
			'Could not discover the CXone API base URL: the access token carries no tenantId or icClusterId claim. Set "API Base URL" in the credential by hand (for example https://api-na1.niceincontact.com).',
		);
	});
});

describe('decodeTokenClaims', () => {
	it('reads tenantId and icClusterId and ignores wrong types', () => {
		expect(decodeTokenClaims(ACCESS_TOKEN)).toEqual({ tenantId: TENANT_ID, icClusterId: 'B32' });
		expect(decodeTokenClaims(makeJwt({ tenantId: 42, icClusterId: 'C1' }))).toEqual({
			tenantId: undefined,
			icClusterId: 'C1',
		});
		expect(decodeTokenClaims(makeJwt(['not', 'an', 'object']))).toEqual({});
		expect(decodeTokenClaims('')).toEqual({});
	});
});

describe('a refresh (preAuthentication with the fields the last one stored)', () => {
	async function firstAuthorization() {
		nock(ISSUER)
			.get(OIDC_PATH)
			.reply(200, { issuer: ISSUER, token_endpoint: `${ISSUER}/auth/token-discovered` });
		tokenReply(ISSUER, '/auth/token-discovered');
		configReply(200, { api_endpoint: 'https://api-na1.niceincontact.com/' });
		const stored = await preAuth(credentialData());
		expect(nock.isDone()).toBe(true);
		return stored;
	}

	it('costs one token request: the discovered token URL and base URL are reused', async () => {
		const stored = await firstAuthorization();
		expect(stored).toMatchObject({
			resolvedTokenUrl: `${ISSUER}/auth/token-discovered`,
			resolvedBaseUrl: 'https://api-na1.niceincontact.com',
		});
		const token = tokenReply(ISSUER, '/auth/token-discovered', 'refreshed-token');
		const discovery = nock(ISSUER).get(OIDC_PATH).reply(500);
		const config = nock(ISSUER).get(CONFIG_PATH).query(true).reply(500);

		const refreshed = await preAuth(credentialData({ ...stored, accessToken: '' }));
		expect(refreshed).toEqual({ ...stored, accessToken: 'refreshed-token' });
		expect(token.isDone()).toBe(true);
		expect(discovery.isDone()).toBe(false);
		expect(config.isDone()).toBe(false);
	});

	it.each([
		['Issuer URL', { issuerUrl: 'https://auth.example.com' }],
		['Client ID', { clientId: 'another-client' }],
		['API Flavor', { apiFlavor: 'reportingV2' }],
	])('discovers again after an edit of %s', async (_label, edit) => {
		const stored = await firstAuthorization();
		const issuer = (edit as { issuerUrl?: string }).issuerUrl ?? ISSUER;
		nock(issuer).get(OIDC_PATH).reply(404);
		tokenReply(issuer, '/auth/token');
		nock(issuer)
			.get(CONFIG_PATH)
			.query({ tenantId: TENANT_ID })
			.reply(200, { api_endpoint: 'https://api-eu1.niceincontact.com' });

		const refreshed = await preAuth(credentialData({ ...stored, accessToken: '', ...edit }));
		expect(nock.isDone()).toBe(true);
		expect(refreshed.resolvedTokenUrl).toBe(`${issuer}/auth/token`);
		expect(refreshed.resolvedBaseUrl).toBe('https://api-eu1.niceincontact.com');
		expect(refreshed.discoveredFor).not.toBe(stored.discoveredFor);
	});

	it('discovers again when a stored endpoint is missing (a credential saved by an older version)', async () => {
		const stored = await firstAuthorization();
		nock(ISSUER).get(OIDC_PATH).reply(404);
		tokenReply(ISSUER, '/auth/token');
		configReply(200, { api_endpoint: 'https://api-na1.niceincontact.com' });
		const refreshed = await preAuth(
			credentialData({ ...stored, accessToken: '', resolvedTokenUrl: '' }),
		);
		expect(nock.isDone()).toBe(true);
		expect(refreshed.resolvedTokenUrl).toBe(`${ISSUER}/auth/token`);
	});

	it('keeps no secret in the stored fingerprint', async () => {
		const stored = await firstAuthorization();
		expectNoSecrets(JSON.stringify(stored.discoveredFor));
	});
});
