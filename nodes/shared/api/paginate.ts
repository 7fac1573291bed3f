// Every page of one query, by the paging mode of its format (pageFormats.ts): one pager per mode
// (paging/), each with the guards that keep a misbehaving API from making the node loop forever
// or truncate silently (paging/pageReader.ts).

import type { CxoneFunctions } from './context';
import { offsetPages } from './paging/offsetPager';
import type { FetchedPage, PageQuery, PaginateOptions } from './paging/pageReader';
import { PageReader } from './paging/pageReader';
import { singlePage } from './paging/singlePage';
import { tokenPages } from './paging/tokenPager';

export type { FetchedPage, PageQuery, PaginateOptions } from './paging/pageReader';
export { recordIdentity } from './paging/pageReader';

/**
 * Yields every page of records of `query`, in order. Throws on a page cap, a repeated link or
 * token, a page with no new record, or an answer that ends before the records it promised.
 */
export function paginate(
	this: CxoneFunctions,
	query: PageQuery,
	opts: PaginateOptions = {},
): AsyncGenerator<FetchedPage> {
	switch (query.format.paging) {
		case 'token':
			return tokenPages(new PageReader(this, query, opts, 'page_size'));
		case 'single':
			return singlePage(new PageReader(this, query, opts, 'top'));
		case 'offset':
			return offsetPages(new PageReader(this, query, opts, 'top'));
	}
}
