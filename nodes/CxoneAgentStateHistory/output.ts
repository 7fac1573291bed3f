// Shapes the collected records into n8n items: one per state, or one per agent with its states and
// summary; optional summary items. Every item is paired to the input item it came from.

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Summary } from '../shared/summary';
import type { StateRecord } from '../shared/records/stateRecord';
import { simplifyRecord } from '../shared/simplify';

export interface OutputInput {
	records: StateRecord[];
	summary: Summary;
	splitIntoItems: boolean;
	includeSummary: boolean;
	itemIndex: number;
	warnings: string[];
	/** Output Simplified: state items (and each agent item's states) keep only SIMPLIFIED_FIELDS. */
	simplify?: boolean;
}

function withWarnings(json: IDataObject, warnings: string[]): IDataObject {
	return warnings.length ? { ...json, warnings } : json;
}

export function buildOutputItems(input: OutputInput): INodeExecutionData[] {
	const { records, summary, itemIndex, warnings } = input;
	const shape = (record: StateRecord): IDataObject =>
		(input.simplify ? simplifyRecord(record) : record) as unknown as IDataObject;
	const pairedItem = { item: itemIndex };
	const out: INodeExecutionData[] = [];

	if (input.splitIntoItems) {
		for (const record of records) {
			const json = shape(record);
			out.push({ json: warnings.length ? withWarnings(json, warnings) : json, pairedItem });
		}
	} else {
		const byAgent = new Map<string, StateRecord[]>();
		for (const record of records) {
			const list = byAgent.get(record.agentId);
			if (list) list.push(record);
			else byAgent.set(record.agentId, [record]);
		}
		for (const agent of summary.agents) {
			// Names only when known: an undefined key would still show up in Code nodes and `in` tests.
			const json: IDataObject = { agentId: agent.agentId };
			if (agent.agentName !== undefined) json.agentName = agent.agentName;
			json.teamId = agent.teamId;
			if (agent.teamName !== undefined) json.teamName = agent.teamName;
			json.window = summary.window;
			const states = byAgent.get(agent.agentId) ?? [];
			json.states = input.simplify ? states.map(shape) : (states as unknown as IDataObject[]);
			json.summary = agent as unknown as IDataObject;
			out.push({ json: withWarnings(json, warnings), pairedItem });
		}
	}

	if (input.includeSummary) {
		if (input.splitIntoItems) {
			for (const agent of summary.agents) {
				out.push({
					json: withWarnings(
						{
							itemType: 'agentSummary',
							window: summary.window,
							...agent,
						} as unknown as IDataObject,
						warnings,
					),
					pairedItem,
				});
			}
		}
		// The per-agent list stays out: the agent items (or agent summaries) carry it.
		const windowSummary: IDataObject = { itemType: 'windowSummary' };
		for (const [key, value] of Object.entries(summary)) {
			if (key !== 'agents') windowSummary[key] = value as IDataObject[string];
		}
		out.push({ json: withWarnings(windowSummary, warnings), pairedItem });
	}

	// Nothing found is an answer, not silence: one item says so, so downstream nodes can branch on it.
	if (out.length === 0) {
		out.push({
			json: withWarnings(
				{
					itemType: 'noRecords',
					message: 'No agent states in this window',
					window: summary.window,
					invalidRecords: summary.invalidRecords,
				},
				warnings,
			),
			pairedItem,
		});
	}
	return out;
}
