'use strict';
// The directory and real-time views of the seeded data: agent and team items, the unavailable
// codes, and each agent's current state. Current states are the open last state of each agent's
// state history at the server's now (data.latestView + data.canonical + render.stateContact), so
// they always agree with what agents/state-history serves at the same now.

const { UNAVAILABLE_CODES, AGENT_STATES, K, KINDS } = require('./states');
const { stateContact } = require('./render');

const ACW_IDS = new Set(UNAVAILABLE_CODES.filter((c) => c.isACW).map((c) => c.id));

/** One agent as GET agents and GET agents/{agentId} serve it. */
function agentItem(data, agent, nowMs) {
	const item = {
		agentId: agent.agentId,
		userName: agent.userName,
		firstName: agent.firstName,
		lastName: agent.lastName,
		emailAddress: agent.userName,
		isActive: agent.isActive,
		teamId: agent.teamId,
		teamName: agent.teamName,
		isSupervisor: agent.isSupervisor,
	};
	const login = data.lastLogin(agent, nowMs);
	if (login !== null) item.lastLogin = new Date(login).toISOString(); // absent: never logged in
	item.timeZone = agent.timeZone;
	return item;
}

/** Case-insensitive substring match of any of the values. */
function matches(search, values) {
	if (search === undefined || search === '') return true;
	const needle = search.toLowerCase();
	return values.some((v) => String(v).toLowerCase().includes(needle));
}

/** Agents after the GET agents filters (already validated): searchString, isActive, teamId. */
function filterAgents(agents, f) {
	return agents.filter(
		(a) =>
			matches(f.searchString, [a.firstName, a.lastName, a.userName, a.agentId]) &&
			(f.isActive === undefined || a.isActive === f.isActive) &&
			(f.teamId === undefined || a.teamId === f.teamId),
	);
}

/** Every team as GET teams serves it (the last one is deactivated and has no agents). */
function teamItems(data) {
	return data.teams.map((t, k) => {
		const item = {
			teamId: t.teamId,
			teamName: t.teamName,
			isActive: t.isActive,
			agentCount: data.agents.filter((a) => a.teamId === t.teamId).length,
		};
		if (k % 2 === 0) item.description = `${t.teamName} (fake CXone team ${k + 1})`;
		return item;
	});
}

function filterTeams(teams, f) {
	return teams.filter(
		(t) =>
			matches(f.searchString, [t.teamName, t.teamId]) &&
			(f.isActive === undefined || t.isActive === f.isActive),
	);
}

/** GET unavailable-codes items (business-unit wide). */
function unavailableCodeItems() {
	return UNAVAILABLE_CODES.map((c) => ({
		id: c.id,
		name: c.name,
		isActive: c.isActive,
		isACW: c.isACW,
		agentTimeout: c.agentTimeoutMins,
	}));
}

function filterCodes(codes, f) {
	return codes.filter(
		(c) =>
			matches(f.searchString, [c.name]) && (f.isActive === undefined || c.isActive === f.isActive),
	);
}

/** GET teams/{teamId}/unavailable-codes body: every team has the business unit's codes. */
function teamUnavailableCodes(team, activeOnly, shape) {
	const codes = UNAVAILABLE_CODES.filter((c) => !activeOnly || c.isActive);
	if (shape === 'resultSet') {
		return {
			resultSet: {
				teamId: team.teamId,
				teamName: team.teamName,
				unavailableCodes: codes.map((c) => ({
					outStateId: c.id,
					outStateName: c.name,
					isActive: c.isActive,
					isAcw: c.isACW,
				})),
			},
		};
	}
	return {
		teamId: team.teamId,
		teamName: team.teamName,
		unavailableCodes: codes.map((c) => ({
			outstateId: c.id,
			outstateName: c.name,
			isActive: c.isActive,
			isAcw: c.isACW,
			agentTimeoutMins: c.agentTimeoutMins,
		})),
	};
}

function category(stateId) {
	if (stateId >= 3 && stateId <= 7) return 'Working';
	return AGENT_STATES[stateId];
}

/**
 * One agent's current state (camelCase, numbers as numbers): its history's open last state at
 * nowMs, or LoggedOut from the end of its last state (startDate null when it has none).
 * `startMs` (null or epoch ms) is returned beside the item for filtering.
 */
function currentState(data, opts, agent, nowMs) {
	const view = data.latestView(agent, nowMs);
	const c = view ? data.canonical(view, nowMs) : null;
	let kind = KINDS[K.LOGGED_OUT];
	let contact = null;
	let startMs = null;
	if (c && c.isOpen) {
		kind = KINDS[view.body.kinds[view.k]];
		contact = stateContact(view, opts.seed);
		startMs = c.startMs;
	} else if (c) {
		startMs = c.endMs; // the end of the last state
	}
	const startDate = startMs === null ? null : new Date(startMs).toISOString();
	const item = {
		agentId: agent.agentId,
		agentStateId: kind.stateId,
		agentStateName: kind.stateName,
		agentStateCategory: category(kind.stateId),
		businessUnitId: opts.businessUnitId,
		contactId: contact && contact.contactId !== null ? contact.contactId : null,
		isActive: agent.isActive,
		isACW: ACW_IDS.has(kind.outStateId),
		isOutbound: contact ? contact.isOutbound : false,
		firstName: agent.firstName,
		lastName: agent.lastName,
		userName: agent.userName,
		lastUpdateTime: startDate,
		mediaTypeId: contact ? contact.skill.mediaTypeId : 0,
		mediaTypeName: contact ? contact.skill.mediaTypeName : null,
		outStateId: kind.outStateId,
		outStateDescription: kind.outStateDescription,
		skillId: contact ? contact.skill.skillId : 0,
		skillName: contact ? contact.skill.skillName : null,
		startDate,
		teamId: agent.teamId,
		teamName: agent.teamName,
		stationId: agent.stationId,
	};
	return { item, startMs };
}

/** Current states of these agents, ordered by agentId; updatedSinceMs keeps startMs >= it. */
function currentStates(data, opts, agents, nowMs, updatedSinceMs) {
	const out = [];
	for (const agent of agents) {
		const s = currentState(data, opts, agent, nowMs);
		if (updatedSinceMs !== undefined && (s.startMs === null || s.startMs < updatedSinceMs)) {
			continue;
		}
		out.push(s.item);
	}
	return out;
}

const NUMBER_KEYS = [
	'agentId',
	'agentStateId',
	'businessUnitId',
	'contactId',
	'mediaTypeId',
	'outStateId',
	'skillId',
	'teamId',
	'stationId',
];

function pascal(key) {
	return key.startsWith('_') ? key : key.charAt(0).toUpperCase() + key.slice(1);
}

/** A current-state item in the configured shape (numbers as strings, PascalCase keys). */
function shapeState(item, opts) {
	let out = item;
	if (opts.currentStateNumbersAsStrings) {
		out = { ...item };
		for (const k of NUMBER_KEYS) if (out[k] !== null) out[k] = String(out[k]);
	}
	if (opts.currentStateCasing === 'pascal') {
		out = Object.fromEntries(Object.entries(out).map(([k, v]) => [pascal(k), v]));
	}
	return out;
}

/** The page envelope's keys in PascalCase when asked (`_links` and its keys stay as they are). */
function shapeEnvelope(envelope, opts) {
	if (opts.currentStateCasing !== 'pascal') return envelope;
	return Object.fromEntries(Object.entries(envelope).map(([k, v]) => [pascal(k), v]));
}

module.exports = {
	agentItem,
	filterAgents,
	teamItems,
	filterTeams,
	unavailableCodeItems,
	filterCodes,
	teamUnavailableCodes,
	currentStates,
	shapeState,
	shapeEnvelope,
};
