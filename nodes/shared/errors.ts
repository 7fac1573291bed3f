import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * A bad parameter value: `parameter` is the parameter's real name (as in the description, with
 * `options.` for collection members) and the message says how to fix it. Core modules throw it;
 * toNodeError wraps it.
 */
export class InputError extends Error {
	constructor(
		readonly parameter: string,
		message: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

/**
 * Turns whatever a core module threw into the n8n error a user should read, tagged with the input
 * item. NodeApiError and NodeOperationError pass through (re-wrapping returns the same object).
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context = { ...(error.context ?? {}), itemIndex };
		return error;
	}
	const err = error instanceof Error ? error : new Error(String(error));
	return new NodeOperationError(node, err.message, {
		itemIndex,
		description: err instanceof InputError ? `Check the "${err.parameter}" parameter.` : undefined,
	});
}

/**
 * What a failed input item becomes: with continueOnFail an error item paired to it (the other
 * items go on), else the node error, thrown.
 */
export function failedItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	const nodeError = toNodeError(ctx.getNode(), error, itemIndex);
	if (!ctx.continueOnFail()) throw nodeError;
	return {
		json: { error: nodeError.message, description: nodeError.description ?? null },
		pairedItem: { item: itemIndex },
	};
}
