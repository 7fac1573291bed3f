// The CXone node in real n8n against the fake CXone: every operation's items checked against the
// fake's own truth (agents, teams, unavailable codes, current states), and Agent State → Get
// Current agreeing with the open last states the history node reads at the same instant.
'use strict';

const { createFakeCxone } = require('../fake-cxone');
const h = require('./harness');
const { fakeCredentialData } = require('./cases');

const ZONE = 'America/New_York';

describe('CXone node', () => {
	let fake;
	let home;
	let nowMs;
	const credentialId = 'cxoneNodeCred0001';
	let n = 0;

	beforeAll(async () => {
		// The fake's clock stands still at the real now: both nodes read the same instant.
		nowMs = Date.now();
		fake = createFakeCxone({ agents: 12, seed: 11, now: nowMs });
		await fake.start(0);
		home = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
		await h.importCredential(home, { id: credentialId, data: fakeCredentialData(fake) });
	});

	afterAll(async () => {
		await fake?.stop();
	});

	async function run(parameters, nodeType = h.CXONE_TYPE) {
		n += 1;
		const workflow = h.historyWorkflow({
			id: `e2eCxoneNode${String(n).padStart(4, '0')}`,
			credentialId,
			parameters,
			nodeType,
		});
		await h.importWorkflow(home, workflow);
		const result = await h.executeWorkflow(home, workflow.id);
		expect(result.result.data.resultData.error).toBeUndefined();
		const items = h.nodeOutput(result.result, 'CXone');
		for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
		return items.map((i) => i.json);
	}

	test('Agent → Get Performance: every agent, and one, as the fake totals them', async () => {
		const start = new Date(nowMs - 30 * 3600000).toISOString();
		const end = new Date(nowMs - 3600000).toISOString();
		const window = { timeRange: 'custom', start, end, timezone: 'UTC' };
		const truth = fake.performanceFor({ startMs: start, endMs: end });
		expect(truth.length).toBeGreaterThan(3);
		const all = await run({ resource: 'agent', operation: 'getPerformance', ...window });
		expect(all.map((a) => a.agentId).sort()).toEqual(truth.map((t) => String(t.agentId)).sort());
		for (const t of truth) {
			const item = all.find((a) => a.agentId === String(t.agentId));
			const agent = fake.agents.find((a) => a.agentId === t.agentId);
			expect(item).toMatchObject({
				agentName: `${agent.firstName} ${agent.lastName}`,
				teamId: String(t.teamId),
				windowStartUtc: start,
				windowEndUtc: end,
				inboundHandled: t.inboundHandled,
				totalHandled: t.totalHandled,
			});
			for (const key of [
				'availableTime',
				'unavailableTime',
				'acwTime',
				'loginTime',
				'totalTalkTime',
			])
				expect(item[key]).toBeCloseTo(t[key], 3);
			expect(item.occupancy).toBeCloseTo(t.occupancy, 2);
		}
		const one = await run({
			resource: 'agent',
			operation: 'getPerformance',
			agentSelection: 'ids',
			agentIds: String(truth[0].agentId),
			...window,
		});
		expect(one).toHaveLength(1);
		expect(one[0].loginTime).toBeCloseTo(truth[0].loginTime, 3);
	});

	test('Agent → Get Many (all, then active only) and Get', async () => {
		const truth = fake.agentItems();
		const all = await run({
			resource: 'agent',
			operation: 'getMany',
			returnAll: true,
			activeOnly: false,
			options: { pageSize: 5 },
		});
		expect(all.map((a) => a.agentId)).toEqual(truth.map((a) => String(a.agentId)));
		for (const [i, a] of all.entries()) {
			const t = truth[i];
			expect(a).toMatchObject({
				agentName: `${t.firstName} ${t.lastName}`,
				isActive: t.isActive,
				teamId: String(t.teamId),
				teamName: t.teamName,
			});
		}
		const inactive = truth.filter((t) => !t.isActive);
		expect(inactive.length).toBeGreaterThan(0);

		const active = await run({ resource: 'agent', operation: 'getMany', returnAll: true });
		expect(active.map((a) => a.agentId)).toEqual(
			truth.filter((t) => t.isActive).map((t) => String(t.agentId)),
		);

		const one = await run({
			resource: 'agent',
			operation: 'get',
			agentId: { __rl: true, mode: 'id', value: String(truth[1].agentId) },
		});
		expect(one).toEqual([all[1]]);
	});

	test('Team → Get Many and Unavailable Code → Get Many', async () => {
		const teams = await run({
			resource: 'team',
			operation: 'getMany',
			returnAll: true,
			activeOnly: false,
		});
		expect(teams.map((t) => [t.teamId, t.teamName, t.isActive])).toEqual(
			fake.teams().map((t) => [String(t.teamId), t.teamName, t.isActive]),
		);

		const codes = await run({
			resource: 'unavailableCode',
			operation: 'getMany',
			returnAll: true,
			activeOnly: false,
			teamId: '',
		});
		expect(codes).toEqual(
			fake.unavailableCodes().map((c) => ({
				id: c.id,
				name: c.name,
				isActive: c.isActive,
				isAcw: c.isACW,
				agentTimeoutMins: c.agentTimeoutMins,
			})),
		);
		const teamCodes = await run({
			resource: 'unavailableCode',
			operation: 'getMany',
			returnAll: true,
			activeOnly: true,
			teamId: String(fake.teams()[0].teamId),
		});
		expect(teamCodes).toEqual(codes.filter((c) => c.isActive));
	});

	test('Agent State → Get Current equals the open last states of the history node', async () => {
		const current = await run({
			resource: 'agentState',
			operation: 'getCurrent',
			options: { timezone: ZONE },
		});
		const truth = fake.currentStates();
		expect(current.map((c) => c.agentId)).toEqual(truth.map((t) => String(t.agentId)));

		const history = await run(
			{ agentSelection: 'all', timeRange: 'today', timezone: ZONE },
			h.NODE_TYPE,
		);
		const open = new Map(history.filter((s) => s.isOpen).map((s) => [s.agentId, s]));
		let compared = 0;
		for (const c of current) {
			expect(c).toMatchObject({ isOpen: true, readAtUtc: new Date(nowMs).toISOString() });
			const s = open.get(c.agentId);
			// An agent logged out since before today has no state today.
			if (s === undefined) {
				expect(c.state).toBe('LoggedOut');
				continue;
			}
			compared++;
			expect({
				stateId: c.stateId,
				state: c.state,
				reasonId: c.reasonId,
				reason: c.reason,
				label: c.label,
				startTimeUtc: c.startTimeUtc,
				startTime: c.startTime,
				durationSeconds: c.durationSeconds,
				agentName: c.agentName,
			}).toEqual({
				stateId: s.stateId,
				state: s.state,
				reasonId: s.reasonId,
				reason: s.reason,
				label: s.label,
				startTimeUtc: s.startTimeUtc,
				startTime: s.startTime,
				durationSeconds: s.durationSeconds,
				agentName: s.agentName,
			});
		}
		expect(compared).toBeGreaterThan(0);
		process.stdout.write(
			`[${h.RUNTIME_LABEL}] Get Current: ${current.length} agents, ${compared} compared with the history's open states\n`,
		);
	});
});
