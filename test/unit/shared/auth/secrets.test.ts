import nock from 'nock';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { cxoneOAuth2ApiTest } from '../../../../nodes/shared/auth/credentialTest';
import { cxonePreAuthentication } from '../../../../nodes/shared/auth/preAuthentication';
import {
	ACCESS_KEY_SECRET,
	ACCESS_TOKEN,
	API_BASE,
	BASIC_VALUE,
	CLIENT_SECRET,
	ISSUER,
	TENANT_ID,
	accessKeyData,
	credentialData,
	clearNetworkFailures,
	credentialTestContext,
	expectNoSecrets,
	failNetwork,
	makeJwt,
	networkError,
	preAuthContext,
} from './fixtures';

// Every error path, against servers and network layers that echo everything they were sent.
// Neither preAuthentication (n8n-core httpRequest) nor the credential test (legacy request) may
// let a secret, the Basic value or a token into the message.

const OIDC = '/.well-known/openid-configuration';
const ECHO_ALL = `${CLIENT_SECRET} ${ACCESS_KEY_SECRET} Basic ${BASIC_VALUE} Bearer ${ACCESS_TOKEN}`;
const TENANT_ONLY_TOKEN = makeJwt({ tenantId: TENANT_ID, secretClaim: 'x' });
const OPAQUE_TOKEN = 'dummy-opaque-Token-9f8e7d';

/** A token endpoint that echoes the raw form body and the Authorization header back. */
function echoingTokenEndpoint(status: number, code?: string) {
	nock(ISSUER)
		.post('/auth/token')
		.reply(function (_uri, body) {
			const echo = `body=${String(body)} auth=${String(this.req.headers.authorization)} ${ECHO_ALL}`;
			return [
				status,
				{ error: code, error_description: echo, message: echo },
				{ icStatusDescription: echo },
			];
		});
}

function token(value: string) {
	nock(ISSUER).post('/auth/token').reply(200, { access_token: value });
}

interface Scenario {
	name: string;
	data: ICredentialDataDecryptedObject;
	setup: () => void;
	expected: string;
	/** Tokens issued in this scenario, also forbidden in the message. */
	issued?: string[];
	/** Only the credential test reaches this path (the server-time GET). */
	testOnly?: boolean;
}

const tokenUrl = `${ISSUER}/auth/token`;
const entered = accessKeyData({ tokenUrl, apiBaseUrl: API_BASE });
// A stale access key stays in the stored data after switching grants; it is private all the same.
const enteredClientCredentials = credentialData({
	tokenUrl,
	apiBaseUrl: API_BASE,
	accessKeySecret: ACCESS_KEY_SECRET,
});

const scenarios: Scenario[] = [
	{
		name: 'validation: empty access key secret',
		data: accessKeyData({ accessKeySecret: ' ' }),
		setup: () => undefined,
		expected: 'Access Key Secret is empty',
	},
	{
		name: 'validation: Token URL with credentials',
		data: accessKeyData({
			tokenUrl: `https://u:${encodeURIComponent(CLIENT_SECRET)}@x.example.com/t`,
		}),
		setup: () => undefined,
		expected: 'Token URL must not contain a user name or password',
	},
	{
		name: 'discovery: network error',
		data: accessKeyData(),
		setup: () => failNetwork(`${ISSUER}${OIDC}`, networkError('ECONNRESET', `reset ${ECHO_ALL}`)),
		expected: 'to discover the token endpoint',
	},
	{
		name: 'discovery: HTTP 500',
		data: accessKeyData(),
		setup: () => nock(ISSUER).get(OIDC).reply(500, ECHO_ALL),
		expected: 'failed with HTTP 500',
	},
	{
		name: 'discovery: unusable token_endpoint',
		data: accessKeyData(),
		setup: () => nock(ISSUER).get(OIDC).reply(200, { token_endpoint: 'http://evil.example/t' }),
		expected: 'must start with https://',
	},
	{
		name: 'token: network error',
		data: entered,
		setup: () => failNetwork(tokenUrl, networkError('EPIPE', `pipe ${ECHO_ALL}`)),
		expected: 'Could not reach the CXone token endpoint',
	},
	...[
		['invalid_client', 401],
		['invalid_grant', 400],
		['unsupported_grant_type', 400],
		['unauthorized_client', 400],
		[undefined, 403],
		[undefined, 404],
		[undefined, 503],
	].flatMap(([code, status]) =>
		[entered, enteredClientCredentials].map((data) => ({
			name: `token: HTTP ${status} ${code ?? '(no code)'} (${String(data.grantType)})`,
			data,
			setup: () => echoingTokenEndpoint(status as number, code as string | undefined),
			expected: `failed (HTTP ${status}`,
		})),
	),
	{
		name: 'token: 200 without access_token',
		data: entered,
		setup: () => nock(ISSUER).post('/auth/token').reply(200, { note: ECHO_ALL }),
		expected: 'without an access_token',
	},
	{
		name: 'base URL: cxone-configuration fails and no cluster claim',
		data: accessKeyData({ tokenUrl }),
		setup: () => {
			token(TENANT_ONLY_TOKEN);
			nock(ISSUER).get('/.well-known/cxone-configuration').query(true).reply(500, ECHO_ALL);
		},
		expected: 'answered HTTP 500',
		issued: [TENANT_ONLY_TOKEN],
	},
	{
		name: 'base URL: cxone-configuration unreachable and no cluster claim',
		data: accessKeyData({ tokenUrl }),
		setup: () => {
			token(TENANT_ONLY_TOKEN);
			failNetwork(
				`${ISSUER}/.well-known/cxone-configuration?tenantId=${TENANT_ID}`,
				networkError('ETIMEDOUT', `slow ${ECHO_ALL} ${TENANT_ONLY_TOKEN}`),
			);
		},
		expected: 'could not be reached',
		issued: [TENANT_ONLY_TOKEN],
	},
	{
		name: 'base URL: opaque token',
		data: accessKeyData({ tokenUrl }),
		setup: () => token(OPAQUE_TOKEN),
		expected: 'carries no tenantId or icClusterId claim',
		issued: [OPAQUE_TOKEN],
	},
	{
		name: 'server-time: 401 echoing the bearer token',
		data: entered,
		setup: () => {
			token(OPAQUE_TOKEN);
			nock(API_BASE)
				.get('/inContactAPI/services/v27.0/server-time')
				.reply(function () {
					const echo = `${String(this.req.headers.authorization)} ${ECHO_ALL}`;
					return [401, { message: echo }, { icStatusDescription: echo }];
				});
		},
		expected: 'returned HTTP 401',
		issued: [OPAQUE_TOKEN],
		testOnly: true,
	},
	{
		name: 'server-time: network error quoting the token',
		data: entered,
		setup: () => {
			token(OPAQUE_TOKEN);
			failNetwork(
				`${API_BASE}/inContactAPI/services/v27.0/server-time`,
				networkError('ECONNRESET', `reset while sending Bearer ${OPAQUE_TOKEN}`),
			);
		},
		expected: 'could not be reached',
		issued: [OPAQUE_TOKEN],
		testOnly: true,
	},
];

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

describe('no secret or token in any error message', () => {
	it.each(scenarios.filter((s) => !s.testOnly).map((s) => [s.name, s] as const))(
		'preAuthentication: %s',
		async (_name, scenario) => {
			scenario.setup();
			const error = await cxonePreAuthentication.call(preAuthContext(), scenario.data).then(
				() => undefined,
				(e: Error) => e,
			);
			expect(error).toBeInstanceOf(Error);
			expect(error).not.toHaveProperty('response');
			expect(error?.message).toContain(scenario.expected);
			expectNoSecrets(String(error?.message), scenario.issued);
			expectNoSecrets(String(error?.stack), scenario.issued);
		},
	);

	it.each(scenarios.map((s) => [s.name, s] as const))(
		'credential test: %s',
		async (_name, scenario) => {
			scenario.setup();
			const result = await cxoneOAuth2ApiTest.call(credentialTestContext(), {
				id: 'c',
				name: 'c',
				type: 'cxoneOAuth2Api',
				data: scenario.data,
			});
			expect(result.status).toBe('Error');
			expect(result.message).toContain(scenario.expected);
			expectNoSecrets(result.message, scenario.issued);
		},
	);
});
