// Reporting API v2's pages: `page_size`, then the `page_token` each page names, until none.

import type { FetchedPage, PageReader } from './pageReader';
import type { CxoneResponse } from '../request';

export async function* tokenPages(reader: PageReader): AsyncGenerator<FetchedPage> {
	const { path, qs } = reader.query;
	const request = (token?: string) => ({
		url: path,
		qs:
			token === undefined
				? { ...qs, page_size: reader.pageSize }
				: { ...qs, page_size: reader.pageSize, page_token: token },
	});
	let pending: Promise<CxoneResponse> | undefined = reader.send(request());
	for (let pageNo = 1; pending !== undefined; pageNo++) {
		const res = await pending;
		const env = reader.envelope(res);
		if (env === undefined) return;
		const records = reader.fresh(env.records);
		if (records.length === 0) {
			throw reader.notAdvancing(
				pageNo,
				`all ${env.records.length} records were already on earlier pages`,
			);
		}
		// The next request leaves before the caller normalizes this page; its errors come after it.
		let stop: Error | undefined;
		pending = undefined;
		if (env.next !== undefined) {
			if (!reader.follow(env.next)) {
				stop = reader.notAdvancing(pageNo, 'the same page token was returned twice');
			} else if (reader.capped(pageNo)) {
				stop = reader.pageCapReached(pageNo);
			} else {
				pending = reader.send(request(env.next));
			}
		}
		yield reader.page(records, env, res, pageNo);
		if (stop !== undefined) throw stop;
	}
}
