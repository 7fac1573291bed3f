import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { CxoneAuthSettings } from './settings';

/** What a refresh may reuse: the endpoints an earlier preAuthentication discovered. */
export interface StoredDiscovery {
	tokenUrl: string;
	baseUrl: string;
}

/**
 * The entered values the discovery depends on, as one string. No secret is part of it: a rotated
 * secret changes the token, not where to ask for it. Stored with the discovered endpoints, so an
 * edit of any of these values makes the next token request discover again.
 */
export function discoveryFingerprint(settings: CxoneAuthSettings): string {
	const { grantType, clientId, accessKeyId, issuerUrl, tokenUrl, apiBaseUrl, apiFlavor } = settings;
	return JSON.stringify([
		1,
		grantType,
		clientId,
		accessKeyId,
		issuerUrl,
		tokenUrl,
		apiBaseUrl,
		apiFlavor,
	]);
}

function stored(data: ICredentialDataDecryptedObject, key: string): string {
	const value = data[key];
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * The token URL and API base URL stored by the last preAuthentication, when they were discovered
 * from the values the credential holds now; undefined when anything is missing or was edited.
 */
export function storedDiscovery(
	data: ICredentialDataDecryptedObject,
	settings: CxoneAuthSettings,
): StoredDiscovery | undefined {
	const tokenUrl = stored(data, 'resolvedTokenUrl');
	const baseUrl = stored(data, 'resolvedBaseUrl');
	if (tokenUrl === '' || baseUrl === '') return undefined;
	if (stored(data, 'discoveredFor') !== discoveryFingerprint(settings)) return undefined;
	return { tokenUrl, baseUrl };
}
