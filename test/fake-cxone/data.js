'use strict';
// Seeded, lazily generated agents and shifts. A shift is generated per (agent, UTC day) from its
// own PRNG stream, so any window query is consistent with any other. Shifts are kept compact
// (typed arrays of start times and kinds) in a bounded cache; records are rendered only when a
// page is served. Window counts use the cheap shift headers for shifts fully inside the window, so
// a 1M-record query is located by `skip` without building its records.

const { streamRng } = require('./prng');
const { K, KINDS } = require('./states');
const { zoneOffsetMinutes } = require('./render');

const DAY = 86400000;
const HOUR = 3600000;
const MINUTE = 60000;
const FIRST_AGENT_ID = 39260750;
const FIRST_TEAM_ID = 205970;
const MIN_STATES = 6;
const MAX_STATES = 20000;
const STREAM_HEADER = 1;
const STREAM_BODY = 2;
const STREAM_AGENT = 3;

const FIRST_NAMES = [
	'Ava',
	'Ben',
	'Chloe',
	'Diego',
	'Emma',
	'Farid',
	'Grace',
	'Hiro',
	'Isla',
	'Jamal',
];
const LAST_NAMES = [
	'Adams',
	'Brown',
	'Chen',
	'Diaz',
	'Evans',
	'Garcia',
	'Ito',
	'Kumar',
	'Lopez',
	'Okafor',
];
const TEAM_NAMES = ['Global Help Desk', 'Sales East', 'Collections', 'Tier 2 Support', 'Retention'];
const TIME_ZONES = ['America/New_York', 'America/Chicago', 'Europe/London', 'America/Los_Angeles'];

function pick(list, r) {
	return list[Math.floor(r() * list.length)];
}

function teamNameOf(teamIndex) {
	return TEAM_NAMES[teamIndex] || `Team ${teamIndex + 1}`;
}

/** The teams agents are on (205970 + k), then one deactivated team nobody is on. */
function makeTeams(count) {
	const teams = [];
	for (let k = 0; k <= count; k++) {
		teams.push(
			Object.freeze({
				teamId: FIRST_TEAM_ID + k,
				teamName: k < count ? teamNameOf(k) : 'Retired Team',
				isActive: k < count,
			}),
		);
	}
	return teams;
}

function makeAgents(seed, count, teams) {
	const agents = [];
	for (let i = 0; i < count; i++) {
		const agentId = FIRST_AGENT_ID + i;
		const r = streamRng(seed, agentId, 0, STREAM_AGENT);
		const firstName = pick(FIRST_NAMES, r);
		const lastName = pick(LAST_NAMES, r);
		const baseStartMin = 120 + Math.floor(r() * 1200); // 02:00–22:00 UTC, so some cross midnight
		const offRoll = r();
		const offFirst = offRoll < 0.75 ? 6 : Math.floor(r() * 7); // most agents have Sat+Sun off
		const teamIndex = i % teams;
		agents.push(
			Object.freeze({
				index: i,
				agentId,
				firstName,
				lastName,
				userName: `${firstName}.${lastName}${i}@fakecxone.test`.toLowerCase(),
				teamId: FIRST_TEAM_ID + teamIndex,
				teamName: teamNameOf(teamIndex),
				// Every 7th agent (i % 7 === 6) is deactivated in the directory; its history stays.
				isActive: i % 7 !== 6,
				isSupervisor: i % 5 === 4,
				timeZone: TIME_ZONES[i % TIME_ZONES.length],
				// Awkward real shapes, fixed per agent so tests can find them deterministically.
				stringNumbers: i % 4 === 1,
				teamField: i % 2 === 0 ? 'teamNo' : 'teamId',
				stationId: 10200 + i,
				stationName: `Station ${i + 1}`,
				baseStartMin,
				offDays: Object.freeze([offFirst, (offFirst + 1) % 7]),
			}),
		);
	}
	return agents;
}

/** First index in [lo, hi) where pred(i) is true, for a monotone pred. */
function lowerBound(lo, hi, pred) {
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (pred(mid)) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

function nextKind(prev, r) {
	const x = r();
	switch (prev) {
		case K.AVAILABLE:
			if (x < 0.55) return K.INBOUND;
			if (x < 0.8) return K.OUTBOUND;
			if (x < 0.9) return K.DIALER;
			return K.INBOUND;
		case K.INBOUND:
			if (x < 0.08) return K.IN_CONSULT;
			return x < 0.6 ? K.ACW : K.AVAILABLE;
		case K.OUTBOUND:
			if (x < 0.06) return K.OUT_CONSULT;
			return x < 0.55 ? K.ACW : K.AVAILABLE;
		case K.IN_CONSULT:
		case K.OUT_CONSULT:
			return x < 0.6 ? K.ACW : K.AVAILABLE;
		case K.DIALER:
			return x < 0.7 ? K.OUTBOUND : K.AVAILABLE;
		default:
			return K.AVAILABLE; // after login, ACW and any break
	}
}

/** Relative share of the shift's free time a filler state takes. */
function fillerWeight(k, r) {
	switch (k) {
		case K.AVAILABLE:
			return 0.3 + r() * 1.2;
		case K.INBOUND:
			return 1 + r() * 3;
		case K.OUTBOUND:
			return 1 + r() * 2;
		case K.ACW:
			return 0.1 + r() * 0.4;
		default:
			return 0.3 + r() * 0.8;
	}
}

function fixedDuration(k, r) {
	const a = r();
	const b = r();
	switch (k) {
		case K.BREAK:
			return Math.round((a < 0.2 ? 20 + b * 5 : 14 + b * 2) * MINUTE); // some breaks overrun
		case K.LUNCH:
			return Math.round((30 + b * 15) * MINUTE);
		case K.TRAINING:
			return Math.round((30 + b * 30) * MINUTE);
		default:
			return Math.round((15 + b * 15) * MINUTE); // MEETING
	}
}

/**
 * The UTC instant of wall-clock `localMs` (local time written as if it were UTC) in `zone`. In a
 * DST gap or overlap it is one of the two readings, which is all a shift start needs.
 */
function fromLocal(localMs, zone) {
	const guess = localMs - zoneOffsetMinutes(zone, localMs) * MINUTE;
	return localMs - zoneOffsetMinutes(zone, guess) * MINUTE;
}

class DataModel {
	constructor({
		seed,
		agents,
		teams,
		statesPerShift,
		cacheStates,
		timeShiftMs = 0,
		everyDay = false,
		shiftStartLocal = null,
	}) {
		this.seed = seed;
		this.timeShiftMs = timeShiftMs;
		this.everyDay = everyDay;
		this.shiftStartLocal = shiftStartLocal;
		this.statesPerShift = Math.min(MAX_STATES, Math.max(MIN_STATES, statesPerShift));
		this.agents = makeAgents(seed, agents, Math.max(1, teams));
		this.teams = makeTeams(Math.max(1, teams));
		this.byId = new Map(this.agents.map((a) => [a.agentId, a]));
		this.headers = new Map();
		this.bodies = new Map();
		this.bodyStates = 0;
		this.cacheStates = cacheStates || 3000000;
		this.plans = new Map();
	}

	agentById(id) {
		return this.byId.get(Number(id));
	}

	/**
	 * Serves every state `ms` later than generated (identities, shapes and shift days unchanged).
	 * The caches hold shifted times, so they start over.
	 */
	setTimeShift(ms) {
		if (ms === this.timeShiftMs) return;
		this.timeShiftMs = ms;
		this.headers.clear();
		this.bodies.clear();
		this.bodyStates = 0;
		this.plans.clear();
	}

	/** The generation day (UTC days since 1970 before the time shift) an instant falls in. */
	dayOf(ms) {
		return Math.floor((ms - this.timeShiftMs) / DAY);
	}

	/** Start of the shift of generation day `day`, before the time shift. */
	shiftStart(agent, day, jitter, msRoll) {
		const ms = Math.floor(msRoll * 1000);
		const local = this.shiftStartLocal;
		if (!local) {
			const startMin = agent.baseStartMin + jitter * 60 - 30;
			return day * DAY + Math.floor(startMin * MINUTE) + ms;
		}
		// The agent's base start (02:00–22:00 UTC) becomes 0–3 h after the local hour, so no
		// PRNG draw is added and the default data stays as it is.
		const startMin = local.hour * 60 + ((agent.baseStartMin - 120) / 1200) * 180 + jitter * 60 - 30;
		return fromLocal(day * DAY + Math.floor(startMin * MINUTE), local.zone) + ms;
	}

	/** Cheap per-shift facts, or null on a day off. */
	header(agent, day) {
		const key = day * 65536 + agent.index;
		const cached = this.headers.get(key);
		if (cached !== undefined) return cached;
		if (this.headers.size > 500000) this.headers.clear();
		const r = streamRng(this.seed, agent.agentId, day, STREAM_HEADER);
		const offRoll = r();
		const jitter = r();
		const msRoll = r();
		const nRoll = r();
		const lengthRoll = r();
		const dow = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
		let h = null;
		if (this.everyDay || (!agent.offDays.includes(dow) && offRoll >= 0.03)) {
			h = Object.freeze({
				day,
				start: this.shiftStart(agent, day, jitter, msRoll) + this.timeShiftMs,
				n: Math.max(MIN_STATES, Math.round(this.statesPerShift * (0.85 + nRoll * 0.3))),
				lengthMs: Math.round((8 + lengthRoll * 1.5) * HOUR),
				sessionId: day * 100000 + agent.index + 1,
			});
		}
		this.headers.set(key, h);
		return h;
	}

	/** Start of the first shift after `day` (the end of that day's closing LoggedOut state). */
	nextStart(agent, day) {
		for (let d = day + 1; d <= day + 60; d++) {
			const h = this.header(agent, d);
			if (h) return h.start;
		}
		return (day + 61) * DAY + this.timeShiftMs;
	}

	/** The shift's states: start times (ms), kinds, and the end of its last state. */
	body(agent, day) {
		const key = day * 65536 + agent.index;
		const cached = this.bodies.get(key);
		if (cached) {
			this.bodies.delete(key); // refresh LRU position
			this.bodies.set(key, cached);
			return cached;
		}
		const h = this.header(agent, day);
		const n = h.n;
		const r = streamRng(this.seed, agent.agentId, day, STREAM_BODY);
		const kinds = new Uint8Array(n);
		const durs = new Float64Array(n);
		const filler = new Uint8Array(n);
		kinds[0] = K.LOGGED_IN;
		durs[0] = 3000 + Math.floor(r() * 37000);
		kinds[n - 1] = K.LOGGED_OUT;

		const slots = new Map();
		const middle = n - 2;
		const place = (frac, k) => {
			let i = 1 + Math.round((middle - 1) * frac);
			while (slots.has(i)) i++;
			if (i <= n - 2) slots.set(i, k);
		};
		const extraRoll = r();
		const whichRoll = r();
		if (middle >= 3) {
			place(0.25, K.BREAK);
			place(0.5, K.LUNCH);
			place(0.75, K.BREAK);
		} else {
			place(0.5, K.LUNCH);
		}
		if (middle >= 8 && extraRoll < 0.2) {
			place(whichRoll < 0.5 ? 0.38 : 0.62, whichRoll < 0.5 ? K.TRAINING : K.MEETING);
		}

		let prev = K.LOGGED_IN;
		let fixedTotal = durs[0];
		let weightSum = 0;
		let fillers = 0;
		for (let i = 1; i <= n - 2; i++) {
			const slot = slots.get(i);
			if (slot !== undefined) {
				kinds[i] = slot;
				durs[i] = fixedDuration(slot, r);
				fixedTotal += durs[i];
				prev = slot;
				continue;
			}
			const k = nextKind(prev, r);
			kinds[i] = k;
			durs[i] = fillerWeight(k, r);
			filler[i] = 1;
			weightSum += durs[i];
			fillers++;
			prev = k;
		}
		const budget = Math.max(h.lengthMs - fixedTotal, fillers * 1000);
		for (let i = 1; i <= n - 2; i++) {
			if (filler[i]) durs[i] = Math.max(1000, Math.round((durs[i] / weightSum) * budget));
		}
		const starts = new Float64Array(n);
		starts[0] = h.start;
		for (let i = 1; i < n; i++) starts[i] = starts[i - 1] + durs[i - 1];
		const body = { starts, kinds, end: this.nextStart(agent, day) };

		this.bodies.set(key, body);
		this.bodyStates += n;
		for (const [oldKey, old] of this.bodies) {
			if (this.bodyStates <= this.cacheStates) break;
			this.bodies.delete(oldKey);
			this.bodyStates -= old.starts.length;
		}
		return body;
	}

	/**
	 * Which states of one agent overlap [startMs, endMs) and exist at nowMs: a list of
	 * { day, lo, hi } index ranges in chronological order, and their total.
	 */
	plan(agent, startMs, endMs, nowMs) {
		const upper = Math.min(endMs, nowMs);
		const key = `${agent.index}|${startMs}|${endMs}|${upper}`;
		const cached = this.plans.get(key);
		if (cached) return cached;
		const segs = [];
		let count = 0;
		if (upper > startMs) {
			// The latest shift starting before the window may still be running (or logged out) in it.
			const d0 = this.dayOf(startMs);
			let first = d0 - 60;
			for (let d = d0; d >= d0 - 60; d--) {
				const h = this.header(agent, d);
				if (h && h.start < startMs) {
					first = d;
					break;
				}
			}
			// +1: with shiftStartLocal east of UTC a day's shift starts on the UTC day before.
			const lastDay = this.dayOf(upper - 1) + 1;
			for (let d = first; d <= lastDay; d++) {
				const h = this.header(agent, d);
				if (!h || h.start >= upper) continue;
				const next = this.nextStart(agent, d);
				let lo = 0;
				let hi = h.n;
				if (!(h.start >= startMs && next <= upper)) {
					const b = this.body(agent, d);
					const { starts } = b;
					const n = starts.length;
					lo = lowerBound(0, n, (k) => (k + 1 < n ? starts[k + 1] : b.end) > startMs);
					hi = lowerBound(0, n, (k) => starts[k] >= upper);
				}
				if (hi > lo) {
					segs.push({ day: d, lo, hi });
					count += hi - lo;
				}
			}
		}
		const plan = { segs, count };
		if (this.plans.size > 50000) this.plans.clear();
		this.plans.set(key, plan);
		return plan;
	}

	/**
	 * The agent's latest state that exists at nowMs (started before it), as a view, or null when
	 * it has none in the 60 days before. The view is open when its end is after nowMs.
	 */
	latestView(agent, nowMs) {
		const p = this.plan(agent, nowMs - 1, nowMs, nowMs);
		const seg = p.segs[p.segs.length - 1];
		if (!seg) return null;
		return {
			agent,
			header: this.header(agent, seg.day),
			body: this.body(agent, seg.day),
			k: seg.hi - 1,
		};
	}

	/** Start of the agent's latest shift that began before nowMs (its last login), or null. */
	lastLogin(agent, nowMs) {
		const d0 = this.dayOf(nowMs - 1) + 1;
		for (let d = d0; d >= d0 - 60; d--) {
			const h = this.header(agent, d);
			if (h && h.start < nowMs) return h.start;
		}
		return null;
	}

	/** How many records overlap the window for these agents. */
	count(agents, startMs, endMs, nowMs) {
		let total = 0;
		for (const agent of agents) total += this.plan(agent, startMs, endMs, nowMs).count;
		return total;
	}

	/**
	 * Records [offset, offset + limit) of the window query, ordered by agent (agentId ascending)
	 * then start time, as views { agent, header, body, k } for the renderers.
	 */
	slice(agents, startMs, endMs, nowMs, offset, limit) {
		const out = [];
		if (limit <= 0) return out;
		for (const agent of agents) {
			const p = this.plan(agent, startMs, endMs, nowMs);
			if (offset >= p.count) {
				offset -= p.count;
				continue;
			}
			for (const seg of p.segs) {
				const len = seg.hi - seg.lo;
				if (offset >= len) {
					offset -= len;
					continue;
				}
				const header = this.header(agent, seg.day);
				const body = this.body(agent, seg.day);
				for (let k = seg.lo + offset; k < seg.hi; k++) {
					out.push({ agent, header, body, k });
					if (out.length >= limit) return out;
				}
				offset = 0;
			}
		}
		return out;
	}

	/** Plain facts of one record: what a correct client should derive from the served shapes. */
	canonical(view, nowMs) {
		const { agent, header, body, k } = view;
		const kind = KINDS[body.kinds[k]];
		const startMs = body.starts[k];
		const end = k + 1 < body.starts.length ? body.starts[k + 1] : body.end;
		const isOpen = end > nowMs;
		return {
			recordId: `${agent.agentId}:${header.sessionId}:${k + 1}`,
			agentId: String(agent.agentId),
			agentName: `${agent.firstName} ${agent.lastName}`,
			teamId: String(agent.teamId),
			teamName: agent.teamName,
			agentSessionId: String(header.sessionId),
			stateIndex: k + 1,
			stateId: kind.stateId,
			stateName: kind.stateName,
			reasonId: kind.outStateId || null,
			reason: kind.outStateDescription,
			v2StateId: kind.v2StateId,
			v2StateName: kind.v2StateName,
			startMs,
			endMs: isOpen ? null : end,
			durationMs: (isOpen ? nowMs : end) - startMs,
			isOpen,
		};
	}
}

module.exports = { DataModel, DAY, FIRST_AGENT_ID, FIRST_TEAM_ID };
