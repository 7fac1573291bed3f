// The agents' current states in real n8n, in each shape the fake CXone can send them (duration
// elapsed so far, absent, null): a "Today" query for all agents with default options gives every
// record, each open state once with no end and its time so far; one item per agent with a
// threshold gives summaries and flags that count the open time.
'use strict';

const { DateTime } = require('luxon');
const { createFakeCxone } = require('../fake-cxone');
const h = require('./harness');
const { fakeCredentialData } = require('./cases');

const SHAPES = ['elapsed', 'absent', 'null'];
const ZONE = 'America/New_York';

describe.each(SHAPES)('current states sent as "%s": Today, all agents', (shape) => {
	let fake;
	let home;
	let nowMs;
	let stateChangedToday;
	let dayStart;
	let credentialId;

	beforeAll(async () => {
		// The fake's clock is fixed just before the real now, so n8n's "Today" and the fake's day
		// agree: 100 ms after the day's last state change, so one agent has just left a state whose
		// duration still reaches the read instant (normalize.ts's 1 s tolerance). Only the agent's
		// next state shows that it has ended.
		const realNow = Date.now();
		dayStart = DateTime.fromMillis(realNow, { zone: ZONE }).startOf('day').toMillis();
		const probe = createFakeCxone({ agents: 8, seed: 3, now: realNow });
		const changes = probe
			.canonicalRecordsFor({ all: true, startMs: dayStart, endMs: realNow })
			.map((r) => r.startMs)
			.filter((ms) => ms > dayStart && ms < realNow - 100);
		stateChangedToday = changes.length > 0;
		nowMs = stateChangedToday ? Math.max(...changes) + 100 : realNow;
		fake = createFakeCxone({ agents: 8, seed: 3, now: nowMs, openState: shape });
		await fake.start(0);
		home = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
		credentialId = `cxoneOpen${shape.padEnd(7, '0')}`;
		await h.importCredential(home, { id: credentialId, data: fakeCredentialData(fake) });
	});

	afterAll(async () => {
		await fake?.stop();
	});

	async function today(idSuffix, extra) {
		const workflow = h.historyWorkflow({
			id: `e2eOpen${idSuffix}${shape.slice(0, 3)}`.padEnd(16, '0'),
			credentialId,
			parameters: { agentSelection: 'all', timeRange: 'today', timezone: ZONE, ...extra },
		});
		await h.importWorkflow(home, workflow);
		const run = await h.executeWorkflow(home, workflow.id);
		expect(run.result.data.resultData.error).toBeUndefined();
		return h.nodeOutput(run.result, 'CXone').map((i) => i.json);
	}

	const truth = () => fake.canonicalRecordsFor({ all: true, startMs: dayStart, endMs: nowMs });

	test('default options: every record once; each open state once, without an end, to the read instant', async () => {
		const states = await today('Def', {});
		const expected = truth();
		expect(expected.length).toBeGreaterThan(0);
		expect(states.map((j) => j.recordId).sort()).toEqual(expected.map((t) => t.recordId).sort());

		const open = expected.filter((t) => t.isOpen);
		// Every agent has a current state: on shift, or LoggedOut until the next shift.
		expect(open).toHaveLength(fake.agents.length);
		const byId = new Map(states.map((j) => [j.recordId, j]));
		const justEnded = expected.filter((t) => !t.isOpen && t.endMs === nowMs - 100);
		// One agent, unless two changed state in the same millisecond.
		if (stateChangedToday) expect(justEnded.length).toBeGreaterThanOrEqual(1);
		else expect(justEnded).toHaveLength(0);
		for (const t of justEnded) {
			expect(byId.get(t.recordId)).toMatchObject({
				isOpen: false,
				endTimeUtc: new Date(t.endMs).toISOString(),
				durationSeconds: t.durationMs / 1000,
			});
		}
		for (const t of open) {
			const j = byId.get(t.recordId);
			expect(j).toMatchObject({
				isOpen: true,
				endTimeUtc: null,
				endTime: null,
				startTimeUtc: new Date(t.startMs).toISOString(),
				durationSeconds: (nowMs - t.startMs) / 1000,
				clippedDurationSeconds: (nowMs - Math.max(t.startMs, dayStart)) / 1000,
			});
			expect(typeof j.durationFormatted).toBe('string');
		}
		expect(states.filter((j) => j.isOpen)).toHaveLength(open.length);
		for (const j of states.filter((s) => !s.isOpen)) expect(typeof j.endTimeUtc).toBe('string');
	});

	test('one item per agent: summary totals are the clipped durations, open time and flags included', async () => {
		const agents = await today('Sum', {
			splitIntoItems: false,
			options: { thresholdMinutes: 15, thresholdLabels: 'Break' },
		});
		const expected = truth();
		expect(agents).toHaveLength(new Set(expected.map((t) => t.agentId)).size);
		for (const a of agents) {
			const clipped = a.states.reduce((sum, j) => sum + j.clippedDurationSeconds, 0);
			expect(a.summary.totalSeconds).toBeCloseTo(clipped, 3);
			const open = a.states.filter((j) => j.isOpen);
			expect(open).toHaveLength(1);
			const t = expected.find((r) => r.recordId === open[0].recordId);
			expect(open[0].overThreshold).toBe(t.reason === 'Break' && nowMs - t.startMs > 900000);
			expect(a.summary.overThresholdCount).toBe(a.states.filter((j) => j.overThreshold).length);
			const label = open[0].label;
			expect(a.summary.byLabel[label].seconds).toBeGreaterThanOrEqual(
				open[0].clippedDurationSeconds - 0.001,
			);
		}
	});
});
