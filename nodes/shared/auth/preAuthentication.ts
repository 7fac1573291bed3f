import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { httpRequestAuthHttp } from './authHttp';
import { authorize } from './authorize';

/**
 * The credential's preAuthentication: n8n runs it when the hidden `accessToken` is empty or after
 * a 401, and persists both returned fields.
 */
export async function cxonePreAuthentication(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ accessToken: string; resolvedBaseUrl: string }> {
	const { accessToken, resolvedBaseUrl } = await authorize(
		httpRequestAuthHttp(this.helpers),
		credentials,
	);
	return { accessToken, resolvedBaseUrl };
}
