// Reporting intervals aligned to the local wall clock: DST days, zones a half or three quarters of
// an hour off UTC, windows that do not start on an edge, and local days of 23, 24 and 25 hours.
import type { Interval } from '../../../../nodes/shared/time/intervals';
import { intervalIndexAt, intervalsOf } from '../../../../nodes/shared/time/intervals';

const ms = (iso: string) => Date.parse(iso);
const iso = (n: number) => new Date(n).toISOString();
const span = (start: string, end: string) => ({ startMs: ms(start), endMs: ms(end) });
const minutes = (list: Interval[]) => list.map((i) => (i.endMs - i.startMs) / 60_000);

describe('intervalsOf', () => {
	it('a plain New York day has 96 quarter hours, 48 half hours, 24 hours, one day', () => {
		const day = span('2024-05-07T04:00:00Z', '2024-05-08T04:00:00Z');
		expect(intervalsOf(day, 'America/New_York', 15)).toHaveLength(96);
		expect(intervalsOf(day, 'America/New_York', 30)).toHaveLength(48);
		expect(intervalsOf(day, 'America/New_York', 60)).toHaveLength(24);
		expect(intervalsOf(day, 'America/New_York', 'day')).toEqual([day]);
	});

	it('the spring-forward day: 92 quarter hours, 23 hours, a 23-hour day; 01:45 is followed by 03:00', () => {
		const day = span('2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z');
		const quarters = intervalsOf(day, 'America/New_York', 15);
		expect(quarters).toHaveLength(92);
		expect(minutes(quarters).every((m) => m === 15)).toBe(true);
		// 01:45 EST (06:45Z) to 03:00 EDT (07:00Z): one quarter hour of real time.
		expect(quarters[7]).toEqual(span('2024-03-10T06:45:00Z', '2024-03-10T07:00:00Z'));
		expect(intervalsOf(day, 'America/New_York', 60)).toHaveLength(23);
		expect(minutes(intervalsOf(day, 'America/New_York', 'day'))).toEqual([1380]);
	});

	it('the fall-back day: 100 quarter hours; the repeated 01:00 hour is two distinct intervals', () => {
		const day = span('2024-11-03T04:00:00Z', '2024-11-04T05:00:00Z');
		expect(intervalsOf(day, 'America/New_York', 15)).toHaveLength(100);
		const hours = intervalsOf(day, 'America/New_York', 60);
		expect(hours).toHaveLength(25);
		// 01:00 EDT (05:00Z) and 01:00 EST (06:00Z).
		expect(hours.slice(1, 3)).toEqual([
			span('2024-11-03T05:00:00Z', '2024-11-03T06:00:00Z'),
			span('2024-11-03T06:00:00Z', '2024-11-03T07:00:00Z'),
		]);
		expect(minutes(intervalsOf(day, 'America/New_York', 'day'))).toEqual([1500]);
	});

	it('Kathmandu (+05:45): hours start at :00 local, :15 UTC', () => {
		// 00:20 local to 00:40 local: the hour from 00:00 local.
		const hours = intervalsOf(
			span('2024-05-06T18:35:00Z', '2024-05-06T18:55:00Z'),
			'Asia/Kathmandu',
			60,
		);
		expect(hours).toEqual([span('2024-05-06T18:15:00Z', '2024-05-06T19:15:00Z')]);
		const day = intervalsOf(
			span('2024-05-06T18:15:00Z', '2024-05-07T18:15:00Z'),
			'Asia/Kathmandu',
			60,
		);
		expect(day).toHaveLength(24);
		expect(day.every((h) => new Date(h.startMs).getUTCMinutes() === 15)).toBe(true);
	});

	it('Kolkata (+05:30): half hours on :00 and :30 local, hours on :30 UTC', () => {
		const window = span('2024-05-07T00:00:00Z', '2024-05-07T02:00:00Z');
		const hours = intervalsOf(window, 'Asia/Kolkata', 60);
		expect(hours.map((h) => iso(h.startMs))).toEqual([
			'2024-05-06T23:30:00.000Z',
			'2024-05-07T00:30:00.000Z',
			'2024-05-07T01:30:00.000Z',
		]);
		expect(intervalsOf(window, 'Asia/Kolkata', 30)).toHaveLength(4);
	});

	it('a window off the edges: the first interval starts before it, the last ends after it', () => {
		const window = span('2024-05-07T13:07:00Z', '2024-05-07T14:02:00Z');
		const halves = intervalsOf(window, 'UTC', 30);
		expect(halves.map((h) => [iso(h.startMs), iso(h.endMs)])).toEqual([
			['2024-05-07T13:00:00.000Z', '2024-05-07T13:30:00.000Z'],
			['2024-05-07T13:30:00.000Z', '2024-05-07T14:00:00.000Z'],
			['2024-05-07T14:00:00.000Z', '2024-05-07T14:30:00.000Z'],
		]);
		expect(intervalsOf(span('2024-05-07T13:00:00Z', '2024-05-07T13:00:00Z'), 'UTC', 15)).toEqual(
			[],
		);
	});
});

describe('intervalIndexAt', () => {
	const hours = intervalsOf(span('2024-05-07T00:00:00Z', '2024-05-07T03:00:00Z'), 'UTC', 60);
	it('finds the half-open interval holding an instant, -1 outside', () => {
		expect(intervalIndexAt(hours, ms('2024-05-07T00:00:00Z'))).toBe(0);
		expect(intervalIndexAt(hours, ms('2024-05-07T01:59:59.999Z'))).toBe(1);
		expect(intervalIndexAt(hours, ms('2024-05-07T02:00:00Z'))).toBe(2);
		expect(intervalIndexAt(hours, ms('2024-05-07T03:00:00Z'))).toBe(-1);
		expect(intervalIndexAt(hours, ms('2024-05-06T23:59:59Z'))).toBe(-1);
	});
});
