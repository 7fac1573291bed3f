// Pages without lastPollTime whose answers arrive 1.5 s after CXone read them (the fake's
// omitLastPollTime and responseLatencyMs): each agent's current state, sent with its duration so
// far, is still open, since that duration reaches back to the request's send rather than to the
// arrival. See docs/open-states.md.
import { CxoneOAuth2Api } from '../../credentials/CxoneOAuth2Api.credentials';
import { CxoneAgentStateHistory } from '../../nodes/CxoneAgentStateHistory/CxoneAgentStateHistory.node';
import { retryTiming } from '../../nodes/shared/api/retry';
import { createFakeCxone } from '../fake-cxone';
import type { FakeCxone } from '../fake-cxone';
import { fakeCxoneCredentials } from '../helpers/fakeCredentials';
import { createExecuteContext } from '../helpers/n8nContext';

const AGENTS = 6;
const SEED = 7;
const LATENCY_MS = 1500;
const WINDOW_START = '2024-05-07T08:00:00.000Z';
/** Around the middle of the fake's shifts on a Tuesday. */
const AROUND = Date.parse('2024-05-07T15:00:00.000Z');
/** No agent changes state for this long after the start instant: the run sees one set of states. */
const QUIET_MS = 120000;

/** The last instant before `AROUND`, a second after a state change, that QUIET_MS follow quietly. */
function quietStart(): number {
	const probe = createFakeCxone({ agents: AGENTS, seed: SEED, now: AROUND + QUIET_MS * 10 });
	const starts = probe
		.canonicalRecordsFor({
			all: true,
			startMs: Date.parse(WINDOW_START),
			endMs: AROUND + QUIET_MS * 10,
		})
		.map((r) => r.startMs)
		.sort((a, b) => a - b);
	for (let k = starts.length - 2; k >= 0; k--) {
		if (starts[k] < AROUND && starts[k + 1] - starts[k] > QUIET_MS + 1000) return starts[k] + 1000;
	}
	throw new Error("no quiet span in the fake's day");
}

const startMs = quietStart();
const windowEnd = new Date(startMs + QUIET_MS).toISOString();
const real = { ...retryTiming };
let fake: FakeCxone;

beforeAll(async () => {
	// The fake's clock runs in real time from startMs; the node's clock is the same clock.
	fake = createFakeCxone({
		agents: AGENTS,
		seed: SEED,
		now: 'real',
		omitLastPollTime: true,
		responseLatencyMs: LATENCY_MS,
	});
	fake.advance(startMs - fake.nowMs);
	await fake.start(0);
	retryTiming.now = () => fake.nowMs;
});
afterAll(async () => {
	Object.assign(retryTiming, real);
	await fake.stop();
});

describe.each([1, 4])(
	'no lastPollTime, answers 1.5 s after the read (Concurrency %i)',
	(concurrency) => {
		it('every record once; one open state per agent, running to the arrival', async () => {
			const ctx = createExecuteContext({
				credentialType: new CxoneOAuth2Api(),
				credentials: fakeCxoneCredentials(fake),
				params: {
					agentSelection: 'all',
					teamIds: '',
					timeRange: 'custom',
					start: WINDOW_START,
					end: windowEnd,
					timezone: 'UTC',
					splitIntoItems: true,
					options: { pageSize: 50, resolveAgentNames: false, concurrency },
				},
			});
			const out = await new CxoneAgentStateHistory().execute.call(ctx);
			const items = out[0].map((i) => i.json);
			const readMs = fake.nowMs;
			expect(readMs).toBeLessThan(startMs + QUIET_MS);
			const truth = fake.canonicalRecordsFor({
				all: true,
				startMs: Date.parse(WINDOW_START),
				endMs: readMs,
			});
			expect(truth.length).toBeGreaterThan(100);
			expect(items.map((j) => j.recordId).sort()).toEqual(truth.map((t) => t.recordId).sort());

			const openTruth = truth.filter((t) => t.isOpen);
			expect(openTruth).toHaveLength(AGENTS);
			const open = items.filter((j) => j.isOpen);
			expect(open.map((j) => j.recordId).sort()).toEqual(openTruth.map((t) => t.recordId).sort());
			for (const j of open) {
				expect(j.endTimeUtc).toBeNull();
				// To the arrival: at least the fake's latency after the instant the run started.
				const t = openTruth.find((r) => r.recordId === j.recordId)!;
				expect(j.durationSeconds as number).toBeGreaterThanOrEqual(
					(startMs - t.startMs + LATENCY_MS) / 1000,
				);
			}
		}, 60000);
	},
);
