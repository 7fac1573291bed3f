import type { INodeProperties } from 'n8n-workflow';

import { agentSelectionProperties } from '../shared/descriptions/agentSelection';
import {
	includeRawOption,
	optionsCollection,
	resolveAgentNamesOption,
	stateNameOverridesOption,
	timezoneProperty,
} from '../shared/descriptions/options';
import { FROM_V2 } from '../shared/descriptions/node';
import { outputModeProperties } from '../shared/descriptions/outputMode';
import { thresholdProperties } from '../shared/descriptions/thresholds';
import { timeRangeProperties } from '../shared/descriptions/timeRange';
import { CHUNK_HOURS } from '../shared/limits';

// A plain name, as n8n's linter wants for a default.
const chunkHours = CHUNK_HOURS.default;

// Version 1's single threshold and version 2's rows (docs/thresholds.md).
const V1 = { '@version': [1] };
const V2 = FROM_V2;

// The action node's parameters. Names are part of saved workflows: rename nothing.
export const agentStateHistoryProperties: INodeProperties[] = [
	...agentSelectionProperties,
	...timeRangeProperties(),
	timezoneProperty('the window and for local times in the output'),
	{
		displayName: 'Split Into Items',
		name: 'splitIntoItems',
		type: 'boolean',
		default: true,
		description:
			'Whether to output one item per state record (for Sheets or Airtable upserts on recordId). Off: one item per agent with its states and a summary.',
	},
	...outputModeProperties(V2),
	optionsCollection([
		{
			displayName: 'Boundary Handling',
			name: 'boundary',
			type: 'options',
			options: [
				{
					name: 'Clip to Window',
					value: 'clip',
					description:
						'Count only the part of each state inside the window (raw start, end and duration are kept)',
				},
				{
					name: 'As Returned',
					value: 'asReturned',
					description: 'Report states as CXone returns them',
				},
				{
					name: 'Only States That Start in the Window',
					value: 'startInWindow',
					description: 'Drop states that began before the window',
				},
			],
			default: 'clip',
		},
		{
			displayName: 'Chunk Size (Hours)',
			name: 'chunkHours',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: chunkHours,
			description:
				'Long windows are fetched in chunks of this many hours; states on chunk edges are de-duplicated',
		},
		{
			displayName: 'Flag Only These Reasons or States',
			name: 'thresholdLabels',
			type: 'string',
			default: '',
			placeholder: 'Break, Lunch',
			description:
				'Comma-separated reason or state names the threshold applies to (empty = all states)',
			displayOptions: { show: V1 },
		},
		{
			displayName: 'Flag States Longer Than (Minutes)',
			name: 'thresholdMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Sets overThreshold: true on states that ran longer than this (0 = off). A break that began before the window counts in full.',
			displayOptions: { show: V1 },
		},
		...thresholdProperties(
			'Sets overThreshold: true on states that ran longer than their minutes (none = off); a break that began before the window counts in full',
			V2,
		),
		includeRawOption,
		{
			displayName: 'Include Summary Items',
			name: 'includeSummary',
			type: 'boolean',
			default: false,
			description:
				'Whether to add one summary item per agent and one for the whole window after the states (with Split Into Items off, each agent item always carries its summary)',
		},
		resolveAgentNamesOption('per execution'),
		{
			displayName: 'Skip Invalid Records',
			name: 'skipInvalid',
			type: 'boolean',
			default: false,
			description:
				'Whether to count records that fail validation in invalidRecords instead of stopping with an error naming the record and field',
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Oldest First', value: 'startAsc' },
				{ name: 'Newest First', value: 'startDesc' },
				{ name: 'By Agent, Then Oldest First', value: 'agentStartAsc' },
			],
			default: 'startAsc',
		},
		stateNameOverridesOption,
	]),
];
