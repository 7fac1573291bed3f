import {
	parseStateNameOverrides,
	resolveStateName,
	stateCategory,
} from '../../../nodes/shared/states/stateTables';

describe('resolveStateName', () => {
	it('uses the API name, then the table, then Unknown (id)', () => {
		expect(resolveStateName('cxone', 2, 'Unavailable', undefined)).toBe('Unavailable');
		expect(resolveStateName('cxone', 2, 'Custom API Name', undefined)).toBe('Custom API Name');
		expect(resolveStateName('cxone', 0, null, undefined)).toBe('LoggedOut');
		expect(resolveStateName('cxone', 8, '', undefined)).toBe('LoggedIn');
		expect(resolveStateName('cxone', 42, null, undefined)).toBe('Unknown (42)');
		expect(resolveStateName('cxone', -6, undefined, undefined)).toBe('Unknown (-6)');
		expect(resolveStateName('reportingV2', 1, null, undefined)).toBe('OFFLINE');
		expect(resolveStateName('reportingV2', 8, null, undefined)).toBe('QUEUE_BUSY');
		expect(resolveStateName('reportingV2', 0, null, undefined)).toBe('Unknown (0)');
	});

	it('lets an override win over the API name and the table', () => {
		const overrides = { 2: 'Not Ready', 42: 'Wrap' };
		expect(resolveStateName('cxone', 2, 'Unavailable', overrides)).toBe('Not Ready');
		expect(resolveStateName('cxone', 42, null, overrides)).toBe('Wrap');
		expect(resolveStateName('cxone', 1, 'Available', overrides)).toBe('Available');
	});
});

describe('stateCategory', () => {
	it('maps CXone ids', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1].map((id) => stateCategory('cxone', id))).toEqual([
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
		expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((id) => stateCategory('reportingV2', id))).toEqual([
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
