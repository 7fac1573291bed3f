// Pieces of the trigger e2e tests: an active workflow (the trigger feeding an HTTP Request node
// that POSTs each item to a local sink, since an active workflow has no other observable output),
// the sink, and the trigger's polls as the fake CXone logged them.
'use strict';

const http = require('node:http');

const h = require('./harness');

const TRIGGER_NAME = 'CXone Agent State Trigger';
/** The poll schedule of the tests: the most often this run's n8n allows (runtimes.js). */
const POLL = h.RUNTIME.fastestPoll;
const POLL_DESCRIPTION =
	POLL.time.mode === 'custom' ? `cron "${POLL.time.cronExpression}"` : POLL.time.mode;
/** cursor.ts QUERY_MARGIN_MS: a poll reads from horizon − 1 s. */
const QUERY_MARGIN_MS = 1000;
const STATE_HISTORY_PATH = /\/agents\/state-history$/;

/** Trigger → Sink. `sinkUrl` gets one POST per emitted item, tagged with the execution id. */
function triggerWorkflow({ id, name, credentialId, sinkUrl, parameters }) {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1', timezone: 'UTC' },
		nodes: [
			{
				parameters: {
					pollTimes: { item: [POLL.time] },
					...parameters,
				},
				id: 'node-trigger',
				name: TRIGGER_NAME,
				type: h.TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				credentials: { [h.CREDENTIAL_TYPE]: { id: credentialId, name: `CXone ${credentialId}` } },
			},
			{
				parameters: {
					method: 'POST',
					url: sinkUrl,
					sendHeaders: true,
					headerParameters: {
						parameters: [{ name: 'x-execution-id', value: '={{ $execution.id }}' }],
					},
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify($json) }}',
					options: {},
				},
				id: 'node-sink',
				name: 'Sink',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
			},
		],
		connections: {
			[TRIGGER_NAME]: { main: [[{ node: 'Sink', type: 'main', index: 0 }]] },
		},
	};
}

/** Collects the emitted items: one POST per item, with its path, execution and arrival time. */
async function startSink() {
	const received = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			received.push({
				atMs: Date.now(),
				path: req.url,
				executionId: String(req.headers['x-execution-id']),
				item: JSON.parse(body),
			});
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/sink`,
		received,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** Stamps each request the fake logs with the wall clock, to place executions between polls. */
function stampLog(fake) {
	const push = fake.log.push;
	fake.log.push = function stamped(...entries) {
		for (const e of entries) e.atMs = Date.now();
		return push.apply(this, entries);
	};
}

/** The trigger's polls as the fake saw them: one window per poll (all of its pages). */
function pollsFromLog(log) {
	const polls = new Map();
	for (const entry of log) {
		if (entry.method !== 'GET' || !STATE_HISTORY_PATH.test(entry.path)) continue;
		const key = `${entry.query.startDate}|${entry.query.endDate}`;
		let poll = polls.get(key);
		if (!poll) {
			poll = {
				startDate: entry.query.startDate,
				endDate: entry.query.endDate,
				horizonMs: Date.parse(entry.query.startDate) + QUERY_MARGIN_MS,
				endMs: Date.parse(entry.query.endDate),
				firstSeenMs: entry.atMs,
				lastSeenMs: entry.atMs,
				requests: [],
			};
			polls.set(key, poll);
		}
		poll.lastSeenMs = entry.atMs;
		poll.requests.push(`${entry.status} in ${Math.round(entry.ms)} ms`);
		poll.slowestMs = Math.max(poll.slowestMs ?? 0, entry.ms);
	}
	return [...polls.values()].sort((a, b) => a.endMs - b.endMs);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the sink has been quiet for `quietMs` (an execution's items may still be on their way). */
async function untilQuiet(sink, quietMs = 1500) {
	for (let quietSince = Date.now(); Date.now() - quietSince < quietMs; ) {
		const before = sink.received.length;
		await sleep(250);
		if (sink.received.length !== before) quietSince = Date.now();
	}
}

/**
 * Fails unless n8n activated the workflow's trigger. n8n 2.41 activates through its publication
 * service: `publication-status` says "published" with each trigger "activated", or the trigger's
 * error; the workflow's `active` flag is true either way. 2.8.4 has no such route (404) and logs
 * `Activated workflow "<name>"` instead. See docs/n8n-runtimes.md.
 */
async function expectActivated(n8n, cookie, workflow) {
	const deadline = Date.now() + 60000;
	for (;;) {
		const res = await fetch(`${n8n.url}/rest/workflows/${workflow.id}/publication-status`, {
			headers: { cookie },
		});
		if (res.status === 404) {
			if (n8n.output().includes(`Activated workflow "${workflow.name}"`)) return 'logged';
		} else {
			const body = await res.json();
			const status = body.data ?? body;
			if (status.status === 'published') {
				const failed = (status.triggers ?? []).filter((t) => t.status !== 'activated');
				if (failed.length === 0) return 'published';
				throw new Error(`"${workflow.name}" trigger not active: ${JSON.stringify(failed)}`);
			}
			if (status.status === 'failed') {
				throw new Error(`"${workflow.name}" failed to activate: ${JSON.stringify(status)}`);
			}
		}
		if (Date.now() > deadline) {
			throw new Error(
				`"${workflow.name}" was not activated within 60 s. n8n output:\n${n8n.output().slice(-4000)}`,
			);
		}
		await sleep(500);
	}
}

module.exports = {
	expectActivated,
	TRIGGER_NAME,
	POLL,
	POLL_DESCRIPTION,
	QUERY_MARGIN_MS,
	triggerWorkflow,
	startSink,
	stampLog,
	pollsFromLog,
	untilQuiet,
	sleep,
};
