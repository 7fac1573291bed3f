import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, INode } from 'n8n-workflow';

import { CXONE_CREDENTIAL_TYPE } from './constants';

/**
 * Credentials for `httpRequestWithAuthentication(type, options, { credentialsDecrypted })` that
 * force a new token: an empty expirable `accessToken` makes n8n run preAuthentication (and persist
 * its result) before the request. n8n reads only `data`; id and name come from the node for
 * completeness.
 */
export function buildForceRefreshCredentials(
	node: INode,
	data: ICredentialDataDecryptedObject,
): ICredentialsDecrypted {
	const details = node.credentials?.[CXONE_CREDENTIAL_TYPE];
	return {
		id: details?.id ?? '',
		name: details?.name ?? '',
		type: CXONE_CREDENTIAL_TYPE,
		data: { ...data, accessToken: '' },
	};
}
