import {
	cxoneRecordSchema,
	parseCxoneRecord,
	parseV2Record,
	v2RecordSchema,
} from '../../../nodes/shared/api/schemas/record';

// CONSTRUCTED fixture (no real CXone state-history JSON is public): field list and types from
// NICE's agent SDK, values invented.
const lunch = {
	stateIndex: 1,
	startDate: '2024-05-01T13:00:00.000Z',
	agentId: 39260750,
	agentStateId: 2,
	agentStateName: 'Unavailable',
	agentSessionId: 1234567,
	contactId: null,
	skillId: 0,
	skillName: null,
	mediaTypeId: 0,
	mediaTypeName: null,
	fromAddress: null,
	toAddress: null,
	outStateId: 77,
	outStateDescription: 'Lunch',
	duration: 'PT30M5.25S',
	isOutbound: false,
	isNaturalCalling: false,
	stationId: 555,
	stationName: 'Station 1',
	teamNo: 205970,
};

const v2Break = {
	user_id: 'u-1',
	user_name: 'Ada Lovelace',
	team_id: 12,
	team_name: 'Support',
	session_id: 'sess-9',
	state_index: 4,
	state_id: 4,
	state_name: 'BREAK',
	reason_id: 3,
	reason_name: 'Coffee',
	start_time: '2024-05-01T09:00:00.000-04:00',
	end_time: '2024-05-01T09:15:30.500-04:00',
	duration: 930.5,
};

function expectOk<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
	if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
	return result.value;
}

function expectInvalid(result: { ok: true } | { ok: false; field: string; message: string }): {
	field: string;
	message: string;
} {
	if (result.ok) throw new Error('expected a rejection');
	return result;
}

describe('CXone record schema', () => {
	it('turns the fixture into a canonical record', () => {
		expect(expectOk(parseCxoneRecord(lunch))).toEqual({
			agentId: '39260750',
			agentName: null,
			teamId: '205970',
			teamName: null,
			agentSessionId: '1234567',
			stateIndex: 1,
			agentStateId: 2,
			agentStateName: 'Unavailable',
			outStateId: 77,
			outStateDescription: 'Lunch',
			startMs: Date.UTC(2024, 4, 1, 13),
			durationSeconds: 1805.25,
		});
	});

	it('coerces numeric strings safely', () => {
		const r = expectOk(
			parseCxoneRecord({
				...lunch,
				agentId: '39260750',
				agentStateId: '2',
				stateIndex: ' 3 ',
				outStateId: '77',
				agentSessionId: '1234567',
				teamNo: '205970',
				duration: '1805.25',
			}),
		);
		expect(r).toMatchObject({
			agentId: '39260750',
			agentStateId: 2,
			stateIndex: 3,
			outStateId: 77,
			agentSessionId: '1234567',
			teamId: '205970',
			durationSeconds: 1805.25,
		});
		expect(expectInvalid(parseCxoneRecord({ ...lunch, agentId: 'abc' })).message).toBe(
			'field "agentId" expected a numeric id (an integer or a string of digits), got "abc"',
		);
		expect(expectInvalid(parseCxoneRecord({ ...lunch, agentStateId: '2.5' })).field).toBe(
			'agentStateId',
		);
		expect(expectInvalid(parseCxoneRecord({ ...lunch, agentStateId: 1.5 })).field).toBe(
			'agentStateId',
		);
		expect(expectInvalid(parseCxoneRecord({ ...lunch, stateIndex: 'x1' })).field).toBe(
			'stateIndex',
		);
	});

	it('reads teamId or teamNo, preferring teamId', () => {
		const withoutTeam: Record<string, unknown> = { ...lunch };
		delete withoutTeam.teamNo;
		expect(expectOk(parseCxoneRecord({ ...withoutTeam, teamId: 42 })).teamId).toBe('42');
		expect(expectOk(parseCxoneRecord({ ...withoutTeam, teamId: 42, teamNo: 7 })).teamId).toBe('42');
		expect(expectOk(parseCxoneRecord({ ...withoutTeam, teamNo: 7 })).teamId).toBe('7');
		expect(expectOk(parseCxoneRecord(withoutTeam)).teamId).toBeNull();
	});

	it('accepts durations as ISO text, seconds or numeric strings', () => {
		expect(expectOk(parseCxoneRecord({ ...lunch, duration: 'P1DT2H' })).durationSeconds).toBe(
			93600,
		);
		expect(expectOk(parseCxoneRecord({ ...lunch, duration: 90.5 })).durationSeconds).toBe(90.5);
		expect(expectOk(parseCxoneRecord({ ...lunch, duration: '45' })).durationSeconds).toBe(45);
		expect(expectInvalid(parseCxoneRecord({ ...lunch, duration: 'P1M' })).message).toBe(
			'field "duration" expected an ISO 8601 duration (e.g. PT1M30.5S) or a number of seconds, got "P1M"',
		);
		expect(expectInvalid(parseCxoneRecord({ ...lunch, duration: -3 })).field).toBe('duration');
	});

	it('accepts startDate with Z or an offset and rejects the rest', () => {
		expect(
			expectOk(parseCxoneRecord({ ...lunch, startDate: '2024-05-01T15:00:00+02:00' })).startMs,
		).toBe(Date.UTC(2024, 4, 1, 13));
		for (const startDate of [
			'2024-05-01T13:00:00',
			'yesterday',
			'2024-02-30T00:00:00Z',
			1714568400000,
		]) {
			expect(expectInvalid(parseCxoneRecord({ ...lunch, startDate })).field).toBe('startDate');
		}
	});

	it('needs agentStateId, agentId and startDate', () => {
		for (const key of ['agentStateId', 'agentId', 'startDate'] as const) {
			const copy: Record<string, unknown> = { ...lunch };
			delete copy[key];
			const bad = expectInvalid(parseCxoneRecord(copy));
			expect(bad.field).toBe(key);
			expect(bad.message).toMatch(
				new RegExp(`^field "${key}" expected .*, got nothing \\(the field is missing\\)$`),
			);
		}
	});

	it('reads a missing, null or blank duration as none (a state CXone sent no end for)', () => {
		for (const duration of [undefined, null, '', '  ']) {
			const copy: Record<string, unknown> = { ...lunch, duration };
			if (duration === undefined) delete copy.duration;
			expect(expectOk(parseCxoneRecord(copy)).durationSeconds).toBeNull();
		}
		expect(expectInvalid(parseCxoneRecord({ ...lunch, duration: 'soon' })).field).toBe('duration');
	});

	it('treats optional extras as optional or null', () => {
		const minimal = {
			agentId: 1,
			startDate: '2024-05-01T13:00:00Z',
			agentStateId: 1,
			duration: 'PT5S',
			agentStateName: null,
			outStateId: null,
			outStateDescription: '',
			stateIndex: null,
			agentSessionId: '',
		};
		expect(expectOk(parseCxoneRecord(minimal))).toMatchObject({
			agentStateName: null,
			outStateId: null,
			outStateDescription: null,
			stateIndex: null,
			agentSessionId: null,
		});
	});

	it('joins firstName and lastName when there is no agentName', () => {
		expect(
			expectOk(parseCxoneRecord({ ...lunch, firstName: 'Ada', lastName: 'Lovelace' })).agentName,
		).toBe('Ada Lovelace');
		expect(
			expectOk(
				parseCxoneRecord({ ...lunch, agentName: 'A. L.', firstName: 'Ada', lastName: 'Lovelace' }),
			).agentName,
		).toBe('A. L.');
	});

	it('names several failing fields at once and rejects non-objects', () => {
		const bad = expectInvalid(
			parseCxoneRecord({ ...lunch, agentStateId: true, agentSessionId: {} }),
		);
		expect(bad.message).toBe(
			'field "agentStateId" expected an integer or a string of digits, got true; ' +
				'field "agentSessionId" expected an id (an integer or non-empty text), got {}',
		);
		expect(expectInvalid(parseCxoneRecord('nope')).message).toBe(
			'the record: Expected object, received string',
		);
		expect(expectInvalid(parseCxoneRecord(null)).field).toBe('(record)');
		expect(expectInvalid(parseCxoneRecord([lunch])).message).toMatch(/received array/);
	});
});

describe('fast path and zod schema agree', () => {
	const mutations: Array<[string, unknown]> = [
		['agentId', '12'],
		['agentId', ' 12 '],
		['agentId', 'abc'],
		['agentId', 1.5],
		['agentId', null],
		['agentId', undefined],
		['stateIndex', '7'],
		['stateIndex', ''],
		['stateIndex', NaN],
		['stateIndex', Infinity],
		['agentStateId', '-3'],
		['agentStateId', false],
		['agentStateName', 5],
		['agentStateName', ['x']],
		['agentSessionId', 'S-1'],
		['agentSessionId', 2 ** 53 + 2],
		['outStateId', 0],
		['outStateDescription', 12],
		['duration', 'PT0S'],
		['duration', 'P1Y'],
		['duration', '1e3'],
		['duration', {}],
		['startDate', '2024-05-01T13:00:00.1234567Z'],
		['startDate', '2024-05-01'],
		['teamId', ''],
		['teamNo', true],
		['firstName', 'Ada'],
	];

	it.each(mutations)('CXone %s = %p', (key, value) => {
		const input = { ...lunch, [key]: value };
		const fast = parseCxoneRecord(input);
		const slow = cxoneRecordSchema.safeParse(input);
		expect(fast.ok).toBe(slow.success);
		if (fast.ok && slow.success) expect(fast.value).toEqual(slow.data);
	});

	const v2Mutations: Array<[string, unknown]> = [
		['user_id', 17],
		['user_id', ''],
		['state_id', '3'],
		['state_id', 'BREAK'],
		['end_time', null],
		['end_time', '2024-05-01T09:15:30'],
		['duration', null],
		['duration', '930.5'],
		['reason_id', 0],
		['team_id', false],
		['start_time', undefined],
	];

	it.each(v2Mutations)('v2 %s = %p', (key, value) => {
		const input = { ...v2Break, [key]: value };
		const fast = parseV2Record(input);
		const slow = v2RecordSchema.safeParse(input);
		expect(fast.ok).toBe(slow.success);
		if (fast.ok && slow.success) expect(fast.value).toEqual(slow.data);
	});
});

describe('Reporting API v2 record schema', () => {
	it('turns a record into a canonical record', () => {
		expect(expectOk(parseV2Record(v2Break))).toEqual({
			userId: 'u-1',
			userName: 'Ada Lovelace',
			teamId: '12',
			teamName: 'Support',
			sessionId: 'sess-9',
			stateIndex: 4,
			stateId: 4,
			stateName: 'BREAK',
			reasonId: 3,
			reasonName: 'Coffee',
			startMs: Date.UTC(2024, 4, 1, 13),
			endMs: Date.UTC(2024, 4, 1, 13, 15, 30, 500),
			durationSeconds: 930.5,
		});
	});

	it('allows an open state and a missing duration', () => {
		const r = expectOk(parseV2Record({ ...v2Break, end_time: null, duration: undefined }));
		expect(r.endMs).toBeNull();
		expect(r.durationSeconds).toBeNull();
	});

	it('names the failing field', () => {
		expect(
			expectInvalid(parseV2Record({ ...v2Break, start_time: '2024-05-01 09:00' })).message,
		).toBe(
			'field "start_time" expected an ISO 8601 date-time with Z or an offset, e.g. 2024-05-01T13:00:00.000Z, got "2024-05-01 09:00"',
		);
		expect(expectInvalid(parseV2Record({ ...v2Break, state_id: undefined })).field).toBe(
			'state_id',
		);
	});
});
