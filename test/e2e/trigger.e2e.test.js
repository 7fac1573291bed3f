// The CXone Agent State Trigger active in a real `n8n start`, polling the fake CXone
// server while its real-time clock lets states end: over several polls every ended state is
// emitted once, none twice, none missing. Emitted items reach a local sink through an HTTP
// Request node, since an active workflow has no other observable output.
'use strict';

const fs = require('node:fs');

const { createFakeCxone } = require('../fake-cxone');
const h = require('./harness');
const { startN8n, setupOwner } = require('./server');
const { CONTRACT_FIELDS, fakeCredentialData } = require('./cases');
const {
	POLL,
	POLL_DESCRIPTION,
	QUERY_MARGIN_MS,
	triggerWorkflow,
	startSink,
	stampLog,
	pollsFromLog,
	untilQuiet,
	expectActivated,
} = require('./trigger');

const WORKFLOW_ID = 'e2eTriggerPolls1';
const CREDENTIAL_ID = 'cxoneTriggerCred';
const LOOK_BACK_MS = 60000; // the trigger's minimum look-back (1 minute)
// normalize.ts OPEN_TOLERANCE_MS: a state ending within 1 s of CXone's lastPollTime is still open.
const OPEN_TOLERANCE_MS = 1000;
const POLLS_CHECKED = 3;
// Busy enough for ended states at any UTC day and hour (weekends included; most agents have
// Sat+Sun off): a 10 s poll sees ≥4 in every hourly sample of a week, ~45 typically.
const FAKE = { agents: 300, statesPerShift: 2000, seed: 5 };

const hms = (ms) => new Date(ms).toISOString().slice(11, 23);

describe('CXone Agent State Trigger active in real n8n (n8n start)', () => {
	let fake;
	let sink;
	let home;
	let n8n;

	afterAll(async () => {
		await n8n?.stop();
		await sink?.close();
		await fake?.stop();
		if (home) fs.rmSync(home.home, { recursive: true, force: true });
	});

	test('several polls while states end: each ended state once, no duplicate, no gap', async () => {
		fake = createFakeCxone({ ...FAKE, now: 'real' });
		await fake.start(0);
		// Generate today's shifts now: a first query that generates them takes long enough (under
		// load, over 1 s) for the fake to stamp lastPollTime well after the `now` its open states
		// were cut at, and the trigger would then read those states as ended.
		fake.countRecords({ all: true, startMs: Date.now() - 60000, endMs: Date.now() });
		stampLog(fake);
		sink = await startSink();

		home = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
		await h.importCredential(home, { id: CREDENTIAL_ID, data: fakeCredentialData(fake) });
		const workflow = triggerWorkflow({
			id: WORKFLOW_ID,
			name: 'e2e trigger polls',
			credentialId: CREDENTIAL_ID,
			sinkUrl: sink.url,
			parameters: {
				event: 'stateEnded',
				agentSelection: 'all',
				filters: {},
				timezone: 'America/New_York',
				options: { lookBackMinutes: LOOK_BACK_MS / 60000 },
			},
		});
		await h.importWorkflow(home, workflow);
		await h.n8n(home, ['publish:workflow', `--id=${WORKFLOW_ID}`]);

		n8n = await startN8n(home);
		const { cookie } = await setupOwner(n8n.url);
		await expectActivated(n8n, cookie, workflow);

		// One poll more than checked: states that ended within OPEN_TOLERANCE_MS of the last
		// checked poll's read still looked open then, and this poll emits them.
		const waitMs = (POLLS_CHECKED + 2) * POLL.intervalMs + 60000;
		const deadline = Date.now() + waitMs;
		while (pollsFromLog(fake.log).length < POLLS_CHECKED + 1) {
			if (Date.now() > deadline) {
				throw new Error(
					`Only ${pollsFromLog(fake.log).length} trigger poll(s) reached the fake CXone in ${waitMs / 1000} s. n8n output:\n${n8n.output().slice(-6000)}`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		// The extra poll's own items may still be on their way: stop once the sink is quiet.
		await untilQuiet(sink);
		await n8n.stop();

		const polls = pollsFromLog(fake.log);
		const checked = polls.slice(0, POLLS_CHECKED);
		const first = polls[0];
		const lastChecked = checked[checked.length - 1];
		const last = polls[polls.length - 1];

		// The server's truth: every state that ended from the first horizon on.
		const truth = fake
			.canonicalRecordsFor({
				all: true,
				startMs: first.horizonMs - QUERY_MARGIN_MS,
				endMs: last.endMs + 60000,
			})
			.filter((r) => r.endMs !== null && r.endMs >= first.horizonMs);
		const truthById = new Map(truth.map((r) => [r.recordId, r]));
		const expected = truth.filter((r) => r.endMs <= lastChecked.endMs);

		// Executions in poll order; each belongs to the last poll read before its first item arrived.
		const byExecution = new Map();
		for (const r of sink.received) {
			if (!byExecution.has(r.executionId)) byExecution.set(r.executionId, []);
			byExecution.get(r.executionId).push(r);
		}
		for (const poll of polls) poll.executions = [];
		const unplaced = [];
		for (const [executionId, rows] of byExecution) {
			const arrived = rows[0].atMs;
			const poll = [...polls].reverse().find((p) => p.lastSeenMs <= arrived);
			if (poll) poll.executions.push({ executionId, items: rows.map((r) => r.item) });
			else unplaced.push(executionId);
		}
		const items = sink.received.map((r) => r.item);
		const ids = items.map((i) => i.recordId);

		// The run, for the record: one block per poll.
		const lines = [
			`fake: ${FAKE.agents} agents, ${FAKE.statesPerShift} states/shift, real clock; polls ${POLL_DESCRIPTION}, look-back ${LOOK_BACK_MS / 1000} s`,
			`n8n start pid ${n8n.process.pid}; the activation poll (no read) set the cursor at ${hms(first.horizonMs)}`,
		];
		let emittedBefore = new Set();
		polls.forEach((poll, k) => {
			const emitted = poll.executions.flatMap((e) => e.items);
			const reread = truth.filter(
				(r) => r.endMs >= poll.horizonMs && r.endMs <= poll.endMs && emittedBefore.has(r.recordId),
			).length;
			const executions = poll.executions.map((e) => e.executionId).join(',') || '-';
			lines.push(
				`poll ${k + 1}${k < POLLS_CHECKED ? '' : ' (extra)'}: window ${hms(Date.parse(poll.startDate))}–${hms(poll.endMs)} UTC, GET ${poll.requests.join(', ')}; ended states re-read, not repeated: ${reread}; emitted ${emitted.length} (execution ${executions})`,
			);
			const shown = emitted.map(
				(i) => `${i.endTimeUtc.slice(11, 23)} ${i.agentId} ${i.label} ${i.durationFormatted}`,
			);
			for (let j = 0; j < shown.length; j += 3) {
				lines.push(`    ${shown.slice(j, j + 3).join(' | ')}`);
			}
			emittedBefore = new Set([...emittedBefore, ...emitted.map((i) => i.recordId)]);
		});
		lines.push(
			`total emitted ${items.length} (distinct ${new Set(ids).size}); states ended in the checked span ${hms(first.horizonMs)}–${hms(lastChecked.endMs)}: ${expected.length}`,
		);
		console.log(lines.join('\n'));

		// Preconditions, each failing with its reason rather than as a wrong count below.
		// The fake takes `now` for its records before it builds a page and stamps lastPollTime
		// after; past the normalizer's 1 s tolerance its open states would look ended.
		const slow = polls.filter((p) => p.slowestMs >= 900);
		if (slow.length > 0) {
			throw new Error(
				`The fake CXone took ${slow.map((p) => Math.round(p.slowestMs)).join(', ')} ms for a state-history page (machine overloaded?): its lastPollTime then lags its records by that much and open states look ended. Rerun on a quieter machine.`,
			);
		}
		if (expected.length === 0) {
			throw new Error(
				`The fake CXone had no state ending between ${first.startDate} and ${lastChecked.endDate} (${FAKE.agents} agents, ${FAKE.statesPerShift} states per shift): nothing to check. Raise agents or statesPerShift.`,
			);
		}
		expect(unplaced).toEqual([]);

		// Activated at start (the REST check above), and no poll skipped invalid records or failed.
		expect(n8n.output()).not.toMatch(/skipped \d+ invalid record|problem activating/i);

		// At least POLLS_CHECKED timed polls after activation, and items arrived.
		expect(polls.length).toBeGreaterThanOrEqual(POLLS_CHECKED + 1);
		expect(items.length).toBeGreaterThan(0);

		// cursor.ts in real n8n: the activation poll set the cursor (= floor) to its now, the first
		// timed poll reads from there, and each later poll from max(previous now − look-back,
		// floor). So the cursor survived between polls in the workflow's static data.
		for (let k = 1; k < polls.length; k++) {
			expect(polls[k].horizonMs).toBe(Math.max(polls[k - 1].endMs - LOOK_BACK_MS, first.horizonMs));
			// Overlapping windows: states ended in the overlap are read again and must not repeat.
			expect(polls[k].horizonMs).toBeLessThan(polls[k - 1].endMs);
		}

		// No duplicate, across all polls.
		expect(ids.length - new Set(ids).size).toBe(0);

		// Every item: an ended state with the output contract, true to the server's record.
		const wrong = [];
		for (const item of items) {
			for (const field of [...CONTRACT_FIELDS, 'agentName', 'teamName'])
				expect(item).toHaveProperty(field);
			const t = truthById.get(item.recordId);
			const actual = `${item.startTimeUtc}–${item.endTimeUtc} open=${item.isOpen}`;
			const real =
				t && `${new Date(t.startMs).toISOString()}–${new Date(t.endMs).toISOString()} open=false`;
			if (actual !== real)
				wrong.push(`${item.recordId}: emitted ${actual}, server ${real ?? 'no such ended state'}`);
			else expect(item.agentName).toBe(t.agentName);
		}
		expect(wrong).toEqual([]);

		// No gap: every state that ended between the first horizon and the last checked poll's now.
		const emittedIds = new Set(ids);
		const missing = expected.filter((r) => !emittedIds.has(r.recordId));
		expect(missing.map((r) => `${r.recordId} ended ${new Date(r.endMs).toISOString()}`)).toEqual(
			[],
		);
		// On time: a poll emits every state that ended over OPEN_TOLERANCE_MS before its read
		// (a nearer one counts as still open when its next state is not in the read, see
		// normalize.ts; the next poll emits those).
		const emittedBy = new Map();
		polls.forEach((poll, k) => {
			for (const e of poll.executions) for (const i of e.items) emittedBy.set(i.recordId, k);
		});
		const late = [];
		polls.forEach((poll, k) => {
			for (const r of truth) {
				if (r.endMs < poll.endMs - OPEN_TOLERANCE_MS && !(emittedBy.get(r.recordId) <= k)) {
					late.push(`${r.recordId} ended ${hms(r.endMs)}, not emitted by poll ${k + 1}`);
				}
			}
		});
		expect(late).toEqual([]);

		// Every process this test started has exited.
		expect(n8n.process.exitCode !== null || n8n.process.signalCode !== null).toBe(true);
	}, 600000);
});
