// The trigger's State Exceeded Duration in a real `n8n start`, with the agents' current states
// sent in each shape (duration elapsed so far, absent, null): a break that is still running is
// emitted once when it passes the threshold, and not again by the polls after it. However long n8n
// takes to start, the break crosses after the trigger is polling: each fake moves its data (its
// timeShiftMs) only once it has served the trigger's first poll, so that the chosen break passes
// 15 minutes between two later polls.
'use strict';

const fs = require('node:fs');

const { createFakeCxone } = require('../fake-cxone');
const h = require('./harness');
const { startN8n, setupOwner } = require('./server');
const { fakeCredentialData } = require('./cases');
const {
	POLL,
	triggerWorkflow,
	startSink,
	stampLog,
	pollsFromLog,
	untilQuiet,
	sleep,
	expectActivated,
} = require('./trigger');

const SHAPES = ['elapsed', 'absent', 'null'];
const THRESHOLD_MS = 15 * 60000;
const AGENTS = 60;
const SEED = 1;
const HOUR_MS = 3600000;
/** Polls kept after the crossing, so a repeat would show. */
const POLLS_AFTER = 3;
/** How long the chosen break must run on after 15 minutes: still open at the poll after. */
const RUN_ON_MS = 2 * POLL.intervalMs + 60000;
/** The least time between moving the data and the crossing. */
const CROSS_LEAD_MS = 2000;
/** Time for n8n to start, activate and run the first timed poll. */
const FIRST_POLL_WITHIN_MS = 2 * POLL.intervalMs + 120000;

/**
 * The latest break of the seeded data that ended an hour or more before `beforeMs` and ran
 * RUN_ON_MS past 15 minutes. Shifted to cross in the test, it never was in a poll before.
 */
function findLongBreak(beforeMs) {
	const peek = createFakeCxone({ agents: AGENTS, seed: SEED, now: beforeMs });
	const found = peek
		.canonicalRecordsFor({ all: true, startMs: beforeMs - 72 * HOUR_MS, endMs: beforeMs - HOUR_MS })
		.filter(
			(r) =>
				r.reason === 'Break' &&
				!r.isOpen &&
				r.endMs <= beforeMs - HOUR_MS &&
				r.durationMs >= THRESHOLD_MS + RUN_ON_MS,
		)
		.sort((a, b) => a.startMs - b.startMs)
		.pop();
	if (!found) throw new Error(`Seed ${SEED} has no break of 15 min + ${RUN_ON_MS} ms in 3 days`);
	return found;
}

/**
 * When the break should pass 15 minutes: half a poll interval after one of the polls that follow
 * the first one (the same schedule), and after `nowMs`, so the shift itself cannot race a poll.
 */
function crossingAfter(firstPollMs, nowMs) {
	let k = 1;
	while (firstPollMs + (k + 0.5) * POLL.intervalMs < nowMs + CROSS_LEAD_MS) k++;
	return Math.round(firstPollMs + (k + 0.5) * POLL.intervalMs);
}

describe('State Exceeded Duration in real n8n: an open break in each current-state shape', () => {
	const fakes = {};
	let sink;
	let home;
	let n8n;

	afterAll(async () => {
		await n8n?.stop();
		await sink?.close();
		for (const fake of Object.values(fakes)) await fake.stop();
		if (home) fs.rmSync(home.home, { recursive: true, force: true });
	});

	test('emitted once when it passes 15 minutes, open, with its time so far', async () => {
		const breakRecord = findLongBreak(Date.now());
		sink = await startSink();
		const workflows = [];
		home = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
		for (const shape of SHAPES) {
			const fake = createFakeCxone({ agents: AGENTS, seed: SEED, now: 'real', openState: shape });
			await fake.start(0);
			stampLog(fake);
			fakes[shape] = fake;
			const credentialId = `cxoneExc${shape.padEnd(8, '0')}`;
			await h.importCredential(home, { id: credentialId, data: fakeCredentialData(fake) });
			const id = `e2eExceeded${shape.slice(0, 5).padEnd(5, '0')}`;
			const workflow = triggerWorkflow({
				id,
				name: `e2e exceeded ${shape}`,
				credentialId,
				sinkUrl: `${sink.url}/${shape}`,
				parameters: {
					event: 'stateExceeded',
					thresholdMinutes: 15,
					agentSelection: 'all',
					filters: { reasons: 'Break' },
					timezone: 'UTC',
					options: { lookBackMinutes: 1, resolveAgentNames: false },
				},
			});
			workflows.push(workflow);
			await h.importWorkflow(home, workflow);
			await h.n8n(home, ['publish:workflow', `--id=${id}`]);
		}
		n8n = await startN8n(home);
		const { cookie } = await setupOwner(n8n.url);
		for (const workflow of workflows) await expectActivated(n8n, cookie, workflow);

		// Each fake, once it has served its workflow's first poll, moves its data so that the break
		// passes 15 minutes between two later polls; then POLLS_AFTER polls must read past that.
		const crossMs = {};
		const shiftMs = {};
		const firstPollDeadline = Date.now() + FIRST_POLL_WITHIN_MS;
		const pollsAfter = (shape) =>
			pollsFromLog(fakes[shape].log).filter((p) => p.endMs > crossMs[shape]).length;
		while (!SHAPES.every((shape) => shape in crossMs && pollsAfter(shape) >= POLLS_AFTER)) {
			for (const shape of SHAPES) {
				const [first] = pollsFromLog(fakes[shape].log);
				if (shape in crossMs || !first) continue;
				crossMs[shape] = crossingAfter(first.firstSeenMs, Date.now());
				shiftMs[shape] = crossMs[shape] - THRESHOLD_MS - breakRecord.startMs;
				fakes[shape].setOptions({ timeShiftMs: shiftMs[shape] });
				// The shifted shifts generated now, not during the next poll's request.
				fakes[shape].countRecords({ all: true, startMs: Date.now() - 60000, endMs: Date.now() });
			}
			const waiting = SHAPES.filter((shape) => !(shape in crossMs));
			if (waiting.length > 0 && Date.now() > firstPollDeadline) {
				throw new Error(
					`No trigger poll reached the fake CXone of ${waiting.join(', ')} within ${FIRST_POLL_WITHIN_MS / 1000} s of activation. n8n output:\n${n8n.output().slice(-6000)}`,
				);
			}
			const lastCross = Math.max(...Object.values(crossMs));
			if (
				waiting.length === 0 &&
				Date.now() > lastCross + (POLLS_AFTER + 1) * POLL.intervalMs + 60000
			) {
				throw new Error(
					`The trigger polls did not pass the break's crossing (${SHAPES.map((s) => `${s} ${new Date(crossMs[s]).toISOString()}`).join(', ')}). n8n output:\n${n8n.output().slice(-6000)}`,
				);
			}
			await sleep(250);
		}
		await untilQuiet(sink);
		await n8n.stop();

		const lines = [
			`fake seed ${SEED}, ${AGENTS} agents; break ${breakRecord.recordId} generated from ${new Date(breakRecord.startMs).toISOString()} (${Math.round(breakRecord.durationMs / 1000)} s)`,
		];
		for (const shape of SHAPES) {
			const polls = pollsFromLog(fakes[shape].log);
			const cross = crossMs[shape];
			// By construction the trigger read before the break crossed (its first read moved it).
			expect(polls[0].horizonMs).toBeLessThan(cross);
			const items = sink.received.filter((r) => r.path === `/sink/${shape}`).map((r) => r.item);
			const ids = items.map((i) => i.recordId);
			lines.push(
				`"${shape}": first poll ${new Date(polls[0].firstSeenMs).toISOString()}, data shifted ${shiftMs[shape]} ms, break passes 15 min at ${new Date(cross).toISOString()}; ${polls.length} polls (${polls.filter((p) => p.endMs > cross).length} after the crossing), emitted ${items.length}: ${items.map((i) => `${i.recordId} ${i.label} ${i.durationFormatted} open=${i.isOpen}`).join(', ')}`,
			);
			expect(new Set(ids).size).toBe(ids.length);
			const item = items.find((i) => i.recordId === breakRecord.recordId);
			expect(item).toMatchObject({
				label: 'Break',
				isOpen: true,
				endTimeUtc: null,
				endTime: null,
				overThreshold: true,
				startTimeUtc: new Date(cross - THRESHOLD_MS).toISOString(),
			});
			// Emitted by the first poll after the crossing: 15 minutes and at most one poll more.
			expect(item.durationSeconds).toBeGreaterThan(900);
			expect(item.durationSeconds).toBeLessThan(900 + POLL.intervalMs / 1000 + 20);
			// Any other item is another break of the fake that crossed too, once each.
			for (const other of items)
				expect(other).toMatchObject({ label: 'Break', overThreshold: true });
		}
		console.log(lines.join('\n'));
		expect(n8n.output()).not.toMatch(/skipped \d+ invalid record|problem activating/i);
	}, 600000);
});
