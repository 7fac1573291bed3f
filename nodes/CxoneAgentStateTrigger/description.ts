import type { INodeProperties } from 'n8n-workflow';

import { agentSelectionProperties } from '../shared/descriptions/agentSelection';
import * as common from '../shared/descriptions/options';
import { outputModeProperties } from '../shared/descriptions/outputMode';
import { thresholdProperties } from '../shared/descriptions/thresholds';

// Version 1's single Duration (Minutes) and version 2's rows (docs/thresholds.md).
const V1 = { '@version': [1] };
const V2 = { '@version': [2] };

// The trigger's parameters. Names are part of saved workflows: rename nothing.
export const agentStateTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'State Ended',
				value: 'stateEnded',
				description: 'Each state record once it has ended, with its full duration',
			},
			{
				name: 'State Started',
				value: 'stateStarted',
				description: 'Each state record once it appears, usually while still open',
			},
			{
				name: 'State Exceeded Duration',
				value: 'stateExceeded',
				description:
					'A state (open or ended) that runs longer than the minutes below; once per state, e.g. a break running over',
			},
		],
		default: 'stateEnded',
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'thresholdMinutes',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 15,
		description:
			'Trigger once a state has lasted longer than this. Use the filters below to watch only some reasons or states (e.g. Break).',
		displayOptions: { show: { event: ['stateExceeded'], ...V1 } },
	},
	...thresholdProperties(
		'Trigger once a state has lasted longer than its minutes; states without a threshold never trigger. The filters below still choose which states are watched',
		{ event: ['stateExceeded'], ...V2 },
	),
	...agentSelectionProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Reasons',
				name: 'reasons',
				type: 'string',
				default: '',
				placeholder: 'Break, Lunch',
				description:
					'Only states with one of these unavailable reasons (comma-separated, any case). Empty: any reason or none.',
			},
			{
				displayName: 'States',
				name: 'states',
				type: 'string',
				default: '',
				placeholder: 'Unavailable, Break',
				description:
					'Only these states (comma-separated, any case), matched against the state name and the label (the reason, if any). Empty: all states.',
			},
		],
	},
	common.timezoneProperty('local times in the output (startTime, endTime)'),
	...outputModeProperties(V2),
	common.optionsCollection([
		common.includeRawOption,
		{
			displayName: 'Look-Back (Minutes)',
			name: 'lookBackMinutes',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1440 },
			default: 10,
			description:
				'Each poll reads again this far before the previous poll, for records CXone lists late. Already emitted states are not emitted again.',
		},
		{
			displayName: 'Max Catch-Up (Hours)',
			name: 'maxCatchUpHours',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 24,
			description:
				'After a pause (workflow inactive, n8n down), emit at most this many hours of missed states; older ones are skipped (0 = catch up on everything)',
		},
		common.resolveAgentNamesOption('when a poll has states to emit'),
		common.stateNameOverridesOption,
	]),
];
