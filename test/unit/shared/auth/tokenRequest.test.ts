import nock from 'nock';

import { cxonePreAuthentication } from '../../../../nodes/shared/auth/preAuthentication';
import {
	ACCESS_KEY_ID,
	ACCESS_KEY_SECRET,
	ACCESS_TOKEN,
	API_BASE,
	BASIC_VALUE,
	CLIENT_ID,
	CLIENT_SECRET,
	ISSUER,
	accessKeyData,
	clearNetworkFailures,
	credentialData,
	expectNoSecrets,
	failNetwork,
	networkError,
	preAuthContext,
} from './fixtures';

const TOKEN_URL = `${ISSUER}/auth/token`;

interface Captured {
	body: string;
	headers: Record<string, string | string[] | undefined>;
}

/** Token endpoint that records the raw form body and headers it received. */
function tokenEndpoint(status: number, reply: unknown): Captured {
	const captured: Captured = { body: '', headers: {} };
	nock(ISSUER)
		.post('/auth/token')
		.reply(function (_uri, body) {
			captured.body = String(body);
			captured.headers = this.req.headers;
			return [status, reply];
		});
	return captured;
}

async function preAuth(data = credentialData()) {
	return await cxonePreAuthentication.call(preAuthContext(), data);
}

async function preAuthError(data = credentialData()): Promise<Error> {
	const error = await preAuth(data).then(
		() => undefined,
		(e: Error) => e,
	);
	if (error === undefined) throw new Error('preAuthentication did not fail');
	return error;
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

describe('token request: grants × client authentication', () => {
	// Entered URLs skip discovery, so only the token request is on the wire.
	const entered = { tokenUrl: TOKEN_URL, apiBaseUrl: API_BASE };

	it('client credentials, Basic header', async () => {
		const captured = tokenEndpoint(200, { access_token: ACCESS_TOKEN, expires_in: 3600 });
		const result = await preAuth(credentialData(entered));
		expect(result).toMatchObject({ accessToken: ACCESS_TOKEN, resolvedBaseUrl: API_BASE });
		expect(captured.body).toBe('grant_type=client_credentials');
		expect(captured.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(captured.headers.authorization).toBe(`Basic ${BASIC_VALUE}`);
		expect(captured.headers.accept).toBe('application/json');
		expect(nock.isDone()).toBe(true);
	});

	it('client credentials, client id/secret in the body', async () => {
		const captured = tokenEndpoint(200, { access_token: ACCESS_TOKEN });
		await preAuth(credentialData({ ...entered, clientAuth: 'body' }));
		expect(captured.body).toBe(
			'grant_type=client_credentials&client_id=cxone-client-id&client_secret=dummy-cs-Zq9%2FXk%2Bw7%3D%3D',
		);
		expect(captured.headers.authorization).toBeUndefined();
		expect(captured.headers['content-type']).toBe('application/x-www-form-urlencoded');
	});

	it('access key (password grant), Basic header, keys ending in = survive as %3D', async () => {
		const captured = tokenEndpoint(200, { access_token: ACCESS_TOKEN });
		await preAuth(accessKeyData(entered));
		expect(captured.body).toBe(
			'grant_type=password&username=dummy-AKID-3p%3D&password=dummy-aks-Lm4%2FRt%2Bu2%3D%3D',
		);
		expect(new URLSearchParams(captured.body).get('username')).toBe(ACCESS_KEY_ID);
		expect(new URLSearchParams(captured.body).get('password')).toBe(ACCESS_KEY_SECRET);
		expect(captured.headers.authorization).toBe(`Basic ${BASIC_VALUE}`);
	});

	it('access key (password grant), client id/secret in the body', async () => {
		const captured = tokenEndpoint(200, { access_token: ACCESS_TOKEN });
		await preAuth(accessKeyData({ ...entered, clientAuth: 'body' }));
		expect(captured.body).toBe(
			'grant_type=password&username=dummy-AKID-3p%3D&password=dummy-aks-Lm4%2FRt%2Bu2%3D%3D' +
				'&client_id=cxone-client-id&client_secret=dummy-cs-Zq9%2FXk%2Bw7%3D%3D',
		);
		expect(captured.headers.authorization).toBeUndefined();
		const form = new URLSearchParams(captured.body);
		expect(form.get('client_id')).toBe(CLIENT_ID);
		expect(form.get('client_secret')).toBe(CLIENT_SECRET);
	});

	it('trims entered values before use', async () => {
		const captured = tokenEndpoint(200, { access_token: ACCESS_TOKEN });
		await preAuth(
			accessKeyData({
				...entered,
				clientId: `  ${CLIENT_ID} `,
				accessKeyId: ` ${ACCESS_KEY_ID}\n`,
				apiBaseUrl: ` ${API_BASE}/ `,
			}),
		);
		expect(new URLSearchParams(captured.body).get('username')).toBe(ACCESS_KEY_ID);
		expect(captured.headers.authorization).toBe(`Basic ${BASIC_VALUE}`);
	});

	it('accepts a token response that arrives as text', async () => {
		nock(ISSUER)
			.post('/auth/token')
			.reply(200, JSON.stringify({ access_token: ACCESS_TOKEN }), { 'Content-Type': 'text/plain' });
		await expect(preAuth(credentialData(entered))).resolves.toMatchObject({
			accessToken: ACCESS_TOKEN,
			resolvedBaseUrl: API_BASE,
		});
	});
});

describe('token endpoint failures', () => {
	const entered = { tokenUrl: TOKEN_URL, apiBaseUrl: API_BASE };

	it('invalid_client: names the status, the code and the registration hint; one request only', async () => {
		tokenEndpoint(401, {
			error: 'invalid_client',
			error_description: 'Client authentication failed',
		});
		const error = await preAuthError(accessKeyData(entered));
		expect(error.constructor).toBe(Error);
		expect(error).not.toHaveProperty('response');
		expect(error.message).toBe(
			`CXone token request to ${TOKEN_URL} failed (HTTP 401, invalid_client): client ID/secret rejected, or the application registration is not approved yet (check "Client ID", "Client Secret" and "Client Authentication"). CXone says: "Client authentication failed".`,
		);
		expect(nock.isDone()).toBe(true);
		expectNoSecrets(error.message);
	});

	it('invalid_client with the client-credentials grant also points to the Access Key grant', async () => {
		tokenEndpoint(401, { error: 'invalid_client' });
		const { message } = await preAuthError(credentialData(entered));
		expect(message).toContain('HTTP 401, invalid_client');
		expect(message).toContain('application registration is not approved yet');
		expect(message).toContain('switch "Grant Type" to "Access Key (Back-End Application)"');
		expectNoSecrets(message);
	});

	it('invalid_grant: access key rejected or revoked', async () => {
		tokenEndpoint(400, {
			error: 'invalid_grant',
			error_description: 'Invalid username or password',
		});
		const { message } = await preAuthError(accessKeyData(entered));
		expect(message).toContain('(HTTP 400, invalid_grant)');
		expect(message).toContain('access key ID/secret rejected or revoked');
		expect(message).toContain('CXone says: "Invalid username or password"');
		expect(message).not.toContain('Grant Type');
		expectNoSecrets(message);
	});

	it.each(['unsupported_grant_type', 'unauthorized_client'])(
		'%s: NICE back-end registrations use the Access Key grant',
		async (code) => {
			tokenEndpoint(400, { error: code });
			const { message } = await preAuthError(credentialData(entered));
			expect(message).toBe(
				`CXone token request to ${TOKEN_URL} failed (HTTP 400, ${code}): NICE back-end application registrations use the Access Key grant: switch "Grant Type" to "Access Key (Back-End Application)" in the credential and enter the API user's access key ID and secret.`,
			);
		},
	);

	it('any rejection while using client credentials suggests the Access Key grant', async () => {
		tokenEndpoint(403, 'Forbidden');
		const { message } = await preAuthError(credentialData(entered));
		expect(message).toContain('(HTTP 403)');
		expect(message).toContain('use the Access Key grant');
	});

	it('an unknown rejection with the access key grant gets a generic hint', async () => {
		tokenEndpoint(400, { error: 'invalid_request', message: 'Malformed' });
		const { message } = await preAuthError(accessKeyData(entered));
		expect(message).toBe(
			`CXone token request to ${TOKEN_URL} failed (HTTP 400, invalid_request): the request was rejected; check the client ID/secret and the access key. CXone says: "Malformed".`,
		);
	});

	it('404 says the URL is not a token endpoint', async () => {
		tokenEndpoint(404, '<html>Not Found</html>');
		const { message } = await preAuthError(accessKeyData(entered));
		expect(message).toContain('(HTTP 404): this URL is not a token endpoint');
	});

	it('5xx says CXone failed', async () => {
		tokenEndpoint(503, {});
		const { message } = await preAuthError(credentialData(entered));
		expect(message).toBe(
			`CXone token request to ${TOKEN_URL} failed (HTTP 503): CXone's token service failed; try again later.`,
		);
	});

	it('200 without an access_token', async () => {
		tokenEndpoint(200, { token_type: 'Bearer' });
		const { message } = await preAuthError(credentialData(entered));
		expect(message).toContain(`${TOKEN_URL} answered HTTP 200 without an access_token`);
	});

	it('a network failure names the URL', async () => {
		failNetwork(TOKEN_URL, networkError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443'));
		const error = await preAuthError(accessKeyData(entered));
		expect(error.message).toContain(`Could not reach the CXone token endpoint ${TOKEN_URL}`);
		expect(error.message).toContain('ECONNREFUSED');
		expect(error).not.toHaveProperty('response');
		expectNoSecrets(error.message);
	});

	it('a server that echoes the secrets back has them redacted', async () => {
		tokenEndpoint(401, {
			error: 'invalid_client',
			error_description: `bad secret ${CLIENT_SECRET} / ${ACCESS_KEY_SECRET} / Basic ${BASIC_VALUE} / ${ACCESS_TOKEN}`,
		});
		const { message } = await preAuthError(accessKeyData(entered));
		expect(message).toContain('bad secret [redacted] / [redacted] / Basic [redacted] / [redacted]');
		expectNoSecrets(message);
	});
});
