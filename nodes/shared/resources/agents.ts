// The agent list (`GET /agents`, paged) and one agent (`GET /agents/{agentId}`): their field
// table, queries and item. The pickers, the agent names of state items and the CXone node's
// Agent operations read agents through here.

import { cxoneList } from '../api';
import type { FieldTable, RecordOf } from '../records/fields';
import { agentName } from '../records/agentName';
import { numericId, optBool, optId, optText } from '../records/kinds';
import { validator } from '../records/validate';
import type { ListQuery } from './listRecords';
import { servicesPath } from './services';

/** `GET /agents` and `GET /agents/{agentId}` items, read in any casing. */
export const AGENT_FIELDS = {
	agentId: numericId,
	firstName: optText,
	lastName: optText,
	userName: optText,
	emailAddress: optText,
	isActive: optBool,
	teamId: optId,
	teamName: optText,
	isSupervisor: optBool,
	timeZone: optText,
} as const satisfies FieldTable;

export type AgentRecord = RecordOf<typeof AGENT_FIELDS>;

export const AGENT_RECORDS = validator(AGENT_FIELDS, true);

const AGENTS = cxoneList('agents');
const ONE_AGENT = cxoneList('agents', 'single');

/** Every agent of the business unit; `qs` filters (isActive, searchString, teamId) or pages. */
export function agentListQuery(apiVersion: string, qs = {}): ListQuery {
	return { path: servicesPath(apiVersion, 'agents'), qs, format: AGENTS, what: 'agent' };
}

/** One page of the agent list, as the searchable picker asks for it (skip/top in `qs`). */
export function agentPageQuery(apiVersion: string, qs: object): ListQuery {
	return { ...agentListQuery(apiVersion, qs), format: ONE_AGENT };
}

export function oneAgentQuery(apiVersion: string, agentId: string): ListQuery {
	return { path: servicesPath(apiVersion, 'agents', agentId), format: ONE_AGENT, what: 'agent' };
}

/** The agent's display name: "First Last", else the user name. */
export function nameOfAgent(r: AgentRecord): string | null {
	return agentName(r.firstName, r.lastName, r.userName);
}

export interface AgentItem extends AgentRecord {
	agentName: string | null;
}

export function agentItem(r: AgentRecord): AgentItem {
	return {
		agentId: r.agentId,
		agentName: nameOfAgent(r),
		firstName: r.firstName,
		lastName: r.lastName,
		userName: r.userName,
		emailAddress: r.emailAddress,
		isActive: r.isActive,
		teamId: r.teamId,
		teamName: r.teamName,
		isSupervisor: r.isSupervisor,
		timeZone: r.timeZone,
	};
}
