// Reads the Thresholds block (descriptions/thresholds.ts) into the shared rule (../thresholds.ts),
// with the same checks and texts in every node. A bad row is an InputError naming the parameter
// path and the fix.

import { OTHER_STATES_MINUTES_NAME, THRESHOLD_ROWS_NAME } from '../descriptions/thresholds';
import { InputError } from '../errors';
import type { ThresholdRules } from '../thresholds';
import { makeThresholdRules, thresholdName } from '../thresholds';
import type { ParameterReader } from './reader';

/** The catch-all's path: the sibling of `parameterPath` (options.thresholds → options.otherStatesMinutes). */
export function otherStatesMinutesPath(parameterPath: string): string {
	const dot = parameterPath.lastIndexOf('.');
	return `${dot < 0 ? '' : parameterPath.slice(0, dot + 1)}${OTHER_STATES_MINUTES_NAME}`;
}

function minutesOf(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * The rules of the Thresholds rows at `parameterPath` (e.g. `options.thresholds`) and the Any Other
 * State minutes beside them; null when there are no rows and no catch-all (thresholds off).
 */
export function readThresholdRules(
	param: ParameterReader,
	parameterPath: string,
): ThresholdRules | null {
	const value = param(parameterPath, {});
	const rawRows =
		value !== null && typeof value === 'object'
			? (value as Record<string, unknown>)[THRESHOLD_ROWS_NAME]
			: undefined;
	if (rawRows !== undefined && rawRows !== null && !Array.isArray(rawRows)) {
		throw new InputError(
			parameterPath,
			'Thresholds must be a list of rows, each a reason or state name and its minutes.',
		);
	}
	const rows: Array<{ label: string; minutes: number }> = [];
	const seen = new Map<string, number>();
	((rawRows ?? []) as unknown[]).forEach((raw, index) => {
		const row = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
		const n = index + 1;
		const label = typeof row.label === 'string' ? row.label.trim() : '';
		if (label === '') {
			throw new InputError(
				parameterPath,
				`Thresholds row ${n} has no Reason or State. Enter a reason (e.g. Break) or a state name (e.g. Unavailable), or remove the row.`,
			);
		}
		const minutes = minutesOf(row.minutes);
		if (minutes === undefined) {
			throw new InputError(
				parameterPath,
				`Thresholds row ${n} ("${label}"): Minutes must be a number of 0 or more (got "${String(row.minutes)}").`,
			);
		}
		const key = thresholdName(label);
		const first = seen.get(key);
		if (first !== undefined) {
			throw new InputError(
				parameterPath,
				`Thresholds rows ${first} and ${n} both name "${label}" (names match in any case). Keep one row per reason or state.`,
			);
		}
		seen.set(key, n);
		rows.push({ label, minutes });
	});

	const otherPath = otherStatesMinutesPath(parameterPath);
	const otherValue = param(otherPath, 0);
	const other = minutesOf(otherValue ?? 0);
	if (other === undefined) {
		throw new InputError(
			otherPath,
			`Any Other State (Minutes) must be 0 (none) or more (got "${String(otherValue)}").`,
		);
	}
	if (rows.length === 0 && other === 0) return null;
	return makeThresholdRules(rows, other > 0 ? other : null);
}
