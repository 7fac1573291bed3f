// Pieces of the trigger e2e tests: an active workflow (the trigger feeding an HTTP Request node
// that POSTs each item to a local sink, since an active workflow has no other observable output),
// the sink, and the trigger's polls as the fake CXone logged them.
'use strict';

const http = require('node:http');

const h = require('./harness');

const TRIGGER_NAME = 'CXone Agent State Trigger';
// n8n refuses a seconds field containing '*' ("at least a minute"), but a list of seconds passes
// its check: a poll every 10 s keeps the test short.
const POLL_CRON = '0,10,20,30,40,50 * * * * *';
/** cursor.ts QUERY_MARGIN_MS: a poll reads from horizon − 1 s. */
const QUERY_MARGIN_MS = 1000;
const STATE_HISTORY_PATH = /\/agents\/state-history$/;

/** Trigger → Sink. `sinkUrl` gets one POST per emitted item, tagged with the execution id. */
function triggerWorkflow({ id, name, credentialId, sinkUrl, parameters, cron = POLL_CRON }) {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1', timezone: 'UTC' },
		nodes: [
			{
				parameters: {
					pollTimes: { item: [{ mode: 'custom', cronExpression: cron }] },
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

module.exports = {
	TRIGGER_NAME,
	POLL_CRON,
	QUERY_MARGIN_MS,
	triggerWorkflow,
	startSink,
	stampLog,
	pollsFromLog,
	untilQuiet,
	sleep,
};
