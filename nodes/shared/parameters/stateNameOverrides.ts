import { InputError } from '../errors';
import type { StateNameOverrides } from '../states/stateTables';
import { parseStateNameOverrides } from '../states/stateTables';

/** The "State Names Override" option of both nodes; a bad entry is an InputError naming it. */
export function readStateNameOverrides(value: unknown): StateNameOverrides {
	let problem: string | undefined;
	try {
		return parseStateNameOverrides(value ?? '');
	} catch (error) {
		problem = (error as Error).message;
	}
	// Thrown outside the catch: a user-input error, not a wrapped one.
	throw new InputError('options.stateNameOverrides', problem);
}
