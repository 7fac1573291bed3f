// The Simplified output of Get Current: the current-state fields, defined once in shared/simplify.
import {
	CURRENT_STATE_SIMPLIFIED_FIELDS,
	SIMPLIFIED_FIELDS,
	simplifyCurrentState,
} from '../../../nodes/shared/simplify';

describe('simplifyCurrentState', () => {
	const item = {
		agentId: '39260750',
		agentName: 'Ava Adams',
		teamId: '205970',
		teamName: 'Global Help Desk',
		stateId: 2,
		state: 'Unavailable',
		reasonId: 78,
		reason: 'Break',
		label: 'Break',
		category: 'unavailable',
		startTimeUtc: '2024-05-02T23:40:00.000Z',
		startTime: '2024-05-02T19:40:00.000-04:00',
		durationSeconds: 1140,
		durationFormatted: '19m 00s',
		isOpen: true,
		isAcw: false,
		skillName: null,
		contactId: null,
		lastUpdateTimeUtc: '2024-05-02T23:40:00.000Z',
		readAtUtc: '2024-05-02T23:59:00.000Z',
		overThreshold: true,
	};

	it('keeps who, what, since when, for how long and overThreshold, in that order', () => {
		expect(CURRENT_STATE_SIMPLIFIED_FIELDS).toEqual([
			'agentId',
			'agentName',
			'teamName',
			'label',
			'startTime',
			'durationSeconds',
			'durationFormatted',
			'isOpen',
			'overThreshold',
		]);
		const out = simplifyCurrentState(item);
		expect(Object.keys(out)).toEqual([...CURRENT_STATE_SIMPLIFIED_FIELDS]);
		expect(out).toEqual({
			agentId: '39260750',
			agentName: 'Ava Adams',
			teamName: 'Global Help Desk',
			label: 'Break',
			startTime: '2024-05-02T19:40:00.000-04:00',
			durationSeconds: 1140,
			durationFormatted: '19m 00s',
			isOpen: true,
			overThreshold: true,
		});
	});

	it('leaves absent fields absent (no thresholds: no overThreshold) and keeps nulls', () => {
		const noThresholds: Record<string, unknown> = {
			...item,
			startTime: null,
			durationSeconds: null,
		};
		delete noThresholds.overThreshold;
		const out = simplifyCurrentState(noThresholds);
		expect(out).not.toHaveProperty('overThreshold');
		expect(out).toMatchObject({ startTime: null, durationSeconds: null });
	});

	it('shares the state fields of the history node except the record and end', () => {
		expect(
			CURRENT_STATE_SIMPLIFIED_FIELDS.filter(
				(f) => !(SIMPLIFIED_FIELDS as readonly string[]).includes(f),
			),
		).toEqual(['agentId']);
	});
});
