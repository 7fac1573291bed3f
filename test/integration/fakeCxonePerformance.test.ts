// The fake CXone's agent-performance routes over real HTTP (global fetch, port 0): every served row
// equals performanceFor once parsed, and performanceFor equals figures summed here from the state
// history of the same window (not by the fake's own performance code): inside a shift, across
// midnight, up to now with open states. The single-agent route, string numbers, PascalCase,
// 204 and the 400s.
import {
	createFakeCxone,
	PERFORMANCE_KEYS,
	PERFORMANCE_TIME_KEYS,
	type CanonicalRecord,
	type FakeCxonePerformanceRow,
} from '../fake-cxone';
import { FakeClient } from '../helpers/fakeClient';

type Json = Record<string, unknown>;

const HOUR = 3600000;
const V = '/inContactAPI/services/v27.0';
const TUE = Date.parse('2024-05-07T00:00:00.000Z');
const WED = Date.parse('2024-05-08T00:00:00.000Z');
const NOW = Date.parse('2024-05-08T18:00:00.000Z');
const AGENT = 39260750;
const AGENTS = 23;
const ACW = 79;

const TIME_KEYS: readonly string[] = PERFORMANCE_TIME_KEYS;
const COUNT_KEYS = [
	'agentId',
	'teamId',
	'agentOffered',
	'inboundHandled',
	'outboundHandled',
	'totalHandled',
	'refused',
];
const RATE_KEYS = ['percentRefused', 'workingRate', 'occupancy'];

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

function pascalKey(key: string): string {
	return key.charAt(0).toUpperCase() + key.slice(1);
}

/** Whole ms of a CXone duration: ISO-8601 with days, a number of seconds or a numeric string. */
function durationMs(d: unknown): number {
	if (typeof d === 'number') return Math.round(d * 1000);
	const s = String(d);
	if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
	const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s);
	if (!m) throw new Error(`not a duration: ${s}`);
	return (
		Number(m[1] ?? 0) * 86400000 +
		Number(m[2] ?? 0) * HOUR +
		Number(m[3] ?? 0) * 60000 +
		Math.round(Number(m[4] ?? 0) * 1000)
	);
}

/** A served row in the truth's terms: seconds, numbers; keys in either casing. */
function parseRow(row: Json, casing: 'camel' | 'pascal' = 'camel'): FakeCxonePerformanceRow {
	const out: Json = {};
	for (const key of PERFORMANCE_KEYS) {
		const v = row[casing === 'pascal' ? pascalKey(key) : key];
		out[key] = TIME_KEYS.includes(key) ? durationMs(v) / 1000 : Number(v);
	}
	return out as unknown as FakeCxonePerformanceRow;
}

/** The state facts the sums below need, from the canonical records or the served history. */
interface State {
	agentId: number;
	teamId: number;
	stateId: number;
	reasonId: number | null;
	startMs: number;
	/** null while open. */
	endMs: number | null;
}

function fromCanonical(r: CanonicalRecord): State {
	return {
		agentId: Number(r.agentId),
		teamId: Number(r.teamId),
		stateId: r.stateId,
		reasonId: r.reasonId,
		startMs: r.startMs,
		endMs: r.endMs,
	};
}

/** 100 × part / whole to 2 decimals, as a number; 0 when whole is 0. */
function rate(part: number, whole: number): number {
	return whole > 0 ? Number(((100 * part) / whole).toFixed(2)) : 0;
}

/**
 * The performance definitions of the fake's README, applied to the states overlapping the window:
 * each clipped to [startMs, min(endMs, now)), open ones to now.
 */
function expectedRows(
	states: State[],
	startMs: number,
	endMs: number,
	nowMs: number,
): FakeCxonePerformanceRow[] {
	const upper = Math.min(endMs, nowMs);
	const byAgent = new Map<number, State[]>();
	for (const s of states) {
		if (!byAgent.has(s.agentId)) byAgent.set(s.agentId, []);
		byAgent.get(s.agentId)!.push(s);
	}
	const rows: FakeCxonePerformanceRow[] = [];
	for (const [agentId, list] of [...byAgent].sort((a, b) => a[0] - b[0])) {
		const ms = (pred: (s: State) => boolean): number =>
			list
				.filter(pred)
				.reduce(
					(sum, s) => sum + Math.min(s.endMs ?? nowMs, upper) - Math.max(s.startMs, startMs),
					0,
				);
		const started = (id: number): number =>
			list.filter((s) => s.stateId === id && s.startMs >= startMs && s.startMs < upper).length;
		const login = ms((s) => s.stateId !== 0);
		const available = ms((s) => s.stateId === 1);
		const acw = ms((s) => s.stateId === 2 && s.reasonId === ACW);
		const unavailable = ms((s) => s.stateId === 2 && s.reasonId !== ACW);
		const inbound = ms((s) => s.stateId === 3);
		const outbound = ms((s) => s.stateId === 4);
		const consult = ms((s) => s.stateId === 5 || s.stateId === 6);
		const dialer = ms((s) => s.stateId === 7);
		const inboundHandled = started(3);
		const outboundHandled = started(4);
		const handled = inboundHandled + outboundHandled;
		const avg = (total: number, n: number): number => (n > 0 ? Math.round(total / n) / 1000 : 0);
		const busy = inbound + outbound + consult + dialer + acw;
		rows.push({
			agentId,
			teamId: list[0].teamId,
			agentOffered: inboundHandled,
			inboundHandled,
			inboundTime: inbound / 1000,
			inboundTalkTime: inbound / 1000,
			inboundAvgTalkTime: avg(inbound, inboundHandled),
			outboundHandled,
			outboundTime: outbound / 1000,
			outboundTalkTime: outbound / 1000,
			outboundAvgTalkTime: avg(outbound, outboundHandled),
			totalHandled: handled,
			totalTalkTime: (inbound + outbound) / 1000,
			totalAvgTalkTime: avg(inbound + outbound, handled),
			totalAvgHandleTime: avg(inbound + outbound + acw, handled),
			consultTime: consult / 1000,
			availableTime: available / 1000,
			unavailableTime: unavailable / 1000,
			acwTime: acw / 1000,
			refused: 0,
			percentRefused: 0,
			loginTime: login / 1000,
			workingRate: rate(login - unavailable, login),
			occupancy: rate(busy, busy + available),
		});
	}
	return rows;
}

class Client extends FakeClient {
	/** GET agents/performance or agents/{agentId}/performance for the window. */
	async performance(startMs: number, endMs: number, agentId?: number): Promise<Response> {
		const q = new URLSearchParams({ startDate: iso(startMs), endDate: iso(endMs) });
		const path = agentId === undefined ? 'agents/performance' : `agents/${agentId}/performance`;
		return await this.get(`${V}/${path}?${q.toString()}`);
	}

	/** The whole state history of the window as served (all pages). */
	async history(startMs: number, endMs: number): Promise<Json[]> {
		const q = new URLSearchParams({ startDate: iso(startMs), endDate: iso(endMs), top: '10000' });
		const res = await this.get(`${V}/agents/state-history?${q.toString()}`);
		if (res.status === 204) return [];
		const page = (await res.json()) as Json;
		expect((page._links as Json).next).toBeNull();
		return page.agentStateHistory as Json[];
	}
}

describe('fake CXone agent performance', () => {
	const fake = createFakeCxone({ agents: AGENTS, seed: 42 });
	const client = new Client(fake);
	let url = '';

	beforeAll(async () => {
		url = (await fake.start()).url;
		await client.login();
	});

	afterAll(async () => {
		await fake.stop();
	});

	beforeEach(() => {
		fake.setNow(NOW);
		fake.setOpenState('elapsed');
		fake.setOptions({ performanceCasing: 'camel', omitLastPollTime: false });
	});

	const truthFromHistory = (startMs: number, endMs: number): FakeCxonePerformanceRow[] =>
		expectedRows(
			fake.canonicalRecordsFor({ all: true, startMs, endMs }).map(fromCanonical),
			startMs,
			endMs,
			fake.nowMs,
		);

	/** Served rows, parsed; checks the shape of each value on the way. */
	async function served(startMs: number, endMs: number): Promise<FakeCxonePerformanceRow[]> {
		const res = await client.performance(startMs, endMs);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/application\/json/);
		const body = (await res.json()) as Json;
		expect(Object.keys(body)).toEqual(['agentPerformance']);
		const rows = body.agentPerformance as Json[];
		for (const row of rows) {
			expect(Object.keys(row)).toEqual([...PERFORMANCE_KEYS]);
			const agent = fake.agents.find((a) => a.agentId === Number(row.agentId))!;
			for (const key of TIME_KEYS)
				expect(row[key]).toMatch(/^P(\d+D)?(T(\d+H)?(\d+M)?([\d.]+S)?)?$/);
			for (const key of COUNT_KEYS) {
				expect(typeof row[key]).toBe(agent.stringNumbers ? 'string' : 'number');
			}
			for (const key of RATE_KEYS) expect(row[key]).toMatch(/^\d{1,3}\.\d\d$/);
		}
		return rows.map((r) => parseRow(r));
	}

	it('inside a shift: the served rows are performanceFor and the sums of the history', async () => {
		// An agent's Tuesday shift, three hours from an hour after its login.
		const day = fake.canonicalRecordsFor({ agentId: AGENT + 3, startMs: TUE, endMs: WED });
		const login = day.find((r) => r.stateName === 'LoggedIn');
		expect(login).toBeDefined();
		const start = login!.startMs + HOUR;
		const end = start + 3 * HOUR;
		const truth = fake.performanceFor({ startMs: start, endMs: end });
		expect(await served(start, end)).toEqual(truth);
		expect(truth).toEqual(truthFromHistory(start, end));

		// Logged in all the window long; every second is in exactly one figure.
		const row = truth.find((r) => r.agentId === AGENT + 3)!;
		expect(row.loginTime).toBe(3 * 3600);
		expect(
			row.availableTime +
				row.unavailableTime +
				row.acwTime +
				row.inboundTime +
				row.outboundTime +
				row.consultTime,
		).toBeLessThanOrEqual(3 * 3600 + 1e-6);
		expect(row.totalHandled).toBeGreaterThan(0);
		expect(row.availableTime).toBeGreaterThan(0);
		expect(truth.some((r) => r.unavailableTime > 0 && r.acwTime > 0)).toBe(true);
		expect(fake.performanceFor({ agentId: AGENT + 3, startMs: start, endMs: end })).toEqual([row]);
	});

	it('across midnight, checked against the served state history', async () => {
		const start = Date.parse('2024-05-07T21:00:00.000Z');
		const end = Date.parse('2024-05-08T03:00:00.000Z');
		// Precondition: some agent works on both sides of midnight.
		const records = fake.canonicalRecordsFor({ all: true, startMs: start, endMs: end });
		const crossing = fake.agents.filter((a) =>
			[
				[start, WED],
				[WED, end],
			].every(([s, e]) =>
				records.some(
					(r) =>
						r.agentId === String(a.agentId) &&
						r.stateId !== 0 &&
						r.startMs < e &&
						(r.endMs ?? NOW) > s,
				),
			),
		);
		expect(crossing.length).toBeGreaterThan(0);

		// The history as the API serves it (numbers as strings, teamNo, any duration shape).
		const history = (await client.history(start, end)).map(
			(r): State => ({
				agentId: Number(r.agentId),
				teamId: Number(r.teamId ?? r.teamNo),
				stateId: Number(r.agentStateId),
				reasonId: Number(r.outStateId) || null,
				startMs: Date.parse(r.startDate as string),
				endMs: Date.parse(r.startDate as string) + durationMs(r.duration),
			}),
		);
		const truth = fake.performanceFor({ startMs: start, endMs: end });
		expect(truth).toEqual(expectedRows(history, start, end, NOW));
		expect(await served(start, end)).toEqual(truth);
		expect(truth).toHaveLength(AGENTS);
		for (const a of crossing) {
			expect(truth.find((r) => r.agentId === a.agentId)!.loginTime).toBeGreaterThan(0);
		}
		// Midnight splits the figures: the two halves add up to the whole.
		const before = fake.performanceFor({ startMs: start, endMs: WED });
		const after = fake.performanceFor({ startMs: WED, endMs: end });
		for (const row of truth) {
			const b = before.find((r) => r.agentId === row.agentId);
			const c = after.find((r) => r.agentId === row.agentId);
			for (const key of ['loginTime', 'availableTime', 'acwTime', 'inboundTime'] as const) {
				expect((b?.[key] ?? 0) + (c?.[key] ?? 0)).toBeCloseTo(row[key], 3);
			}
			expect((b?.inboundHandled ?? 0) + (c?.inboundHandled ?? 0)).toBe(row.inboundHandled);
		}
	});

	it('ending at now: open states count up to now, the end past now is cut', async () => {
		const start = NOW - 3 * HOUR;
		const end = NOW + 2 * HOUR;
		const records = fake.canonicalRecordsFor({ all: true, startMs: start, endMs: end });
		expect(records.filter((r) => r.isOpen)).toHaveLength(AGENTS);
		const truth = fake.performanceFor({ startMs: start, endMs: end });
		expect(await served(start, end)).toEqual(truth);
		expect(truth).toEqual(truthFromHistory(start, end));
		expect(fake.performanceFor({ startMs: start, endMs: NOW })).toEqual(truth);
		const working = records.filter((r) => r.isOpen && r.stateId !== 0);
		expect(working.length).toBeGreaterThan(0);
		for (const open of working) {
			// Logged out time is the rest of the three hours.
			const loggedOut = records
				.filter((r) => r.agentId === open.agentId && r.stateId === 0)
				.reduce((sum, r) => sum + Math.min(r.endMs ?? NOW, NOW) - Math.max(r.startMs, start), 0);
			const row = truth.find((r) => r.agentId === Number(open.agentId))!;
			expect(Math.round(row.loginTime * 1000) + loggedOut).toBe(3 * HOUR);
		}
		// A minute later the open states have a minute more.
		fake.setNow(NOW + 60000);
		const later = fake.performanceFor({ startMs: start, endMs: end });
		for (const open of working) {
			const row = truth.find((r) => r.agentId === Number(open.agentId))!;
			const next = later.find((r) => r.agentId === Number(open.agentId))!;
			expect(next.loginTime).toBeGreaterThanOrEqual(row.loginTime + 60 - 1e-6);
		}
		expect(await served(start, end)).toEqual(later);
	});

	it('a long window counts durations of days as ISO durations with days', async () => {
		const start = Date.parse('2024-05-01T00:00:00.000Z');
		const truth = fake.performanceFor({ startMs: start, endMs: NOW });
		expect(truth.some((r) => r.loginTime > 86400)).toBe(true);
		const res = await client.performance(start, NOW);
		const rows = ((await res.json()) as Json).agentPerformance as Json[];
		expect(rows.some((r) => /^P\d+DT/.test(r.loginTime as string))).toBe(true);
		expect(rows.map((r) => parseRow(r))).toEqual(truth);
		expect(truth).toEqual(truthFromHistory(start, NOW));
	});

	it('GET agents/{agentId}/performance: one row, businessUnitId and lastPollTime, two times as seconds', async () => {
		const start = TUE;
		const end = WED;
		for (const i of [0, 1, 6]) {
			const agent = fake.agents[i];
			const res = await client.performance(start, end, agent.agentId);
			expect(res.status).toBe(200);
			const body = (await res.json()) as Json;
			expect(Object.keys(body).sort()).toEqual(
				['agentPerformance', 'businessUnitId', 'lastPollTime'].sort(),
			);
			expect(body.businessUnitId).toBe(4607084);
			expect(body.lastPollTime).toBe(iso(NOW));
			const rows = body.agentPerformance as Json[];
			expect(rows).toHaveLength(1);
			const [row] = rows;
			// NICE's spec types these two as numbers of seconds on this route.
			expect(typeof row.inboundTime).toBe('number');
			expect(typeof row.consultTime).toBe('number');
			expect(row.availableTime).toMatch(/^PT/);
			expect(row.agentId).toBe(agent.stringNumbers ? String(agent.agentId) : agent.agentId);
			expect(typeof row.inboundHandled).toBe(agent.stringNumbers ? 'string' : 'number');
			const truth = fake.performanceFor({ agentId: agent.agentId, startMs: start, endMs: end });
			expect(rows.map((r) => parseRow(r))).toEqual(truth);
			expect(truth).toEqual(
				fake
					.performanceFor({ startMs: start, endMs: end })
					.filter((r) => r.agentId === agent.agentId),
			);
		}
		expect(fake.agents[1].stringNumbers).toBe(true);

		fake.setOptions({ omitLastPollTime: true });
		const bare = await client.getJson(
			`${V}/agents/${AGENT}/performance?startDate=${iso(start)}&endDate=${iso(end)}`,
		);
		expect(Object.keys(bare).sort()).toEqual(['agentPerformance', 'businessUnitId']);
	});

	it('PascalCase keys when asked, at runtime over the control API too', async () => {
		const start = TUE;
		const end = WED;
		const truth = fake.performanceFor({ startMs: start, endMs: end });
		const set = await fetch(`${url}/__control/options`, {
			method: 'POST',
			body: JSON.stringify({ performanceCasing: 'pascal' }),
		});
		expect(set.status).toBe(200);
		expect(((await set.json()) as Json).performanceCasing).toBe('pascal');
		expect(fake.options.performanceCasing).toBe('pascal');

		const all = await client.getJson(
			`${V}/agents/performance?startDate=${iso(start)}&endDate=${iso(end)}`,
		);
		expect(Object.keys(all)).toEqual(['AgentPerformance']);
		const rows = all.AgentPerformance as Json[];
		expect(Object.keys(rows[0])).toEqual(PERFORMANCE_KEYS.map(pascalKey));
		expect(rows[0]).toHaveProperty('AgentId', AGENT);
		expect(rows[0]).toHaveProperty('AvailableTime');
		expect(rows[0]).not.toHaveProperty('agentId');
		expect(rows.map((r) => parseRow(r, 'pascal'))).toEqual(truth);

		const one = await client.getJson(
			`${V}/agents/${AGENT}/performance?startDate=${iso(start)}&endDate=${iso(end)}`,
		);
		expect(Object.keys(one).sort()).toEqual(['AgentPerformance', 'BusinessUnitId', 'LastPollTime']);
		expect((one.AgentPerformance as Json[]).map((r) => parseRow(r, 'pascal'))).toEqual(
			truth.filter((r) => r.agentId === AGENT),
		);

		const bad = await fetch(`${url}/__control/options`, {
			method: 'POST',
			body: JSON.stringify({ performanceCasing: 'snake' }),
		});
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as Json).error).toMatch(/performanceCasing/);
		expect(() => createFakeCxone({ performanceCasing: 'snake' as never })).toThrow(
			/performanceCasing/,
		);
	});

	it('204 when no agent has a state in the window', async () => {
		for (const [s, e] of [
			[NOW, NOW + HOUR], // nothing exists from now on
			[NOW + HOUR, NOW + 2 * HOUR],
		]) {
			expect(fake.performanceFor({ startMs: s, endMs: e })).toEqual([]);
			const all = await client.performance(s, e);
			expect(all.status).toBe(204);
			expect(await all.text()).toBe('');
			expect((await client.performance(s, e, AGENT)).status).toBe(204);
		}
		// One ms before now is enough for a row per agent: its current state.
		const last = fake.performanceFor({ startMs: NOW - 1, endMs: NOW + HOUR });
		expect(last).toHaveLength(AGENTS);
	});

	it('400 for bad dates and a non-numeric agent, 404 for an unknown one, 401 without a token', async () => {
		const bad = async (query: string, agent = ''): Promise<string | null> => {
			const res = await client.get(`${V}/agents/${agent}performance?${query}`);
			expect(res.status).toBe(400);
			expect(await res.text()).toBe('');
			return res.headers.get('icstatusdescription');
		};
		const tue = iso(TUE);
		const wed = iso(WED);
		expect(await bad(`startDate=2024-05-07T00:00:00%2B00:00&endDate=${wed}`)).toMatch(
			/startDate.*ending in Z/,
		);
		expect(await bad(`startDate=${tue}&endDate=2024-05-08`)).toMatch(/endDate/);
		expect(await bad(`startDate=${tue}`)).toMatch(/endDate/);
		expect(await bad(`endDate=${wed}`)).toMatch(/startDate/);
		expect(await bad(`startDate=${wed}&endDate=${tue}`)).toMatch(/before endDate/);
		expect(await bad(`startDate=${wed}&endDate=${wed}`)).toMatch(/before endDate/);
		expect(await bad(`startDate=2024-05-07T00:00:00&endDate=${wed}`, `${AGENT}/`)).toMatch(
			/startDate/,
		);
		expect(await bad(`startDate=${tue}&endDate=${wed}`, 'me/')).toMatch(/agentId/);

		const unknown = await client.performance(TUE, WED, 39999999);
		expect(unknown.status).toBe(404);
		expect(unknown.headers.get('icstatusdescription')).toMatch(/39999999/);

		const anon = await fetch(`${url}${V}/agents/performance?startDate=${tue}&endDate=${wed}`, {
			headers: { Accept: 'application/json' },
		});
		expect(anon.status).toBe(401);
	});

	it('the control API serves the truth', async () => {
		const q = `startMs=${TUE}&endMs=${WED}`;
		const all = await fetch(`${url}/__control/performance?${q}`);
		expect(await all.json()).toEqual(fake.performanceFor({ startMs: TUE, endMs: WED }));
		const one = await fetch(`${url}/__control/performance?${q}&agentId=${AGENT + 2}`);
		expect(await one.json()).toEqual(
			fake.performanceFor({ agentId: AGENT + 2, startMs: TUE, endMs: WED }),
		);
	});
});
