import type { IHttpRequestOptions } from 'n8n-workflow';

import { cxoneAuthenticate } from '../../../../nodes/shared/auth/authenticate';
import { ACCESS_TOKEN, API_BASE, credentialData } from './fixtures';

const stored = credentialData({ accessToken: ACCESS_TOKEN, resolvedBaseUrl: API_BASE });

describe('cxoneAuthenticate', () => {
	it('adds Bearer + Accept, keeps other headers and sets baseURL for a relative URL', async () => {
		const options: IHttpRequestOptions = {
			url: '/inContactAPI/services/v27.0/server-time',
			headers: { 'X-Trace': 'abc' },
		};
		const result = await cxoneAuthenticate(stored, options);
		expect(result).toBe(options);
		expect(result).toEqual({
			url: '/inContactAPI/services/v27.0/server-time',
			baseURL: API_BASE,
			headers: {
				'X-Trace': 'abc',
				Authorization: `Bearer ${ACCESS_TOKEN}`,
				Accept: 'application/json',
			},
		});
	});

	it('works without existing headers', async () => {
		const result = await cxoneAuthenticate(stored, { url: '/x' });
		expect(result.headers).toEqual({
			Authorization: `Bearer ${ACCESS_TOKEN}`,
			Accept: 'application/json',
		});
	});

	it('keeps a caller Accept header and replaces any Authorization regardless of case', async () => {
		const result = await cxoneAuthenticate(stored, {
			url: '/x',
			headers: { accept: 'text/csv', authorization: 'Bearer old' },
		});
		expect(result.headers).toEqual({ accept: 'text/csv', Authorization: `Bearer ${ACCESS_TOKEN}` });
	});

	it('leaves absolute URLs and an existing baseURL alone', async () => {
		const absolute = await cxoneAuthenticate(stored, {
			url: 'https://api-c32.nice-incontact.com/inContactAPI/services/v27.0/agents?skip=100',
		});
		expect(absolute.baseURL).toBeUndefined();
		const withBase = await cxoneAuthenticate(stored, {
			url: '/x',
			baseURL: 'https://other.example',
		});
		expect(withBase.baseURL).toBe('https://other.example');
	});

	it('prefers an entered API Base URL over the persisted one', async () => {
		const result = await cxoneAuthenticate(
			{ ...stored, apiBaseUrl: ' https://api-e32.niceincontact.com/ ' },
			{ url: '/x' },
		);
		expect(result.baseURL).toBe('https://api-e32.niceincontact.com');
	});

	it('rejects an entered API Base URL that breaks the rules, naming the field', async () => {
		await expect(
			cxoneAuthenticate(
				{ ...stored, apiBaseUrl: 'https://api-na1.niceincontact.com/inContactAPI' },
				{ url: '/x' },
			),
		).rejects.toThrow('API Base URL must not contain a path (found "/inContactAPI").');
	});

	it('sets no baseURL when none is known', async () => {
		const result = await cxoneAuthenticate({ accessToken: ACCESS_TOKEN }, { url: '/x' });
		expect(result.baseURL).toBeUndefined();
		expect(result.headers).toEqual({
			Authorization: `Bearer ${ACCESS_TOKEN}`,
			Accept: 'application/json',
		});
	});

	it("is idempotent and picks up the new token on n8n's 401 retry", async () => {
		const options: IHttpRequestOptions = { url: '/x', headers: { 'X-Trace': 'abc' } };
		await cxoneAuthenticate(stored, options);
		const once = structuredClone(options);
		await cxoneAuthenticate(stored, options);
		expect(options).toEqual(once);

		await cxoneAuthenticate({ ...stored, accessToken: 'new-token' }, options);
		expect(options).toEqual({
			url: '/x',
			baseURL: API_BASE,
			headers: { 'X-Trace': 'abc', Authorization: 'Bearer new-token', Accept: 'application/json' },
		});
	});
});
