import {
	httpRequest,
	proxyRequestToAxios,
} from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import type {
	AuthHttp,
	AuthHttpRequest,
	AuthHttpResponse,
} from '../../../../nodes/shared/auth/authHttp';

// Distinctive values, so a leak into any message is easy to detect. Trailing '=' like real keys.
export const CLIENT_ID = 'cxone-client-id';
export const CLIENT_SECRET = 'dummy-cs-Zq9/Xk+w7==';
export const ACCESS_KEY_ID = 'dummy-AKID-3p=';
export const ACCESS_KEY_SECRET = 'dummy-aks-Lm4/Rt+u2==';
export const TENANT_ID = '11eb660f-4c6d-34a0-8733-0242ac110002';
export const ISSUER = 'https://cxone.niceincontact.com';
export const API_BASE = 'https://api-na1.niceincontact.com';

export const BASIC_VALUE = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');

/** An unsigned JWT carrying `claims` (the code never verifies signatures). */
export function makeJwt(claims: unknown): string {
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

export const ACCESS_TOKEN = makeJwt({
	tenantId: TENANT_ID,
	icClusterId: 'B32',
	name: 'api.user@example.com',
});

/** Every string that must never appear in an error or test message. */
export const FORBIDDEN_IN_MESSAGES = [
	CLIENT_SECRET,
	ACCESS_KEY_SECRET,
	BASIC_VALUE,
	encodeURIComponent(CLIENT_SECRET),
	encodeURIComponent(ACCESS_KEY_SECRET),
	new URLSearchParams({ v: CLIENT_SECRET }).toString().slice(2),
	new URLSearchParams({ v: ACCESS_KEY_SECRET }).toString().slice(2),
	ACCESS_TOKEN,
];

export function expectNoSecrets(message: string, extraForbidden: string[] = []): void {
	for (const secret of [...FORBIDDEN_IN_MESSAGES, ...extraForbidden]) {
		expect(message).not.toContain(secret);
	}
	expect(message).not.toMatch(/eyJ[\w-]*\.[\w-]*\./);
}

/** Credential data as n8n hands it over (defaults filled in). */
export function credentialData(
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		grantType: 'clientCredentials',
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		clientAuth: 'basic',
		accessKeyId: '',
		accessKeySecret: '',
		issuerUrl: ISSUER,
		tokenUrl: '',
		apiBaseUrl: '',
		apiFlavor: 'cxone',
		apiVersion: 'v27.0',
		accessToken: '',
		resolvedBaseUrl: '',
		...overrides,
	};
}

export function accessKeyData(
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return credentialData({
		grantType: 'accessKey',
		accessKeyId: ACCESS_KEY_ID,
		accessKeySecret: ACCESS_KEY_SECRET,
		...overrides,
	});
}

// Network failures are injected in front of the real helpers instead of with nock's
// replyWithError: that one crashes ("Unhandled error") when an earlier test file in the same jest
// worker left its nock interceptor active, which this suite cannot control.
const networkFailures = new Map<string, Error>();

/** Makes the next request to exactly `url` reject like a network failure. */
export function failNetwork(url: string, error: Error): void {
	networkFailures.set(url, error);
}

/** Injected failures not yet consumed (0 = every one was hit). */
export function pendingNetworkFailures(): number {
	return networkFailures.size;
}

export function clearNetworkFailures(): void {
	networkFailures.clear();
}

function injectedFailure(url: unknown): Error | undefined {
	const failure = networkFailures.get(String(url));
	networkFailures.delete(String(url));
	return failure;
}

/** The context n8n gives preAuthentication, with n8n-core's real httpRequest helper. */
export function preAuthContext(): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				const failure = injectedFailure(options.url);
				if (failure) throw failure;
				return await httpRequest(options);
			},
		},
	};
}

/**
 * The credential-test context as n8n-core 2.8.1 builds it (CredentialTestContext): its only HTTP
 * helper is the legacy `request`, backed by proxyRequestToAxios. The class itself is not used
 * because its SSH-tunnel helpers start a cleanup timer that keeps jest alive.
 */
export function credentialTestContext(): ICredentialTestFunctions {
	return {
		helpers: {
			request: async (uriOrObject: string | object, options?: object) => {
				const failure = injectedFailure((uriOrObject as { uri?: unknown }).uri);
				if (failure) throw failure;
				return await proxyRequestToAxios(undefined, undefined, undefined, uriOrObject, options);
			},
		},
	} as unknown as ICredentialTestFunctions;
}

export interface FakeRoute {
	method: string;
	url: string;
	reply: AuthHttpResponse | Error;
}

/** A scripted AuthHttp: answers by method + URL and records every request. */
export function fakeHttp(routes: FakeRoute[]): { http: AuthHttp; calls: AuthHttpRequest[] } {
	const calls: AuthHttpRequest[] = [];
	const http: AuthHttp = async (request) => {
		calls.push(request);
		const route = routes.find((r) => r.method === request.method && r.url === request.url);
		if (route === undefined) throw new Error(`unexpected ${request.method} ${request.url}`);
		if (route.reply instanceof Error) throw route.reply;
		return route.reply;
	};
	return { http, calls };
}

export function json(statusCode: number, body: unknown): AuthHttpResponse {
	return { statusCode, headers: { 'content-type': 'application/json' }, body };
}

/** A network-level failure as Node reports it. */
export function networkError(code: string, message: string): Error {
	return Object.assign(new Error(message), { code });
}
