// What both node classes declare alike: the icon and the credential test, which is the node's, not
// the credential's (docs/credential-and-refresh.md says why).

import type { INodeTypeDescription } from 'n8n-workflow';

import { cxoneOAuth2ApiTest } from '../auth/credentialTest';

export const cxoneIcon: INodeTypeDescription['icon'] = {
	light: 'file:cxone.svg',
	dark: 'file:cxone.dark.svg',
};

export const cxoneMethods = { credentialTest: { cxoneOAuth2ApiTest } };
