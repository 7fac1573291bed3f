// The pickers ("From list") of every CXone node: agents, teams, unavailable codes and state names,
// timezones. They read over the same transport as the operations (auth, retry, paging, errors);
// a refusal becomes a message in the dropdown that says which permission is missing.

import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestOptions } from '../api';
import { CXONE_STATES, readCredentialSettings, requireDirectory } from '../flavors';
import * as limits from '../limits';
import type { AgentRecord } from '../resources/agents';
import { agentListQuery, agentPageQuery, nameOfAgent } from '../resources/agents';
import type { ListQuery } from '../resources/listResource';
import { listRecords } from '../resources/listRecords';
import type { ListName } from '../resources/refusal';
import { refusalOf } from '../resources/refusal';
import { teamListQuery } from '../resources/teams';
import { unavailableCodeQuery } from '../resources/unavailableCodes';

const TRANSPORT: RequestOptions = {
	maxRetries: limits.MAX_RETRIES.default,
	maxPages: limits.MAX_PAGES.default,
	pageSize: limits.PAGE_SIZE.default,
	timeoutMs: limits.TIMEOUT_SECONDS.default * 1000,
};

/** Agents per page of the searchable agent list. */
const SEARCH_PAGE = 100;

/**
 * Every record of a list, for a picker: the credential's API version (lists need a flavor with
 * CXone's directory); a 401/403 becomes a message naming the permission and the by-ID way out.
 */
async function loadList<T>(
	ctx: ILoadOptionsFunctions,
	what: ListName,
	query: (version: string) => ListQuery<T>,
): Promise<T[]> {
	const settings = await readCredentialSettings.call(ctx);
	try {
		requireDirectory(settings.flavor, 'Lists', ', or enter IDs by expression');
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message);
	}
	// The transport throws only NodeApiError/NodeOperationError; keep them as they are.
	let failure: unknown;
	try {
		const q = query(settings.apiVersion);
		return (await listRecords(ctx, q, TRANSPORT)).records;
	} catch (error) {
		failure = error;
	}
	const refusal = refusalOf(failure, what);
	if (refusal === undefined) throw failure;
	throw new NodeOperationError(ctx.getNode(), refusal.message, {
		description: `${refusal.fix}, or enter the ID with an expression.`,
	});
}

function agentOption(r: AgentRecord): INodePropertyOptions {
	const name = nameOfAgent(r) ?? `Agent ${r.agentId}`;
	return {
		name: `${name} (${r.agentId})${r.isActive === false ? ' · inactive' : ''}`,
		value: r.agentId,
		description: r.teamName ?? undefined,
	};
}

/** Active agents first, then by name. */
function byActiveThenName(a: AgentRecord, b: AgentRecord): number {
	const active = Number(b.isActive !== false) - Number(a.isActive !== false);
	if (active !== 0) return active;
	const an = nameOfAgent(a) ?? '';
	const bn = nameOfAgent(b) ?? '';
	return an.localeCompare(bn);
}

export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const records = await loadList(this, 'agents', (version) => agentListQuery(version));
	return records.sort(byActiveThenName).map(agentOption);
}

/** The searchable agent list (CXone searchString), a page at a time. */
export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const qs: Record<string, string | number> = { skip, top: SEARCH_PAGE };
	if (filter !== undefined && filter.trim() !== '') qs.searchString = filter.trim();
	const records = await loadList(this, 'agents', (version) => agentPageQuery(version, qs));
	const results = records.sort(byActiveThenName).map((r) => {
		const o = agentOption(r);
		return { name: o.name, value: r.agentId };
	});
	return records.length >= SEARCH_PAGE
		? { results, paginationToken: String(skip + records.length) }
		: { results };
}

async function teamOptions(ctx: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const records = await loadList(ctx, 'teams', (version) => teamListQuery(version));
	return records
		.map((r) => ({
			name: `${r.teamName ?? `Team ${r.teamId}`} (${r.teamId})${r.isActive === false ? ' · inactive' : ''}`,
			value: r.teamId,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getTeams(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await teamOptions(this);
}

export async function getTeamsOrBusinessUnit(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return [{ name: 'Whole Business Unit', value: '' }, ...(await teamOptions(this))];
}

/** Reason (unavailable code) names, then the state names: what a threshold or filter can name. */
export async function getReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const codes = await loadList(this, 'unavailable codes', (version) =>
		unavailableCodeQuery(version),
	);
	const seen = new Set<string>();
	const options: INodePropertyOptions[] = [];
	const add = (name: string, description: string) => {
		const key = name.toLowerCase();
		if (seen.has(key)) return;
		seen.add(key);
		options.push({ name, value: name, description });
	};
	for (const c of codes.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))) {
		if (c.name !== null) add(c.name, c.isAcw ? 'Unavailable code (ACW)' : 'Unavailable code');
	}
	for (const state of Object.values(CXONE_STATES.names)) add(state, 'Agent state');
	return options;
}

/** IANA zones, the workflow's first. */
export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const workflowZone = this.getTimezone();
	// Intl.supportedValuesOf is in every Node n8n runs on; TypeScript's lib here predates it.
	const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
	const zones = intl.supportedValuesOf?.('timeZone') ?? [];
	const rest = ['UTC', ...zones].filter((z) => z !== workflowZone);
	return [
		{ name: `Workflow Timezone (${workflowZone})`, value: '' },
		...[...new Set(rest)].map((z) => ({ name: z, value: z })),
	];
}
