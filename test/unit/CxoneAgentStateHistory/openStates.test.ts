// States CXone sends without an end: the session's current state with its duration absent, null,
// blank or elapsed so far, and a state without a duration that a later state of its session ends.
// Each shape, as the last and as a middle record, in every boundary mode.
// CONSTRUCTED data: no real CXone state-history JSON is public.
import type { IDataObject } from 'n8n-workflow';

import type { Raw } from './fixtures';
import {
	cxPage,
	cxRecord,
	expectAllServed,
	historyPath,
	NOW,
	run,
	serve,
	useNockAndClock,
} from './fixtures';

useNockAndClock();

/** The read instant: the page's lastPollTime, which is the test clock. */
const READ = new Date(NOW).toISOString(); // 2024-05-03T00:00:00.000Z
const BREAK = {
	agentStateId: 2,
	agentStateName: 'Unavailable',
	outStateId: 78,
	outStateDescription: 'Break',
};

type Shape = 'absent' | 'null' | 'empty' | 'elapsed';
const NO_DURATION: Shape[] = ['absent', 'null', 'empty'];

/** A record sent in `shape`; `elapsed` carries `elapsed` (the time up to the read instant). */
function shaped(record: Raw, shape: Shape, elapsed?: string): Raw {
	const copy = { ...record };
	if (shape === 'absent') delete copy.duration;
	else if (shape === 'null') copy.duration = null;
	else if (shape === 'empty') copy.duration = '';
	else copy.duration = elapsed;
	return copy;
}

/**
 * One session of agent 39260750 (session 555), read at 2024-05-03T00:00Z:
 * 1 Available 20:00–21:00, 2 Break 21:00–21:20 (middle, `middle` shape), 3 Available 21:20–21:50,
 * 4 Break from 21:50, still running (`last` shape; elapsed = 2 h 10 min).
 */
function session(middle: Shape | 'closed', last: Shape): Raw[] {
	const m = cxRecord(2, '2024-05-02T21:00:00.000Z', 'PT20M', BREAK);
	return [
		cxRecord(1, '2024-05-02T20:00:00.000Z', 'PT1H'),
		middle === 'closed' ? m : shaped(m, middle),
		cxRecord(3, '2024-05-02T21:20:00.000Z', 'PT30M'),
		shaped(cxRecord(4, '2024-05-02T21:50:00.000Z', 'PT0S', BREAK), last, 'PT2H10M'),
	];
}

/** 21:10–23:00 UTC: state 1 ends before it, state 2 straddles its start, state 4 its end. */
const WINDOW = { timeRange: 'custom', start: '2024-05-02T21:10:00Z', end: '2024-05-02T23:00:00Z' };
const byIndex = (json: IDataObject[]) =>
	Object.fromEntries(json.map((j) => [j.stateIndex as number, j])) as Record<number, IDataObject>;

async function read(records: Raw[], options: IDataObject = {}, params: IDataObject = WINDOW) {
	serve(historyPath(), [cxPage(records, { lastPollTime: READ })]);
	const out = await run({
		...params,
		options: { thresholdMinutes: 15, thresholdLabels: 'Break', ...options },
	});
	expectAllServed();
	return out.json;
}

describe.each([...NO_DURATION, 'elapsed'] as Shape[])('the current state sent as "%s"', (last) => {
	const open = {
		recordId: '39260750:555:4',
		isOpen: true,
		endTimeUtc: null,
		endTime: null,
		startTimeUtc: '2024-05-02T21:50:00.000Z',
		durationSeconds: 7800,
		durationFormatted: '2h 10m 00s',
		overThreshold: true,
		label: 'Break',
	};

	it('clip: open, running to the read instant, clipped at the window end', async () => {
		const json = await read(session('closed', last));
		expect(json.map((j) => j.stateIndex)).toEqual([2, 3, 4]);
		expect(byIndex(json)[4]).toMatchObject({ ...open, clippedDurationSeconds: 4200 });
		expect(json.filter((j) => j.isOpen)).toHaveLength(1);
	});

	it('clip with a window reaching now: clipped at the read instant', async () => {
		const json = await read(session('closed', last), {}, { timeRange: 'lastHours', hours: 3 });
		expect(byIndex(json)[4]).toMatchObject({ ...open, clippedDurationSeconds: 7800 });
		expect(byIndex(json)[4].windowEndUtc).toBe(READ);
	});

	it('as returned and start in window: the same open state, unclipped', async () => {
		for (const boundary of ['asReturned', 'startInWindow']) {
			const json = await read(session('closed', last), { boundary });
			expect(byIndex(json)[4]).toMatchObject(open);
			expect(byIndex(json)[4]).not.toHaveProperty('clippedDurationSeconds');
		}
	});

	it('the summary counts the open time', async () => {
		const json = await read(session('closed', last), { includeSummary: true });
		const agent = json.find((j) => j.itemType === 'agentSummary') as IDataObject;
		const states = json.filter((j) => j.recordId !== undefined);
		const clipped = states.reduce((s, j) => s + (j.clippedDurationSeconds as number), 0);
		expect(clipped).toBe(600 + 1800 + 4200);
		expect(agent).toMatchObject({ totalSeconds: clipped, overThresholdCount: 2 });
		expect((agent.byLabel as IDataObject).Break).toEqual({ seconds: 600 + 4200, count: 2 });
	});
});

describe.each(NO_DURATION)('a middle state sent as "%s"', (middle) => {
	const ended = {
		recordId: '39260750:555:2',
		isOpen: false,
		startTimeUtc: '2024-05-02T21:00:00.000Z',
		endTimeUtc: '2024-05-02T21:20:00.000Z',
		endTime: '2024-05-02T17:20:00.000-04:00',
		durationSeconds: 1200,
		durationFormatted: '20m 00s',
		overThreshold: true,
	};

	it('clip: ends where the next state of its session starts, clipped at the window start', async () => {
		const json = await read(session(middle, middle));
		expect(byIndex(json)[2]).toMatchObject({ ...ended, clippedDurationSeconds: 600 });
		expect(byIndex(json)[4]).toMatchObject({ isOpen: true, durationSeconds: 7800 });
	});

	it('as returned: ended, unclipped; every record once', async () => {
		const json = await read(session(middle, 'elapsed'), { boundary: 'asReturned' });
		expect(json.map((j) => j.stateIndex)).toEqual([1, 2, 3, 4]);
		expect(byIndex(json)[2]).toMatchObject(ended);
		expect(json.filter((j) => j.isOpen).map((j) => j.stateIndex)).toEqual([4]);
	});

	it('start in window: dropped with the others that start before the window', async () => {
		const json = await read(session(middle, middle), { boundary: 'startInWindow' });
		expect(json.map((j) => j.stateIndex)).toEqual([3, 4]);
	});

	it('start in window: kept and ended when it starts inside the window', async () => {
		const params = { ...WINDOW, start: '2024-05-02T20:30:00Z' };
		const json = await read(session(middle, middle), { boundary: 'startInWindow' }, params);
		expect(json.map((j) => j.stateIndex)).toEqual([2, 3, 4]);
		expect(byIndex(json)[2]).toMatchObject(ended);
	});

	it('the next state may lie outside the window: it still ends the state', async () => {
		const params = { ...WINDOW, end: '2024-05-02T21:15:00Z' };
		const json = await read(session(middle, middle), {}, params);
		expect(json.map((j) => j.stateIndex)).toEqual([2]);
		expect(byIndex(json)[2]).toMatchObject({ ...ended, clippedDurationSeconds: 300 });
	});

	it('the next state may come on a later page', async () => {
		const [s1, s2, s3, s4] = session(middle, middle);
		serve(historyPath(), [
			cxPage([s1, s2], { totalRecords: 4, lastPollTime: READ }),
			cxPage([s3, s4], { totalRecords: 4, lastPollTime: READ }),
		]);
		const { json } = await run({ ...WINDOW, options: { pageSize: 2, boundary: 'asReturned' } });
		expectAllServed();
		expect(json.map((j) => j.stateIndex)).toEqual([1, 2, 3, 4]);
		expect(byIndex(json)[2]).toMatchObject({ isOpen: false, durationSeconds: 1200 });
	});

	it('the next state may come in a later chunk', async () => {
		// 21:10–23:00 in 1-hour chunks: state 2 is read in the first, its successor only in the second.
		const s2 = shaped(cxRecord(2, '2024-05-02T22:00:00.000Z', 'PT0S', BREAK), middle);
		const s3 = shaped(cxRecord(3, '2024-05-02T22:30:00.000Z', 'PT0S'), middle);
		serve(historyPath(), [
			cxPage([s2], { lastPollTime: READ }),
			cxPage([s3], { lastPollTime: READ }),
		]);
		const { json } = await run({ ...WINDOW, options: { chunkHours: 1, concurrency: 1 } });
		expectAllServed();
		expect(byIndex(json)[2]).toMatchObject({
			isOpen: false,
			endTimeUtc: '2024-05-02T22:30:00.000Z',
			durationSeconds: 1800,
			clippedDurationSeconds: 1800,
		});
		expect(byIndex(json)[3]).toMatchObject({
			isOpen: true,
			endTimeUtc: null,
			durationSeconds: 5400,
			clippedDurationSeconds: 1800,
		});
	});

	it("the last state of a session: the agent's next session ends it", async () => {
		const last = shaped(cxRecord(7, '2024-05-02T22:00:00.000Z', 'PT0S', BREAK), middle);
		const next = shaped(
			cxRecord(1, '2024-05-02T22:40:00.000Z', 'PT0S', { agentSessionId: 556 }),
			middle,
		);
		const json = await read([last, next], { boundary: 'asReturned' });
		expect(json.map((j) => [j.recordId, j.isOpen, j.durationSeconds, j.endTimeUtc])).toEqual([
			['39260750:555:7', false, 2400, '2024-05-02T22:40:00.000Z'],
			['39260750:556:1', true, 4800, null],
		]);
	});

	it("without session ids, the agent's next state ends it", async () => {
		const noSession = { agentSessionId: null, stateIndex: null };
		const a = shaped(
			cxRecord(0, '2024-05-02T22:00:00.000Z', 'PT0S', { ...BREAK, ...noSession }),
			middle,
		);
		const b = shaped(cxRecord(0, '2024-05-02T22:45:00.000Z', 'PT0S', noSession), middle);
		const json = await read([b, a], { boundary: 'asReturned' });
		expect(json.map((j) => [j.startTimeUtc, j.isOpen, j.durationSeconds])).toEqual([
			['2024-05-02T22:00:00.000Z', false, 2700],
			['2024-05-02T22:45:00.000Z', true, 4500],
		]);
	});
});

// The agent left the break 100 ms before the read instant: within the 1 s tolerance, its duration
// alone would read as "still running". Its session's next state says it has ended.
describe.each([...NO_DURATION, 'elapsed'] as Shape[])(
	'a state that ended just before the read instant, the next sent as "%s"',
	(next) => {
		const justEnded = cxRecord(4, '2024-05-02T21:50:00.000Z', 'PT2H9M59.9S', BREAK);
		const current = shaped(cxRecord(5, '2024-05-02T23:59:59.900Z', 'PT0S'), next, 'PT0.1S');
		const lastHours = { timeRange: 'lastHours', hours: 3 };

		it('has ended at its duration; only the next state is open', async () => {
			const json = await read(
				[...session('closed', 'elapsed').slice(0, 3), justEnded, current],
				{},
				lastHours,
			);
			// State 1 ends where the 3-hour window starts.
			expect(json.map((j) => j.stateIndex)).toEqual([2, 3, 4, 5]);
			expect(byIndex(json)[4]).toMatchObject({
				isOpen: false,
				endTimeUtc: '2024-05-02T23:59:59.900Z',
				durationSeconds: 7799.9,
				overThreshold: true,
			});
			expect(byIndex(json)[5]).toMatchObject({
				isOpen: true,
				endTimeUtc: null,
				durationSeconds: 0.1,
			});
			expect(json.filter((j) => j.isOpen).map((j) => j.stateIndex)).toEqual([5]);
		});

		it('the next state may come on a later page', async () => {
			serve(historyPath(), [
				cxPage([justEnded], { totalRecords: 2, lastPollTime: READ }),
				cxPage([current], { totalRecords: 2, lastPollTime: READ }),
			]);
			const { json } = await run({ ...lastHours, options: { pageSize: 1, concurrency: 1 } });
			expectAllServed();
			expect(json.map((j) => [j.stateIndex, j.isOpen, j.durationSeconds])).toEqual([
				[4, false, 7799.9],
				[5, true, 0.1],
			]);
		});

		it("a logout's end: the agent's next session follows it", async () => {
			const loggedOut = {
				agentStateId: 0,
				agentStateName: 'LoggedOut',
				outStateId: 0,
				outStateDescription: null,
			};
			const out = cxRecord(9, '2024-05-02T22:00:00.000Z', 'PT1H59M59.9S', loggedOut);
			const login = { ...current, agentSessionId: 556, stateIndex: 1 };
			const json = await read([out, login], {}, lastHours);
			expect(json.map((j) => [j.recordId, j.isOpen, j.durationSeconds])).toEqual([
				['39260750:555:9', false, 7199.9],
				['39260750:556:1', true, 0.1],
			]);
		});

		it('read on an earlier page than its next state: it ends where the next one starts', async () => {
			// Page 1 read at 23:50 (break so far: 2 h), page 2 at 00:00 with the state begun at 23:55.
			const early = cxRecord(4, '2024-05-02T21:50:00.000Z', 'PT2H', BREAK);
			const later = shaped(cxRecord(5, '2024-05-02T23:55:00.000Z', 'PT0S'), next, 'PT5M');
			serve(historyPath(), [
				cxPage([early], { totalRecords: 2, lastPollTime: '2024-05-02T23:50:00.000Z' }),
				cxPage([later], { totalRecords: 2, lastPollTime: READ }),
			]);
			const { json } = await run({ ...lastHours, options: { pageSize: 1, concurrency: 1 } });
			expectAllServed();
			expect(json.map((j) => [j.stateIndex, j.isOpen, j.durationSeconds, j.endTimeUtc])).toEqual([
				[4, false, 7500, '2024-05-02T23:55:00.000Z'],
				[5, true, 300, null],
			]);
		});

		it('without the next state in the run, it reads as still running', async () => {
			const json = await read([justEnded], {}, lastHours);
			expect(json.map((j) => [j.stateIndex, j.isOpen, j.durationSeconds])).toEqual([
				[4, true, 7800],
			]);
		});
	},
);

describe('"Today" asked at exactly local midnight', () => {
	it('gives a noRecords item for the empty window, without a request', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2024-05-03T04:00:00.000Z')); // 00:00 EDT
		const { json } = await run({ timeRange: 'today' });
		expect(json).toEqual([
			{
				itemType: 'noRecords',
				message: 'No agent states in this window',
				window: { startUtc: '2024-05-03T04:00:00.000Z', endUtc: '2024-05-03T04:00:00.000Z' },
				invalidRecords: 0,
			},
		]);
	});
});
