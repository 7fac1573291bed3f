import type { IHttpRequestHelper, IHttpRequestMethods } from 'n8n-workflow';

import { AUTH_REQUEST_TIMEOUT_MS } from './constants';

// A tiny HTTP interface that never throws on an HTTP status, only on network failures. The
// token/discovery logic is written against it, so it runs the same in preAuthentication (modern
// httpRequest) and in the credential test (legacy request), and unit tests can fake it.

export interface AuthHttpRequest {
	method: IHttpRequestMethods;
	url: string;
	headers?: Record<string, string>;
	/** Already-encoded body (the token request sends form-URL-encoded text). */
	body?: string;
	qs?: Record<string, string>;
}

export interface AuthHttpResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

export type AuthHttp = (request: AuthHttpRequest) => Promise<AuthHttpResponse>;

/** The legacy request helper of the credential-test context (n8n 2.8.4 offers nothing else). */
export type LegacyRequest = (options: object) => Promise<unknown>;

interface RawFullResponse {
	statusCode?: unknown;
	headers?: unknown;
	body?: unknown;
}

function toAuthHttpResponse(raw: unknown): AuthHttpResponse {
	const full = (raw ?? {}) as RawFullResponse;
	const headers =
		typeof full.headers === 'object' && full.headers !== null
			? { ...(full.headers as Record<string, unknown>) }
			: {};
	return { statusCode: Number(full.statusCode), headers, body: full.body };
}

/** Adapter over `this.helpers.httpRequest` (the helper preAuthentication receives). */
export function httpRequestAuthHttp(helpers: IHttpRequestHelper['helpers']): AuthHttp {
	return async (request) =>
		toAuthHttpResponse(
			await helpers.httpRequest({
				method: request.method,
				url: request.url,
				headers: request.headers,
				body: request.body,
				qs: request.qs,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: AUTH_REQUEST_TIMEOUT_MS,
			}),
		);
}

/** Adapter over the credential-test context's legacy `request` helper. */
export function legacyRequestAuthHttp(request: LegacyRequest): AuthHttp {
	return async (req) =>
		toAuthHttpResponse(
			await request({
				method: req.method,
				uri: req.url,
				headers: req.headers,
				body: req.body,
				qs: req.qs,
				json: false,
				resolveWithFullResponse: true,
				simple: false,
				timeout: AUTH_REQUEST_TIMEOUT_MS,
			}),
		);
}

export type AuthHttpOutcome =
	| { ok: true; response: AuthHttpResponse }
	| { ok: false; networkError: unknown };

/** Sends `request`, turning a network failure into a value so callers can word their own error. */
export async function attempt(http: AuthHttp, request: AuthHttpRequest): Promise<AuthHttpOutcome> {
	try {
		return { ok: true, response: await http(request) };
	} catch (networkError) {
		return { ok: false, networkError };
	}
}

/** The body as JSON: helpers hand it over parsed, as text or as a Buffer depending on the path. */
export function readJsonBody(body: unknown): unknown {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** A response header as a string, whatever the case of its name. */
export function readHeader(response: AuthHttpResponse, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(response.headers)) {
		if (key.toLowerCase() === wanted && value !== undefined && value !== null) {
			return Array.isArray(value) ? value.join(', ') : String(value);
		}
	}
	return undefined;
}

export function isSuccess(response: AuthHttpResponse): boolean {
	return response.statusCode >= 200 && response.statusCode < 300;
}
