// The user's state renames (State Name Overrides).
import { parseStateNameOverrides } from '../../../../nodes/shared/states/stateTables';

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
