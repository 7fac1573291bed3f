import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { AuthHttp } from './authHttp';
import { resolveApiBaseUrl } from './baseUrlDiscovery';
import type { CxoneAuthSettings } from './settings';
import { readAuthSettings } from './settings';
import { discoveryFingerprint, storedDiscovery } from './storedDiscovery';
import { resolveTokenUrl } from './tokenEndpoint';
import { requestAccessToken } from './tokenRequest';

export interface CxoneAuthorization {
	accessToken: string;
	resolvedBaseUrl: string;
	resolvedTokenUrl: string;
	/** What the endpoints were discovered from (storedDiscovery.ts). */
	discoveredFor: string;
	settings: CxoneAuthSettings;
}

export interface AuthorizeOptions {
	/**
	 * Reuse the token URL and base URL stored with the credential when they were discovered from
	 * its current values, so a refresh costs one request instead of three. The credential test
	 * does not: it checks every step.
	 */
	reuseDiscovery?: boolean;
}

/** Validates the entered values, fetches a token and resolves the API base URL. */
export async function authorize(
	http: AuthHttp,
	data: ICredentialDataDecryptedObject,
	{ reuseDiscovery = false }: AuthorizeOptions = {},
): Promise<CxoneAuthorization> {
	const settings = readAuthSettings(data);
	const reused = reuseDiscovery ? storedDiscovery(data, settings) : undefined;
	const tokenUrl = reused?.tokenUrl ?? (await resolveTokenUrl(http, settings));
	const accessToken = await requestAccessToken(http, settings, tokenUrl);
	const resolvedBaseUrl = reused?.baseUrl ?? (await resolveApiBaseUrl(http, settings, accessToken));
	return {
		accessToken,
		resolvedBaseUrl,
		resolvedTokenUrl: tokenUrl,
		discoveredFor: discoveryFingerprint(settings),
		settings,
	};
}
