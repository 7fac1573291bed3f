// One HTTP call to CXone with retries: 429/5xx/resets/timeouts with backoff (honouring
// Retry-After), one forced token refresh on 401, and CXone-specific error messages.
// Every call goes through httpRequestWithAuthentication with ignoreHttpStatusErrors, because only
// then are response headers (Retry-After) visible; that switches off n8n's own 401 refresh, so the
// transport forces one itself (docs/credential-and-refresh.md).

import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { TIMEOUT_SECONDS } from '../limits';
import type { TransportOptions } from '../types';
import { CXONE_CREDENTIAL_TYPE } from '../auth/constants';
import { buildForceRefreshCredentials } from '../auth/forceRefresh';
import type { CxoneFunctions } from './context';
import { apiError, statusError } from './errors';
import type { RetrySeams } from './retry';
import type { TokenRefresh } from './tokenRefresh';
import {
	backoffMs,
	DEFAULT_MAX_RETRIES,
	isRetryableStatus,
	isTransientNetworkError,
	networkErrorLabel,
	parseRetryAfter,
	retryTiming,
} from './retry';

/** Per-request timeout when the caller sets none: the same as the UI's default. */
export const DEFAULT_TIMEOUT_MS = TIMEOUT_SECONDS.default * 1000;

export interface CxoneRequest {
	method?: 'GET';
	/** A path relative to the API base URL (the credential applies the base URL). */
	url: string;
	qs?: IDataObject;
}

export type RequestOptions = Partial<TransportOptions> &
	RetrySeams & {
		/** Shared by the requests of one query, so a token that expires under them is renewed once. */
		tokenRefresh?: TokenRefresh;
	};

export interface CxoneResponse {
	statusCode: number;
	/** Parsed JSON; null for 204 and empty bodies. */
	body: unknown;
	/** Header names lower-cased. */
	headers: Record<string, string>;
	/** When the request that got this answer was sent (epoch ms, from the `now` seam). */
	sentAtMs: number;
	/** When the response arrived (epoch ms, from the `now` seam). */
	receivedAtMs: number;
}

const RENDER_ERROR = /no known way to render data/i;

function normalizeHeaders(raw: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (raw === null || typeof raw !== 'object') return out;
	for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
		if (value === undefined || value === null || typeof value === 'function') continue;
		out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return out;
}

function describeRequest(req: CxoneRequest): string {
	// The path only: the query holds nothing secret but makes the text long.
	return `${req.method ?? 'GET'} ${req.url.split('?')[0]}`;
}

/** A string body when JSON was expected; undefined when it parses after all. */
function unparsedJson(body: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(body) as unknown };
	} catch {
		return undefined;
	}
}

/** Copies an error thrown by n8n without its cause/context, so no request options can leak. */
function sanitizeThrown(ctx: CxoneFunctions, err: unknown): Error {
	if (err instanceof NodeOperationError) return err;
	if (err instanceof NodeApiError) {
		return apiError(ctx.getNode(), err.httpCode, err.message, err.description ?? undefined);
	}
	const message = err instanceof Error ? err.message : String(err);
	return apiError(ctx.getNode(), null, `CXone request failed: ${message}`);
}

/** Third argument that makes n8n run preAuthentication (empty expirable token) and persist it. */
async function forcedRefreshOptions(ctx: CxoneFunctions) {
	const data = await ctx.getCredentials(CXONE_CREDENTIAL_TYPE);
	return { credentialsDecrypted: buildForceRefreshCredentials(ctx.getNode(), data) };
}

/**
 * Sends one GET to CXone and returns the response, retrying transient failures.
 * Throws NodeApiError for any non-2xx outcome (after retries where they apply).
 */
export async function cxoneRequest(
	this: CxoneFunctions,
	req: CxoneRequest,
	opts: RequestOptions = {},
): Promise<CxoneResponse> {
	if (/^[a-z][a-z0-9+.-]*:/i.test(req.url) || req.url.startsWith('//')) {
		// Programming error: an absolute URL would bypass the credential's base URL.
		throw new NodeOperationError(
			this.getNode(),
			'Internal error: the CXone transport only accepts relative paths',
		);
	}
	const sleepFn = opts.sleep ?? retryTiming.sleep;
	const random = opts.random ?? retryTiming.random;
	const now = opts.now ?? retryTiming.now;
	const maxRetries = Math.max(0, opts.maxRetries ?? DEFAULT_MAX_RETRIES);
	const options: IHttpRequestOptions = {
		method: req.method ?? 'GET',
		url: req.url,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: true,
		timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	if (req.qs !== undefined) options.qs = req.qs;
	const label = describeRequest(req);

	let attempts = 0;
	let retries = 0;
	let refreshed = false;
	let refreshNext = false;
	const shared = opts.tokenRefresh;

	const retryOrFail = async (delayMs: number, fail: () => Error): Promise<void> => {
		if (retries >= maxRetries) throw fail();
		retries++;
		await sleepFn(delayMs);
	};

	for (;;) {
		attempts++;
		let res: IN8nHttpFullResponse;
		const sentGeneration = shared?.generation ?? 0;
		const refreshing = refreshNext;
		refreshNext = false;
		const sentAtMs = now();
		try {
			const extra = refreshing ? await forcedRefreshOptions(this) : undefined;
			// Copy the options: n8n's authenticate step mutates them (headers, baseURL).
			res = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CXONE_CREDENTIAL_TYPE,
				{ ...options, qs: options.qs ? { ...options.qs } : undefined },
				extra,
			)) as IN8nHttpFullResponse;
		} catch (err) {
			if (refreshing) shared?.finish();
			if (!isTransientNetworkError(err)) throw sanitizeThrown(this, err);
			const what = networkErrorLabel(err);
			await retryOrFail(backoffMs(retries, random), () =>
				apiError(
					this.getNode(),
					null,
					`CXone request failed after ${attempts} attempts: the connection was reset or timed out`,
					`Last error: ${what}. Request: ${label}. CXone may be unavailable; try again later or raise the timeout.`,
				),
			);
			continue;
		}

		if (refreshing) shared?.finish();
		const status = res.statusCode;
		const headers = normalizeHeaders(res.headers);
		let body: unknown = res.body;

		if (typeof body === 'string' && RENDER_ERROR.test(body)) {
			throw apiError(
				this.getNode(),
				String(status),
				'CXone could not render the response as JSON ("No known way to render data")',
				`CXone answers this when the request lacks the header "Accept: application/json". The credential adds it; check that no proxy removes or replaces it. Request: ${label}`,
			);
		}

		if (status >= 200 && status < 300) {
			if (status === 204 || body === undefined || body === null || body === '') {
				return { statusCode: status, body: null, headers, sentAtMs, receivedAtMs: now() };
			}
			if (typeof body === 'string') {
				const parsed = unparsedJson(body);
				if (parsed === undefined) {
					// Truncated JSON: treat like a server hiccup.
					await retryOrFail(backoffMs(retries, random), () =>
						apiError(
							this.getNode(),
							String(status),
							`CXone returned an incomplete JSON body after ${attempts} attempts`,
							`The response could not be parsed as JSON (it may have been cut off). Request: ${label}`,
						),
					);
					continue;
				}
				body = parsed.value;
			}
			return { statusCode: status, body, headers, sentAtMs, receivedAtMs: now() };
		}

		if (status === 401) {
			if (!refreshed) {
				refreshed = true;
				// Requests sharing the refresh renew the token once, and the rest retry with it.
				const claim = shared?.claim(sentGeneration) ?? 'refresh';
				if (claim === 'wait') await shared?.done();
				refreshNext = claim === 'refresh';
				continue;
			}
			throw statusError(this.getNode(), status, body, headers, label);
		}

		if (isRetryableStatus(status)) {
			const asked = status === 429 ? parseRetryAfter(headers['retry-after'], now()) : undefined;
			await retryOrFail(asked ?? backoffMs(retries, random), () =>
				statusError(this.getNode(), status, body, headers, label, attempts),
			);
			continue;
		}

		throw statusError(this.getNode(), status, body, headers, label);
	}
}
