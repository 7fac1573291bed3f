import { InputError } from '../errors';

/** A select parameter's value; an expression or an imported workflow may send anything. */
export function oneOf<T extends string>(
	value: unknown,
	allowed: readonly T[],
	parameter: string,
	label: string,
): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
		return value as T;
	}
	const choices = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
	throw new InputError(parameter, `${label} "${String(value)}" is not supported. Use ${choices}.`);
}
