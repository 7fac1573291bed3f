// The trigger's cursor and dedupe rules across simulated polls: every event exactly once, through
// late records, repeats, failures, midnight, DST changes and an overflowing emitted set.
import type { CursorState, SelectOptions } from '../../../nodes/CxoneAgentStateTrigger/cursor';
import {
	horizonMs,
	initialCursorState,
	MAX_EMITTED_KEYS,
	planPoll,
	QUERY_MARGIN_MS,
	readCursorState,
	selectEvents,
	writeCursorState,
} from '../../../nodes/CxoneAgentStateTrigger/cursor';
import type { TriggerEvent } from '../../../nodes/CxoneAgentStateTrigger/events';
import type { StateRecord } from '../../../nodes/shared/records/stateRecord';
import { makeThresholdRules } from '../../../nodes/shared/thresholds';
import type { FakeState } from './fakeCxone';
import { observe } from './fakeCxone';

const MIN = 60_000;
const ms = (iso: string) => Date.parse(iso);

interface PollerOptions {
	event?: TriggerEvent;
	lookBackMinutes?: number;
	thresholdMinutes?: number;
	maxCatchUpHours?: number;
	maxKeys?: number;
	timeZone?: string;
}

/** Drives the pure functions like poll() does, against a list of states on a moving clock. */
function poller(states: FakeState[], o: PollerOptions = {}) {
	const event = o.event ?? 'stateEnded';
	const opts: SelectOptions = {
		// Version 1's Duration (State Exceeded Duration only): the limit of every state.
		thresholds:
			event === 'stateExceeded' ? makeThresholdRules([], o.thresholdMinutes ?? 15) : undefined,
		lookBackMs: (o.lookBackMinutes ?? 10) * MIN,
		maxCatchUpMs: (o.maxCatchUpHours ?? 0) * 60 * MIN,
		maxKeys: o.maxKeys,
	};
	let state: CursorState | undefined;
	const emitted: StateRecord[] = [];
	return {
		emitted,
		get state() {
			return state;
		},
		/** One poll at `now`; `fail` = the fetch failed, so nothing is emitted or stored. */
		poll(now: string, { fail = false } = {}): StateRecord[] {
			const nowMs = ms(now);
			if (state === undefined) {
				state = initialCursorState(nowMs);
				return [];
			}
			const window = planPoll(state, nowMs, opts.lookBackMs, opts.maxCatchUpMs);
			if (window === null || fail) return [];
			const records = observe(states, window, nowMs, {
				timeZone: o.timeZone,
				thresholdMinutes: event === 'stateExceeded' ? (o.thresholdMinutes ?? 15) : undefined,
			});
			const result = selectEvents(records, state, event, opts, nowMs);
			state = result.nextState;
			emitted.push(...result.emit);
			return result.emit;
		},
	};
}

const ids = (records: StateRecord[]) => records.map((r) => r.recordId);

/** Consecutive 5-minute states of one agent from `start`, the last one left open. */
function shift(start: string, count: number, minutes = 5, openLast = true): FakeState[] {
	const out: FakeState[] = [];
	for (let i = 0; i < count; i++) {
		const s = ms(start) + i * minutes * MIN;
		const last = i === count - 1;
		out.push({
			stateIndex: i + 1,
			start: new Date(s).toISOString(),
			end: last && openLast ? undefined : new Date(s + minutes * MIN).toISOString(),
			stateId: i % 2 === 0 ? 1 : 2,
		});
	}
	return out;
}

function everyMinute(from: string, to: string, step = 1): string[] {
	const out: string[] = [];
	for (let t = ms(from); t <= ms(to); t += step * MIN) out.push(new Date(t).toISOString());
	return out;
}

describe('first activation and steady polling', () => {
	it('the first poll sets the cursor to now, reads nothing and emits nothing', () => {
		const p = poller(shift('2024-05-01T11:00:00Z', 30));
		expect(p.poll('2024-05-01T12:00:00Z')).toEqual([]);
		expect(p.state).toEqual({
			cursorMs: ms('2024-05-01T12:00:00Z'),
			floorMs: ms('2024-05-01T12:00:00Z'),
			emitted: {},
		});
	});

	it('the next poll reads [activation, now]: nothing that ended before activation', () => {
		const p = poller(shift('2024-05-01T11:00:00Z', 30));
		p.poll('2024-05-01T12:00:00Z');
		const state = p.state as CursorState;
		// A second's margin so a state ending exactly at the horizon overlaps the query.
		expect(planPoll(state, ms('2024-05-01T12:01:00Z'), 10 * MIN)).toEqual({
			startMs: ms('2024-05-01T12:00:00Z') - QUERY_MARGIN_MS,
			endMs: ms('2024-05-01T12:01:00Z'),
		});
		// State 12 ends at 12:00, the activation instant, so it counts; state 11 (11:55) does not.
		expect(ids(p.poll('2024-05-01T12:01:00Z'))).toEqual(['39260750:5000001:12']);
	});

	it('polling every minute for two hours emits each ended state exactly once, in order', () => {
		const states = shift('2024-05-01T11:00:00Z', 40); // ends 11:05 … 14:15, last open
		const p = poller(states);
		for (const t of everyMinute('2024-05-01T12:00:00Z', '2024-05-01T14:00:00Z')) p.poll(t);
		const expected = states
			.filter(
				(s) =>
					s.end !== undefined &&
					ms(s.end) >= ms('2024-05-01T12:00:00Z') &&
					ms(s.end) < ms('2024-05-01T14:00:00Z'),
			)
			.map((s) => `39260750:5000001:${s.stateIndex}`);
		expect(expected).toHaveLength(24);
		expect(ids(p.emitted)).toEqual(expected);
		// The set holds only the look-back's worth of keys.
		expect(Object.keys((p.state as CursorState).emitted).length).toBeLessThanOrEqual(3);
	});
});

describe('late and repeated records', () => {
	it('a record listed up to the look-back late is emitted once', () => {
		const states: FakeState[] = [
			{
				stateIndex: 1,
				start: '2024-05-01T12:00:00Z',
				end: '2024-05-01T12:02:00Z',
				visibleAt: '2024-05-01T12:09:30Z',
			},
			{ stateIndex: 2, start: '2024-05-01T12:02:00Z', end: '2024-05-01T12:05:00Z' },
		];
		const p = poller(states);
		p.poll('2024-05-01T12:00:00Z');
		expect(ids(p.poll('2024-05-01T12:05:30Z'))).toEqual(['39260750:5000001:2']);
		expect(ids(p.poll('2024-05-01T12:07:00Z'))).toEqual([]);
		// Ended 12:02, listed 12:09:30; the poll at 12:10 reads from 12:07 − 10 min.
		expect(ids(p.poll('2024-05-01T12:10:00Z'))).toEqual(['39260750:5000001:1']);
		expect(ids(p.poll('2024-05-01T12:11:00Z'))).toEqual([]);
		expect(ids(p.emitted)).toEqual(['39260750:5000001:2', '39260750:5000001:1']);
	});

	it('a record later than the look-back is the documented limit: it is not emitted', () => {
		const states: FakeState[] = [
			{
				stateIndex: 1,
				start: '2024-05-01T12:00:00Z',
				end: '2024-05-01T12:01:00Z',
				visibleAt: '2024-05-01T12:20:00Z',
			},
		];
		const p = poller(states);
		p.poll('2024-05-01T12:00:00Z');
		for (const t of everyMinute('2024-05-01T12:01:00Z', '2024-05-01T12:30:00Z')) p.poll(t);
		expect(p.emitted).toEqual([]);
		// With a look-back of 30 minutes it is caught.
		const q = poller(states, { lookBackMinutes: 30 });
		q.poll('2024-05-01T12:00:00Z');
		for (const t of everyMinute('2024-05-01T12:01:00Z', '2024-05-01T12:30:00Z')) q.poll(t);
		expect(ids(q.emitted)).toEqual(['39260750:5000001:1']);
	});

	it('records served again by overlapping windows, or twice in one response, are emitted once', () => {
		const states = shift('2024-05-01T11:58:00Z', 4, 2, false); // ends 12:00 … 12:06
		const p = poller(states, { lookBackMinutes: 60 });
		p.poll('2024-05-01T11:59:00Z');
		const first = p.poll('2024-05-01T12:07:00Z');
		expect(first).toHaveLength(4);
		const state = p.state as CursorState;
		// The same records again, plus copies: nothing new.
		const again = observe(
			states,
			{ startMs: ms('2024-05-01T11:00:00Z'), endMs: ms('2024-05-01T12:08:00Z') },
			ms('2024-05-01T12:08:00Z'),
		);
		const result = selectEvents(
			[...again, ...again],
			state,
			'stateEnded',
			{ lookBackMs: 60 * MIN },
			ms('2024-05-01T12:08:00Z'),
		);
		expect(result.emit).toEqual([]);
		// Duplicates inside one poll's records are emitted once too.
		const fresh = selectEvents(
			[...again, ...again],
			initialCursorState(ms('2024-05-01T11:00:00Z')),
			'stateEnded',
			{ lookBackMs: 0 },
			ms('2024-05-01T12:08:00Z'),
		);
		expect(ids(fresh.emit)).toEqual(ids(first));
	});
});

describe('failures between polls', () => {
	it('a failed poll emits nothing and stores nothing; the next poll covers the gap', () => {
		const states = shift('2024-05-01T12:00:00Z', 10, 1); // ends 12:01 … 12:09, last open
		const p = poller(states);
		p.poll('2024-05-01T12:00:30Z');
		expect(ids(p.poll('2024-05-01T12:02:30Z'))).toEqual([
			'39260750:5000001:1',
			'39260750:5000001:2',
		]);
		const before = JSON.stringify(p.state);
		expect(p.poll('2024-05-01T12:04:30Z', { fail: true })).toEqual([]);
		expect(p.poll('2024-05-01T12:06:30Z', { fail: true })).toEqual([]);
		expect(JSON.stringify(p.state)).toBe(before);
		expect(ids(p.poll('2024-05-01T12:08:30Z'))).toEqual(
			[3, 4, 5, 6, 7, 8].map((i) => `39260750:5000001:${i}`),
		);
		expect(ids(p.poll('2024-05-01T12:10:30Z'))).toEqual(['39260750:5000001:9']);
		expect(new Set(ids(p.emitted)).size).toBe(p.emitted.length);
	});

	it('a pause longer than Max Catch-Up skips the oldest part and says where the window starts', () => {
		const state: CursorState = {
			cursorMs: ms('2024-05-01T12:00:00Z'),
			floorMs: ms('2024-05-01T11:50:00Z'),
			emitted: {},
		};
		const now = ms('2024-05-04T12:00:00Z');
		expect(planPoll(state, now, 10 * MIN)).toEqual({
			startMs: ms('2024-05-01T11:50:00Z') - QUERY_MARGIN_MS,
			endMs: now,
		});
		expect(planPoll(state, now, 10 * MIN, 24 * 60 * MIN)).toEqual({
			startMs: ms('2024-05-03T11:50:00Z') - QUERY_MARGIN_MS,
			endMs: now,
		});
		// A normal poll interval is unaffected by the cap.
		expect(horizonMs(state, ms('2024-05-01T12:01:00Z'), 10 * MIN, 60 * MIN)).toBe(
			ms('2024-05-01T11:50:00Z'),
		);
	});
});

describe('midnight and DST: the cursor is UTC milliseconds', () => {
	it('crosses local midnight (America/New_York) without a gap or a duplicate', () => {
		// 2024-05-02 00:00 EDT = 04:00Z. A state spans midnight; others end on either side.
		const states: FakeState[] = [
			{ stateIndex: 1, start: '2024-05-02T03:50:00Z', end: '2024-05-02T03:58:00Z' },
			{ stateIndex: 2, start: '2024-05-02T03:58:00Z', end: '2024-05-02T04:03:00Z' },
			{ stateIndex: 3, start: '2024-05-02T04:03:00Z', end: '2024-05-02T04:07:00Z' },
		];
		const p = poller(states, { timeZone: 'America/New_York' });
		p.poll('2024-05-02T03:55:00Z');
		for (const t of everyMinute('2024-05-02T03:56:00Z', '2024-05-02T04:10:00Z', 2)) p.poll(t);
		expect(ids(p.emitted)).toEqual([
			'39260750:5000001:1',
			'39260750:5000001:2',
			'39260750:5000001:3',
		]);
		expect(p.emitted[1].startTime).toBe('2024-05-01T23:58:00.000-04:00');
		expect(p.emitted[1].endTime).toBe('2024-05-02T00:03:00.000-04:00');
	});

	it('crosses the spring-forward gap (2024-03-10, 02:00 EST → 03:00 EDT)', () => {
		// 07:00Z is both 02:00 EST and 03:00 EDT: local clocks jump an hour, real time does not.
		const states = shift('2024-03-10T06:50:00Z', 6, 4, false); // ends 06:54 … 07:14
		const p = poller(states, { timeZone: 'America/New_York' });
		p.poll('2024-03-10T06:50:00Z');
		const polls = everyMinute('2024-03-10T06:55:00Z', '2024-03-10T07:20:00Z', 5);
		const perPoll = polls.map((t) => p.poll(t).length);
		// At 07:10 the state ending 07:10 is still open (CXone read it at that instant).
		expect(perPoll).toEqual([1, 1, 1, 1, 2, 0]);
		expect(ids(p.emitted)).toEqual(states.map((s) => `39260750:5000001:${s.stateIndex}`));
		const across = p.emitted[2]; // 06:58Z → 07:02Z
		expect(across.startTime).toBe('2024-03-10T01:58:00.000-05:00');
		expect(across.endTime).toBe('2024-03-10T03:02:00.000-04:00');
		expect(across.durationSeconds).toBe(240);
	});

	it('crosses the fall-back hour (2024-11-03, 01:00–02:00 happens twice)', () => {
		// 05:00–06:00Z is 01:xx EDT, 06:00–07:00Z is 01:xx EST: local times repeat, UTC does not.
		const states = shift('2024-11-03T05:40:00Z', 9, 5, false); // ends 05:45 … 06:25
		const p = poller(states, { timeZone: 'America/New_York' });
		p.poll('2024-11-03T05:41:00Z');
		for (const t of everyMinute('2024-11-03T05:46:00Z', '2024-11-03T06:31:00Z', 5)) p.poll(t);
		expect(ids(p.emitted)).toEqual(states.map((s) => `39260750:5000001:${s.stateIndex}`));
		const local = p.emitted.map((r) => r.endTime);
		expect(local).toContain('2024-11-03T01:55:00.000-04:00');
		expect(local).toContain('2024-11-03T01:05:00.000-05:00');
		// Local end times go backwards at the change; the output order follows real time.
		const utc = p.emitted.map((r) => ms(r.endTimeUtc as string));
		expect([...utc].sort((a, b) => a - b)).toEqual(utc);
	});
});

describe('the bounded emitted set', () => {
	it('never re-emits a forgotten record, even when the API serves it again', () => {
		// Ten 1-minute states ended inside a 60-minute look-back; the set keeps only 4 keys.
		const states = shift('2024-05-01T12:00:00Z', 11, 1); // ends 12:01 … 12:10, last open
		const p = poller(states, { lookBackMinutes: 60, maxKeys: 4 });
		p.poll('2024-05-01T12:00:00Z');
		expect(p.poll('2024-05-01T12:10:30Z')).toHaveLength(10);
		const state = p.state as CursorState;
		expect(Object.keys(state.emitted)).toHaveLength(4);
		// The floor rose past the forgotten keys (ends 12:01 … 12:06).
		expect(state.floorMs).toBe(ms('2024-05-01T12:06:00Z') + 1);
		// The same window again: all ten are served, none is emitted.
		for (const t of everyMinute('2024-05-01T12:11:00Z', '2024-05-01T12:15:00Z'))
			expect(p.poll(t)).toEqual([]);
		expect(new Set(ids(p.emitted)).size).toBe(10);
	});

	it('keeps emitting new records after an overflow', () => {
		const states = shift('2024-05-01T12:00:00Z', 16, 1);
		const p = poller(states, { lookBackMinutes: 60, maxKeys: 3 });
		p.poll('2024-05-01T12:00:00Z');
		for (const t of everyMinute('2024-05-01T12:05:30Z', '2024-05-01T12:15:30Z', 5)) p.poll(t);
		expect(ids(p.emitted)).toEqual(
			states.slice(0, 15).map((s) => `39260750:5000001:${s.stateIndex}`),
		);
		expect(Object.keys((p.state as CursorState).emitted).length).toBeLessThanOrEqual(3);
	});

	it('defaults to 5000 keys', () => {
		expect(MAX_EMITTED_KEYS).toBe(5000);
		const records = observe(
			shift('2024-05-01T00:00:00Z', 5002, 0.01),
			{ startMs: 0, endMs: ms('2024-05-02T00:00:00Z') },
			ms('2024-05-02T00:00:00Z'),
		);
		const result = selectEvents(
			records,
			initialCursorState(0),
			'stateStarted',
			{ lookBackMs: 24 * 60 * MIN },
			ms('2024-05-01T01:00:00Z'),
		);
		expect(result.emit).toHaveLength(5002);
		expect(Object.keys(result.nextState.emitted)).toHaveLength(5000);
	});
});

describe('events', () => {
	it('stateExceeded: an open break is emitted once when it passes the threshold, not again when it ends', () => {
		const states: FakeState[] = [
			{
				stateIndex: 1,
				start: '2024-05-01T12:00:00Z',
				end: '2024-05-01T12:22:00Z',
				reason: 'Break',
			},
			{ stateIndex: 2, start: '2024-05-01T12:22:00Z', end: '2024-05-01T12:30:00Z', stateId: 1 },
			{
				stateIndex: 3,
				start: '2024-05-01T12:30:00Z',
				end: '2024-05-01T12:40:00Z',
				reason: 'Break',
			},
		];
		const p = poller(states, { event: 'stateExceeded', thresholdMinutes: 15 });
		p.poll('2024-05-01T12:05:00Z');
		expect(p.poll('2024-05-01T12:10:00Z')).toEqual([]);
		expect(p.poll('2024-05-01T12:14:59Z')).toEqual([]);
		const hit = p.poll('2024-05-01T12:16:00Z');
		expect(ids(hit)).toEqual(['39260750:5000001:1']);
		expect(hit[0]).toMatchObject({
			isOpen: true,
			overThreshold: true,
			durationSeconds: 960,
			reason: 'Break',
		});
		for (const t of everyMinute('2024-05-01T12:17:00Z', '2024-05-01T12:50:00Z'))
			expect(p.poll(t)).toEqual([]);
		expect(p.emitted).toHaveLength(1);
	});

	it('stateExceeded: a state that ran over between two polls is emitted once, already ended', () => {
		const states: FakeState[] = [
			{
				stateIndex: 1,
				start: '2024-05-01T12:00:00Z',
				end: '2024-05-01T12:20:00Z',
				reason: 'Lunch',
			},
		];
		const p = poller(states, { event: 'stateExceeded', thresholdMinutes: 15 });
		p.poll('2024-05-01T12:05:00Z');
		const hit = p.poll('2024-05-01T12:30:00Z');
		expect(hit).toHaveLength(1);
		expect(hit[0]).toMatchObject({ isOpen: false, durationSeconds: 1200, overThreshold: true });
		expect(p.poll('2024-05-01T12:31:00Z')).toEqual([]);
	});

	it('stateStarted: an open state is emitted when first listed, not again when it ends', () => {
		const states: FakeState[] = [
			{ stateIndex: 1, start: '2024-05-01T12:01:00Z', end: '2024-05-01T12:05:00Z' },
		];
		const p = poller(states, { event: 'stateStarted' });
		p.poll('2024-05-01T12:00:00Z');
		const first = p.poll('2024-05-01T12:02:00Z');
		expect(first).toHaveLength(1);
		expect(first[0].isOpen).toBe(true);
		expect(p.poll('2024-05-01T12:06:00Z')).toEqual([]);
	});

	it('stateEnded: an open state waits until it has ended', () => {
		const states: FakeState[] = [
			{ stateIndex: 1, start: '2024-05-01T12:01:00Z', end: '2024-05-01T12:05:00Z' },
		];
		const p = poller(states);
		p.poll('2024-05-01T12:00:00Z');
		expect(p.poll('2024-05-01T12:02:00Z')).toEqual([]);
		const done = p.poll('2024-05-01T12:06:00Z');
		expect(done).toHaveLength(1);
		expect(done[0]).toMatchObject({ isOpen: false, durationSeconds: 240 });
	});

	it('keys carry the event: switching events does not suppress the other event', () => {
		const records = observe(
			[{ stateIndex: 1, start: '2024-05-01T12:01:00Z', end: '2024-05-01T12:05:00Z' }],
			{ startMs: ms('2024-05-01T12:00:00Z'), endMs: ms('2024-05-01T12:06:00Z') },
			ms('2024-05-01T12:06:00Z'),
		);
		const opts = { lookBackMs: 10 * MIN };
		const started = selectEvents(
			records,
			initialCursorState(ms('2024-05-01T12:00:00Z')),
			'stateStarted',
			opts,
			ms('2024-05-01T12:06:00Z'),
		);
		const ended = selectEvents(
			records,
			started.nextState,
			'stateEnded',
			opts,
			ms('2024-05-01T12:06:00Z'),
		);
		expect(ended.emit).toHaveLength(1);
		expect(Object.keys(ended.nextState.emitted).sort()).toEqual([
			'stateEnded:39260750:5000001:1',
			'stateStarted:39260750:5000001:1',
		]);
	});
});

describe('clock and stored state', () => {
	it('a clock at or before the horizon reads nothing and keeps the cursor', () => {
		const state = initialCursorState(ms('2024-05-01T12:00:00Z'));
		expect(planPoll(state, ms('2024-05-01T12:00:00Z'), 10 * MIN)).toBeNull();
		expect(planPoll(state, ms('2024-05-01T11:59:00Z'), 10 * MIN)).toBeNull();
		const back = selectEvents(
			[],
			state,
			'stateEnded',
			{ lookBackMs: 10 * MIN },
			ms('2024-05-01T11:00:00Z'),
		);
		expect(back.nextState.cursorMs).toBe(ms('2024-05-01T12:00:00Z'));
	});

	it('writes top-level fields and reads them back; damaged data is tolerated', () => {
		const data: Record<string, unknown> = {};
		const state: CursorState = {
			cursorMs: ms('2024-05-01T12:00:00Z'),
			floorMs: ms('2024-05-01T11:50:00Z'),
			emitted: { 'stateEnded:a:1:1': ms('2024-05-01T11:55:00Z') },
		};
		writeCursorState(data as never, state);
		expect(data).toEqual({
			version: 1,
			cursorMs: state.cursorMs,
			cursorUtc: '2024-05-01T12:00:00.000Z',
			floorMs: state.floorMs,
			emitted: state.emitted,
		});
		expect(data.emitted).not.toBe(state.emitted);
		expect(readCursorState(JSON.parse(JSON.stringify(data)))).toEqual(state);
		expect(readCursorState({})).toBeUndefined();
		expect(readCursorState({ cursorMs: 'soon' })).toBeUndefined();
		expect(
			readCursorState({ cursorMs: 5, floorMs: null, emitted: { a: 1, b: 'x', c: null } }),
		).toEqual({ cursorMs: 5, floorMs: 5, emitted: { a: 1 } });
		expect(readCursorState({ cursorMs: 5, floorMs: 2, emitted: ['a'] })).toEqual({
			cursorMs: 5,
			floorMs: 2,
			emitted: {},
		});
	});
});
