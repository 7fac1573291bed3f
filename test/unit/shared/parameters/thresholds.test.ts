// The Thresholds rows and Any Other State (Minutes) read into rules, with the same checks and
// texts in every node.
import { InputError } from '../../../../nodes/shared/errors';
import type { ParameterReader } from '../../../../nodes/shared/parameters/reader';
import {
	otherStatesMinutesPath,
	readThresholdRules,
} from '../../../../nodes/shared/parameters/thresholds';

const MIN = 60_000;

function source(params: Record<string, unknown>): ParameterReader {
	return (name: string, fallback?: unknown) => {
		let cur: unknown = params;
		for (const part of name.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[part];
		return cur === undefined ? fallback : cur;
	};
}

function inputError(fn: () => unknown): InputError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return error as InputError;
	}
	throw new Error('expected an InputError');
}

const rows = (...r: Array<[unknown, unknown]>) => ({
	rules: r.map(([label, minutes]) => ({ label, minutes })),
});

describe('readThresholdRules', () => {
	it('reads rows and the catch-all beside them; strings from expressions count as numbers', () => {
		const rules = readThresholdRules(
			source({
				options: { thresholds: rows(['Break', 15], [' Lunch ', '60']), otherStatesMinutes: 90 },
			}),
			'options.thresholds',
		);
		expect(rules).not.toBeNull();
		expect([...rules!.byName]).toEqual([
			['break', 15 * MIN],
			['lunch', 60 * MIN],
		]);
		expect(rules!.defaultMs).toBe(90 * MIN);
	});

	it('is off (null) with no rows and no catch-all; a catch-all alone is a rule', () => {
		expect(readThresholdRules(source({}), 'options.thresholds')).toBeNull();
		expect(readThresholdRules(source({ thresholds: {} }), 'thresholds')).toBeNull();
		expect(readThresholdRules(source({ thresholds: { rules: [] } }), 'thresholds')).toBeNull();
		expect(
			readThresholdRules(source({ thresholds: {}, otherStatesMinutes: 20 }), 'thresholds'),
		).toEqual({ byName: new Map(), defaultMs: 20 * MIN });
	});

	it('a row of 0 minutes is kept', () => {
		const rules = readThresholdRules(source({ thresholds: rows(['Break', 0]) }), 'thresholds');
		expect(rules?.byName.get('break')).toBe(0);
	});

	it('names the parameter and the fix for each bad value', () => {
		const empty = inputError(() =>
			readThresholdRules(
				source({ options: { thresholds: rows(['Break', 15], ['  ', 5]) } }),
				'options.thresholds',
			),
		);
		expect(empty.parameter).toBe('options.thresholds');
		expect(empty.message).toBe(
			'Thresholds row 2 has no Reason or State. Enter a reason (e.g. Break) or a state name (e.g. Unavailable), or remove the row.',
		);

		const negative = inputError(() =>
			readThresholdRules(source({ thresholds: rows(['Break', -5]) }), 'thresholds'),
		);
		expect(negative.parameter).toBe('thresholds');
		expect(negative.message).toBe(
			'Thresholds row 1 ("Break"): Minutes must be a number of 0 or more (got "-5").',
		);
		expect(
			inputError(() =>
				readThresholdRules(source({ thresholds: rows(['Break', 'soon']) }), 'thresholds'),
			).message,
		).toMatch(/got "soon"/);

		const twice = inputError(() =>
			readThresholdRules(
				source({ options: { thresholds: rows(['Break', 15], ['Lunch', 60], ['BREAK ', 20]) } }),
				'options.thresholds',
			),
		);
		expect(twice.parameter).toBe('options.thresholds');
		expect(twice.message).toBe(
			'Thresholds rows 1 and 3 both name "BREAK" (names match in any case). Keep one row per reason or state.',
		);

		const other = inputError(() =>
			readThresholdRules(
				source({ options: { thresholds: rows(['Break', 15]), otherStatesMinutes: -1 } }),
				'options.thresholds',
			),
		);
		expect(other.parameter).toBe('options.otherStatesMinutes');
		expect(other.message).toBe('Any Other State (Minutes) must be 0 (none) or more (got "-1").');
	});

	it('the catch-all is the sibling of the rows', () => {
		expect(otherStatesMinutesPath('options.thresholds')).toBe('options.otherStatesMinutes');
		expect(otherStatesMinutesPath('thresholds')).toBe('otherStatesMinutes');
	});
});
