// Every record of one list (resources/listResource.ts), validated by its resource's field table:
// the one reader the CXone node's operations and the pickers share, over the same transport as the
// state history.

import type { CxoneFunctions, RequestOptions } from '../api';
import { apiError, paginate } from '../api';
import type { ListQuery } from './listResource';

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
	query: ListQuery<T>,
	transport: RequestOptions,
	limit?: number,
): Promise<ListResult<T>> {
	const { resource } = query;
	const records: T[] = [];
	let readAtMs = Date.now();
	const pages = paginate.call(ctx, query, transport);
	for await (const page of pages) {
		readAtMs = page.readAtMs;
		for (const raw of page.records) {
			const parsed = resource.records.parse(raw);
			if (!parsed.ok) {
				throw apiError(
					ctx.getNode(),
					null,
					`CXone sent an invalid ${resource.what} record: ${parsed.message}`,
					`The list of ${query.path} held a record this node cannot read, so nothing was returned rather than part of the list.`,
				);
			}
			records.push(parsed.value);
			if (limit !== undefined && records.length >= limit) return { records, readAtMs };
		}
	}
	return { records, readAtMs };
}
