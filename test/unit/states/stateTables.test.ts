import { CXONE_STATES, V2_STATES } from '../../../nodes/shared/flavors';
import type { StateTables } from '../../../nodes/shared/flavors';
import { describeState } from '../../../nodes/shared/states/stateItem';
import type { StateNameOverrides } from '../../../nodes/shared/states/stateTables';
import { parseStateNameOverrides } from '../../../nodes/shared/states/stateTables';

/** The state name describeState gives (no reason). */
const stateName = (
	tables: StateTables,
	id: number,
	apiName: string | null,
	overrides?: StateNameOverrides,
) => describeState(tables, id, apiName, null, null, overrides).state;

/** The category describeState gives. */
const category = (tables: StateTables, id: number) =>
	describeState(tables, id, null, null, null).category;

describe('describeState: state name', () => {
	it('uses the API name, then the table, then Unknown (id)', () => {
		expect(stateName(CXONE_STATES, 2, 'Unavailable')).toBe('Unavailable');
		expect(stateName(CXONE_STATES, 2, 'Custom API Name')).toBe('Custom API Name');
		expect(stateName(CXONE_STATES, 0, null)).toBe('LoggedOut');
		expect(stateName(CXONE_STATES, 8, '')).toBe('LoggedIn');
		expect(stateName(CXONE_STATES, 42, null)).toBe('Unknown (42)');
		expect(stateName(CXONE_STATES, -6, null)).toBe('Unknown (-6)');
		expect(stateName(V2_STATES, 1, null)).toBe('OFFLINE');
		expect(stateName(V2_STATES, 8, null)).toBe('QUEUE_BUSY');
		expect(stateName(V2_STATES, 0, null)).toBe('Unknown (0)');
	});

	it('lets an override win over the API name and the table', () => {
		const overrides = { 2: 'Not Ready', 42: 'Wrap' };
		expect(stateName(CXONE_STATES, 2, 'Unavailable', overrides)).toBe('Not Ready');
		expect(stateName(CXONE_STATES, 42, null, overrides)).toBe('Wrap');
		expect(stateName(CXONE_STATES, 1, 'Available', overrides)).toBe('Available');
	});
});

describe('describeState: category', () => {
	it('maps CXone ids', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1].map((id) => category(CXONE_STATES, id))).toEqual([
			'loggedOut',
			'available',
			'unavailable',
			'working',
			'working',
			'working',
			'working',
			'working',
			'loggedIn',
			'unknown',
			'unknown',
		]);
	});

	it('maps v2 ids', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((id) => category(V2_STATES, id))).toEqual([
			'unknown',
			'loggedOut',
			'available',
			'working',
			'unavailable',
			'unavailable',
			'unavailable',
			'available',
			'working',
			'unknown',
		]);
	});
});

describe('parseStateNameOverrides', () => {
	it('reads a JSON object', () => {
		expect(parseStateNameOverrides('{"2":"Not Ready", "9": " Wrap "}')).toEqual({
			2: 'Not Ready',
			9: 'Wrap',
		});
	});

	it('reads an already parsed object', () => {
		expect(parseStateNameOverrides({ '3': 'Call' })).toEqual({ 3: 'Call' });
	});

	it('reads comma and line separated id=name pairs', () => {
		expect(parseStateNameOverrides('2=Not Ready, 9=Wrap')).toEqual({ 2: 'Not Ready', 9: 'Wrap' });
		expect(parseStateNameOverrides('2 = Not Ready\n9: Wrap\r\n\n-3=Pending')).toEqual({
			2: 'Not Ready',
			9: 'Wrap',
			[-3]: 'Pending',
		});
		expect(parseStateNameOverrides('7=A=B')).toEqual({ 7: 'A=B' });
	});

	it('gives {} for empty input', () => {
		expect(parseStateNameOverrides('')).toEqual({});
		expect(parseStateNameOverrides('  \n ')).toEqual({});
		expect(parseStateNameOverrides(undefined)).toEqual({});
		expect(parseStateNameOverrides(null)).toEqual({});
	});

	it('names the bad entry and shows the accepted format', () => {
		expect(() => parseStateNameOverrides('2=Not Ready, Lunch')).toThrow(
			/"Lunch" has no "="\. Use a JSON object like \{"2": "Not Ready", "9": "Wrap"\} or id=name pairs/,
		);
		expect(() => parseStateNameOverrides('x=Break')).toThrow(/"x=Break": "x" is not a state id/);
		expect(() => parseStateNameOverrides('2=')).toThrow(/"2=": the name is empty/);
		expect(() => parseStateNameOverrides('2=A, 2=B')).toThrow(/state id 2 is listed twice/);
		expect(() => parseStateNameOverrides('{"2": 5}')).toThrow(/the name is empty or not text/);
		expect(() => parseStateNameOverrides('{"a": "B"}')).toThrow(/"a" is not a state id/);
		expect(() => parseStateNameOverrides('{"2": "x",}')).toThrow(/not valid JSON .*id=name pairs/);
		expect(() => parseStateNameOverrides('[1]')).toThrow(/has no "="/);
		expect(() => parseStateNameOverrides(['2=x'])).toThrow(/must be an object, not a list/);
		expect(() => parseStateNameOverrides(5)).toThrow(/must be text/);
	});
});
