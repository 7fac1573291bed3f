/** The credential type name every node and helper refers to. */
export const CXONE_CREDENTIAL_TYPE = 'cxoneOAuth2Api';

export const DEFAULT_ISSUER_URL = 'https://cxone.niceincontact.com';

export const DEFAULT_API_VERSION = 'v27.0';

/** Upper bound for one token or discovery request, so a dead endpoint cannot hang a run. */
export const AUTH_REQUEST_TIMEOUT_MS = 30_000;
