// Every default and limit of the parameters both nodes offer, in one place: the descriptions show
// them, the parameter readers check them and the transport falls back to them. Imports nothing, so
// every layer may read it.

/** A number parameter's default and the range the reader accepts. */
export interface Limit {
	readonly default: number;
	readonly min: number;
	readonly max: number;
}

/** Requests in flight at once. */
export const CONCURRENCY: Limit = { default: 4, min: 1, max: 16 };
/** Records one input item may fetch before it stops (0 = no limit). */
export const MAX_RECORDS: Limit = { default: 500_000, min: 0, max: 1e9 };
/** Retries after the first attempt. */
export const MAX_RETRIES: Limit = { default: 5, min: 0, max: 10 };
/** Pages of one query before it stops (0 = no cap). */
export const MAX_PAGES: Limit = { default: 1000, min: 0, max: 1e9 };
/** Records per page asked of CXone. */
export const PAGE_SIZE: Limit = { default: 1000, min: 1, max: 10_000 };
/** Seconds one request may take before it is retried; the UI has always shown 60. */
export const TIMEOUT_SECONDS = { default: 60, min: 1 } as const;
/** Hours per chunk of a long window. */
export const CHUNK_HOURS = { default: 24 } as const;
/** Most chunks one window may be split into (guards against tiny chunk sizes). */
export const MAX_CHUNKS = 100_000;
/** Longest "last N hours" accepted: a leap year. */
export const MAX_HOURS = 24 * 366;
