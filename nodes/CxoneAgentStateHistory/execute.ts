// The action node's execute: per input item, plan → fetch → names → filter → sort → summarize →
// items. continueOnFail turns a failing item into an error item paired to it; the others go on.

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failedItem } from '../shared/errors';
import { readCredentialSettings } from '../shared/flavors';
import { AgentNames } from '../shared/history/agentNames';
import { inTeams } from '../shared/history/agentIds';
import { fetchStateHistory } from '../shared/history/fetchStateHistory';
import { sortRecords } from '../shared/history/sortRecords';
import { createNormalizer } from '../shared/states/normalize';
import { summarize } from '../shared/summary';
import { buildOutputItems } from './output';
import { readHistoryPlan } from './parameters';

export async function executeAgentStateHistory(
	this: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const credential = await readCredentialSettings.call(this);
	// One agent list per execution, shared by all input items.
	const names = new AgentNames(this, credential);

	for (let i = 0; i < items.length; i++) {
		try {
			const plan = readHistoryPlan.call(this, i, credential, Date.now());
			const normalize = createNormalizer(plan.normalizer);
			const fetched = await fetchStateHistory.call(this, plan.query, normalize);

			if (fetched.invalid.length > 0 && !plan.skipInvalid) {
				const first = fetched.invalid[0].message;
				throw new NodeOperationError(
					this.getNode(),
					`${fetched.invalid.length} record(s) failed validation. First: ${first}`,
					{
						itemIndex: i,
						description:
							'Turn on the option "Skip Invalid Records" to count them in invalidRecords and go on.',
					},
				);
			}

			const warnings: string[] = [];
			let records = fetched.records;
			if (plan.resolveAgentNames) {
				const warning = await names.apply(records, plan.query.transport);
				if (warning !== undefined) warnings.push(warning);
			}
			if (plan.teamFilter) {
				const teams = plan.teamFilter;
				records = records.filter((r) => inTeams(r.teamId, teams));
			}
			sortRecords(records, plan.sort);
			const summary = summarize(records, {
				boundary: plan.normalizer.boundary,
				invalidRecords: fetched.invalid.length,
				outsideWindowRecords: fetched.outsideWindow,
				window: plan.query.window,
			});
			const built = buildOutputItems({
				records,
				summary,
				splitIntoItems: plan.splitIntoItems,
				includeSummary: plan.includeSummary,
				itemIndex: i,
				warnings,
				simplify: plan.output === 'simplified',
			});
			// A loop, not push(...built): spreading ~125k+ items overflows the call stack.
			for (const item of built) returnData.push(item);
		} catch (error) {
			returnData.push(failedItem(this, error, i));
		}
	}
	return [returnData];
}
