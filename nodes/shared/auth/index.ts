// What nodes and the transport import from the auth module.
export { cxoneAuthenticate } from './authenticate';
export { CXONE_CREDENTIAL_TYPE, DEFAULT_API_VERSION, DEFAULT_ISSUER_URL } from './constants';
export { cxoneOAuth2ApiTest, testCxoneConnection } from './credentialTest';
export { buildForceRefreshCredentials } from './forceRefresh';
export { cxonePreAuthentication } from './preAuthentication';
