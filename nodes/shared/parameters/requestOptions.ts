// Reads the transport options both nodes offer (descriptions/requestOptions.ts), with the same
// limits and messages in both.

import type { IDataObject } from 'n8n-workflow';

import type { RequestOptions } from '../api';
import { positiveNumber, wholeNumber } from './numbers';

export interface RequestSettings {
	concurrency: number;
	/** 0 = no limit. */
	maxRecords: number;
	transport: RequestOptions;
}

export function readRequestOptions(options: IDataObject): RequestSettings {
	const whole = (name: string, label: string, fallback: number, min: number, max: number) =>
		wholeNumber(options[name] ?? fallback, `options.${name}`, label, min, max);
	const timeoutSeconds = positiveNumber(
		options.timeoutSeconds ?? 60,
		'options.timeoutSeconds',
		'Timeout (Seconds)',
		'60 suits most tenants.',
	);
	return {
		concurrency: whole('concurrency', 'Concurrency', 4, 1, 16),
		maxRecords: whole('maxRecords', 'Max Records', 500000, 0, 1e9),
		transport: {
			maxRetries: whole('maxRetries', 'Max Retries', 5, 0, 10),
			maxPages: whole('maxPages', 'Max Pages', 1000, 0, 1e9),
			pageSize: whole('pageSize', 'Page Size', 1000, 1, 10000),
			timeoutMs: timeoutSeconds * 1000,
		},
	};
}
