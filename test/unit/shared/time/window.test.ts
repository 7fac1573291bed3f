import { DateTime } from 'luxon';

import { MAX_HOURS, resolveWindow, splitWindow } from '../../../../nodes/shared/time/window';
import { InputError } from '../../../../nodes/shared/errors';

const H = 3600 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

function expectWindowError(fn: () => unknown, field: string, message: RegExp): void {
	let caught: unknown;
	try {
		fn();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(InputError);
	expect((caught as InputError).parameter).toBe(field);
	expect((caught as InputError).message).toMatch(message);
}

describe('resolveWindow: today and yesterday follow DST', () => {
	const ny = 'America/New_York';
	const london = 'Europe/London';

	it('today in New York on spring-forward day is 23 h', () => {
		const now = Date.parse('2024-03-10T12:00:00-04:00');
		const w = resolveWindow({ range: 'today', timeZone: ny }, now);
		expect(iso(w.startMs)).toBe('2024-03-10T05:00:00.000Z');
		expect(iso(w.endMs)).toBe('2024-03-11T04:00:00.000Z');
		expect(w.endMs - w.startMs).toBe(23 * H);
	});

	it('today in New York on fall-back day is 25 h', () => {
		const now = Date.parse('2024-11-03T23:59:00-05:00');
		const w = resolveWindow({ range: 'today', timeZone: ny }, now);
		expect(iso(w.startMs)).toBe('2024-11-03T04:00:00.000Z');
		expect(iso(w.endMs)).toBe('2024-11-04T05:00:00.000Z');
		expect(w.endMs - w.startMs).toBe(25 * H);
	});

	it('yesterday in New York the day after the changes', () => {
		const spring = resolveWindow(
			{ range: 'yesterday', timeZone: ny },
			Date.parse('2024-03-11T00:30:00-04:00'),
		);
		expect(iso(spring.startMs)).toBe('2024-03-10T05:00:00.000Z');
		expect(spring.endMs - spring.startMs).toBe(23 * H);
		const fall = resolveWindow(
			{ range: 'yesterday', timeZone: ny },
			Date.parse('2024-11-04T10:00:00-05:00'),
		);
		expect(iso(fall.startMs)).toBe('2024-11-03T04:00:00.000Z');
		expect(fall.endMs - fall.startMs).toBe(25 * H);
	});

	it('today and yesterday in London around 2024-03-31 and 2024-10-27', () => {
		const spring = resolveWindow(
			{ range: 'today', timeZone: london },
			Date.parse('2024-03-31T10:00:00Z'),
		);
		expect(iso(spring.startMs)).toBe('2024-03-31T00:00:00.000Z');
		expect(iso(spring.endMs)).toBe('2024-03-31T23:00:00.000Z');
		const fall = resolveWindow(
			{ range: 'today', timeZone: london },
			Date.parse('2024-10-27T10:00:00Z'),
		);
		expect(iso(fall.startMs)).toBe('2024-10-26T23:00:00.000Z');
		expect(iso(fall.endMs)).toBe('2024-10-28T00:00:00.000Z');
		expect(fall.endMs - fall.startMs).toBe(25 * H);
		const yesterday = resolveWindow(
			{ range: 'yesterday', timeZone: london },
			Date.parse('2024-04-01T00:30:00+01:00'),
		);
		expect(iso(yesterday.startMs)).toBe('2024-03-31T00:00:00.000Z');
		expect(yesterday.endMs - yesterday.startMs).toBe(23 * H);
	});

	it('an ordinary day is 24 h and "today" uses the zone, not UTC', () => {
		// 2024-05-01T02:00Z is still April 30 in New York.
		const w = resolveWindow({ range: 'today', timeZone: ny }, Date.parse('2024-05-01T02:00:00Z'));
		expect(iso(w.startMs)).toBe('2024-04-30T04:00:00.000Z');
		expect(w.endMs - w.startMs).toBe(24 * H);
	});
});

describe('resolveWindow: last N hours', () => {
	it('is N real hours ending now, also across a DST change', () => {
		const now = Date.parse('2024-03-10T05:00:00-04:00');
		const w = resolveWindow({ range: 'lastHours', hours: 6, timeZone: 'America/New_York' }, now);
		expect(w).toEqual({ startMs: now - 6 * H, endMs: now });
		// Local wall clock went from 22:00 EST to 05:00 EDT: 7 h on the clock, 6 h real.
		expect(DateTime.fromMillis(w.startMs, { zone: 'America/New_York' }).toISO()).toBe(
			'2024-03-09T22:00:00.000-05:00',
		);
	});

	it('accepts fractions and numeric strings', () => {
		expect(resolveWindow({ range: 'lastHours', hours: 0.5, timeZone: 'UTC' }, 10 * H)).toEqual({
			startMs: 9.5 * H,
			endMs: 10 * H,
		});
		expect(resolveWindow({ range: 'lastHours', hours: '2', timeZone: 'UTC' }, 10 * H).startMs).toBe(
			8 * H,
		);
		expect(
			resolveWindow({ range: 'lastHours', hours: MAX_HOURS, timeZone: 'UTC' }, 0).startMs,
		).toBe(-MAX_HOURS * H);
	});

	it.each([0, -1, NaN, 'abc', '', undefined, null, MAX_HOURS + 1, Infinity])(
		'rejects hours = %p',
		(hours) => {
			expectWindowError(
				() => resolveWindow({ range: 'lastHours', hours, timeZone: 'UTC' }, 0),
				'hours',
				/^Hours must be a number greater than 0 and at most 8784 \(366 days\); got .+\. Enter how many hours/,
			);
		},
	);
});

describe('resolveWindow: custom', () => {
	const zone = 'America/New_York';

	it('reads strings without an offset in the zone', () => {
		const w = resolveWindow(
			{ range: 'custom', start: '2024-03-10T00:00:00', end: '2024-03-11T00:00:00', timeZone: zone },
			0,
		);
		expect(iso(w.startMs)).toBe('2024-03-10T05:00:00.000Z');
		expect(iso(w.endMs)).toBe('2024-03-11T04:00:00.000Z');
		expect(w.endMs - w.startMs).toBe(23 * H);
	});

	it('honours an explicit offset or Z', () => {
		const w = resolveWindow(
			{
				range: 'custom',
				start: '2024-05-01T00:00:00Z',
				end: '2024-05-01T12:00:00+02:00',
				timeZone: zone,
			},
			0,
		);
		expect(iso(w.startMs)).toBe('2024-05-01T00:00:00.000Z');
		expect(iso(w.endMs)).toBe('2024-05-01T10:00:00.000Z');
	});

	it('accepts dates only, SQL-style text, Dates, luxon DateTimes and epoch ms', () => {
		expect(
			iso(
				resolveWindow(
					{ range: 'custom', start: '2024-05-01', end: '2024-05-02', timeZone: zone },
					0,
				).startMs,
			),
		).toBe('2024-05-01T04:00:00.000Z');
		expect(
			iso(
				resolveWindow(
					{ range: 'custom', start: '2024-05-01 06:00:00', end: '2024-05-02', timeZone: zone },
					0,
				).startMs,
			),
		).toBe('2024-05-01T10:00:00.000Z');
		const w = resolveWindow(
			{
				range: 'custom',
				start: new Date('2024-05-01T00:00:00Z'),
				end: DateTime.fromISO('2024-05-01T06:00:00', { zone: 'Asia/Kolkata' }),
				timeZone: zone,
			},
			0,
		);
		expect(iso(w.startMs)).toBe('2024-05-01T00:00:00.000Z');
		expect(iso(w.endMs)).toBe('2024-05-01T00:30:00.000Z');
		expect(resolveWindow({ range: 'custom', start: 1000, end: 2000, timeZone: zone }, 0)).toEqual({
			startMs: 1000,
			endMs: 2000,
		});
	});

	it('needs both ends', () => {
		expectWindowError(
			() => resolveWindow({ range: 'custom', end: '2024-05-01', timeZone: zone }, 0),
			'start',
			/^Start is empty\. A custom range needs both Start and End\.$/,
		);
		expectWindowError(
			() => resolveWindow({ range: 'custom', start: '2024-05-01', end: '  ', timeZone: zone }, 0),
			'end',
			/^End is empty/,
		);
	});

	it('needs End after Start', () => {
		expectWindowError(
			() =>
				resolveWindow(
					{ range: 'custom', start: '2024-05-02', end: '2024-05-01', timeZone: zone },
					0,
				),
			'end',
			/^End \(2024-05-01T04:00:00\.000Z\) must be after Start \(2024-05-02T04:00:00\.000Z\)\. Pick a later End/,
		);
		expectWindowError(
			() =>
				resolveWindow(
					{ range: 'custom', start: '2024-05-01', end: '2024-05-01', timeZone: zone },
					0,
				),
			'end',
			/must be after Start/,
		);
	});

	it('names an unparseable value', () => {
		expectWindowError(
			() =>
				resolveWindow(
					{ range: 'custom', start: 'yesterday-ish', end: '2024-05-01', timeZone: zone },
					0,
				),
			'start',
			/^Start is not a valid date: "yesterday-ish"\. Use ISO 8601, e\.g\. 2024-05-01T00:00:00/,
		);
		expectWindowError(
			() =>
				resolveWindow(
					{ range: 'custom', start: '2024-05-01', end: new Date(NaN), timeZone: zone },
					0,
				),
			'end',
			/^End is not a valid date: Invalid Date\./,
		);
		expectWindowError(
			() =>
				resolveWindow({ range: 'custom', start: '2024-05-01', end: { a: 1 }, timeZone: zone }, 0),
			'end',
			/^End is not a valid date: an object\./,
		);
	});
});

describe('resolveWindow: parameters', () => {
	it('rejects an unknown range', () => {
		expectWindowError(
			() => resolveWindow({ range: 'lastWeek' as never, timeZone: 'UTC' }, 0),
			'timeRange',
			/^Time Range "lastWeek" is not supported/,
		);
	});
});

describe('splitWindow', () => {
	it('gives contiguous covering chunks, the last one shorter', () => {
		const w = { startMs: 0, endMs: 50 * H };
		const chunks = splitWindow(w, 24);
		expect(chunks).toEqual([
			{ startMs: 0, endMs: 24 * H },
			{ startMs: 24 * H, endMs: 48 * H },
			{ startMs: 48 * H, endMs: 50 * H },
		]);
	});

	it('gives one chunk when the window is shorter than a chunk', () => {
		expect(splitWindow({ startMs: 5, endMs: 10 }, 24)).toEqual([{ startMs: 5, endMs: 10 }]);
	});

	it('covers a DST day with real-hour chunks', () => {
		const day = resolveWindow(
			{ range: 'today', timeZone: 'America/New_York' },
			Date.parse('2024-11-03T12:00:00-05:00'),
		);
		const chunks = splitWindow(day, 6);
		expect(chunks).toHaveLength(5);
		expect(chunks[0].startMs).toBe(day.startMs);
		expect(chunks[4].endMs).toBe(day.endMs);
		expect(chunks[4].endMs - chunks[4].startMs).toBe(1 * H);
		for (let i = 1; i < chunks.length; i++) expect(chunks[i].startMs).toBe(chunks[i - 1].endMs);
	});

	it('gives nothing for an empty window', () => {
		expect(splitWindow({ startMs: 10, endMs: 10 }, 1)).toEqual([]);
	});

	it.each([0, -2, NaN, Infinity])('rejects chunkHours = %p', (hours) => {
		expectWindowError(
			() => splitWindow({ startMs: 0, endMs: H }, hours),
			'options.chunkHours',
			/greater than 0/,
		);
	});

	it('refuses absurdly many chunks', () => {
		expectWindowError(
			() => splitWindow({ startMs: 0, endMs: 366 * 24 * H }, 0.01),
			'options.chunkHours',
			/more than 100000 requests/,
		);
	});
});
