// The node's output options: split on/off, summary items, sort orders, state-name overrides,
// threshold flags, the raw record, invalid records and the "no records" item.
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import {
	AGENT,
	AGENT_2,
	cxPage,
	cxRecord,
	DAY_END,
	DAY_START,
	failure,
	historyPath,
	run,
	serve,
	useNockAndClock,
} from './fixtures';

useNockAndClock();

const WINDOW = { startUtc: DAY_START, endUtc: DAY_END };

// Agent 1: a state from before the window (clipped), a 20-min break, a 40-min lunch, a 5-min break.
const A1 = [
	cxRecord(1, '2024-04-30T23:30:00.000Z', 'PT1H'),
	cxRecord(2, '2024-05-01T10:00:00.000Z', 'PT20M', {
		agentStateId: 2,
		agentStateName: 'Unavailable',
		outStateId: 78,
		outStateDescription: 'Break',
	}),
	cxRecord(3, '2024-05-01T12:00:00.000Z', 'PT40M', {
		agentStateId: 2,
		agentStateName: 'Unavailable',
		outStateId: 77,
		outStateDescription: 'Lunch',
	}),
	cxRecord(4, '2024-05-01T15:00:00.000Z', 'PT5M', {
		agentStateId: 2,
		agentStateName: 'Unavailable',
		outStateId: 78,
		outStateDescription: 'Break',
	}),
];
// Agent 2: contacts that start at the same time as agent 1's states.
const A2 = [
	cxRecord(1, '2024-05-01T10:00:00.000Z', 'PT30M', {
		agentId: AGENT_2,
		agentStateId: 3,
		agentStateName: 'InboundContact',
		teamNo: 205971,
	}),
	cxRecord(2, '2024-05-01T23:30:00.000Z', 'PT1H', { agentId: AGENT_2, teamNo: 205971 }),
];

const TWO_AGENTS = `${AGENT}, ${AGENT_2}`;

function serveBoth() {
	serve(historyPath(AGENT), [cxPage(A1)]);
	serve(historyPath(AGENT_2), [cxPage(A2)]);
}

const sum = (values: unknown[]) => values.reduce<number>((a, v) => a + Number(v), 0);

describe('split into items', () => {
	it('on: one item per state, oldest first across agents', async () => {
		serveBoth();
		const { json } = await run({ agentIds: TWO_AGENTS });
		expect(json.map((j) => j.recordId)).toEqual([
			'39260750:555:1',
			'39260750:555:2',
			'39260751:555:1',
			'39260750:555:3',
			'39260750:555:4',
			'39260751:555:2',
		]);
	});

	it('off: one item per agent with its states and a summary that adds up', async () => {
		serveBoth();
		const { json, items } = await run({ agentIds: TWO_AGENTS, splitIntoItems: false });

		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(json.map((j) => Object.keys(j))).toEqual([
			['agentId', 'teamId', 'window', 'states', 'summary'],
			['agentId', 'teamId', 'window', 'states', 'summary'],
		]);
		const [first, second] = json as Array<{
			agentId: string;
			teamId: string;
			window: unknown;
			states: IDataObject[];
			summary: IDataObject;
		}>;
		expect([first.agentId, first.teamId, second.agentId, second.teamId]).toEqual([
			'39260750',
			'205970',
			'39260751',
			'205971',
		]);
		expect(first.window).toEqual(WINDOW);
		expect(first.states.map((s) => s.stateIndex)).toEqual([1, 2, 3, 4]);
		expect(second.states.map((s) => s.stateIndex)).toEqual([1, 2]);

		// 30 min clipped + 20 + 40 + 5 minutes.
		expect(first.summary).toMatchObject({
			agentId: '39260750',
			recordCount: 4,
			totalSeconds: 95 * 60,
			loggedInSeconds: 95 * 60,
			byLabel: {
				Lunch: { seconds: 2400, count: 1 },
				Available: { seconds: 1800, count: 1 },
				Break: { seconds: 1500, count: 2 },
			},
			longestByLabel: {
				Break: {
					recordId: '39260750:555:2',
					seconds: 1200,
					startTimeUtc: '2024-05-01T10:00:00.000Z',
				},
			},
		});
		expect(first.summary.byCategory).toEqual({
			available: { seconds: 1800, count: 1 },
			unavailable: { seconds: 3900, count: 3 },
			working: { seconds: 0, count: 0 },
			loggedOut: { seconds: 0, count: 0 },
			loggedIn: { seconds: 0, count: 0 },
			unknown: { seconds: 0, count: 0 },
		});
		for (const agent of [first, second]) {
			expect(sum(agent.states.map((s) => s.clippedDurationSeconds))).toBe(
				agent.summary.totalSeconds,
			);
		}
		// Agent 2's last state runs past the window end: 30 of its 60 minutes count.
		expect(second.summary.totalSeconds).toBe(1800 + 1800);
	});

	it('off: each agent item carries the names from the agent list', async () => {
		serve(historyPath(AGENT), [cxPage(A1.slice(0, 1))]);
		serve(`/inContactAPI/services/v27.0/agents`, [
			{
				agents: [{ agentId: AGENT, firstName: 'Ada', lastName: 'Lovelace', teamName: 'Support' }],
			},
		]);
		const { json } = await run({
			splitIntoItems: false,
			options: { resolveAgentNames: true },
		});
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			agentId: '39260750',
			agentName: 'Ada Lovelace',
			teamName: 'Support',
			teamId: '205970',
		});
		expect((json[0].summary as IDataObject).agentName).toBe('Ada Lovelace');
		expect((json[0].states as IDataObject[])[0].agentName).toBe('Ada Lovelace');
	});
});

describe('summary items', () => {
	it('adds one summary per agent and one for the window after the states', async () => {
		serveBoth();
		const { json, items } = await run({
			agentIds: TWO_AGENTS,
			options: { includeSummary: true, thresholdMinutes: 10 },
		});

		expect(json.map((j) => j.itemType ?? 'state')).toEqual([
			...Array(6).fill('state'),
			'agentSummary',
			'agentSummary',
			'windowSummary',
		]);
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		const states = json.slice(0, 6);
		const [s1, s2, window] = json.slice(6);
		expect(s1).toMatchObject({
			itemType: 'agentSummary',
			window: WINDOW,
			agentId: '39260750',
			teamId: '205970',
			recordCount: 4,
			totalSeconds: 5700,
			overThresholdCount: 3,
		});
		expect(s2).toMatchObject({ agentId: '39260751', recordCount: 2, totalSeconds: 3600 });
		expect(window).toMatchObject({
			itemType: 'windowSummary',
			boundary: 'clip',
			window: WINDOW,
			invalidRecords: 0,
			outsideWindowRecords: 0,
			agentCount: 2,
			recordCount: 6,
			totalSeconds: 5700 + 3600,
			overThresholdCount: 5,
		});
		expect(sum(states.map((s) => s.clippedDurationSeconds))).toBe(window.totalSeconds);
		// The per-agent list lives in the agent items, not in the window item.
		expect(window).not.toHaveProperty('agents');
	});

	it('with split off adds only the window summary after the agent items', async () => {
		serveBoth();
		const { json } = await run({
			agentIds: TWO_AGENTS,
			splitIntoItems: false,
			options: { includeSummary: true },
		});
		expect(json.map((j) => j.itemType ?? j.agentId)).toEqual([
			'39260750',
			'39260751',
			'windowSummary',
		]);
	});
});

describe('sort', () => {
	const order = async (sort: string) => {
		serveBoth();
		const { json } = await run({ agentIds: `${AGENT_2}, ${AGENT}`, options: { sort } });
		return json.map((j) => `${String(j.agentId).slice(-1)}/${String(j.stateIndex)}`);
	};

	it('oldest first, ties by recordId', async () => {
		expect(await order('startAsc')).toEqual(['0/1', '0/2', '1/1', '0/3', '0/4', '1/2']);
	});

	it('newest first', async () => {
		expect(await order('startDesc')).toEqual(['1/2', '0/4', '0/3', '1/1', '0/2', '0/1']);
	});

	it('by agent, then oldest first', async () => {
		expect(await order('agentStartAsc')).toEqual(['0/1', '0/2', '0/3', '0/4', '1/1', '1/2']);
	});

	it('by agent compares ids as numbers', async () => {
		const nine = cxRecord(1, '2024-05-01T10:00:00.000Z', 'PT1M', { agentId: 9 });
		const ten = cxRecord(1, '2024-05-01T09:00:00.000Z', 'PT1M', { agentId: 10 });
		serve(historyPath('all'), [cxPage([ten, nine])]);
		const { json } = await run({ agentSelection: 'all', options: { sort: 'agentStartAsc' } });
		expect(json.map((j) => j.agentId)).toEqual(['9', '10']);
	});
});

describe('state name overrides', () => {
	it('rename states by id (over the API name and the table); category and reason stay', async () => {
		serve(historyPath(), [cxPage(A1)]);
		const { json } = await run({
			options: { stateNameOverrides: '2=Not Ready, 1 = Ready' },
		});
		expect(json.map((j) => [j.stateId, j.state, j.reason, j.label, j.category])).toEqual([
			[1, 'Ready', null, 'Ready', 'available'],
			[2, 'Not Ready', 'Break', 'Break', 'unavailable'],
			[2, 'Not Ready', 'Lunch', 'Lunch', 'unavailable'],
			[2, 'Not Ready', 'Break', 'Break', 'unavailable'],
		]);
	});

	it('accept a JSON object', async () => {
		serve(historyPath(), [cxPage(A1.slice(0, 1))]);
		const { json } = await run({ options: { stateNameOverrides: '{"1": "Waiting"}' } });
		expect(json[0]).toMatchObject({ state: 'Waiting', label: 'Waiting' });
	});
});

describe('threshold flags', () => {
	it('flag only the chosen labels that ran longer than the threshold', async () => {
		serve(historyPath(), [cxPage(A1)]);
		const { json } = await run({
			options: { thresholdMinutes: 10, thresholdLabels: ' break ,Coaching', includeSummary: true },
		});
		expect(json.slice(0, 4).map((j) => [j.label, j.durationSeconds, j.overThreshold])).toEqual([
			['Available', 3600, false],
			['Break', 1200, true],
			['Lunch', 2400, false],
			['Break', 300, false],
		]);
		expect(json.at(-1)).toMatchObject({ itemType: 'windowSummary', overThresholdCount: 1 });
	});

	it('flag every label when none is chosen; off (0) sets no flag at all', async () => {
		serve(historyPath(), [cxPage(A1)]);
		const on = await run({ options: { thresholdMinutes: 10 } });
		expect(on.json.map((j) => j.overThreshold)).toEqual([true, true, true, false]);

		serve(historyPath(), [cxPage(A1)]);
		const off = await run({ options: { thresholdMinutes: 0 } });
		expect(off.json.every((j) => !('overThreshold' in j))).toBe(true);
	});
});

describe('raw record', () => {
	it('is attached exactly as CXone sent it when asked for', async () => {
		serve(historyPath(), [cxPage(A1.slice(1, 2))]);
		const { json } = await run({ options: { includeRaw: true } });
		expect(json[0].raw).toEqual(JSON.parse(JSON.stringify(A1[1])));

		serve(historyPath(), [cxPage(A1.slice(1, 2))]);
		const without = await run();
		expect(without.json[0]).not.toHaveProperty('raw');
	});
});

describe('invalid records', () => {
	const bad = cxRecord(7, '2024-05-01T11:00:00.000Z', 'soon');

	it('stop the node with an error naming the record and the field (Skip Invalid off)', async () => {
		serve(historyPath(), [cxPage([A1[1], bad])]);
		const error = (await failure(run())) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'1 record(s) failed validation. First: Invalid CXone record (agentId 39260750, startDate 2024-05-01T11:00:00.000Z, stateIndex 7): field "duration" expected an ISO 8601 duration (e.g. PT1M30.5S) or a number of seconds, got "soon"',
		);
		expect(error.description).toContain('Skip Invalid Records');
		expect(error.context.itemIndex).toBe(0);
	});

	it('are counted in invalidRecords and left out (Skip Invalid on)', async () => {
		const noStart = cxRecord(8, '2024-05-01T12:00:00', 'PT1M');
		serve(historyPath(), [cxPage([A1[1], bad, noStart])]);
		const { json } = await run({ options: { skipInvalid: true, includeSummary: true } });
		expect(json.map((j) => j.recordId ?? j.itemType)).toEqual([
			'39260750:555:2',
			'agentSummary',
			'windowSummary',
		]);
		expect(json[2]).toMatchObject({ invalidRecords: 2, recordCount: 1 });
	});

	it('all invalid: the noRecords item counts them', async () => {
		serve(historyPath(), [cxPage([bad])]);
		const { json } = await run({ options: { skipInvalid: true } });
		expect(json).toEqual([
			{
				itemType: 'noRecords',
				message: 'No agent states in this window',
				window: WINDOW,
				invalidRecords: 1,
			},
		]);
	});
});

describe('no records', () => {
	it('a 204 gives one noRecords item paired to the input item', async () => {
		serve(historyPath(), [[204, '']]);
		const { items } = await run();
		expect(items).toEqual([
			{
				json: {
					itemType: 'noRecords',
					message: 'No agent states in this window',
					window: WINDOW,
					invalidRecords: 0,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('an empty page and split off give the same item', async () => {
		serve(historyPath(), [cxPage([])]);
		const { json } = await run({ splitIntoItems: false });
		expect(json).toEqual([
			{
				itemType: 'noRecords',
				message: 'No agent states in this window',
				window: WINDOW,
				invalidRecords: 0,
			},
		]);
	});

	it('with summary items on, the window summary says zero', async () => {
		serve(historyPath(), [[204, '']]);
		const { json } = await run({ options: { includeSummary: true } });
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			itemType: 'windowSummary',
			recordCount: 0,
			totalSeconds: 0,
			agentCount: 0,
		});
	});
});
