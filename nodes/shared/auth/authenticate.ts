import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { checkEndpointUrl } from './endpointUrl';

const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:\/\//i;

function withoutHeader(headers: Record<string, unknown>, name: string): Record<string, unknown> {
	const wanted = name.toLowerCase();
	return Object.fromEntries(
		Object.entries(headers).filter(([key]) => key.toLowerCase() !== wanted),
	);
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
	const wanted = name.toLowerCase();
	return Object.keys(headers).some((key) => key.toLowerCase() === wanted);
}

/**
 * The credential's authenticate function: Bearer token, JSON Accept, and the API base URL for
 * relative URLs. Idempotent, because n8n re-applies it to the same options on its 401 retry.
 */
export async function cxoneAuthenticate(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const headers = withoutHeader({ ...(requestOptions.headers ?? {}) }, 'authorization');
	headers.Authorization = `Bearer ${String(credentials.accessToken ?? '')}`;
	if (!hasHeader(headers, 'accept')) headers.Accept = 'application/json';
	requestOptions.headers = headers as IHttpRequestOptions['headers'];

	if (!requestOptions.baseURL && !ABSOLUTE_URL.test(requestOptions.url)) {
		const baseUrl = apiBaseUrlOf(credentials);
		if (baseUrl !== '') requestOptions.baseURL = baseUrl;
	}
	return requestOptions;
}

/**
 * An entered API Base URL wins over the persisted one, which may predate an edit (a stored token
 * means preAuthentication, and its validation, do not run again).
 */
function apiBaseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const entered = typeof credentials.apiBaseUrl === 'string' ? credentials.apiBaseUrl.trim() : '';
	if (entered !== '') return checkEndpointUrl(entered, 'API Base URL', { originOnly: true });
	const resolved =
		typeof credentials.resolvedBaseUrl === 'string' ? credentials.resolvedBaseUrl.trim() : '';
	return resolved.replace(/\/+$/, '');
}
