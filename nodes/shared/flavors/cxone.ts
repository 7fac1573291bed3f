// The CXone Reporting API (inContactAPI): skip/top pages, states ended by their duration or by
// the next state, CXone's agentStateId table, and the whole directory.

import { cxoneList } from '../api';
import { CXONE_RECORDS } from '../records/validate';
import { servicesPath } from '../resources/services';
import { toCxoneUtc } from '../time/iso';
import type { Flavor, StateEnd, StateTables } from './flavor';
import { openEndMs } from './flavor';

/** CXone `agentStateId` names (NICE agent SDK enum) and categories. */
export const CXONE_STATES: StateTables = {
	names: {
		0: 'LoggedOut',
		1: 'Available',
		2: 'Unavailable',
		3: 'InboundContact',
		4: 'OutboundContact',
		5: 'InboundConsult',
		6: 'OutboundConsult',
		7: 'Dialer',
		8: 'LoggedIn',
	},
	categories: {
		0: 'loggedOut',
		1: 'available',
		2: 'unavailable',
		3: 'working',
		4: 'working',
		5: 'working',
		6: 'working',
		7: 'working',
		8: 'loggedIn',
	},
};

/** Tolerance for "the state was still running when read": CXone's duration and lastPollTime can differ by rounding. */
const OPEN_TOLERANCE_MS = 1000;

const HISTORY = cxoneList('agentStateHistory');

export const CXONE: Flavor = {
	id: 'cxone',
	label: 'CXone',
	records: CXONE_RECORDS,
	identityFields: ['agentId', 'startDate', 'stateIndex'],
	endField: 'duration',
	states: CXONE_STATES,
	/**
	 * A state is open when no later state of its session is known and it has no duration, or start
	 * + duration reaches the read instant (CXone then reports the time elapsed so far). A duration
	 * that ends within the tolerance of the read instant can also be a state that ended just
	 * before it: only a known next state tells the two apart (docs/open-states.md).
	 */
	end(r, readAtMs, readSinceMs, knownEndMs): StateEnd {
		const reported =
			r.durationSeconds === null ? undefined : r.startMs + Math.round(r.durationSeconds * 1000);
		if (knownEndMs !== undefined) {
			// A duration so far may have been read before the next state began (pages read at other
			// instants): the next state's start ends it, unless the duration ends later.
			const endMs = reported === undefined ? knownEndMs : Math.max(reported, knownEndMs);
			return { endMs, reportedEndMs: endMs, isOpen: false };
		}
		if (reported === undefined) {
			const endMs = openEndMs(r.startMs, readAtMs);
			return { endMs, reportedEndMs: endMs, isOpen: true };
		}
		const since = readSinceMs ?? readAtMs;
		const isOpen = since !== undefined && reported >= since - OPEN_TOLERANCE_MS;
		return {
			endMs: isOpen ? openEndMs(r.startMs, readAtMs) : reported,
			reportedEndMs: reported,
			isOpen,
		};
	},
	endsAtNextState: true,
	allAgents: true,
	numericAgentIds: true,
	directory: true,
	stateHistory({ apiVersion, agentId, window }) {
		const path =
			agentId === 'all'
				? servicesPath(apiVersion, 'agents', 'state-history')
				: servicesPath(apiVersion, 'agents', agentId, 'state-history');
		// UTC with a literal Z: CXone rejects offsets. Paging adds skip and top.
		const qs = { startDate: toCxoneUtc(window.startMs), endDate: toCxoneUtc(window.endMs) };
		return { format: HISTORY, path, qs };
	},
};
