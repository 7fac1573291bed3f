import {
	formatDuration,
	parseDurationValue,
	parseIsoDuration,
} from '../../../../nodes/shared/records/durations';

describe('parseIsoDuration', () => {
	it.each([
		['PT1M30.5S', 90.5],
		['PT4M10.003S', 250.003],
		['PT30M5.25S', 1805.25],
		['P1DT2H', 93600],
		['PT0S', 0],
		['PT45S', 45],
		['P2D', 172800],
		['PT1H', 3600],
		['P1W', 604800],
		['P1W2D', 777600],
		['PT5H48M1.139S', 20881.139],
		['P1DT19H18M29.651S', 155909.651],
		['PT0.5H', 1800],
		['PT1,5S', 1.5],
		['P0Y0M1DT1S', 86401],
		['pt2m', 120],
		['p1w1dt0,25m', 691215],
	])('%s → %d s', (text, seconds) => {
		expect(parseIsoDuration(text)).toBe(seconds);
	});

	it.each([
		'',
		'P',
		'PT',
		'P1Y',
		'P2M',
		'P1M2D',
		'PT-5S',
		'-PT5S',
		'PT5',
		'5S',
		'PT1H1H',
		'abc',
		'P1DT',
		'PT1S ',
		'T1S',
		'PT1S1H',
		'P1DT2HT3M',
		'PT1.S',
		'P1D2W',
		'PT1HX',
	])('rejects %p', (text) => {
		expect(parseIsoDuration(text)).toBeNull();
	});

	it('keeps millisecond precision without float noise', () => {
		expect(parseIsoDuration('PT0.1S')! + parseIsoDuration('PT0.2S')!).toBeCloseTo(0.3, 10);
		expect(parseIsoDuration('PT59M59.999S')).toBe(3599.999);
		expect(parseIsoDuration('PT1.0004S')).toBe(1);
	});
});

describe('parseDurationValue', () => {
	it('accepts numbers, numeric strings and ISO strings', () => {
		expect(parseDurationValue(90.5)).toBe(90.5);
		expect(parseDurationValue(0)).toBe(0);
		expect(parseDurationValue('250.003')).toBe(250.003);
		expect(parseDurationValue(' 45 ')).toBe(45);
		expect(parseDurationValue('PT1M')).toBe(60);
		expect(parseDurationValue(1.23456)).toBe(1.235);
	});

	it('rejects everything else with null', () => {
		for (const v of [-1, '-1', NaN, Infinity, 'abc', '', '1e3', null, undefined, {}, [], true]) {
			expect(parseDurationValue(v)).toBeNull();
		}
	});
});

describe('formatDuration', () => {
	it.each([
		[0, '0s'],
		[0.999, '0s'],
		[45, '45s'],
		[59.9, '59s'],
		[60, '1m 00s'],
		[245, '4m 05s'],
		[250.003, '4m 10s'],
		[90.5, '1m 30s'],
		[3600, '1h 00m 00s'],
		[3725, '1h 02m 05s'],
		[86399, '23h 59m 59s'],
		[86400, '1d 00h 00m 00s'],
		[183600, '2d 03h 00m 00s'],
		[NaN, '0s'],
		[-65, '-1m 05s'],
	])('%d → %s', (seconds, text) => {
		expect(formatDuration(seconds)).toBe(text);
	});
});
