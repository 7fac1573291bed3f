// Shared pieces of the CXone node's unit tests: a runner for execute(); the directory and
// current-state bodies (../fixtures/directory.ts) and the nock-served CXone (../fixtures/api.ts)
// are re-exported for its tests.
import type { IDataObject } from 'n8n-workflow';

import { Cxone } from '../../../nodes/Cxone/Cxone.node';
import type { ContextOptions, Params } from '../../helpers/n8nContext';
import { createExecuteContext } from '../../helpers/n8nContext';

export { API, BASE, expectAllServed, serve, useNockAndClock } from '../fixtures/api';
export type { Raw, Seen } from '../fixtures/api';
export { agent, currentState, listPage, pascal } from '../fixtures/directory';

const node = new Cxone();

export async function runCxone(params: Params, extra: ContextOptions = {}) {
	const ctx = createExecuteContext({
		params: { options: { maxRetries: 0 }, ...params },
		node: { type: 'CUSTOM.cxone' },
		...extra,
	});
	const out = await node.execute.call(ctx);
	expect(out).toHaveLength(1);
	return { ctx, items: out[0], json: out[0].map((i) => i.json as IDataObject) };
}
