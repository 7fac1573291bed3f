// Reads the transport options both nodes offer (descriptions/requestOptions.ts), with the same
// limits (../limits.ts) and messages in both.

import type { IDataObject } from 'n8n-workflow';

import type { RequestOptions } from '../api';
import type { Limit } from '../limits';
import {
	CONCURRENCY,
	MAX_PAGES,
	MAX_RECORDS,
	MAX_RETRIES,
	PAGE_SIZE,
	TIMEOUT_SECONDS,
} from '../limits';
import { positiveNumber, wholeNumber } from './numbers';

export interface RequestSettings {
	concurrency: number;
	/** 0 = no limit. */
	maxRecords: number;
	transport: RequestOptions;
}

export function readRequestOptions(options: IDataObject): RequestSettings {
	const whole = (name: string, label: string, limit: Limit) =>
		wholeNumber(options[name] ?? limit.default, `options.${name}`, label, limit.min, limit.max);
	const timeoutSeconds = positiveNumber(
		options.timeoutSeconds ?? TIMEOUT_SECONDS.default,
		'options.timeoutSeconds',
		'Timeout (Seconds)',
		`${TIMEOUT_SECONDS.default} suits most tenants.`,
	);
	return {
		concurrency: whole('concurrency', 'Concurrency', CONCURRENCY),
		maxRecords: whole('maxRecords', 'Max Records', MAX_RECORDS),
		transport: {
			maxRetries: whole('maxRetries', 'Max Retries', MAX_RETRIES),
			maxPages: whole('maxPages', 'Max Pages', MAX_PAGES),
			pageSize: whole('pageSize', 'Page Size', PAGE_SIZE),
			timeoutMs: timeoutSeconds * 1000,
		},
	};
}
