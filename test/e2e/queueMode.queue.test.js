// This package in n8n's queue mode (test/e2e/queue.js): a main process, two workers, Redis and
// PostgreSQL on loopback. The history node run by many executions at once, spread over both
// workers, each true to the fake CXone; the trigger's State Ended and State Exceeded Duration
// polling while the main process restarts twice (right after an empty poll, right after an
// emitting one) and a worker once: every event of the span emitted exactly once.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { sleep } = require('n8n-workflow');

const { createFakeCxone } = require('../fake-cxone');
const h = require('./harness');
const q = require('./queue');
const { setupOwner } = require('./server');
const { WINDOW_MS, fakeCredentialData, historyParameters } = require('./cases');
const {
	POLL,
	triggerWorkflow,
	startSink,
	stampLog,
	pollsFromLog,
	untilQuiet,
} = require('./trigger');

const EXECUTIONS = 20;
const WEBHOOK_PATH = 'cxone-queue-history';
// normalize.ts OPEN_TOLERANCE_MS: a state ending within 1 s of a read may still look open then.
const OPEN_TOLERANCE_MS = 1000;
const BREAK_MS = 60000;
/** Polls of each trigger after the last restart, so late and repeated emissions would show. */
const POLLS_AFTER = 2;
const TRIGGER_FAKE = { agents: 300, statesPerShift: 2000, seed: 5 };
/** n8n credential ids: 16 characters. */
const CREDENTIAL_IDS = {
	history: 'cxoneQueueHist01',
	ended: 'cxoneQueueEnded1',
	exceeded: 'cxoneQueueExcd01',
};
const TOKEN_PATH = /\/(auth|oauth)\/token$/;

const skipReason =
	h.RUNTIME.id !== 'current'
		? `queue mode runs on the current n8n runtime only (this is ${h.RUNTIME_LABEL})`
		: q.missingServices();
if (skipReason) process.stdout.write(`queue-mode suite skipped: ${skipReason}\n`);
const describeQueue = skipReason ? describe.skip : describe;

const hms = (ms) => new Date(ms).toISOString().slice(11, 19);

function webhookHistoryWorkflow(credentialId) {
	return {
		id: 'e2eQueueHistory1',
		name: 'e2e queue history',
		active: false,
		settings: { executionOrder: 'v1', timezone: 'UTC' },
		nodes: [
			{
				parameters: {
					httpMethod: 'POST',
					path: WEBHOOK_PATH,
					responseMode: 'lastNode',
					responseData: 'firstEntryJson',
					options: {},
				},
				id: 'node-webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: crypto.randomUUID(),
			},
			{
				parameters: historyParameters(),
				id: 'node-cxone',
				name: 'CXone',
				type: h.NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				credentials: { [h.CREDENTIAL_TYPE]: { id: credentialId, name: `CXone ${credentialId}` } },
			},
			{
				// One answer per execution: its id (to find its worker) and every record.
				parameters: {
					jsCode:
						'return [{ json: { executionId: $execution.id, records: $input.all().map((i) => i.json) } }];',
				},
				id: 'node-collect',
				name: 'Collect',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [440, 0],
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'CXone', type: 'main', index: 0 }]] },
			CXone: { main: [[{ node: 'Collect', type: 'main', index: 0 }]] },
		},
	};
}

describeQueue(`queue mode on ${h.RUNTIME_LABEL}: main + 2 workers, Redis, PostgreSQL`, () => {
	let redis;
	let postgres;
	let env;
	let sink;
	const fakes = {};
	const homes = {};
	const workers = [];
	let main;
	let mainPort;
	let cookie;
	const restarts = [];
	let firstActivatedMs;
	const workflows = {};

	async function cli(args) {
		return await h.n8n(homes.main, args, env);
	}

	async function importJson(kind, id, data) {
		const file = path.join(homes.main.home, `${kind}-${id}.json`);
		fs.writeFileSync(file, JSON.stringify(data));
		await cli([`import:${kind}`, `--input=${file}`]);
	}

	async function startMain() {
		main = await q.startN8nProcess(homes.main, env, 'main', { name: 'main', port: mainPort });
	}

	async function startWorker(k) {
		workers[k] = await q.startN8nProcess(homes[`worker${k + 1}`], env, 'worker', {
			name: `worker${k + 1}`,
			port: workers[k]?.port ?? (await h.freePort()),
		});
	}

	const workerLogs = [[], []];
	async function restartWorker(k) {
		workerLogs[k].push(workers[k].output());
		await workers[k].stop();
		const port = workers[k].port;
		workers[k] = await q.startN8nProcess(homes[`worker${k + 1}`], env, 'worker', {
			name: `worker${k + 1}`,
			port,
		});
	}
	const allWorkerOutput = (k) => [...workerLogs[k], workers[k].output()].join('\n');

	/** Waits until both triggers are active again (n8n's publication status, see trigger.js). */
	async function expectTriggersActive() {
		const deadline = Date.now() + 90000;
		for (const workflow of [workflows.ended, workflows.exceeded]) {
			for (;;) {
				const res = await fetch(`${main.url}/rest/workflows/${workflow.id}/publication-status`, {
					headers: { cookie },
				});
				const body = res.status === 200 ? await res.json() : {};
				const status = body.data ?? body;
				if (
					status.status === 'published' &&
					(status.triggers ?? []).every((t) => t.status === 'activated')
				)
					break;
				if (Date.now() > deadline) {
					throw new Error(
						`"${workflow.name}" not active (${res.status} ${JSON.stringify(status)}). main output:\n${main.output().slice(-6000)}`,
					);
				}
				await sleep(250);
			}
		}
	}

	async function restartMain(reason) {
		const stoppedMs = Date.now();
		await main.stop();
		await startMain();
		await expectTriggersActive();
		restarts.push({ what: 'main', reason, stoppedMs, activeAgainMs: Date.now() });
	}

	beforeAll(async () => {
		[redis, postgres] = await Promise.all([q.startRedis(), q.startPostgres()]);
		env = q.clusterEnv({ redis, postgres });
		fakes.history = createFakeCxone({ agents: 6, seed: 7 });
		fakes.ended = createFakeCxone({ ...TRIGGER_FAKE, now: 'real' });
		fakes.exceeded = createFakeCxone({ ...TRIGGER_FAKE, now: 'real' });
		for (const [name, fake] of Object.entries(fakes)) {
			await fake.start(0);
			if (name !== 'history') {
				// Today's shifts generated before the first poll (see trigger.e2e.test.js).
				fake.countRecords({ all: true, startMs: Date.now() - 60000, endMs: Date.now() });
			}
			stampLog(fake);
		}
		sink = await startSink();
		for (const name of ['main', 'worker1', 'worker2']) {
			homes[name] = await h.createN8nHome(process.env.CXONE_E2E_TARBALL);
		}
		for (const name of Object.keys(fakes)) {
			const id = CREDENTIAL_IDS[name];
			await importJson('credentials', id, [
				{ id, name: `CXone ${id}`, type: h.CREDENTIAL_TYPE, data: fakeCredentialData(fakes[name]) },
			]);
		}
		workflows.history = webhookHistoryWorkflow(CREDENTIAL_IDS.history);
		workflows.ended = triggerWorkflow({
			id: 'e2eQueueEnded001',
			name: 'e2e queue state ended',
			credentialId: CREDENTIAL_IDS.ended,
			sinkUrl: `${sink.url}/ended`,
			parameters: {
				event: 'stateEnded',
				agentSelection: 'all',
				filters: {},
				timezone: 'UTC',
				options: { lookBackMinutes: 1, resolveAgentNames: false },
			},
		});
		workflows.exceeded = triggerWorkflow({
			id: 'e2eQueueExceeded',
			name: 'e2e queue state exceeded',
			credentialId: CREDENTIAL_IDS.exceeded,
			sinkUrl: `${sink.url}/exceeded`,
			parameters: {
				event: 'stateExceeded',
				agentSelection: 'all',
				thresholds: { rules: [{ label: 'Break', minutes: BREAK_MS / 60000 }] },
				filters: { reasons: 'Break' },
				timezone: 'UTC',
				options: { lookBackMinutes: 1, resolveAgentNames: false },
			},
		});
		workflows.exceeded.nodes[0].typeVersion = 2;
		for (const workflow of Object.values(workflows)) {
			await importJson('workflow', workflow.id, workflow);
			await cli(['publish:workflow', `--id=${workflow.id}`]);
		}
		mainPort = await h.freePort();
		await startMain();
		await Promise.all([startWorker(0), startWorker(1)]);
		({ cookie } = await setupOwner(main.url));
		await expectTriggersActive();
		firstActivatedMs = Date.now();
	}, 600000);

	afterAll(async () => {
		await main?.stop();
		for (const w of workers) await w?.stop();
		await sink?.close();
		for (const fake of Object.values(fakes)) await fake.stop();
		await redis?.stop();
		await postgres?.stop();
		for (const home of Object.values(homes)) fs.rmSync(home.home, { recursive: true, force: true });
	});

	test('main restarted right after an empty poll (the activation poll, which only sets the cursor)', async () => {
		// Activation ran each trigger's first poll: it set the cursor and emitted nothing.
		expect(sink.received).toEqual([]);
		await restartMain('right after the activation poll (empty)');
	});

	test(`${EXECUTIONS} history executions at once, over both workers, each equal to the truth`, async () => {
		fakes.history.resetLog();
		const url = `${main.url}/webhook/${WEBHOOK_PATH}`;
		const answers = await Promise.all(
			Array.from({ length: EXECUTIONS }, async () => {
				const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(180000) });
				const text = await res.text();
				if (res.status !== 200)
					throw new Error(`webhook answered ${res.status}: ${text.slice(0, 500)}`);
				return JSON.parse(text);
			}),
		);
		const truth = fakes.history.canonicalRecordsFor({ all: true, ...WINDOW_MS });
		expect(truth.length).toBeGreaterThan(100);
		const expected = truth.map((r) => ({
			recordId: r.recordId,
			agentId: r.agentId,
			startTimeUtc: new Date(r.startMs).toISOString(),
			endTimeUtc: r.endMs === null ? null : new Date(r.endMs).toISOString(),
			reason: r.reason,
			agentName: r.agentName,
		}));
		const byWorker = new Map();
		let recordsChecked = 0;
		for (const answer of answers) {
			const ranBy = workers
				.map((w, k) =>
					q.executionsRun(allWorkerOutput(k)).includes(String(answer.executionId))
						? `worker${k + 1}`
						: null,
				)
				.filter(Boolean);
			expect(ranBy).toHaveLength(1);
			byWorker.set(ranBy[0], [...(byWorker.get(ranBy[0]) ?? []), answer.executionId]);
			const got = answer.records.map((r) => ({
				recordId: r.recordId,
				agentId: r.agentId,
				startTimeUtc: r.startTimeUtc,
				endTimeUtc: r.endTimeUtc,
				reason: r.reason,
				agentName: r.agentName,
			}));
			const sortById = (a, b) => (a.recordId < b.recordId ? -1 : 1);
			expect(got.sort(sortById)).toEqual([...expected].sort(sortById));
			recordsChecked += got.length;
		}
		const tokenRequests = fakes.history.log.filter((e) => TOKEN_PATH.test(e.path)).length;
		console.log(
			[
				`history: ${EXECUTIONS} webhook executions started together, ${truth.length} records each in the fake's truth`,
				...[...byWorker].map(
					([w, ids]) => `  ${w}: ${ids.length} executions (ids ${ids.join(', ')})`,
				),
				`  records checked: ${recordsChecked}, all equal to the fake's truth`,
				`  token requests to the fake: ${tokenRequests}`,
			].join('\n'),
		);
		expect(byWorker.size).toBe(2);
		// n8n stores the token preAuthentication fetched in the credential (shared database); at
		// most one fetch per worker racing on the first use, none after.
		expect(tokenRequests).toBeGreaterThanOrEqual(1);
		expect(tokenRequests).toBeLessThanOrEqual(EXECUTIONS);
	}, 300000);

	test('triggers across restarts: main after an emitting poll, a worker; each event once', async () => {
		const endedPolls = () => pollsFromLog(fakes.ended.log);
		const emittedAfter = (poll) =>
			sink.received.some((r) => r.path === '/sink/ended' && r.atMs >= poll.firstSeenMs);
		// Right after an emitting poll: its items reached the sink (the execution ran on a worker).
		const deadline = Date.now() + 4 * POLL.intervalMs;
		let emitting;
		while (!emitting) {
			emitting = endedPolls()
				.filter((p) => p.firstSeenMs > restarts[0].activeAgainMs)
				.find(emittedAfter);
			if (Date.now() > deadline)
				throw new Error(`no emitting poll. main:\n${main.output().slice(-4000)}`);
			if (!emitting) await sleep(250);
		}
		await untilQuiet(sink, 1000);
		await restartMain('right after an emitting poll');
		// A worker restarted while the triggers keep polling.
		const w0 = Date.now();
		await restartWorker(0);
		restarts.push({
			what: 'worker1',
			reason: 'between polls',
			stoppedMs: w0,
			activeAgainMs: Date.now(),
		});
		const last = restarts[restarts.length - 1].activeAgainMs;
		const enough = () =>
			[fakes.ended, fakes.exceeded].every(
				(f) => pollsFromLog(f.log).filter((p) => p.firstSeenMs > last).length >= POLLS_AFTER,
			);
		const until = Date.now() + (POLLS_AFTER + 2) * POLL.intervalMs;
		while (!enough()) {
			if (Date.now() > until)
				throw new Error(`polls stopped. main:\n${main.output().slice(-4000)}`);
			await sleep(500);
		}
		await untilQuiet(sink, 3000);

		const lines = [`restarts survived: ${restarts.length}`];
		for (const r of restarts) {
			lines.push(
				`  ${r.what} ${r.reason}: stopped ${hms(r.stoppedMs)}, active again ${hms(r.activeAgainMs)}`,
			);
		}
		for (const kind of ['ended', 'exceeded']) {
			const polls = pollsFromLog(fakes[kind].log);
			const first = polls[0];
			const lastPoll = polls[polls.length - 1];
			// The span: from the cursor the activation set (the first read's horizon) to the last read.
			const spanStart = first.horizonMs;
			const spanEnd = lastPoll.endMs - OPEN_TOLERANCE_MS;
			const records = fakes[kind].canonicalRecordsFor({
				all: true,
				startMs: spanStart - 3600000,
				endMs: lastPoll.endMs,
			});
			const eventMs = (r) => {
				if (kind === 'ended') return r.endMs ?? undefined;
				return r.reason === 'Break' && r.durationMs > BREAK_MS ? r.startMs + BREAK_MS : undefined;
			};
			const inSpan = records.filter((r) => {
				const at = eventMs(r);
				return at !== undefined && at >= spanStart && at <= spanEnd;
			});
			const items = sink.received.filter((r) => r.path === `/sink/${kind}`).map((r) => r.item);
			const ids = items.map((i) => i.recordId);
			const counts = new Map();
			for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
			const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
			const emitted = new Set(ids);
			const lost = inSpan
				.filter((r) => !emitted.has(r.recordId))
				.map((r) => `${r.recordId}@${hms(eventMs(r))}`);
			const known = new Set(records.filter((r) => eventMs(r) >= spanStart).map((r) => r.recordId));
			const foreign = ids.filter((id) => !known.has(id));
			lines.push(
				`${kind}: ${polls.length} reads, span ${hms(spanStart)}–${hms(spanEnd)} UTC (first read's horizon ${first.horizonMs < restarts[0].stoppedMs ? 'is the activation cursor, from before the first restart' : 'came after the first restart: the activation cursor was lost'}); events in the span ${inSpan.length}, emitted ${items.length} (distinct ${emitted.size}), twice ${twice.length}, lost ${lost.length}, not in the truth ${foreign.length}`,
			);
			// The activation cursor must survive the restart right after it.
			expect(first.horizonMs).toBeLessThan(restarts[0].stoppedMs);
			expect(spanStart).toBeLessThanOrEqual(firstActivatedMs);
			expect(twice).toEqual([]);
			expect(lost).toEqual([]);
			expect(foreign).toEqual([]);
			if (kind === 'ended') expect(inSpan.length).toBeGreaterThan(0);
		}
		const perWorker = workers.map(
			(w, k) => `worker${k + 1} ${q.executionsRun(allWorkerOutput(k)).length}`,
		);
		lines.push(`executions per worker over the whole run: ${perWorker.join(', ')}`);
		console.log(lines.join('\n'));
		expect(main.output()).not.toMatch(/skipped \d+ invalid record|problem activating/i);
	}, 900000);
});
