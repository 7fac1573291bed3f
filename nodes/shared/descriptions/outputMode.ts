import type { INodeProperties } from 'n8n-workflow';

import { SIMPLIFIED_FIELDS } from '../simplify';

// The Output choice of every node that emits states (version 2 of the history node and the
// trigger, the CXone node's Get Current); parameters/outputMode.ts reads it and ../simplify.ts
// holds the fields Simplified keeps.

export const OUTPUT_MODE_NAME = 'output';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** What an item is ("state", "current state") and the fields Simplified keeps. */
export interface OutputModeText {
	item: string;
	fields: readonly string[];
}

const STATE: OutputModeText = { item: 'state', fields: SIMPLIFIED_FIELDS };

function property(show: Show, text: OutputModeText, fallback: 'all' | 'simplified') {
	const fields = text.fields;
	const property: INodeProperties = {
		displayName: 'Output',
		name: OUTPUT_MODE_NAME,
		type: 'options',
		options: [
			{
				name: 'All Fields',
				value: 'all',
				description: `Every field of each ${text.item}`,
			},
			{
				name: 'Simplified',
				value: 'simplified',
				description: `Only ${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`,
			},
		],
		default: fallback,
		description: `Which fields each ${text.item} item carries`,
	};
	if (Object.keys(show ?? {}).length > 0) property.displayOptions = { show };
	return property;
}

/**
 * The Output parameter, twice: All Fields by default in a workflow, Simplified by default when
 * the node runs as an AI Agent's tool (`@tool`). n8n fills in the default of the property it
 * displays, so a tool without a stored Output reads Simplified and one set to All Fields keeps
 * it. `show` is merged into both displayOptions (e.g. `{ '@version': [2] }`).
 */
export function outputModeProperties(
	show: Show = {},
	text: OutputModeText = STATE,
): INodeProperties[] {
	return [
		property({ ...show, '@tool': [false] }, text, 'all'),
		property({ ...show, '@tool': [true] }, text, 'simplified'),
	];
}
