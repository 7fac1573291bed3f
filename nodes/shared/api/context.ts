import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

/** Every n8n context the transport runs in: the action node and the trigger. */
export type CxoneFunctions = IExecuteFunctions | IPollFunctions;

export { CXONE_CREDENTIAL_TYPE } from '../auth/constants';
