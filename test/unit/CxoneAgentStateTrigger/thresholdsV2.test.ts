// Version 2 of the trigger: State Exceeded Duration with the Thresholds rows (the same rule as the
// history node's overThreshold), the Output choice, and the version-1 parameters left as they were.
import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CxoneAgentStateTrigger } from '../../../nodes/CxoneAgentStateTrigger/CxoneAgentStateTrigger.node';
import type { Params } from '../../helpers/n8nContext';
import { createPollContext } from '../../helpers/n8nContext';
import { AGENT, FakeCxone } from './fakeCxone';

const node = new CxoneAgentStateTrigger();

let fake: FakeCxone;

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	fake = new FakeCxone('2024-05-01T12:00:00Z');
	fake.install();
	jest.spyOn(Date, 'now').mockImplementation(() => fake.nowMs);
});
afterEach(() => {
	jest.restoreAllMocks();
	nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const BASE_PARAMS: Params = {
	event: 'stateExceeded',
	agentSelection: 'ids',
	agentIds: String(AGENT),
	timezone: 'America/New_York',
	options: { pageSize: 2, maxRetries: 0, resolveAgentNames: false },
};

const rows = (...r: Array<[string, number]>) => ({
	rules: r.map(([label, minutes]) => ({ label, minutes })),
});

function trigger(params: Params = {}, typeVersion = 2, mode?: 'manual') {
	return createPollContext({
		mode,
		params: { ...BASE_PARAMS, ...params },
		node: {
			name: 'CXone Agent State Trigger',
			type: 'CUSTOM.cxoneAgentStateTrigger',
			typeVersion,
		},
	});
}

type Ctx = ReturnType<typeof trigger>;

async function pollAt(ctx: Ctx, iso: string): Promise<IDataObject[]> {
	fake.at(iso);
	const out = await node.poll.call(ctx);
	return out === null ? [] : out[0].map((item: INodeExecutionData) => item.json);
}

const rid = (index: number) => `${AGENT}:5000001:${index}`;
const ids = (items: IDataObject[]) => items.map((j) => j.recordId);

async function failure(ctx: Ctx, iso: string): Promise<NodeOperationError> {
	try {
		await pollAt(ctx, iso);
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected a failure');
}

const FROM_V2 = { '@version': [{ _cnd: { gte: 2 } }] };

describe('description', () => {
	const byName = new Map(node.description.properties.map((p) => [p.name, p]));

	it('is at version 3 by default, with versions 1 and 2 kept', () => {
		expect(node.description).toMatchObject({ version: [1, 2, 3], defaultVersion: 3 });
	});

	it('shows Duration (Minutes) in version 1, the Thresholds rows and Output from version 2', () => {
		expect(byName.get('thresholdMinutes')?.displayOptions).toEqual({
			show: { event: ['stateExceeded'], '@version': [1] },
		});
		for (const name of ['thresholds', 'otherStatesMinutes']) {
			expect(byName.get(name)?.displayOptions).toEqual({
				show: { event: ['stateExceeded'], ...FROM_V2 },
			});
		}
		// Output twice: All Fields in a workflow, Simplified as an AI Agent's tool.
		const outputs = node.description.properties.filter((p) => p.name === 'output');
		expect(outputs.map((p) => [p.default, p.displayOptions])).toEqual([
			['all', { show: { ...FROM_V2, '@tool': [false] } }],
			['simplified', { show: { ...FROM_V2, '@tool': [true] } }],
		]);
		// The filters choose states for every event: typed in versions 1 and 2, picked from 3.
		const filters = node.description.properties.filter((p) => p.name === 'filters');
		expect(
			filters.map((f) => [
				f.displayOptions,
				(f.options as INodeProperties[]).map((o) => [o.name, o.type, o.typeOptions]),
			]),
		).toEqual([
			[
				{ show: { '@version': [1, 2] } },
				[
					['reasons', 'string', undefined],
					['states', 'string', undefined],
				],
			],
			[
				{ show: { '@version': [{ _cnd: { gte: 3 } }] } },
				[
					['reasons', 'multiOptions', { loadOptionsMethod: 'getReasons' }],
					['states', 'multiOptions', { loadOptionsMethod: 'getReasons' }],
				],
			],
		]);
	});
});

describe('version 2: State Exceeded Duration with Thresholds rows', () => {
	it('a 16-minute break fires once with Break 15; a 40-minute lunch does not with Lunch 60', async () => {
		const ctx = trigger({ thresholds: rows(['Break', 15], ['Lunch', 60]) });
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push(
			{
				stateIndex: 1,
				start: '2024-05-01T12:01:00Z',
				end: '2024-05-01T12:17:00Z',
				reason: 'Break',
			},
			{
				stateIndex: 2,
				start: '2024-05-01T12:17:00Z',
				end: '2024-05-01T12:57:00Z',
				reason: 'Lunch',
				reasonId: 77,
			},
			{ stateIndex: 3, start: '2024-05-01T12:57:00Z', stateId: 1 },
		);
		expect(await pollAt(ctx, '2024-05-01T12:10:00Z')).toEqual([]);
		const hit = await pollAt(ctx, '2024-05-01T12:16:30Z');
		expect(ids(hit)).toEqual([rid(1)]);
		expect(hit[0]).toMatchObject({ reason: 'Break', isOpen: true, overThreshold: true });
		// The break ends at 16 minutes, the lunch runs its 40 minutes, the agent is available again.
		for (const t of ['2024-05-01T12:20:00Z', '2024-05-01T12:40:00Z', '2024-05-01T13:05:00Z']) {
			expect(await pollAt(ctx, t)).toEqual([]);
		}
	});

	it('a reason without a row follows its state row, then Any Other State', async () => {
		const ctx = trigger({
			thresholds: rows(['Break', 30], ['Unavailable', 10]),
			otherStatesMinutes: 45,
		});
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push(
			{
				stateIndex: 1,
				start: '2024-05-01T12:00:00Z',
				end: '2024-05-01T12:20:00Z',
				reason: 'Break',
			},
			{
				stateIndex: 2,
				start: '2024-05-01T12:20:00Z',
				end: '2024-05-01T12:32:00Z',
				reason: 'Meeting',
				reasonId: 81,
			},
			{ stateIndex: 3, start: '2024-05-01T12:32:00Z', end: '2024-05-01T13:20:00Z', stateId: 1 },
		);
		const seen: IDataObject[] = [];
		for (const t of ['2024-05-01T12:10:00Z', '2024-05-01T12:25:00Z', '2024-05-01T12:40:00Z']) {
			seen.push(...(await pollAt(ctx, t)));
		}
		seen.push(...(await pollAt(ctx, '2024-05-01T13:30:00Z')));
		// The 20-minute break stays under its own 30; the 12-minute meeting passes Unavailable's 10;
		// the 48 minutes available pass Any Other State's 45.
		expect(ids(seen)).toEqual([rid(2), rid(3)]);
	});

	it('the filters still choose the states watched', async () => {
		const ctx = trigger({
			thresholds: rows(['Break', 15], ['Lunch', 15]),
			filters: { reasons: 'Lunch' },
		});
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push(
			{
				stateIndex: 1,
				start: '2024-05-01T12:00:00Z',
				end: '2024-05-01T12:20:00Z',
				reason: 'Break',
			},
			{
				stateIndex: 2,
				start: '2024-05-01T12:20:00Z',
				end: '2024-05-01T12:40:00Z',
				reason: 'Lunch',
				reasonId: 77,
			},
		);
		expect(ids(await pollAt(ctx, '2024-05-01T12:45:00Z'))).toEqual([rid(2)]);
	});

	it('needs a threshold: an error names the thresholds parameter', async () => {
		const error = await failure(trigger({}), '2024-05-01T12:00:00Z');
		expect(error.message).toBe(
			'State Exceeded Duration needs a threshold. Add a row to Thresholds (e.g. Break, 15) or set Any Other State (Minutes).',
		);
		expect(error.description).toBe('Check the "thresholds" parameter.');
	});

	it('a bad row: an error names the thresholds parameter and the fix', async () => {
		const error = await failure(
			trigger({ thresholds: rows(['Break', 15], ['BREAK', 20]) }),
			'2024-05-01T12:00:00Z',
		);
		expect(error.message).toBe(
			'Thresholds rows 1 and 2 both name "BREAK" (names match in any case). Keep one row per reason or state.',
		);
		expect(error.description).toBe('Check the "thresholds" parameter.');
	});

	it('Fetch Test Event picks the recent states over their own rows', async () => {
		fake.states.push(
			{
				stateIndex: 1,
				start: '2024-05-01T11:00:00Z',
				end: '2024-05-01T11:16:00Z',
				reason: 'Break',
			},
			{
				stateIndex: 2,
				start: '2024-05-01T11:16:00Z',
				end: '2024-05-01T11:56:00Z',
				reason: 'Lunch',
				reasonId: 77,
			},
			{ stateIndex: 3, start: '2024-05-01T11:56:00Z', end: '2024-05-01T11:58:00Z', reason: 'ACW' },
		);
		const ctx = trigger(
			{ thresholds: rows(['Break', 15], ['Lunch', 60], ['ACW', 1]) },
			2,
			'manual',
		);
		const sample = await pollAt(ctx, '2024-05-01T12:00:00Z');
		expect(ids(sample)).toEqual([rid(1), rid(3)]);
		expect(sample.map((j) => j.overThreshold)).toEqual([true, true]);
	});

	it("ignores version 1's Duration (Minutes)", async () => {
		const ctx = trigger({ thresholdMinutes: 1, otherStatesMinutes: 30 });
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push({
			stateIndex: 1,
			start: '2024-05-01T12:00:00Z',
			end: '2024-05-01T12:20:00Z',
			reason: 'Break',
		});
		expect(await pollAt(ctx, '2024-05-01T12:25:00Z')).toEqual([]);
	});
});

describe('version 1: Duration (Minutes) and the filters as before', () => {
	it('a 16-minute break fires with 15 minutes and a Break filter; rows are not read', async () => {
		const ctx = trigger(
			{ thresholdMinutes: 15, filters: { reasons: 'Break' }, thresholds: rows(['Break', 60]) },
			1,
		);
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push({
			stateIndex: 1,
			start: '2024-05-01T12:01:00Z',
			end: '2024-05-01T12:17:00Z',
			reason: 'Break',
		});
		const hit = await pollAt(ctx, '2024-05-01T12:20:00Z');
		expect(ids(hit)).toEqual([rid(1)]);
		// Version 1 always outputs every field.
		expect(hit[0]).toHaveProperty('agentId');
		expect(hit[0]).toHaveProperty('category');
	});
});

describe('version 2: Output', () => {
	it('Simplified: exactly the simplified fields, overThreshold with thresholds on', async () => {
		const ctx = trigger({ thresholds: rows(['Break', 15]), output: 'simplified' });
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push({
			stateIndex: 1,
			start: '2024-05-01T12:00:00Z',
			end: '2024-05-01T12:20:00Z',
			reason: 'Break',
		});
		const [item] = await pollAt(ctx, '2024-05-01T12:25:00Z');
		expect(item).toEqual({
			recordId: rid(1),
			label: 'Break',
			startTime: '2024-05-01T08:00:00.000-04:00',
			endTime: '2024-05-01T08:20:00.000-04:00',
			durationSeconds: 1200,
			durationFormatted: '20m 00s',
			isOpen: false,
			overThreshold: true,
		});
	});

	it('Simplified on State Ended: no thresholds, so no overThreshold', async () => {
		const ctx = trigger({ event: 'stateEnded', output: 'simplified' });
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push({ stateIndex: 1, start: '2024-05-01T12:00:00Z', end: '2024-05-01T12:02:00Z' });
		const [item] = await pollAt(ctx, '2024-05-01T12:05:00Z');
		expect(Object.keys(item)).toEqual([
			'recordId',
			'label',
			'startTime',
			'endTime',
			'durationSeconds',
			'durationFormatted',
			'isOpen',
		]);
	});

	it('All Fields by default', async () => {
		const ctx = trigger({ event: 'stateEnded' });
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push({ stateIndex: 1, start: '2024-05-01T12:00:00Z', end: '2024-05-01T12:02:00Z' });
		const [item] = await pollAt(ctx, '2024-05-01T12:05:00Z');
		expect(item).toMatchObject({ agentId: String(AGENT), category: 'unavailable' });
	});
});

describe('version 3: the filters picked from the reasons list', () => {
	it('a picked Break reason (a list, not text) keeps the break and drops the lunch', async () => {
		const ctx = trigger(
			{ event: 'stateEnded', filters: { reasons: ['Break'], states: ['Unavailable'] } },
			3,
		);
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push(
			{
				stateIndex: 1,
				start: '2024-05-01T12:01:00Z',
				end: '2024-05-01T12:10:00Z',
				reason: 'Lunch',
			},
			{
				stateIndex: 2,
				start: '2024-05-01T12:10:00Z',
				end: '2024-05-01T12:20:00Z',
				reason: 'Break',
			},
		);
		const hit = await pollAt(ctx, '2024-05-01T12:25:00Z');
		expect(hit.map((j) => [j.recordId, j.reason])).toEqual([[rid(2), 'Break']]);
	});
});

describe('version 3: a reason or state given by ID', () => {
	it('matches the reason id (a Lunch coded 77) and the state id', async () => {
		const ctx = trigger({ event: 'stateEnded', filters: { reasons: ['77'], states: ['2'] } }, 3);
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push(
			{
				stateIndex: 1,
				start: '2024-05-01T12:01:00Z',
				end: '2024-05-01T12:10:00Z',
				reason: 'Lunch',
				reasonId: 77,
			},
			{
				stateIndex: 2,
				start: '2024-05-01T12:10:00Z',
				end: '2024-05-01T12:20:00Z',
				reason: 'Break',
			},
		);
		const hit = await pollAt(ctx, '2024-05-01T12:25:00Z');
		expect(hit.map((j) => [j.recordId, j.reason])).toEqual([[rid(1), 'Lunch']]);
	});
});
