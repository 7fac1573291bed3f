// Runs the chosen operation once per input item; continueOnFail turns a failing item into an
// error item paired to it, and the others go on.

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failedItem } from '../../shared/errors';
import { cxoneApiVersion } from './common';
import { findOperation } from './operations';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	let apiVersion: string | undefined;
	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const op = findOperation(resource, operation);
			if (op === undefined) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" of "${resource}" is not known`,
					{ itemIndex: i, description: 'Choose a resource and an operation in the node.' },
				);
			}
			apiVersion ??= await cxoneApiVersion.call(this);
			for (const json of await op.execute.call(this, i, apiVersion)) {
				out.push({ json, pairedItem: { item: i } });
			}
		} catch (error) {
			out.push(failedItem(this, error, i));
		}
	}
	return [out];
}
