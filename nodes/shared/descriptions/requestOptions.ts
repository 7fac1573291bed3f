import type { INodeProperties } from 'n8n-workflow';

import {
	CONCURRENCY,
	MAX_PAGES,
	MAX_RECORDS,
	MAX_RETRIES,
	PAGE_SIZE,
	TIMEOUT_SECONDS,
} from '../limits';

// n8n's linter accepts a default that is a literal or a plain name, not a member expression.
const concurrency = CONCURRENCY.default;
const maxPages = MAX_PAGES.default;
const maxRecords = MAX_RECORDS.default;
const maxRetries = MAX_RETRIES.default;
const pageSize = PAGE_SIZE.default;
const timeoutSeconds = TIMEOUT_SECONDS.default;

// Transport knobs that both nodes offer inside their Options collection.
export const requestOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: CONCURRENCY.min, maxValue: CONCURRENCY.max },
		default: concurrency,
		description: 'Requests in flight at once when several agents or chunks are fetched',
	},
	{
		displayName: 'Max Pages',
		name: 'maxPages',
		type: 'number',
		typeOptions: { minValue: MAX_PAGES.min },
		default: maxPages,
		description:
			'Stop with an error after this many pages of one query (0 = no cap). Guards against runaway paging.',
	},
	{
		displayName: 'Max Records',
		name: 'maxRecords',
		type: 'number',
		typeOptions: { minValue: MAX_RECORDS.min },
		default: maxRecords,
		description:
			'Stop with an error once one input item has fetched more records than this (0 = no limit); keeps memory bounded on huge windows',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: MAX_RETRIES.min, maxValue: MAX_RETRIES.max },
		default: maxRetries,
		description: 'Retries for rate limits (429), server errors (5xx), resets and timeouts',
	},
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: PAGE_SIZE.min, maxValue: PAGE_SIZE.max },
		default: pageSize,
		description: 'Records per page requested from CXone',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: TIMEOUT_SECONDS.min },
		default: timeoutSeconds,
		description: 'Time allowed for one request before it is retried',
	},
];
