// Every record of one directory or real-time list (agents, teams, unavailable codes, current
// states, performance), validated by its resource's field table: the one reader the CXone node's
// operations and the pickers share, over the same transport as the state history.

import type { IDataObject } from 'n8n-workflow';

import type { CxoneFunctions, PageFormat, RequestOptions } from '../api';
import { apiError, paginate } from '../api';
import type { RecordValidator } from '../records/validate';

export interface ListQuery {
	path: string;
	qs?: IDataObject;
	format: PageFormat;
	/** What one record is, for error messages: "agent", "team". */
	what: string;
}

export interface ListResult<T> {
	records: T[];
	/** When CXone read the data (the last page's lastPollTime, else its arrival). */
	readAtMs: number;
}

/**
 * Stops paging once `limit` records are read (undefined = all). The context is an argument, not
 * `this`: TypeScript infers `T` through a call, not through `.call`.
 */
export async function listRecords<T>(
	ctx: CxoneFunctions,
	query: ListQuery,
	validator: RecordValidator<T>,
	transport: RequestOptions,
	limit?: number,
): Promise<ListResult<T>> {
	const records: T[] = [];
	let readAtMs = Date.now();
	const pages = paginate.call(
		ctx,
		{ format: query.format, path: query.path, qs: query.qs ?? {} },
		transport,
	);
	for await (const page of pages) {
		readAtMs = page.readAtMs;
		for (const raw of page.records) {
			const parsed = validator.parse(raw);
			if (!parsed.ok) {
				throw apiError(
					ctx.getNode(),
					null,
					`CXone sent an invalid ${query.what} record: ${parsed.message}`,
					`The list of ${query.path} held a record this node cannot read, so nothing was returned rather than part of the list.`,
				);
			}
			records.push(parsed.value);
			if (limit !== undefined && records.length >= limit) return { records, readAtMs };
		}
	}
	return { records, readAtMs };
}
