// Each agent's state right now (Real-Time Data API, `GET /agents/states` or
// `/agents/{agentId}/states`): its field table and query; states/stateItem.ts builds the item.

import { cxoneList } from '../api';
import type { FieldTable, RecordOf } from '../records/fields';
import { int, numericId, optBool, optId, optInstant, optInt, optText } from '../records/kinds';
import { validator } from '../records/validate';
import type { ListQuery } from './listRecords';
import { servicesPath } from './services';

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

export type CurrentStateRecord = RecordOf<typeof CURRENT_STATE_FIELDS>;

export const CURRENT_STATE_RECORDS = validator(CURRENT_STATE_FIELDS, true);

const STATES = cxoneList('agentStates');

/** Every agent's current state, or one agent's. */
export function agentStatesQuery(apiVersion: string, agentId?: string, qs = {}): ListQuery {
	const path =
		agentId === undefined
			? servicesPath(apiVersion, 'agents', 'states')
			: servicesPath(apiVersion, 'agents', agentId, 'states');
	return { path, qs, format: STATES, what: 'agent state' };
}
