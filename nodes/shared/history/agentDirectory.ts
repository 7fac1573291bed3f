// Agent names for records that carry only ids: one paged GET /agents per execution.

import type { CxoneFunctions, RequestOptions } from '../api';
import { paginate } from '../api';
import type { StateRecord } from '../records/stateRecord';
import { AGENTS, agentListQuery, nameOfAgent } from '../resources/agents';
import { refusalOf } from '../resources/refusal';

export interface AgentInfo {
	agentName?: string;
	teamId?: string;
	teamName?: string;
}

export type AgentDirectory =
	| { ok: true; agents: Map<string, AgentInfo> }
	| { ok: false; warning: string };

/**
 * Loads the business unit's agents. A refusal (the API user may not list agents) is a warning,
 * not a failure: the states still come, without names. A record the table cannot read names no
 * one: it is skipped rather than failing the states.
 */
export async function loadAgentDirectory(
	this: CxoneFunctions,
	apiVersion: string,
	transport: RequestOptions,
): Promise<AgentDirectory> {
	const agents = new Map<string, AgentInfo>();
	const query = agentListQuery(apiVersion);
	// The transport throws only NodeApiError/NodeOperationError; keep them as they are.
	let failure: unknown;
	try {
		for await (const page of paginate.call(this, query, transport)) {
			for (const raw of page.records) {
				const parsed = AGENTS.records.parse(raw);
				if (!parsed.ok) continue;
				const r = parsed.value;
				agents.set(r.agentId, {
					agentName: nameOfAgent(r) ?? undefined,
					teamId: r.teamId ?? undefined,
					teamName: r.teamName ?? undefined,
				});
			}
		}
	} catch (error) {
		failure = error;
	}
	if (failure !== undefined) {
		// Only a refusal becomes a warning; anything else fails the item as usual.
		const refusal = refusalOf(failure, 'agents');
		if (refusal === undefined) throw failure;
		return {
			ok: false,
			warning: `Agent names not resolved: ${refusal.message}. ${refusal.fix}, or turn off "Resolve Agent Names".`,
		};
	}
	return { ok: true, agents };
}

/** The record with names added, rebuilt so agentName and teamName sit after agentId as in the contract. */
function named(
	r: StateRecord,
	agentName?: string,
	teamName?: string,
	teamId?: string,
): StateRecord {
	const { recordId, agentId } = r;
	// Literals with a spread, not key-by-key copies: over a dozen keyed stores turn an object into
	// a slow dictionary (about 1.4 kB more per record and slower downstream). A spread keeps the
	// literal's leading keys in place and fills them with the record's own values.
	const rest: Partial<StateRecord> = r;
	let out: StateRecord;
	if (agentName !== undefined) {
		out = (
			teamName !== undefined
				? { recordId, agentId, agentName, teamName, ...rest }
				: { recordId, agentId, agentName, ...rest }
		) as StateRecord;
	} else {
		out = (
			teamName !== undefined ? { recordId, agentId, teamName, ...rest } : { ...r }
		) as StateRecord;
	}
	if (teamId !== undefined) out.teamId = teamId;
	return out;
}

/**
 * Adds agentName/teamName (and a missing teamId) from the directory; the record's own values win.
 * Records that gain a value are replaced in the array by a copy that keeps the contract's field order.
 */
export function applyAgentNames(records: StateRecord[], directory: AgentDirectory): void {
	if (!directory.ok) return;
	for (let i = 0; i < records.length; i++) {
		const r = records[i];
		const info = directory.agents.get(r.agentId);
		if (info === undefined) continue;
		const agentName = r.agentName ?? info.agentName;
		const teamName = r.teamName ?? info.teamName;
		const teamId = r.teamId === null ? info.teamId : undefined;
		if (agentName === r.agentName && teamName === r.teamName && teamId === undefined) continue;
		records[i] = named(r, agentName, teamName, teamId);
	}
}
