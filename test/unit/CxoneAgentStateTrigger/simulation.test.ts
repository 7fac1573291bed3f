// Seeded random runs of the cursor rules: several agents, uneven poll intervals, failed polls and
// records listed late (within the look-back). Every event after activation comes out exactly once.
import type { CursorState, SelectOptions } from '../../../nodes/CxoneAgentStateTrigger/cursor';
import {
	initialCursorState,
	planPoll,
	selectEvents,
} from '../../../nodes/CxoneAgentStateTrigger/cursor';
import type { TriggerEvent } from '../../../nodes/CxoneAgentStateTrigger/events';
import { eventKey } from '../../../nodes/CxoneAgentStateTrigger/events';
import { makeThresholdRules } from '../../../nodes/shared/thresholds';
import type { FakeState } from './fakeCxone';
import { AGENT, observe, SESSION } from './fakeCxone';

const MIN = 60_000;
const START = Date.parse('2024-03-10T05:00:00Z'); // spans the New York spring-forward change
const ACTIVATION = START + 30 * MIN;
const HOURS = 6;

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Continuous states for `agents` agents: 30 s – 25 min each, some breaks, listed up to 9 min late. */
function generate(random: () => number, agents: number, event: TriggerEvent): FakeState[] {
	const out: FakeState[] = [];
	for (let a = 0; a < agents; a++) {
		let t = START + Math.floor(random() * 10 * MIN);
		let index = 1;
		while (t < START + HOURS * 60 * MIN) {
			const length = 30_000 + Math.floor(random() * 25 * MIN);
			const breakState = random() < 0.3;
			const late = Math.floor(random() * 9 * MIN);
			out.push({
				agentId: AGENT + a,
				stateIndex: index++,
				start: new Date(t).toISOString(),
				end: new Date(t + length).toISOString(),
				// Late listing of the moment that makes the event visible.
				visibleAt: new Date((event === 'stateEnded' ? t + length : t) + late).toISOString(),
				stateId: breakState ? 2 : 1,
				reason: breakState ? 'Break' : undefined,
			});
			t += length;
		}
	}
	return out;
}

function expectedKeys(states: FakeState[], event: TriggerEvent, thresholdMs: number): string[] {
	const keys: string[] = [];
	for (const s of states) {
		const start = Date.parse(s.start);
		const end = Date.parse(s.end as string);
		let at: number | undefined;
		if (event === 'stateStarted') at = start;
		else if (event === 'stateEnded') at = end;
		else if (end - start > thresholdMs) at = start + thresholdMs;
		if (at !== undefined && at >= ACTIVATION) {
			keys.push(eventKey(event, `${s.agentId}:${SESSION}:${s.stateIndex}`));
		}
	}
	return keys.sort();
}

describe.each<[TriggerEvent, number]>([
	['stateEnded', 1],
	['stateEnded', 2],
	['stateStarted', 3],
	['stateExceeded', 4],
	['stateExceeded', 5],
])('random run: %s (seed %i)', (event, seed) => {
	it('emits every event after activation exactly once', () => {
		const random = mulberry32(seed);
		const states = generate(random, 4, event);
		const thresholdMs = 15 * MIN;
		const opts: SelectOptions = {
			// Version 1's Duration (State Exceeded Duration only): the limit of every state.
			thresholds: event === 'stateExceeded' ? makeThresholdRules([], 15) : undefined,
			lookBackMs: 10 * MIN,
			maxCatchUpMs: 24 * 60 * MIN,
		};
		let state: CursorState = initialCursorState(ACTIVATION);
		const emitted: string[] = [];
		let failures = 0;
		let polls = 0;
		const end = START + (HOURS * 60 + 60) * MIN;
		for (let now = ACTIVATION; now < end; ) {
			now += MIN + Math.floor(random() * 6 * MIN);
			const last = now >= end;
			// A failed poll changes nothing; never the last one, so the gap is always covered.
			if (!last && random() < 0.2) {
				failures++;
				continue;
			}
			polls++;
			const window = planPoll(state, now, opts.lookBackMs, opts.maxCatchUpMs);
			if (window === null) continue;
			const records = observe(states, window, now, {
				timeZone: 'America/New_York',
				thresholdMinutes: event === 'stateExceeded' ? 15 : undefined,
			});
			const result = selectEvents(records, state, event, opts, now);
			for (const r of result.emit) emitted.push(eventKey(event, r.recordId));
			state = result.nextState;
		}
		const expected = expectedKeys(states, event, thresholdMs);
		expect(failures).toBeGreaterThan(5);
		expect(polls).toBeGreaterThan(50);
		expect(expected.length).toBeGreaterThan(20);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual(expected);
	});
});

// n8n stores a poll's static data only when the poll emits, and once after activation (which runs
// the first poll): a restart of n8n goes back to the state of the last emitting poll, or of the
// activation. The cursor must lose and repeat nothing under that rule (docs/scaling-out.md).
describe.each<[TriggerEvent, number]>([
	['stateEnded', 11],
	['stateStarted', 12],
	['stateExceeded', 13],
])('random run with restarts, state saved only when a poll emits: %s (seed %i)', (event, seed) => {
	it('emits every event after activation exactly once', () => {
		const random = mulberry32(seed);
		const states = generate(random, 2, event);
		const thresholdMs = 15 * MIN;
		const opts: SelectOptions = {
			// Version 1's Duration (State Exceeded Duration only): the limit of every state.
			thresholds: event === 'stateExceeded' ? makeThresholdRules([], 15) : undefined,
			lookBackMs: 10 * MIN,
			maxCatchUpMs: 24 * 60 * MIN,
		};
		let state: CursorState = initialCursorState(ACTIVATION);
		// What the database holds: the activation's state, then each emitting poll's.
		let saved: CursorState = structuredClone(state);
		const emitted: string[] = [];
		let restarts = 0;
		let emptyBeforeRestart = 0;
		let lastEmitted = true;
		const end = START + (HOURS * 60 + 60) * MIN;
		for (let now = ACTIVATION; now < end; ) {
			now += MIN + Math.floor(random() * 3 * MIN);
			if (now < end && random() < 0.15) {
				restarts++;
				if (!lastEmitted) emptyBeforeRestart++;
				state = structuredClone(saved);
			}
			const window = planPoll(state, now, opts.lookBackMs, opts.maxCatchUpMs);
			if (window === null) continue;
			const records = observe(states, window, now, {
				timeZone: 'America/New_York',
				thresholdMinutes: event === 'stateExceeded' ? 15 : undefined,
			});
			const result = selectEvents(records, state, event, opts, now);
			for (const r of result.emit) emitted.push(eventKey(event, r.recordId));
			state = result.nextState;
			lastEmitted = result.emit.length > 0;
			if (lastEmitted) saved = structuredClone(state);
		}
		const expected = expectedKeys(states, event, thresholdMs);
		expect(restarts).toBeGreaterThan(10);
		expect(emptyBeforeRestart).toBeGreaterThan(3);
		expect(expected.length).toBeGreaterThan(10);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual(expected);
	});
});
