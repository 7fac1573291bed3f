'use strict';
// State vocabularies: CXone agentStateId table, the fake tenant's unavailable (out-state) codes,
// the Reporting v2 state table, and the generator's internal kinds that map onto all of them.

const AGENT_STATES = Object.freeze({
	0: 'LoggedOut',
	1: 'Available',
	2: 'Unavailable',
	3: 'InboundContact',
	4: 'OutboundContact',
	5: 'InboundConsult',
	6: 'OutboundConsult',
	7: 'Dialer',
	8: 'LoggedIn',
});

/** The fake tenant's unavailable codes (tenant-specific in real CXone). */
const OUT_STATES = Object.freeze({
	77: 'Lunch',
	78: 'Break',
	79: 'ACW',
	80: 'Training',
	81: 'Meeting',
});

/**
 * The business unit's unavailable-code list: every code the history uses (OUT_STATES, same ids
 * and names) plus two deactivated ones it never uses. agentTimeoutMins null = no auto time-out.
 */
const UNAVAILABLE_CODES = Object.freeze(
	[
		{ id: 77, name: OUT_STATES[77], isActive: true, isACW: false, agentTimeoutMins: 60 },
		{ id: 78, name: OUT_STATES[78], isActive: true, isACW: false, agentTimeoutMins: null },
		{ id: 79, name: OUT_STATES[79], isActive: true, isACW: true, agentTimeoutMins: 2 },
		{ id: 80, name: OUT_STATES[80], isActive: true, isACW: false, agentTimeoutMins: null },
		{ id: 81, name: OUT_STATES[81], isActive: true, isACW: false, agentTimeoutMins: 45 },
		{ id: 82, name: 'Coaching', isActive: false, isACW: false, agentTimeoutMins: null },
		{ id: 83, name: 'ACW Extended', isActive: false, isACW: true, agentTimeoutMins: 10 },
	].map((c) => Object.freeze(c)),
);

const V2_STATES = Object.freeze({
	1: 'OFFLINE',
	2: 'READY',
	3: 'BUSY',
	4: 'BREAK',
	5: 'PAUSED',
	6: 'NOT_READY',
	7: 'QUEUE_READY',
	8: 'QUEUE_BUSY',
});

// Internal kinds, indexed by a small integer stored per generated state (Uint8Array).
const K = Object.freeze({
	LOGGED_IN: 0,
	AVAILABLE: 1,
	INBOUND: 2,
	OUTBOUND: 3,
	IN_CONSULT: 4,
	OUT_CONSULT: 5,
	DIALER: 6,
	LUNCH: 7,
	BREAK: 8,
	ACW: 9,
	TRAINING: 10,
	MEETING: 11,
	LOGGED_OUT: 12,
});

function kind(stateId, outStateId, v2StateId) {
	return Object.freeze({
		stateId,
		stateName: AGENT_STATES[stateId],
		outStateId,
		outStateDescription: outStateId ? OUT_STATES[outStateId] : null,
		v2StateId,
		v2StateName: V2_STATES[v2StateId],
	});
}

// LoggedIn maps to NOT_READY and Dialer to QUEUE_READY in v2 (neither is a contact or a break).
const KINDS = Object.freeze([
	kind(8, 0, 6), // LOGGED_IN
	kind(1, 0, 2), // AVAILABLE
	kind(3, 0, 3), // INBOUND
	kind(4, 0, 3), // OUTBOUND
	kind(5, 0, 3), // IN_CONSULT
	kind(6, 0, 3), // OUT_CONSULT
	kind(7, 0, 7), // DIALER
	kind(2, 77, 4), // LUNCH
	kind(2, 78, 4), // BREAK
	kind(2, 79, 6), // ACW
	kind(2, 80, 6), // TRAINING
	kind(2, 81, 6), // MEETING
	kind(0, 0, 1), // LOGGED_OUT
]);

module.exports = { AGENT_STATES, OUT_STATES, UNAVAILABLE_CODES, V2_STATES, K, KINDS };
