import type { CxoneFunctions } from '../api';

import { CXONE_CREDENTIAL_TYPE, DEFAULT_API_VERSION } from '../auth/constants';
import type { ApiFlavor, CredentialSettings } from '../types';

export type { CredentialSettings };

export async function readCredentialSettings(this: CxoneFunctions): Promise<CredentialSettings> {
	const data = await this.getCredentials(CXONE_CREDENTIAL_TYPE);
	const flavor: ApiFlavor = data.apiFlavor === 'reportingV2' ? 'reportingV2' : 'cxone';
	const apiVersion =
		typeof data.apiVersion === 'string' && data.apiVersion.trim() !== ''
			? data.apiVersion.trim()
			: DEFAULT_API_VERSION;
	return { flavor, apiVersion };
}
