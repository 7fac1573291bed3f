// The action node's output contract for one agent, field by field, and the exact requests it sends
// for both API flavors (nock-served CXone, n8n-core's real request helpers).
import type { IDataObject } from 'n8n-workflow';

import {
	AGENT,
	BASE,
	cxPage,
	cxRecord,
	DAY_END,
	DAY_START,
	expectAllServed,
	historyPath,
	run,
	serve,
	useNockAndClock,
	V2_PATH,
} from './fixtures';

useNockAndClock();

// Three states of one agent around the window [2024-05-01T00:00Z, 2024-05-02T00:00Z):
// one began before it, one lies inside it, one is still open at the page's lastPollTime.
const BEFORE = cxRecord(1, '2024-04-30T23:00:00.000Z', 'PT2H', {
	agentId: String(AGENT),
	stateIndex: '1',
	agentSessionId: '555',
	teamNo: '205970',
});
const BREAK = cxRecord(2, '2024-05-01T13:00:00.000Z', 'PT1M30.5S', {
	agentStateId: 2,
	agentStateName: undefined,
	outStateId: 78,
	outStateDescription: 'Break',
});
const OPEN = cxRecord(3, '2024-05-01T20:00:00.000Z', 'P1DT2H', {
	agentStateId: 3,
	agentStateName: 'InboundContact',
	skillName: 'Support Inbound',
	teamNo: undefined,
	teamId: 205971,
});
// The open state ends exactly when CXone read the data: it is still running.
const LAST_POLL = '2024-05-02T22:00:00.000Z';

const WINDOW_FIELDS = { windowStartUtc: DAY_START, windowEndUtc: DAY_END };

describe('one agent, CXone flavor', () => {
	it('turns each record into the contract, with local times, durations and clipping', async () => {
		const seen = serve(historyPath(), [cxPage([BEFORE, BREAK, OPEN], { lastPollTime: LAST_POLL })]);

		const { json, items } = await run();

		expectAllServed();
		expect(json).toEqual([
			{
				recordId: '39260750:555:1',
				agentId: '39260750',
				teamId: '205970',
				agentSessionId: '555',
				stateIndex: 1,
				stateId: 1,
				state: 'Available',
				reasonId: null,
				reason: null,
				label: 'Available',
				category: 'available',
				startTimeUtc: '2024-04-30T23:00:00.000Z',
				endTimeUtc: '2024-05-01T01:00:00.000Z',
				startTime: '2024-04-30T19:00:00.000-04:00',
				endTime: '2024-04-30T21:00:00.000-04:00',
				durationSeconds: 7200,
				durationFormatted: '2h 00m 00s',
				isOpen: false,
				contactId: null,
				skillId: null,
				skillName: null,
				mediaTypeName: null,
				isOutbound: false,
				...WINDOW_FIELDS,
				// Only the hour inside the window counts.
				clippedDurationSeconds: 3600,
			},
			{
				recordId: '39260750:555:2',
				agentId: '39260750',
				teamId: '205970',
				agentSessionId: '555',
				stateIndex: 2,
				stateId: 2,
				// No agentStateName: the name comes from the state table.
				state: 'Unavailable',
				reasonId: 78,
				reason: 'Break',
				label: 'Break',
				category: 'unavailable',
				startTimeUtc: '2024-05-01T13:00:00.000Z',
				endTimeUtc: '2024-05-01T13:01:30.500Z',
				startTime: '2024-05-01T09:00:00.000-04:00',
				endTime: '2024-05-01T09:01:30.500-04:00',
				durationSeconds: 90.5,
				durationFormatted: '1m 30s',
				isOpen: false,
				contactId: null,
				skillId: null,
				skillName: null,
				mediaTypeName: null,
				isOutbound: false,
				...WINDOW_FIELDS,
				clippedDurationSeconds: 90.5,
			},
			{
				recordId: '39260750:555:3',
				agentId: '39260750',
				teamId: '205971',
				agentSessionId: '555',
				stateIndex: 3,
				stateId: 3,
				state: 'InboundContact',
				reasonId: null,
				reason: null,
				label: 'InboundContact',
				category: 'working',
				startTimeUtc: '2024-05-01T20:00:00.000Z',
				endTimeUtc: null,
				startTime: '2024-05-01T16:00:00.000-04:00',
				endTime: null,
				durationSeconds: 93600,
				durationFormatted: '1d 02h 00m 00s',
				isOpen: true,
				contactId: null,
				skillId: null,
				skillName: 'Support Inbound',
				mediaTypeName: null,
				isOutbound: false,
				...WINDOW_FIELDS,
				clippedDurationSeconds: 4 * 3600,
			},
		]);
		// The contract's field order (Sheets and the table view show columns in it).
		expect(Object.keys(json[0]).slice(0, 4)).toEqual([
			'recordId',
			'agentId',
			'teamId',
			'agentSessionId',
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);

		expect(seen).toHaveLength(1);
		expect(seen[0].query).toEqual({
			startDate: DAY_START,
			endDate: DAY_END,
			top: '1000',
			skip: '0',
		});
		// A literal Z (never +00:00) reaches the wire.
		expect(decodeURIComponent(seen[0].rawQuery)).toContain('startDate=2024-05-01T00:00:00.000Z');
		expect(decodeURIComponent(seen[0].rawQuery)).toContain('endDate=2024-05-02T00:00:00.000Z');
	});

	it('sends the chosen page size as top and reads the API version from the credential', async () => {
		const seen = serve('/inContactAPI/services/v30.0/agents/39260750/state-history', [
			cxPage([BREAK]),
		]);
		const { json } = await run(
			{ options: { pageSize: 250 } },
			{ credentials: { apiVersion: 'v30.0' } },
		);
		expect(json.map((j) => j.recordId)).toEqual(['39260750:555:2']);
		expect(seen[0].query).toMatchObject({ top: '250', skip: '0' });
	});

	it('uses the workflow timezone when the Timezone parameter is empty', async () => {
		serve(historyPath(), [cxPage([BREAK])]);
		const { json } = await run({ timezone: '' }, { timezone: 'Asia/Kolkata' });
		expect(json[0]).toMatchObject({
			startTime: '2024-05-01T18:30:00.000+05:30',
			endTime: '2024-05-01T18:31:30.500+05:30',
		});
	});

	it('reads a custom start and end without an offset in the chosen timezone', async () => {
		const seen = serve(historyPath(), [cxPage([BREAK])]);
		await run({ start: '2024-05-01T00:00:00', end: '2024-05-02T00:00:00' });
		expect(seen[0].query).toMatchObject({
			startDate: '2024-05-01T04:00:00.000Z',
			endDate: '2024-05-02T04:00:00.000Z',
		});
	});

	it('reads "last N hours" back from now', async () => {
		const seen = serve(historyPath(), [cxPage([BREAK])]);
		await run({ timeRange: 'lastHours', hours: 6 });
		expect(seen[0].query).toMatchObject({
			startDate: '2024-05-02T18:00:00.000Z',
			endDate: '2024-05-03T00:00:00.000Z',
		});
	});

	it('reads a custom end in the future only up to now', async () => {
		const seen = serve(historyPath(), [cxPage([BREAK])]);
		const { json } = await run({ end: '2024-06-01T00:00:00Z', options: { chunkHours: 72 } });
		expect(seen[0].query.endDate).toBe('2024-05-03T00:00:00.000Z');
		expect(json[0].windowEndUtc).toBe('2024-05-03T00:00:00.000Z');
	});

	it('reports states as returned, or only those that start in the window', async () => {
		serve(historyPath(), [cxPage([BEFORE, BREAK])]);
		const asReturned = await run({ options: { boundary: 'asReturned' } });
		expect(asReturned.json.map((j) => j.recordId)).toEqual(['39260750:555:1', '39260750:555:2']);
		expect(asReturned.json[0]).not.toHaveProperty('clippedDurationSeconds');
		expect(asReturned.json[0]).not.toHaveProperty('windowStartUtc');
		expect(asReturned.json[0].durationSeconds).toBe(7200);

		serve(historyPath(), [cxPage([BEFORE, BREAK])]);
		const startIn = await run({ options: { boundary: 'startInWindow', includeSummary: true } });
		expect(startIn.json.map((j) => j.recordId ?? j.itemType)).toEqual([
			'39260750:555:2',
			'agentSummary',
			'windowSummary',
		]);
		expect(startIn.json[0]).not.toHaveProperty('clippedDurationSeconds');
		expect(startIn.json[0]).toMatchObject(WINDOW_FIELDS);
		expect(startIn.json[2]).toMatchObject({ outsideWindowRecords: 1, totalSeconds: 90.5 });
	});

	it('reads durations sent as seconds or numeric strings', async () => {
		serve(historyPath(), [
			cxPage([
				cxRecord(4, '2024-05-01T10:00:00.000Z', 61.25),
				cxRecord(5, '2024-05-01T11:00:00.000Z', '3725'),
			]),
		]);
		const { json } = await run();
		expect(json.map((j) => [j.durationSeconds, j.durationFormatted, j.endTimeUtc])).toEqual([
			[61.25, '1m 01s', '2024-05-01T10:01:01.250Z'],
			[3725, '1h 02m 05s', '2024-05-01T12:02:05.000Z'],
		]);
	});
});

describe('one agent, Reporting API v2 flavor', () => {
	const v2 = (extra: IDataObject) => ({
		user_id: '39260750',
		user_name: 'Ada Lovelace',
		team_id: 205970,
		team_name: 'Support',
		session_id: 'S-77',
		state_index: 4,
		state_id: 4,
		state_name: 'BREAK',
		reason_id: 78,
		reason_name: 'Break',
		start_time: '2024-05-01T09:00:00.000-04:00',
		end_time: '2024-05-01T09:15:00.000-04:00',
		duration: 900,
		...extra,
	});

	it('sends user_id, UTC dates, timezone and page_size, follows page tokens, maps the records', async () => {
		const seen = serve(V2_PATH, [
			{ records: [v2({})], next_page_token: 'tok-2' },
			{
				records: [
					v2({
						state_index: 5,
						state_id: 2,
						state_name: null,
						reason_id: 0,
						reason_name: null,
						start_time: '2024-05-01T19:30:00.000-04:00',
						end_time: null,
						duration: null,
					}),
				],
				pagination: { next_page_token: '' },
			},
		]);
		// Open v2 states run until now (the response time).
		jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2024-05-01T23:45:00.000Z'));

		const { json } = await run(
			{ end: '2024-05-01T23:50:00Z', options: { pageSize: 1 } },
			{ credentials: { apiFlavor: 'reportingV2' } },
		);

		expectAllServed();
		expect(seen.map((s) => s.query)).toEqual([
			{
				user_id: '39260750',
				start_date_time: DAY_START,
				end_date_time: '2024-05-01T23:45:00.000Z',
				timezone: 'America/New_York',
				page_size: '1',
			},
			{
				user_id: '39260750',
				start_date_time: DAY_START,
				end_date_time: '2024-05-01T23:45:00.000Z',
				timezone: 'America/New_York',
				page_size: '1',
				page_token: 'tok-2',
			},
		]);
		const window = { windowStartUtc: DAY_START, windowEndUtc: '2024-05-01T23:45:00.000Z' };
		expect(json).toEqual([
			{
				recordId: '39260750:S-77:4',
				agentId: '39260750',
				agentName: 'Ada Lovelace',
				teamName: 'Support',
				teamId: '205970',
				agentSessionId: 'S-77',
				stateIndex: 4,
				stateId: 4,
				state: 'BREAK',
				reasonId: 78,
				reason: 'Break',
				label: 'Break',
				category: 'unavailable',
				startTimeUtc: '2024-05-01T13:00:00.000Z',
				endTimeUtc: '2024-05-01T13:15:00.000Z',
				startTime: '2024-05-01T09:00:00.000-04:00',
				endTime: '2024-05-01T09:15:00.000-04:00',
				durationSeconds: 900,
				durationFormatted: '15m 00s',
				isOpen: false,
				...window,
				clippedDurationSeconds: 900,
			},
			{
				recordId: '39260750:S-77:5',
				agentId: '39260750',
				agentName: 'Ada Lovelace',
				teamName: 'Support',
				teamId: '205970',
				agentSessionId: 'S-77',
				stateIndex: 5,
				stateId: 2,
				state: 'READY',
				reasonId: null,
				reason: null,
				label: 'READY',
				category: 'available',
				startTimeUtc: '2024-05-01T23:30:00.000Z',
				endTimeUtc: null,
				startTime: '2024-05-01T19:30:00.000-04:00',
				endTime: null,
				durationSeconds: 900,
				durationFormatted: '15m 00s',
				isOpen: true,
				...window,
				clippedDurationSeconds: 900,
			},
		]);
	});

	it('never calls the agent list: v2 records carry the names', async () => {
		serve(V2_PATH, [{ records: [v2({})], next_page_token: null }]);
		const { json, ctx } = await run(
			{ options: { resolveAgentNames: true } },
			{ credentials: { apiFlavor: 'reportingV2' } },
		);
		expect(json).toHaveLength(1);
		expect(ctx.harness.authCalls.map((c) => c.url)).toEqual([V2_PATH]);
	});

	it('accepts non-numeric user ids for v2', async () => {
		const seen = serve(V2_PATH, [{ records: [], next_page_token: '' }]);
		const { json } = await run(
			{ agentIds: 'agent-abc' },
			{ credentials: { apiFlavor: 'reportingV2' } },
		);
		expect(seen[0].query.user_id).toBe('agent-abc');
		expect(json).toEqual([
			{
				itemType: 'noRecords',
				message: 'No agent states in this window',
				window: { startUtc: DAY_START, endUtc: DAY_END },
				invalidRecords: 0,
			},
		]);
	});
});

it('talks to the base URL stored in the credential only', async () => {
	expect(BASE).toBe('https://api-test.cxone.invalid');
	serve(historyPath(), [cxPage([BREAK])]);
	const { ctx } = await run();
	expect(ctx.harness.authCalls).toEqual([
		expect.objectContaining({ credentialsType: 'cxoneOAuth2Api', url: historyPath() }),
	]);
});
