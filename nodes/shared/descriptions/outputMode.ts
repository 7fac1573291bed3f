import type { INodeProperties } from 'n8n-workflow';

// The Output choice of both nodes (version 2); parameters/outputMode.ts reads it and
// ../simplify.ts holds the fields Simplified keeps.

export const OUTPUT_MODE_NAME = 'output';

/** The Output parameter; `show` is its displayOptions.show (e.g. `{ '@version': [2] }`). */
export function outputModeProperty(
	show: NonNullable<INodeProperties['displayOptions']>['show'] = {},
): INodeProperties {
	return {
		displayName: 'Output',
		name: OUTPUT_MODE_NAME,
		type: 'options',
		options: [
			{
				name: 'All Fields',
				value: 'all',
				description: 'Every field of each state (the output contract)',
			},
			{
				name: 'Simplified',
				value: 'simplified',
				description:
					'Only recordId, agentName, teamName, label, startTime, endTime, durationSeconds, durationFormatted, isOpen and overThreshold',
			},
		],
		default: 'all',
		description: 'Which fields each state item carries',
		...(Object.keys(show ?? {}).length > 0 ? { displayOptions: { show } } : {}),
	};
}
