// The action node inside real n8n (the run's runtime), against the fake CXone server on loopback.
'use strict';

const { createFakeCxone } = require('../fake-cxone');
const h = require('./harness');
const {
	WINDOW_MS,
	CONTRACT_FIELDS,
	CLIP_FIELDS,
	fakeCredentialData,
	historyParameters,
} = require('./cases');

describe('CXone Agent State History in real n8n (CXone flavor)', () => {
	let fake;
	let home;

	beforeAll(async () => {
		fake = createFakeCxone({ agents: 6, seed: 7 });
		await fake.start(0);
		home = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
		await h.importCredential(home, { id: 'cxoneAccessKey1', data: fakeCredentialData(fake) });
	});

	afterAll(async () => {
		await fake?.stop();
	});

	beforeEach(() => {
		fake.clearFaults();
		fake.resetLog();
	});

	async function runHistory(id, parameters, extra = {}) {
		await h.importWorkflow(
			home,
			h.historyWorkflow({ id, parameters, credentialId: 'cxoneAccessKey1', ...extra }),
		);
		const run = await h.executeWorkflow(home, id);
		return run;
	}

	test('all agents, split into items: every record once, the output contract, names resolved', async () => {
		const run = await runHistory('e2eAllAgentsSplt', historyParameters());
		expect(run.result?.data?.resultData?.error).toBeUndefined();
		const items = h.nodeOutput(run.result, 'CXone');
		const expected = fake.canonicalRecordsFor({ all: true, ...WINDOW_MS });
		expect(items).toHaveLength(expected.length);
		expect(expected.length).toBeGreaterThan(100);

		const ids = items.map((i) => i.json.recordId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(ids)).toEqual(new Set(expected.map((r) => r.recordId)));
		for (const item of items) {
			for (const field of [...CONTRACT_FIELDS, ...CLIP_FIELDS])
				expect(item.json).toHaveProperty(field);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		// One record checked field by field against the server's own truth.
		const truth = expected.find((r) => r.reason === 'Lunch');
		const lunch = items.find((i) => i.json.recordId === truth.recordId).json;
		expect(lunch).toMatchObject({
			agentId: truth.agentId,
			agentName: truth.agentName,
			teamName: truth.teamName,
			teamId: truth.teamId,
			stateId: 2,
			state: 'Unavailable',
			reasonId: 77,
			reason: 'Lunch',
			label: 'Lunch',
			category: 'unavailable',
			startTimeUtc: new Date(truth.startMs).toISOString(),
			endTimeUtc: new Date(truth.endMs).toISOString(),
			isOpen: false,
		});
		expect(lunch.startTime).toMatch(/-04:00$/);
		expect(lunch.durationSeconds).toBeCloseTo((truth.endMs - truth.startMs) / 1000, 3);
		// Oldest first by default.
		const starts = items.map((i) => i.json.startTimeUtc);
		expect([...starts].sort()).toEqual(starts);
		// The token was fetched once, through the Access Key grant.
		const tokenCalls = fake.log.filter((e) => /\/auth\/token$/.test(e.path));
		expect(tokenCalls).toHaveLength(1);
		expect(tokenCalls[0].grantType).toBe('password');
	});

	test('split off with summary: one item per agent, clipped durations sum to the summary total', async () => {
		const run = await runHistory(
			'e2eAgentSummary1',
			historyParameters({ splitIntoItems: false, options: { includeSummary: true } }),
		);
		const items = h.nodeOutput(run.result, 'CXone');
		const agentItems = items.filter((i) => i.json.states);
		const windowItem = items.find((i) => i.json.itemType === 'windowSummary');
		const expected = fake.canonicalRecordsFor({ all: true, ...WINDOW_MS });
		const agentsWithRecords = new Set(expected.map((r) => r.agentId));
		expect(agentItems).toHaveLength(agentsWithRecords.size);
		let total = 0;
		for (const item of agentItems) {
			const sum = item.json.states.reduce((s, r) => s + r.clippedDurationSeconds, 0);
			expect(item.json.summary.totalSeconds).toBeCloseTo(sum, 3);
			total += item.json.states.length;
			// A full day window: no agent has more than 24 h inside it.
			expect(item.json.summary.totalSeconds).toBeLessThanOrEqual(86400.001);
		}
		expect(total).toBe(expected.length);
		expect(windowItem.json.recordCount).toBe(expected.length);
		expect(windowItem.json.invalidRecords).toBe(0);
	});

	test('several input items name their agents; a bad one fails alone under continueOnFail', async () => {
		const [a, b] = fake.agents;
		const run = await runHistory(
			'e2eItemsContinue',
			{
				...historyParameters({
					agentSelection: 'ids',
					agentIds: '={{ $json.agent }}',
					options: { resolveAgentNames: false },
				}),
				__continueOnFail: true,
			},
			{
				inputItems: [{ agent: String(a.agentId) }, { agent: 'not-a-number' }, { agent: b.agentId }],
			},
		);
		expect(run.result?.data?.resultData?.error).toBeUndefined();
		const items = h.nodeOutput(run.result, 'CXone');
		const first = items.filter((i) => i.pairedItem.item === 0);
		const second = items.filter((i) => i.pairedItem.item === 1);
		const third = items.filter((i) => i.pairedItem.item === 2);
		expect(first).toHaveLength(fake.countRecords({ agentId: a.agentId, ...WINDOW_MS }));
		expect(third).toHaveLength(fake.countRecords({ agentId: b.agentId, ...WINDOW_MS }));
		expect(first.every((i) => i.json.agentId === String(a.agentId))).toBe(true);
		expect(second).toHaveLength(1);
		expect(second[0].json.error).toMatch(/not-a-number.*not numeric/);
	});

	test('Reporting API v2 flavor with the Client Credentials grant (client auth in the body), discovery on', async () => {
		await h.importCredential(home, {
			id: 'cxoneV2ClientCr1',
			data: fakeCredentialData(fake, {
				grantType: 'clientCredentials',
				clientAuth: 'body',
				apiFlavor: 'reportingV2',
			}),
		});
		const [a, b] = fake.agents;
		const run = await runHistory(
			'e2eV2ClientCreds',
			historyParameters({ agentSelection: 'ids', agentIds: `${a.agentId}, ${b.agentId}` }),
			{ credentialId: 'cxoneV2ClientCr1' },
		);
		expect(run.result?.data?.resultData?.error).toBeUndefined();
		const items = h.nodeOutput(run.result, 'CXone');
		const truth = [a, b].flatMap((agent) =>
			fake.canonicalRecordsFor({ agentId: agent.agentId, ...WINDOW_MS, flavor: 'reportingV2' }),
		);
		expect(truth.length).toBeGreaterThan(0);
		expect(new Set(items.map((i) => i.json.recordId))).toEqual(
			new Set(truth.map((r) => r.recordId)),
		);
		expect(items).toHaveLength(truth.length);
		// v2 state names come from its own table (BREAK, READY, …) and its records carry the names.
		const brk = items.find((i) => i.json.reason === 'Break');
		expect(brk.json).toMatchObject({ state: 'BREAK', stateId: 4, category: 'unavailable' });
		expect(brk.json.agentName).toBeTruthy();
		const token = fake.log.filter((e) => /\/(auth|oauth)\/token$/.test(e.path));
		expect(token).toHaveLength(1);
		expect(token[0]).toMatchObject({ grantType: 'client_credentials', clientAuth: 'body' });
		expect(fake.log.some((e) => e.path === '/reporting/v2/agents/states/history')).toBe(true);
	});

	test('a token that expires mid-run is refreshed through n8n: token endpoint hit exactly twice', async () => {
		// A fresh credential: its first token is fetched by preAuthentication, then expires after
		// three pages; the refresh is the second and last token request, shared by every page in
		// flight with the old token (pages are read in parallel: at most Concurrency, 4, of them).
		await h.importCredential(home, { id: 'cxoneExpiryCred1', data: fakeCredentialData(fake) });
		fake.setFaults({ expireTokenAfterRequests: { n: 3 } });
		const run = await runHistory(
			'e2eTokenExpiry01',
			historyParameters({ options: { pageSize: 50, resolveAgentNames: false } }),
			{ credentialId: 'cxoneExpiryCred1' },
		);
		const items = h.nodeOutput(run.result, 'CXone');
		expect(items).toHaveLength(fake.countRecords({ all: true, ...WINDOW_MS }));
		const tokenCalls = fake.log.filter((e) => /\/auth\/token$/.test(e.path));
		expect(tokenCalls).toHaveLength(2);
		const refused = fake.log.filter((e) => e.status === 401).length;
		expect(refused).toBeGreaterThanOrEqual(1);
		expect(refused).toBeLessThanOrEqual(4);
	});

	test('a 429 burst is waited out (Retry-After honoured) and nothing is lost', async () => {
		fake.setFaults({ rateLimit: { count: 3, retryAfter: '1' } });
		const run = await runHistory(
			'e2eRateLimit0001',
			historyParameters({ options: { pageSize: 200, resolveAgentNames: false } }),
		);
		const items = h.nodeOutput(run.result, 'CXone');
		expect(items).toHaveLength(fake.countRecords({ all: true, ...WINDOW_MS }));
		expect(fake.log.filter((e) => e.status === 429)).toHaveLength(3);
	});
});
