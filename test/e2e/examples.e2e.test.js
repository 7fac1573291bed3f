// Each example workflow of examples/ runs in real n8n against the fake CXone server (a NoOp stands
// in for Slack, Sheets and mail; a manual start for the schedule). The fake's clock is the real
// now, so "today" and "yesterday" mean what they say; the agents' current states come without a
// duration, as some CXone tenants send them.
'use strict';

const { DateTime } = require('luxon');
const { createFakeCxone } = require('../fake-cxone');
const h = require('./harness');
const { fakeCredentialData } = require('./cases');

const ZONE = 'America/New_York';

function overlapping(fake, startMs, endMs) {
	return fake.canonicalRecordsFor({ all: true, startMs, endMs });
}

describe('example workflows in real n8n', () => {
	let fake;
	let home;

	beforeAll(async () => {
		// 16 agents: some work weekends, so "yesterday" has data on any day of the week.
		fake = createFakeCxone({ agents: 16, seed: 11, now: Date.now(), openState: 'absent' });
		await fake.start(0);
		home = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
		await h.importCredential(home, { id: 'cxoneExamples01', data: fakeCredentialData(fake) });
	});

	afterAll(async () => {
		await fake?.stop();
	});

	async function runExample(file) {
		const workflow = h.adaptExample(file, { credentialId: 'cxoneExamples01' });
		await h.importWorkflow(home, workflow);
		const run = await h.executeWorkflow(home, workflow.id);
		expect(run.result?.data?.resultData?.error).toBeUndefined();
		return run.result;
	}

	test('break overage alert: exactly the breaks over 15 minutes reach Slack', async () => {
		const result = await runExample('break-overage-alert.json');
		const states = h.nodeOutput(result, 'CXone Agent State History');
		const today = DateTime.fromMillis(fake.nowMs, { zone: ZONE }).startOf('day').toMillis();
		const truth = overlapping(fake, today, fake.nowMs);
		expect(states.filter((i) => i.json.recordId)).toHaveLength(truth.length);
		const longBreaks = truth.filter((r) => r.reason === 'Break' && r.durationMs > 15 * 60000);
		const alerted = h.nodeOutput(result, 'Slack');
		expect(alerted.map((i) => i.json.recordId).sort()).toEqual(
			longBreaks.map((r) => r.recordId).sort(),
		);
		for (const item of alerted)
			expect(item.json).toMatchObject({ overThreshold: true, label: 'Break' });
	});

	test('who is on break now: the CXone node flags exactly the current breaks over 15 and lunches over 60 minutes', async () => {
		// An instant of the last two days when one agent is more than 15 minutes into a break, so
		// the IF has something to pass and something to drop; the fake's clock is set back after.
		const realNow = fake.nowMs;
		const longBreak = (t, at) =>
			t.outStateDescription === 'Break' && at - Date.parse(t.startDate) > 15 * 60000;
		let at = realNow;
		for (; at > realNow - 2 * 86400000; at -= 5 * 60000) {
			fake.setNow(at);
			if (fake.currentStates().some((t) => longBreak(t, at))) break;
		}
		let result;
		let truth;
		try {
			truth = fake.currentStates();
			result = await runExample('who-is-on-break-now.json');
		} finally {
			fake.setNow(realNow);
		}
		expect(truth.some((t) => longBreak(t, at))).toBe(true);
		const current = h.nodeOutput(result, 'CXone');
		expect(current.map((i) => i.json.agentId)).toEqual(truth.map((t) => String(t.agentId)));
		const limits = { Break: 15, Lunch: 60 };
		const over = truth.filter((t) => {
			const limit = limits[t.outStateDescription];
			return limit !== undefined && at - Date.parse(t.startDate) > limit * 60000;
		});
		const alerted = h.nodeOutput(result, 'Slack');
		expect(alerted.map((i) => i.json.agentId).sort()).toEqual(
			over.map((t) => String(t.agentId)).sort(),
		);
		for (const item of alerted) {
			expect(item.json).toMatchObject({ overThreshold: true, isOpen: true });
			expect(['Break', 'Lunch']).toContain(item.json.label);
		}
		process.stdout.write(
			`[${h.RUNTIME_LABEL}] who is on break now: ${current.length} agents, ${alerted.length} over their break or lunch\n`,
		);
	});

	test('sync to Google Sheets: every state of yesterday, each with its recordId for the upsert', async () => {
		const result = await runExample('sync-states-to-google-sheets.json');
		const start = DateTime.fromMillis(fake.nowMs, { zone: ZONE }).startOf('day').minus({ days: 1 });
		const truth = overlapping(fake, start.toMillis(), start.plus({ days: 1 }).toMillis());
		expect(truth.length).toBeGreaterThan(0);
		const rows = h.nodeOutput(result, 'Google Sheets');
		expect(rows).toHaveLength(truth.length);
		expect(new Set(rows.map((r) => r.json.recordId))).toEqual(
			new Set(truth.map((r) => r.recordId)),
		);
	});

	test('daily timecard: one HTML table row per agent who worked yesterday', async () => {
		const result = await runExample('daily-timecard.json');
		const agents = h.nodeOutput(result, 'CXone Agent State History').filter((i) => i.json.states);
		const rows = h.nodeOutput(result, 'Timecard Rows');
		expect(rows).toHaveLength(agents.length);
		const [html] = h.nodeOutput(result, 'HTML Table');
		expect(html.json.table).toMatch(/^<table/);
		for (const a of agents) expect(html.json.table).toContain(a.json.agentName);
		expect(h.nodeOutput(result, 'Send Email')).toHaveLength(1);
	});
});
