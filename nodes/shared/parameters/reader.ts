// The one way nodes read their parameters: a reader of one input item (action nodes) or of the
// poll (the trigger), so every parameter reader takes the same thing whichever node calls it.

import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

/** One parameter's value, or `fallback` when it is not set. */
export type ParameterReader = (name: string, fallback?: unknown) => unknown;

/** The parameters of input item `itemIndex`. */
export function itemParameters(ctx: IExecuteFunctions, itemIndex: number): ParameterReader {
	return (name, fallback) => ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
}

/** The parameters of a poll (no input item). */
export function pollParameters(ctx: IPollFunctions): ParameterReader {
	return (name, fallback) => ctx.getNodeParameter(name, fallback) as unknown;
}
