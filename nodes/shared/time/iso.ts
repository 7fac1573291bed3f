// Fast UTC instant formatting and strict parsing of API timestamps. API strings without `Z` or an
// offset are rejected: their meaning would depend on the server's local zone.

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
 * Epoch milliseconds of an ISO 8601 instant that carries `Z` or an offset:
 * `YYYY-MM-DD(T|t| )HH:MM[:SS[(.|,)f…]](Z|z|±HH[[:]MM])`, e.g. `+05:30`, `-0400`, `+05`; null for
 * anything else, including impossible dates (Date.parse would roll Feb 30 into March). Fractions
 * beyond milliseconds are truncated. One scanner, no regex: a regex's match and substrings
 * dominated parsing.
 */
export function parseIsoToMs(s: unknown): number | null {
	if (typeof s !== 'string') return null;
	const n = s.length;
	const separator = s.charCodeAt(10);
	if (
		n < 17 ||
		s.charCodeAt(4) !== 45 || // -
		s.charCodeAt(7) !== 45 ||
		(separator !== 84 && separator !== 116 && separator !== 32) || // T t space
		s.charCodeAt(13) !== 58 // :
	) {
		return null;
	}
	const century = twoDigits(s, 0);
	const yy = twoDigits(s, 2);
	const month = twoDigits(s, 5);
	const day = twoDigits(s, 8);
	const hour = twoDigits(s, 11);
	const minute = twoDigits(s, 14);
	if ((century | yy | month | day | hour | minute) < 0) return null;
	let i = 16;
	let second = 0;
	let millis = 0;
	if (s.charCodeAt(i) === 58) {
		second = twoDigits(s, i + 1);
		if (second < 0) return null;
		i += 3;
		const dot = s.charCodeAt(i);
		if (dot === 46 || dot === 44) {
			const start = ++i;
			for (let scale = 100; i < n; i++, scale /= 10) {
				const digit = s.charCodeAt(i) - 48;
				if (digit < 0 || digit > 9) break;
				if (scale >= 1) millis += digit * scale;
			}
			if (i === start) return null;
		}
	}
	let offsetMinutes = 0;
	const zone = s.charCodeAt(i);
	if (zone === 90 || zone === 122) {
		// Z z
		if (i + 1 !== n) return null;
	} else if (zone === 43 || zone === 45) {
		// + -
		const oh = twoDigits(s, i + 1);
		i += 3;
		let om = 0;
		if (i < n) {
			if (s.charCodeAt(i) === 58) i++;
			om = twoDigits(s, i);
			i += 2;
		}
		if (oh < 0 || om < 0 || i !== n || oh > 23 || om > 59) return null;
		offsetMinutes = zone === 45 ? -(oh * 60 + om) : oh * 60 + om;
	} else {
		return null;
	}
	return instantMs(century * 100 + yy, month, day, hour, minute, second, millis, offsetMinutes);
}
