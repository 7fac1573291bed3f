// poll() of the trigger node in an n8n poll context (real n8n-core request helpers) against a
// nock-served CXone whose clock and records the tests move between polls.
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, deepCopy } from 'n8n-workflow';

import { CxoneAgentStateTrigger } from '../../../nodes/CxoneAgentStateTrigger/CxoneAgentStateTrigger.node';
import type { Params } from '../../helpers/n8nContext';
import { createPollContext } from '../../helpers/n8nContext';
import { AGENT, FakeCxone, OPEN_STATE_SHAPES } from './fakeCxone';

const node = new CxoneAgentStateTrigger();
const ms = (iso: string) => Date.parse(iso);

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
	event: 'stateEnded',
	agentSelection: 'ids',
	agentIds: String(AGENT),
	timezone: 'America/New_York',
	options: { pageSize: 2, maxRetries: 0 },
};

function trigger(params: Params = {}, extra: Parameters<typeof createPollContext>[0] = {}) {
	return createPollContext({
		params: { ...BASE_PARAMS, ...params },
		node: { name: 'CXone Agent State Trigger', type: 'CUSTOM.cxoneAgentStateTrigger' },
		...extra,
	});
}

type Ctx = ReturnType<typeof trigger>;

async function pollAt(ctx: Ctx, iso: string): Promise<IDataObject[]> {
	fake.at(iso);
	const out = await node.poll.call(ctx);
	return out === null ? [] : out[0].map((item: INodeExecutionData) => item.json);
}

const ids = (items: IDataObject[]) => items.map((j) => j.recordId);
const rid = (index: number, agent = AGENT) => `${agent}:5000001:${index}`;

describe('description', () => {
	it('is a polling trigger with the shared credential and no tool use', () => {
		const d = node.description;
		expect(d).toMatchObject({
			name: 'cxoneAgentStateTrigger',
			displayName: 'CXone Agent State Trigger',
			group: ['trigger'],
			polling: true,
			inputs: [],
			outputs: ['main'],
			icon: { light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' },
			credentials: [{ name: 'cxoneOAuth2Api', required: true, testedBy: 'cxoneOAuth2ApiTest' }],
		});
		expect(d.usableAsTool).toBeUndefined();
		expect(typeof node.methods.credentialTest.cxoneOAuth2ApiTest).toBe('function');
		const byName = new Map(d.properties.map((p) => [p.name, p]));
		expect(byName.get('event')?.default).toBe('stateEnded');
		expect(byName.get('thresholdMinutes')).toMatchObject({
			default: 15,
			displayOptions: { show: { event: ['stateExceeded'] } },
		});
		const options = byName.get('options')?.options as Array<{ name: string; default: unknown }>;
		expect(options.find((o) => o.name === 'lookBackMinutes')?.default).toBe(10);
		expect(options.map((o) => o.name)).toEqual(
			expect.arrayContaining(['pageSize', 'maxRetries', 'maxCatchUpHours', 'resolveAgentNames']),
		);
		expect(byName.has('agentIds') && byName.has('teamIds') && byName.has('filters')).toBe(true);
	});
});

describe('active polling', () => {
	it('the first activation sets the cursor to now and emits nothing, without a request', async () => {
		const ctx = trigger();
		fake.states.push({ stateIndex: 1, start: '2024-05-01T11:00:00Z', end: '2024-05-01T11:59:00Z' });
		expect(await node.poll.call(ctx)).toBeNull();
		expect(ctx.harness.staticData.node).toMatchObject({
			cursorMs: ms('2024-05-01T12:00:00Z'),
			cursorUtc: '2024-05-01T12:00:00.000Z',
			floorMs: ms('2024-05-01T12:00:00Z'),
			emitted: {},
		});
		expect(ctx.harness.authCalls).toHaveLength(0);
	});

	it('three polls while the server adds records: each ended state once, no gap', async () => {
		fake.agents.push({
			agentId: AGENT,
			firstName: 'Ada',
			lastName: 'Lovelace',
			teamName: 'Tier 1',
		});
		const ctx = trigger();
		fake.states.push({
			stateIndex: 1,
			start: '2024-05-01T11:30:00Z',
			end: '2024-05-01T11:58:00Z',
		});
		await pollAt(ctx, '2024-05-01T12:00:00Z');

		fake.states.push(
			{ stateIndex: 2, start: '2024-05-01T11:58:00Z', end: '2024-05-01T12:01:00Z' },
			{ stateIndex: 3, start: '2024-05-01T12:01:00Z', end: '2024-05-01T12:04:00Z' },
			{ stateIndex: 4, start: '2024-05-01T12:04:00Z' }, // open
		);
		const first = await pollAt(ctx, '2024-05-01T12:05:00Z');
		expect(ids(first)).toEqual([rid(2), rid(3)]);
		expect(first[0]).toMatchObject({
			agentName: 'Ada Lovelace',
			teamName: 'Tier 1',
			isOpen: false,
			startTime: '2024-05-01T07:58:00.000-04:00',
			endTime: '2024-05-01T08:01:00.000-04:00',
			durationSeconds: 180,
		});
		expect(fake.requests[0]).toMatchObject({
			path: `/inContactAPI/services/v27.0/agents/${AGENT}/state-history`,
			startDate: '2024-05-01T11:59:59.000Z',
			endDate: '2024-05-01T12:05:00.000Z',
		});

		// State 4 ends; a late record (ended 12:03, listed at 12:09) arrives for another agent.
		fake.states[3].end = '2024-05-01T12:07:00Z';
		fake.states.push(
			{ stateIndex: 5, start: '2024-05-01T12:07:00Z', end: '2024-05-01T12:09:00Z' },
			{ stateIndex: 6, start: '2024-05-01T12:09:00Z' },
			{
				agentId: AGENT + 1,
				stateIndex: 1,
				start: '2024-05-01T12:00:00Z',
				end: '2024-05-01T12:03:00Z',
				visibleAt: '2024-05-01T12:09:00Z',
			},
		);
		ctx.harness.node.parameters.agentIds = `${AGENT}, ${AGENT + 1}`;
		const second = await pollAt(ctx, '2024-05-01T12:10:00Z');
		expect(ids(second)).toEqual([rid(1, AGENT + 1), rid(4), rid(5)]);
		// The look-back (12:05 − 10 min) stops at the activation instant (minus a second's margin).
		expect(fake.requests.slice(-1)[0]).toMatchObject({
			startDate: '2024-05-01T11:59:59.000Z',
			endDate: '2024-05-01T12:10:00.000Z',
		});

		fake.states[5].end = '2024-05-01T12:12:00Z';
		fake.states.push({ stateIndex: 7, start: '2024-05-01T12:12:00Z' });
		const third = await pollAt(ctx, '2024-05-01T12:15:00Z');
		expect(ids(third)).toEqual([rid(6)]);

		const all = [...first, ...second, ...third].map((j) => j.recordId as string);
		expect(new Set(all).size).toBe(all.length);
		expect(all.sort()).toEqual([rid(2), rid(3), rid(4), rid(5), rid(6), rid(1, AGENT + 1)].sort());
		expect(await pollAt(ctx, '2024-05-01T12:16:00Z')).toEqual([]);
		// Read again from the previous cursor (12:15) minus the 10-minute look-back.
		expect(fake.requests.slice(-1)[0]).toMatchObject({
			startDate: '2024-05-01T12:04:59.000Z',
			endDate: '2024-05-01T12:16:00.000Z',
		});
		// Names are read only by polls that emit something.
		expect(fake.agentListRequests).toBe(3);
		expect(ctx.harness.staticData.node.cursorMs).toBe(ms('2024-05-01T12:16:00Z'));
	});

	it('a failed poll throws, stores nothing, and the next poll covers the gap', async () => {
		const ctx = trigger({ options: { pageSize: 2, maxRetries: 0, resolveAgentNames: false } });
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push(
			{ stateIndex: 1, start: '2024-05-01T12:00:00Z', end: '2024-05-01T12:12:00Z' },
			{ stateIndex: 2, start: '2024-05-01T12:12:00Z', end: '2024-05-01T12:17:00Z' },
			{ stateIndex: 3, start: '2024-05-01T12:17:00Z', end: '2024-05-01T12:22:00Z' },
			{ stateIndex: 4, start: '2024-05-01T12:22:00Z' },
		);
		expect(ids(await pollAt(ctx, '2024-05-01T12:15:00Z'))).toEqual([rid(1)]);
		const before = deepCopy(ctx.harness.staticData);

		fake.failNext = 1;
		fake.at('2024-05-01T12:20:00Z');
		const error = await node.poll.call(ctx).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('500');
		expect(ctx.harness.staticData).toEqual(before);

		expect(ids(await pollAt(ctx, '2024-05-01T12:25:00Z'))).toEqual([rid(2), rid(3)]);
		// Read from the last successful poll (12:15) minus the look-back, not from the failed one.
		expect(fake.requests.slice(-1)[0]).toMatchObject({
			startDate: '2024-05-01T12:04:59.000Z',
			endDate: '2024-05-01T12:25:00.000Z',
		});
		expect(await pollAt(ctx, '2024-05-01T12:26:00Z')).toEqual([]);
	});

	it('State Exceeded Duration: an open break once when it passes 15 minutes, not again', async () => {
		const ctx = trigger({
			event: 'stateExceeded',
			thresholdMinutes: 15,
			filters: { reasons: 'break' },
		});
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push(
			{
				stateIndex: 1,
				start: '2024-05-01T12:01:00Z',
				end: '2024-05-01T12:25:00Z',
				reason: 'Break',
			},
			{
				stateIndex: 2,
				start: '2024-05-01T12:25:00Z',
				end: '2024-05-01T13:00:00Z',
				reason: 'Lunch',
				reasonId: 77,
			},
		);
		expect(await pollAt(ctx, '2024-05-01T12:10:00Z')).toEqual([]);
		const hit = await pollAt(ctx, '2024-05-01T12:17:00Z');
		expect(ids(hit)).toEqual([rid(1)]);
		expect(hit[0]).toMatchObject({
			reason: 'Break',
			isOpen: true,
			overThreshold: true,
			durationSeconds: 960,
		});
		for (const t of ['2024-05-01T12:20:00Z', '2024-05-01T12:30:00Z', '2024-05-01T13:05:00Z']) {
			expect(await pollAt(ctx, t)).toEqual([]);
		}
	});

	it('overlapping polls share the static data and emit nothing twice', async () => {
		const ctx = trigger();
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		for (let i = 1; i <= 6; i++) {
			fake.states.push({
				stateIndex: i,
				start: new Date(ms('2024-05-01T12:00:00Z') + (i - 1) * 60_000).toISOString(),
				end: new Date(ms('2024-05-01T12:00:00Z') + i * 60_000).toISOString(),
			});
		}
		fake.at('2024-05-01T12:07:00Z');
		const [a, b] = await Promise.all([node.poll.call(ctx), node.poll.call(ctx)]);
		const all = [...(a?.[0] ?? []), ...(b?.[0] ?? [])].map((item) => item.json.recordId);
		expect(all.sort()).toEqual([1, 2, 3, 4, 5, 6].map((i) => rid(i)));
	});

	it('All Agents with a team filter reads the all-agents endpoint and keeps that team', async () => {
		const ctx = trigger({ agentSelection: 'all', teamIds: '205971' });
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push(
			{ stateIndex: 1, start: '2024-05-01T12:00:00Z', end: '2024-05-01T12:02:00Z' },
			{
				agentId: AGENT + 1,
				stateIndex: 1,
				start: '2024-05-01T12:00:00Z',
				end: '2024-05-01T12:02:00Z',
				teamId: 205971,
			},
		);
		expect(ids(await pollAt(ctx, '2024-05-01T12:05:00Z'))).toEqual([rid(1, AGENT + 1)]);
		expect(fake.requests[0].path).toBe('/inContactAPI/services/v27.0/agents/state-history');
	});
});

describe.each(OPEN_STATE_SHAPES)('the current state sent as "%s"', (shape) => {
	beforeEach(() => {
		fake.openState = shape;
	});

	it('State Started emits it open, State Ended once it has ended, State Exceeded once', async () => {
		const options = { pageSize: 2, maxRetries: 0, resolveAgentNames: false };
		const started = trigger({ event: 'stateStarted', options });
		const ended = trigger({ event: 'stateEnded', options });
		const exceeded = trigger({
			event: 'stateExceeded',
			thresholdMinutes: 15,
			filters: { reasons: 'Break' },
			options,
		});
		const all = [started, ended, exceeded];
		const pollAll = async (iso: string) => {
			const out: IDataObject[][] = [];
			for (const ctx of all) out.push(await pollAt(ctx, iso));
			return out;
		};
		await pollAll('2024-05-01T12:00:00Z');
		fake.states.push(
			{ stateIndex: 1, start: '2024-05-01T11:50:00Z', end: '2024-05-01T12:02:00Z', stateId: 1 },
			{ stateIndex: 2, start: '2024-05-01T12:02:00Z', reason: 'Break' },
		);

		let [s, e, x] = await pollAll('2024-05-01T12:05:00Z');
		expect(ids(s)).toEqual([rid(2)]);
		expect(s[0]).toMatchObject({
			isOpen: true,
			endTimeUtc: null,
			endTime: null,
			durationSeconds: 180,
			durationFormatted: '3m 00s',
		});
		expect(ids(e)).toEqual([rid(1)]);
		expect(x).toEqual([]);

		[s, e, x] = await pollAll('2024-05-01T12:20:00Z');
		expect([s, e]).toEqual([[], []]);
		expect(ids(x)).toEqual([rid(2)]);
		expect(x[0]).toMatchObject({
			isOpen: true,
			endTimeUtc: null,
			durationSeconds: 1080,
			overThreshold: true,
		});

		fake.states[1].end = '2024-05-01T12:25:00Z';
		fake.states.push({ stateIndex: 3, start: '2024-05-01T12:25:00Z', stateId: 1 });
		[s, e, x] = await pollAll('2024-05-01T12:30:00Z');
		expect(ids(s)).toEqual([rid(3)]);
		expect(ids(e)).toEqual([rid(2)]);
		expect(e[0]).toMatchObject({
			isOpen: false,
			endTimeUtc: '2024-05-01T12:25:00.000Z',
			endTime: '2024-05-01T08:25:00.000-04:00',
			durationSeconds: 1380,
		});
		expect(x).toEqual([]);

		expect(await pollAll('2024-05-01T12:40:00Z')).toEqual([[], [], []]);
	});
});

describe('a state CXone keeps sending without a duration after it ended', () => {
	it('State Ended emits it once the next state of its session is listed, ending there', async () => {
		fake.openState = 'absent';
		const ctx = trigger({ options: { pageSize: 2, maxRetries: 0, resolveAgentNames: false } });
		await pollAt(ctx, '2024-05-01T12:00:00Z');
		fake.states.push({ stateIndex: 1, start: '2024-05-01T12:01:00Z', noDuration: true });
		expect(await pollAt(ctx, '2024-05-01T12:05:00Z')).toEqual([]);
		fake.states.push({ stateIndex: 2, start: '2024-05-01T12:07:00Z', noDuration: true });
		const out = await pollAt(ctx, '2024-05-01T12:10:00Z');
		expect(ids(out)).toEqual([rid(1)]);
		expect(out[0]).toMatchObject({
			isOpen: false,
			endTimeUtc: '2024-05-01T12:07:00.000Z',
			durationSeconds: 360,
		});
		expect(await pollAt(ctx, '2024-05-01T12:15:00Z')).toEqual([]);
	});
});

describe('Fetch Test Event (manual mode)', () => {
	it('returns the 5 most recent matching states and leaves the cursor alone', async () => {
		const ctx = trigger({}, { mode: 'manual' });
		for (let i = 1; i <= 8; i++) {
			fake.states.push({
				stateIndex: i,
				start: new Date(ms('2024-05-01T11:20:00Z') + (i - 1) * 5 * 60_000).toISOString(),
				end: new Date(ms('2024-05-01T11:20:00Z') + i * 5 * 60_000).toISOString(),
			});
		}
		fake.states.push({ stateIndex: 9, start: '2024-05-01T12:00:00Z' }); // open: not ended
		fake.at('2024-05-01T12:01:00Z');
		const out = await node.poll.call(ctx);
		expect(out?.[0].map((i) => i.json.recordId)).toEqual([4, 5, 6, 7, 8].map((i) => rid(i)));
		expect(ctx.harness.staticData).toEqual({});
		expect(fake.requests[0]).toMatchObject({
			startDate: '2024-05-01T11:01:00.000Z',
			endDate: '2024-05-01T12:01:00.000Z',
		});
	});

	it('widens to 24 hours when the last hour has nothing, then explains an empty result', async () => {
		const ctx = trigger({}, { mode: 'manual' });
		fake.states.push({ stateIndex: 1, start: '2024-05-01T02:00:00Z', end: '2024-05-01T02:10:00Z' });
		const out = await node.poll.call(ctx);
		expect(out?.[0].map((i) => i.json.recordId)).toEqual([rid(1)]);
		expect(fake.requests.map((r) => r.startDate)).toEqual([
			'2024-05-01T11:00:00.000Z',
			'2024-04-30T12:00:00.000Z',
		]);

		fake.states.length = 0;
		const error = await node.poll.call(ctx).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe(
			'No ended states in the last 24 hours for these agents and filters',
		);
	});
});

describe('parameter and credential errors', () => {
	it('an empty Agent IDs fails at activation with a NodeOperationError naming the parameter', async () => {
		const ctx = trigger({ agentIds: ' ' });
		const error = await node.poll.call(ctx).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toMatch(/^Agent IDs is empty/);
		expect((error as NodeOperationError).description).toBe('Check the "agentIds" parameter.');
		expect(ctx.harness.staticData).toEqual({});
	});

	it.each<[Params, string, RegExp]>([
		[
			{ options: { lookBackMinutes: 0 } },
			'options.lookBackMinutes',
			/^Look-Back \(Minutes\) must be/,
		],
		[{ event: 'stateExceeded', thresholdMinutes: 0 }, 'thresholdMinutes', /^Duration \(Minutes\)/],
		[{ timezone: 'Mars/Olympus' }, 'timezone', /not an IANA timezone/],
		[{ event: 'stateChanged' }, 'event', /not supported/],
	])('%j is refused', async (params, parameter, message) => {
		const error = await node.poll.call(trigger(params)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(message);
		expect((error as NodeOperationError).description).toBe(`Check the "${parameter}" parameter.`);
	});

	it('All Agents with the Reporting API v2 is refused with the fix', async () => {
		const ctx = trigger(
			{ agentSelection: 'all' },
			{
				credentials: { apiFlavor: 'reportingV2' },
				staticData: { node: { cursorMs: 1, floorMs: 1 } },
			},
		);
		const error = await node.poll.call(ctx).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(
			/"All Agents" is not available with the Reporting API v2/,
		);
	});
});
