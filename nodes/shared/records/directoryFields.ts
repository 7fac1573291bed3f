// The field tables of CXone's directory and real-time endpoints (agents, teams, unavailable codes,
// current agent states), read case-insensitively: older API versions send PascalCase and the
// unavailable-code endpoints spell `outstateId` or `outStateId`. Same row forms as records/fields.ts.

import type { FieldTable, RecordOf } from './fields';
import { id, int, numericId, optBool, optId, optInstant, optInt, optText } from './kinds';
import { validator } from './validate';

/** `GET /agents` and `GET /agents/{agentId}` items. */
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

/** `GET /teams` items. */
export const TEAM_FIELDS = {
	teamId: id,
	teamName: optText,
	isActive: optBool,
	agentCount: optInt,
	description: optText,
} as const satisfies FieldTable;

/**
 * Unavailable codes: the business-unit list sends `{ id, name, isACW, agentTimeout }`, a team's
 * list `{ outstateId, outstateName, isAcw, agentTimeoutMins }`; both read to one shape.
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

/** `GET /agents/states` items (Real-Time Data API): each agent's state right now. */
export const CURRENT_STATE_FIELDS = {
	agentId: numericId,
	agentStateId: { kind: int, as: 'stateId' },
	agentStateName: { kind: optText, as: 'apiStateName' },
	outStateId: { kind: optInt, as: 'reasonId' },
	outStateDescription: { kind: optText, as: 'reasonName' },
	startDate: { kind: optInstant, as: 'startMs' },
	lastUpdateTime: { kind: optInstant, as: 'lastUpdateMs' },
	firstName: optText,
	lastName: optText,
	userName: optText,
	teamId: optId,
	teamName: optText,
	isACW: { kind: optBool, as: 'isAcw' },
	skillName: optText,
	contactId: optId,
} as const satisfies FieldTable;

export type AgentRecord = RecordOf<typeof AGENT_FIELDS>;
export type TeamRecord = RecordOf<typeof TEAM_FIELDS>;
export type UnavailableCodeRecord = RecordOf<typeof UNAVAILABLE_CODE_FIELDS>;
export type CurrentStateRecord = RecordOf<typeof CURRENT_STATE_FIELDS>;

export const AGENT_RECORDS = validator(AGENT_FIELDS, true);
export const TEAM_RECORDS = validator(TEAM_FIELDS, true);
export const UNAVAILABLE_CODE_RECORDS = validator(UNAVAILABLE_CODE_FIELDS, true);
export const CURRENT_STATE_RECORDS = validator(CURRENT_STATE_FIELDS, true);
