import type { INode } from 'n8n-workflow';
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
