// The fake CXone's directory and real-time routes over real HTTP (global fetch, port 0): agents
// (filters, paging, by id), teams, both unavailable-code routes and their shapes, current states
// checked against the state history at the same now, the casing/type options and the 403s.
import {
	createFakeCxone,
	UNAVAILABLE_CODES,
	type FakeCxoneAgentItem,
	type FakeCxoneCurrentState,
} from '../fake-cxone';
import { FakeClient } from '../helpers/fakeClient';

type Json = Record<string, unknown>;

interface Page {
	totalRecords: number;
	businessUnitId: number;
	lastPollTime: string;
	_links: { self: string; next: string | null; previous: string | null };
	[listKey: string]: unknown;
}

const HOUR = 3600000;
const V = '/inContactAPI/services/v27.0';
const WED = Date.parse('2024-05-08T00:00:00.000Z');
const NOW = Date.parse('2024-05-08T18:00:00.000Z');
const AGENT = 39260750;
const AGENTS = 23;
const TEAMS = 3;

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

/** Seconds of a CXone duration in any of its shapes. */
function durationSeconds(d: unknown): number {
	if (typeof d === 'number') return d;
	const s = String(d);
	if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
	const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s);
	if (!m) throw new Error(`not a duration: ${s}`);
	return (
		Number(m[1] ?? 0) * 86400 +
		Number(m[2] ?? 0) * 3600 +
		Number(m[3] ?? 0) * 60 +
		Number(m[4] ?? 0)
	);
}

function pascalKey(key: string): string {
	return key.startsWith('_') ? key : key.charAt(0).toUpperCase() + key.slice(1);
}

class Client extends FakeClient {
	/** Follows `_links.next` (key `_links` in either casing); every item and the pages seen. */
	async all<T>(first: string, listKey: string): Promise<{ items: T[]; pages: Page[] }> {
		const items: T[] = [];
		const pages: Page[] = [];
		let next: string | null = first;
		while (next) {
			const res = await this.get(next);
			if (res.status === 204) break;
			expect(res.status).toBe(200);
			const page = (await res.json()) as Page;
			pages.push(page);
			items.push(...(page[listKey] as T[]));
			next = page._links.next;
			expect(pages.length).toBeLessThan(100);
		}
		return { items, pages };
	}
}

describe('fake CXone directory and real-time routes', () => {
	const fake = createFakeCxone({ agents: AGENTS, teams: TEAMS, seed: 42 });
	const client = new Client(fake);
	let url = '';

	beforeAll(async () => {
		url = (await fake.start()).url;
		await client.login();
	});

	afterAll(async () => {
		await fake.stop();
	});

	beforeEach(() => {
		fake.setNow(NOW);
		fake.setOpenState('elapsed');
		fake.setOptions({
			agentsForbidden: false,
			teamsForbidden: false,
			unavailableCodesForbidden: false,
			agentStatesForbidden: false,
			unavailableCodesShape: 'default',
			currentStateCasing: 'camel',
			currentStateNumbersAsStrings: false,
		});
	});

	describe('agents', () => {
		it('pages the whole directory: all pages concatenated are the truth', async () => {
			const truth = fake.agentItems();
			expect(truth).toHaveLength(AGENTS);
			const { items, pages } = await client.all<FakeCxoneAgentItem>(`${V}/agents?top=5`, 'agents');
			expect(items).toEqual(truth);
			expect(pages.map((p) => (p.agents as unknown[]).length)).toEqual([5, 5, 5, 5, 3]);
			expect(pages.every((p) => p.totalRecords === AGENTS)).toBe(true);
			expect(pages[0]._links.next).toBe(`${url}${V}/agents?top=5&skip=5`);
			expect(pages[4]._links.next).toBeNull();
			expect(items[0]).toEqual({
				agentId: AGENT,
				userName: fake.agents[0].userName,
				firstName: fake.agents[0].firstName,
				lastName: fake.agents[0].lastName,
				emailAddress: fake.agents[0].userName,
				isActive: true,
				teamId: 205970,
				teamName: 'Global Help Desk',
				isSupervisor: false,
				lastLogin: expect.stringMatching(/^2024-05-0[78]T/) as unknown as string,
				timeZone: 'America/New_York',
			});
			// Every 7th agent is inactive; every 5th a supervisor.
			expect(items.filter((a) => !a.isActive).map((a) => a.agentId - AGENT)).toEqual([6, 13, 20]);
			expect(items.filter((a) => a.isSupervisor).map((a) => a.agentId - AGENT)).toEqual([
				4, 9, 14, 19,
			]);
			expect(fake.agents.map((a) => a.isActive)).toEqual(items.map((a) => a.isActive));
			// lastLogin is the start of a shift that began before now.
			for (const a of items) {
				if (a.lastLogin !== undefined) expect(Date.parse(a.lastLogin)).toBeLessThan(NOW);
			}
		});

		it('filters by isActive, teamId and searchString, with totalRecords after the filter', async () => {
			const truth = fake.agentItems();
			const active = await client.all<FakeCxoneAgentItem>(
				`${V}/agents?isActive=true&top=7`,
				'agents',
			);
			expect(active.items).toEqual(truth.filter((a) => a.isActive));
			expect(active.items).toHaveLength(AGENTS - 3);
			expect(active.pages.map((p) => p.totalRecords)).toEqual([20, 20, 20]);
			expect(active.pages[0]._links.next).toBe(`${url}${V}/agents?isActive=true&top=7&skip=7`);

			const inactive = await client.getJson<Page>(`${V}/agents?isActive=FALSE`);
			expect((inactive.agents as FakeCxoneAgentItem[]).map((a) => a.agentId)).toEqual([
				AGENT + 6,
				AGENT + 13,
				AGENT + 20,
			]);
			expect(inactive.totalRecords).toBe(3);

			const team = await client.getJson<Page>(`${V}/agents?teamId=205971`);
			expect(team.agents).toEqual(truth.filter((a) => a.teamId === 205971));
			expect(team.totalRecords).toBe(truth.filter((a) => (a.agentId - AGENT) % 3 === 1).length);

			const both = await client.getJson<Page>(`${V}/agents?teamId=205970&isActive=false`);
			expect((both.agents as FakeCxoneAgentItem[]).map((a) => a.agentId)).toEqual([AGENT + 6]);

			// searchString: a case-insensitive substring of first name, last name, userName or id.
			const lastName = truth[3].lastName;
			const byName = await client.getJson<Page>(
				`${V}/agents?searchString=${encodeURIComponent(lastName.toUpperCase().slice(1))}`,
			);
			const needle = lastName.slice(1).toLowerCase();
			expect(byName.agents).toEqual(
				truth.filter((a) =>
					[a.firstName, a.lastName, a.userName, String(a.agentId)].some((v) =>
						v.toLowerCase().includes(needle),
					),
				),
			);
			const byUser = await client.getJson<Page>(`${V}/agents?searchString=10%40FAKECXONE`);
			expect(byUser.agents).toEqual([truth[10]]);
			const byId = await client.getJson<Page>(`${V}/agents?searchString=3926076`);
			expect((byId.agents as FakeCxoneAgentItem[]).map((a) => a.agentId - AGENT)).toEqual([
				10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
			]);
			const byIdActive = await client.getJson<Page>(
				`${V}/agents?searchString=3926076&isActive=true&top=4&skip=4`,
			);
			expect(byIdActive.totalRecords).toBe(9);
			expect((byIdActive.agents as FakeCxoneAgentItem[]).map((a) => a.agentId - AGENT)).toEqual([
				15,
				16,
				17,
				18, // 13 is inactive
			]);

			expect((await client.get(`${V}/agents?searchString=nobody-here`)).status).toBe(204);
			const badBool = await client.get(`${V}/agents?isActive=yes`);
			expect(badBool.status).toBe(400);
			expect(badBool.headers.get('icstatusdescription')).toMatch(/isActive/);
			expect((await client.get(`${V}/agents?teamId=sales`)).status).toBe(400);
		});

		it('serves one agent by id in the list envelope; 404 unknown, 400 non-numeric', async () => {
			const truth = fake.agentItems();
			for (const i of [0, 6, 22]) {
				const body = await client.getJson<Json>(`${V}/agents/${AGENT + i}`);
				expect(body).toEqual({ agents: [truth[i]] });
			}
			const unknown = await client.get(`${V}/agents/39999999`);
			expect(unknown.status).toBe(404);
			expect(unknown.headers.get('icstatusdescription')).toMatch(/39999999/);
			expect(await unknown.text()).toBe('');
			expect((await client.get(`${V}/agents/abc`)).status).toBe(400);
		});
	});

	describe('teams', () => {
		it('pages and filters the teams; agentCount matches the agents', async () => {
			const truth = fake.teams();
			expect(truth.map((t) => [t.teamId, t.teamName, t.isActive])).toEqual([
				[205970, 'Global Help Desk', true],
				[205971, 'Sales East', true],
				[205972, 'Collections', true],
				[205973, 'Retired Team', false],
			]);
			for (const t of truth) {
				expect(t.agentCount).toBe(fake.agents.filter((a) => a.teamId === t.teamId).length);
			}
			expect(truth.reduce((n, t) => n + t.agentCount, 0)).toBe(AGENTS);
			expect(truth.map((t) => 'description' in t)).toEqual([true, false, true, false]);

			const { items, pages } = await client.all<Json>(`${V}/teams?top=3`, 'teams');
			expect(items).toEqual(truth);
			expect(pages.map((p) => [p.totalRecords, (p.teams as unknown[]).length])).toEqual([
				[4, 3],
				[4, 1],
			]);
			expect(pages[1]._links.next).toBeNull();

			const inactive = await client.getJson<Page>(`${V}/teams?isActive=false`);
			expect(inactive).toMatchObject({ totalRecords: 1, teams: [truth[3]] });
			const active = await client.getJson<Page>(`${V}/teams?isActive=true`);
			expect(active.teams).toEqual(truth.slice(0, 3));
			const search = await client.getJson<Page>(`${V}/teams?searchString=SALES`);
			expect(search).toMatchObject({ totalRecords: 1, teams: [truth[1]] });
			const byId = await client.getJson<Page>(`${V}/teams?searchString=205972`);
			expect(byId.teams).toEqual([truth[2]]);
			expect((await client.get(`${V}/teams?searchString=zzz`)).status).toBe(204);
			expect((await client.get(`${V}/teams?isActive=1`)).status).toBe(400);
		});
	});

	describe('unavailable codes', () => {
		it('are the out-state codes the history uses, plus inactive ones', async () => {
			const truth = fake.unavailableCodes();
			expect(truth).toEqual(UNAVAILABLE_CODES);
			expect(truth.map((c) => [c.id, c.name, c.isActive, c.isACW, c.agentTimeoutMins])).toEqual([
				[77, 'Lunch', true, false, 60],
				[78, 'Break', true, false, null],
				[79, 'ACW', true, true, 2],
				[80, 'Training', true, false, null],
				[81, 'Meeting', true, false, 45],
				[82, 'Coaching', false, false, null],
				[83, 'ACW Extended', false, true, 10],
			]);
			// Every reason in a week of history is an active code with the same id and name.
			const history = fake.recordsFor({
				all: true,
				startMs: WED - 7 * 24 * HOUR,
				endMs: NOW,
			});
			const used = new Map<number, string>();
			for (const r of history) {
				const id = Number(r.outStateId);
				if (id !== 0) used.set(id, r.outStateDescription as string);
				else expect(r.outStateDescription).toBeNull();
			}
			expect([...used.keys()].sort()).toEqual([77, 78, 79, 80, 81]);
			for (const [id, name] of used) {
				expect(truth.find((c) => c.id === id)).toMatchObject({ name, isActive: true });
			}
			// ACW is an Unavailable state with the ACW code.
			expect(
				history
					.filter((r) => Number(r.outStateId) === 79)
					.every((r) => Number(r.agentStateId) === 2),
			).toBe(true);
		});

		it('GET unavailable-codes pages and filters the business unit list', async () => {
			const served = fake.unavailableCodes().map((c) => ({
				id: c.id,
				name: c.name,
				isActive: c.isActive,
				isACW: c.isACW,
				agentTimeout: c.agentTimeoutMins,
			}));
			const { items, pages } = await client.all<Json>(
				`${V}/unavailable-codes?top=3`,
				'unavailableCodes',
			);
			expect(items).toEqual(served);
			expect(pages.map((p) => [p.totalRecords, (p.unavailableCodes as unknown[]).length])).toEqual([
				[7, 3],
				[7, 3],
				[7, 1],
			]);
			const inactive = await client.getJson<Page>(`${V}/unavailable-codes?isActive=false`);
			expect(inactive).toMatchObject({ totalRecords: 2, unavailableCodes: served.slice(5) });
			const active = await client.getJson<Page>(
				`${V}/unavailable-codes?isActive=true&top=2&skip=4`,
			);
			expect(active).toMatchObject({ totalRecords: 5, unavailableCodes: [served[4]] });
			const acw = await client.getJson<Page>(`${V}/unavailable-codes?searchString=acw`);
			expect((acw.unavailableCodes as Json[]).map((c) => c.id)).toEqual([79, 83]);
			expect((await client.get(`${V}/unavailable-codes?isActive=maybe`)).status).toBe(400);
		});

		it('GET teams/{teamId}/unavailable-codes in both shapes, activeOnly', async () => {
			const truth = fake.unavailableCodes();
			const all = await client.getJson<Json>(`${V}/teams/205971/unavailable-codes`);
			expect(all).toEqual({
				teamId: 205971,
				teamName: 'Sales East',
				unavailableCodes: truth.map((c) => ({
					outstateId: c.id,
					outstateName: c.name,
					isActive: c.isActive,
					isAcw: c.isACW,
					agentTimeoutMins: c.agentTimeoutMins,
				})),
			});
			const activeOnly = await client.getJson<Json>(
				`${V}/teams/205971/unavailable-codes?activeOnly=true`,
			);
			expect((activeOnly.unavailableCodes as Json[]).map((c) => c.outstateId)).toEqual([
				77, 78, 79, 80, 81,
			]);
			const notOnly = await client.getJson<Json>(
				`${V}/teams/205970/unavailable-codes?activeOnly=false`,
			);
			expect(notOnly.unavailableCodes as Json[]).toHaveLength(7);

			fake.setOptions({ unavailableCodesShape: 'resultSet' });
			const old = await client.getJson<Json>(`${V}/teams/205973/unavailable-codes?activeOnly=true`);
			expect(old).toEqual({
				resultSet: {
					teamId: 205973,
					teamName: 'Retired Team',
					unavailableCodes: truth
						.filter((c) => c.isActive)
						.map((c) => ({
							outStateId: c.id,
							outStateName: c.name,
							isActive: true,
							isAcw: c.isACW,
						})),
				},
			});

			expect((await client.get(`${V}/teams/205999/unavailable-codes`)).status).toBe(404);
			expect((await client.get(`${V}/teams/x/unavailable-codes`)).status).toBe(400);
			expect((await client.get(`${V}/teams/205970/unavailable-codes?activeOnly=on`)).status).toBe(
				400,
			);
		});
	});

	describe('current states', () => {
		/**
		 * Each agent's current state from the history at the same now: the last record of today's
		 * window is the open one (served without `duration` with openState 'absent').
		 */
		async function expectStatesMatchHistory(nowMs: number): Promise<FakeCxoneCurrentState[]> {
			fake.setNow(nowMs);
			fake.setOpenState('absent');
			const page = await client.getJson<Page>(`${V}/agents/states`);
			expect(page.lastPollTime).toBe(iso(nowMs));
			expect(page.totalRecords).toBe(AGENTS);
			const states = page.agentStates as FakeCxoneCurrentState[];
			expect(states).toEqual(fake.currentStates());
			const dayStart = Math.floor(nowMs / (24 * HOUR)) * 24 * HOUR;
			for (const agent of fake.agents) {
				const q = new URLSearchParams({
					startDate: iso(dayStart),
					endDate: iso(nowMs + HOUR),
					top: '10000',
				});
				const history = await client.getJson<Page>(
					`${V}/agents/${agent.agentId}/state-history?${q.toString()}`,
				);
				const records = history.agentStateHistory as Json[];
				const last = records[records.length - 1];
				const state = states.find((s) => s.agentId === agent.agentId) as FakeCxoneCurrentState;
				expect(state).toBeDefined();
				if ('duration' in last) {
					// No open state: LoggedOut from the end of the last one.
					const end = Date.parse(last.startDate as string) + durationSeconds(last.duration) * 1000;
					expect(state).toMatchObject({ agentStateId: 0, agentStateName: 'LoggedOut' });
					expect(state.startDate).toBe(iso(end));
					continue;
				}
				expect(state.agentStateId).toBe(Number(last.agentStateId));
				if (last.agentStateName !== undefined) {
					expect(state.agentStateName).toBe(last.agentStateName);
				}
				expect(state.outStateId).toBe(Number(last.outStateId));
				expect(state.outStateDescription).toBe(last.outStateDescription);
				expect(state.startDate).toBe(last.startDate);
				expect(state.lastUpdateTime).toBe(last.startDate);
				expect(state.skillId).toBe(Number(last.skillId));
				expect(state.skillName).toBe(last.skillName);
				expect(state.mediaTypeId).toBe(Number(last.mediaTypeId));
				expect(state.mediaTypeName).toBe(last.mediaTypeName);
				expect(state.contactId).toBe(last.contactId === null ? null : Number(last.contactId));
				// The history sends the flag as text for the agents that send numbers as strings.
				expect(state.isOutbound).toBe(last.isOutbound === true || last.isOutbound === 'true');
				expect(state.stationId).toBe(Number(last.stationId));
				expect(state.teamId).toBe(Number(last.teamId ?? last.teamNo));
				expect(state.isACW).toBe(Number(last.outStateId) === 79);
				if (state.agentStateId !== 2) {
					expect(state.outStateId).toBe(0);
					expect(state.outStateDescription).toBeNull();
				}
				expect(state).toMatchObject({
					businessUnitId: 4607084,
					firstName: agent.firstName,
					lastName: agent.lastName,
					userName: agent.userName,
					teamName: agent.teamName,
					isActive: agent.isActive,
				});
			}
			return states;
		}

		it('equal the open last state of each agent in the state history', async () => {
			const seen: FakeCxoneCurrentState[] = [];
			for (const t of [
				NOW,
				Date.parse('2024-05-08T10:00:00.000Z'),
				Date.parse('2024-05-07T12:00:00.000Z'),
			]) {
				seen.push(...(await expectStatesMatchHistory(t)));
			}
			const ids = new Set(seen.map((s) => s.agentStateId));
			for (const id of [0, 1, 2, 3, 4]) expect(ids.has(id)).toBe(true);
			const reasons = new Set(seen.map((s) => s.outStateDescription));
			expect(reasons.has('Break')).toBe(true);
			expect(reasons.has('Lunch')).toBe(true);
			expect(seen.filter((s) => s.agentStateId === 2).every((s) => s.outStateId > 0)).toBe(true);
			expect(seen.some((s) => s.contactId !== null && s.skillId > 0)).toBe(true);
		});

		it('at the instant a state starts, the history has no open state: LoggedOut from then', async () => {
			// A state starting exactly at now does not exist yet and the one before ends at now.
			const agentId = AGENT + 2;
			const day = fake.recordsFor({ agentId, startMs: WED, endMs: NOW });
			const next = day[day.length - 5];
			const at = Date.parse(next.startDate as string);
			fake.setNow(at);
			fake.setOpenState('absent');
			const q = new URLSearchParams({ startDate: iso(WED), endDate: iso(NOW), top: '10000' });
			const history = await client.getJson<Page>(
				`${V}/agents/${agentId}/state-history?${q.toString()}`,
			);
			const records = history.agentStateHistory as Json[];
			const last = records[records.length - 1];
			expect('duration' in last).toBe(true); // closed
			expect(Date.parse(last.startDate as string) + durationSeconds(last.duration) * 1000).toBe(at);
			const [state] = fake.currentStates(agentId);
			expect(state).toMatchObject({
				agentId,
				agentStateId: 0,
				agentStateName: 'LoggedOut',
				agentStateCategory: 'LoggedOut',
				startDate: iso(at),
				lastUpdateTime: iso(at),
				outStateId: 0,
				outStateDescription: null,
				contactId: null,
				skillId: 0,
				skillName: null,
				isACW: false,
			});
			const page = await client.getJson<Page>(`${V}/agents/${agentId}/states`);
			expect(page.agentStates).toEqual([state]);
			// One ms later the new state is open and current.
			fake.setNow(at + 1);
			const [after] = fake.currentStates(agentId);
			expect(after.startDate).toBe(next.startDate);
			expect(after.agentStateId).toBe(Number(next.agentStateId));
		});

		it('pages, and updatedSince keeps the states that started at or after it', async () => {
			const truth = fake.currentStates();
			const { items, pages } = await client.all<FakeCxoneCurrentState>(
				`${V}/agents/states?top=10`,
				'agentStates',
			);
			expect(items).toEqual(truth);
			expect(pages.map((p) => (p.agentStates as unknown[]).length)).toEqual([10, 10, 3]);
			expect(pages[0]._links.next).toBe(`${url}${V}/agents/states?top=10&skip=10`);

			const starts = truth.map((s) => s.startDate as string).sort();
			const cutoff = starts[Math.floor(starts.length / 2)];
			const expected = truth.filter((s) => s.startDate !== null && s.startDate >= cutoff);
			expect(expected.length).toBeGreaterThan(1);
			expect(expected.length).toBeLessThan(AGENTS);
			const since = await client.all<FakeCxoneCurrentState>(
				`${V}/agents/states?updatedSince=${cutoff}&top=5`,
				'agentStates',
			);
			expect(since.items).toEqual(expected);
			expect(since.pages.every((p) => p.totalRecords === expected.length)).toBe(true);
			// An offset instant is the same instant; one ms later drops the state that started at it.
			const offset = iso(Date.parse(cutoff)).replace('Z', '+00:00');
			const same = await client.getJson<Page>(
				`${V}/agents/states?updatedSince=${encodeURIComponent(offset)}&top=100`,
			);
			expect(same.agentStates).toEqual(expected);
			const later = await client.getJson<Page>(
				`${V}/agents/states?updatedSince=${iso(Date.parse(cutoff) + 1)}&top=100`,
			);
			expect(later.totalRecords).toBe(expected.length - 1);
			const zero = await client.getJson<Page>(`${V}/agents/states?updatedSince=0&top=100`);
			expect(zero.agentStates).toEqual(truth);
			expect((await client.get(`${V}/agents/states?updatedSince=${iso(NOW)}`)).status).toBe(204);
			expect((await client.get(`${V}/agents/states?updatedSince=yesterday`)).status).toBe(400);
		});

		it('GET agents/{agentId}/states serves one agent; 404 unknown, 400 non-numeric', async () => {
			for (const i of [0, 4, 8]) {
				const page = await client.getJson<Page>(`${V}/agents/${AGENT + i}/states`);
				expect(page.totalRecords).toBe(1);
				expect(page.agentStates).toEqual(fake.currentStates(AGENT + i));
				expect(page.agentStates).toEqual([fake.currentStates()[i]]);
			}
			expect((await client.get(`${V}/agents/39999999/states`)).status).toBe(404);
			expect((await client.get(`${V}/agents/me/states`)).status).toBe(400);
		});

		it('sends PascalCase keys and string ids when asked (also over the control API)', async () => {
			const truth = fake.currentStates();
			const set = await fetch(`${url}/__control/options`, {
				method: 'POST',
				body: JSON.stringify({ currentStateCasing: 'pascal' }),
			});
			expect(set.status).toBe(200);
			expect(((await set.json()) as Json).currentStateCasing).toBe('pascal');
			expect(fake.options.currentStateCasing).toBe('pascal');

			const res = await client.get(`${V}/agents/states?top=30`);
			expect(res.status).toBe(200);
			const page = (await res.json()) as Json;
			expect(Object.keys(page).sort()).toEqual(
				['AgentStates', 'BusinessUnitId', 'LastPollTime', 'TotalRecords', '_links'].sort(),
			);
			expect(page.LastPollTime).toBe(iso(NOW));
			expect(page.TotalRecords).toBe(AGENTS);
			const items = page.AgentStates as Json[];
			expect(items).toEqual(
				truth.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [pascalKey(k), v]))),
			);
			for (const key of [
				'AgentId',
				'AgentStateId',
				'AgentStateName',
				'OutStateId',
				'OutStateDescription',
				'StartDate',
				'LastUpdateTime',
				'IsACW',
				'SkillId',
				'TeamId',
				'TeamName',
			]) {
				expect(items[0]).toHaveProperty(key);
			}
			expect(items[0]).not.toHaveProperty('agentId');
			const one = (await client.getJson<Json>(`${V}/agents/${AGENT}/states`)) as Json;
			expect((one.AgentStates as Json[])[0].AgentId).toBe(AGENT);

			fake.setOptions({ currentStateCasing: 'camel', currentStateNumbersAsStrings: true });
			const strings = await client.getJson<Page>(`${V}/agents/states?top=30`);
			const numberKeys = [
				'agentId',
				'agentStateId',
				'businessUnitId',
				'contactId',
				'mediaTypeId',
				'outStateId',
				'skillId',
				'teamId',
				'stationId',
			];
			expect(strings.agentStates).toEqual(
				truth.map((s) => {
					const out: Json = { ...s };
					for (const k of numberKeys) if (out[k] !== null) out[k] = String(out[k]);
					return out;
				}),
			);
			const first = (strings.agentStates as Json[])[0];
			expect(first.agentId).toBe(String(AGENT));
			expect(first.outStateDescription === null || typeof first.outStateDescription === 'string');
			expect(
				(strings.agentStates as Json[]).some((s) => s.contactId === null && s.skillId === '0'),
			).toBe(true);

			fake.setOptions({ currentStateCasing: 'pascal' });
			const both = await client.getJson<Json>(`${V}/agents/states?top=1`);
			expect((both.AgentStates as Json[])[0]).toMatchObject({
				AgentId: String(AGENT),
				AgentStateId: String(truth[0].agentStateId),
				IsACW: truth[0].isACW,
			});

			const bad = await fetch(`${url}/__control/options`, {
				method: 'POST',
				body: JSON.stringify({ currentStateCasing: 'snake' }),
			});
			expect(bad.status).toBe(400);
			expect(((await bad.json()) as Json).error).toMatch(/currentStateCasing/);
			const notRuntime = await fetch(`${url}/__control/options`, {
				method: 'POST',
				body: JSON.stringify({ seed: 3 }),
			});
			expect(notRuntime.status).toBe(400);
			expect(() => createFakeCxone({ currentStateCasing: 'snake' as never })).toThrow(
				/currentStateCasing/,
			);
			expect(() => createFakeCxone({ unavailableCodesShape: 'flat' as never })).toThrow(
				/unavailableCodesShape/,
			);
		});

		it('the control API serves the truth', async () => {
			const get = async (p: string): Promise<unknown> =>
				(await (await fetch(`${url}/__control/${p}`)).json()) as unknown;
			expect(await get('current-states')).toEqual(fake.currentStates());
			expect(await get(`current-states?agentId=${AGENT + 2}`)).toEqual(
				fake.currentStates(AGENT + 2),
			);
			expect(await get('teams')).toEqual(fake.teams());
			expect(await get('unavailable-codes')).toEqual(fake.unavailableCodes());
			expect(await get('agent-items')).toEqual(fake.agentItems());
			expect(await get('options')).toEqual(fake.options);
		});
	});

	describe('permissions', () => {
		async function expectForbidden(path: string, permission: RegExp): Promise<void> {
			const res = await client.get(`${V}/${path}`);
			expect(res.status).toBe(403);
			expect(res.headers.get('icstatusdescription')).toMatch(permission);
			expect(((await res.json()) as Json).message).toMatch(/does not have permission/);
		}

		it('each option answers 403 on its routes only', async () => {
			fake.setOptions({ teamsForbidden: true });
			await expectForbidden('teams', /Teams - View/);
			expect((await client.get(`${V}/agents`)).status).toBe(200);
			expect((await client.get(`${V}/teams/205970/unavailable-codes`)).status).toBe(200);

			fake.setOptions({ teamsForbidden: false, unavailableCodesForbidden: true });
			await expectForbidden('unavailable-codes', /Unavailable Codes - View/);
			await expectForbidden('teams/205970/unavailable-codes', /Unavailable Codes - View/);
			expect((await client.get(`${V}/teams`)).status).toBe(200);

			fake.setOptions({ unavailableCodesForbidden: false, agentStatesForbidden: true });
			await expectForbidden('agents/states', /Real-Time Data - View/);
			await expectForbidden(`agents/${AGENT}/states`, /Real-Time Data - View/);
			expect((await client.get(`${V}/agents/${AGENT}`)).status).toBe(200);

			fake.setOptions({ agentStatesForbidden: false, agentsForbidden: true });
			await expectForbidden('agents', /Users - View/);
			await expectForbidden(`agents/${AGENT}`, /Users - View/);
			expect((await client.get(`${V}/agents/states`)).status).toBe(200);
		});

		it('can be set at creation', async () => {
			const server = createFakeCxone({
				agents: 3,
				teamsForbidden: true,
				unavailableCodesForbidden: true,
				agentStatesForbidden: true,
			});
			await server.start();
			try {
				const c = new Client(server);
				await c.login();
				for (const p of [
					'teams',
					'unavailable-codes',
					'teams/205970/unavailable-codes',
					'agents/states',
					`agents/${AGENT}/states`,
				]) {
					expect((await c.get(`${V}/${p}`)).status).toBe(403);
				}
				expect((await c.get(`${V}/agents`)).status).toBe(200);
				// Unauthenticated requests are still 401 first.
				const anon = await fetch(`${server.url as string}${V}/teams`, {
					headers: { Accept: 'application/json' },
				});
				expect(anon.status).toBe(401);
			} finally {
				await server.stop();
			}
		});
	});
});
