// Version 2's threshold rule (reason row > state row > Any Other State > none) and its reader.
import { readHistoryPlan } from '../../nodes/CxoneAgentStateHistory/parameters';
import { InputError } from '../../nodes/shared/errors';
import { CXONE } from '../../nodes/shared/flavors';
import type { ParameterReader } from '../../nodes/shared/parameters/reader';
import {
	otherStatesMinutesPath,
	readThresholdRules,
} from '../../nodes/shared/parameters/thresholds';
import {
	exceedsThresholdRules,
	makeThresholdRules,
	thresholdCrossingMs,
	thresholdMsFor,
} from '../../nodes/shared/thresholds';
import { createExecuteContext } from '../helpers/n8nContext';

const MIN = 60_000;

describe('makeThresholdRules / thresholdMsFor', () => {
	const rules = makeThresholdRules(
		[
			{ label: 'Break', minutes: 15 },
			{ label: 'Lunch', minutes: 60 },
			{ label: 'ACW', minutes: 5 },
			{ label: 'Unavailable', minutes: 30 },
		],
		120,
	);

	it("a reason's own row wins", () => {
		expect(thresholdMsFor(rules, 'Unavailable', 'Break')).toBe(15 * MIN);
		expect(thresholdMsFor(rules, 'Unavailable', 'Lunch')).toBe(60 * MIN);
		expect(thresholdMsFor(rules, 'Unavailable', 'ACW')).toBe(5 * MIN);
	});

	it("the state's row applies to its reasons without a row, and to the state without a reason", () => {
		expect(thresholdMsFor(rules, 'Unavailable', 'Meeting')).toBe(30 * MIN);
		expect(thresholdMsFor(rules, 'Unavailable', null)).toBe(30 * MIN);
	});

	it('Any Other State covers the rest; without it they have no threshold', () => {
		expect(thresholdMsFor(rules, 'Available', null)).toBe(120 * MIN);
		expect(thresholdMsFor(rules, 'InboundContact', null)).toBe(120 * MIN);
		const noDefault = makeThresholdRules([{ label: 'Break', minutes: 15 }]);
		expect(thresholdMsFor(noDefault, 'Available', null)).toBeUndefined();
		expect(thresholdMsFor(noDefault, 'Unavailable', 'Lunch')).toBeUndefined();
		expect(exceedsThresholdRules(noDefault, 10 * 60 * MIN, 'Available', null)).toBe(false);
		expect(thresholdMsFor(makeThresholdRules([], null), 'Available', null)).toBeUndefined();
	});

	it('names match trimmed and in any case, on both sides', () => {
		const r = makeThresholdRules([{ label: '  bReAk ', minutes: 15 }]);
		expect(thresholdMsFor(r, 'Unavailable', 'BREAK')).toBe(15 * MIN);
		expect(thresholdMsFor(r, 'Unavailable', ' Break ')).toBe(15 * MIN);
		expect(thresholdMsFor(r, 'Break', null)).toBe(15 * MIN);
	});

	it('over means strictly longer; the crossing is start + the limit', () => {
		expect(exceedsThresholdRules(rules, 15 * MIN, 'Unavailable', 'Break')).toBe(false);
		expect(exceedsThresholdRules(rules, 15 * MIN + 1, 'Unavailable', 'Break')).toBe(true);
		expect(thresholdCrossingMs(rules, 1_000, 16 * MIN, 'Unavailable', 'Break')).toBe(
			1_000 + 15 * MIN,
		);
		expect(thresholdCrossingMs(rules, 1_000, 40 * MIN, 'Unavailable', 'Lunch')).toBeUndefined();
	});

	it('0 minutes: any state longer than 0 ms runs over', () => {
		const zero = makeThresholdRules([{ label: 'Break', minutes: 0 }]);
		expect(thresholdMsFor(zero, 'Unavailable', 'Break')).toBe(0);
		expect(exceedsThresholdRules(zero, 0, 'Unavailable', 'Break')).toBe(false);
		expect(exceedsThresholdRules(zero, 1, 'Unavailable', 'Break')).toBe(true);
	});

	it('refuses duplicates (any case), empty names and bad minutes', () => {
		expect(() =>
			makeThresholdRules([
				{ label: 'Break', minutes: 15 },
				{ label: ' break', minutes: 20 },
			]),
		).toThrow('Threshold "break" is given twice');
		expect(() => makeThresholdRules([{ label: ' ', minutes: 15 }])).toThrow(/needs a reason/);
		expect(() => makeThresholdRules([{ label: 'Break', minutes: -1 }])).toThrow(
			'Threshold "Break" must be a number of minutes ≥ 0, got -1',
		);
		expect(() => makeThresholdRules([], -2)).toThrow(/any other state/);
	});

	it('the version-1 rule is the same rules: names as rows, or a default alone', () => {
		const v1 = v1Rules({ thresholdMinutes: 15, thresholdLabels: 'Break, break, Unavailable' });
		expect(v1?.defaultMs).toBeNull();
		expect([...(v1?.byName ?? [])]).toEqual([
			['break', 15 * MIN],
			['unavailable', 15 * MIN],
		]);
		expect(v1Rules({ thresholdMinutes: 10 })).toEqual({ byName: new Map(), defaultMs: 10 * MIN });
	});
});

/** The history node's version 1 options (Flag States Longer Than, Flag Only These…) as rules. */
function v1Rules(options: Record<string, unknown>) {
	const ctx = createExecuteContext({
		params: { agentIds: '39260750', options },
		node: { typeVersion: 1 },
	});
	return readHistoryPlan.call(ctx, 0, { flavor: CXONE, apiVersion: 'v27.0' }, Date.now()).normalizer
		.thresholds;
}

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
