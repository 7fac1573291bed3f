import { CXONE } from '../../../nodes/shared/flavors';
import { createNormalizer } from '../../../nodes/shared/states/normalize';
import { summarize } from '../../../nodes/shared/summary';
import { makeThresholdRules } from '../../../nodes/shared/thresholds';
import type { BoundaryMode } from '../../../nodes/shared/types';
import type { StateRecord } from '../../../nodes/shared/records/stateRecord';

const WINDOW = { startMs: Date.UTC(2024, 4, 1, 12), endMs: Date.UTC(2024, 4, 1, 14) };
const READ_AT = Date.UTC(2024, 4, 2);

function normalizeAll(
	raws: Array<Record<string, unknown>>,
	boundary: BoundaryMode,
	thresholdMinutes?: number,
) {
	const n = createNormalizer({
		flavor: CXONE,
		timeZone: 'UTC',
		window: WINDOW,
		boundary,
		includeRaw: false,
		// Version 1's one threshold: the limit of every state.
		thresholds: thresholdMinutes === undefined ? null : makeThresholdRules([], thresholdMinutes),
	});
	const records: StateRecord[] = [];
	for (const raw of raws) {
		const result = n(raw, READ_AT);
		if (result.ok) records.push(result.record);
	}
	return records;
}

let index = 0;
function state(agentId: number, start: string, duration: string, stateId: number, reason?: string) {
	index++;
	return {
		agentId,
		agentSessionId: 100 + agentId,
		stateIndex: index,
		startDate: start,
		duration,
		agentStateId: stateId,
		outStateId: reason === undefined ? 0 : 50,
		outStateDescription: reason ?? null,
		teamNo: agentId === 2 ? 20 : 10,
	};
}

const raws = [
	// Agent 1
	state(1, '2024-05-01T11:50:00Z', 'PT20M', 1), // Available, 10 min inside the window
	state(1, '2024-05-01T12:10:00Z', 'PT35M', 2, 'Lunch'),
	state(1, '2024-05-01T12:45:00Z', 'PT5M', 3), // InboundContact
	state(1, '2024-05-01T12:50:00Z', 'PT10M', 2, 'Lunch'),
	state(1, '2024-05-01T13:00:00Z', 'PT1H30M', 0), // LoggedOut, 60 min inside
	// Agent 2
	state(2, '2024-05-01T12:00:00Z', 'PT0.1S', 1),
	state(2, '2024-05-01T12:00:00.100Z', 'PT0.2S', 1),
	state(2, '2024-05-01T12:00:00.300Z', 'PT10M', 42), // unknown id
	state(2, '2024-05-01T13:55:00Z', 'PT1H', 8), // LoggedIn, 5 min inside
];

describe('summarize', () => {
	const records = normalizeAll(raws, 'clip', 30);
	const summary = summarize(records, {
		boundary: 'clip',
		invalidRecords: 3,
		outsideWindowRecords: 1,
		window: WINDOW,
	});

	it('sums clipped seconds per agent, label and category', () => {
		const [a1, a2] = summary.agents;
		expect(a1.agentId).toBe('1');
		expect(a1.teamId).toBe('10');
		expect(a1.recordCount).toBe(5);
		expect(a1.totalSeconds).toBe(120 * 60);
		expect(a1.loggedInSeconds).toBe(60 * 60);
		expect(a1.byLabel).toEqual({
			LoggedOut: { seconds: 3600, count: 1 },
			Lunch: { seconds: 2700, count: 2 },
			Available: { seconds: 600, count: 1 },
			InboundContact: { seconds: 300, count: 1 },
		});
		expect(Object.keys(a1.byLabel)).toEqual(['LoggedOut', 'Lunch', 'Available', 'InboundContact']);
		expect(a1.byCategory).toEqual({
			available: { seconds: 600, count: 1 },
			unavailable: { seconds: 2700, count: 2 },
			working: { seconds: 300, count: 1 },
			loggedOut: { seconds: 3600, count: 1 },
			loggedIn: { seconds: 0, count: 0 },
			unknown: { seconds: 0, count: 0 },
		});
		expect(a1.overThresholdCount).toBe(2); // Lunch 35 min and LoggedOut 90 min
		expect(a2.agentId).toBe('2');
		expect(a2.totalSeconds).toBe(900.3); // 0.1 + 0.2 + 600 + 300, with no float noise
		expect(a2.byLabel.Available).toEqual({ seconds: 0.3, count: 2 });
		expect(a2.byCategory.unknown).toEqual({ seconds: 600, count: 1 });
		expect(a2.loggedInSeconds).toBe(300.3);
	});

	it('reports the longest state per label by its full duration', () => {
		const a1 = summary.agents[0];
		expect(a1.longestByLabel.Lunch).toEqual({
			recordId: '1:101:2',
			seconds: 2100,
			startTimeUtc: '2024-05-01T12:10:00.000Z',
		});
		// Clipped to 60 minutes in the sums, but the state lasted 90.
		expect(a1.longestByLabel.LoggedOut.seconds).toBe(5400);
	});

	it('totals all agents and carries the counters and window', () => {
		expect(summary).toMatchObject({
			boundary: 'clip',
			window: { startUtc: '2024-05-01T12:00:00.000Z', endUtc: '2024-05-01T14:00:00.000Z' },
			invalidRecords: 3,
			outsideWindowRecords: 1,
			agentCount: 2,
			recordCount: 9,
			totalSeconds: 8100.3,
			loggedInSeconds: 3900.3,
			overThresholdCount: 3,
		});
		expect(summary.byLabel.Available).toEqual({ seconds: 600.3, count: 3 });
		expect(summary.longestByLabel.LoggedIn.seconds).toBe(3600);
	});

	it('sums durationSeconds outside clip mode', () => {
		const asReturned = summarize(normalizeAll(raws, 'asReturned'), {
			boundary: 'asReturned',
			invalidRecords: 0,
		});
		expect(asReturned.agents[0].totalSeconds).toBe((20 + 35 + 5 + 10 + 90) * 60);
		expect(asReturned.window).toBeNull();
		expect('outsideWindowRecords' in asReturned).toBe(false);
	});

	it('gives zeros and every category for no records', () => {
		const empty = summarize([], { boundary: 'clip', invalidRecords: 0 });
		expect(empty).toEqual({
			boundary: 'clip',
			window: null,
			invalidRecords: 0,
			agentCount: 0,
			recordCount: 0,
			totalSeconds: 0,
			loggedInSeconds: 0,
			overThresholdCount: 0,
			byLabel: {},
			byCategory: {
				available: { seconds: 0, count: 0 },
				unavailable: { seconds: 0, count: 0 },
				working: { seconds: 0, count: 0 },
				loggedOut: { seconds: 0, count: 0 },
				loggedIn: { seconds: 0, count: 0 },
				unknown: { seconds: 0, count: 0 },
			},
			longestByLabel: {},
			agents: [],
		});
	});

	it('keeps odd labels as plain keys', () => {
		const n = createNormalizer({
			flavor: CXONE,
			timeZone: 'UTC',
			window: WINDOW,
			boundary: 'clip',
			includeRaw: false,
		});
		const r = n({ ...raws[1], outStateDescription: '__proto__' }, READ_AT);
		if (!r.ok) throw new Error('expected a record');
		const s = summarize([r.record], { boundary: 'clip', invalidRecords: 0 });
		expect(Object.prototype.hasOwnProperty.call(s.byLabel, '__proto__')).toBe(true);
		expect(Object.getPrototypeOf(s.byLabel)).toBe(Object.prototype);
		expect(JSON.parse(JSON.stringify(s.byLabel))).toEqual(
			JSON.parse('{"__proto__": {"seconds": 2100, "count": 1}}'),
		);
	});
});

describe('summarize invariant: per-agent totals equal the sum of clipped durations', () => {
	it('holds for many random records', () => {
		let seed = 12345;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const randomRaws: Array<Record<string, unknown>> = [];
		for (let i = 0; i < 3000; i++) {
			const startMs = WINDOW.startMs - 3600000 + Math.floor(random() * 4 * 3600000);
			const millis = Math.floor(random() * 1000);
			randomRaws.push({
				agentId: 1 + Math.floor(random() * 12),
				agentSessionId: 7,
				stateIndex: i,
				startDate: new Date(startMs).toISOString(),
				duration: `PT${Math.floor(random() * 50)}M${Math.floor(random() * 60)}.${String(millis).padStart(3, '0')}S`,
				agentStateId: Math.floor(random() * 10),
				outStateId: 0,
			});
		}
		const records = normalizeAll(randomRaws, 'clip');
		expect(records.length).toBeGreaterThan(1500);
		const summary = summarize(records, { boundary: 'clip', invalidRecords: 0 });
		let overallMs = 0;
		for (const agent of summary.agents) {
			const mine = records.filter((r) => r.agentId === agent.agentId);
			const sumMs = mine.reduce((acc, r) => acc + Math.round(r.clippedDurationSeconds! * 1000), 0);
			overallMs += sumMs;
			expect(agent.totalSeconds).toBe(sumMs / 1000);
			expect(agent.recordCount).toBe(mine.length);
			const byLabelMs = Object.values(agent.byLabel).reduce(
				(acc, t) => acc + Math.round(t.seconds * 1000),
				0,
			);
			expect(byLabelMs).toBe(sumMs);
			const byCategoryMs = Object.values(agent.byCategory).reduce(
				(acc, t) => acc + Math.round(t.seconds * 1000),
				0,
			);
			expect(byCategoryMs).toBe(sumMs);
		}
		expect(summary.totalSeconds).toBe(overallMs / 1000);
		expect(summary.agents.map((a) => a.agentId)).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
			'7',
			'8',
			'9',
			'10',
			'11',
			'12',
		]);
	});
});
