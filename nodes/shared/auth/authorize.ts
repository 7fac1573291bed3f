import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { AuthHttp } from './authHttp';
import { resolveApiBaseUrl } from './baseUrlDiscovery';
import type { CxoneAuthSettings } from './settings';
import { readAuthSettings } from './settings';
import { resolveTokenUrl } from './tokenEndpoint';
import { requestAccessToken } from './tokenRequest';

export interface CxoneAuthorization {
	accessToken: string;
	resolvedBaseUrl: string;
	settings: CxoneAuthSettings;
}

/** Validates the entered values, fetches a token and resolves the API base URL. */
export async function authorize(
	http: AuthHttp,
	data: ICredentialDataDecryptedObject,
): Promise<CxoneAuthorization> {
	const settings = readAuthSettings(data);
	const tokenUrl = await resolveTokenUrl(http, settings);
	const accessToken = await requestAccessToken(http, settings, tokenUrl);
	const resolvedBaseUrl = await resolveApiBaseUrl(http, settings, accessToken);
	return { accessToken, resolvedBaseUrl, settings };
}
