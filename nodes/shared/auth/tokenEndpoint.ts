import { z } from 'zod';

import type { AuthHttp } from './authHttp';
import { attempt, isSuccess, readJsonBody } from './authHttp';
import { checkEndpointUrl } from './endpointUrl';
import { describeNetworkError } from './redact';
import type { CxoneAuthSettings } from './settings';
import { secretsOf } from './settings';

const openIdConfiguration = z.object({ token_endpoint: z.string().min(1).optional() });

/**
 * The token endpoint: the entered Token URL; for Reporting API v2 with an entered base URL
 * `{base}/oauth/token`; otherwise `token_endpoint` from the issuer's OpenID configuration, or
 * `{issuer}/auth/token` when that document is missing or names no token endpoint.
 */
export async function resolveTokenUrl(
	http: AuthHttp,
	settings: CxoneAuthSettings,
): Promise<string> {
	if (settings.tokenUrl !== '') return settings.tokenUrl;
	if (settings.apiFlavor === 'reportingV2' && settings.apiBaseUrl !== '') {
		return `${settings.apiBaseUrl}/oauth/token`;
	}

	const discoveryUrl = `${settings.issuerUrl}/.well-known/openid-configuration`;
	const fallbackUrl = `${settings.issuerUrl}/auth/token`;
	const outcome = await attempt(http, {
		method: 'GET',
		url: discoveryUrl,
		headers: { Accept: 'application/json' },
	});
	if (!outcome.ok) {
		throw new Error(
			`Could not reach ${discoveryUrl} to discover the token endpoint (${describeNetworkError(outcome.networkError, secretsOf(settings))}). Check "Issuer URL" and the network, or enter "Token URL" in the credential.`,
		);
	}
	const { response } = outcome;
	if (response.statusCode === 404) return fallbackUrl;
	if (!isSuccess(response)) {
		throw new Error(
			`Token endpoint discovery at ${discoveryUrl} failed with HTTP ${response.statusCode}. Check "Issuer URL", or enter "Token URL" in the credential (for CXone usually ${fallbackUrl}).`,
		);
	}
	const parsed = openIdConfiguration.safeParse(readJsonBody(response.body));
	const discovered = parsed.success ? parsed.data.token_endpoint : undefined;
	if (discovered === undefined) return fallbackUrl;
	return checkEndpointUrl(discovered, `The token_endpoint published at ${discoveryUrl}`);
}
