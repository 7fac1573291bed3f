// Time zone checks and a fast per-zone ISO formatter. Luxon answers "what is the offset here" once
// per 15-minute UTC bucket (real zones only change offset on such boundaries); formatting is plain
// arithmetic so normalizing many records stays cheap.

import { IANAZone } from 'luxon';

import { InputError } from '../errors';

import { flatString, formatIsoWallClock } from './iso';

const BUCKET_MS = 15 * 60 * 1000;
/** Buckets cached per formatter before the cache is reset (about ten years of quarter hours). */
const MAX_CACHED_BUCKETS = 400_000;

/** Formats an epoch-milliseconds instant as local ISO time with offset, e.g. `2024-05-01T09:00:00.000-04:00`. */
export type ZoneFormatter = (ms: number) => string;

interface BucketOffset {
	offsetMs: number;
	suffix: string;
}

/** True for IANA zone names the runtime knows (`America/New_York`, `UTC`, `Asia/Kolkata`). */
export function isValidTimeZone(zone: unknown): zone is string {
	return typeof zone === 'string' && zone.trim() !== '' && IANAZone.isValidZone(zone);
}

/** `zone` trimmed, or an InputError on the Timezone parameter: the one check and text for both nodes. */
export function checkTimeZone(zone: unknown): string {
	const name = typeof zone === 'string' ? zone.trim() : '';
	if (!isValidTimeZone(name)) {
		throw new InputError(
			'timezone',
			`Timezone "${String(zone)}" is not an IANA timezone name. Use a name like "America/New_York", "Europe/London" or "UTC", or leave it empty for the workflow's timezone.`,
		);
	}
	return name;
}

function offsetSuffix(offsetMinutes: number): string {
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(Math.round(offsetMinutes));
	const h = Math.floor(abs / 60);
	const m = abs % 60;
	return `${sign}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** A formatter for one zone; throws for an unknown zone. Zero offsets print as `+00:00`. */
export function createZoneFormatter(zone: string): ZoneFormatter {
	if (!isValidTimeZone(zone)) throw new Error(`Unknown time zone "${String(zone)}"`);
	const iana = IANAZone.create(zone);
	const cache = new Map<number, BucketOffset>();
	let lastBucket = NaN;
	let last: BucketOffset = { offsetMs: 0, suffix: '+00:00' };

	return (ms: number): string => {
		const bucket = Math.floor(ms / BUCKET_MS);
		if (bucket !== lastBucket) {
			let entry = cache.get(bucket);
			if (entry === undefined) {
				const minutes = iana.offset(bucket * BUCKET_MS);
				entry = { offsetMs: Math.round(minutes) * 60000, suffix: offsetSuffix(minutes) };
				if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
				cache.set(bucket, entry);
			}
			lastBucket = bucket;
			last = entry;
		}
		return flatString(formatIsoWallClock(ms + last.offsetMs) + last.suffix);
	};
}

const shared = new Map<string, ZoneFormatter>();

/** The shared formatter for a zone (built once per zone name, then reused by every normalizer). */
export function getZoneFormatter(zone: string): ZoneFormatter {
	let f = shared.get(zone);
	if (f === undefined) {
		f = createZoneFormatter(zone);
		shared.set(zone, f);
	}
	return f;
}
