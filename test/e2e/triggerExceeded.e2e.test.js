// The trigger's State Exceeded Duration in a real `n8n start`, with the agents' current states
// sent in each shape (duration elapsed so far, absent, null): a break that is still running is
// emitted once when it passes the threshold, and not again by the polls after it.
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
/** When the break passes 15 minutes, after the test starts: time to import, start and activate. */
const CROSS_AFTER_MS = [100000, 140000];
/** Polls kept after the crossing, so a repeat would show. */
const POLLS_AFTER = 3;

/** A seed whose data has a break passing the threshold inside [fromMs, toMs] and running 1 min on. */
function findCrossingBreak(fromMs, toMs) {
	for (let seed = 1; seed <= 500; seed++) {
		// A clock past the window shows the break's full length.
		const peek = createFakeCxone({ agents: AGENTS, seed, now: toMs + 3600000 });
		const found = peek
			.canonicalRecordsFor({ all: true, startMs: fromMs - THRESHOLD_MS, endMs: toMs })
			.find((r) => {
				const crossMs = r.startMs + THRESHOLD_MS;
				return (
					r.reason === 'Break' &&
					crossMs >= fromMs &&
					crossMs <= toMs &&
					r.durationMs >= THRESHOLD_MS + 60000
				);
			});
		if (found) return { seed, breakRecord: found, crossMs: found.startMs + THRESHOLD_MS };
	}
	throw new Error('No seed of the fake CXone has a break passing 15 minutes in the test window');
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
		const t0 = Date.now();
		const { seed, breakRecord, crossMs } = findCrossingBreak(
			t0 + CROSS_AFTER_MS[0],
			t0 + CROSS_AFTER_MS[1],
		);
		sink = await startSink();
		const workflows = [];
		home = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
		for (const shape of SHAPES) {
			const fake = createFakeCxone({ agents: AGENTS, seed, now: 'real', openState: shape });
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

		// Polls until POLLS_AFTER polls of every workflow have read past the crossing.
		const done = () =>
			SHAPES.every(
				(shape) =>
					pollsFromLog(fakes[shape].log).filter((p) => p.endMs > crossMs).length >= POLLS_AFTER,
			);
		const deadline = crossMs + (POLLS_AFTER + 1) * POLL.intervalMs + 60000;
		while (!done()) {
			if (Date.now() > deadline) {
				throw new Error(
					`The trigger polls did not pass the break's crossing at ${new Date(crossMs).toISOString()}. n8n output:\n${n8n.output().slice(-6000)}`,
				);
			}
			await sleep(250);
		}
		await untilQuiet(sink);
		await n8n.stop();

		const lines = [
			`fake seed ${seed}, ${AGENTS} agents; break ${breakRecord.recordId} from ${new Date(breakRecord.startMs).toISOString()} passes 15 min at ${new Date(crossMs).toISOString()}`,
		];
		for (const shape of SHAPES) {
			const polls = pollsFromLog(fakes[shape].log);
			// Precondition: the trigger was active (its first read) before the break crossed.
			if (polls.length === 0 || polls[0].horizonMs > crossMs) {
				throw new Error(
					`"${shape}": the trigger's first poll came after the break passed 15 minutes (n8n started late); rerun, or raise CROSS_AFTER_MS.`,
				);
			}
			const items = sink.received.filter((r) => r.path === `/sink/${shape}`).map((r) => r.item);
			const ids = items.map((i) => i.recordId);
			lines.push(
				`"${shape}": ${polls.length} polls (${polls.filter((p) => p.endMs > crossMs).length} after the crossing), emitted ${items.length}: ${items.map((i) => `${i.recordId} ${i.label} ${i.durationFormatted} open=${i.isOpen}`).join(', ')}`,
			);
			expect(new Set(ids).size).toBe(ids.length);
			const item = items.find((i) => i.recordId === breakRecord.recordId);
			expect(item).toMatchObject({
				label: 'Break',
				isOpen: true,
				endTimeUtc: null,
				endTime: null,
				overThreshold: true,
				startTimeUtc: new Date(breakRecord.startMs).toISOString(),
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
