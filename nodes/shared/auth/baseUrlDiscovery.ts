import { z } from 'zod';

import type { AuthHttp } from './authHttp';
import { attempt, isSuccess, readJsonBody } from './authHttp';
import { checkEndpointUrl } from './endpointUrl';
import { describeNetworkError } from './redact';
import type { CxoneAuthSettings } from './settings';
import { secretsOf } from './settings';

const tokenClaims = z.object({
	tenantId: z.string().min(1).optional().catch(undefined),
	icClusterId: z.string().min(1).optional().catch(undefined),
});
export type CxoneTokenClaims = z.infer<typeof tokenClaims>;

const cxoneConfiguration = z.object({ api_endpoint: z.string().min(1) });

// The cluster id becomes part of a host name, so only plain label characters are accepted.
const CLUSTER_ID = /^[A-Za-z0-9-]+$/;

const SET_BY_HAND =
	'Set "API Base URL" in the credential by hand (for example https://api-na1.niceincontact.com)';

/** The payload of a JWT, decoded without verification (it only steers discovery). */
export function decodeTokenClaims(accessToken: string): CxoneTokenClaims {
	const payload = accessToken.split('.')[1];
	if (payload === undefined) return {};
	try {
		const parsed = tokenClaims.safeParse(
			JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
		);
		return parsed.success ? parsed.data : {};
	} catch {
		return {};
	}
}

/**
 * The API base URL: the entered one; else `api_endpoint` from
 * `{issuer}/.well-known/cxone-configuration?tenantId=…` (tenantId from the token); else
 * `https://api-{icClusterId}.nice-incontact.com`. Throws a plain Error when none works.
 */
export async function resolveApiBaseUrl(
	http: AuthHttp,
	settings: CxoneAuthSettings,
	accessToken: string,
): Promise<string> {
	if (settings.apiBaseUrl !== '') return settings.apiBaseUrl;

	const claims = decodeTokenClaims(accessToken);
	let configurationUrl: string | undefined;
	let problem = '';
	if (claims.tenantId !== undefined) {
		configurationUrl = `${settings.issuerUrl}/.well-known/cxone-configuration?${new URLSearchParams({ tenantId: claims.tenantId }).toString()}`;
		const outcome = await attempt(http, {
			method: 'GET',
			url: configurationUrl,
			headers: { Accept: 'application/json' },
		});
		if (!outcome.ok) {
			problem = `could not be reached (${describeNetworkError(outcome.networkError, secretsOf(settings))})`;
		} else {
			const { response } = outcome;
			const parsed = cxoneConfiguration.safeParse(readJsonBody(response.body));
			if (!isSuccess(response)) {
				problem = `answered HTTP ${response.statusCode}`;
			} else if (!parsed.success) {
				problem = 'answered without an api_endpoint';
			} else {
				try {
					return checkEndpointUrl(parsed.data.api_endpoint, 'its api_endpoint');
				} catch (error) {
					problem = `answered with an unusable api_endpoint (${(error as Error).message})`;
				}
			}
		}
	}

	if (claims.icClusterId !== undefined && CLUSTER_ID.test(claims.icClusterId)) {
		return `https://api-${claims.icClusterId.toLowerCase()}.nice-incontact.com`;
	}

	if (configurationUrl !== undefined) {
		throw new Error(
			`Could not discover the CXone API base URL: ${configurationUrl} ${problem}, and the access token has no icClusterId claim to fall back on. ${SET_BY_HAND}.`,
		);
	}
	throw new Error(
		`Could not discover the CXone API base URL: the access token carries no tenantId or icClusterId claim. ${SET_BY_HAND}.`,
	);
}
