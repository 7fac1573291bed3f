import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { httpRequestAuthHttp } from './authHttp';
import { authorize } from './authorize';

/** The fields preAuthentication returns, which n8n persists into the credential (a plain object). */
export type StoredAuthorization = {
	accessToken: string;
	resolvedBaseUrl: string;
	resolvedTokenUrl: string;
	discoveredFor: string;
};

/**
 * The credential's preAuthentication: n8n runs it when the hidden `accessToken` is empty or after
 * a 401, and persists every returned field. A refresh reuses the endpoints stored last time.
 */
export async function cxonePreAuthentication(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<StoredAuthorization> {
	const { accessToken, resolvedBaseUrl, resolvedTokenUrl, discoveredFor } = await authorize(
		httpRequestAuthHttp(this.helpers),
		credentials,
		{ reuseDiscovery: true },
	);
	return { accessToken, resolvedBaseUrl, resolvedTokenUrl, discoveredFor };
}
