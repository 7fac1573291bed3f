import type { INodeProperties } from 'n8n-workflow';

// Per-reason / per-state thresholds: the history node's Options, the trigger's State Exceeded
// Duration and any later node show this block, and parameters/thresholds.ts reads it. The rule
// itself is ../thresholds.ts; docs/thresholds.md describes it.

/** The rows parameter; its value is `{ rules: [{ label, minutes }, …] }`. */
export const THRESHOLDS_NAME = 'thresholds';
/** The row group inside it. */
export const THRESHOLD_ROWS_NAME = 'rules';
/** The catch-all, a sibling of the rows: minutes for every state without a row (0 = none). */
export const OTHER_STATES_MINUTES_NAME = 'otherStatesMinutes';

/**
 * The Thresholds rows and the Any Other State minutes. `show` is merged into both displayOptions
 * (e.g. `{ '@version': [2] }`, or the trigger's event); `use` says what a threshold does here.
 */
export function thresholdProperties(
	use: string,
	show: NonNullable<INodeProperties['displayOptions']>['show'] = {},
): INodeProperties[] {
	const displayOptions = Object.keys(show ?? {}).length > 0 ? { show } : undefined;
	return [
		{
			displayName: 'Thresholds',
			name: THRESHOLDS_NAME,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Threshold',
			default: {},
			description: `${use}. A row named like the reason (e.g. Break) wins over a row named like the state (e.g. Unavailable), which wins over Any Other State.`,
			options: [
				{
					displayName: 'Threshold',
					name: THRESHOLD_ROWS_NAME,
					values: [
						{
							displayName: 'Reason or State Name or ID',
							name: 'label',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getReasons' },
							default: '',
							description:
								'An unavailable reason such as Break, Lunch or ACW (the tenant\'s unavailable codes), or a state name such as Unavailable; any case. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Minutes',
							name: 'minutes',
							type: 'number',
							typeOptions: { minValue: 0, numberPrecision: 2 },
							default: 15,
							description: 'A state runs over once it lasts longer than this',
						},
					],
				},
			],
			...(displayOptions ? { displayOptions } : {}),
		},
		{
			displayName: 'Any Other State (Minutes)',
			name: OTHER_STATES_MINUTES_NAME,
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description:
				'The threshold of every state that no row of Thresholds names (0 = such states never run over)',
			...(displayOptions ? { displayOptions } : {}),
		},
	];
}
