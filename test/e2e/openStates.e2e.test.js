// The agents' current states in real n8n, in each shape the fake CXone can send them (duration
// elapsed so far, absent, null): a "Today" query for all agents with default options gives every
// record, each open state once with no end and its time so far, and summaries that count it.
'use strict';

const { DateTime } = require('luxon');
const { createFakeCxone } = require('../fake-cxone');
const h = require('./harness');
const { fakeCredentialData } = require('./cases');

const SHAPES = ['elapsed', 'absent', 'null'];
const ZONE = 'America/New_York';

describe.each(SHAPES)(
	'current states sent as "%s": Today, all agents, default options',
	(shape) => {
		let fake;
		let home;
		let run;
		let nowMs;

		beforeAll(async () => {
			// The fake's clock is fixed at the real now, so n8n's "Today" and the fake's day agree.
			nowMs = Date.now();
			fake = createFakeCxone({ agents: 8, seed: 3, now: nowMs, openState: shape });
			await fake.start(0);
			home = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
			const credentialId = `cxoneOpen${shape.padEnd(7, '0')}`;
			await h.importCredential(home, { id: credentialId, data: fakeCredentialData(fake) });
			const workflow = h.historyWorkflow({
				id: `e2eOpenStates${shape.slice(0, 3)}`,
				credentialId,
				parameters: {
					agentSelection: 'all',
					timeRange: 'today',
					timezone: ZONE,
					splitIntoItems: true,
					options: { includeSummary: true, thresholdMinutes: 15, thresholdLabels: 'Break' },
				},
			});
			await h.importWorkflow(home, workflow);
			run = await h.executeWorkflow(home, workflow.id);
		});

		afterAll(async () => {
			await fake?.stop();
		});

		test('every record once; each open state once, without an end, running to the read instant', () => {
			expect(run.result?.data?.resultData?.error).toBeUndefined();
			const items = h.nodeOutput(run.result, 'CXone').map((i) => i.json);
			const states = items.filter((j) => j.recordId !== undefined);
			const dayStart = DateTime.fromMillis(nowMs, { zone: ZONE }).startOf('day').toMillis();
			const truth = fake.canonicalRecordsFor({ all: true, startMs: dayStart, endMs: nowMs });
			expect(truth.length).toBeGreaterThan(0);
			expect(states.map((j) => j.recordId).sort()).toEqual(truth.map((t) => t.recordId).sort());

			const open = truth.filter((t) => t.isOpen);
			// Every agent has a current state: on shift, or LoggedOut until the next shift.
			expect(open).toHaveLength(fake.agents.length);
			const byId = new Map(states.map((j) => [j.recordId, j]));
			for (const t of open) {
				const j = byId.get(t.recordId);
				const seconds = (nowMs - t.startMs) / 1000;
				expect(j).toMatchObject({
					isOpen: true,
					endTimeUtc: null,
					endTime: null,
					startTimeUtc: new Date(t.startMs).toISOString(),
					durationSeconds: seconds,
					clippedDurationSeconds: (nowMs - Math.max(t.startMs, dayStart)) / 1000,
					overThreshold: t.reason === 'Break' && seconds > 900,
				});
				expect(typeof j.durationFormatted).toBe('string');
			}
			expect(states.filter((j) => j.isOpen)).toHaveLength(open.length);
			for (const j of states.filter((s) => !s.isOpen)) {
				expect(typeof j.endTimeUtc).toBe('string');
			}
		});

		test('per-agent summary totals equal the clipped durations, open time included', () => {
			const items = h.nodeOutput(run.result, 'CXone').map((i) => i.json);
			const states = items.filter((j) => j.recordId !== undefined);
			const summaries = items.filter((j) => j.itemType === 'agentSummary');
			expect(summaries.length).toBe(new Set(states.map((j) => j.agentId)).size);
			for (const s of summaries) {
				const mine = states.filter((j) => j.agentId === s.agentId);
				const clipped = mine.reduce((sum, j) => sum + j.clippedDurationSeconds, 0);
				expect(s.totalSeconds).toBeCloseTo(clipped, 3);
				expect(mine.filter((j) => j.isOpen)).toHaveLength(1);
				expect(s.overThresholdCount).toBe(mine.filter((j) => j.overThreshold).length);
			}
			const window = items.find((j) => j.itemType === 'windowSummary');
			expect(window).toMatchObject({ recordCount: states.length, invalidRecords: 0 });
		});
	},
);
