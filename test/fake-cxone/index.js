'use strict';
// Public entry of the fake CXone server: createFakeCxone(options) wires the data model, tokens,
// faults and HTTP server together and returns the control surface tests, the demo and the
// benchmark share. See index.d.ts for the API and README.md for the data it serves.

const { DataModel } = require('./data');
const { TokenStore } = require('./tokens');
const { Faults, FAULT_NAMES } = require('./faults');
const { createHttpServer } = require('./server');
const {
	cxoneRecord,
	v2Record,
	isoDuration,
	assertTimeZone,
	OPEN_STATE_SHAPES,
} = require('./render');
const { AGENT_STATES, OUT_STATES, UNAVAILABLE_CODES, V2_STATES } = require('./states');
const dir = require('./directory');
const perf = require('./performance');

const DEFAULT_NOW = Date.parse('2024-05-08T18:00:00.000Z');

/** Fixed credential values; the keys contain '=', '+' and '/' so bad URL-encoding breaks them. */
const CREDENTIALS = Object.freeze({
	clientId: 'fake-cxone-client@FakeVendor',
	clientSecret: 'Fake+Client/Secret==',
	accessKeyId: 'FAKEKEY+ID/4607084=',
	accessKeySecret: 'fAk3+S3cr3t/Acc3ss/K3y==',
});

function toMs(value, name) {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string') {
		const ms = Date.parse(value);
		if (Number.isFinite(ms)) return ms;
	}
	throw new Error(`${name} must be epoch milliseconds or an ISO date, got ${String(value)}`);
}

function openStateShape(value) {
	const shape = value === undefined ? 'elapsed' : String(value);
	if (!OPEN_STATE_SHAPES.includes(shape)) {
		throw new Error(`openState must be one of ${OPEN_STATE_SHAPES.join(', ')}, got ${shape}`);
	}
	return shape;
}

const UNAVAILABLE_CODES_SHAPES = Object.freeze(['default', 'resultSet']);
const CURRENT_STATE_CASINGS = Object.freeze(['camel', 'pascal']);
const PERFORMANCE_CASINGS = Object.freeze(['camel', 'pascal']);

function oneOf(name, list, value, fallback) {
	const v = value === undefined ? fallback : String(value);
	if (!list.includes(v)) throw new Error(`${name} must be one of ${list.join(', ')}, got ${v}`);
	return v;
}

function flag(name, value) {
	if (value === undefined) return false;
	if (typeof value !== 'boolean') throw new Error(`${name} must be true or false, got ${value}`);
	return value;
}

/** timeShiftMs: whole ms, either sign. */
function timeShift(value) {
	if (value === undefined) return 0;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new Error(`timeShiftMs must be a finite number of ms, got ${value}`);
	}
	return Math.round(value);
}

/** `{ zone, hour }` or null; the zone must be one Intl knows. */
function shiftStartLocal(value) {
	if (value === undefined || value === null) return null;
	const { zone, hour } = value;
	try {
		assertTimeZone(zone);
	} catch {
		throw new Error(`shiftStartLocal.zone must be an IANA time zone, got ${zone}`);
	}
	if (typeof hour !== 'number' || !(hour >= 0 && hour < 24)) {
		throw new Error(`shiftStartLocal.hour must be a number from 0 to under 24, got ${hour}`);
	}
	return Object.freeze({ zone, hour });
}

/** The options that can change while the server runs (setOptions, POST /__control/options). */
const RUNTIME_OPTIONS = Object.freeze({
	agentsForbidden: (v) => flag('agentsForbidden', v),
	teamsForbidden: (v) => flag('teamsForbidden', v),
	unavailableCodesForbidden: (v) => flag('unavailableCodesForbidden', v),
	agentStatesForbidden: (v) => flag('agentStatesForbidden', v),
	unavailableCodesShape: (v) =>
		oneOf('unavailableCodesShape', UNAVAILABLE_CODES_SHAPES, v, 'default'),
	currentStateCasing: (v) => oneOf('currentStateCasing', CURRENT_STATE_CASINGS, v, 'camel'),
	currentStateNumbersAsStrings: (v) => flag('currentStateNumbersAsStrings', v),
	omitLastPollTime: (v) => flag('omitLastPollTime', v),
	performanceCasing: (v) => oneOf('performanceCasing', PERFORMANCE_CASINGS, v, 'camel'),
	timeShiftMs: timeShift,
});

function resolveOptions(o) {
	return {
		teamsForbidden: o.teamsForbidden === true,
		unavailableCodesForbidden: o.unavailableCodesForbidden === true,
		agentStatesForbidden: o.agentStatesForbidden === true,
		unavailableCodesShape: RUNTIME_OPTIONS.unavailableCodesShape(o.unavailableCodesShape),
		currentStateCasing: RUNTIME_OPTIONS.currentStateCasing(o.currentStateCasing),
		currentStateNumbersAsStrings: o.currentStateNumbersAsStrings === true,
		omitLastPollTime: o.omitLastPollTime === true,
		performanceCasing: RUNTIME_OPTIONS.performanceCasing(o.performanceCasing),
		timeShiftMs: timeShift(o.timeShiftMs),
		everyDay: flag('everyDay', o.everyDay),
		shiftStartLocal: shiftStartLocal(o.shiftStartLocal),
		openState: openStateShape(o.openState),
		seed: o.seed === undefined ? 42 : Number(o.seed),
		agents: o.agents === undefined ? 10 : Number(o.agents),
		teams: o.teams === undefined ? 3 : Number(o.teams),
		statesPerShift: o.statesPerShift === undefined ? 40 : Number(o.statesPerShift),
		tokenTtlSeconds: o.tokenTtlSeconds === undefined ? 3600 : Number(o.tokenTtlSeconds),
		maxPageSize: o.maxPageSize === undefined ? 10000 : Number(o.maxPageSize),
		defaultPageSize: o.defaultPageSize === undefined ? 100 : Number(o.defaultPageSize),
		nextLinks: o.nextLinks !== false,
		allowClientCredentials: o.allowClientCredentials !== false,
		agentsForbidden: o.agentsForbidden === true,
		v2TokenLocation: o.v2TokenLocation === 'pagination' ? 'pagination' : 'top',
		tenantId: o.tenantId || '11eb660f-4c6d-34a0-8733-0242ac110002',
		clusterId: o.clusterId || 'B32',
		businessUnitId: o.businessUnitId === undefined ? 4607084 : Number(o.businessUnitId),
		latencyMs: o.latencyMs === undefined ? 0 : Number(o.latencyMs),
		responseLatencyMs: o.responseLatencyMs === undefined ? 0 : Number(o.responseLatencyMs),
		cacheStates: o.cacheStates === undefined ? 3000000 : Number(o.cacheStates),
	};
}

/** The server clock: fixed (tests move it) or real (plus any advance). */
function createClock(initial) {
	let real = initial === 'real';
	let fixed = real ? 0 : initial === undefined ? DEFAULT_NOW : toMs(initial, 'now');
	let offset = 0;
	return {
		now: () => (real ? Date.now() + offset : fixed),
		set(ms) {
			real = false;
			fixed = toMs(ms, 'now');
		},
		advance(ms) {
			if (real) offset += ms;
			else fixed += ms;
		},
	};
}

function createFakeCxone(options = {}) {
	const opts = resolveOptions(options);
	const clock = createClock(options.now);
	const data = new DataModel(opts);
	const faults = new Faults();
	const log = [];
	const timers = new Set();
	let url = null;
	let server = null;

	const app = {
		opts,
		data,
		faults,
		log,
		seq: 0,
		stopped: false,
		credentials: CREDENTIALS,
		now: clock.now,
		url: () => url,
		sleep: (ms) =>
			new Promise((resolve) => {
				const t = setTimeout(() => {
					timers.delete(t);
					resolve();
				}, ms);
				t.cancel = resolve;
				timers.add(t);
			}),
		tokens: null,
		facade: null,
	};
	app.tokens = new TokenStore({
		tenantId: opts.tenantId,
		clusterId: opts.clusterId,
		businessUnitId: opts.businessUnitId,
		ttlSeconds: opts.tokenTtlSeconds,
		now: clock.now,
		issuer: () => url,
	});

	function agentsOf(q) {
		if (q.agentId !== undefined && q.agentId !== null && q.agentId !== '' && !q.all) {
			const agent = data.agentById(q.agentId);
			return agent ? [agent] : [];
		}
		return data.agents;
	}

	function windowOf(q) {
		const startMs = toMs(q.startMs, 'startMs');
		const endMs = toMs(q.endMs, 'endMs');
		return { agents: agentsOf(q), startMs, endMs, now: clock.now() };
	}

	function views(q) {
		const w = windowOf(q);
		const total = data.count(w.agents, w.startMs, w.endMs, w.now);
		return { w, list: data.slice(w.agents, w.startMs, w.endMs, w.now, 0, total) };
	}

	const publicAgents = data.agents.map((a) =>
		Object.freeze({
			agentId: a.agentId,
			firstName: a.firstName,
			lastName: a.lastName,
			userName: a.userName,
			teamId: a.teamId,
			teamName: a.teamName,
			isActive: a.isActive,
			isSupervisor: a.isSupervisor,
			timeZone: a.timeZone,
			stringNumbers: a.stringNumbers,
			teamField: a.teamField,
		}),
	);

	const fake = {
		async start(port = 0) {
			if (server) throw new Error('fake CXone is already started');
			server = createHttpServer(app);
			app.stopped = false;
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, '127.0.0.1', () => {
					server.off('error', reject);
					resolve();
				});
			});
			url = `http://127.0.0.1:${server.address().port}`;
			return { url };
		},
		async stop() {
			if (!server) return;
			app.stopped = true;
			for (const t of timers) {
				clearTimeout(t);
				t.cancel();
			}
			timers.clear();
			const s = server;
			server = null;
			await new Promise((resolve) => {
				s.close(() => resolve());
				s.closeAllConnections();
			});
		},
		get url() {
			return url;
		},
		get credentials() {
			return {
				...CREDENTIALS,
				issuerUrl: url,
				tokenUrl: url && `${url}/auth/token`,
				apiBaseUrl: url,
			};
		},
		get nowMs() {
			return clock.now();
		},
		get options() {
			return { ...opts };
		},
		log,
		agents: publicAgents,
		resetLog() {
			log.length = 0;
		},
		setFaults(f) {
			faults.set(f);
		},
		clearFaults() {
			faults.clear();
		},
		activeFaults() {
			return faults.describe();
		},
		revokeTokens() {
			app.tokens.revokeAll();
		},
		/** How the state still running at now is sent (see OPEN_STATE_SHAPES in render.js). */
		setOpenState(shape) {
			opts.openState = openStateShape(shape);
		},
		get openState() {
			return opts.openState;
		},
		/** Changes runtime options (see RUNTIME_OPTIONS); throws for an unknown name or value. */
		setOptions(changes) {
			const next = {};
			for (const [name, value] of Object.entries(changes || {})) {
				const check = RUNTIME_OPTIONS[name];
				if (!check) {
					throw new Error(
						`Option ${name} cannot change at runtime; these can: ${Object.keys(RUNTIME_OPTIONS).join(', ')}`,
					);
				}
				next[name] = check(value);
			}
			Object.assign(opts, next);
			data.setTimeShift(opts.timeShiftMs);
			return { ...opts };
		},
		agentItems() {
			const now = clock.now();
			return data.agents.map((a) => dir.agentItem(data, a, now));
		},
		teams() {
			return dir.teamItems(data);
		},
		unavailableCodes() {
			return UNAVAILABLE_CODES.map((c) => ({ ...c }));
		},
		currentStates(agentId) {
			const agents =
				agentId === undefined || agentId === null || agentId === ''
					? data.agents
					: [data.agentById(agentId)].filter(Boolean);
			return dir.currentStates(data, opts, agents, clock.now());
		},
		setNow(ms) {
			clock.set(ms);
		},
		advance(ms) {
			clock.advance(Number(ms));
		},
		countRecords(q) {
			const w = windowOf(q);
			return data.count(w.agents, w.startMs, w.endMs, w.now);
		},
		recordsFor(q) {
			const { w, list } = views(q);
			if (q.flavor === 'reportingV2')
				return list.map((v) => v2Record(v, w.now, q.timezone || 'UTC'));
			return list.map((v) => cxoneRecord(v, w.now, opts.seed, opts.openState));
		},
		canonicalRecordsFor(q) {
			const { w, list } = views(q);
			return list.map((v) => data.canonical(v, w.now));
		},
		performanceFor(q) {
			const w = windowOf(q);
			return perf.performanceFigures(data, w.agents, w.startMs, w.endMs, w.now).map(perf.truthRow);
		},
	};
	app.facade = fake;
	return fake;
}

module.exports = {
	createFakeCxone,
	DEFAULT_NOW,
	CREDENTIALS,
	FAULT_NAMES,
	AGENT_STATES,
	OUT_STATES,
	UNAVAILABLE_CODES,
	V2_STATES,
	OPEN_STATE_SHAPES,
	UNAVAILABLE_CODES_SHAPES,
	CURRENT_STATE_CASINGS,
	PERFORMANCE_CASINGS,
	PERFORMANCE_KEYS: perf.PERFORMANCE_KEYS,
	PERFORMANCE_TIME_KEYS: [...perf.TIME_KEYS],
	RUNTIME_OPTION_NAMES: Object.freeze(Object.keys(RUNTIME_OPTIONS)),
	isoDuration,
};
