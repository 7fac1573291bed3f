// The action node's execute() against the fake CXone server over real HTTP: n8n-core's real
// httpRequestWithAuthentication, the package's real credential (discovery, both grants), both API
// flavors. The fake's own view of each window (countRecords, canonicalRecordsFor) is the truth.
import type { IDataObject } from 'n8n-workflow';

import { CxoneOAuth2Api } from '../../credentials/CxoneOAuth2Api.credentials';
import { CxoneAgentStateHistory } from '../../nodes/CxoneAgentStateHistory/CxoneAgentStateHistory.node';
import { retryTiming } from '../../nodes/shared/api/retry';
import type { CanonicalRecord, FakeCxone, RecordQuery } from '../fake-cxone';
import { createFakeCxone } from '../fake-cxone';
import type { Params } from '../helpers/n8nContext';
import { createExecuteContext } from '../helpers/n8nContext';

const MON = '2024-05-06T00:00:00.000Z';
const TUE = '2024-05-07T00:00:00.000Z';
const THU = '2024-05-09T00:00:00.000Z';
const FAKE_NOW = '2024-05-08T18:00:00.000Z';
const AGENT = 39260750;
const AGENT_ODD = 39260751;

const node = new CxoneAgentStateHistory();
let fake: FakeCxone;

type Grant = 'accessKey' | 'clientCredentials';

function context(params: Params, credentials: Record<string, unknown> = {}) {
	return createExecuteContext({
		credentialType: new CxoneOAuth2Api(),
		credentials: {
			grantType: 'accessKey',
			clientId: fake.credentials.clientId,
			clientSecret: fake.credentials.clientSecret,
			accessKeyId: fake.credentials.accessKeyId,
			accessKeySecret: fake.credentials.accessKeySecret,
			issuerUrl: fake.url,
			tokenUrl: '',
			apiBaseUrl: '',
			resolvedBaseUrl: '',
			...credentials,
		},
		params: {
			agentSelection: 'ids',
			agentIds: String(AGENT),
			timeRange: 'custom',
			start: MON,
			end: TUE,
			timezone: 'UTC',
			splitIntoItems: true,
			...params,
			options: { pageSize: 50, ...((params.options as Params) ?? {}) },
		},
	});
}

async function execute(params: Params, credentials: Record<string, unknown> = {}) {
	const ctx = context(params, credentials);
	const out = await node.execute.call(ctx);
	return { ctx, json: out[0].map((i) => i.json), items: out[0] };
}

const iso = (ms: number) => new Date(ms).toISOString();
const ids = (list: Array<{ recordId?: unknown }>) => list.map((r) => r.recordId);
const tokenRequests = () =>
	fake.log.filter((e) => e.path === '/auth/token' || e.path === '/oauth/token');
const apiRequests = () =>
	fake.log.filter(
		(e) => e.path.toLowerCase().startsWith('/incontactapi/') || e.path.startsWith('/reporting/'),
	);

/** What the node must output for a canonical record (CXone flavor unless v2). */
function expected(c: CanonicalRecord, v2 = false): IDataObject {
	const endMs = c.endMs ?? c.startMs + c.durationMs;
	return {
		recordId: c.recordId,
		agentId: c.agentId,
		agentName: c.agentName,
		teamName: c.teamName,
		teamId: c.teamId,
		agentSessionId: c.agentSessionId,
		stateIndex: c.stateIndex,
		stateId: v2 ? c.v2StateId : c.stateId,
		state: v2 ? c.v2StateName : c.stateName,
		reasonId: c.reasonId,
		reason: c.reason,
		label: c.reason ?? (v2 ? c.v2StateName : c.stateName),
		startTimeUtc: iso(c.startMs),
		endTimeUtc: iso(endMs),
		durationSeconds: c.durationMs / 1000,
		isOpen: c.isOpen,
	};
}

function truth(q: RecordQuery): CanonicalRecord[] {
	const list = fake.canonicalRecordsFor(q);
	expect(list.length).toBe(fake.countRecords(q));
	return list;
}

beforeAll(async () => {
	fake = createFakeCxone({ agents: 6, seed: 11 });
	await fake.start(0);
});
afterAll(async () => {
	await fake.stop();
});
beforeEach(() => {
	fake.clearFaults();
	fake.resetLog();
});

describe.each<[Grant, string]>([
	['accessKey', 'password'],
	['clientCredentials', 'client_credentials'],
])('one agent, CXone flavor, %s grant', (grantType, grantSent) => {
	it('returns exactly the records of the window, every field as the server meant it', async () => {
		const q = { agentId: AGENT_ODD, startMs: MON, endMs: TUE };
		const want = truth(q);
		expect(want.length).toBeGreaterThan(20);

		const { json, ctx } = await execute({ agentIds: String(AGENT_ODD) }, { grantType });

		expect(json).toHaveLength(fake.countRecords(q));
		expect(ids(json)).toEqual(want.map((c) => c.recordId));
		json.forEach((j, i) => expect(j).toMatchObject(expected(want[i])));
		// Agent 1 sends numbers as strings and teamId; both normalize the same.
		expect(json.every((j) => j.windowStartUtc === MON && j.windowEndUtc === TUE)).toBe(true);

		const tokens = tokenRequests();
		expect(tokens.map((t) => [t.grantType, t.status])).toEqual([[grantSent, 200]]);
		expect(apiRequests().every((e) => e.status === 200 && e.auth === 'bearer')).toBe(true);
		const history = apiRequests().filter((e) => e.path.endsWith('/state-history'));
		expect(history.map((e) => [e.query.startDate, e.query.endDate, e.query.skip])).toEqual(
			history.map((_, i) => [MON, TUE, String(i * 50)]),
		);
		expect(history.length).toBe(Math.ceil(want.length / 50));
		expect(ctx.harness.credentials?.resolvedBaseUrl).toBe(fake.url);
	});
});

describe('all agents, CXone flavor', () => {
	it('returns every agent of the window once, named from the agent list', async () => {
		const q = { all: true, startMs: MON, endMs: TUE };
		const want = truth(q);

		const { json } = await execute({
			agentSelection: 'all',
			teamIds: '',
			options: { sort: 'agentStartAsc', pageSize: 100 },
		});

		expect(json).toHaveLength(fake.countRecords(q));
		expect(ids(json)).toEqual(want.map((c) => c.recordId));
		json.forEach((j, i) => expect(j).toMatchObject(expected(want[i])));
		expect(new Set(json.map((j) => j.agentId)).size).toBe(6);
		const paths = apiRequests().map((e) => e.path);
		expect(paths.filter((p) => p.endsWith('/agents'))).toHaveLength(1);
		expect(paths.filter((p) => p.endsWith('/agents/state-history')).length).toBe(
			Math.ceil(want.length / 100),
		);
	});

	it('keeps only the chosen team', async () => {
		const want = truth({ all: true, startMs: MON, endMs: TUE }).filter(
			(c) => c.teamId === '205971',
		);
		const { json } = await execute({
			agentSelection: 'all',
			teamIds: '205971',
			options: { sort: 'agentStartAsc', pageSize: 100 },
		});
		expect(ids(json)).toEqual(want.map((c) => c.recordId));
		expect(new Set(json.map((j) => j.teamName))).toEqual(new Set([want[0].teamName]));
	});

	it('one item per agent whose summary adds up to its states', async () => {
		const q = { all: true, startMs: MON, endMs: TUE };
		const { json } = await execute({
			agentSelection: 'all',
			splitIntoItems: false,
			options: { includeSummary: true, pageSize: 200 },
		});
		const agents = json.slice(0, -1) as Array<{ states: IDataObject[]; summary: IDataObject }>;
		expect(agents).toHaveLength(6);
		expect(agents.reduce((n, a) => n + a.states.length, 0)).toBe(fake.countRecords(q));
		for (const agent of agents) {
			const clippedMs = agent.states.reduce(
				(ms, s) => ms + Math.round(Number(s.clippedDurationSeconds) * 1000),
				0,
			);
			expect(agent.summary.totalSeconds).toBe(clippedMs / 1000);
		}
		expect(json.at(-1)).toMatchObject({
			itemType: 'windowSummary',
			recordCount: fake.countRecords(q),
			agentCount: 6,
		});
	});
});

describe('Reporting API v2 flavor', () => {
	it('returns exactly the records of the window with times in the chosen zone', async () => {
		const q = {
			agentId: AGENT,
			startMs: MON,
			endMs: TUE,
			flavor: 'reportingV2' as const,
			timezone: 'America/New_York',
		};
		const want = truth(q);

		const { json, ctx } = await execute(
			{ timezone: 'America/New_York', options: { pageSize: 15 } },
			{ apiFlavor: 'reportingV2', grantType: 'clientCredentials' },
		);

		expect(json).toHaveLength(fake.countRecords(q));
		expect(ids(json)).toEqual(want.map((c) => c.recordId));
		json.forEach((j, i) => expect(j).toMatchObject(expected(want[i], true)));
		// Times in May carry New York's summer offset.
		expect(json.every((j) => String(j.startTime).endsWith('-04:00'))).toBe(true);
		const pages = apiRequests();
		expect(pages.length).toBe(Math.ceil(want.length / 15));
		expect(pages[0].query).toEqual({
			user_id: String(AGENT),
			start_date_time: MON,
			end_date_time: TUE,
			timezone: 'America/New_York',
			page_size: '15',
		});
		expect(pages.slice(1).every((p) => p.query.page_token !== undefined)).toBe(true);
		expect(
			ctx.harness.authCalls.every((c) => c.url === '/reporting/v2/agents/states/history'),
		).toBe(true);
	});

	it('matches the CXone flavor record for record (ids, times, durations)', async () => {
		const cx = await execute({});
		const v2 = await execute({}, { apiFlavor: 'reportingV2' });
		const shape = (j: IDataObject) => [
			j.recordId,
			j.startTimeUtc,
			j.endTimeUtc,
			j.durationSeconds,
			j.reason,
		];
		expect(v2.json.map(shape)).toEqual(cx.json.map(shape));
	});
});

describe('windows and chunks', () => {
	it('a 3-day window read in 24-hour chunks equals the single-request result', async () => {
		const q = { all: true, startMs: MON, endMs: THU };
		const want = truth(q);
		// The window reaches past the fake's now: the last states are still open.
		expect(want.some((c) => c.isOpen)).toBe(true);
		const params = { agentSelection: 'all', start: MON, end: THU };

		const single = await execute({ ...params, options: { chunkHours: 72, pageSize: 500 } });
		const singleRequests = apiRequests().filter((e) => e.path.endsWith('/state-history'));
		fake.resetLog();
		const chunked = await execute({ ...params, options: { chunkHours: 24, pageSize: 500 } });
		const chunkRequests = apiRequests().filter((e) => e.path.endsWith('/state-history'));

		expect(new Set(singleRequests.map((e) => e.query.startDate))).toEqual(new Set([MON]));
		expect(new Set(chunkRequests.map((e) => e.query.startDate))).toEqual(
			new Set([MON, TUE, '2024-05-08T00:00:00.000Z']),
		);
		expect(chunked.json).toEqual(single.json);
		expect(single.json).toHaveLength(fake.countRecords(q));
		expect(new Set(ids(single.json))).toEqual(new Set(want.map((c) => c.recordId)));
		const open = single.json.filter((j) => j.isOpen === true);
		expect(open).toHaveLength(want.filter((c) => c.isOpen).length);
		// Open states have no end yet; they run to the read instant (the fake's now).
		for (const j of open) {
			expect(j.endTimeUtc).toBeNull();
			expect(j.endTime).toBeNull();
			const sinceStart = (Date.parse(FAKE_NOW) - Date.parse(j.startTimeUtc as string)) / 1000;
			expect(j.durationSeconds).toBeCloseTo(sinceStart, 3);
		}
	});

	it('the same holds for the Reporting API v2 flavor (page tokens per chunk)', async () => {
		const WED = '2024-05-08T00:00:00.000Z';
		const q = { agentId: AGENT, startMs: MON, endMs: WED, flavor: 'reportingV2' as const };
		const want = truth(q);
		expect(want.some((c) => c.isOpen)).toBe(false);
		const params = { start: MON, end: WED, timezone: 'Europe/London' };
		const v2 = { apiFlavor: 'reportingV2' };

		const single = await execute({ ...params, options: { chunkHours: 48, pageSize: 20 } }, v2);
		const chunked = await execute({ ...params, options: { chunkHours: 5, pageSize: 20 } }, v2);

		expect(chunked.json).toEqual(single.json);
		expect(ids(single.json)).toEqual(want.map((c) => c.recordId));
	});
});

describe('faults', () => {
	it('a token expiring mid-run is refreshed once and nothing is lost', async () => {
		const q = { agentId: AGENT, startMs: MON, endMs: THU };
		fake.setFaults({ expireTokenAfterRequests: { n: 3 } });

		const { json, ctx } = await execute({
			start: MON,
			end: THU,
			options: { chunkHours: 72, pageSize: 10, resolveAgentNames: false },
		});

		// One new token for the query; each page in flight with the old one met a 401 (at most
		// Concurrency of them) and was repeated with the new token.
		expect(tokenRequests().map((t) => t.status)).toEqual([200, 200]);
		const refused = apiRequests().filter((e) => e.status === 401).length;
		expect(refused).toBeGreaterThanOrEqual(1);
		expect(refused).toBeLessThanOrEqual(4);
		expect(ids(json)).toEqual(truth(q).map((c) => c.recordId));
		expect(ctx.harness.preAuthentications.filter((p) => p.ran)).toHaveLength(2);
	});

	it('a burst of 429s is retried and every record arrives', async () => {
		const realSleep = retryTiming.sleep;
		const waits: number[] = [];
		retryTiming.sleep = async (ms: number) => {
			waits.push(ms);
		};
		try {
			const q = { all: true, startMs: MON, endMs: TUE };
			fake.setFaults({ rateLimit: { count: 4, retryAfter: '2' } });
			const { json } = await execute({
				agentSelection: 'all',
				options: { pageSize: 40, sort: 'agentStartAsc' },
			});
			expect(apiRequests().filter((e) => e.status === 429)).toHaveLength(4);
			expect(waits).toEqual([2000, 2000, 2000, 2000]);
			expect(ids(json)).toEqual(truth(q).map((c) => c.recordId));
		} finally {
			retryTiming.sleep = realSleep;
		}
	});

	it('a refused agent list gives warnings, not a failure', async () => {
		const server = createFakeCxone({ agents: 2, seed: 3, agentsForbidden: true });
		await server.start(0);
		const previous = fake;
		fake = server;
		try {
			const { json } = await execute({});
			expect(json.length).toBe(fake.countRecords({ agentId: AGENT, startMs: MON, endMs: TUE }));
			expect(json[0].warnings).toEqual([
				expect.stringMatching(
					/^Agent names not resolved: CXone refused the list of agents \(HTTP 403: .*\)\. Give the API user's role the permission Users \(Employees\) - View, or turn off "Resolve Agent Names"\.$/,
				),
			]);
			expect(json[0]).not.toHaveProperty('agentName');
		} finally {
			fake = previous;
			await server.stop();
		}
	});
});
