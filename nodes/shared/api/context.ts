import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

/** Every n8n context the transport runs in: the action nodes, the trigger and the pickers. */
export type CxoneFunctions = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export { CXONE_CREDENTIAL_TYPE } from '../auth/constants';
