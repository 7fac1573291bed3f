// The agent list (`GET /agents`, paged) and one agent (`GET /agents/{agentId}`): the field table,
// the queries and the item. The pickers, the agent names of state items and the CXone node's
// Agent operations read agents through here.

import { agentName } from '../records/agentName';
import { numericId, optBool, optId, optText } from '../records/kinds';
import type { ListQuery, ResourceRecord } from './listResource';
import { listQuery, listResource } from './listResource';
import { servicesPath } from './services';

/** `GET /agents` and `GET /agents/{agentId}` items. */
export const AGENTS = listResource('agent', 'agents', {
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
});

/** Every agent of the business unit; `qs` filters (isActive, searchString, teamId). */
export function agentListQuery(apiVersion: string, qs = {}): ListQuery<AgentRecord> {
	return listQuery(AGENTS, servicesPath(apiVersion, 'agents'), qs);
}

/** One page of the agent list as the searchable picker asks for it (skip and top in `qs`). */
export function agentPageQuery(apiVersion: string, qs: object): ListQuery<AgentRecord> {
	return listQuery(AGENTS, servicesPath(apiVersion, 'agents'), { ...qs }, 'single');
}

export function oneAgentQuery(apiVersion: string, agentId: string): ListQuery<AgentRecord> {
	return listQuery(AGENTS, servicesPath(apiVersion, 'agents', agentId), {}, 'single');
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

/** The validated record (the table above, with its kinds' types). */
export type AgentRecord = ResourceRecord<typeof AGENTS>;
