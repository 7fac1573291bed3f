import { OUTPUT_MODE_NAME } from '../descriptions/outputMode';
import { oneOf } from './choice';

export type OutputMode = 'all' | 'simplified';

export const OUTPUT_MODES: readonly OutputMode[] = ['all', 'simplified'];

/** The Output parameter (descriptions/outputMode.ts); absent = All Fields. */
export function readOutputMode(value: unknown, parameter: string = OUTPUT_MODE_NAME): OutputMode {
	return oneOf(value ?? 'all', OUTPUT_MODES, parameter, 'Output');
}
