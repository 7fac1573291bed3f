'use strict';
// Turns generated state views into the JSON the APIs serve: the CXone record with its awkward real
// shapes (chosen per record by a hash, so they are deterministic), and the Reporting v2 record
// with times in a requested time zone.

const { hash4 } = require('./prng');
const { K, KINDS } = require('./states');

const DAY = 86400000;

/** ISO-8601 duration as CXone writes it: `PT4M10.003S`, `P2DT14H5M`, `PT0S`. */
function isoDuration(ms) {
	let rest = Math.max(0, Math.round(ms));
	const days = Math.floor(rest / DAY);
	rest -= days * DAY;
	const hours = Math.floor(rest / 3600000);
	rest -= hours * 3600000;
	const minutes = Math.floor(rest / 60000);
	rest -= minutes * 60000;
	const seconds = Math.floor(rest / 1000);
	const millis = rest - seconds * 1000;
	let out = 'P';
	if (days) out += `${days}D`;
	if (hours || minutes || seconds || millis || !days) {
		out += 'T';
		if (hours) out += `${hours}H`;
		if (minutes) out += `${minutes}M`;
		if (seconds || millis || (!hours && !minutes)) {
			out += millis
				? `${seconds}.${String(millis).padStart(3, '0').replace(/0+$/, '')}`
				: `${seconds}`;
			out += 'S';
		}
	}
	return out;
}

const SKILLS = [
	{ skillId: 4100001, skillName: 'Support Inbound', mediaTypeId: 4, mediaTypeName: 'Call' },
	{ skillId: 4100002, skillName: 'Sales Inbound', mediaTypeId: 4, mediaTypeName: 'Call' },
	{ skillId: 4100003, skillName: 'Support Chat', mediaTypeId: 3, mediaTypeName: 'Chat' },
];
const OUTBOUND_SKILL = {
	skillId: 4100010,
	skillName: 'Outbound Campaign',
	mediaTypeId: 4,
	mediaTypeName: 'Call',
};
const DIALER_SKILL = {
	skillId: 4100011,
	skillName: 'Predictive Dialer',
	mediaTypeId: 4,
	mediaTypeName: 'Call',
};
const CENTER_NUMBER = '+18005550100';

function phone(h) {
	return `+1555${String(h % 10000000).padStart(7, '0')}`;
}

/** Contact columns for working states; all null/0 otherwise. */
function contactFields(kindIndex, h) {
	switch (kindIndex) {
		case K.INBOUND:
		case K.IN_CONSULT: {
			const skill = kindIndex === K.INBOUND ? SKILLS[h % 3] : SKILLS[0];
			const chat = skill.mediaTypeId === 3;
			return {
				contactId: 700000000000 + (h % 1000000000),
				skill,
				fromAddress: chat ? `visitor-${h % 100000}@chat.fakecxone.test` : phone(h),
				toAddress: chat ? skill.skillName : CENTER_NUMBER,
				isOutbound: false,
			};
		}
		case K.OUTBOUND:
		case K.OUT_CONSULT:
			return {
				contactId: 700000000000 + (h % 1000000000),
				skill: OUTBOUND_SKILL,
				fromAddress: CENTER_NUMBER,
				toAddress: phone(h),
				isOutbound: true,
			};
		case K.DIALER:
			return {
				contactId: null,
				skill: DIALER_SKILL,
				fromAddress: null,
				toAddress: null,
				isOutbound: true,
			};
		default:
			return null;
	}
}

function endOf(body, k) {
	return k + 1 < body.starts.length ? body.starts[k + 1] : body.end;
}

const asIs = (v) => v;

/**
 * How the state still running at the server's now is sent: `elapsed` (a duration up to now),
 * `absent` (no duration key), `null` (`"duration": null`) or `empty` (`"duration": ""`).
 */
const OPEN_STATE_SHAPES = Object.freeze(['elapsed', 'absent', 'null', 'empty']);

/** One record exactly as the CXone state-history endpoints serve it. */
function cxoneRecord(view, nowMs, seed, openState = 'elapsed') {
	const { agent, header, body, k } = view;
	const kindIndex = body.kinds[k];
	const kind = KINDS[kindIndex];
	const startMs = body.starts[k];
	const endMs = endOf(body, k);
	const durationMs = Math.min(endMs, nowMs) - startMs;
	const h = hash4(seed, agent.agentId, header.sessionId, k);
	const num = agent.stringNumbers ? String : asIs;
	const style = h % 29;
	let duration;
	if (endMs > nowMs && openState === 'null') duration = null;
	else if (endMs > nowMs && openState === 'empty') duration = '';
	else if (style === 3) duration = durationMs / 1000;
	else if (style === 7) duration = String(durationMs / 1000);
	else duration = isoDuration(durationMs);
	const c = contactFields(kindIndex, h >>> 3);
	const rec = {
		stateIndex: num(k + 1),
		startDate: new Date(startMs).toISOString(),
		agentId: num(agent.agentId),
		agentStateId: num(kind.stateId),
		agentStateName: kind.stateName,
		agentSessionId: num(header.sessionId),
		contactId: c && c.contactId !== null ? num(c.contactId) : null,
		skillId: num(c ? c.skill.skillId : 0),
		skillName: c ? c.skill.skillName : null,
		mediaTypeId: num(c ? c.skill.mediaTypeId : 0),
		mediaTypeName: c ? c.skill.mediaTypeName : null,
		fromAddress: c ? c.fromAddress : null,
		toAddress: c ? c.toAddress : null,
		outStateId: num(kind.outStateId),
		outStateDescription: kind.outStateDescription,
		duration,
		// Flags as text too, for the agents that send numbers as strings.
		isOutbound: agent.stringNumbers ? String(c ? c.isOutbound : false) : c ? c.isOutbound : false,
		isNaturalCalling: kindIndex === K.OUTBOUND && h % 5 === 0,
		stationId: num(agent.stationId),
		stationName: agent.stationName,
	};
	rec[agent.teamField] = num(agent.teamId);
	if (h % 41 === 11) delete rec.agentStateName; // clients then fall back to the id table
	if (endMs > nowMs && openState === 'absent') delete rec.duration;
	return rec;
}

/**
 * The contact columns of one state exactly as its history record carries them (same hash), for
 * the current-state endpoints: { contactId, skill, fromAddress, toAddress, isOutbound } or null.
 */
function stateContact(view, seed) {
	const { agent, header, body, k } = view;
	return contactFields(body.kinds[k], hash4(seed, agent.agentId, header.sessionId, k) >>> 3);
}

// Offsets are cached per zone and 15-minute bucket (every real offset change falls on one).
const zoneCache = new Map();

function zoneOffsetMinutes(timeZone, ms) {
	let zone = zoneCache.get(timeZone);
	if (!zone) {
		zone = {
			fmt: new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric',
			}),
			buckets: new Map(),
		};
		zoneCache.set(timeZone, zone);
	}
	const bucket = Math.floor(ms / 900000);
	let offset = zone.buckets.get(bucket);
	if (offset === undefined) {
		const at = bucket * 900000;
		const p = {};
		for (const part of zone.fmt.formatToParts(new Date(at))) p[part.type] = Number(part.value);
		const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
		offset = Math.round((local - at) / 60000);
		if (zone.buckets.size > 100000) zone.buckets.clear();
		zone.buckets.set(bucket, offset);
	}
	return offset;
}

/** Throws RangeError for a zone Intl does not know. */
function assertTimeZone(timeZone) {
	zoneOffsetMinutes(timeZone, 0);
}

/** `2024-05-01T09:00:00.000-04:00` */
function isoInZone(ms, timeZone) {
	const off = zoneOffsetMinutes(timeZone, ms);
	const local = new Date(ms + off * 60000).toISOString().slice(0, 23);
	const abs = Math.abs(off);
	const hh = String(Math.floor(abs / 60)).padStart(2, '0');
	const mm = String(abs % 60).padStart(2, '0');
	return `${local}${off < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** One record as the Reporting v2 endpoint serves it. */
function v2Record(view, nowMs, timeZone) {
	const { agent, header, body, k } = view;
	const kind = KINDS[body.kinds[k]];
	const startMs = body.starts[k];
	const end = endOf(body, k);
	const isOpen = end > nowMs;
	return {
		user_id: String(agent.agentId),
		user_name: `${agent.firstName} ${agent.lastName}`,
		team_id: String(agent.teamId),
		team_name: agent.teamName,
		session_id: String(header.sessionId),
		state_index: k + 1,
		state_id: kind.v2StateId,
		state_name: kind.v2StateName,
		reason_id: kind.outStateId || null,
		reason_name: kind.outStateDescription,
		start_time: isoInZone(startMs, timeZone),
		end_time: isOpen ? null : isoInZone(end, timeZone),
		duration: ((isOpen ? nowMs : end) - startMs) / 1000,
	};
}

module.exports = {
	isoDuration,
	cxoneRecord,
	stateContact,
	v2Record,
	isoInZone,
	assertTimeZone,
	zoneOffsetMinutes,
	OPEN_STATE_SHAPES,
};
