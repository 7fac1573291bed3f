import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

/** Every n8n context the transport can run in: the action node, the trigger, option loaders. */
export type CxoneFunctions = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export { CXONE_CREDENTIAL_TYPE } from '../auth/constants';
