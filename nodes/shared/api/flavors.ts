// What differs between the two API flavors: paths, query parameters and page parsing.

import type { IDataObject, INode } from 'n8n-workflow';

import { PAGE_SIZE } from '../limits';
import type { ApiFlavor } from '../types';
import { apiError } from './errors';
import type { CxoneListKey, PageEnvelope } from './schemas/page';
import { parseCxoneEnvelope, parseV2Envelope } from './schemas/page';

/** Records per page when the caller sets none. */
export const DEFAULT_PAGE_SIZE = PAGE_SIZE.default;

export const V2_STATE_HISTORY_PATH = '/reporting/v2/agents/states/history';

function servicesRoot(version: string): string {
	return `/inContactAPI/services/${encodeURIComponent(version.trim())}`;
}

/** State history of one agent, or of all agents with 'all'. */
export function stateHistoryPath(version: string, agentId: string | number): string {
	const agent = String(agentId).trim();
	return agent === 'all'
		? `${servicesRoot(version)}/agents/state-history`
		: `${servicesRoot(version)}/agents/${encodeURIComponent(agent)}/state-history`;
}

/** The agent list (paged with skip/top, records under `agents`), or one agent. */
export function agentsPath(version: string, agentId?: string): string {
	const root = `${servicesRoot(version)}/agents`;
	return agentId === undefined ? root : `${root}/${encodeURIComponent(agentId.trim())}`;
}

/** The team list (paged, records under `teams`). */
export function teamsPath(version: string): string {
	return `${servicesRoot(version)}/teams`;
}

/** Unavailable codes of the business unit (paged), or of one team (one answer). */
export function unavailableCodesPath(version: string, teamId?: string): string {
	return teamId === undefined
		? `${servicesRoot(version)}/unavailable-codes`
		: `${servicesRoot(version)}/teams/${encodeURIComponent(teamId.trim())}/unavailable-codes`;
}

/** Current states (Real-Time Data API) of all agents, or of one. */
export function agentStatesPath(version: string, agentId?: string): string {
	return `${agentsPath(version, agentId)}/states`;
}

/**
 * Query of a CXone state-history window. Dates are UTC ISO strings with a literal Z. Paging (skip,
 * top) is paginate's to add, from the page size option.
 */
export function cxoneStateHistoryQuery(startDate: string, endDate: string): IDataObject {
	return { startDate, endDate };
}

export interface V2QueryInput {
	userId: string;
	startDateTime: string;
	endDateTime: string;
	timezone: string;
}

/** Query of a Reporting API v2 window; paginate adds page_size (and page_token after the first page). */
export function v2StateHistoryQuery(input: V2QueryInput): IDataObject {
	return {
		user_id: input.userId,
		start_date_time: input.startDateTime,
		end_date_time: input.endDateTime,
		timezone: input.timezone,
	};
}

/**
 * Turns CXone's absolute `_links.next` into a path relative to the API base URL (from
 * `/inContactAPI/`, any case, with its query), so the token never goes to another host and the
 * credential's base URL applies. Undefined when the link has no such part.
 */
export function relativeNextLink(link: string): string | undefined {
	const at = link.search(/\/incontactapi\//i);
	if (at < 0) return undefined;
	const rest = link.slice(at);
	return rest.split('#')[0];
}

/** Parses one page of `flavor`; an unexpected shape is a NodeApiError naming what was wrong. */
export function parsePage(
	node: INode,
	flavor: ApiFlavor,
	body: unknown,
	listKey: CxoneListKey = 'agentStateHistory',
): PageEnvelope {
	const result = flavor === 'cxone' ? parseCxoneEnvelope(body, listKey) : parseV2Envelope(body);
	if (result.ok) return result.page;
	const api = flavor === 'cxone' ? 'CXone' : 'Reporting API v2';
	throw apiError(
		node,
		null,
		`Unexpected response shape from ${api}: ${result.problem}`,
		flavor === 'cxone'
			? 'Check the API flavor and the API version in the credential.'
			: 'Check the API flavor in the credential: this endpoint did not answer like Reporting API v2.',
	);
}
