import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { CXONE_CREDENTIAL_TYPE, DEFAULT_API_VERSION } from '../auth/constants';
import type { ApiFlavor } from '../types';

/** What the nodes need from the credential before any request: which API and which version. */
export interface CredentialSettings {
	flavor: ApiFlavor;
	apiVersion: string;
}

export async function readCredentialSettings(
	this: IExecuteFunctions | IPollFunctions,
): Promise<CredentialSettings> {
	const data = await this.getCredentials(CXONE_CREDENTIAL_TYPE);
	const flavor: ApiFlavor = data.apiFlavor === 'reportingV2' ? 'reportingV2' : 'cxone';
	const apiVersion =
		typeof data.apiVersion === 'string' && data.apiVersion.trim() !== ''
			? data.apiVersion.trim()
			: DEFAULT_API_VERSION;
	return { flavor, apiVersion };
}
