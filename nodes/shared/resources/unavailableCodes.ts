// Unavailable codes (Break, Lunch, ACW codes) of the business unit (`GET /unavailable-codes`,
// paged) or of one team (`GET /teams/{teamId}/unavailable-codes`, one answer): the field table
// that reads both shapes, the query and the item.

import { cxoneList } from '../api';
import type { FieldTable, RecordOf } from '../records/fields';
import { optBool, optInt, optText } from '../records/kinds';
import { validator } from '../records/validate';
import type { ListQuery } from './listRecords';
import { servicesPath } from './services';

/**
 * The business-unit list sends `{ id, name, isACW, agentTimeout }`, a team's list
 * `{ outstateId, outstateName, isAcw, agentTimeoutMins }`; both read to one shape.
 */
export const UNAVAILABLE_CODE_FIELDS = {
	id: optInt,
	outStateId: { kind: optInt, fills: 'id' },
	name: optText,
	outStateName: { kind: optText, fills: 'name' },
	isActive: optBool,
	isAcw: optBool,
	agentTimeoutMins: optInt,
	agentTimeout: { kind: optInt, fills: 'agentTimeoutMins' },
} as const satisfies FieldTable;

export type UnavailableCodeRecord = RecordOf<typeof UNAVAILABLE_CODE_FIELDS>;

export const UNAVAILABLE_CODE_RECORDS = validator(UNAVAILABLE_CODE_FIELDS, true);

const BUSINESS_UNIT = cxoneList('unavailableCodes');
const ONE_TEAM = cxoneList('unavailableCodes', 'single');

/** The codes of the business unit, or of one team. */
export function unavailableCodeQuery(apiVersion: string, teamId?: string, qs = {}): ListQuery {
	return teamId === undefined
		? {
				path: servicesPath(apiVersion, 'unavailable-codes'),
				qs,
				format: BUSINESS_UNIT,
				what: 'unavailable code',
			}
		: {
				path: servicesPath(apiVersion, 'teams', teamId, 'unavailable-codes'),
				qs,
				format: ONE_TEAM,
				what: 'unavailable code',
			};
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
