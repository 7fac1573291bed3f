import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	agent,
	API,
	currentState,
	expectAllServed,
	listPage,
	pascal,
	runCxone,
	serve,
	useNockAndClock,
} from './fixtures';

useNockAndClock();

const AVA = agent(39260750, 'Ava', 'Adams');
const BEN = agent(39260751, 'Ben', 'Brown', { teamId: 205971, teamName: 'Sales East' });
const OLD = agent(39260752, 'Cy', 'Chen', { isActive: false });

describe('Agent', () => {
	it('Get returns the agent by id, names joined', async () => {
		const seen = serve(`${API}/agents/39260750`, [{ agents: [AVA] }]);
		const { json, items } = await runCxone({
			resource: 'agent',
			operation: 'get',
			agentId: { __rl: true, mode: 'list', value: '39260750' },
		});
		expectAllServed();
		expect(seen[0].query).toEqual({});
		expect(json).toEqual([
			{
				agentId: '39260750',
				agentName: 'Ava Adams',
				firstName: 'Ava',
				lastName: 'Adams',
				userName: 'ava.adams@example.com',
				emailAddress: 'ava.adams@example.com',
				isActive: true,
				teamId: '205970',
				teamName: 'Global Help Desk',
				isSupervisor: false,
				timeZone: 'Eastern Standard Time',
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('Get rejects an id that is not a number, naming the parameter', async () => {
		const run = runCxone({ resource: 'agent', operation: 'get', agentId: 'Ava' });
		await expect(run).rejects.toThrow(NodeOperationError);
		await expect(runCxone({ resource: 'agent', operation: 'get', agentId: 'Ava' })).rejects.toThrow(
			/Agent "Ava" is not a CXone agent ID/,
		);
	});

	it('Get reports a 404 with its status and CXone message', async () => {
		serve(`${API}/agents/39269999`, [[404, { error: 'Agent not found' }]]);
		const error = await runCxone({
			resource: 'agent',
			operation: 'get',
			agentId: '39269999',
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
		expect((error as NodeApiError).message).toContain('Agent not found');
	});

	it('Get Many pages through every agent with the filters sent to CXone', async () => {
		const seen = serve(`${API}/agents`, [
			listPage('agents', [AVA, BEN], { totalRecords: 3 }),
			listPage('agents', [OLD], { totalRecords: 3 }),
		]);
		const { json } = await runCxone({
			resource: 'agent',
			operation: 'getMany',
			returnAll: true,
			activeOnly: false,
			filters: { searchString: ' a ' },
			options: { maxRetries: 0, pageSize: 2 },
		});
		expectAllServed();
		expect(seen.map((s) => s.query)).toEqual([
			{ searchString: 'a', skip: '0', top: '2' },
			{ searchString: 'a', skip: '2', top: '2' },
		]);
		expect(json.map((j) => [j.agentId, j.agentName, j.isActive])).toEqual([
			['39260750', 'Ava Adams', true],
			['39260751', 'Ben Brown', true],
			['39260752', 'Cy Chen', false],
		]);
	});

	it('Get Many keeps active agents of the team, up to Limit', async () => {
		const seen = serve(`${API}/agents`, [listPage('agents', [AVA, BEN, OLD])]);
		const { json } = await runCxone({
			resource: 'agent',
			operation: 'getMany',
			returnAll: false,
			limit: 1,
			activeOnly: true,
			filters: { teamId: '205970' },
		});
		expect(seen[0].query).toMatchObject({ isActive: 'true', teamId: '205970' });
		// Cy is inactive, Ben is in another team: even if CXone ignored the filters.
		expect(json.map((j) => j.agentId)).toEqual(['39260750']);
	});

	it('Get Many reads PascalCase agents and string flags', async () => {
		serve(`${API}/agents`, [
			{ TotalRecords: 1, Agents: [pascal({ ...AVA, isActive: 'False', agentId: '39260750' })] },
		]);
		const { json } = await runCxone({
			resource: 'agent',
			operation: 'getMany',
			returnAll: true,
			activeOnly: false,
		});
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ agentId: '39260750', agentName: 'Ava Adams', isActive: false });
	});

	it('Get Many of an empty business unit (204) gives no items', async () => {
		serve(`${API}/agents`, [[204, '']]);
		const { json } = await runCxone({ resource: 'agent', operation: 'getMany', returnAll: true });
		expect(json).toEqual([]);
	});

	it('a refused list is a NodeApiError with the status; continueOnFail pairs an error item', async () => {
		serve(`${API}/agents`, [
			[403, { message: 'The API user does not have permission to view agents.' }],
		]);
		const { json, items } = await runCxone(
			{ resource: 'agent', operation: 'getMany', returnAll: true },
			{ continueOnFail: true },
		);
		expect(json).toHaveLength(1);
		expect(String(json[0].error)).toContain('HTTP 403');
		expect(String(json[0].error)).toContain('does not have permission to view agents');
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('a record without agentId fails the item, naming the field', async () => {
		serve(`${API}/agents`, [listPage('agents', [{ ...AVA, agentId: null }])]);
		await expect(
			runCxone({ resource: 'agent', operation: 'getMany', returnAll: true }),
		).rejects.toThrow(/invalid agent record: field "agentId"/);
	});
});

describe('Team', () => {
	it('Get Many lists teams with counts', async () => {
		const seen = serve(`${API}/teams`, [
			listPage('teams', [
				{ teamId: 205970, teamName: 'Global Help Desk', isActive: true, agentCount: 12 },
				{ teamId: '205971', teamName: 'Sales East', isActive: true, agentCount: '4' },
				{ teamId: 205972, teamName: 'Old Team', isActive: false, agentCount: 0 },
			]),
		]);
		const { json } = await runCxone({
			resource: 'team',
			operation: 'getMany',
			returnAll: true,
			activeOnly: true,
			searchString: '',
		});
		expect(seen[0].query).toEqual({ isActive: 'true', skip: '0', top: '1000' });
		expect(json).toEqual([
			{
				teamId: '205970',
				teamName: 'Global Help Desk',
				isActive: true,
				agentCount: 12,
				description: null,
			},
			{
				teamId: '205971',
				teamName: 'Sales East',
				isActive: true,
				agentCount: 4,
				description: null,
			},
		]);
	});
});

describe('Unavailable Code', () => {
	it('Get Many of the business unit reads { id, name, isACW, agentTimeout }', async () => {
		const seen = serve(`${API}/unavailable-codes`, [
			listPage('unavailableCodes', [
				{ id: 78, name: 'Break', isActive: true, isACW: false, agentTimeout: null },
				{ id: 77, name: 'Lunch', isActive: true, isACW: false, agentTimeout: 75 },
				{ id: 90, name: 'Wrap Up', isActive: true, isACW: true, agentTimeout: '5' },
			]),
		]);
		const { json } = await runCxone({
			resource: 'unavailableCode',
			operation: 'getMany',
			returnAll: true,
			activeOnly: true,
			teamId: '',
		});
		expect(seen[0].query).toMatchObject({ isActive: 'true' });
		expect(json).toEqual([
			{ id: 78, name: 'Break', isActive: true, isAcw: false, agentTimeoutMins: null },
			{ id: 77, name: 'Lunch', isActive: true, isAcw: false, agentTimeoutMins: 75 },
			{ id: 90, name: 'Wrap Up', isActive: true, isAcw: true, agentTimeoutMins: 5 },
		]);
	});

	it("a team's codes: outstateId casing, one request, inactive dropped", async () => {
		const seen = serve(`${API}/teams/205970/unavailable-codes`, [
			{
				teamId: 205970,
				teamName: 'Global Help Desk',
				unavailableCodes: [
					{ outstateId: 78, outstateName: 'Break', isActive: true, isAcw: false },
					{ outstateId: 79, outstateName: 'Old', isActive: false, isAcw: false },
				],
			},
		]);
		const { json } = await runCxone({
			resource: 'unavailableCode',
			operation: 'getMany',
			returnAll: true,
			activeOnly: true,
			teamId: '205970',
		});
		expectAllServed();
		expect(seen.map((s) => s.query)).toEqual([{ activeOnly: 'true' }]);
		expect(json).toEqual([
			{ id: 78, name: 'Break', isActive: true, isAcw: false, agentTimeoutMins: null },
		]);
	});

	it('the older resultSet wrapper with outStateId/outStateName', async () => {
		serve(`${API}/teams/205970/unavailable-codes`, [
			{
				resultSet: {
					teamId: 205970,
					unavailableCodes: [{ outStateId: '77', outStateName: 'Lunch', isActive: 'true' }],
				},
			},
		]);
		const { json } = await runCxone({
			resource: 'unavailableCode',
			operation: 'getMany',
			returnAll: false,
			limit: 10,
			activeOnly: false,
			teamId: '205970',
		});
		expect(json).toEqual([
			{ id: 77, name: 'Lunch', isActive: true, isAcw: null, agentTimeoutMins: null },
		]);
	});

	it('a code without any id is an error, not a guess', async () => {
		serve(`${API}/unavailable-codes`, [listPage('unavailableCodes', [{ name: 'Mystery' }])]);
		await expect(
			runCxone({ resource: 'unavailableCode', operation: 'getMany', returnAll: true, teamId: '' }),
		).rejects.toThrow(/without an id \(name "Mystery"\)/);
	});
});

describe('Agent State: Get Current', () => {
	const base = { resource: 'agentState', operation: 'getCurrent', agentIds: [], teamIds: [] };

	it('one item per agent: state, reason, label, start, duration so far', async () => {
		const seen = serve(`${API}/agents/states`, [
			listPage(
				'agentStates',
				[
					currentState(39260750),
					currentState(39260751, {
						agentStateId: 1,
						agentStateName: 'Available',
						outStateId: 0,
						outStateDescription: null,
						firstName: 'Ben',
						lastName: 'Brown',
						startDate: '2024-05-02T22:00:00.000Z',
					}),
				],
				{ lastPollTime: '2024-05-02T23:59:00.000Z' },
			),
		]);
		const { json } = await runCxone({ ...base, options: { timezone: 'America/New_York' } });
		expect(seen[0].path).toBe(`${API}/agents/states`);
		expect(json).toEqual([
			{
				agentId: '39260750',
				agentName: 'Ava Adams',
				teamId: '205970',
				teamName: 'Global Help Desk',
				stateId: 2,
				state: 'Unavailable',
				reasonId: 78,
				reason: 'Break',
				label: 'Break',
				category: 'unavailable',
				startTimeUtc: '2024-05-02T23:40:00.000Z',
				startTime: '2024-05-02T19:40:00.000-04:00',
				// To CXone's lastPollTime, not to our clock.
				durationSeconds: 1140,
				durationFormatted: '19m 00s',
				isOpen: true,
				isAcw: false,
				skillName: null,
				contactId: null,
				lastUpdateTimeUtc: '2024-05-02T23:40:00.000Z',
				readAtUtc: '2024-05-02T23:59:00.000Z',
			},
			expect.objectContaining({
				agentId: '39260751',
				agentName: 'Ben Brown',
				state: 'Available',
				reasonId: null,
				reason: null,
				label: 'Available',
				category: 'available',
				durationSeconds: 7140,
			}),
		]);
	});

	it('overThreshold by the threshold rows: the reason row, else the state row, else Any Other State', async () => {
		serve(`${API}/agents/states`, [
			listPage('agentStates', [
				// 20 minutes on Break, 20 on Lunch, 2 hours Available, 20 in ACW.
				currentState(1),
				currentState(2, { outStateId: 77, outStateDescription: 'Lunch' }),
				currentState(3, {
					agentStateId: 1,
					agentStateName: 'Available',
					outStateId: 0,
					outStateDescription: null,
					startDate: '2024-05-02T22:00:00.000Z',
				}),
				currentState(4, { outStateId: 90, outStateDescription: 'ACW' }),
			]),
		]);
		const { json } = await runCxone({
			...base,
			options: {
				thresholds: {
					rules: [
						{ label: 'break', minutes: 15 },
						{ label: 'Lunch', minutes: 60 },
						{ label: 'Unavailable', minutes: 10 },
					],
				},
				otherStatesMinutes: 180,
			},
		});
		expect(json.map((j) => [j.label, j.durationSeconds, j.overThreshold])).toEqual([
			['Break', 1200, true],
			['Lunch', 1200, false],
			['Available', 7200, false],
			// No ACW row: the Unavailable row applies.
			['ACW', 1200, true],
		]);
	});

	it('no threshold rows: no overThreshold field; a bad row names the parameter', async () => {
		serve(`${API}/agents/states`, [listPage('agentStates', [currentState(1)])]);
		const { json } = await runCxone(base);
		expect(json[0]).not.toHaveProperty('overThreshold');
		await expect(
			runCxone({
				...base,
				options: { thresholds: { rules: [{ label: 'Break', minutes: -1 }] } },
			}),
		).rejects.toThrow(/Thresholds row 1 \("Break"\): Minutes must be a number of 0 or more/);
	});

	it('reads the PascalCase shape with ids as strings', async () => {
		serve(`${API}/agents/states`, [
			{
				TotalRecords: '1',
				AgentStates: [
					pascal({
						...currentState(39260750),
						agentId: '39260750',
						agentStateId: '2',
						outStateId: '77',
						outStateDescription: 'Lunch',
						isACW: 'false',
					}),
				],
			},
		]);
		const { json } = await runCxone(base);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			agentId: '39260750',
			stateId: 2,
			reasonId: 77,
			label: 'Lunch',
			isAcw: false,
			// No lastPollTime: the duration runs to the answer's arrival (the test clock).
			durationSeconds: 1200,
		});
	});

	it('a logged-out agent without a start has null times', async () => {
		serve(`${API}/agents/states`, [
			listPage('agentStates', [
				currentState(39260752, {
					agentStateId: 0,
					agentStateName: 'LoggedOut',
					outStateId: 0,
					outStateDescription: null,
					startDate: null,
				}),
			]),
		]);
		const { json } = await runCxone(base);
		expect(json[0]).toMatchObject({
			state: 'LoggedOut',
			category: 'loggedOut',
			label: 'LoggedOut',
			startTimeUtc: null,
			startTime: null,
			durationSeconds: null,
			durationFormatted: null,
		});
	});

	it('one agent: its own path; updatedSince in UTC with Z; teams filter', async () => {
		const seen = serve(`${API}/agents/39260750/states`, [
			listPage('agentStates', [currentState(39260750)]),
		]);
		const { json } = await runCxone({
			...base,
			agentIds: ['39260750'],
			teamIds: ['205970'],
			options: { updatedSince: '2024-05-02T23:00:00+02:00' },
		});
		expect(seen[0].query).toEqual({
			updatedSince: '2024-05-02T21:00:00.000Z',
			skip: '0',
			top: '1000',
		});
		expect(json.map((j) => j.agentId)).toEqual(['39260750']);
	});

	it('Updated Since without an offset is read in the chosen timezone, as Start and End are', async () => {
		const seen = serve(`${API}/agents/states`, [listPage('agentStates', [currentState(1)])]);
		await runCxone({
			...base,
			options: { timezone: 'America/New_York', updatedSince: '2024-05-02T19:00:00' },
		});
		expect(seen[0].query.updatedSince).toBe('2024-05-02T23:00:00.000Z');
	});

	it('a reason without an id keeps its name, as in the state history', async () => {
		serve(`${API}/agents/states`, [
			listPage('agentStates', [
				currentState(1, { outStateId: null, outStateDescription: 'Break' }),
			]),
		]);
		const { json } = await runCxone(base);
		expect(json[0]).toMatchObject({ reasonId: null, reason: 'Break', label: 'Break' });
	});

	it('several agents: one request for all, only those agents kept', async () => {
		serve(`${API}/agents/states`, [
			listPage('agentStates', [currentState(39260750), currentState(39260751), currentState(1)]),
		]);
		const { json } = await runCxone({ ...base, agentIds: '39260751, 1' });
		expect(json.map((j) => j.agentId)).toEqual(['39260751', '1']);
	});

	it('bad inputs name their parameter', async () => {
		await expect(runCxone({ ...base, agentIds: ['Ava'] })).rejects.toThrow(/"Ava" is not numeric/);
		await expect(runCxone({ ...base, teamIds: ['Sales'] })).rejects.toThrow(
			/Team IDs: "Sales" is not numeric/,
		);
		await expect(runCxone({ ...base, options: { updatedSince: 'yesterday' } })).rejects.toThrow(
			/Updated Since "yesterday" is not a date-time/,
		);
		await expect(runCxone({ ...base, options: { timezone: 'Mars/Base' } })).rejects.toThrow(
			/Timezone "Mars\/Base" is not an IANA timezone name/,
		);
	});

	it('the Reporting API v2 flavor is refused with the fix', async () => {
		await expect(
			runCxone(base, { credentials: { apiFlavor: 'reportingV2' } }),
		).rejects.toMatchObject({
			message:
				'The CXone node\'s agents, teams, unavailable codes, states and performance come from the CXone API, and this credential uses the "Reporting API v2" flavor, which has no agent, team or unavailable-code lists. Choose a credential with API Flavor "CXone Reporting API".',
			description: 'Check the "credential" parameter.',
		});
	});
});
