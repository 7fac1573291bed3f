// The team list (`GET /teams`, paged): its field table, query and item.

import { id, optBool, optInt, optText } from '../records/kinds';
import type { ListQuery, ResourceRecord } from './listResource';
import { listQuery, listResource } from './listResource';
import { servicesPath } from './services';

export const TEAMS = listResource('team', 'teams', {
	teamId: id,
	teamName: optText,
	isActive: optBool,
	agentCount: optInt,
	description: optText,
});

export const teamListQuery = (apiVersion: string, qs = {}): ListQuery<TeamRecord> =>
	listQuery(TEAMS, servicesPath(apiVersion, 'teams'), qs);

export function teamItem(r: TeamRecord): TeamRecord {
	return {
		teamId: r.teamId,
		teamName: r.teamName,
		isActive: r.isActive,
		agentCount: r.agentCount,
		description: r.description,
	};
}

/** The validated record (the table above, with its kinds' types). */
export type TeamRecord = ResourceRecord<typeof TEAMS>;
