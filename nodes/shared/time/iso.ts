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
	return `${dayPrefix(days)}${PAD2[hour]}:${PAD2[min]}:${PAD2[sec]}.${PAD3[millis]}`;
}

/** `2024-05-01T13:00:00.000Z` for an epoch-milliseconds instant (same output as Date#toISOString). */
export function formatUtcIso(ms: number): string {
	return `${formatIsoWallClock(ms)}Z`;
}

/** A UTC instant as CXone's query parameters want it: always a literal `Z`, never `+00:00`. */
export function toCxoneUtc(ms: number): string {
	return new Date(ms).toISOString();
}

/**
 * Epoch milliseconds of an ISO 8601 instant that carries `Z` or an offset (`+05:30`, `-0400`, `+05`);
 * null for anything else, including impossible dates (Date.parse would roll Feb 30 into March).
 * Fractions beyond milliseconds are truncated.
 */
export function parseIsoToMs(s: unknown): number | null {
	if (typeof s !== 'string') return null;
	const m = ISO_INSTANT.exec(s);
	if (m === null) return null;
	const year = +m[1];
	const month = +m[2];
	const day = +m[3];
	const hour = +m[4];
	const minute = +m[5];
	const second = m[6] === undefined ? 0 : +m[6];
	// Date.UTC maps years 0-99 to 1900-1999; no API sends those.
	if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
		return null;
	}
	if (hour > 23 || minute > 59 || second > 59) return null;
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
	return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60000;
}
