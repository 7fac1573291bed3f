// ISO 8601 durations as CXone sends them (`PT1M30.5S`, `P1DT2H`) and the human format of the
// output (`1h 02m 05s`). Values are seconds with millisecond precision. Layering: a value parser
// at the bottom with time/iso.ts (no imports); records/kinds.ts and states/normalize.ts use it.

const NUMERIC_SECONDS = /^\d+(?:\.\d+)?$/;

const DIGIT_0 = 48;
const DIGIT_9 = 57;

function isDigit(code: number): boolean {
	return code >= DIGIT_0 && code <= DIGIT_9;
}

/** End of the number `\d+(?:[.,]\d+)?` starting at i, or -1. */
function numberEnd(s: string, i: number): number {
	let j = i;
	while (j < s.length && isDigit(s.charCodeAt(j))) j++;
	if (j === i) return -1;
	const separator = s.charCodeAt(j);
	if (separator !== 46 && separator !== 44) return j; // '.' ','
	const k = j + 1;
	j = k;
	while (j < s.length && isDigit(s.charCodeAt(j))) j++;
	return j === k ? -1 : j;
}

// Units in the order ISO 8601 allows them, lower-cased: before T y m w d, after it h m s. Years
// and months are read only so that zero values (`P0Y0M0DT1H`) pass; other values are rejected
// because their length depends on the calendar.
const DATE_UNITS = 'ymwd';
const DATE_UNIT_MS = [NaN, NaN, 604_800_000, 86_400_000];
const TIME_UNITS = 'hms';
const TIME_UNIT_MS = [3_600_000, 60_000, 1000];

/**
 * Seconds (ms precision) of an ISO 8601 duration, `P[nY][nM][nW][nD][T[nH][nM][nS]]` in either
 * case with '.' or ',' decimals; null for garbage, negatives, years or months. One scanner, no
 * regex: a regex's seven groups dominated parsing. Each part is rounded to ms.
 */
export function parseIsoDuration(s: string): number | null {
	if (typeof s !== 'string') return null;
	const n = s.length;
	if (n < 2 || (s.charCodeAt(0) | 32) !== 112) return null; // p, and something after it
	let ms = 0;
	let i = 1;
	let units = DATE_UNITS;
	let unitMs = DATE_UNIT_MS;
	let nextUnit = 0;
	while (i < n) {
		if ((s.charCodeAt(i) | 32) === 116) {
			// t, once, followed by a number
			if (units === TIME_UNITS || !isDigit(s.charCodeAt(i + 1))) return null;
			units = TIME_UNITS;
			unitMs = TIME_UNIT_MS;
			nextUnit = 0;
			i++;
		}
		const end = numberEnd(s, i);
		if (end < 0 || end === n) return null;
		const unit = units.indexOf(String.fromCharCode(s.charCodeAt(end) | 32));
		if (unit < nextUnit) return null;
		const text = s.slice(i, end);
		const value = Number(text.indexOf(',') === -1 ? text : text.replace(',', '.'));
		if (units === DATE_UNITS && unit < 2) {
			if (value !== 0) return null;
		} else {
			ms += Math.round(value * unitMs[unit]);
		}
		nextUnit = unit + 1;
		i = end + 1;
	}
	return Number.isFinite(ms) ? ms / 1000 : null;
}

/** Seconds from an ISO 8601 duration, a number of seconds or a numeric string; null otherwise. */
export function parseDurationValue(v: unknown): number | null {
	if (typeof v === 'number') {
		return Number.isFinite(v) && v >= 0 ? Math.round(v * 1000) / 1000 : null;
	}
	if (typeof v !== 'string') return null;
	const text = v.trim();
	if (NUMERIC_SECONDS.test(text)) {
		const n = Number(text);
		return Number.isFinite(n) ? Math.round(n * 1000) / 1000 : null;
	}
	return parseIsoDuration(text);
}

function pad(n: number): string {
	return n < 10 ? `0${n}` : `${n}`;
}

/** `45s`, `4m 10s`, `1h 02m 05s`, `2d 03h 00m 00s`; seconds are floored, 0 gives `0s`. */
export function formatDuration(seconds: number): string {
	if (!Number.isFinite(seconds)) return '0s';
	if (seconds < 0) return `-${formatDuration(-seconds)}`;
	let s = Math.floor(seconds);
	const d = Math.floor(s / 86400);
	s -= d * 86400;
	const h = Math.floor(s / 3600);
	s -= h * 3600;
	const m = Math.floor(s / 60);
	s -= m * 60;
	if (d > 0) return `${d}d ${pad(h)}h ${pad(m)}m ${pad(s)}s`;
	if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
	if (m > 0) return `${m}m ${pad(s)}s`;
	return `${s}s`;
}
