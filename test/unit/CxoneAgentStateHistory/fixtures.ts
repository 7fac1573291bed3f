// Shared pieces of the history node's unit tests: state-history record and page builders and a
// runner for execute() with n8n-core's real request helpers; the nock-served CXone (records in,
// requests seen) and the clock are the common fixtures' (../fixtures/api.ts).
// CONSTRUCTED data: no real CXone state-history JSON is public.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { CxoneAgentStateHistory } from '../../../nodes/CxoneAgentStateHistory/CxoneAgentStateHistory.node';
import type { ContextOptions, Params } from '../../helpers/n8nContext';
import { createExecuteContext } from '../../helpers/n8nContext';
import type { Raw } from '../fixtures/api';
import { API } from '../fixtures/api';

export { API, BASE, expectAllServed, NOW, serve, useNockAndClock } from '../fixtures/api';
export type { Raw, Seen } from '../fixtures/api';

export const AGENT = 39260750;
export const AGENT_2 = 39260751;
export const V2_PATH = '/reporting/v2/agents/states/history';

export const historyPath = (agent: number | 'all' = AGENT) =>
	agent === 'all' ? `${API}/agents/state-history` : `${API}/agents/${agent}/state-history`;
export const agentsListPath = `${API}/agents`;

/** One custom UTC day, timezone New York for local times, names off (no /agents call). */
export const DAY_PARAMS: Params = {
	agentSelection: 'ids',
	agentIds: String(AGENT),
	timeRange: 'custom',
	start: '2024-05-01T00:00:00Z',
	end: '2024-05-02T00:00:00Z',
	timezone: 'America/New_York',
	splitIntoItems: true,
	options: { resolveAgentNames: false, maxRetries: 0 },
};

export const DAY_START = '2024-05-01T00:00:00.000Z';
export const DAY_END = '2024-05-02T00:00:00.000Z';

/** A CXone state-history record; `start` is UTC ISO, `duration` ISO-8601 or seconds. */
export function cxRecord(
	stateIndex: number,
	start: string,
	duration: string | number,
	extra: Raw = {},
): Raw {
	return {
		stateIndex,
		startDate: start,
		agentId: AGENT,
		agentStateId: 1,
		agentStateName: 'Available',
		agentSessionId: 555,
		contactId: 0,
		skillId: 0,
		skillName: null,
		mediaTypeId: 0,
		mediaTypeName: null,
		fromAddress: null,
		toAddress: null,
		outStateId: 0,
		outStateDescription: null,
		duration,
		isOutbound: false,
		isNaturalCalling: false,
		stationId: 0,
		stationName: null,
		teamNo: 205970,
		...extra,
	};
}

/** A CXone page body. */
export function cxPage(records: Raw[], extra: Raw = {}): Raw {
	return {
		totalRecords: records.length,
		businessUnitId: 4600001,
		lastPollTime: '2024-05-03T00:00:00.000Z',
		_links: { self: null, next: null, previous: null },
		agentStateHistory: records,
		...extra,
	};
}

export type Ctx = ReturnType<typeof createExecuteContext>;

export function context(params: ContextOptions['params'], extra: ContextOptions = {}): Ctx {
	return createExecuteContext({ params, ...extra });
}

export interface Run {
	ctx: Ctx;
	items: INodeExecutionData[];
	json: IDataObject[];
}

const node = new CxoneAgentStateHistory();

/** Runs execute() with DAY_PARAMS overridden by `params` (options merged). */
export async function run(params: Params = {}, extra: ContextOptions = {}): Promise<Run> {
	const merged: Params = {
		...DAY_PARAMS,
		...params,
		options: { ...(DAY_PARAMS.options as Params), ...((params.options as Params) ?? {}) },
	};
	const ctx = context(merged, extra);
	return await runContext(ctx);
}

export async function runContext(ctx: Ctx): Promise<Run> {
	const out = await node.execute.call(ctx);
	expect(out).toHaveLength(1);
	return { ctx, items: out[0], json: out[0].map((i) => i.json) };
}

export async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure');
}

export { node };
