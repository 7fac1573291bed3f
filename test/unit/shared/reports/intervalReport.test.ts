// The interval report's fold: time per group, interval and key, with exact values on New York's
// fall-back day (the repeated 01:00 hour is two rows), open states, both credit modes, each
// grouping and breakdown, and the invariant that a group's seconds add up to its clipped time.
import type { StateRecord } from '../../../../nodes/shared/records/stateRecord';
import type { IntervalReportOptions } from '../../../../nodes/shared/reports/intervalReport';
import { IntervalReport } from '../../../../nodes/shared/reports/intervalReport';

const ms = (iso: string) => Date.parse(iso);
// New York's fall-back day, 00:00 EDT to 24:00 EST (25 hours).
const window = { startMs: ms('2024-11-03T04:00:00Z'), endMs: ms('2024-11-04T05:00:00Z') };
const READ_AT = ms('2024-11-03T07:30:00Z');

let n = 0;
function state(
	agentId: string,
	start: string,
	end: string,
	label: { state: string; reason?: string; category?: StateRecord['category'] },
	extra: Partial<StateRecord> = {},
): StateRecord {
	n++;
	const reason = label.reason ?? null;
	return {
		recordId: `${agentId}:1:${n}`,
		agentId,
		agentName: `Agent ${agentId}`,
		teamId: agentId === '1' ? '10' : '20',
		teamName: agentId === '1' ? 'Ten' : 'Twenty',
		agentSessionId: '1',
		stateIndex: n,
		stateId: 2,
		state: label.state,
		reasonId: null,
		reason,
		label: reason ?? label.state,
		category: label.category ?? 'unavailable',
		startTimeUtc: new Date(ms(start)).toISOString(),
		endTimeUtc: new Date(ms(end)).toISOString(),
		startTime: '',
		endTime: '',
		durationSeconds: (ms(end) - ms(start)) / 1000,
		durationFormatted: '',
		isOpen: false,
		...extra,
	};
}

function fold(records: StateRecord[], opts: Partial<IntervalReportOptions> = {}) {
	const r = new IntervalReport({
		window,
		timeZone: 'America/New_York',
		length: 60,
		groupBy: 'agent',
		breakDown: 'label',
		credit: 'split',
		readAtMs: READ_AT,
		...opts,
	});
	for (const record of records) r.add(record);
	return r;
}

const report = (records: StateRecord[], opts: Partial<IntervalReportOptions> = {}) =>
	fold(records, opts).rows();

const available = { state: 'Available', category: 'available' as const };
const brk = { state: 'Unavailable', reason: 'Break' };

describe('IntervalReport', () => {
	it('splits a state across the repeated 01:00 hour: two rows, told apart by their offset', () => {
		const rows = report([state('1', '2024-11-03T04:50:00Z', '2024-11-03T06:10:00Z', available)]);
		expect(
			rows.map((r) => [r.intervalStart, r.intervalMinutes, r.seconds, r.started, r.segments]),
		).toEqual([
			['2024-11-03T00:00:00.000-04:00', 60, 600, 1, 1],
			['2024-11-03T01:00:00.000-04:00', 60, 3600, 0, 1],
			['2024-11-03T01:00:00.000-05:00', 60, 600, 0, 1],
		]);
		expect(rows[1]).toMatchObject({
			recordId: '1|2024-11-03T05:00:00.000Z|60|Available',
			agentId: '1',
			agentName: 'Agent 1',
			teamId: '10',
			teamName: 'Ten',
			intervalStartUtc: '2024-11-03T05:00:00.000Z',
			intervalEndUtc: '2024-11-03T06:00:00.000Z',
			intervalDate: '2024-11-03',
			label: 'Available',
			state: 'Available',
			reason: null,
			category: 'available',
			includesOpenTime: false,
			complete: true,
		});
		expect(rows[2].recordId).toBe('1|2024-11-03T06:00:00.000Z|60|Available');
	});

	it('Start Interval: the whole in-window time in the interval of the in-window start', () => {
		const rows = report([state('1', '2024-11-03T03:50:00Z', '2024-11-03T06:10:00Z', available)], {
			credit: 'start',
		});
		// The window starts at 04:00Z: 2 h 10 min, all in the first interval, started before it.
		expect(rows.map((r) => [r.intervalStartUtc, r.seconds, r.started])).toEqual([
			['2024-11-03T04:00:00.000Z', 7800, 0],
		]);
	});

	it('an open state: its interval includes open time and is not complete after the read', () => {
		const rows = report([
			state('1', '2024-11-03T06:45:00Z', '2024-11-03T07:30:00Z', brk, { isOpen: true }),
		]);
		expect(
			rows.map((r) => [r.intervalStartUtc, r.seconds, r.includesOpenTime, r.complete]),
		).toEqual([
			['2024-11-03T06:00:00.000Z', 900, true, true],
			['2024-11-03T07:00:00.000Z', 1800, true, false],
		]);
		expect(rows[0]).toMatchObject({ label: 'Break', state: 'Unavailable', reason: 'Break' });
	});

	it('by team, by all agents; broken down by state or category', () => {
		const records = [
			state('1', '2024-11-03T04:00:00Z', '2024-11-03T04:30:00Z', available),
			state('2', '2024-11-03T04:00:00Z', '2024-11-03T04:20:00Z', brk),
			state('2', '2024-11-03T04:20:00Z', '2024-11-03T04:30:00Z', {
				state: 'Unavailable',
				reason: 'Lunch',
			}),
		];
		const byTeam = report(records, { groupBy: 'team', breakDown: 'state' });
		expect(byTeam.map((r) => [r.recordId, r.agentId, r.teamName, r.seconds, r.label])).toEqual([
			['10|2024-11-03T04:00:00.000Z|60|Available', null, 'Ten', 1800, null],
			['20|2024-11-03T04:00:00.000Z|60|Unavailable', null, 'Twenty', 1800, null],
		]);
		const all = report(records, { groupBy: 'all', breakDown: 'category' });
		expect(all.map((r) => [r.recordId, r.category, r.state, r.seconds, r.segments])).toEqual([
			['all|2024-11-03T04:00:00.000Z|60|available', 'available', null, 1800, 1],
			['all|2024-11-03T04:00:00.000Z|60|unavailable', 'unavailable', null, 1800, 2],
		]);
	});

	it('a day interval on the 25-hour day; per agent the seconds add up to the clipped time', () => {
		const records = [
			state('1', '2024-11-03T03:00:00Z', '2024-11-03T09:00:00Z', available),
			state('1', '2024-11-03T09:00:00Z', '2024-11-04T06:00:00Z', brk),
			state('2', '2024-11-03T12:00:00Z', '2024-11-03T12:15:00Z', brk),
		];
		const days = report(records, { length: 'day' });
		expect(days.map((r) => [r.agentId, r.label, r.intervalMinutes, r.seconds])).toEqual([
			['1', 'Available', 1500, 5 * 3600],
			['1', 'Break', 1500, 20 * 3600],
			['2', 'Break', 1500, 900],
		]);
		for (const length of [15, 30, 60] as const) {
			const rows = report(records, { length });
			const sum = (agent: string) =>
				rows.filter((r) => r.agentId === agent).reduce((t, r) => t + r.seconds, 0);
			expect([sum('1'), sum('2')]).toEqual([25 * 3600, 900]);
		}
	});

	it('the wide form: every interval of every group, zeros included, ACW from the codes, occupancy', () => {
		const inbound = { state: 'InboundContact', category: 'working' as const };
		const acw = { state: 'Unavailable', reason: 'Wrap Up' };
		const records = [
			state('1', '2024-11-03T04:00:00Z', '2024-11-03T04:20:00Z', available),
			state('1', '2024-11-03T04:20:00Z', '2024-11-03T04:50:00Z', inbound),
			state('1', '2024-11-03T04:50:00Z', '2024-11-03T05:00:00Z', acw),
			state('1', '2024-11-03T05:00:00Z', '2024-11-03T05:15:00Z', brk, { isOpen: true }),
			state('1', '2024-11-03T05:15:00Z', '2024-11-03T06:00:00Z', {
				state: 'LoggedOut',
				category: 'loggedOut',
			}),
		];
		const rows = fold(records, {
			window: { startMs: ms('2024-11-03T04:00:00Z'), endMs: ms('2024-11-03T07:00:00Z') },
			isAcw: (reason) => reason === 'Wrap Up',
		}).summaryRows();
		expect(rows).toHaveLength(3);
		expect(rows[0]).toEqual({
			recordId: '1|2024-11-03T04:00:00.000Z|60',
			agentId: '1',
			agentName: 'Agent 1',
			teamId: '10',
			teamName: 'Ten',
			intervalStart: '2024-11-03T00:00:00.000-04:00',
			intervalStartUtc: '2024-11-03T04:00:00.000Z',
			intervalEndUtc: '2024-11-03T05:00:00.000Z',
			intervalDate: '2024-11-03',
			intervalMinutes: 60,
			loggedInSeconds: 3600,
			availableSeconds: 1200,
			workingSeconds: 1800,
			acwSeconds: 600,
			unavailableSeconds: 0,
			loggedOutSeconds: 0,
			byLabel: { Available: 1200, InboundContact: 1800, 'Wrap Up': 600 },
			// (1800 + 600) ÷ (1800 + 600 + 1200) = 66.666… %
			occupancyPct: 66.67,
			includesOpenTime: false,
			complete: true,
		});
		expect(rows[1]).toMatchObject({
			loggedInSeconds: 900,
			unavailableSeconds: 900,
			loggedOutSeconds: 2700,
			// Neither working nor available: no occupancy to speak of.
			occupancyPct: null,
			includesOpenTime: true,
		});
		// No state in the last hour: a row of zeros, occupancy null, not complete after the read.
		expect(rows[2]).toMatchObject({
			intervalStartUtc: '2024-11-03T06:00:00.000Z',
			loggedInSeconds: 0,
			loggedOutSeconds: 0,
			byLabel: {},
			occupancyPct: null,
			complete: true,
		});
	});
});
