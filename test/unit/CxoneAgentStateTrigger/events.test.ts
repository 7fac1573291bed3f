// Which records carry which event, when, and the team/state/reason filters.
import {
	eventKey,
	eventTimeMs,
	matchesFilter,
	nameSet,
} from '../../../nodes/CxoneAgentStateTrigger/events';
import type { StateRecord } from '../../../nodes/shared/records/stateRecord';
import { makeThresholdRules } from '../../../nodes/shared/thresholds';

const ms = (iso: string) => Date.parse(iso);

function record(overrides: Partial<StateRecord> = {}): StateRecord {
	return {
		recordId: '39260750:5000001:3',
		agentId: '39260750',
		teamId: '205970',
		agentSessionId: '5000001',
		stateIndex: 3,
		stateId: 2,
		state: 'Unavailable',
		reasonId: 78,
		reason: 'Break',
		label: 'Break',
		category: 'unavailable',
		startTimeUtc: '2024-05-01T12:00:00.000Z',
		endTimeUtc: '2024-05-01T12:20:00.000Z',
		startTime: '2024-05-01T08:00:00.000-04:00',
		endTime: '2024-05-01T08:20:00.000-04:00',
		durationSeconds: 1200,
		durationFormatted: '20m 00s',
		isOpen: false,
		...overrides,
	};
}

describe('eventTimeMs', () => {
	// Version 1's Duration of 15 minutes: the limit of every state.
	const fifteen = makeThresholdRules([], 15);

	it('stateStarted: the start, open or not', () => {
		expect(eventTimeMs(record(), 'stateStarted')).toBe(ms('2024-05-01T12:00:00Z'));
		expect(eventTimeMs(record({ isOpen: true }), 'stateStarted')).toBe(ms('2024-05-01T12:00:00Z'));
	});

	it('stateEnded: the end, only once the state is no longer open', () => {
		expect(eventTimeMs(record(), 'stateEnded')).toBe(ms('2024-05-01T12:20:00Z'));
		expect(eventTimeMs(record({ isOpen: true }), 'stateEnded')).toBeUndefined();
		expect(eventTimeMs(record({ endTimeUtc: null }), 'stateEnded')).toBeUndefined();
	});

	it('stateExceeded: start + threshold, only for states longer than the threshold', () => {
		expect(eventTimeMs(record(), 'stateExceeded', fifteen)).toBe(ms('2024-05-01T12:15:00Z'));
		expect(eventTimeMs(record({ isOpen: true }), 'stateExceeded', fifteen)).toBe(
			ms('2024-05-01T12:15:00Z'),
		);
		// Exactly the threshold is not over it; a millisecond more is.
		expect(eventTimeMs(record({ durationSeconds: 900 }), 'stateExceeded', fifteen)).toBeUndefined();
		expect(eventTimeMs(record({ durationSeconds: 900.001 }), 'stateExceeded', fifteen)).toBe(
			ms('2024-05-01T12:15:00Z'),
		);
		// Without thresholds no state exceeds anything.
		expect(eventTimeMs(record(), 'stateExceeded')).toBeUndefined();
	});
});

describe('filters', () => {
	it('nameSet: comma lists or arrays, trimmed, lower-cased; empty names nothing', () => {
		expect(nameSet(' Break, LUNCH ,,')).toEqual(new Set(['break', 'lunch']));
		expect(nameSet(['Break', ' Meeting '])).toEqual(new Set(['break', 'meeting']));
		expect(nameSet('')).toBeUndefined();
		expect(nameSet(' , ')).toBeUndefined();
		expect(nameSet(undefined)).toBeUndefined();
		expect(nameSet(null)).toBeUndefined();
	});

	it('states match the state name or the label, in any case', () => {
		expect(matchesFilter(record(), { states: new Set(['unavailable']) })).toBe(true);
		expect(matchesFilter(record(), { states: new Set(['break']) })).toBe(true);
		expect(matchesFilter(record(), { states: new Set(['available']) })).toBe(false);
	});

	it('reasons match the reason only; a state without a reason never matches', () => {
		expect(matchesFilter(record(), { reasons: new Set(['break']) })).toBe(true);
		expect(matchesFilter(record(), { reasons: new Set(['unavailable']) })).toBe(false);
		const available = record({
			stateId: 1,
			state: 'Available',
			reason: null,
			reasonId: null,
			label: 'Available',
		});
		expect(matchesFilter(available, { reasons: new Set(['available']) })).toBe(false);
		expect(matchesFilter(available, {})).toBe(true);
	});

	it('teams match the record team; a record without a team never matches', () => {
		expect(matchesFilter(record(), { teams: new Set(['205970']) })).toBe(true);
		expect(matchesFilter(record(), { teams: new Set(['205971']) })).toBe(false);
		expect(matchesFilter(record({ teamId: null }), { teams: new Set(['205970']) })).toBe(false);
	});

	it('all filters must hold together', () => {
		const f = {
			teams: new Set(['205970']),
			states: new Set(['unavailable']),
			reasons: new Set(['lunch']),
		};
		expect(matchesFilter(record(), f)).toBe(false);
		expect(matchesFilter(record({ reason: 'Lunch', label: 'Lunch' }), f)).toBe(true);
	});
});

it('eventKey joins the event and the record id', () => {
	expect(eventKey('stateExceeded', '1:2:3')).toBe('stateExceeded:1:2:3');
});
