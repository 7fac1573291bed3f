// Checks for numeric parameters. Expressions may hand over strings; a bad value becomes an
// InputError naming the parameter.

import { InputError } from '../errors';

function toNumber(value: unknown): unknown {
	return typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
}

/** A number above 0; `fix` says what usually works. */
export function positiveNumber(
	value: unknown,
	parameter: string,
	label: string,
	fix: string,
): number {
	const n = toNumber(value);
	if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) {
		throw new InputError(
			parameter,
			`${label} must be a number above 0 (got "${String(value)}"). ${fix}`,
		);
	}
	return n;
}

/** A whole number in [min, max]. */
export function wholeNumber(
	value: unknown,
	parameter: string,
	label: string,
	min: number,
	max: number,
): number {
	const n = toNumber(value);
	if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
		throw new InputError(
			parameter,
			`${label} must be a whole number from ${min} to ${max} (got "${String(value)}").`,
		);
	}
	return n;
}

/** A number in a range, whole or not, with the lower bound inclusive or not. */
export function numberInRange(
	value: unknown,
	parameter: string,
	label: string,
	range: { min: number; max: number; minExclusive?: boolean; integer?: boolean },
): number {
	const n = toNumber(value);
	const ok =
		typeof n === 'number' &&
		Number.isFinite(n) &&
		(range.minExclusive ? n > range.min : n >= range.min) &&
		n <= range.max &&
		(!range.integer || Number.isInteger(n));
	if (!ok) {
		const kind = range.integer ? 'a whole number' : 'a number';
		const from = range.minExclusive ? `above ${range.min}` : `from ${range.min}`;
		throw new InputError(
			parameter,
			`${label} must be ${kind} ${from} to ${range.max} (got "${String(value)}").`,
		);
	}
	return n as number;
}
