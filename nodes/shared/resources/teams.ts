// The team list (`GET /teams`, paged): its field table, query and item.

import { cxoneList } from '../api';
import type { FieldTable, RecordOf } from '../records/fields';
import { id, optBool, optInt, optText } from '../records/kinds';
import { validator } from '../records/validate';
import type { ListQuery } from './listRecords';
import { servicesPath } from './services';

export const TEAM_FIELDS = {
	teamId: id,
	teamName: optText,
	isActive: optBool,
	agentCount: optInt,
	description: optText,
} as const satisfies FieldTable;

export type TeamRecord = RecordOf<typeof TEAM_FIELDS>;

export const TEAM_RECORDS = validator(TEAM_FIELDS, true);

const TEAMS = cxoneList('teams');

export function teamListQuery(apiVersion: string, qs = {}): ListQuery {
	return { path: servicesPath(apiVersion, 'teams'), qs, format: TEAMS, what: 'team' };
}

export function teamItem(r: TeamRecord): TeamRecord {
	return {
		teamId: r.teamId,
		teamName: r.teamName,
		isActive: r.isActive,
		agentCount: r.agentCount,
		description: r.description,
	};
}
