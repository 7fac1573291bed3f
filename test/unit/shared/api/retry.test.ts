import {
	backoffMs,
	isRetryableStatus,
	isTransientNetworkError,
	MAX_RETRY_AFTER_MS,
	networkErrorLabel,
	parseRetryAfter,
} from '../../../../nodes/shared/api/retry';

const NOW = Date.parse('2024-05-01T12:00:00.000Z');

describe('parseRetryAfter', () => {
	it.each([
		['3', 3000],
		[' 1.5 ', 1500],
		['0', 0],
		['Wed, 01 May 2024 12:00:30 GMT', 30_000],
		['121', MAX_RETRY_AFTER_MS],
		['Wed, 01 May 2024 13:00:00 GMT', MAX_RETRY_AFTER_MS],
	])('%j → %i ms', (value, ms) => {
		expect(parseRetryAfter(value, NOW)).toBe(ms);
	});

	it.each([
		undefined,
		'',
		'  ',
		'-5',
		'soon',
		'1e3',
		'Wed, 01 May 2024 11:59:00 GMT',
		'Mon, 99 Foo',
	])('%j is ignored', (value) => {
		expect(parseRetryAfter(value, NOW)).toBeUndefined();
	});
});

describe('backoffMs', () => {
	it('is full jitter over min(30 s, 1 s · 2^retry)', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 10].map((r) => backoffMs(r, () => 1 - 1e-9))).toEqual([
			999, 1999, 3999, 7999, 15999, 29999, 29999, 29999,
		]);
		expect(backoffMs(3, () => 0)).toBe(0);
		expect(backoffMs(1, () => 0.5)).toBe(1000);
	});
});

describe('isRetryableStatus', () => {
	it('retries 429 and 500/502/503/504 only', () => {
		const statuses = [200, 400, 401, 403, 404, 409, 429, 500, 501, 502, 503, 504, 505];
		expect(statuses.filter(isRetryableStatus)).toEqual([429, 500, 502, 503, 504]);
	});
});

describe('isTransientNetworkError', () => {
	it.each([
		[{ code: 'ECONNRESET', message: 'read ECONNRESET' }],
		[{ cause: { code: 'EPIPE' }, message: 'x' }],
		[
			{
				httpCode: 'ECONNABORTED',
				message: 'The connection was aborted, perhaps the server is offline',
			},
		],
		[{ message: 'timeout of 5000ms exceeded' }],
		[{ message: 'other', messages: ['socket hang up'] }],
		[{ description: 'connect ETIMEDOUT 1.2.3.4:443', message: 'x' }],
		[{ message: 'The connection to the server was closed unexpectedly, perhaps it is offline.' }],
		['ESOCKETTIMEDOUT'],
		[{ message: 'stream has been aborted', httpCode: 'ERR_BAD_RESPONSE' }],
	])('%j is transient', (err) => {
		expect(isTransientNetworkError(err)).toBe(true);
	});

	it.each([
		[{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }],
		[{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' }],
		[{ httpCode: '401', message: 'Authorization failed' }],
		[{ message: 'canceled', code: 'ERR_CANCELED' }],
		[{ message: 'Request stream has been aborted', code: 'ERR_CANCELED' }],
		[null],
		[42],
	])('%j is not', (err) => {
		expect(isTransientNetworkError(err)).toBe(false);
	});

	it('labels errors without leaking long texts', () => {
		expect(networkErrorLabel({ cause: { code: 'econnreset' } })).toBe('ECONNRESET');
		expect(networkErrorLabel({ message: 'timeout of 50ms exceeded' })).toBe(
			'timeout of 50ms exceeded',
		);
		expect(networkErrorLabel({ message: 'weird' })).toBe('network error');
	});
});
