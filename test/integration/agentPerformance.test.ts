// The CXone node's Agent → Get Performance against the fake CXone over real HTTP (n8n-core's real
// request helpers, the package's credential): every item equals the fake's truth, and its times
// agree with the state history of the same window read by the history node.
import type { IDataObject } from 'n8n-workflow';

import { CxoneOAuth2Api } from '../../credentials/CxoneOAuth2Api.credentials';
import { Cxone } from '../../nodes/Cxone/Cxone.node';
import { CxoneAgentStateHistory } from '../../nodes/CxoneAgentStateHistory/CxoneAgentStateHistory.node';
import type { FakeCxone } from '../fake-cxone';
import { createFakeCxone } from '../fake-cxone';
import { fakeCxoneCredentials } from '../helpers/fakeCredentials';
import type { Params } from '../helpers/n8nContext';
import { createExecuteContext } from '../helpers/n8nContext';

const TUE = '2024-05-07T00:00:00.000Z';
const WED = '2024-05-08T00:00:00.000Z';
const FAKE_NOW = '2024-05-08T18:00:00.000Z';
const AGENT = 39260750;
const AGENTS = 12;
const ACW = 'ACW';

let fake: FakeCxone;

beforeAll(async () => {
	fake = createFakeCxone({ agents: AGENTS, seed: 7, now: FAKE_NOW });
	await fake.start(0);
});
afterAll(async () => await fake.stop());
afterEach(() => fake.setOptions({ performanceCasing: 'camel' }));

async function run(node: Cxone | CxoneAgentStateHistory, params: Params): Promise<IDataObject[]> {
	const ctx = createExecuteContext({
		credentialType: new CxoneOAuth2Api(),
		credentials: fakeCxoneCredentials(fake),
		params,
	});
	const out = await node.execute.call(ctx);
	return out[0].map((i) => i.json);
}

const performance = (params: Params) =>
	run(new Cxone(), {
		resource: 'agent',
		operation: 'getPerformance',
		timeRange: 'custom',
		start: TUE,
		end: WED,
		timezone: 'UTC',
		...params,
	});

/** The fake's truth with the node's field names (times in seconds). */
function truth(agentId?: number, start = TUE, end = WED) {
	return fake.performanceFor({ agentId, startMs: start, endMs: end }).map((row) => ({
		...row,
		agentId: String(row.agentId),
		teamId: String(row.teamId),
	}));
}

describe('Agent → Get Performance against the fake CXone', () => {
	it('every agent: one item each, equal to the fake, with names and the window', async () => {
		const items = await performance({});
		const expected = truth();
		expect(items).toHaveLength(expected.length);
		expect(expected.length).toBeGreaterThan(5);
		for (const want of expected) {
			const item = items.find((i) => i.agentId === want.agentId) as IDataObject;
			expect(item).toBeDefined();
			for (const [key, value] of Object.entries(want)) {
				if (typeof value === 'number') expect(item[key]).toBeCloseTo(value, 3);
				else expect(item[key]).toBe(value);
			}
			const agent = fake.agents.find((a) => String(a.agentId) === want.agentId)!;
			expect(item).toMatchObject({
				agentName: `${agent.firstName} ${agent.lastName}`,
				teamName: agent.teamName,
				windowStartUtc: TUE,
				windowEndUtc: WED,
				windowStart: '2024-05-07T00:00:00.000+00:00',
				windowEnd: '2024-05-08T00:00:00.000+00:00',
			});
		}
	});

	it('agrees with the state history of the same window (clipped), summed per state', async () => {
		const history = await run(new CxoneAgentStateHistory(), {
			agentSelection: 'all',
			timeRange: 'custom',
			start: TUE,
			end: WED,
			timezone: 'UTC',
			splitIntoItems: true,
			options: { resolveAgentNames: false },
		});
		const items = await performance({ options: { resolveAgentNames: false } });
		for (const item of items) {
			const states = history.filter((h) => h.agentId === item.agentId);
			const sum = (keep: (s: IDataObject) => boolean) =>
				states.filter(keep).reduce((t, s) => t + (s.clippedDurationSeconds as number), 0);
			expect(item.availableTime).toBeCloseTo(
				sum((s) => s.state === 'Available'),
				3,
			);
			expect(item.acwTime).toBeCloseTo(
				sum((s) => s.label === ACW),
				3,
			);
			expect(item.unavailableTime).toBeCloseTo(
				sum((s) => s.state === 'Unavailable' && s.label !== ACW),
				3,
			);
			expect(item.loginTime).toBeCloseTo(
				sum((s) => s.state !== 'LoggedOut'),
				3,
			);
			expect(item.inboundTime).toBeCloseTo(
				sum((s) => s.state === 'InboundContact'),
				3,
			);
			const started = (state: string) =>
				states.filter((s) => s.state === state && (s.startTimeUtc as string) >= TUE).length;
			expect(item.inboundHandled).toBe(started('InboundContact'));
			expect(item.outboundHandled).toBe(started('OutboundContact'));
		}
	});

	it('one agent: the single-agent route; a window ending now counts the open state', async () => {
		const items = await performance({
			agentSelection: 'ids',
			agentIds: String(AGENT),
			start: WED,
			end: FAKE_NOW,
		});
		const [want] = truth(AGENT, WED, FAKE_NOW);
		expect(items).toHaveLength(1);
		expect(items[0].loginTime).toBeCloseTo(want.loginTime, 3);
		expect(items[0].inboundTime).toBeCloseTo(want.inboundTime, 3);
		expect(items[0].consultTime).toBeCloseTo(want.consultTime, 3);
		expect(items[0].occupancy).toBeCloseTo(want.occupancy, 2);
		expect(
			fake.log.some((e: { path?: string }) => /agents\/39260750\/performance/.test(e.path ?? '')),
		).toBe(true);
	});

	it('reads the older PascalCase answer the same way, and filters by team', async () => {
		fake.setOptions({ performanceCasing: 'pascal' });
		const team = String(fake.agents[1].teamId);
		const items = await performance({ teamList: [team], options: { resolveAgentNames: false } });
		const expected = truth().filter((row) => row.teamId === team);
		expect(items.map((i) => i.agentId).sort()).toEqual(expected.map((r) => r.agentId).sort());
		expect(items.map((i) => i.availableTime)).toEqual(
			items.map((i) => expected.find((r) => r.agentId === i.agentId)!.availableTime),
		);
	});

	it('no agent of the picked team: one noRecords item, not silence', async () => {
		const items = await performance({ teamList: ['205999'], timezone: 'America/New_York' });
		expect(items).toEqual([
			{
				itemType: 'noRecords',
				message: 'No agent activity in this window',
				windowStartUtc: TUE,
				windowEndUtc: WED,
			},
		]);
	});
});
