// Agent names for records that carry only ids: one paged GET /agents per execution.

import { NodeApiError } from 'n8n-workflow';

import type { CxoneFunctions, RequestOptions } from '../api';
import { agentsPath, paginate } from '../api';
import { fullName } from '../directory/items';
import type { StateRecord } from '../records/stateRecord';

export interface AgentInfo {
	agentName?: string;
	teamId?: string;
	teamName?: string;
}

export type AgentDirectory =
	| { ok: true; agents: Map<string, AgentInfo> }
	| { ok: false; warning: string };

function text(v: unknown): string | undefined {
	if (v === null || v === undefined) return undefined;
	const s = String(v).trim();
	return s === '' ? undefined : s;
}

function infoOf(raw: Record<string, unknown>): AgentInfo {
	const name = fullName(
		text(raw.firstName) ?? null,
		text(raw.lastName) ?? null,
		text(raw.userName) ?? null,
	);
	return {
		agentName: name ?? undefined,
		teamId: text(raw.teamId),
		teamName: text(raw.teamName),
	};
}

/**
 * Loads the business unit's agents. A refusal (the API user may not list agents) is a warning,
 * not a failure: the states still come, without names.
 */
export async function loadAgentDirectory(
	this: CxoneFunctions,
	apiVersion: string,
	transport: RequestOptions,
): Promise<AgentDirectory> {
	const agents = new Map<string, AgentInfo>();
	// The transport throws only NodeApiError/NodeOperationError; keep them as they are.
	let failure: unknown;
	try {
		for await (const page of paginate.call(
			this,
			{ flavor: 'cxone', path: agentsPath(apiVersion), qs: {}, listKey: 'agents' },
			transport,
		)) {
			for (const raw of page.records) {
				if (raw === null || typeof raw !== 'object') continue;
				const r = raw as Record<string, unknown>;
				const id = text(r.agentId);
				if (id !== undefined) agents.set(id, infoOf(r));
			}
		}
	} catch (error) {
		failure = error;
	}
	if (failure !== undefined) {
		// Only a refusal becomes a warning; anything else fails the item as usual.
		if (
			failure instanceof NodeApiError &&
			(failure.httpCode === '403' || failure.httpCode === '401')
		) {
			return {
				ok: false,
				warning: `Agent names not resolved: CXone refused the agent list (HTTP ${failure.httpCode}: ${failure.message}). Give the API user's role permission to view agents, or turn off "Resolve Agent Names".`,
			};
		}
		throw failure;
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
