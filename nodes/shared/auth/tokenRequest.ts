import { z } from 'zod';

import type { AuthHttp, AuthHttpResponse } from './authHttp';
import { attempt, isSuccess, readJsonBody } from './authHttp';
import { describeNetworkError, redactSecrets } from './redact';
import type { CxoneAuthSettings } from './settings';
import { basicCredentials, secretsOf } from './settings';

const tokenResponse = z.object({ access_token: z.string().min(1) });
const tokenError = z.object({
	error: z.string().optional(),
	error_description: z.string().optional(),
	message: z.string().optional(),
});

const ACCESS_KEY_HINT =
	'NICE back-end application registrations use the Access Key grant: switch "Grant Type" to "Access Key (Back-End Application)" in the credential and enter the API user\'s access key ID and secret';

const CODE_HINTS: Record<string, string> = {
	invalid_client:
		'client ID/secret rejected, or the application registration is not approved yet (check "Client ID", "Client Secret" and "Client Authentication")',
	invalid_grant:
		'access key ID/secret rejected or revoked (check them, or create a new access key)',
	unsupported_grant_type: ACCESS_KEY_HINT,
	unauthorized_client: ACCESS_KEY_HINT,
};

/** The form body of the token request; URLSearchParams encodes the `=` padding of keys as %3D. */
export function buildTokenForm(settings: CxoneAuthSettings): URLSearchParams {
	const form = new URLSearchParams();
	if (settings.grantType === 'accessKey') {
		form.set('grant_type', 'password');
		form.set('username', settings.accessKeyId);
		form.set('password', settings.accessKeySecret);
	} else {
		form.set('grant_type', 'client_credentials');
	}
	if (settings.clientAuth === 'body') {
		form.set('client_id', settings.clientId);
		form.set('client_secret', settings.clientSecret);
	}
	return form;
}

/**
 * POSTs the token request and returns the access token. Every failure becomes a plain Error
 * (no `.response`), so n8n does not call the token endpoint a second time on a 401.
 */
export async function requestAccessToken(
	http: AuthHttp,
	settings: CxoneAuthSettings,
	tokenUrl: string,
): Promise<string> {
	const headers: Record<string, string> = {
		'Content-Type': 'application/x-www-form-urlencoded',
		Accept: 'application/json',
	};
	if (settings.clientAuth === 'basic') {
		headers.Authorization = `Basic ${basicCredentials(settings)}`;
	}

	const outcome = await attempt(http, {
		method: 'POST',
		url: tokenUrl,
		headers,
		body: buildTokenForm(settings).toString(),
	});
	if (!outcome.ok) {
		throw new Error(
			`Could not reach the CXone token endpoint ${tokenUrl} (${describeNetworkError(outcome.networkError, secretsOf(settings))}). Check "Issuer URL" / "Token URL" and the network.`,
		);
	}
	const { response } = outcome;

	if (!isSuccess(response)) throw new Error(tokenFailureMessage(response, settings, tokenUrl));

	const parsed = tokenResponse.safeParse(readJsonBody(response.body));
	if (!parsed.success) {
		throw new Error(
			`The CXone token endpoint ${tokenUrl} answered HTTP ${response.statusCode} without an access_token. Check "Token URL": it must be the OAuth2 token endpoint (for CXone usually https://cxone.niceincontact.com/auth/token).`,
		);
	}
	return parsed.data.access_token;
}

/** "HTTP 401, invalid_client: hint" plus CXone's own description, never a secret. */
export function tokenFailureMessage(
	response: AuthHttpResponse,
	settings: CxoneAuthSettings,
	tokenUrl: string,
): string {
	const status = response.statusCode;
	const parsed = tokenError.safeParse(readJsonBody(response.body));
	const body = parsed.success ? parsed.data : {};
	const code = body.error?.trim() ?? '';
	const description = (body.error_description ?? body.message ?? '').trim();

	const hints: string[] = [];
	const codeHint = CODE_HINTS[code];
	if (codeHint) hints.push(codeHint);
	const rejected = status >= 400 && status < 500;
	if (rejected && settings.grantType === 'clientCredentials' && !hints.includes(ACCESS_KEY_HINT)) {
		hints.push(ACCESS_KEY_HINT);
	}
	if (hints.length === 0) hints.push(genericHint(status));

	const what = code === '' ? `HTTP ${status}` : `HTTP ${status}, ${code}`;
	const detail =
		description === '' ? '' : ` CXone says: "${redactSecrets(description, secretsOf(settings))}".`;
	return `CXone token request to ${tokenUrl} failed (${what}): ${hints.join('. ')}.${detail}`;
}

function genericHint(status: number): string {
	if (status === 404 || status === 405) {
		return 'this URL is not a token endpoint; check "Issuer URL" and "Token URL"';
	}
	if (status >= 500) return "CXone's token service failed; try again later";
	return 'the request was rejected; check the client ID/secret and the access key';
}
