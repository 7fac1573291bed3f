// Which agents: several agents from several input items, all agents with a team filter, and agent
// names from one GET /agents per execution (a refusal is a warning, not a failure).
import { NodeApiError } from 'n8n-workflow';

import type { Params } from '../../helpers/n8nContext';
import {
	AGENT,
	AGENT_2,
	agentsListPath,
	context,
	cxPage,
	cxRecord,
	DAY_PARAMS,
	expectAllServed,
	failure,
	historyPath,
	run,
	runContext,
	serve,
	useNockAndClock,
} from './fixtures';

useNockAndClock();

const AGENT_3 = 39260752;

const agentList = {
	totalRecords: 3,
	_links: { next: null },
	agents: [
		{ agentId: AGENT, firstName: 'Ada', lastName: 'Lovelace', teamId: 205970, teamName: 'Support' },
		{ agentId: AGENT_2, firstName: 'Alan', lastName: 'Turing', teamId: 205971, teamName: 'Sales' },
		{ agentId: AGENT_3, userName: 'grace@example.com', teamId: 205971, teamName: 'Sales' },
	],
};

const namesOn = (params: Params = {}): Params => ({
	...params,
	options: { ...((params.options as Params) ?? {}), resolveAgentNames: true },
});

describe('several input items', () => {
	it('reads each item its own agents and pairs every output item to its input item', async () => {
		serve(historyPath(AGENT), [cxPage([cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT10M')])]);
		serve(historyPath(AGENT_2), [
			cxPage([
				cxRecord(1, '2024-05-01T09:00:00.000Z', 'PT10M', { agentId: AGENT_2 }),
				cxRecord(2, '2024-05-01T09:10:00.000Z', 'PT5M', { agentId: AGENT_2 }),
			]),
		]);
		serve(historyPath(AGENT_3), [[204, '']]);
		const ids = [AGENT, AGENT_2, AGENT_3];
		const ctx = context((i) => ({ ...DAY_PARAMS, agentIds: String(ids[i]) }), {
			inputItems: ids.map((id) => ({ json: { id } })),
		});

		const { items } = await runContext(ctx);

		expectAllServed();
		expect(items.map((i) => [i.json.recordId ?? i.json.itemType, i.pairedItem])).toEqual([
			['39260750:555:1', { item: 0 }],
			['39260751:555:1', { item: 1 }],
			['39260751:555:2', { item: 1 }],
			['noRecords', { item: 2 }],
		]);
	});

	it('accepts a list of ids (commas, spaces, numbers from expressions) and drops duplicates', async () => {
		serve(historyPath(AGENT), [[204, '']]);
		serve(historyPath(AGENT_2), [[204, '']]);
		const { ctx } = await run({ agentIds: [AGENT, `${AGENT_2}, ${AGENT}`] });
		expectAllServed();
		expect(ctx.harness.authCalls.map((c) => c.url).sort()).toEqual(
			[historyPath(AGENT), historyPath(AGENT_2)].sort(),
		);
	});
});

describe('all agents', () => {
	const records = [
		cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT10M', { teamNo: 205970 }),
		cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT20M', {
			agentId: AGENT_2,
			teamNo: undefined,
			teamId: '205971',
		}),
		// No team field: the agent list supplies it.
		cxRecord(1, '2024-05-01T09:00:00.000Z', 'PT30M', { agentId: AGENT_3, teamNo: undefined }),
	];

	it('reads the all-agents endpoint once and keeps only the chosen teams', async () => {
		const seen = serve(historyPath('all'), [cxPage(records)]);
		serve(agentsListPath, [agentList]);

		const { json } = await run(
			namesOn({ agentSelection: 'all', teamIds: '205971', agentIds: undefined }),
		);

		expectAllServed();
		expect(seen.map((s) => s.path)).toEqual(['/inContactAPI/services/v27.0/agents/state-history']);
		expect(json.map((j) => [j.agentId, j.teamId, j.agentName, j.teamName])).toEqual([
			['39260751', '205971', 'Alan Turing', 'Sales'],
			['39260752', '205971', 'grace@example.com', 'Sales'],
		]);
	});

	it('keeps every team when Team IDs is empty', async () => {
		serve(historyPath('all'), [cxPage(records)]);
		const { json } = await run({ agentSelection: 'all', teamIds: '' });
		expect(json.map((j) => [j.agentId, j.teamId])).toEqual([
			['39260750', '205970'],
			['39260751', '205971'],
			['39260752', null],
		]);
	});
});

describe('agent names', () => {
	it('adds agentName and teamName in the contract order, reading the agent list once', async () => {
		serve(historyPath(AGENT), [cxPage([cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT10M')])]);
		serve(historyPath(AGENT_2), [
			cxPage([cxRecord(1, '2024-05-01T09:00:00.000Z', 'PT10M', { agentId: AGENT_2 })]),
		]);
		const seenAgents = serve(agentsListPath, [agentList]);
		const ids = [AGENT, AGENT_2];
		const ctx = context((i) => namesOn({ ...DAY_PARAMS, agentIds: String(ids[i]) }), {
			inputItems: [{ json: {} }, { json: {} }],
		});

		const { json } = await runContext(ctx);

		expectAllServed();
		expect(seenAgents).toHaveLength(1);
		expect(seenAgents[0].query).toEqual({ skip: '0', top: '1000' });
		expect(json.map((j) => [j.agentName, j.teamName])).toEqual([
			['Ada Lovelace', 'Support'],
			['Alan Turing', 'Sales'],
		]);
		expect(Object.keys(json[0]).slice(0, 5)).toEqual([
			'recordId',
			'agentId',
			'agentName',
			'teamName',
			'teamId',
		]);
	});

	it('skips the agent list when no records came back', async () => {
		serve(historyPath(AGENT), [[204, '']]);
		const { json, ctx } = await run(namesOn());
		expect(json[0].itemType).toBe('noRecords');
		expect(ctx.harness.authCalls.map((c) => c.url)).toEqual([historyPath(AGENT)]);
	});

	it('turns a 403 on the agent list into warnings on every item; the states still come', async () => {
		serve(historyPath(AGENT), [
			cxPage([
				cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT10M'),
				cxRecord(2, '2024-05-01T08:10:00.000Z', 'PT10M'),
			]),
		]);
		serve(agentsListPath, [
			[
				403,
				{ message: 'The API user does not have permission to view agents.' },
				{ icStatusDescription: 'Forbidden' },
			],
		]);

		const { json } = await run(namesOn({ options: { includeSummary: true } }));

		expectAllServed();
		const warning =
			'Agent names not resolved: CXone refused the list of agents (HTTP 403: CXone API request failed with HTTP 403: The API user does not have permission to view agents.). Give the API user\'s role the permission Users (Employees) - View, or turn off "Resolve Agent Names".';
		expect(json.map((j) => [j.recordId ?? j.itemType, j.warnings])).toEqual([
			['39260750:555:1', [warning]],
			['39260750:555:2', [warning]],
			['agentSummary', [warning]],
			['windowSummary', [warning]],
		]);
		expect(json[0]).not.toHaveProperty('agentName');
	});

	it('fails the item on other agent-list errors, and tries the list again for the next item', async () => {
		const record = cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT10M');
		serve(historyPath(AGENT), [cxPage([record]), cxPage([record])]);
		serve(agentsListPath, [[404, { message: 'Not found' }], agentList]);
		const ctx = context(namesOn(DAY_PARAMS), {
			inputItems: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});

		const { items } = await runContext(ctx);

		expectAllServed();
		expect(items.map((i) => [i.json.error ?? i.json.agentName, i.pairedItem])).toEqual([
			['CXone API request failed with HTTP 404: Not found', { item: 0 }],
			['Ada Lovelace', { item: 1 }],
		]);
	});

	it('without continueOnFail an agent-list error is a NodeApiError of the item', async () => {
		serve(historyPath(AGENT), [cxPage([cxRecord(1, '2024-05-01T08:00:00.000Z', 'PT10M')])]);
		serve(agentsListPath, [[404, { message: 'Not found' }]]);
		const error = (await failure(run(namesOn()))) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(0);
	});
});
