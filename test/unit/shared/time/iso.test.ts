import { formatUtcIso, parseIsoToMs, toCxoneUtc } from '../../../../nodes/shared/time/iso';

describe('parseIsoToMs', () => {
	it.each([
		['2024-05-01T13:00:00.000Z', Date.UTC(2024, 4, 1, 13)],
		['2024-05-01T13:00:00Z', Date.UTC(2024, 4, 1, 13)],
		['2024-05-01T13:00Z', Date.UTC(2024, 4, 1, 13)],
		['2024-05-01T13:30:05.25Z', Date.UTC(2024, 4, 1, 13, 30, 5, 250)],
		['2024-05-01T13:30:05.7Z', Date.UTC(2024, 4, 1, 13, 30, 5, 700)],
		['2021-07-21T13:38:15.3560573Z', Date.UTC(2021, 6, 21, 13, 38, 15, 356)],
		['2024-05-01T09:00:00.000-04:00', Date.UTC(2024, 4, 1, 13)],
		['2024-05-01T18:30:00+05:30', Date.UTC(2024, 4, 1, 13)],
		['2024-05-01T18:30:00+0530', Date.UTC(2024, 4, 1, 13)],
		['2024-05-01T15:00:00+02', Date.UTC(2024, 4, 1, 13)],
		['2024-05-01 13:00:00z', Date.UTC(2024, 4, 1, 13)],
		['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
		['1969-12-31T23:59:59.999Z', -1],
		['2024-05-01t13:30:05,25Z', Date.UTC(2024, 4, 1, 13, 30, 5, 250)],
		['2024-05-01T17:00-04', Date.UTC(2024, 4, 1, 21)],
	])('%s', (text, ms) => {
		expect(parseIsoToMs(text)).toBe(ms);
	});

	it.each([
		'2024-05-01T13:00:00',
		'2024-05-01',
		'2024-02-30T00:00:00Z',
		'2023-02-29T00:00:00Z',
		'2024-13-01T00:00:00Z',
		'2024-05-01T24:00:00Z',
		'2024-05-01T13:60:00Z',
		'2024-05-01T13:00:60Z',
		'2024-05-01T13:00:00+25:00',
		'not a date',
		'2024-05-01T13:00:00.Z',
		'2024-05-01T13:00:00Z ',
		'2024-05-01T18:30:00+05:',
		'2024-05-01T18:30:00+05:30x',
		'2024-05-01T18:30:00+05:60',
		'2024-05-01T13:00.5Z',
		'2024-05-01X13:00:00Z',
		'',
	])('rejects %p', (text) => {
		expect(parseIsoToMs(text)).toBeNull();
	});

	it('rejects non-strings', () => {
		expect(parseIsoToMs(1714568400000)).toBeNull();
		expect(parseIsoToMs(null)).toBeNull();
		expect(parseIsoToMs(new Date())).toBeNull();
	});
});

describe('formatUtcIso and toCxoneUtc', () => {
	it('formats like Date#toISOString with a literal Z', () => {
		const ms = Date.UTC(2024, 4, 1, 13, 0, 0, 5);
		expect(formatUtcIso(ms)).toBe('2024-05-01T13:00:00.005Z');
		expect(toCxoneUtc(ms)).toBe('2024-05-01T13:00:00.005Z');
		expect(formatUtcIso(0)).toBe('1970-01-01T00:00:00.000Z');
		expect(formatUtcIso(-1)).toBe('1969-12-31T23:59:59.999Z');
		expect(formatUtcIso(Date.UTC(2000, 1, 29, 23, 59, 59, 999))).toBe('2000-02-29T23:59:59.999Z');
		expect(formatUtcIso(253402300799999)).toBe('9999-12-31T23:59:59.999Z');
	});

	it('matches Date#toISOString for many instants', () => {
		let seed = 42;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		for (let i = 0; i < 20000; i++) {
			const ms = Math.floor((random() * 2 - 0.5) * 8e12);
			expect(formatUtcIso(ms)).toBe(new Date(ms).toISOString());
		}
	});

	it('round-trips through parseIsoToMs', () => {
		for (const ms of [0, 1714568400123, 951782400000, 4102444800000]) {
			expect(parseIsoToMs(formatUtcIso(ms))).toBe(ms);
		}
	});
});
