// Builds the NodeApiErrors of the transport. Every error is made from a plain object, never from
// an axios error or request options, so no bearer token or header can leak into it.

import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

const MAX_TEXT = 300;

/** Hints keyed by HTTP status, shown as the error's description. */
const STATUS_HINTS: Record<number, string> = {
	401: 'The access token was refreshed and CXone still rejected it. Check that the API user is active and that its role allows API access.',
	403: "The API user's role lacks permission for this report (CXone: Reporting / Supervisor view permissions).",
	404: 'Check the API version in the credential and the API base URL.',
};

// Defence in depth: a wrapped low-level error could quote an Authorization header.
const BEARER = /\b(bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const AUTH_HEADER = /("?authorization"?\s*[:=]\s*"?)[^",}\n]+/gi;

/** Removes bearer tokens and Authorization header values (auth/redact.ts removes known secrets). */
export function redactAuthorization(text: string): string {
	return text.replace(AUTH_HEADER, '$1[redacted]').replace(BEARER, '$1 [redacted]');
}

function clean(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT)}…` : oneLine;
}

/** A gateway's HTML error page (502/503/504) reduced to its title, else to its text. */
function readable(body: string): string {
	if (!/^\s*</.test(body)) return body;
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
	return title ? title : body.replace(/<[^>]*>/g, ' ');
}

/** CXone's own error text: from the body (JSON keys or a plain string) or the icStatusDescription header. */
export function cxoneMessage(body: unknown, headers: Record<string, string>): string | undefined {
	const text = typeof body === 'string' ? clean(readable(body)) : '';
	if (text !== '') return text;
	if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
		const b = body as Record<string, unknown>;
		for (const key of ['message', 'error_description', 'error', 'Message']) {
			const v = b[key];
			if (typeof v === 'string' && v.trim() !== '') return clean(v);
			if (
				v !== null &&
				typeof v === 'object' &&
				typeof (v as { message?: unknown }).message === 'string'
			) {
				return clean((v as { message: string }).message);
			}
		}
	}
	const header = headers.icstatusdescription;
	return header && header.trim() !== '' ? clean(header) : undefined;
}

/** An API error with an HTTP status, a message and a description, and nothing else. */
export function apiError(
	node: INode,
	httpCode: string | null,
	message: string,
	description?: string,
): NodeApiError {
	const safeMessage = redactAuthorization(message);
	const safeDescription = description === undefined ? undefined : redactAuthorization(description);
	const plain: JsonObject = { message: safeMessage, httpCode };
	if (safeDescription !== undefined) plain.description = safeDescription;
	return new NodeApiError(node, plain, {
		message: safeMessage,
		description: safeDescription,
		httpCode: httpCode ?? undefined,
	});
}

/** The error for an HTTP status the transport does not retry (or gave up retrying). */
export function statusError(
	node: INode,
	status: number,
	body: unknown,
	headers: Record<string, string>,
	request: string,
	attempts?: number,
): NodeApiError {
	const text = cxoneMessage(body, headers) ?? 'no error message in the response';
	const tries = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
	const message = `CXone API request failed with HTTP ${status}${tries}: ${text}`;
	let hint = STATUS_HINTS[status];
	if (hint === undefined && status === 400) hint = `CXone rejected the request: ${text}`;
	if (hint === undefined && (status === 429 || status >= 500)) {
		hint = 'CXone is overloaded or unavailable. Try again later, or lower the concurrency.';
	}
	const parts = [hint, `Request: ${request}`].filter((p): p is string => p !== undefined);
	return apiError(node, String(status), message, parts.join(' '));
}
