// The fake CXone's data-placing options: timeShiftMs (runtime: the same states served later, for
// tests that place a chosen state on the real clock once n8n is ready) and everyDay with
// shiftStartLocal (every agent works every day inside a zone's local day, for the demo).
import { DateTime } from 'luxon';

import { createFakeCxone, type CanonicalRecord } from '../fake-cxone';
import { FakeClient } from '../helpers/fakeClient';

type Json = Record<string, unknown>;

const HOUR = 3600000;
const DAY = 24 * HOUR;
const V = '/inContactAPI/services/v27.0';
const NOW = Date.parse('2024-05-08T18:00:00.000Z');
const ZONE = 'America/New_York';

function shifted(records: CanonicalRecord[], ms: number): CanonicalRecord[] {
	return records.map((r) => ({
		...r,
		startMs: r.startMs + ms,
		endMs: r.endMs === null ? null : r.endMs + ms,
	}));
}

describe('fake CXone timeShiftMs', () => {
	// Not a whole number of days or hours, so no day or hour arithmetic can hide a mistake.
	const SHIFT = 37 * HOUR + 12345;

	it('serves every state SHIFT ms later: same ids, same shapes, current states and logins too', () => {
		const plain = createFakeCxone({ agents: 12, seed: 3, now: NOW });
		const later = createFakeCxone({ agents: 12, seed: 3, now: NOW + SHIFT, timeShiftMs: SHIFT });
		for (const [s, e] of [
			[NOW - 7 * DAY, NOW],
			[Date.parse('2024-05-07T22:00:00Z'), Date.parse('2024-05-08T02:00:00Z')],
			[NOW - 60000, NOW + HOUR],
		]) {
			const q = { all: true, startMs: s, endMs: e };
			const qs = { all: true, startMs: s + SHIFT, endMs: e + SHIFT };
			const truth = plain.canonicalRecordsFor(q);
			expect(truth.length).toBeGreaterThan(0);
			expect(later.canonicalRecordsFor(qs)).toEqual(shifted(truth, SHIFT));
			expect(later.countRecords(qs)).toBe(truth.length);
			// Served records differ only in their start (durations, shapes and ids are kept).
			const served = later.recordsFor(qs);
			const plainServed = plain.recordsFor(q);
			expect(served.map((r) => ({ ...r, startDate: Date.parse(r.startDate as string) }))).toEqual(
				plainServed.map((r) => ({ ...r, startDate: Date.parse(r.startDate as string) + SHIFT })),
			);
		}
		const move = (v: unknown): unknown =>
			v === null ? null : new Date(Date.parse(v as string) + SHIFT).toISOString();
		expect(later.currentStates()).toEqual(
			plain.currentStates().map((c) => ({
				...c,
				startDate: move(c.startDate),
				lastUpdateTime: move(c.lastUpdateTime),
			})),
		);
		expect(later.agentItems()).toEqual(
			plain.agentItems().map((a) => ({ ...a, lastLogin: move(a.lastLogin) })),
		);
		expect(later.performanceFor({ startMs: NOW - DAY + SHIFT, endMs: NOW + SHIFT })).toEqual(
			plain.performanceFor({ startMs: NOW - DAY, endMs: NOW }),
		);
	});

	it('a negative shift works the same way', () => {
		const plain = createFakeCxone({ agents: 6, seed: 9, now: NOW });
		const earlier = createFakeCxone({ agents: 6, seed: 9, now: NOW - SHIFT, timeShiftMs: -SHIFT });
		const truth = plain.canonicalRecordsFor({ all: true, startMs: NOW - 3 * DAY, endMs: NOW });
		expect(
			earlier.canonicalRecordsFor({
				all: true,
				startMs: NOW - 3 * DAY - SHIFT,
				endMs: NOW - SHIFT,
			}),
		).toEqual(shifted(truth, -SHIFT));
	});

	it('changes at runtime (JS and control API) and over HTTP; 0 restores the data', async () => {
		const fake = createFakeCxone({ agents: 5, seed: 3, now: NOW });
		await fake.start();
		try {
			const window = { all: true, startMs: NOW - DAY, endMs: NOW };
			const before = fake.canonicalRecordsFor(window);
			fake.setNow(NOW + SHIFT);
			expect(fake.setOptions({ timeShiftMs: SHIFT }).timeShiftMs).toBe(SHIFT);
			expect(
				fake.canonicalRecordsFor({ all: true, startMs: NOW - DAY + SHIFT, endMs: NOW + SHIFT }),
			).toEqual(shifted(before, SHIFT));

			const set = await fetch(`${fake.url as string}/__control/options`, {
				method: 'POST',
				body: JSON.stringify({ timeShiftMs: 0 }),
			});
			expect(set.status).toBe(200);
			expect(((await set.json()) as Json).timeShiftMs).toBe(0);
			fake.setNow(NOW);
			expect(fake.canonicalRecordsFor(window)).toEqual(before);

			await fetch(`${fake.url as string}/__control/options`, {
				method: 'POST',
				body: JSON.stringify({ timeShiftMs: SHIFT }),
			});
			fake.setNow(NOW + SHIFT);
			// The API serves the shifted states (its token and history routes are unchanged).
			const client = new FakeClient(fake);
			await client.login();
			const q = new URLSearchParams({
				startDate: new Date(NOW - DAY + SHIFT).toISOString(),
				endDate: new Date(NOW + SHIFT).toISOString(),
				top: '10000',
			});
			const page = await client.getJson<Json>(`${V}/agents/state-history?${q.toString()}`);
			expect(page.agentStateHistory).toEqual(
				fake.recordsFor({ all: true, startMs: NOW - DAY + SHIFT, endMs: NOW + SHIFT }),
			);
			expect((page.agentStateHistory as Json[]).length).toBe(before.length);

			const bad = await fetch(`${fake.url as string}/__control/options`, {
				method: 'POST',
				body: JSON.stringify({ timeShiftMs: 'soon' }),
			});
			expect(bad.status).toBe(400);
			expect(((await bad.json()) as Json).error).toMatch(/timeShiftMs/);
		} finally {
			await fake.stop();
		}
	});
});

describe('fake CXone everyDay and shiftStartLocal', () => {
	const OPTIONS = {
		agents: 12,
		seed: 42,
		everyDay: true,
		shiftStartLocal: { zone: ZONE, hour: 8 },
	};

	it('every agent works every local day, its shift inside the day (weekends and DST days too)', () => {
		for (const date of [
			'2024-05-11', // Saturday
			'2024-05-12', // Sunday
			'2024-05-13',
			'2024-03-10', // 23 h: DST starts
			'2024-11-03', // 25 h: DST ends
		]) {
			const day = DateTime.fromISO(date, { zone: ZONE });
			const start = day.toMillis();
			const end = day.plus({ days: 1 }).toMillis();
			const fake = createFakeCxone({ ...OPTIONS, now: end + DAY });
			const records = fake.canonicalRecordsFor({ all: true, startMs: start, endMs: end });
			for (const agent of fake.agents) {
				const mine = records.filter((r) => r.agentId === String(agent.agentId));
				const logins = mine.filter((r) => r.stateName === 'LoggedIn');
				expect(logins).toHaveLength(1);
				const login = DateTime.fromMillis(logins[0].startMs, { zone: ZONE });
				expect(login.toISODate()).toBe(date);
				expect(login.hour).toBeGreaterThanOrEqual(7);
				expect(login.hour).toBeLessThanOrEqual(11);
				// The shift's last state (LoggedOut) starts the same local day, before 22:00.
				const logout = mine.filter((r) => r.stateName === 'LoggedOut').pop() as CanonicalRecord;
				expect(logout.startMs).toBeGreaterThan(logins[0].startMs);
				expect(logout.startMs).toBeLessThan(day.set({ hour: 22 }).toMillis());
				// Every state is on the shift or the LoggedOut states around it.
				expect(mine.filter((r) => r.startMs < logins[0].startMs).map((r) => r.stateName)).toEqual([
					'LoggedOut',
				]);
			}
		}
	});

	it('east of UTC the shift starts the UTC day before and the history stays continuous', () => {
		const zone = 'Asia/Tokyo';
		const fake = createFakeCxone({
			agents: 6,
			seed: 42,
			now: '2024-05-14T00:00:00Z',
			everyDay: true,
			shiftStartLocal: { zone, hour: 8 },
		});
		const day = DateTime.fromISO('2024-05-11', { zone });
		const records = fake.canonicalRecordsFor({
			all: true,
			startMs: day.toMillis(),
			endMs: day.plus({ days: 1 }).toMillis(),
		});
		for (const agent of fake.agents) {
			const mine = records.filter((r) => r.agentId === String(agent.agentId));
			const logins = mine.filter((r) => r.stateName === 'LoggedIn');
			expect(logins).toHaveLength(1);
			expect(DateTime.fromMillis(logins[0].startMs, { zone }).toISODate()).toBe('2024-05-11');
			for (let i = 1; i < mine.length; i++) expect(mine[i].startMs).toBe(mine[i - 1].endMs);
		}
	});

	it('leaves the defaults alone: without the options agents take weekends off', () => {
		const sunday = DateTime.fromISO('2024-05-12', { zone: ZONE });
		const count = (o: object): number =>
			createFakeCxone({ agents: 12, seed: 42, now: '2024-05-14T00:00:00Z', ...o })
				.canonicalRecordsFor({
					all: true,
					startMs: sunday.toMillis(),
					endMs: sunday.plus({ days: 1 }).toMillis(),
				})
				.filter((r) => r.stateName === 'LoggedIn').length;
		expect(count({})).toBeLessThan(12);
		expect(count(OPTIONS)).toBe(12);
		// everyDay alone keeps the UTC start times of the defaults.
		const plain = createFakeCxone({ agents: 12, seed: 42, now: NOW });
		const every = createFakeCxone({ agents: 12, seed: 42, now: NOW, everyDay: true });
		const wednesday = { all: true, startMs: NOW - 18 * HOUR, endMs: NOW };
		const logins = (f: ReturnType<typeof createFakeCxone>): number[] =>
			f
				.canonicalRecordsFor(wednesday)
				.filter((r) => r.stateName === 'LoggedIn')
				.map((r) => r.startMs);
		expect(logins(every)).toEqual(expect.arrayContaining(logins(plain)));
	});

	it('refuses a bad zone or hour', () => {
		expect(() => createFakeCxone({ shiftStartLocal: { zone: 'Mars/Olympus', hour: 8 } })).toThrow(
			/shiftStartLocal.zone/,
		);
		expect(() => createFakeCxone({ shiftStartLocal: { zone: ZONE, hour: 24 } })).toThrow(
			/shiftStartLocal.hour/,
		);
		expect(() => createFakeCxone({ everyDay: 'yes' as never })).toThrow(/everyDay/);
		expect(() => createFakeCxone({ timeShiftMs: Number.NaN })).toThrow(/timeShiftMs/);
	});
});
