// An endpoint that answers with its whole list at once (one agent, a team's unavailable codes).

import type { FetchedPage, PageReader } from './pageReader';

export async function* singlePage(reader: PageReader): AsyncGenerator<FetchedPage> {
	const { path, qs } = reader.query;
	const res = await reader.send({ url: path, qs: { ...qs } });
	const env = reader.envelope(res);
	if (env === undefined) return;
	yield reader.page(reader.fresh(env.records), env, res, 1);
}
