// Fast UTC instant formatting and strict parsing of API timestamps. API strings without `Z` or an
// offset are rejected: their meaning would depend on the server's local zone.

const ISO_INSTANT =
	/^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Largest instant we format: 9999-12-31T23:59:59.999Z (keeps the 4-digit-year ISO form). */
export const MAX_ISO_MS = 253402300799999;
/** 0000-01-01T00:00:00.000Z: below it ISO needs extended years. */
const MIN_FAST_MS = -62167219200000;

function daysInMonth(year: number, month: number): number {
	if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
	return DAYS_IN_MONTH[month - 1];
}

const DAY_MS = 86400000;
const PAD2: string[] = [];
for (let i = 0; i < 100; i++) PAD2.push(i < 10 ? `0${i}` : `${i}`);
const PAD3: string[] = [];
for (let i = 0; i < 1000; i++) PAD3.push(i < 10 ? `00${i}` : i < 100 ? `0${i}` : `${i}`);

// Date#toISOString dominated normalization time; formatting by hand with the day's prefix cached
// is several times faster. Calendar from day number: Howard Hinnant's civil_from_days.
let cachedDay = NaN;
let cachedDayPrefix = '';

function dayPrefix(days: number): string {
	if (days === cachedDay) return cachedDayPrefix;
	const z = days + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
	cachedDay = days;
	cachedDayPrefix = `${PAD2[Math.floor(year / 100)]}${PAD2[year % 100]}-${PAD2[month]}-${PAD2[day]}T`;
	return cachedDayPrefix;
}

/**
 * `YYYY-MM-DDTHH:MM:SS.mmm` (no zone designator) of the wall-clock time `ms` milliseconds after
 * 1970-01-01T00:00 in the same reckoning; integer ms in years 0000-9999 only.
 */
export function formatIsoWallClock(ms: number): string {
	if (!(ms >= MIN_FAST_MS && ms <= MAX_ISO_MS) || ms % 1 !== 0) {
		return new Date(ms).toISOString().slice(0, -1);
	}
	const days = Math.floor(ms / DAY_MS);
	let rest = ms - days * DAY_MS;
	const millis = rest % 1000;
	rest = (rest - millis) / 1000;
	const sec = rest % 60;
	rest = (rest - sec) / 60;
	const min = rest % 60;
	const hour = (rest - min) / 60;
	// The time part first: under 13 characters V8 copies instead of building a tree of parts.
	const time = `${PAD2[hour]}:${PAD2[min]}:${PAD2[sec]}.${PAD3[millis]}`;
	return dayPrefix(days) + time;
}

/**
 * Returns `s` after making V8 store it as one flat string. A concatenation is a tree of its parts
 * (an object per part); output strings live for the whole execution, so 100k records' trees cost
 * memory, GC time and slow string comparisons. charCodeAt flattens the tree in place.
 */
export function flatString(s: string): string {
	s.charCodeAt(0);
	return s;
}

/** `2024-05-01T13:00:00.000Z` for an epoch-milliseconds instant (same output as Date#toISOString). */
export function formatUtcIso(ms: number): string {
	return flatString(`${formatIsoWallClock(ms)}Z`);
}

/** A UTC instant as CXone's query parameters want it: always a literal `Z`, never `+00:00`. */
export function toCxoneUtc(ms: number): string {
	return new Date(ms).toISOString();
}

/** Epoch ms of validated calendar fields, or null for an impossible date or time. */
function instantMs(
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	second: number,
	millis: number,
	offsetMinutes: number,
): number | null {
	// Date.UTC maps years 0-99 to 1900-1999; no API sends those.
	if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
		return null;
	}
	if (hour > 23 || minute > 59 || second > 59) return null;
	return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60000;
}

/** The two decimal digits at `i`, or -1. */
function twoDigits(s: string, i: number): number {
	const a = s.charCodeAt(i) - 48;
	const b = s.charCodeAt(i + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The shape nearly every record has, `YYYY-MM-DDTHH:MM:SS[.fff…]Z`, read without the regex (its
 * match and substrings dominated parsing); undefined for any other shape, which the regex handles.
 */
function parseUtcFast(s: string): number | null | undefined {
	const n = s.length;
	if (
		n < 20 ||
		s.charCodeAt(n - 1) !== 90 || // Z
		s.charCodeAt(4) !== 45 || // -
		s.charCodeAt(7) !== 45 ||
		s.charCodeAt(10) !== 84 || // T
		s.charCodeAt(13) !== 58 || // :
		s.charCodeAt(16) !== 58
	) {
		return undefined;
	}
	const century = twoDigits(s, 0);
	const yy = twoDigits(s, 2);
	const month = twoDigits(s, 5);
	const day = twoDigits(s, 8);
	const hour = twoDigits(s, 11);
	const minute = twoDigits(s, 14);
	const second = twoDigits(s, 17);
	if ((century | yy | month | day | hour | minute | second) < 0) return undefined;
	let millis = 0;
	if (n > 20) {
		if (s.charCodeAt(19) !== 46 || n === 21) return undefined; // '.' and at least one digit
		// Fractions beyond milliseconds are truncated, as in the regex path.
		for (let i = 20, scale = 100; i < n - 1; i++, scale /= 10) {
			const digit = s.charCodeAt(i) - 48;
			if (digit < 0 || digit > 9) return undefined;
			if (scale >= 1) millis += digit * scale;
		}
	}
	return instantMs(century * 100 + yy, month, day, hour, minute, second, millis, 0);
}

/**
 * Epoch milliseconds of an ISO 8601 instant that carries `Z` or an offset (`+05:30`, `-0400`, `+05`);
 * null for anything else, including impossible dates (Date.parse would roll Feb 30 into March).
 * Fractions beyond milliseconds are truncated.
 */
export function parseIsoToMs(s: unknown): number | null {
	if (typeof s !== 'string') return null;
	const fast = parseUtcFast(s);
	if (fast !== undefined) return fast;
	const m = ISO_INSTANT.exec(s);
	if (m === null) return null;
	let millis = 0;
	const frac = m[7];
	if (frac !== undefined) {
		millis = frac.length >= 3 ? +frac.slice(0, 3) : frac.length === 2 ? +frac * 10 : +frac * 100;
	}
	let offsetMinutes = 0;
	if (m[8] === undefined) {
		const oh = +m[10];
		const om = m[11] === undefined ? 0 : +m[11];
		if (oh > 23 || om > 59) return null;
		offsetMinutes = m[9] === '-' ? -(oh * 60 + om) : oh * 60 + om;
	}
	const second = m[6] === undefined ? 0 : +m[6];
	return instantMs(+m[1], +m[2], +m[3], +m[4], +m[5], second, millis, offsetMinutes);
}
