import { CXONE, REPORTING_V2 } from '../../../../nodes/shared/flavors';
import { createNormalizer } from '../../../../nodes/shared/states/normalize';
import type { NormalizeResult, NormalizerOptions } from '../../../../nodes/shared/states/normalize';
import type { StateRecord } from '../../../../nodes/shared/records/stateRecord';
import { makeThresholdRules } from '../../../../nodes/shared/thresholds';

const WINDOW = { startMs: Date.UTC(2024, 4, 1, 12), endMs: Date.UTC(2024, 4, 1, 14) };
const READ_AT = Date.UTC(2024, 4, 1, 20);
/** A read instant after every fixture state, so none of them is still open. */
const READ_LATER = Date.UTC(2030, 0, 1);

// CONSTRUCTED fixture (no real CXone state-history JSON is public): values invented.
const lunch = {
	stateIndex: 1,
	startDate: '2024-05-01T13:00:00.000Z',
	agentId: 39260750,
	agentStateId: 2,
	agentStateName: 'Unavailable',
	agentSessionId: 1234567,
	contactId: null,
	outStateId: 77,
	outStateDescription: 'Lunch',
	duration: 'PT30M5.25S',
	isOutbound: false,
	teamNo: 205970,
};

function cx(overrides: Record<string, unknown>): Record<string, unknown> {
	return { ...lunch, ...overrides };
}

function make(opts: Partial<NormalizerOptions> = {}) {
	return createNormalizer({
		flavor: CXONE,
		timeZone: 'America/New_York',
		window: WINDOW,
		boundary: 'clip',
		includeRaw: false,
		...opts,
	});
}

function ok(result: NormalizeResult): StateRecord {
	if (!result.ok) throw new Error(`expected a record, got ${JSON.stringify(result)}`);
	return result.record;
}

describe('normalize: CXone', () => {
	it('produces the output contract for the fixture (clip mode)', () => {
		const record = ok(make()(lunch, READ_AT));
		expect(record).toEqual({
			recordId: '39260750:1234567:1',
			agentId: '39260750',
			teamId: '205970',
			agentSessionId: '1234567',
			stateIndex: 1,
			stateId: 2,
			state: 'Unavailable',
			reasonId: 77,
			reason: 'Lunch',
			label: 'Lunch',
			category: 'unavailable',
			startTimeUtc: '2024-05-01T13:00:00.000Z',
			endTimeUtc: '2024-05-01T13:30:05.250Z',
			startTime: '2024-05-01T09:00:00.000-04:00',
			endTime: '2024-05-01T09:30:05.250-04:00',
			durationSeconds: 1805.25,
			durationFormatted: '30m 05s',
			isOpen: false,
			contactId: null,
			skillId: null,
			skillName: null,
			mediaTypeName: null,
			isOutbound: false,
			windowStartUtc: '2024-05-01T12:00:00.000Z',
			windowEndUtc: '2024-05-01T14:00:00.000Z',
			clippedDurationSeconds: 1805.25,
		});
	});

	it('keeps the contract key order', () => {
		const record = ok(
			make({ thresholds: makeThresholdRules([], 5), includeRaw: true })(lunch, READ_AT),
		);
		expect(Object.keys(record)).toEqual([
			'recordId',
			'agentId',
			'teamId',
			'agentSessionId',
			'stateIndex',
			'stateId',
			'state',
			'reasonId',
			'reason',
			'label',
			'category',
			'startTimeUtc',
			'endTimeUtc',
			'startTime',
			'endTime',
			'durationSeconds',
			'durationFormatted',
			'isOpen',
			'contactId',
			'skillId',
			'skillName',
			'mediaTypeName',
			'isOutbound',
			'windowStartUtc',
			'windowEndUtc',
			'clippedDurationSeconds',
			'overThreshold',
			'raw',
		]);
	});

	it('accepts string numbers and teamId', () => {
		const record = ok(
			make()(
				cx({
					agentId: '39260750',
					agentStateId: '2',
					stateIndex: '1',
					teamNo: undefined,
					teamId: '9',
				}),
				READ_AT,
			),
		);
		expect(record).toMatchObject({ agentId: '39260750', stateId: 2, stateIndex: 1, teamId: '9' });
		expect(record.recordId).toBe('39260750:1234567:1');
	});

	it('uses the state as label when there is no reason (reason id 0 or absent)', () => {
		const available = ok(
			make()(
				cx({
					agentStateId: 1,
					agentStateName: 'Available',
					outStateId: 0,
					outStateDescription: '',
				}),
				READ_AT,
			),
		);
		expect(available).toMatchObject({
			reasonId: null,
			reason: null,
			label: 'Available',
			category: 'available',
		});
		const zeroWithText = ok(make()(cx({ outStateId: 0, outStateDescription: 'Stale' }), READ_AT));
		expect(zeroWithText).toMatchObject({ reasonId: null, reason: null, label: 'Unavailable' });
	});

	it('fills names from the table, marks unknown ids and never crashes on them', () => {
		const n = make();
		const cases: Array<[number, string, string]> = [
			[0, 'LoggedOut', 'loggedOut'],
			[1, 'Available', 'available'],
			[3, 'InboundContact', 'working'],
			[7, 'Dialer', 'working'],
			[8, 'LoggedIn', 'loggedIn'],
			[99, 'Unknown (99)', 'unknown'],
		];
		for (const [id, state, category] of cases) {
			const record = ok(
				n(
					cx({
						agentStateId: id,
						agentStateName: null,
						outStateId: null,
						outStateDescription: null,
					}),
					READ_AT,
				),
			);
			expect([record.state, record.category, record.label]).toEqual([state, category, state]);
		}
	});

	it('lets overrides rename states while the category still comes from the id', () => {
		const n = make({ stateNameOverrides: { 2: 'Not Ready', 99: 'Wrap' } });
		const renamed = ok(n(cx({ outStateId: null, outStateDescription: null }), READ_AT));
		expect(renamed).toMatchObject({
			state: 'Not Ready',
			label: 'Not Ready',
			category: 'unavailable',
		});
		const unknown = ok(n(cx({ agentStateId: 99, agentStateName: 'Whatever' }), READ_AT));
		expect(unknown).toMatchObject({ state: 'Wrap', category: 'unknown', label: 'Lunch' });
	});

	it('formats local times across a DST fall-back', () => {
		const record = ok(
			make({ boundary: 'asReturned' })(
				cx({ startDate: '2024-11-03T05:30:00Z', duration: 'PT1H' }),
				READ_LATER,
			),
		);
		expect(record.startTime).toBe('2024-11-03T01:30:00.000-04:00');
		expect(record.endTime).toBe('2024-11-03T01:30:00.000-05:00');
		expect(record.durationFormatted).toBe('1h 00m 00s');
	});

	it('formats durations with days', () => {
		const record = ok(make({ boundary: 'asReturned' })(cx({ duration: 'P2DT3H' }), READ_LATER));
		expect(record.durationSeconds).toBe(183600);
		expect(record.durationFormatted).toBe('2d 03h 00m 00s');
		expect(record.endTimeUtc).toBe('2024-05-03T16:00:00.000Z');
	});
});

describe('normalize: recordId', () => {
	it('is stable for the same raw record and not affected by clipping or mode', () => {
		const straddling = cx({ startDate: '2024-05-01T11:30:00Z', duration: 'PT1H' });
		const ids = [
			ok(make()(straddling, READ_AT)).recordId,
			ok(make()(JSON.parse(JSON.stringify(straddling)), READ_AT)).recordId,
			ok(make({ boundary: 'asReturned' })(straddling, READ_AT)).recordId,
			ok(make({ window: { startMs: 0, endMs: READ_AT } })(straddling, undefined)).recordId,
			ok(make({ timeZone: 'Asia/Kolkata' })(straddling, READ_AT)).recordId,
		];
		expect(new Set(ids)).toEqual(new Set(['39260750:1234567:1']));
	});

	it('falls back to agent, UTC start and state id without session or index', () => {
		const n = make();
		expect(ok(n(cx({ agentSessionId: null }), READ_AT)).recordId).toBe(
			'39260750:2024-05-01T13:00:00.000Z:2',
		);
		expect(
			ok(n(cx({ stateIndex: undefined, startDate: '2024-05-01T09:00:00-04:00' }), READ_AT))
				.recordId,
		).toBe('39260750:2024-05-01T13:00:00.000Z:2');
		// The fallback uses the raw start even when the record is clipped.
		expect(
			ok(
				n(
					cx({ agentSessionId: null, startDate: '2024-05-01T11:00:00Z', duration: 'PT2H' }),
					READ_AT,
				),
			).recordId,
		).toBe('39260750:2024-05-01T11:00:00.000Z:2');
	});
});

describe('normalize: boundary modes', () => {
	const before = cx({ startDate: '2024-05-01T11:00:00Z', duration: 'PT30M' });
	const straddleStart = cx({ startDate: '2024-05-01T11:30:00Z', duration: 'PT1H' });
	const inside = cx({ startDate: '2024-05-01T12:30:00Z', duration: 'PT10M' });
	const straddleEnd = cx({ startDate: '2024-05-01T13:45:00Z', duration: 'PT30M' });
	const after = cx({ startDate: '2024-05-01T14:00:00Z', duration: 'PT5M' });
	const endsAtStart = cx({ startDate: '2024-05-01T11:00:00Z', duration: 'PT1H' });
	const zeroAtStart = cx({ startDate: '2024-05-01T12:00:00Z', duration: 'PT0S' });
	const covering = cx({ startDate: '2024-05-01T10:00:00Z', duration: 'PT6H' });

	it('clip: keeps overlapping states with clipped durations, raw times unchanged', () => {
		const n = make();
		const s = ok(n(straddleStart, READ_AT));
		expect(s).toMatchObject({
			startTimeUtc: '2024-05-01T11:30:00.000Z',
			endTimeUtc: '2024-05-01T12:30:00.000Z',
			durationSeconds: 3600,
			clippedDurationSeconds: 1800,
			windowStartUtc: '2024-05-01T12:00:00.000Z',
			windowEndUtc: '2024-05-01T14:00:00.000Z',
		});
		expect(ok(n(inside, READ_AT)).clippedDurationSeconds).toBe(600);
		expect(ok(n(straddleEnd, READ_AT)).clippedDurationSeconds).toBe(900);
		expect(ok(n(covering, READ_AT)).clippedDurationSeconds).toBe(7200);
		expect(ok(n(zeroAtStart, READ_AT)).clippedDurationSeconds).toBe(0);
		for (const outside of [before, after, endsAtStart]) {
			expect(n(outside, READ_AT)).toMatchObject({ ok: false, reason: 'outsideWindow' });
		}
	});

	it('asReturned: keeps everything, without window fields', () => {
		const n = make({ boundary: 'asReturned' });
		for (const raw of [before, straddleStart, inside, straddleEnd, after]) {
			const record = ok(n(raw, READ_AT));
			expect(record.windowStartUtc).toBeUndefined();
			expect(record.windowEndUtc).toBeUndefined();
			expect(record.clippedDurationSeconds).toBeUndefined();
			expect('clippedDurationSeconds' in record).toBe(false);
		}
		expect(ok(n(straddleStart, READ_AT)).durationSeconds).toBe(3600);
	});

	it('startInWindow: drops states starting before the window or at/after its end', () => {
		const n = make({ boundary: 'startInWindow' });
		for (const raw of [before, straddleStart, after, covering, endsAtStart]) {
			expect(n(raw, READ_AT)).toMatchObject({ ok: false, reason: 'outsideWindow' });
		}
		const kept = ok(n(straddleEnd, READ_AT));
		expect(kept.durationSeconds).toBe(1800);
		expect(kept.clippedDurationSeconds).toBeUndefined();
		expect(kept.windowStartUtc).toBe('2024-05-01T12:00:00.000Z');
		expect(ok(n(zeroAtStart, READ_AT)).startTimeUtc).toBe('2024-05-01T12:00:00.000Z');
	});

	it('clips open states at the window end', () => {
		const n = make();
		// Running since 13:30 and read at 14:10: duration = read time − start.
		const open = cx({ startDate: '2024-05-01T13:30:00Z', duration: 'PT40M' });
		const record = ok(n(open, Date.UTC(2024, 4, 1, 14, 10)));
		expect(record.isOpen).toBe(true);
		expect(record.durationSeconds).toBe(2400);
		expect(record.clippedDurationSeconds).toBe(1800);
	});
});

describe('normalize: isOpen (CXone)', () => {
	const open = cx({ startDate: '2024-05-01T13:00:00Z', duration: 'PT10M' });
	const end = Date.UTC(2024, 4, 1, 13, 10);

	it('is true when the state ran until the read time (1 s tolerance)', () => {
		const n = make();
		expect(ok(n(open, end)).isOpen).toBe(true);
		expect(ok(n(open, end + 1000)).isOpen).toBe(true);
		expect(ok(n(open, end - 5000)).isOpen).toBe(true);
		expect(ok(n(open, end + 1001)).isOpen).toBe(false);
	});

	it('without lastPollTime, reaching back to the send counts: open, running to the arrival', () => {
		// Sent at 13:10, arrived 3 s later: CXone took the elapsed duration somewhere in between.
		const record = ok(make()(open, end + 3000, undefined, end));
		expect(record.isOpen).toBe(true);
		expect(record.durationSeconds).toBe(603);
		expect(ok(make()(open, end + 3000, undefined, end + 1001)).isOpen).toBe(false);
	});

	it('is false when a later state of its session is known, however near the read', () => {
		const record = ok(make()(open, end, end));
		expect(record.isOpen).toBe(false);
		expect(record.endTimeUtc).toBe('2024-05-01T13:10:00.000Z');
		expect(record.durationSeconds).toBe(600);
	});

	it('is false when the read time is unknown', () => {
		expect(ok(make()(open, undefined)).isOpen).toBe(false);
	});
});

describe('normalize: Reporting API v2', () => {
	const v2 = {
		user_id: 'u-1',
		user_name: 'Ada Lovelace',
		team_id: 12,
		team_name: 'Support',
		session_id: 'sess-9',
		state_index: 4,
		state_id: 4,
		state_name: null,
		reason_id: 3,
		reason_name: 'Coffee',
		start_time: '2024-05-01T09:00:00.000-04:00',
		end_time: '2024-05-01T09:15:30.500-04:00',
		duration: 930.5,
	};
	const n2 = (opts: Partial<NormalizerOptions> = {}) => make({ flavor: REPORTING_V2, ...opts });

	it('maps a closed record', () => {
		expect(ok(n2()(v2, READ_AT))).toEqual({
			recordId: 'u-1:sess-9:4',
			agentId: 'u-1',
			agentName: 'Ada Lovelace',
			teamName: 'Support',
			teamId: '12',
			agentSessionId: 'sess-9',
			stateIndex: 4,
			stateId: 4,
			state: 'BREAK',
			reasonId: 3,
			reason: 'Coffee',
			label: 'Coffee',
			category: 'unavailable',
			startTimeUtc: '2024-05-01T13:00:00.000Z',
			endTimeUtc: '2024-05-01T13:15:30.500Z',
			startTime: '2024-05-01T09:00:00.000-04:00',
			endTime: '2024-05-01T09:15:30.500-04:00',
			durationSeconds: 930.5,
			durationFormatted: '15m 30s',
			isOpen: false,
			windowStartUtc: '2024-05-01T12:00:00.000Z',
			windowEndUtc: '2024-05-01T14:00:00.000Z',
			clippedDurationSeconds: 930.5,
		});
	});

	it('ends an open state at the read time', () => {
		const readAt = Date.UTC(2024, 4, 1, 13, 20);
		const record = ok(n2()({ ...v2, end_time: null, duration: null }, readAt));
		expect(record).toMatchObject({
			isOpen: true,
			endTimeUtc: null,
			endTime: null,
			durationSeconds: 1200,
			clippedDurationSeconds: 1200,
		});
		// Without a read time the server's duration is used.
		expect(ok(n2()({ ...v2, end_time: null }, undefined)).durationSeconds).toBe(930.5);
	});

	it('maps v2 ids to names and categories and drops reason 0', () => {
		const record = ok(n2()({ ...v2, state_id: 7, reason_id: 0, reason_name: 'n/a' }, READ_AT));
		expect(record).toMatchObject({
			state: 'QUEUE_READY',
			category: 'available',
			reasonId: null,
			reason: null,
			label: 'QUEUE_READY',
		});
		expect(ok(n2()({ ...v2, state_id: 1, state_name: 'Offline!' }, READ_AT))).toMatchObject({
			state: 'Offline!',
			category: 'loggedOut',
		});
	});

	it('rejects an end before the start', () => {
		const result = n2()({ ...v2, end_time: '2024-05-01T08:00:00-04:00' }, READ_AT);
		expect(result).toEqual({
			ok: false,
			reason: 'invalid',
			message:
				'Invalid Reporting API v2 record (user_id u-1, start_time 2024-05-01T09:00:00.000-04:00, state_index 4): ' +
				'field "end_time" ends before the state starts',
		});
	});
});

describe('normalize: overThreshold', () => {
	it('is absent without a threshold', () => {
		expect('overThreshold' in ok(make()(lunch, READ_AT))).toBe(false);
	});

	it('compares the full duration with the threshold', () => {
		const n = make({ thresholds: makeThresholdRules([], 30) });
		expect(ok(n(lunch, READ_AT)).overThreshold).toBe(true);
		expect(ok(n(cx({ duration: 'PT30M' }), READ_AT)).overThreshold).toBe(false);
		// Started before the window: clipped to 20 minutes but ran 50 in total.
		const straddling = ok(n(cx({ startDate: '2024-05-01T11:20:00Z', duration: 'PT1H' }), READ_AT));
		expect(straddling.clippedDurationSeconds).toBe(1200);
		expect(straddling.overThreshold).toBe(true);
	});

	it('limits to chosen reasons or states, case-insensitively', () => {
		const onlyLunch = make({
			thresholds: makeThresholdRules([{ label: ' lunch ', minutes: 10 }], null),
		});
		expect(ok(onlyLunch(lunch, READ_AT)).overThreshold).toBe(true);
		expect(ok(onlyLunch(cx({ outStateDescription: 'Training' }), READ_AT)).overThreshold).toBe(
			false,
		);
		const byState = make({
			thresholds: makeThresholdRules([{ label: 'UNAVAILABLE', minutes: 10 }], null),
		});
		expect(ok(byState(cx({ outStateDescription: 'Training' }), READ_AT)).overThreshold).toBe(true);
		// No names listed (version 1): the minutes apply to every state.
		const empty = make({ thresholds: makeThresholdRules([], 10) });
		expect(ok(empty(cx({ outStateDescription: 'Training' }), READ_AT)).overThreshold).toBe(true);
	});
});

describe('normalize: raw and invalid records', () => {
	it('attaches the original object only when asked', () => {
		expect(ok(make({ includeRaw: true })(lunch, READ_AT)).raw).toBe(lunch);
		expect('raw' in ok(make()(lunch, READ_AT))).toBe(false);
	});

	it('names the record and the failing field', () => {
		expect(make()(cx({ duration: 'soon' }), READ_AT)).toEqual({
			ok: false,
			reason: 'invalid',
			message:
				'Invalid CXone record (agentId 39260750, startDate 2024-05-01T13:00:00.000Z, stateIndex 1): ' +
				'field "duration" expected an ISO 8601 duration (e.g. PT1M30.5S) or a number of seconds, got "soon"',
		});
		const missing = make()({ agentId: '7', duration: 'PT1S' }, READ_AT);
		expect(missing.ok).toBe(false);
		expect(!missing.ok && missing.reason === 'invalid' && missing.message).toBe(
			'Invalid CXone record (agentId 7): field "startDate" expected an ISO 8601 date-time with Z or an offset, ' +
				'e.g. 2024-05-01T13:00:00.000Z, got nothing (the field is missing); ' +
				'field "agentStateId" expected an integer or a string of digits, got nothing (the field is missing)',
		);
		expect(make()(42, READ_AT)).toEqual({
			ok: false,
			reason: 'invalid',
			message: 'Invalid CXone record: the record: Expected object, received number',
		});
	});

	it('rejects a duration that ends after the year 9999', () => {
		const result = make({ boundary: 'asReturned' })(cx({ duration: 'P3000000D' }), READ_AT);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason === 'invalid' && result.message).toMatch(
			/field "duration" ends after the year 9999$/,
		);
	});
});

describe('createNormalizer options', () => {
	it('rejects a bad zone, boundary or threshold', () => {
		// The Timezone parameter's reader names the parameter; here only the formatter's guard.
		expect(() => make({ timeZone: 'Nowhere/Land' })).toThrow('Unknown time zone "Nowhere/Land"');
		expect(() => make({ boundary: 'sideways' as never })).toThrow(
			'Unknown boundary mode "sideways"',
		);
		// Thresholds come to the normalizer as rules, checked where they are made.
		expect(() => make({ thresholds: makeThresholdRules([], -1) })).toThrow(
			/threshold of any other state must be a number of minutes/,
		);
		expect(() => make({ thresholds: makeThresholdRules([], NaN) })).toThrow(/threshold/);
	});

	it('treats a null threshold as none and 0 as "any positive duration"', () => {
		expect('overThreshold' in ok(make({ thresholds: null })(lunch, READ_AT))).toBe(false);
		expect(ok(make({ thresholds: makeThresholdRules([], 0) })(lunch, READ_AT)).overThreshold).toBe(
			true,
		);
		expect(
			ok(make({ thresholds: makeThresholdRules([], 0) })(cx({ duration: 'PT0S' }), READ_AT))
				.overThreshold,
		).toBe(false);
	});
});
