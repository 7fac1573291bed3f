// "Reporting API v2": page tokens, an end_time per record, its own state table, one agent per
// query and no directory.

import { V2_PAGES } from '../api';
import { V2_RECORDS } from '../records/validate';
import { toCxoneUtc } from '../time/iso';
import type { Flavor, StateEnd, StateTables } from './flavor';
import { openEndMs } from './flavor';

export const V2_STATE_HISTORY_PATH = '/reporting/v2/agents/states/history';

/** Reporting API v2 `state_id` names and categories. */
export const V2_STATES: StateTables = {
	names: {
		1: 'OFFLINE',
		2: 'READY',
		3: 'BUSY',
		4: 'BREAK',
		5: 'PAUSED',
		6: 'NOT_READY',
		7: 'QUEUE_READY',
		8: 'QUEUE_BUSY',
	},
	categories: {
		1: 'loggedOut',
		2: 'available',
		3: 'working',
		4: 'unavailable',
		5: 'unavailable',
		6: 'unavailable',
		7: 'available',
		8: 'working',
	},
};

export const REPORTING_V2: Flavor = {
	id: 'reportingV2',
	label: 'Reporting API v2',
	// What sets it apart: one agent per query, ids as text, no directory, ends sent with records.
	allAgents: false,
	numericAgentIds: false,
	directory: false,
	endsAtNextState: false,
	records: V2_RECORDS,
	identityFields: ['user_id', 'start_time', 'state_index'],
	endField: 'end_time',
	states: V2_STATES,
	/** Open while `end_time` is null: then it runs until the read instant. */
	end(r, readAtMs): StateEnd {
		let endMs: number;
		if (r.endMs !== null && r.endMs !== undefined) {
			endMs = r.endMs;
		} else if (readAtMs !== undefined) {
			endMs = openEndMs(r.startMs, readAtMs);
		} else if (r.durationSeconds !== null) {
			endMs = r.startMs + Math.round(r.durationSeconds * 1000);
		} else {
			endMs = Math.max(r.startMs, Date.now());
		}
		return { endMs, reportedEndMs: endMs, isOpen: r.endMs === null || r.endMs === undefined };
	},
	stateHistory({ agentId, window, timeZone }) {
		const qs = {
			user_id: agentId,
			start_date_time: toCxoneUtc(window.startMs),
			end_date_time: toCxoneUtc(window.endMs),
			timezone: timeZone,
		};
		return { format: V2_PAGES, path: V2_STATE_HISTORY_PATH, qs };
	},
};
