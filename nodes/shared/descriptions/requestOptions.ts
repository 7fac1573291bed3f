import type { INodeProperties } from 'n8n-workflow';

// Transport knobs that both nodes offer inside their Options collection.
export const requestOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 16 },
		default: 4,
		description: 'Requests in flight at once when several agents or chunks are fetched',
	},
	{
		displayName: 'Max Pages',
		name: 'maxPages',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1000,
		description:
			'Stop with an error after this many pages of one query (0 = no cap). Guards against runaway paging.',
	},
	{
		displayName: 'Max Records',
		name: 'maxRecords',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 500000,
		description:
			'Stop with an error once one input item has fetched more records than this (0 = no limit); keeps memory bounded on huge windows',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 5,
		description: 'Retries for rate limits (429), server errors (5xx), resets and timeouts',
	},
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10000 },
		default: 1000,
		description: 'Records per page requested from CXone',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description: 'Time allowed for one request before it is retried',
	},
];
