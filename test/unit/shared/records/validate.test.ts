import { CXONE } from '../../../../nodes/shared/flavors';
import { CXONE_FIELDS, V2_FIELDS } from '../../../../nodes/shared/records/fields';
import { parseCxoneRecord, parseV2Record } from '../../../../nodes/shared/records/validate';
import { createNormalizer } from '../../../../nodes/shared/states/normalize';

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
			stateId: 2,
			apiStateName: 'Unavailable',
			reasonId: 77,
			reasonName: 'Lunch',
			startMs: Date.UTC(2024, 4, 1, 13),
			durationSeconds: 1805.25,
			firstName: null,
			lastName: null,
			// contactId null and skillId 0 both mean none.
			contactId: null,
			skillId: null,
			skillName: null,
			mediaTypeName: null,
			isOutbound: false,
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
			stateId: 2,
			stateIndex: 3,
			reasonId: 77,
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
			apiStateName: null,
			reasonId: null,
			reasonName: null,
			stateIndex: null,
			agentSessionId: null,
		});
	});

	it('joins firstName and lastName when there is no agentName', () => {
		// The record keeps the parts; the normalizer names the agent by the one name rule.
		expect(
			expectOk(parseCxoneRecord({ ...lunch, firstName: 'Ada', lastName: 'Lovelace' })),
		).toMatchObject({ agentName: null, firstName: 'Ada', lastName: 'Lovelace' });
		const normalize = createNormalizer({
			flavor: CXONE,
			timeZone: 'UTC',
			window: { startMs: 0, endMs: Date.UTC(2030, 0, 1) },
			boundary: 'asReturned',
			includeRaw: false,
		});
		const nameOf = (raw: Record<string, unknown>) => {
			const result = normalize(raw, Date.UTC(2030, 0, 1));
			if (!result.ok) throw new Error(`expected a record, got ${JSON.stringify(result)}`);
			return result.record.agentName;
		};
		expect(nameOf({ ...lunch, firstName: 'Ada', lastName: 'Lovelace' })).toBe('Ada Lovelace');
		expect(nameOf({ ...lunch, firstName: 'Ada' })).toBe('Ada');
		expect(nameOf({ ...lunch, lastName: 'Lovelace' })).toBe('Lovelace');
		expect(nameOf({ ...lunch, agentName: 'A. L.', firstName: 'Ada', lastName: 'Lovelace' })).toBe(
			'A. L.',
		);
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

// Each mutation of a valid record against what it must give: a change to the canonical record, or
// the error text. Pinned from the former zod-backed validator's answers.
describe('contact fields (contactId, skillId, mediaTypeName, isOutbound)', () => {
	const parsed = (extra: Record<string, unknown>) => {
		const result = parseCxoneRecord({ ...lunch, ...extra });
		if (!result.ok) throw new Error(result.message);
		return result.value;
	};

	it('reads a contact state: ids as strings, numbers or numeric strings alike', () => {
		const inbound = {
			contactId: 700000123456,
			skillId: '4100001',
			mediaTypeName: 'Chat',
			isOutbound: false,
		};
		expect(parsed(inbound)).toMatchObject({
			contactId: '700000123456',
			skillId: '4100001',
			mediaTypeName: 'Chat',
			isOutbound: false,
		});
		expect(parsed({ contactId: '700000123456', skillId: 4100001 })).toMatchObject({
			contactId: '700000123456',
			skillId: '4100001',
		});
	});

	it('reads 0, "0", null and absent as no contact or skill', () => {
		for (const none of [0, '0', null, undefined, '']) {
			expect(parsed({ contactId: none, skillId: none })).toMatchObject({
				contactId: null,
				skillId: null,
			});
		}
	});

	it('reads isOutbound as true/false, "true"/"false" in any case, 1/0; absent is null', () => {
		expect(parsed({ isOutbound: 'TRUE' }).isOutbound).toBe(true);
		expect(parsed({ isOutbound: '0' }).isOutbound).toBe(false);
		expect(parsed({ isOutbound: 1 }).isOutbound).toBe(true);
		expect(parsed({ isOutbound: undefined }).isOutbound).toBeNull();
	});

	it('reads a value it cannot read as null: the state itself stays valid', () => {
		expect(
			parsed({ isOutbound: 'maybe', skillId: { id: 1 }, contactId: 2 ** 60, mediaTypeName: [] }),
		).toMatchObject({ isOutbound: null, skillId: null, contactId: null, mediaTypeName: null });
		expect(parsed({ isOutbound: 'Y', contactId: '00' })).toMatchObject({
			isOutbound: true,
			contactId: null,
		});
	});
});

describe('one field at a time', () => {
	const cxoneLunch = expectOk(parseCxoneRecord(lunch));
	const id = 'an id (an integer or non-empty text)';
	const int = 'an integer or a string of digits';
	const numericId = 'a numeric id (an integer or a string of digits)';
	const instant = 'an ISO 8601 date-time with Z or an offset, e.g. 2024-05-01T13:00:00.000Z';
	const duration = 'an ISO 8601 duration (e.g. PT1M30.5S) or a number of seconds';
	const missing = 'nothing (the field is missing)';

	const mutations: Array<[string, unknown, Record<string, unknown> | string]> = [
		['agentId', '12', { agentId: '12' }],
		['agentId', ' 12 ', { agentId: '12' }],
		['agentId', 'abc', `expected ${numericId}, got "abc"`],
		['agentId', 1.5, `expected ${numericId}, got 1.5`],
		['agentId', null, `expected ${numericId}, got null`],
		['agentId', undefined, `expected ${numericId}, got ${missing}`],
		['stateIndex', '7', { stateIndex: 7 }],
		['stateIndex', '', { stateIndex: null }],
		['stateIndex', NaN, `expected ${int}, got null`],
		['stateIndex', Infinity, `expected ${int}, got null`],
		['agentStateId', '-3', { stateId: -3 }],
		['agentStateId', false, `expected ${int}, got false`],
		['agentStateName', 5, { apiStateName: '5' }],
		['agentStateName', ['x'], 'expected text, got ["x"]'],
		['agentSessionId', 'S-1', { agentSessionId: 'S-1' }],
		['agentSessionId', 2 ** 53 + 2, `expected ${id}, got 9007199254740994`],
		['outStateId', 0, { reasonId: 0 }],
		['outStateDescription', 12, { reasonName: '12' }],
		['duration', 'PT0S', { durationSeconds: 0 }],
		['duration', 'P1Y', `expected ${duration}, got "P1Y"`],
		['duration', '1e3', `expected ${duration}, got "1e3"`],
		['duration', {}, `expected ${duration}, got {}`],
		['startDate', '2024-05-01T13:00:00.1234567Z', { startMs: Date.UTC(2024, 4, 1, 13, 0, 0, 123) }],
		['startDate', '2024-05-01', `expected ${instant}, got "2024-05-01"`],
		['teamId', '', { teamId: '205970' }],
		['teamNo', true, `expected ${id}, got true`],
		['firstName', 'Ada', { firstName: 'Ada' }],
		['lastName', 'Lovelace', { lastName: 'Lovelace' }],
		['teamName', ' Support ', { teamName: 'Support' }],
		['skillName', ' Support Inbound ', { skillName: 'Support Inbound' }],
		['skillName', '', { skillName: null }],
		['skillName', {}, 'expected text, got {}'],
	];

	it.each(mutations)('CXone %s = %p', (key, value, expected) => {
		const result = parseCxoneRecord({ ...lunch, [key]: value });
		if (typeof expected === 'string') {
			expect(expectInvalid(result)).toEqual({
				ok: false,
				field: key,
				message: `field "${key}" ${expected}`,
			});
		} else {
			expect(expectOk(result)).toEqual({ ...cxoneLunch, ...expected });
		}
	});

	const v2Base = expectOk(parseV2Record(v2Break));
	const v2Mutations: Array<[string, unknown, Record<string, unknown> | string]> = [
		['user_id', 17, { agentId: '17' }],
		['user_id', '', `expected ${id}, got ""`],
		['state_id', '3', { stateId: 3 }],
		['state_id', 'BREAK', `expected ${int}, got "BREAK"`],
		['end_time', null, { endMs: null }],
		['end_time', '2024-05-01T09:15:30', `expected ${instant}, got "2024-05-01T09:15:30"`],
		['duration', null, { durationSeconds: null }],
		['duration', '930.5', { durationSeconds: 930.5 }],
		['reason_id', 0, { reasonId: 0 }],
		['team_id', false, `expected ${id}, got false`],
		['start_time', undefined, `expected ${instant}, got ${missing}`],
	];

	it.each(v2Mutations)('v2 %s = %p', (key, value, expected) => {
		const result = parseV2Record({ ...v2Break, [key]: value });
		if (typeof expected === 'string') {
			expect(expectInvalid(result)).toEqual({
				ok: false,
				field: key,
				message: `field "${key}" ${expected}`,
			});
		} else {
			expect(expectOk(result)).toEqual({ ...v2Base, ...expected });
		}
	});

	// Every row of each table is read: a row the validator skipped would accept `{}` here. The
	// fields the node only carries read what they cannot read as null instead (lenient kinds).
	const strict = (table: Record<string, unknown>) =>
		Object.keys(table).filter((key) => !LENIENT.includes(key));
	const LENIENT = ['contactId', 'skillId', 'mediaTypeName', 'isOutbound'];
	it.each([
		...strict(CXONE_FIELDS).map((key) => ['CXone', key] as const),
		...strict(V2_FIELDS).map((key) => ['v2', key] as const),
	])('%s rejects an object as %s', (flavor, key) => {
		const result =
			flavor === 'CXone'
				? parseCxoneRecord({ ...lunch, [key]: {} })
				: parseV2Record({ ...v2Break, [key]: {} });
		expect(expectInvalid(result).field).toBe(key);
	});

	it.each(LENIENT)('CXone reads an object as %s as null', (key) => {
		const result = parseCxoneRecord({ ...lunch, [key]: {} });
		expect(result).toMatchObject({ ok: true, value: { [key]: null } });
	});
});

describe('error text', () => {
	it('names wrongly typed fields before content errors, up to three', () => {
		expect(
			expectInvalid(parseCxoneRecord({ ...lunch, agentId: 'abc', agentStateId: true })),
		).toEqual({
			ok: false,
			field: 'agentStateId',
			message: 'field "agentStateId" expected an integer or a string of digits, got true',
		});
		expect(
			expectInvalid(
				parseCxoneRecord({
					...lunch,
					agentId: true,
					agentStateId: true,
					stateIndex: true,
					teamNo: true,
					lastName: {},
				}),
			),
		).toEqual({
			ok: false,
			field: 'agentId',
			message:
				'field "agentId" expected a numeric id (an integer or a string of digits), got true; ' +
				'field "stateIndex" expected an integer or a string of digits, got true; ' +
				'field "agentStateId" expected an integer or a string of digits, got true; and 2 more',
		});
	});

	it('says what came instead of a record', () => {
		expect(expectInvalid(parseCxoneRecord(NaN)).message).toBe(
			'the record: Expected object, received nan',
		);
		expect(expectInvalid(parseV2Record(5)).message).toBe(
			'the record: Expected object, received number',
		);
		expect(expectInvalid(parseV2Record(undefined))).toEqual({
			ok: false,
			field: '(record)',
			message: 'the record: Required',
		});
	});
});

describe('Reporting API v2 record schema', () => {
	it('turns a record into a canonical record', () => {
		expect(expectOk(parseV2Record(v2Break))).toEqual({
			agentId: 'u-1',
			agentName: 'Ada Lovelace',
			teamId: '12',
			teamName: 'Support',
			agentSessionId: 'sess-9',
			stateIndex: 4,
			stateId: 4,
			apiStateName: 'BREAK',
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
