import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** A bad parameter value: names the parameter and says how to fix it. Core modules throw it; nodes wrap it. */
export class InputError extends Error {
	constructor(
		readonly parameter: string,
		message: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

function parameterOf(error: Error): string | undefined {
	const candidate = error as Error & { parameter?: unknown; field?: unknown };
	if (typeof candidate.parameter === 'string') return candidate.parameter;
	if (typeof candidate.field === 'string') return candidate.field;
	return undefined;
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
	const parameter = parameterOf(err);
	return new NodeOperationError(node, err.message, {
		itemIndex,
		description: parameter ? `Check the "${parameter}" parameter.` : undefined,
	});
}
