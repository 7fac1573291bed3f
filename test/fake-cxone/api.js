'use strict';
// The CXone API routes (/inContactAPI/services/vNN.N/...) and the Reporting v2 history route:
// bearer check, query validation as strict as the real API, paging, and the paging faults.

const { json, text, empty, icError, notFound } = require('./respond');
const { cxoneRecord, v2Record, assertTimeZone } = require('./render');
const dir = require('./directory');
const perf = require('./performance');

const API_RE = /^\/incontactapi\/services\/([^/]+)(?:\/(.*))?$/i;
const V2_HISTORY_RE = /^\/reporting\/v2\/agents\/states\/history\/?$/i;
// CXone wants UTC with a literal Z; offsets such as +00:00 are rejected.
const UTC_ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?Z$/;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDate(value, re) {
	if (typeof value !== 'string' || !re.test(value)) return null;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : null;
}

function parseCount(value, fallback, min) {
	if (value === undefined || value === '') return fallback;
	if (!/^\d+$/.test(value)) return null;
	const n = Number(value);
	return n >= min ? n : null;
}

function unauthorized() {
	return json(
		401,
		{ message: 'Authorization has been denied for this request.' },
		{ 'WWW-Authenticate': 'Bearer error="invalid_token"' },
	);
}

/** Null when the bearer token is good (and counts the request against expireTokenAfterRequests). */
function authorize(app, ctx) {
	const m = /^Bearer\s+(\S+)\s*$/i.exec(ctx.req.headers.authorization || '');
	if (!m) return unauthorized();
	const result = app.tokens.check(m[1]);
	if (result.entry) ctx.entry.tokenId = result.entry.id;
	if (!result.ok) {
		ctx.entry.tokenStatus = result.reason;
		return unauthorized();
	}
	const entry = result.entry;
	if (entry.requestsLeft === null) {
		const fault = app.faults.take('expireTokenAfterRequests', ctx);
		if (fault) entry.requestsLeft = Number(fault.n === undefined ? 0 : fault.n);
	}
	if (entry.requestsLeft !== null) {
		if (entry.requestsLeft <= 0) {
			entry.expired = true;
			ctx.entry.tokenStatus = 'expired';
			return unauthorized();
		}
		entry.requestsLeft--;
	}
	return null;
}

function link(app, ctx, skip, top) {
	const params = new URLSearchParams(ctx.url.searchParams);
	params.set('skip', String(skip));
	params.set('top', String(top));
	return `${app.url()}${ctx.path}?${params.toString()}`;
}

/**
 * One page of a skip/top collection with `_links`, `totalRecords` and the paging faults.
 * `items(offset, limit)` returns the page's records.
 */
function cxonePage(app, ctx, page) {
	const { total, skip, top, items, listKey } = page;
	const pageIndex = Math.floor(skip / top);
	if (app.faults.take('noContentAtPage', ctx, (c) => Number(c.page || 0) === pageIndex)) {
		return empty(204);
	}
	let offset = skip;
	// A one-record overlap: the page starts at the previous page's last record.
	if (skip > 0 && skip <= total && app.faults.take('duplicateEdge', ctx)) offset = skip - 1;
	const list = offset < total ? items(offset, top) : [];
	if (list.length === 0) return empty(204);
	const after = offset + list.length;
	let next = app.opts.nextLinks && after < total ? link(app, ctx, after, top) : null;
	if (app.opts.nextLinks && app.faults.take('repeatNextLink', ctx)) {
		next = link(app, ctx, skip, top);
	}
	const drift = app.faults.take('totalRecordsDrift', ctx);
	const envelope = page.envelope || ((v) => v);
	return json(
		200,
		envelope({
			totalRecords: drift ? total + drift.hit : total,
			businessUnitId: app.opts.businessUnitId,
			// The instant the records were cut at, not a later clock read: open durations end there.
			lastPollTime: app.opts.omitLastPollTime
				? undefined
				: new Date(page.now ?? app.now()).toISOString(),
			_links: {
				self: link(app, ctx, skip, top),
				next,
				previous: skip > 0 ? link(app, ctx, Math.max(0, skip - top), top) : null,
			},
			[listKey]: list,
		}),
	);
}

/** top/skip from the query, or an icError response. */
function paging(app, query) {
	const top = parseCount(query.top, app.opts.defaultPageSize, 1);
	if (top === null) return { error: icError(400, `Invalid top '${query.top}'`) };
	const skip = parseCount(query.skip, 0, 0);
	if (skip === null) return { error: icError(400, `Invalid skip '${query.skip}'`) };
	return { top: Math.min(top, app.opts.maxPageSize), skip };
}

function forbidden(what, permission) {
	return json(
		403,
		{ message: `The API user does not have permission to view ${what}.` },
		{ icStatusDescription: `Forbidden: missing permission ${permission}` },
	);
}

/** `true` / `false` (any case) from the query; undefined when absent; error when anything else. */
function parseBool(query, name) {
	const v = query[name];
	if (v === undefined || v === '') return { value: undefined };
	if (/^true$/i.test(v)) return { value: true };
	if (/^false$/i.test(v)) return { value: false };
	return { error: icError(400, `Invalid ${name} '${v}': use true or false`) };
}

/** A skip/top collection of prepared items (the filters already applied). */
function listPage(app, ctx, listKey, all) {
	const p = paging(app, ctx.query);
	if (p.error) return p.error;
	return cxonePage(app, ctx, {
		total: all.length,
		skip: p.skip,
		top: p.top,
		listKey,
		items: (offset, limit) => all.slice(offset, offset + limit),
	});
}

function agentsList(app, ctx) {
	if (app.opts.agentsForbidden) return forbidden('agents', 'Users - View');
	const q = ctx.query;
	const isActive = parseBool(q, 'isActive');
	if (isActive.error) return isActive.error;
	let teamId;
	if (q.teamId !== undefined && q.teamId !== '') {
		if (!/^\d+$/.test(q.teamId)) return icError(400, `Invalid teamId '${q.teamId}'`);
		teamId = Number(q.teamId);
	}
	const now = app.now();
	const agents = dir.filterAgents(app.data.agents, {
		searchString: q.searchString,
		isActive: isActive.value,
		teamId,
	});
	return listPage(
		app,
		ctx,
		'agents',
		agents.map((a) => dir.agentItem(app.data, a, now)),
	);
}

function agentById(app, ctx, idRaw) {
	if (app.opts.agentsForbidden) return forbidden('agents', 'Users - View');
	if (!/^\d+$/.test(idRaw)) return icError(400, `Invalid agentId '${idRaw}'`);
	const agent = app.data.agentById(idRaw);
	if (!agent) return icError(404, `Agent ${idRaw} was not found`);
	return json(200, { agents: [dir.agentItem(app.data, agent, app.now())] });
}

function teamsList(app, ctx) {
	if (app.opts.teamsForbidden) return forbidden('teams', 'Teams - View');
	const isActive = parseBool(ctx.query, 'isActive');
	if (isActive.error) return isActive.error;
	const teams = dir.filterTeams(dir.teamItems(app.data), {
		searchString: ctx.query.searchString,
		isActive: isActive.value,
	});
	return listPage(app, ctx, 'teams', teams);
}

function unavailableCodesList(app, ctx) {
	if (app.opts.unavailableCodesForbidden) {
		return forbidden('unavailable codes', 'Unavailable Codes - View');
	}
	const isActive = parseBool(ctx.query, 'isActive');
	if (isActive.error) return isActive.error;
	const codes = dir.filterCodes(dir.unavailableCodeItems(), {
		searchString: ctx.query.searchString,
		isActive: isActive.value,
	});
	return listPage(app, ctx, 'unavailableCodes', codes);
}

function teamCodes(app, ctx, teamIdRaw) {
	if (app.opts.unavailableCodesForbidden) {
		return forbidden('unavailable codes', 'Unavailable Codes - View');
	}
	if (!/^\d+$/.test(teamIdRaw)) return icError(400, `Invalid teamId '${teamIdRaw}'`);
	const team = app.data.teams.find((t) => t.teamId === Number(teamIdRaw));
	if (!team) return icError(404, `Team ${teamIdRaw} was not found`);
	const activeOnly = parseBool(ctx.query, 'activeOnly');
	if (activeOnly.error) return activeOnly.error;
	return json(
		200,
		dir.teamUnavailableCodes(team, activeOnly.value === true, app.opts.unavailableCodesShape),
	);
}

/** agents/states (agentIdRaw null) and agents/{agentId}/states: the Real-Time Data API. */
function agentStates(app, ctx, agentIdRaw) {
	if (app.opts.agentStatesForbidden) return forbidden('agent states', 'Real-Time Data - View');
	let agents = app.data.agents;
	if (agentIdRaw !== null) {
		if (!/^\d+$/.test(agentIdRaw)) return icError(400, `Invalid agentId '${agentIdRaw}'`);
		const agent = app.data.agentById(agentIdRaw);
		if (!agent) return icError(404, `Agent ${agentIdRaw} was not found`);
		agents = [agent];
	}
	const q = ctx.query;
	let since;
	if (q.updatedSince !== undefined && q.updatedSince !== '') {
		// Real callers send updatedSince=0 for "everything".
		since = q.updatedSince === '0' ? 0 : parseDate(q.updatedSince, ISO_RE);
		if (since === null) {
			return icError(400, `Invalid updatedSince '${q.updatedSince}': use an ISO-8601 date-time`);
		}
	}
	const p = paging(app, q);
	if (p.error) return p.error;
	const now = app.now();
	const states = dir.currentStates(app.data, app.opts, agents, now, since);
	return cxonePage(app, ctx, {
		total: states.length,
		skip: p.skip,
		top: p.top,
		listKey: 'agentStates',
		now,
		items: (offset, limit) =>
			states.slice(offset, offset + limit).map((s) => dir.shapeState(s, app.opts)),
		envelope: (e) => dir.shapeEnvelope(e, app.opts),
	});
}

/** startDate/endDate of a history or performance query, or an icError response. */
function utcWindow(q) {
	const start = parseDate(q.startDate, UTC_ISO_RE);
	if (start === null) {
		return {
			error: icError(400, `Invalid startDate '${q.startDate || ''}': use ISO-8601 UTC ending in Z`),
		};
	}
	const end = parseDate(q.endDate, UTC_ISO_RE);
	if (end === null) {
		return {
			error: icError(400, `Invalid endDate '${q.endDate || ''}': use ISO-8601 UTC ending in Z`),
		};
	}
	if (end <= start) {
		return { error: icError(400, 'Invalid startDate: startDate must be before endDate') };
	}
	return { start, end };
}

function stateHistory(app, ctx, agentIdRaw) {
	const q = ctx.query;
	let agents = app.data.agents;
	if (agentIdRaw !== null) {
		if (!/^\d+$/.test(agentIdRaw)) return icError(400, `Invalid agentId '${agentIdRaw}'`);
		const agent = app.data.agentById(agentIdRaw);
		agents = agent ? [agent] : null;
	}
	const w = utcWindow(q);
	if (w.error) return w.error;
	const { start, end } = w;
	const p = paging(app, q);
	if (p.error) return p.error;
	if (!agents) return empty(204); // unknown agent
	const now = app.now();
	const { seed, openState } = app.opts;
	return cxonePage(app, ctx, {
		total: app.data.count(agents, start, end, now),
		skip: p.skip,
		top: p.top,
		listKey: 'agentStateHistory',
		now,
		items: (offset, limit) =>
			app.data
				.slice(agents, start, end, now, offset, limit)
				.map((v) => cxoneRecord(v, now, seed, openState)),
	});
}

/**
 * agents/performance (agentIdRaw null) and agents/{agentId}/performance: one row per agent with
 * a state in [startDate, min(endDate, now)) (performance.js); 204 when there is none. Not paged.
 */
function agentPerformance(app, ctx, agentIdRaw) {
	let agents = app.data.agents;
	if (agentIdRaw !== null) {
		if (!/^\d+$/.test(agentIdRaw)) return icError(400, `Invalid agentId '${agentIdRaw}'`);
		const agent = app.data.agentById(agentIdRaw);
		if (!agent) return icError(404, `Agent ${agentIdRaw} was not found`);
		agents = [agent];
	}
	const w = utcWindow(ctx.query);
	if (w.error) return w.error;
	const now = app.now();
	const figures = perf.performanceFigures(app.data, agents, w.start, w.end, now);
	if (figures.length === 0) return empty(204);
	const single = agentIdRaw !== null;
	const casing = app.opts.performanceCasing;
	const rows = figures.map((f) =>
		perf.servedRow(f, app.data.agentById(f.agentId), { single, casing }),
	);
	const fields = single
		? {
				businessUnitId: app.opts.businessUnitId,
				lastPollTime: app.opts.omitLastPollTime ? undefined : new Date(now).toISOString(),
				agentPerformance: rows,
			}
		: { agentPerformance: rows };
	return json(200, perf.envelope(fields, casing));
}

function acceptsJson(accept) {
	return typeof accept === 'string' && accept.toLowerCase().includes('application/json');
}

function cxoneRoute(app, ctx) {
	const m = API_RE.exec(ctx.path);
	if (!m || !/^v\d+\.\d+$/i.test(m[1]) || ctx.req.method !== 'GET') return notFound();
	const denied = authorize(app, ctx);
	if (denied) return denied;
	// Real CXone answers 200 with this text when it is not asked for JSON.
	if (!acceptsJson(ctx.req.headers.accept)) return text(200, 'No known way to render data');
	const rest = (m[2] || '').replace(/\/+$/, '');
	const lower = rest.toLowerCase();
	if (lower === 'server-time') {
		// Real CXone prints seven fraction digits.
		return json(200, { ServerTime: new Date(app.now()).toISOString().replace(/Z$/, '0000Z') });
	}
	if (lower === 'agents') return agentsList(app, ctx);
	if (lower === 'agents/state-history') return stateHistory(app, ctx, null);
	if (lower === 'agents/performance') return agentPerformance(app, ctx, null);
	if (lower === 'agents/states') return agentStates(app, ctx, null);
	if (lower === 'teams') return teamsList(app, ctx);
	if (lower === 'unavailable-codes') return unavailableCodesList(app, ctx);
	const one = /^agents\/([^/]+)\/state-history$/i.exec(rest);
	if (one) return stateHistory(app, ctx, decodeURIComponent(one[1]));
	const performance = /^agents\/([^/]+)\/performance$/i.exec(rest);
	if (performance) return agentPerformance(app, ctx, decodeURIComponent(performance[1]));
	const states = /^agents\/([^/]+)\/states$/i.exec(rest);
	if (states) return agentStates(app, ctx, decodeURIComponent(states[1]));
	const agent = /^agents\/([^/]+)$/i.exec(rest);
	if (agent) return agentById(app, ctx, decodeURIComponent(agent[1]));
	const codes = /^teams\/([^/]+)\/unavailable-codes$/i.exec(rest);
	if (codes) return teamCodes(app, ctx, decodeURIComponent(codes[1]));
	return notFound();
}

function encodePageToken(offset) {
	return Buffer.from(`fake-cxone:${offset}`).toString('base64url');
}

function decodePageToken(token) {
	const m = /^fake-cxone:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
	return m ? Number(m[1]) : null;
}

function v2Error(message) {
	return json(400, { message });
}

function v2History(app, ctx) {
	if (ctx.req.method !== 'GET') return notFound();
	const denied = authorize(app, ctx);
	if (denied) return denied;
	const q = ctx.query;
	if (!q.user_id) return v2Error('user_id is required');
	if (!/^\d+$/.test(q.user_id)) return v2Error('user_id must be numeric');
	if (!q.start_date_time) return v2Error('start_date_time is required');
	if (!q.end_date_time) return v2Error('end_date_time is required');
	const start = parseDate(q.start_date_time, ISO_RE);
	if (start === null) return v2Error('start_date_time must be an ISO-8601 date-time');
	const end = parseDate(q.end_date_time, ISO_RE);
	if (end === null) return v2Error('end_date_time must be an ISO-8601 date-time');
	if (end <= start) return v2Error('end_date_time must be after start_date_time');
	const timeZone = q.timezone || 'UTC';
	try {
		assertTimeZone(timeZone);
	} catch {
		return v2Error(`Unknown timezone ${timeZone}`);
	}
	const size = parseCount(q.page_size, app.opts.defaultPageSize, 1);
	if (size === null) return v2Error('page_size must be a positive integer');
	const pageSize = Math.min(size, app.opts.maxPageSize);
	let offset = 0;
	if (q.page_token) {
		offset = decodePageToken(q.page_token);
		if (offset === null) return v2Error('Invalid page_token');
	}
	const agent = app.data.agentById(q.user_id);
	const agents = agent ? [agent] : [];
	const now = app.now();
	const total = app.data.count(agents, start, end, now);
	const pageIndex = Math.floor(offset / pageSize);
	if (app.faults.take('noContentAtPage', ctx, (c) => Number(c.page || 0) === pageIndex)) {
		return empty(204);
	}
	const requested = offset;
	if (offset > 0 && offset <= total && app.faults.take('duplicateEdge', ctx)) offset -= 1;
	const records = app.data
		.slice(agents, start, end, now, offset, pageSize)
		.map((v) => v2Record(v, now, timeZone));
	const after = offset + records.length;
	let token = after < total ? encodePageToken(after) : '';
	if (app.faults.take('repeatNextLink', ctx)) token = encodePageToken(requested);
	if (app.opts.v2TokenLocation === 'pagination') {
		const pagination = { page_size: pageSize };
		if (token) pagination.next_page_token = token; // absent on the last page
		return json(200, { records, pagination });
	}
	return json(200, { records, next_page_token: token }); // '' on the last page
}

/** Routes for the APIs; null when the path is not one of them. */
function apiRoute(app, ctx) {
	const lower = ctx.path.toLowerCase();
	if (lower.startsWith('/incontactapi/')) return cxoneRoute(app, ctx);
	if (V2_HISTORY_RE.test(ctx.path)) return v2History(app, ctx);
	return null;
}

module.exports = { apiRoute, encodePageToken, decodePageToken };
