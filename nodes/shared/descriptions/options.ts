import type { INodeProperties } from 'n8n-workflow';

import { requestOptions } from './requestOptions';

// Parameters both nodes show, with the same name and checks (parameters/*.ts read them).

/** The Timezone parameter; `use` says what the zone is for in this node. */
export function timezoneProperty(use: string): INodeProperties {
	return {
		displayName: 'Timezone Name or ID',
		name: 'timezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		default: '',
		description: `IANA timezone for ${use}; the workflow's timezone when none is chosen. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export const includeRawOption: INodeProperties = {
	displayName: 'Include Raw Record',
	name: 'includeRaw',
	type: 'boolean',
	default: false,
	description: 'Whether to add the record exactly as CXone returned it, under raw',
};

/** Resolve Agent Names; `when` says when this node reads the agent list. */
export function resolveAgentNamesOption(when: string): INodeProperties {
	return {
		displayName: 'Resolve Agent Names',
		name: 'resolveAgentNames',
		type: 'boolean',
		default: true,
		description: `Whether to look up agentName and teamName with one paged list of agents ${when}`,
	};
}

export const stateNameOverridesOption: INodeProperties = {
	displayName: 'State Names Override',
	name: 'stateNameOverrides',
	type: 'string',
	default: '',
	placeholder: '2=Not Ready, 9=Wrap Up',
	description:
		'State ID to name, for tenants whose IDs differ: "ID=name" pairs separated by commas or lines, or a JSON object',
};

/** The transport options of an operation that sends one request (no paging, no parallel pages). */
export const singleRequestOptions = requestOptions.filter(
	(o) => o.name === 'maxRetries' || o.name === 'timeoutSeconds',
);

/**
 * The Options collection: this node's own options, then the transport options every node offers
 * (or `transport`, those that apply).
 */
export function optionsCollection(
	own: INodeProperties[],
	transport: INodeProperties[] = requestOptions,
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...own, ...transport],
	};
}
