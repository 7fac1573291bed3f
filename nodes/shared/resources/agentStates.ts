// Each agent's state right now (Real-Time Data API, `GET /agents/states` or
// `/agents/{agentId}/states`): its field table and query; states/stateItem.ts builds the item.

import {
	int,
	numericId,
	optBool,
	optId,
	optInstant,
	optInt,
	optRef,
	optText,
} from '../records/kinds';
import type { ListQuery, ResourceRecord } from './listResource';
import { listQuery, listResource } from './listResource';
import { servicesPath } from './services';

export type CurrentStateRecord = ResourceRecord<typeof CURRENT_STATES>;

export const CURRENT_STATES = listResource('agent state', 'agentStates', {
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
	contactId: optRef,
});

/** Every agent's current state, or one agent's. */
export function agentStatesQuery(
	apiVersion: string,
	agentId?: string,
	qs = {},
): ListQuery<CurrentStateRecord> {
	const path =
		agentId === undefined
			? servicesPath(apiVersion, 'agents', 'states')
			: servicesPath(apiVersion, 'agents', agentId, 'states');
	return listQuery(CURRENT_STATES, path, qs);
}
