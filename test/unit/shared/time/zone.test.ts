import { DateTime } from 'luxon';

import {
	createZoneFormatter,
	getZoneFormatter,
	isValidTimeZone,
} from '../../../../nodes/shared/time/zone';

// Deterministic pseudo-random numbers so failures reproduce.
function lcg(seed: number): () => number {
	let s = seed;
	return () => {
		s = (s * 1103515245 + 12345) % 2147483648;
		return s / 2147483648;
	};
}

function luxonIso(ms: number, zone: string): string {
	// Luxon writes a fixed zero offset as "Z"; the formatter always writes "+00:00".
	return DateTime.fromMillis(ms, { zone }).toISO()!.replace(/Z$/, '+00:00');
}

const H = 3600 * 1000;

describe('isValidTimeZone', () => {
	it('accepts IANA names and rejects others', () => {
		for (const zone of ['America/New_York', 'Europe/London', 'UTC', 'Asia/Kolkata', 'Etc/GMT+5']) {
			expect(isValidTimeZone(zone)).toBe(true);
		}
		for (const zone of ['Foo/Bar', '', ' ', 'EST5EDT+', 42, null, undefined]) {
			expect(isValidTimeZone(zone)).toBe(false);
		}
	});
});

describe('createZoneFormatter', () => {
	it('formats with the zone offset', () => {
		expect(createZoneFormatter('America/New_York')(Date.UTC(2024, 4, 1, 13))).toBe(
			'2024-05-01T09:00:00.000-04:00',
		);
		expect(createZoneFormatter('America/New_York')(Date.UTC(2024, 0, 1, 13, 0, 0, 7))).toBe(
			'2024-01-01T08:00:00.007-05:00',
		);
		expect(createZoneFormatter('Asia/Kolkata')(Date.UTC(2024, 4, 1, 13))).toBe(
			'2024-05-01T18:30:00.000+05:30',
		);
		expect(createZoneFormatter('UTC')(Date.UTC(2024, 4, 1, 13))).toBe(
			'2024-05-01T13:00:00.000+00:00',
		);
		expect(createZoneFormatter('Europe/London')(Date.UTC(2024, 0, 1))).toBe(
			'2024-01-01T00:00:00.000+00:00',
		);
	});

	it('switches offset exactly at DST transitions', () => {
		const ny = createZoneFormatter('America/New_York');
		// 2024-03-10 02:00 EST → 03:00 EDT at 07:00Z.
		expect(ny(Date.UTC(2024, 2, 10, 7) - 1)).toBe('2024-03-10T01:59:59.999-05:00');
		expect(ny(Date.UTC(2024, 2, 10, 7))).toBe('2024-03-10T03:00:00.000-04:00');
		// 2024-11-03 02:00 EDT → 01:00 EST at 06:00Z: 01:30 happens twice.
		expect(ny(Date.UTC(2024, 10, 3, 5, 30))).toBe('2024-11-03T01:30:00.000-04:00');
		expect(ny(Date.UTC(2024, 10, 3, 6, 30))).toBe('2024-11-03T01:30:00.000-05:00');
		const lh = createZoneFormatter('Australia/Lord_Howe');
		// Lord Howe moves by 30 minutes: +11:00 → +10:30 on 2024-04-07 at 15:00Z.
		expect(lh(Date.UTC(2024, 3, 6, 14, 59, 59, 999))).toBe('2024-04-07T01:59:59.999+11:00');
		expect(lh(Date.UTC(2024, 3, 6, 15))).toBe('2024-04-07T01:30:00.000+10:30');
	});

	it('throws for an unknown zone', () => {
		expect(() => createZoneFormatter('Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus"');
	});

	const transitions: Array<[string, number[]]> = [
		['America/New_York', [Date.UTC(2024, 2, 10, 7), Date.UTC(2024, 10, 3, 6)]],
		['Europe/London', [Date.UTC(2024, 2, 31, 1), Date.UTC(2024, 9, 27, 1)]],
		['Australia/Lord_Howe', [Date.UTC(2024, 3, 6, 15), Date.UTC(2024, 9, 5, 15, 30)]],
		['Asia/Kolkata', [Date.UTC(2024, 4, 1)]],
		['Asia/Kathmandu', [Date.UTC(2024, 4, 1)]],
		['Pacific/Chatham', [Date.UTC(2024, 3, 6, 14), Date.UTC(2024, 8, 28, 14)]],
		['America/St_Johns', [Date.UTC(2024, 2, 10, 5, 30), Date.UTC(2024, 10, 3, 4, 30)]],
		['UTC', [Date.UTC(2024, 0, 1)]],
	];

	it.each(transitions)('equals luxon toISO() around transitions in %s', (zone, points) => {
		const format = createZoneFormatter(zone);
		const random = lcg(points[0] % 1000);
		for (const point of points) {
			for (let i = 0; i < 1500; i++) {
				// Within ±36 h of the transition, at millisecond resolution.
				const ms = point + Math.floor((random() - 0.5) * 72 * H);
				expect(format(ms)).toBe(luxonIso(ms, zone));
			}
			for (const delta of [-1, 0, 1, -15 * 60000, 15 * 60000]) {
				expect(format(point + delta)).toBe(luxonIso(point + delta, zone));
			}
		}
	});

	it('equals luxon toISO() over years of random instants', () => {
		const random = lcg(7);
		for (const zone of [
			'America/New_York',
			'Europe/London',
			'Australia/Lord_Howe',
			'America/Sao_Paulo',
		]) {
			const format = createZoneFormatter(zone);
			for (let i = 0; i < 1000; i++) {
				const ms = Date.UTC(2000, 0, 1) + Math.floor(random() * 40 * 365 * 24 * H);
				expect(format(ms)).toBe(luxonIso(ms, zone));
			}
		}
	});

	it('shares one formatter per zone', () => {
		expect(getZoneFormatter('Europe/Paris')).toBe(getZoneFormatter('Europe/Paris'));
		expect(getZoneFormatter('Europe/Paris')(Date.UTC(2024, 6, 1))).toBe(
			'2024-07-01T02:00:00.000+02:00',
		);
	});
});
