// Version 2 of the CXone node: Get Current picks agents with the Agents block every other node
// shows (From List, Agent IDs, All Agents with teams), so agentIds and teamIds mean the same
// everywhere; version 1 keeps its own two lists.
import { API, currentState, listPage, runCxone, serve, useNockAndClock } from './fixtures';

useNockAndClock();

const V2 = { node: { type: 'CUSTOM.cxone', typeVersion: 2 } };
const base = { resource: 'agentState', operation: 'getCurrent' };

function serveStates() {
	return serve(`${API}/agents/states`, [
		listPage('agentStates', [
			currentState(39260750),
			currentState(39260751, { teamId: 205971, teamName: 'Sales East' }),
			currentState(39260752),
		]),
	]);
}

describe('Get Current, version 2: the shared Agents block', () => {
	it('Agent IDs: a comma-separated text, as in the history node', async () => {
		serveStates();
		const { json } = await runCxone(
			{ ...base, agentSelection: 'ids', agentIds: '39260750, 39260752' },
			V2,
		);
		expect(json.map((j) => j.agentId)).toEqual(['39260750', '39260752']);
	});

	it('From List: one picked agent is read from its own route', async () => {
		const seen = serve(`${API}/agents/39260751/states`, [
			listPage('agentStates', [currentState(39260751)]),
		]);
		const { json } = await runCxone(
			{ ...base, agentSelection: 'list', agentList: ['39260751'] },
			V2,
		);
		expect(seen).toHaveLength(1);
		expect(json.map((j) => j.agentId)).toEqual(['39260751']);
	});

	it('All Agents with teams picked and typed', async () => {
		serveStates();
		const { json } = await runCxone(
			{ ...base, agentSelection: 'all', teamList: ['205971'], teamIds: '' },
			V2,
		);
		expect(json.map((j) => [j.agentId, j.teamName])).toEqual([['39260751', 'Sales East']]);
	});
});
