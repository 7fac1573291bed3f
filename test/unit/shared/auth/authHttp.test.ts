import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import {
	attempt,
	httpRequestAuthHttp,
	legacyRequestAuthHttp,
	readHeader,
	readJsonBody,
} from '../../../../nodes/shared/auth/authHttp';
import { describeNetworkError, redactSecrets } from '../../../../nodes/shared/auth/redact';
import { json } from './fixtures';

const request = {
	method: 'POST' as const,
	url: 'https://cxone.example.com/auth/token',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	body: 'grant_type=client_credentials',
	qs: { a: '1' },
};

describe('httpRequestAuthHttp', () => {
	it('asks httpRequest for the full response without status errors, and copies it', async () => {
		const seen: IHttpRequestOptions[] = [];
		const helpers: IHttpRequestHelper['helpers'] = {
			httpRequest: async (options: IHttpRequestOptions) => {
				seen.push(options);
				return {
					statusCode: 401,
					statusMessage: 'Unauthorized',
					headers: { 'x-a': 'b' },
					body: '{}',
				};
			},
		};
		await expect(httpRequestAuthHttp(helpers)(request)).resolves.toEqual({
			statusCode: 401,
			headers: { 'x-a': 'b' },
			body: '{}',
		});
		expect(seen).toEqual([
			{
				method: 'POST',
				url: request.url,
				headers: request.headers,
				body: request.body,
				qs: request.qs,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: 30_000,
			},
		]);
	});

	it('tolerates a response without headers', async () => {
		const helpers = { httpRequest: async () => ({ statusCode: '204' }) };
		await expect(httpRequestAuthHttp(helpers)(request)).resolves.toEqual({
			statusCode: 204,
			headers: {},
			body: undefined,
		});
		const empty = { httpRequest: async () => undefined };
		expect((await httpRequestAuthHttp(empty)(request)).statusCode).toBeNaN();
	});
});

describe('legacyRequestAuthHttp', () => {
	it('asks the legacy request for the full response with simple: false', async () => {
		const seen: object[] = [];
		const http = legacyRequestAuthHttp(async (options) => {
			seen.push(options);
			return { statusCode: 200, headers: { a: 'b' }, body: '{"ok":true}', request: {} };
		});
		await expect(http(request)).resolves.toEqual({
			statusCode: 200,
			headers: { a: 'b' },
			body: '{"ok":true}',
		});
		expect(seen).toEqual([
			{
				method: 'POST',
				uri: request.url,
				headers: request.headers,
				body: request.body,
				qs: request.qs,
				json: false,
				resolveWithFullResponse: true,
				simple: false,
				timeout: 30_000,
			},
		]);
	});
});

describe('attempt', () => {
	it('turns a network failure into a value', async () => {
		const failure = new Error('socket hang up');
		await expect(attempt(async () => await Promise.reject(failure), request)).resolves.toEqual({
			ok: false,
			networkError: failure,
		});
		await expect(attempt(async () => json(200, {}), request)).resolves.toEqual({
			ok: true,
			response: json(200, {}),
		});
	});
});

describe('readJsonBody / readHeader', () => {
	it('parses text and Buffers, passes objects through and gives undefined for non-JSON', () => {
		expect(readJsonBody('{"a":1}')).toEqual({ a: 1 });
		expect(readJsonBody(Buffer.from('{"b":2}'))).toEqual({ b: 2 });
		expect(readJsonBody({ c: 3 })).toEqual({ c: 3 });
		expect(readJsonBody('<html>')).toBeUndefined();
		expect(readJsonBody(undefined)).toBeUndefined();
	});

	it('finds headers case-insensitively and joins repeated ones', () => {
		const response = {
			statusCode: 400,
			headers: { icstatusdescription: 'Bad date', 'set-cookie': ['a', 'b'], empty: null },
			body: '',
		};
		expect(readHeader(response, 'icStatusDescription')).toBe('Bad date');
		expect(readHeader(response, 'Set-Cookie')).toBe('a, b');
		expect(readHeader(response, 'empty')).toBeUndefined();
		expect(readHeader(response, 'missing')).toBeUndefined();
	});
});

describe('redactSecrets / describeNetworkError', () => {
	it('removes known secrets and anything shaped like a JWT, and shortens long text', () => {
		expect(redactSecrets('a s3cr3t b eyJhbGc.eyJzdWIi.sig  c', ['s3cr3t', '', undefined])).toBe(
			'a [redacted] b [redacted] c',
		);
		expect(redactSecrets('x'.repeat(250), [])).toBe(`${'x'.repeat(200)}…`);
		expect(redactSecrets('key abc=def=', ['abc', 'abc=def='])).toBe('key [redacted]');
	});

	it('describes network errors by code and message, without secrets', () => {
		expect(
			describeNetworkError(Object.assign(new Error('timeout'), { code: 'ECONNABORTED' }), []),
		).toBe('ECONNABORTED: timeout');
		expect(
			describeNetworkError(
				Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
				[],
			),
		).toBe('connect ECONNREFUSED');
		expect(describeNetworkError(new Error('bad key s3cr3t'), ['s3cr3t'])).toBe(
			'bad key [redacted]',
		);
		expect(describeNetworkError(undefined, [])).toBe('unknown network error');
		expect(describeNetworkError({ message: '' }, [])).toBe('unknown network error');
	});
});
