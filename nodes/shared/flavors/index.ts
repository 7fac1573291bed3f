// The API flavors: one object each (flavor.ts says what differs), chosen once from the credential.

import { InputError } from '../errors';
import type { Flavor } from './flavor';

export type { Flavor, StateEnd, StateHistoryRequest, StateTables } from './flavor';
export type { CredentialSettings } from './credentialSettings';
export { flavorNamed, readCredentialSettings } from './credentialSettings';
export { CXONE, CXONE_STATES } from './cxone';
export { REPORTING_V2, V2_STATE_HISTORY_PATH, V2_STATES } from './reportingV2';

/**
 * Throws unless the flavor has CXone's directory (agents, teams, codes, current states,
 * performance). `what` says what needs it ("Lists"), `orElse` any other way out.
 */
export function requireDirectory(flavor: Flavor, what: string, orElse = ''): void {
	if (flavor.directory) return;
	throw new InputError(
		'credential',
		`${what} come from the CXone API, and this credential uses the "${flavor.label}" flavor, which has no agent, team or unavailable-code lists. Choose a credential with API Flavor "CXone Reporting API"${orElse}.`,
	);
}
