import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { z } from 'zod';

import type { AuthHttp, AuthHttpResponse } from './authHttp';
import { attempt, isSuccess, legacyRequestAuthHttp, readHeader, readJsonBody } from './authHttp';
import { authorize } from './authorize';
import { describeNetworkError, redactSecrets } from './redact';
import { secretsOf } from './settings';

const serverTime = z.object({ ServerTime: z.string() });

/**
 * The node's `methods.credentialTest.cxoneOAuth2ApiTest` (declared via `testedBy`). Unlike a
 * declarative test it always runs the token request with the entered values, so a wrong or
 * revoked secret is reported even while an old token is stored.
 */
export async function cxoneOAuth2ApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	// In n8n 2.8.4 the credential-test context offers only the legacy request helper.
	const { helpers } = this;
	return await testCxoneConnection(
		legacyRequestAuthHttp(async (options) => await helpers.request(options)),
		credential.data ?? {},
	);
}

/** Token + discovery with the entered values, then one cheap authenticated GET (CXone flavor). */
export async function testCxoneConnection(
	http: AuthHttp,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	let authorization;
	try {
		authorization = await authorize(http, data);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	const { accessToken, resolvedBaseUrl, settings } = authorization;
	const secrets = [...secretsOf(settings), accessToken];
	const success = `Connection successful: token issued, API base URL ${resolvedBaseUrl}`;

	// Reporting API v2 has no request that is cheap and safe without a user id.
	if (settings.apiFlavor === 'reportingV2') return { status: 'OK', message: success };

	const url = `${resolvedBaseUrl}/inContactAPI/services/${settings.apiVersion}/server-time`;
	const outcome = await attempt(http, {
		method: 'GET',
		url,
		headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
	});
	if (!outcome.ok) {
		return {
			status: 'Error',
			message: `Token issued, but ${url} could not be reached (${describeNetworkError(outcome.networkError, secrets)}). Check "API Base URL".`,
		};
	}
	const { response } = outcome;

	if (isSuccess(response)) {
		const parsed = serverTime.safeParse(readJsonBody(response.body));
		const time = parsed.success ? `, server time ${parsed.data.ServerTime}` : '';
		return { status: 'OK', message: `${success}${time}` };
	}
	return { status: 'Error', message: apiFailureMessage(response, url, secrets) };
}

function apiFailureMessage(response: AuthHttpResponse, url: string, secrets: string[]): string {
	const status = response.statusCode;
	const raw = readHeader(response, 'icStatusDescription') ?? bodyMessage(response.body);
	const detail = raw === '' ? '' : ` CXone says: "${redactSecrets(raw, secrets)}".`;
	let hint = 'Check "API Base URL" and "API Version"';
	if (status === 401 || status === 403) {
		hint =
			'The token was issued but not accepted here: check "API Base URL" (it must belong to the same CXone tenant) and that the API user\'s role has API and reporting permissions';
	} else if (status === 404) {
		hint = 'Check "API Version" (for example v27.0) and "API Base URL"';
	} else if (status >= 500) {
		hint = 'CXone failed to answer; try again later';
	}
	return `Token issued, but GET ${url} returned HTTP ${status}.${detail} ${hint}.`;
}

function bodyMessage(body: unknown): string {
	const json = readJsonBody(body) as { message?: unknown; error?: unknown } | undefined;
	const message = json?.message ?? json?.error;
	return typeof message === 'string' ? message.trim() : '';
}
