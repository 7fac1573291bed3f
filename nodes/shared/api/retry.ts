// When to retry a request and how long to wait. Waits go through a seam (never setTimeout) so
// tests replace the clock and the dice.

import { sleep } from 'n8n-workflow';

import { MAX_RETRIES } from '../limits';

/** Retries after the first attempt when the caller gives none. */
export const DEFAULT_MAX_RETRIES = MAX_RETRIES.default;
/** The longest wait a Retry-After header can ask for. */
export const MAX_RETRY_AFTER_MS = 120_000;
/** Backoff: full jitter over min(cap, base · 2^retry). */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;

export interface RetrySeams {
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	now?: () => number;
}

/** Process-wide defaults; tests may replace these functions. */
export const retryTiming: Required<RetrySeams> = {
	sleep: async (ms) => await sleep(ms),
	random: () => Math.random(),
	now: () => Date.now(),
};

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
	return RETRYABLE_STATUS.has(status);
}

// Codes and texts of resets and timeouts, as axios and n8n's error wrapping render them
// (n8n replaces the message of a NodeApiError for known codes, so match those texts too).
const TRANSIENT_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
]);
// "stream has been aborted" is axios' error for a socket cut mid-body (anchored: a cancelled
// execution reads "canceled" or "Request stream has been aborted" and must not be retried).
const TRANSIENT_TEXT =
	/ECONNRESET|EPIPE|ECONNABORTED|E?SOCKETTIMEDOUT|ETIMEDOUT|socket hang up|timeout of \d+ms exceeded|closed unexpectedly|connection was aborted|connection timed out|^stream has been aborted$/i;

function textsOf(err: unknown): string[] {
	if (err === null || typeof err !== 'object') return typeof err === 'string' ? [err] : [];
	const e = err as Record<string, unknown>;
	const out: string[] = [];
	const push = (v: unknown) => {
		if (typeof v === 'string') out.push(v);
	};
	push(e.code);
	push(e.httpCode);
	push(e.message);
	push(e.description);
	if (Array.isArray(e.messages)) e.messages.forEach(push);
	const cause = e.cause as Record<string, unknown> | undefined;
	if (cause && typeof cause === 'object') {
		push(cause.code);
		push(cause.message);
	}
	return out;
}

/** A connection reset or a timeout: worth another try. */
export function isTransientNetworkError(err: unknown): boolean {
	const texts = textsOf(err);
	return texts.some((t) => TRANSIENT_CODES.has(t.toUpperCase()) || TRANSIENT_TEXT.test(t));
}

/** A short, secret-free label for a network error ("ECONNRESET", "timeout of 5000ms exceeded"). */
export function networkErrorLabel(err: unknown): string {
	const texts = textsOf(err);
	const code = texts.find((t) => TRANSIENT_CODES.has(t.toUpperCase()));
	if (code) return code.toUpperCase();
	const text = texts.find((t) => TRANSIENT_TEXT.test(t));
	return text ? text.slice(0, 120) : 'network error';
}

/**
 * The delay a Retry-After header asks for, in ms: delta-seconds or an HTTP date (relative to now),
 * capped at MAX_RETRY_AFTER_MS. Undefined when absent, garbage or in the past.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
	if (value === undefined) return undefined;
	const v = value.trim();
	if (v === '') return undefined;
	let ms: number;
	if (/^\d+(\.\d+)?$/.test(v)) {
		ms = Number(v) * 1000;
	} else {
		// Only real dates: Date.parse also accepts bare numbers like "-5".
		if (!/[a-z]/i.test(v)) return undefined;
		const at = Date.parse(v);
		if (Number.isNaN(at)) return undefined;
		ms = at - nowMs;
	}
	if (!Number.isFinite(ms) || ms < 0) return undefined;
	return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/** Exponential backoff with full jitter; `retry` counts from 0 (the first retry). */
export function backoffMs(retry: number, random: () => number): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
	return Math.floor(random() * ceiling);
}
