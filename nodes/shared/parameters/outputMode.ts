import { OUTPUT_MODE_NAME } from '../descriptions/outputMode';
import { oneOf } from './choice';

export type OutputMode = 'all' | 'simplified';

export const OUTPUT_MODES: readonly OutputMode[] = ['all', 'simplified'];

/** The Output parameter (descriptions/outputMode.ts); absent = All Fields. */
export function readOutputMode(value: unknown, parameter: string = OUTPUT_MODE_NAME): OutputMode {
	return oneOf(value ?? 'all', OUTPUT_MODES, parameter, 'Output');
}

/**
 * Output when none is stored: Simplified for a node run as an AI Agent's tool (type `…Tool`), else
 * All Fields. In n8n the displayed property's default (descriptions/outputMode.ts) fills it first.
 */
export function defaultOutputMode(nodeType: string): OutputMode {
	return nodeType.endsWith('Tool') ? 'simplified' : 'all';
}
