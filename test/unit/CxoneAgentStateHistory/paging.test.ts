// Pages and chunks: every page of every chunk is read, and a state listed twice (a chunk edge or
// overlapping pages) comes out once.
import { NodeOperationError } from 'n8n-workflow';

import {
	AGENT,
	BASE,
	cxPage,
	cxRecord,
	DAY_END,
	DAY_START,
	expectAllServed,
	failure,
	historyPath,
	run,
	serve,
	useNockAndClock,
} from './fixtures';

useNockAndClock();

const r = (index: number, hour: number, duration = 'PT30M') =>
	cxRecord(index, `2024-05-01T${String(hour).padStart(2, '0')}:00:00.000Z`, duration);

describe('pagination', () => {
	it('follows _links.next, relative to the credential base URL, until it is null', async () => {
		const next = `${BASE}${historyPath()}?startDate=${DAY_START}&endDate=${DAY_END}&skip=2&top=2`;
		const seen = serve(historyPath(), [
			cxPage([r(1, 1), r(2, 2)], { totalRecords: 5, _links: { next } }),
			cxPage([r(3, 3), r(4, 4)], {
				totalRecords: 5,
				_links: { next: next.replace('skip=2', 'skip=4') },
			}),
			cxPage([r(5, 5)], { totalRecords: 5, _links: { next: null } }),
		]);

		const { json } = await run({ options: { pageSize: 2 } });

		expectAllServed();
		expect(json.map((j) => j.stateIndex)).toEqual([1, 2, 3, 4, 5]);
		expect(seen.map((s) => [s.query.skip, s.query.top])).toEqual([
			['0', '2'],
			['2', '2'],
			['4', '2'],
		]);
		expect(seen.every((s) => s.query.startDate === DAY_START && s.query.endDate === DAY_END)).toBe(
			true,
		);
	});

	it('pages with skip/top from totalRecords when CXone sends no next link', async () => {
		const seen = serve(historyPath(), [
			cxPage([r(1, 1), r(2, 2)], { totalRecords: 3 }),
			cxPage([r(3, 3)], { totalRecords: 3 }),
		]);
		const { json } = await run({ options: { pageSize: 2 } });
		expect(json.map((j) => j.stateIndex)).toEqual([1, 2, 3]);
		expect(seen.map((s) => s.query.skip)).toEqual(['0', '2']);
	});

	it('keeps one copy of a record two overlapping pages both list', async () => {
		const link = (skip: number) => ({
			next: `${BASE}${historyPath()}?startDate=${DAY_START}&endDate=${DAY_END}&skip=${skip}&top=2`,
		});
		serve(historyPath(), [
			cxPage([r(1, 1), r(2, 2)], { totalRecords: 4, _links: link(2) }),
			// The next page starts with the previous page's last record.
			cxPage([r(2, 2), r(3, 3)], { totalRecords: 4, _links: link(3) }),
			cxPage([r(4, 4)], { totalRecords: 4 }),
		]);
		const { json } = await run({ options: { pageSize: 2, includeSummary: true } });
		expect(json.filter((j) => j.recordId).map((j) => j.stateIndex)).toEqual([1, 2, 3, 4]);
		expect(json.at(-1)).toMatchObject({ itemType: 'windowSummary', recordCount: 4 });
	});

	it('stops with an error naming Max Pages instead of reading on', async () => {
		serve(historyPath(), [
			cxPage([r(1, 1)], { totalRecords: 3 }),
			cxPage([r(2, 2)], { totalRecords: 3 }),
		]);
		const error = await failure(run({ options: { pageSize: 1, maxPages: 2 } }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('"Max Pages" (2)');
	});

	it('stops with an error naming Max Records once more records than allowed arrived', async () => {
		serve(historyPath(), [cxPage([r(1, 1), r(2, 2), r(3, 3)])]);
		const error = await failure(run({ options: { maxRecords: 2 } }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('"Max Records" (2)');
	});
});

describe('chunks', () => {
	it('splits the window into chunks and de-duplicates the state on the chunk edge', async () => {
		// 12-hour chunks; the 11:00-13:00 state overlaps both and both list it.
		const edge = r(2, 11, 'PT2H');
		const seen = serve(historyPath(), [
			cxPage([r(1, 1), edge]),
			cxPage([edge, r(3, 15)], { lastPollTime: '2024-05-03T00:00:05.000Z' }),
		]);

		const { json } = await run({ options: { chunkHours: 12, concurrency: 1 } });

		expectAllServed();
		expect(seen.map((s) => [s.query.startDate, s.query.endDate])).toEqual([
			[DAY_START, '2024-05-01T12:00:00.000Z'],
			['2024-05-01T12:00:00.000Z', DAY_END],
		]);
		expect(json.map((j) => j.recordId)).toEqual([
			'39260750:555:1',
			'39260750:555:2',
			'39260750:555:3',
		]);
		// The window (not the chunk) clips: the edge state counts in full.
		expect(json[1]).toMatchObject({
			windowStartUtc: DAY_START,
			windowEndUtc: DAY_END,
			durationSeconds: 7200,
			clippedDurationSeconds: 7200,
		});
	});

	it('reads every chunk of every agent, several at a time, and merges them', async () => {
		const other = 39260751;
		const seen = serve(historyPath(), [cxPage([r(1, 2)]), cxPage([r(2, 20)])]);
		serve(historyPath(other), [
			cxPage([cxRecord(1, '2024-05-01T03:00:00.000Z', 'PT1H', { agentId: other })]),
			[204, ''],
		]);
		const { json, ctx } = await run({
			agentIds: `${AGENT}, ${other}`,
			options: { chunkHours: 12, concurrency: 4 },
		});
		expectAllServed();
		expect(seen).toHaveLength(2);
		expect(ctx.harness.authCalls).toHaveLength(4);
		expect(json.map((j) => `${j.agentId}/${j.stateIndex}`)).toEqual([
			'39260750/1',
			'39260751/1',
			'39260750/2',
		]);
	});
});
