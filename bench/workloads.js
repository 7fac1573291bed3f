'use strict';
// The benchmark's workloads and the fake servers they run against. Data is deterministic (fixed
// seed and server clock 2024-05-08T18:00Z), so every run fetches the same pages.

const DAY_MS = 86400000;
const FIRST_AGENT = 39260750;
/** Tuesday 2024-05-07, a full weekday before the fake's clock. */
const TUE = Date.parse('2024-05-07T00:00:00.000Z');
const TIME_ZONE = 'America/New_York';

/** Fake CXone instances (started once by run.js, shared by the workload processes). */
const SERVERS = {
	// 200 agents × 560 states per shift ≈ 100k records in a 24 h weekday window.
	main: { agents: 200, statesPerShift: 560, seed: 42 },
	// 20 ms added to every response, the fake's default density (40 states per shift, about 36
	// records per agent-day): the time is in waiting, which bounded concurrency is meant to overlap.
	latency: { agents: 200, statesPerShift: 40, seed: 42, latencyMs: 20 },
	// 20 ms added, dense data (about 500 records per agent-day): the node's CPU work dominates.
	latencyDense: { agents: 200, statesPerShift: 560, seed: 42, latencyMs: 20 },
	// 50 ms added, dense data: CXone 30–150 ms away, with the all-agents day of `main`.
	latency50: { agents: 200, statesPerShift: 560, seed: 42, latencyMs: 50 },
	// Fewer agents so that seven days of all agents stay near 75k records.
	week: { agents: 30, statesPerShift: 560, seed: 42 },
};

function ids(n) {
	return Array.from({ length: n }, (_, i) => String(FIRST_AGENT + i)).join(',');
}

/** Node parameters as n8n would resolve them for a custom window. */
function params({ agents, startMs, endMs, options = {} }) {
	return {
		agentSelection: agents === 'all' ? 'all' : 'ids',
		agentIds: agents === 'all' ? '' : ids(agents),
		teamIds: '',
		timeRange: 'custom',
		start: new Date(startMs).toISOString(),
		end: new Date(endMs).toISOString(),
		timezone: TIME_ZONE,
		splitIntoItems: true,
		options,
	};
}

/**
 * kind 'node': the node's execute vs the floors. targets: ratio (node ÷ raw floor), helperRatio
 * (node ÷ n8n-helper floor), heapRatio (peak heap growth ÷ output JSON size), idealFactor
 * (wall ÷ ⌈requests ÷ concurrency⌉ × latency). Every workload also must not be slower than the
 * baseline commit, measured in the same run (bench/baseline.js).
 */
const WORKLOADS = [
	{
		name: 'one-agent-24h',
		label: '1 agent × 24 h',
		kind: 'node',
		server: 'main',
		reps: 5,
		params: params({ agents: 1, startMs: TUE, endMs: TUE + DAY_MS }),
		countQuery: { agents: 1, startMs: TUE, endMs: TUE + DAY_MS },
		concurrency: 4,
		targets: {},
	},
	{
		name: 'all-agents-24h',
		label: '200 agents × 24 h (all agents)',
		kind: 'node',
		server: 'main',
		reps: 3,
		params: params({ agents: 'all', startMs: TUE, endMs: TUE + DAY_MS }),
		countQuery: { agents: 'all', startMs: TUE, endMs: TUE + DAY_MS },
		concurrency: 4,
		targets: { helperRatio: 1.3, heapRatio: 4 },
	},
	{
		name: 'all-agents-24h-50ms',
		label: '200 agents × 24 h (all agents), +50 ms latency, concurrency 4',
		kind: 'node',
		server: 'latency50',
		latencyMs: 50,
		reps: 3,
		params: params({ agents: 'all', startMs: TUE, endMs: TUE + DAY_MS }),
		countQuery: { agents: 'all', startMs: TUE, endMs: TUE + DAY_MS },
		concurrency: 4,
		targets: { idealFactor: 1.3 },
	},
	{
		name: 'fifty-agents-50ms',
		label: '50 agents × 24 h, +50 ms latency, concurrency 4',
		kind: 'node',
		server: 'latency50',
		latencyMs: 50,
		reps: 3,
		params: params({ agents: 50, startMs: TUE, endMs: TUE + DAY_MS }),
		countQuery: { agents: 50, startMs: TUE, endMs: TUE + DAY_MS },
		concurrency: 4,
		targets: {},
	},
	{
		name: 'fifty-agents-24h',
		label: '50 agents one by one × 24 h',
		kind: 'node',
		server: 'main',
		reps: 3,
		params: params({ agents: 50, startMs: TUE, endMs: TUE + DAY_MS }),
		countQuery: { agents: 50, startMs: TUE, endMs: TUE + DAY_MS },
		concurrency: 4,
		targets: {},
	},
	{
		name: 'fifty-agents-latency',
		label: '50 agents, +20 ms latency, concurrency 4',
		kind: 'node',
		server: 'latency',
		latencyMs: 20,
		reps: 3,
		params: params({ agents: 50, startMs: TUE, endMs: TUE + DAY_MS }),
		countQuery: { agents: 50, startMs: TUE, endMs: TUE + DAY_MS },
		concurrency: 4,
		targets: { idealFactor: 1.5 },
	},
	{
		name: 'fifty-agents-latency-c1',
		label: '50 agents, +20 ms latency, concurrency 1',
		kind: 'node',
		server: 'latency',
		latencyMs: 20,
		reps: 1,
		params: params({
			agents: 50,
			startMs: TUE,
			endMs: TUE + DAY_MS,
			options: { concurrency: 1 },
		}),
		countQuery: { agents: 50, startMs: TUE, endMs: TUE + DAY_MS },
		concurrency: 1,
		targets: {},
	},
	{
		name: 'fifty-agents-latency-dense',
		label: '50 agents, +20 ms latency, concurrency 4, dense',
		kind: 'node',
		server: 'latencyDense',
		latencyMs: 20,
		reps: 3,
		params: params({ agents: 50, startMs: TUE, endMs: TUE + DAY_MS }),
		countQuery: { agents: 50, startMs: TUE, endMs: TUE + DAY_MS },
		concurrency: 4,
		targets: {},
	},
	{
		name: 'week-chunked',
		label: '30 agents (all) × 7 days, 24 h chunks',
		kind: 'node',
		server: 'week',
		reps: 3,
		params: params({
			agents: 'all',
			startMs: TUE - 7 * DAY_MS,
			endMs: TUE,
			options: { chunkHours: 24 },
		}),
		countQuery: { agents: 'all', startMs: TUE - 7 * DAY_MS, endMs: TUE },
		concurrency: 4,
		targets: { heapRatio: 4 },
	},
	{
		name: 'normalize-100k',
		label: 'normalization alone (100k raw records)',
		kind: 'normalize',
		server: 'main',
		reps: 7,
		window: { startMs: TUE, endMs: TUE + DAY_MS },
		timeZone: TIME_ZONE,
		targets: { recordsPerSecond: 300000 },
	},
];

module.exports = { WORKLOADS, SERVERS, FIRST_AGENT, TIME_ZONE };
