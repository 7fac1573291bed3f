'use strict';
// Agent performance (GET agents/performance, agents/{agentId}/performance) computed from the same
// seeded states the state-history routes serve, each clipped to [start, min(end, now)). NICE does
// not publish how CXone derives these figures: the definitions here are the fake's own (README).

const { KINDS } = require('./states');
const { isoDuration } = require('./render');

const ACW_CODE = 79;

/** Row keys in the order CXone's spec lists them. */
const PERFORMANCE_KEYS = Object.freeze([
	'agentId',
	'teamId',
	'agentOffered',
	'inboundHandled',
	'inboundTime',
	'inboundTalkTime',
	'inboundAvgTalkTime',
	'outboundHandled',
	'outboundTime',
	'outboundTalkTime',
	'outboundAvgTalkTime',
	'totalHandled',
	'totalTalkTime',
	'totalAvgTalkTime',
	'totalAvgHandleTime',
	'consultTime',
	'availableTime',
	'unavailableTime',
	'acwTime',
	'refused',
	'percentRefused',
	'loginTime',
	'workingRate',
	'occupancy',
]);

const TIME_KEYS = new Set([
	'inboundTime',
	'inboundTalkTime',
	'inboundAvgTalkTime',
	'outboundTime',
	'outboundTalkTime',
	'outboundAvgTalkTime',
	'totalTalkTime',
	'totalAvgTalkTime',
	'totalAvgHandleTime',
	'consultTime',
	'availableTime',
	'unavailableTime',
	'acwTime',
	'loginTime',
]);
const COUNT_KEYS = new Set([
	'agentId',
	'teamId',
	'agentOffered',
	'inboundHandled',
	'outboundHandled',
	'totalHandled',
	'refused',
]);
const PERCENT_KEYS = new Set(['percentRefused', 'workingRate', 'occupancy']);
/** NICE's spec types these as numbers of seconds in the single-agent answer. */
const SINGLE_AGENT_SECONDS = new Set(['inboundTime', 'consultTime']);

/** Average in whole ms (what an ISO duration with ms can carry); 0 when nothing was handled. */
function average(totalMs, count) {
	return count > 0 ? Math.round(totalMs / count) : 0;
}

/** 100 × part ÷ whole rounded to 2 decimals as CXone's string ("36.81"); "0.00" when whole is 0. */
function percent(part, whole) {
	return whole > 0 ? ((100 * part) / whole).toFixed(2) : '0.00';
}

/**
 * One agent's figures over [startMs, min(endMs, nowMs)): times in ms, counts, the two rates as
 * 2-decimal strings. Null when the agent has no state in that window.
 */
function agentFigures(data, agent, startMs, endMs, nowMs) {
	const upper = Math.min(endMs, nowMs);
	const total = data.count([agent], startMs, endMs, nowMs);
	if (total === 0) return null;
	const t = {
		login: 0,
		available: 0,
		unavailable: 0,
		acw: 0,
		inbound: 0,
		outbound: 0,
		consult: 0,
		dialer: 0,
	};
	let inboundHandled = 0;
	let outboundHandled = 0;
	for (const { body, k } of data.slice([agent], startMs, endMs, nowMs, 0, total)) {
		const kind = KINDS[body.kinds[k]];
		const s = body.starts[k];
		const e = k + 1 < body.starts.length ? body.starts[k + 1] : body.end;
		// Open states count up to now; every state only for its part inside the window.
		const ms = Math.min(e, upper) - Math.max(s, startMs);
		const startsInside = s >= startMs && s < upper;
		if (kind.stateId !== 0) t.login += ms;
		switch (kind.stateId) {
			case 1:
				t.available += ms;
				break;
			case 2:
				if (kind.outStateId === ACW_CODE) t.acw += ms;
				else t.unavailable += ms;
				break;
			case 3:
				t.inbound += ms;
				if (startsInside) inboundHandled++;
				break;
			case 4:
				t.outbound += ms;
				if (startsInside) outboundHandled++;
				break;
			case 5:
			case 6:
				t.consult += ms;
				break;
			case 7:
				t.dialer += ms;
				break;
			default:
				break; // LoggedIn (8) counts in loginTime only; LoggedOut (0) nowhere
		}
	}
	const totalHandled = inboundHandled + outboundHandled;
	const talk = t.inbound + t.outbound;
	const busy = t.inbound + t.outbound + t.consult + t.dialer + t.acw;
	return {
		agentId: agent.agentId,
		teamId: agent.teamId,
		agentOffered: inboundHandled,
		inboundHandled,
		inboundTime: t.inbound,
		inboundTalkTime: t.inbound,
		inboundAvgTalkTime: average(t.inbound, inboundHandled),
		outboundHandled,
		outboundTime: t.outbound,
		outboundTalkTime: t.outbound,
		outboundAvgTalkTime: average(t.outbound, outboundHandled),
		totalHandled,
		totalTalkTime: talk,
		totalAvgTalkTime: average(talk, totalHandled),
		totalAvgHandleTime: average(talk + t.acw, totalHandled),
		consultTime: t.consult,
		availableTime: t.available,
		unavailableTime: t.unavailable,
		acwTime: t.acw,
		refused: 0,
		percentRefused: '0.00',
		loginTime: t.login,
		workingRate: percent(t.login - t.unavailable, t.login),
		occupancy: percent(busy, busy + t.available),
	};
}

/** Figures of every agent with a state in the window, agentId order. */
function performanceFigures(data, agents, startMs, endMs, nowMs) {
	const rows = [];
	for (const agent of agents) {
		const f = agentFigures(data, agent, startMs, endMs, nowMs);
		if (f) rows.push(f);
	}
	return rows;
}

/** The truth row: times in seconds (ms precision), counts and rates as numbers. */
function truthRow(f) {
	const row = {};
	for (const key of PERFORMANCE_KEYS) {
		const v = f[key];
		if (TIME_KEYS.has(key)) row[key] = v / 1000;
		else if (PERCENT_KEYS.has(key)) row[key] = Number(v);
		else row[key] = v;
	}
	return row;
}

function pascal(key) {
	return key.charAt(0).toUpperCase() + key.slice(1);
}

/**
 * A row as the API serves it: ISO durations, counts as numbers (strings for the agents whose
 * records carry numbers as strings), rates as strings; in the single-agent answer inboundTime and
 * consultTime are numbers of seconds. PascalCase keys with casing 'pascal'.
 */
function servedRow(f, agent, { single, casing }) {
	const num = agent.stringNumbers ? String : (v) => v;
	const row = {};
	for (const key of PERFORMANCE_KEYS) {
		const v = f[key];
		let out;
		if (TIME_KEYS.has(key))
			out = single && SINGLE_AGENT_SECONDS.has(key) ? v / 1000 : isoDuration(v);
		else if (COUNT_KEYS.has(key)) out = num(v);
		else out = v;
		row[casing === 'pascal' ? pascal(key) : key] = out;
	}
	return row;
}

/** The answer's keys (envelope and list) in the configured casing. */
function envelope(fields, casing) {
	if (casing !== 'pascal') return fields;
	return Object.fromEntries(Object.entries(fields).map(([k, v]) => [pascal(k), v]));
}

module.exports = {
	PERFORMANCE_KEYS,
	TIME_KEYS,
	performanceFigures,
	truthRow,
	servedRow,
	envelope,
};
