import { OUTPUT_MODE_NAME } from '../descriptions/outputMode';
import { oneOf } from './choice';
import type { ParameterReader } from './reader';

export type OutputMode = 'all' | 'simplified';

export const OUTPUT_MODES: readonly OutputMode[] = ['all', 'simplified'];

/**
 * The Output parameter (descriptions/outputMode.ts), Simplified by default for a node run as an AI
 * Agent's tool; All Fields for a node version that has no Output.
 */
export function readOutputMode(
	param: ParameterReader,
	node: { type: string },
	hasOutput = true,
): OutputMode {
	if (!hasOutput) return 'all';
	const value = param(OUTPUT_MODE_NAME, defaultOutputMode(node.type));
	return oneOf(value ?? 'all', OUTPUT_MODES, OUTPUT_MODE_NAME, 'Output');
}

/**
 * Output when none is stored: Simplified for a node run as an AI Agent's tool (type `…Tool`), else
 * All Fields. In n8n the displayed property's default (descriptions/outputMode.ts) fills it first.
 */
export function defaultOutputMode(nodeType: string): OutputMode {
	return nodeType.endsWith('Tool') ? 'simplified' : 'all';
}
