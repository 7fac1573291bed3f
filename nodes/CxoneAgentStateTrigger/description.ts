import type { INodeProperties } from 'n8n-workflow';

import {
	agentSelectionProperties,
	BEFORE_V3,
	FROM_V3,
} from '../shared/descriptions/agentSelection';
import { filtersCollection } from '../shared/descriptions/filters';
import * as common from '../shared/descriptions/options';
import { FROM_V2 } from '../shared/descriptions/node';
import { outputModeProperties } from '../shared/descriptions/outputMode';
import { thresholdProperties } from '../shared/descriptions/thresholds';

// Version 1's single Duration (Minutes) and version 2's rows (docs/thresholds.md).
const V1 = { '@version': [1] };
const V2 = FROM_V2;

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/**
 * The state and reason filters: comma-separated text in versions 1–2, picked from the reasons
 * list (unavailable codes and state names) from version 3. Both read as a list of names.
 */
function filters(show: Show, kind: 'string' | 'picker'): INodeProperties {
	const picker = (what: string): Partial<INodeProperties> =>
		kind === 'picker'
			? {
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getReasons' },
					default: [],
					description: `${what} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
				}
			: { type: 'string', default: '' };
	return filtersCollection(show, [
		{
			displayName: kind === 'picker' ? 'Reason Names or IDs' : 'Reasons',
			name: 'reasons',
			placeholder: 'Break, Lunch',
			description:
				'Only states with one of these unavailable reasons (comma-separated, any case). Empty: any reason or none.',
			...(picker(
				'Only states with one of these unavailable reasons (any case); none = any reason or none.',
			) as object),
		} as INodeProperties,
		{
			displayName: kind === 'picker' ? 'State Names or IDs' : 'States',
			name: 'states',
			placeholder: 'Unavailable, Break',
			description:
				'Only these states (comma-separated, any case), matched against the state name and the label (the reason, if any). Empty: all states.',
			...(picker(
				'Only these states (any case), matched against the state name and the label (the reason, if any); none = all states.',
			) as object),
		} as INodeProperties,
	]);
}

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
	filters(BEFORE_V3, 'string'),
	filters(FROM_V3, 'picker'),
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
