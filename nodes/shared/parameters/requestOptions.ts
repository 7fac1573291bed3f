// Reads the transport options both nodes offer (descriptions/requestOptions.ts), with the same
// limits (../limits.ts) and messages in both.

import type { IDataObject } from 'n8n-workflow';

import type { RequestOptions } from '../api';
import * as limits from '../limits';
import { positiveNumber, wholeNumber } from './numbers';

export interface RequestSettings {
	concurrency: number;
	/** 0 = no limit. */
	maxRecords: number;
	transport: RequestOptions;
}

export function readRequestOptions(options: IDataObject): RequestSettings {
	const whole = (name: string, label: string, limit: limits.Limit) =>
		wholeNumber(options[name] ?? limit.default, `options.${name}`, label, limit.min, limit.max);
	const timeoutSeconds = positiveNumber(
		options.timeoutSeconds ?? limits.TIMEOUT_SECONDS.default,
		'options.timeoutSeconds',
		'Timeout (Seconds)',
		`${limits.TIMEOUT_SECONDS.default} suits most tenants.`,
	);
	return {
		concurrency: whole('concurrency', 'Concurrency', limits.CONCURRENCY),
		maxRecords: whole('maxRecords', 'Max Records', limits.MAX_RECORDS),
		transport: {
			maxRetries: whole('maxRetries', 'Max Retries', limits.MAX_RETRIES),
			maxPages: whole('maxPages', 'Max Pages', limits.MAX_PAGES),
			pageSize: whole('pageSize', 'Page Size', limits.PAGE_SIZE),
			timeoutMs: timeoutSeconds * 1000,
		},
	};
}
