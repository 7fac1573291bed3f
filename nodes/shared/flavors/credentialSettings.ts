// What the nodes need from the credential before any request: which API (its flavor object,
// chosen once here, the only place a flavor's name is compared) and which version.

import type { CxoneFunctions } from '../api';
import { CXONE_CREDENTIAL_TYPE, DEFAULT_API_VERSION } from '../auth/constants';
import { CXONE } from './cxone';
import type { Flavor } from './flavor';
import { REPORTING_V2 } from './reportingV2';

export interface CredentialSettings {
	flavor: Flavor;
	apiVersion: string;
}

/** The flavor of the credential's API Flavor value; anything but Reporting API v2 is CXone. */
export function flavorNamed(value: unknown): Flavor {
	return value === REPORTING_V2.id ? REPORTING_V2 : CXONE;
}

export async function readCredentialSettings(this: CxoneFunctions): Promise<CredentialSettings> {
	const data = await this.getCredentials(CXONE_CREDENTIAL_TYPE);
	const apiVersion =
		typeof data.apiVersion === 'string' && data.apiVersion.trim() !== ''
			? data.apiVersion.trim()
			: DEFAULT_API_VERSION;
	return { flavor: flavorNamed(data.apiFlavor), apiVersion };
}
