// ISO 8601 durations as CXone sends them (`PT1M30.5S`, `P1DT2H`) and the human format of the
// output (`1h 02m 05s`). Values are seconds with millisecond precision.

const NUM = '(\\d+(?:[.,]\\d+)?)';
// Years and months are parsed only so that zero values (`P0Y0M0DT1H`) pass; other values are
// rejected because their length depends on the calendar.
const ISO_DURATION = new RegExp(
	`^P(?!$)(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}W)?(?:${NUM}D)?(?:T(?=\\d)(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?$`,
	'i',
);
const NUMERIC_SECONDS = /^\d+(?:\.\d+)?$/;

// Milliseconds per unit for capture groups 3..7 (W, D, H, M, S).
const UNIT_MS = [604_800_000, 86_400_000, 3_600_000, 60_000, 1000];

function num(text: string): number {
	return Number(text.indexOf(',') === -1 ? text : text.replace(',', '.'));
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** Units after T in the order the fast path accepts them: H, M, S. */
const TIME_UNITS = 'HMS';
const TIME_UNIT_MS = [3_600_000, 60_000, 1000];

/** End of the number `\d+(?:\.\d+)?` starting at i, or -1. */
function numberEnd(s: string, i: number): number {
	let j = i;
	while (j < s.length && s.charCodeAt(j) >= DIGIT_0 && s.charCodeAt(j) <= DIGIT_9) j++;
	if (j === i) return -1;
	if (s.charCodeAt(j) !== 46) return j; // '.'
	const k = j + 1;
	j = k;
	while (j < s.length && s.charCodeAt(j) >= DIGIT_0 && s.charCodeAt(j) <= DIGIT_9) j++;
	return j === k ? -1 : j;
}

/**
 * The shape CXone sends, `P[nD][T[nH][nM][nS]]` in capitals with '.' decimals, read without the
 * regex (its seven groups dominated parsing); undefined for any other text, which the regex
 * handles. Each part is rounded to ms as in the regex path.
 */
function parseIsoDurationFast(s: string): number | null | undefined {
	const n = s.length;
	if (n < 3 || s.charCodeAt(0) !== 80) return undefined; // P
	let ms = 0;
	let i = 1;
	if (s.charCodeAt(1) !== 84) {
		const end = numberEnd(s, 1);
		if (end < 0 || s.charCodeAt(end) !== 68) return undefined; // D
		ms += Math.round(Number(s.slice(1, end)) * 86_400_000);
		i = end + 1;
		if (i === n) return Number.isFinite(ms) ? ms / 1000 : null;
		if (s.charCodeAt(i) !== 84) return undefined; // T
	}
	i++;
	if (i === n) return undefined;
	let nextUnit = 0;
	while (i < n) {
		const end = numberEnd(s, i);
		if (end < 0 || end === n) return undefined;
		const unit = TIME_UNITS.indexOf(s.charAt(end));
		if (unit < nextUnit) return undefined;
		ms += Math.round(Number(s.slice(i, end)) * TIME_UNIT_MS[unit]);
		nextUnit = unit + 1;
		i = end + 1;
	}
	return Number.isFinite(ms) ? ms / 1000 : null;
}

/** Seconds (ms precision) of an ISO 8601 duration; null for garbage, negatives, years or months. */
export function parseIsoDuration(s: string): number | null {
	if (typeof s !== 'string') return null;
	const fast = parseIsoDurationFast(s);
	if (fast !== undefined) return fast;
	const m = ISO_DURATION.exec(s);
	if (m === null) return null;
	if ((m[1] !== undefined && num(m[1]) !== 0) || (m[2] !== undefined && num(m[2]) !== 0)) {
		return null;
	}
	let ms = 0;
	for (let i = 0; i < 5; i++) {
		const part = m[i + 3];
		if (part !== undefined) ms += Math.round(num(part) * UNIT_MS[i]);
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
