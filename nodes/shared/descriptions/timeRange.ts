import type { INodeProperties } from 'n8n-workflow';

// The time range every node that reads a window shows (the history node, the CXone node's
// performance); parameters/window.ts reads it. Names are part of saved workflows.

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** Time Range, Hours, Start and End; `show` limits them to an operation (none = always). */
export function timeRangeProperties(show: Show = {}): INodeProperties[] {
	const when = (extra: Show = {}) =>
		Object.keys({ ...show, ...extra }).length > 0
			? { displayOptions: { show: { ...show, ...extra } } }
			: {};
	return [
		{
			displayName: 'Time Range',
			name: 'timeRange',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Last N Hours', value: 'lastHours', description: 'The hours up to now' },
				{ name: 'Today', value: 'today', description: 'Midnight to now, in the timezone below' },
				{ name: 'Yesterday', value: 'yesterday', description: 'The previous calendar day' },
				{ name: 'Custom', value: 'custom', description: 'A start and an end you choose' },
			],
			default: 'lastHours',
			...when(),
		},
		{
			displayName: 'Hours',
			name: 'hours',
			type: 'number',
			typeOptions: { minValue: 0.25, numberPrecision: 2 },
			default: 24,
			description: 'How many hours back from now',
			...when({ timeRange: ['lastHours'] }),
		},
		{
			displayName: 'Start',
			name: 'start',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'Start of the window (inclusive). Without an offset it is read in the timezone below.',
			...when({ timeRange: ['custom'] }),
		},
		{
			displayName: 'End',
			name: 'end',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'End of the window (exclusive). Without an offset it is read in the timezone below.',
			...when({ timeRange: ['custom'] }),
		},
	];
}
