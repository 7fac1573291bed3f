// What every node class declares alike: the icon. Their methods (the credential test, which is
// the node's, not the credential's, see docs/credential-and-refresh.md, and the pickers) are in
// methods/index.ts.

import type { INodeTypeDescription } from 'n8n-workflow';

export const cxoneIcon: INodeTypeDescription['icon'] = {
	light: 'file:cxone.svg',
	dark: 'file:cxone.dark.svg',
};
