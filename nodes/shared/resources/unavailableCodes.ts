// Unavailable codes (Break, Lunch, ACW codes) of the business unit (`GET /unavailable-codes`,
// paged) or of one team (`GET /teams/{teamId}/unavailable-codes`, one answer): the field table
// that reads both shapes, the query and the item.

import { optBool, optInt, optText } from '../records/kinds';
import type { ListQuery, ResourceRecord } from './listResource';
import { listQuery, listResource } from './listResource';
import { servicesPath } from './services';

export type UnavailableCodeRecord = ResourceRecord<typeof UNAVAILABLE_CODES>;

/**
 * The business-unit list sends `{ id, name, isACW, agentTimeout }`, a team's list
 * `{ outstateId, outstateName, isAcw, agentTimeoutMins }`; both read to one shape.
 */
export const UNAVAILABLE_CODES = listResource('unavailable code', 'unavailableCodes', {
	id: optInt,
	name: optText,
	isActive: optBool,
	isAcw: optBool,
	agentTimeoutMins: optInt,
	// The other list's names of the same fields, read where the names above are absent.
	outStateId: { kind: optInt, fills: 'id' },
	outStateName: { kind: optText, fills: 'name' },
	agentTimeout: { kind: optInt, fills: 'agentTimeoutMins' },
});

/** The codes of the business unit, or of one team. */
export function unavailableCodeQuery(
	apiVersion: string,
	teamId?: string,
	qs = {},
): ListQuery<UnavailableCodeRecord> {
	return teamId === undefined
		? listQuery(UNAVAILABLE_CODES, servicesPath(apiVersion, 'unavailable-codes'), qs)
		: listQuery(
				UNAVAILABLE_CODES,
				servicesPath(apiVersion, 'teams', teamId, 'unavailable-codes'),
				qs,
				'single',
			);
}

/** `agentTimeoutMins`: after how many minutes in this code CXone logs the agent out (null = never). */
export function unavailableCodeItem(r: UnavailableCodeRecord): UnavailableCodeRecord {
	return {
		id: r.id,
		name: r.name,
		isActive: r.isActive,
		isAcw: r.isAcw,
		agentTimeoutMins: r.agentTimeoutMins,
	};
}
