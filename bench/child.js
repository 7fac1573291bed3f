'use strict';
// One workload in a fresh process (forked by run.js, so memory peaks do not bleed between
// workloads). The node runs as n8n runs it: its execute, called with an IExecuteFunctions whose
// httpRequestWithAuthentication is n8n-core 2.8.1's real helper (axios) and the package's real
// credential (discovery and token in preAuthentication). The floor runs in the same process.

const path = require('path');
const { performance } = require('perf_hooks');

const { control, expectedRecords, fetchToken } = require('./fakeControl');
const { queriesFromLog, runFloor, runRawFloor, fetchAllPages } = require('./floor');
const { median } = require('./median');
const { startSampler, collect } = require('./memory');
const { createProfiler } = require('./profiler');
const { WORKLOADS } = require('./workloads');

// run.js --build compares another compiled tree (e.g. before a change) with the same workloads.
const BUILT = process.env.BENCH_BUILD_DIR || path.join(__dirname, '.tmp');
const profiler =
	process.env.BENCH_PROFILE === '1' ? createProfiler(path.join(BUILT, 'prof')) : null;
const load = (rel) => require(path.join(BUILT, rel));

async function runNodeWorkload(w, server) {
	const { CxoneAgentStateHistory } = load(
		'nodes/CxoneAgentStateHistory/CxoneAgentStateHistory.node.js',
	);
	const { CxoneOAuth2Api } = load('credentials/CxoneOAuth2Api.credentials.js');
	const { createExecuteContext } = load('test/helpers/n8nContext.js');
	const node = new CxoneAgentStateHistory();
	const credentialType = new CxoneOAuth2Api();
	const baseUrl = server.url;

	// As stored in n8n before the first execution: no token, no resolved base URL.
	let stored = {
		grantType: 'accessKey',
		clientId: server.credentials.clientId,
		clientSecret: server.credentials.clientSecret,
		accessKeyId: server.credentials.accessKeyId,
		accessKeySecret: server.credentials.accessKeySecret,
		issuerUrl: baseUrl,
		tokenUrl: '',
		apiBaseUrl: '',
		apiFlavor: 'cxone',
		apiVersion: 'v27.0',
		accessToken: '',
		resolvedBaseUrl: '',
	};

	const execute = async () => {
		const ctx = createExecuteContext({
			params: w.params,
			credentials: stored,
			credentialType,
			timezone: 'UTC',
		});
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		const out = await node.execute.call(ctx);
		const ms = performance.now() - t0;
		const cpu = process.cpuUsage(c0);
		// n8n persists the token and base URL preAuthentication returned; later runs reuse them.
		stored = ctx.harness.credentials;
		return { items: out[0], ms, cpuMs: (cpu.user + cpu.system) / 1000 };
	};

	// The n8n-helper floor: the same pages through n8n-core's httpRequestWithAuthentication with
	// the real credential (the token stored by the warm-up), the body parsed and nothing else.
	const helperFloor = async (queries) => {
		const ctx = createExecuteContext({ params: {}, credentials: stored, credentialType });
		const fetchPage = async (page) => {
			const res = await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'cxoneOAuth2Api', {
				method: 'GET',
				url: page.path,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			});
			return res.body;
		};
		return await runFloor(queries, fetchPage, w.concurrency);
	};

	// Warm-up: first execution (discovery + token), JIT, and the fake's shift cache.
	await control(baseUrl, 'POST', 'reset-log');
	const warm = await execute();
	const warmLog = await control(baseUrl, 'GET', 'log');
	const authRequests = warmLog.filter((e) => !/^\/incontactapi\//i.test(e.path)).length;
	const queries = queriesFromLog(warmLog, baseUrl);
	const floorPages = queries.reduce((n, q) => n + q.length, 0);
	const expected = await expectedRecords(baseUrl, w.countQuery);
	const warmRecords = warm.items.filter((i) => i.json.recordId !== undefined).length;
	warm.items = null;

	await helperFloor(queries); // its own warm-up (axios, n8n-core)
	const nodeMs = [];
	const floorMs = [];
	const helperMs = [];
	const nodeCpuMs = [];
	const floorCpuMs = [];
	const serverMs = [];
	let requests = 0;
	let records = 0;
	let memory = null;
	let outputBytes = 0;
	for (let r = 0; r < w.reps; r++) {
		collect();
		const fc0 = process.cpuUsage();
		const f0 = performance.now();
		const floor = await runRawFloor(queries, stored.accessToken, w.concurrency);
		floorMs.push(performance.now() - f0);
		const fc = process.cpuUsage(fc0);
		floorCpuMs.push((fc.user + fc.system) / 1000);
		if (floor.pages !== floorPages) throw new Error('floor fetched a different number of pages');

		collect();
		const h0 = performance.now();
		const helper = await helperFloor(queries);
		helperMs.push(performance.now() - h0);
		if (helper.records !== floor.records) throw new Error('the two floors read different records');

		await control(baseUrl, 'POST', 'reset-log');
		if (profiler) await profiler.start();
		const sampler = startSampler();
		let run = await execute();
		const mem = sampler.stop();
		if (profiler) await profiler.stop(`${w.name}-${r + 1}`);
		if (!memory || mem.peakHeap - mem.baseHeap > memory.peakHeap - memory.baseHeap) memory = mem;
		nodeMs.push(run.ms);
		nodeCpuMs.push(run.cpuMs);
		const log = await control(baseUrl, 'GET', 'log');
		requests = log.length;
		serverMs.push(log.reduce((s, e) => s + e.ms, 0));
		records = run.items.filter((i) => i.json.recordId !== undefined).length;
		if (r === w.reps - 1) outputBytes = JSON.stringify(run.items.map((i) => i.json)).length;
		run = null;
	}
	if (records !== expected || warmRecords !== expected) {
		throw new Error(`the node returned ${records} records, the fake holds ${expected}`);
	}

	const wall = median(nodeMs);
	const floorWall = median(floorMs);
	const helperWall = median(helperMs);
	return {
		records,
		expectedRecords: expected,
		requests,
		authRequestsFirstRun: authRequests,
		floorRequests: floorPages,
		concurrency: w.concurrency,
		latencyMs: w.latencyMs || 0,
		nodeMs,
		floorMs,
		nodeCpuMs,
		floorCpuMs,
		cpuRatio: median(nodeCpuMs) / median(floorCpuMs),
		serverMsSum: serverMs,
		wallMs: wall,
		floorWallMs: floorWall,
		ratio: wall / floorWall,
		helperMs,
		helperWallMs: helperWall,
		helperRatio: wall / helperWall,
		recordsPerSecond: records / (wall / 1000),
		// Rounds of Concurrency requests, each one latency long: the wall time if nothing else cost.
		idealMs: w.latencyMs ? Math.ceil(requests / w.concurrency) * w.latencyMs : null,
		memory,
		outputBytes,
	};
}

/** The CXone flavor as the built tree names it: an object since flavors/, a string before. */
function cxoneFlavor() {
	try {
		return load('nodes/shared/flavors/index.js').CXONE;
	} catch {
		return 'cxone';
	}
}

async function runNormalizeWorkload(w, server) {
	const { createNormalizer } = load('nodes/shared/states/normalize.js');
	// The raw records come over HTTP once (plain http), like the pages the node receives.
	const token = await fetchToken(server);
	const { startMs, endMs } = w.window;
	const first = `${server.url}/inContactAPI/services/v27.0/agents/state-history?startDate=${new Date(startMs).toISOString()}&endDate=${new Date(endMs).toISOString()}&skip=0&top=10000`;
	const pages = await fetchAllPages(first, token);
	const raws = [];
	const readAts = [];
	for (const p of pages) {
		const readAt = Date.parse(p.lastPollTime);
		for (const rec of p.agentStateHistory) {
			raws.push(rec);
			readAts.push(readAt);
		}
	}
	const opts = {
		flavor: cxoneFlavor(),
		timeZone: w.timeZone,
		window: w.window,
		boundary: 'clip',
		includeRaw: false,
		thresholds: null,
	};
	const times = [];
	const cpuTimes = [];
	let kept = 0;
	for (let r = 0; r < w.reps; r++) {
		collect();
		const out = new Array(raws.length);
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		// The node's own setup is inside the timing: one normalizer per input item.
		const normalize = createNormalizer(opts);
		for (let i = 0; i < raws.length; i++) out[i] = normalize(raws[i], readAts[i]);
		times.push(performance.now() - t0);
		const c = process.cpuUsage(c0);
		cpuTimes.push((c.user + c.system) / 1000);
		kept = out.filter((x) => x.ok).length;
	}
	const ms = median(times);
	return {
		records: raws.length,
		normalizedOk: kept,
		timesMs: times,
		cpuMs: cpuTimes,
		wallMs: ms,
		firstRunMs: times[0],
		recordsPerSecond: raws.length / (ms / 1000),
		bestRecordsPerSecond: raws.length / (Math.min(...times) / 1000),
	};
}

async function main() {
	const { name, server, reps } = JSON.parse(process.argv[2]);
	const w = { ...WORKLOADS.find((x) => x.name === name) };
	if (reps) w.reps = reps;
	const result =
		w.kind === 'normalize'
			? await runNormalizeWorkload(w, server)
			: await runNodeWorkload(w, server);
	process.send({ ok: true, result }, () => process.exit(0));
}

main().catch((err) => {
	process.send({ ok: false, error: err && err.stack ? err.stack : String(err) }, () =>
		process.exit(1),
	);
});
