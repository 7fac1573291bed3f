// The CXone node's parameters, built from the operation table (actions/operations.ts).

import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from './operations';

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map((r) => ({ name: r.name, value: r.value })),
	default: 'agentState',
};

const operationProperties: INodeProperties[] = RESOURCES.map((r) => {
	// n8n's linter accepts a default that is a literal or a plain name.
	const first = r.operations[0].value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [r.value] } },
		options: r.operations.map((o) => ({
			name: o.name,
			value: o.value,
			action: o.action,
			description: o.description,
		})),
		default: first,
	};
});

export const cxoneProperties: INodeProperties[] = [
	resourceProperty,
	...operationProperties,
	...RESOURCES.flatMap((r) => r.operations.flatMap((o) => o.properties)),
];
