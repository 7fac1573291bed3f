// Every record of one directory or real-time list (agents, teams, unavailable codes, current
// states), validated by its table (records/directoryFields.ts): the one reader the CXone node's
// operations and the pickers share, over the same transport as the state history.

import type { IDataObject } from 'n8n-workflow';

import type { CxoneFunctions, CxoneListKey, RequestOptions } from '../api';
import { apiError, paginate } from '../api';
import type { RecordValidator } from '../records/validate';

export interface ListQuery {
	path: string;
	qs?: IDataObject;
	listKey: CxoneListKey;
	/** The endpoint answers with its whole list at once. */
	unpaged?: boolean;
	/** What one record is, for error messages: "agent", "team". */
	what: string;
}

export interface ListResult<T> {
	records: T[];
	/** When CXone read the data (the last page's lastPollTime, else its arrival). */
	readAtMs: number;
}

/** Stops paging once `limit` records are read (undefined = all). */
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
		{
			flavor: 'cxone',
			path: query.path,
			qs: query.qs ?? {},
			listKey: query.listKey,
			unpaged: query.unpaged,
		},
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
					`The ${query.listKey} list of ${query.path} held a record this node cannot read, so nothing was returned rather than part of the list.`,
				);
			}
			records.push(parsed.value);
			if (limit !== undefined && records.length >= limit) return { records, readAtMs };
		}
	}
	return { records, readAtMs };
}
