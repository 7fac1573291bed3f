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
/** State Exceeded Duration's rows (version 2): a Break or an Available state over a minute. */
const EXCEEDED_RULES = [
	{ label: 'Break', minutes: 1 },
	{ label: 'Available', minutes: 1 },
];
/** Polls of each trigger after the last restart, so late and repeated emissions would show. */
const POLLS_AFTER = 2;
const TRIGGER_FAKE = { agents: 300, statesPerShift: 2000, seed: 5 };
// Longer states, so that some pass a minute between two polls (breaks alone are too rare).
const EXCEEDED_FAKE = { agents: 300, statesPerShift: 200, seed: 5 };
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

	/** What each trigger's last poll before `ms` did: the context a restart happened in. */
	function lastPollBefore(ms) {
		const out = {};
		for (const kind of ['ended', 'exceeded']) {
			const reads = pollsFromLog(fakes[kind].log).filter((p) => p.firstSeenMs < ms);
			const read = reads[reads.length - 1];
			if (!read) {
				out[kind] = 'the activation poll only (sets the cursor, reads nothing, emits nothing)';
				continue;
			}
			const items = sink.received.filter(
				(r) => r.path === `/sink/${kind}` && r.atMs >= read.firstSeenMs && r.atMs <= ms,
			).length;
			out[kind] =
				`read at ${hms(read.firstSeenMs)} ${items > 0 ? `emitted ${items}` : 'emitted nothing'}`;
		}
		return out;
	}

	async function restartMain(reason) {
		const before = lastPollBefore(Date.now());
		const stoppedMs = Date.now();
		await main.stop();
		await startMain();
		await expectTriggersActive();
		restarts.push({ what: 'main', reason, before, stoppedMs, activeAgainMs: Date.now() });
	}

	beforeAll(async () => {
		[redis, postgres] = await Promise.all([q.startRedis(), q.startPostgres()]);
		env = q.clusterEnv({ redis, postgres });
		fakes.history = createFakeCxone({ agents: 6, seed: 7 });
		fakes.ended = createFakeCxone({ ...TRIGGER_FAKE, now: 'real' });
		fakes.exceeded = createFakeCxone({ ...EXCEEDED_FAKE, now: 'real' });
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
		await importJson('workflow', workflows.history.id, workflows.history);
		await cli(['publish:workflow', `--id=${workflows.history.id}`]);
		// Once a minute at a second chosen now, just behind where the importing and starting below
		// (over 10 s) will be: the first timed poll then comes about a minute after activation,
		// well after the first restart, which must follow the activation poll and nothing else.
		// (everyMinute would pick a random second.)
		const second = new Date(Date.now() + 10000).getUTCSeconds();
		const pollTimes = { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] };
		workflows.ended = triggerWorkflow({
			id: 'e2eQueueEnded001',
			name: 'e2e queue state ended',
			credentialId: CREDENTIAL_IDS.ended,
			sinkUrl: `${sink.url}/ended`,
			parameters: {
				pollTimes,
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
				pollTimes,
				event: 'stateExceeded',
				agentSelection: 'all',
				thresholds: { rules: EXCEEDED_RULES },
				filters: {},
				timezone: 'UTC',
				options: { lookBackMinutes: 1, resolveAgentNames: false },
			},
		});
		workflows.exceeded.nodes[0].typeVersion = 2;
		for (const workflow of [workflows.ended, workflows.exceeded]) {
			await importJson('workflow', workflow.id, workflow);
			await cli(['publish:workflow', `--id=${workflow.id}`]);
		}
		mainPort = await h.freePort();
		// The workers start after the first restart: until then only the activation polls run,
		// and a restart right after them must come before the first timed poll.
		await startMain();
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
		// Activation ran each trigger's first poll: it set the cursor, read nothing, emitted nothing.
		expect(pollsFromLog(fakes.ended.log)).toEqual([]);
		expect(pollsFromLog(fakes.exceeded.log)).toEqual([]);
		await restartMain('right after the activation poll (empty)');
		await Promise.all([startWorker(0), startWorker(1)]);
	});

	/** EXECUTIONS webhook calls at once; each answer: its execution id, its worker, its records. */
	async function burst() {
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
		return answers.map((answer) => ({
			...answer,
			ranBy: workers
				.map((w, k) =>
					q.executionsRun(allWorkerOutput(k)).includes(String(answer.executionId))
						? `worker${k + 1}`
						: null,
				)
				.filter(Boolean),
		}));
	}

	const authRequests = (log) => ({
		token: log.filter((e) => TOKEN_PATH.test(e.path)).length,
		discovery: log.filter((e) => e.path.startsWith('/.well-known/')).length,
	});

	test(`${EXECUTIONS} history executions at once, twice, over both workers, each equal to the truth`, async () => {
		fakes.history.resetLog();
		const first = await burst();
		const firstAuth = authRequests(fakes.history.log);
		fakes.history.resetLog();
		const second = await burst();
		const secondAuth = authRequests(fakes.history.log);

		const truth = fakes.history.canonicalRecordsFor({ all: true, ...WINDOW_MS });
		expect(truth.length).toBeGreaterThan(100);
		const pick = (r) => ({
			recordId: r.recordId,
			agentId: r.agentId,
			agentName: r.agentName,
			startTimeUtc: r.startTimeUtc,
			endTimeUtc: r.endTimeUtc,
			reason: r.reason,
		});
		const byId = (a, b) => (a.recordId < b.recordId ? -1 : 1);
		const expected = truth
			.map((r) =>
				pick({
					...r,
					startTimeUtc: new Date(r.startMs).toISOString(),
					endTimeUtc: r.endMs === null ? null : new Date(r.endMs).toISOString(),
				}),
			)
			.sort(byId);
		const byWorker = new Map();
		let recordsChecked = 0;
		for (const answer of [...first, ...second]) {
			expect(answer.ranBy).toHaveLength(1);
			const w = answer.ranBy[0];
			byWorker.set(w, [...(byWorker.get(w) ?? []), answer.executionId]);
			expect(answer.records.map(pick).sort(byId)).toEqual(expected);
			recordsChecked += answer.records.length;
		}
		console.log(
			[
				`history: 2 bursts of ${EXECUTIONS} webhook executions started together; the fake's truth has ${truth.length} records`,
				...[...byWorker].map(
					([w, ids]) => `  ${w}: ${ids.length} executions (ids ${ids.join(', ')})`,
				),
				`  records checked: ${recordsChecked} (${first.length + second.length} executions × ${truth.length}), every one equal to the fake's truth`,
				`  first burst (no token stored yet): ${firstAuth.token} token requests, ${firstAuth.discovery} discovery requests`,
				`  second burst (token stored in the database): ${secondAuth.token} token requests, ${secondAuth.discovery} discovery requests`,
			].join('\n'),
		);
		expect(byWorker.size).toBe(2);
		// Executions that start before any has stored a token each fetch one (preAuthentication;
		// nothing locks across processes): at most one per execution of the first burst.
		expect(firstAuth.token).toBeGreaterThanOrEqual(1);
		expect(firstAuth.token).toBeLessThanOrEqual(EXECUTIONS);
		// Then the token and base URL n8n stored in the shared database serve every worker.
		expect(secondAuth).toEqual({ token: 0, discovery: 0 });
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
		const before = lastPollBefore(w0);
		await restartWorker(0);
		restarts.push({
			what: 'worker1',
			reason: 'between polls',
			before,
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
				`  ${r.what} ${r.reason}: stopped ${hms(r.stoppedMs)}, active again ${hms(r.activeAgainMs)}; last poll before: State Ended ${r.before.ended}; State Exceeded ${r.before.exceeded}`,
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
				// shared/thresholds.ts: the reason's row first, else the state's; over = strictly longer.
				const rule = (name) =>
					EXCEEDED_RULES.find((x) => x.label.toLowerCase() === name?.toLowerCase());
				const row = rule(r.reason) ?? rule(r.stateName);
				const ms = row && row.minutes * 60000;
				return ms !== undefined && r.durationMs > ms ? r.startMs + ms : undefined;
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
			const inSpanIds = new Set(inSpan.map((r) => r.recordId));
			const emittedInSpan = ids.filter((id) => inSpanIds.has(id)).length;
			lines.push(
				`${kind}: ${polls.length} reads, span ${hms(spanStart)}–${hms(spanEnd)} UTC (first read's horizon ${first.horizonMs < restarts[0].stoppedMs ? 'is the activation cursor, from before the first restart' : 'came after the first restart: the activation cursor was lost'}); ${kind === 'ended' ? 'states that ended' : 'states over their threshold'} in the span ${inSpan.length}, emitted ${emittedInSpan} of them exactly once (items ${items.length}: ${items.length - emittedInSpan - foreign.length} more had their event in the last second before the last read), emitted twice ${twice.length}, lost ${lost.length}, not in the truth ${foreign.length}`,
			);
			// The activation cursor must survive the restart right after it.
			expect(first.horizonMs).toBeLessThan(restarts[0].stoppedMs);
			expect(spanStart).toBeLessThanOrEqual(firstActivatedMs);
			expect(twice).toEqual([]);
			expect(lost).toEqual([]);
			expect(foreign).toEqual([]);
			expect(inSpan.length).toBeGreaterThan(0);
		}
		const perWorker = workers.map(
			(w, k) => `worker${k + 1} ${q.executionsRun(allWorkerOutput(k)).length}`,
		);
		lines.push(`executions per worker over the whole run: ${perWorker.join(', ')}`);
		console.log(lines.join('\n'));
		expect(main.output()).not.toMatch(/skipped \d+ invalid record|problem activating/i);
	}, 900000);
});
