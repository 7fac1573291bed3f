// What every node class declares alike: the icon. Their methods (the credential test, which is
// the node's, not the credential's, see docs/credential-and-refresh.md, and the pickers) are in
// methods/index.ts.

import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const cxoneIcon: INodeTypeDescription['icon'] = {
	light: 'file:cxone.svg',
	dark: 'file:cxone.dark.svg',
};

/**
 * The history node's and the trigger's versions: 2 added the Thresholds rows and Output
 * (docs/thresholds.md), 3 picks agents From List by default and the trigger's filters from the
 * reasons list.
 */
export const stateNodeVersions: Pick<INodeTypeDescription, 'version' | 'defaultVersion'> = {
	version: [1, 2, 3],
	defaultVersion: 3,
};

/** Parameters of version 2 and later (Thresholds rows, Output). */
export const FROM_V2 = { '@version': [{ _cnd: { gte: 2 } }] };

/** An action node: one main input and output (usableAsTool stays a literal: the linter reads it). */
export const actionNodeConnections: Pick<INodeTypeDescription, 'inputs' | 'outputs'> = {
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
};
