// "Today" and "yesterday" are calendar days in the chosen zone: on DST changes they are 23 or 25
// hours, and the query sent covers exactly that day in UTC.
import type { IDataObject } from 'n8n-workflow';

import { cxPage, cxRecord, historyPath, run, serve, useNockAndClock } from './fixtures';

useNockAndClock();

const at = (iso: string) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso));
const hours = (startIso: string, endIso: string) =>
	(Date.parse(endIso) - Date.parse(startIso)) / 3_600_000;

describe('America/New_York, 2024-11-04: yesterday is the 25-hour day DST ended', () => {
	const params = { timeRange: 'yesterday', timezone: 'America/New_York' };

	it('in one request when the chunk is long enough', async () => {
		at('2024-11-04T17:00:00.000Z'); // 12:00 EST
		const seen = serve(historyPath(), [[204, '']]);

		const { json } = await run({ ...params, options: { chunkHours: 48 } });

		expect(seen.map((s) => [s.query.startDate, s.query.endDate])).toEqual([
			['2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z'],
		]);
		expect(hours('2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z')).toBe(25);
		expect(json[0].window).toEqual({
			startUtc: '2024-11-03T04:00:00.000Z',
			endUtc: '2024-11-04T05:00:00.000Z',
		});
	});

	it('in 24-hour chunks that meet without a gap and end with the day', async () => {
		at('2024-11-04T17:00:00.000Z');
		const seen = serve(historyPath(), [
			[204, ''],
			[204, ''],
		]);
		await run({ ...params, options: { concurrency: 1 } });
		expect(seen.map((s) => [s.query.startDate, s.query.endDate])).toEqual([
			['2024-11-03T04:00:00.000Z', '2024-11-04T04:00:00.000Z'],
			['2024-11-04T04:00:00.000Z', '2024-11-04T05:00:00.000Z'],
		]);
	});

	it('local times carry the offset of their instant: 01:30 happens twice', async () => {
		at('2024-11-04T17:00:00.000Z');
		serve(historyPath(), [
			cxPage(
				[
					cxRecord(1, '2024-11-03T05:30:00.000Z', 'PT1H'),
					cxRecord(2, '2024-11-03T06:30:00.000Z', 'PT1H'),
				],
				{ lastPollTime: '2024-11-04T17:00:00.000Z' },
			),
		]);
		const { json } = await run({ ...params, options: { chunkHours: 48 } });
		expect(json.map((j: IDataObject) => [j.startTime, j.endTime])).toEqual([
			['2024-11-03T01:30:00.000-04:00', '2024-11-03T01:30:00.000-05:00'],
			['2024-11-03T01:30:00.000-05:00', '2024-11-03T02:30:00.000-05:00'],
		]);
	});

	it('"today" on the short spring day starts at local midnight and ends now', async () => {
		at('2024-03-10T16:00:00.000Z'); // 12:00 EDT, 11 hours after midnight EST
		const seen = serve(historyPath(), [[204, '']]);
		await run({ timeRange: 'today', timezone: 'America/New_York' });
		expect(seen.map((s) => [s.query.startDate, s.query.endDate])).toEqual([
			['2024-03-10T05:00:00.000Z', '2024-03-10T16:00:00.000Z'],
		]);
	});
});

describe('Europe/London around 2024-03-31, the 23-hour day DST began', () => {
	const params = { timeRange: 'yesterday', timezone: 'Europe/London' };

	it('yesterday seen from 2024-04-01 is 2024-03-31: 23 hours', async () => {
		at('2024-04-01T11:00:00.000Z'); // 12:00 BST
		const seen = serve(historyPath(), [[204, '']]);
		await run(params);
		expect(seen.map((s) => [s.query.startDate, s.query.endDate])).toEqual([
			['2024-03-31T00:00:00.000Z', '2024-03-31T23:00:00.000Z'],
		]);
		expect(hours('2024-03-31T00:00:00.000Z', '2024-03-31T23:00:00.000Z')).toBe(23);
	});

	it('yesterday seen from 2024-03-31 (after the change) is the whole of 2024-03-30 GMT', async () => {
		at('2024-03-31T11:00:00.000Z'); // 12:00 BST
		const seen = serve(historyPath(), [[204, '']]);
		await run(params);
		expect(seen.map((s) => [s.query.startDate, s.query.endDate])).toEqual([
			['2024-03-30T00:00:00.000Z', '2024-03-31T00:00:00.000Z'],
		]);
	});

	it('today on 2024-03-31 runs from midnight GMT to now', async () => {
		at('2024-03-31T11:00:00.000Z');
		const seen = serve(historyPath(), [[204, '']]);
		await run({ ...params, timeRange: 'today' });
		expect(seen.map((s) => [s.query.startDate, s.query.endDate])).toEqual([
			['2024-03-31T00:00:00.000Z', '2024-03-31T11:00:00.000Z'],
		]);
	});
});
