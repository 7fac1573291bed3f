// The user's state renames and the "no reason" rule; the state tables of each API are its
// flavor's (flavors/), and states/stateItem.ts applies both.

/** A user's state renames: state id → name. */
export type StateNameOverrides = Record<number, string>;

/** CXone's outStateId 0 (and v2's reason_id 0) means "no reason": the state has none. */
export function isNoReason(reasonId: number | null): boolean {
	return reasonId === 0;
}

const FORMAT_HELP =
	'Use a JSON object like {"2": "Not Ready", "9": "Wrap"} or id=name pairs separated by commas ' +
	'or new lines, like 2=Not Ready, 9=Wrap.';

const INTEGER = /^-?\d+$/;

function addEntry(out: StateNameOverrides, key: string, value: unknown, entry: string): void {
	const id = key.trim();
	if (!INTEGER.test(id)) {
		throw new Error(
			`State name override "${entry}": "${id}" is not a state id (a whole number). ${FORMAT_HELP}`,
		);
	}
	if (typeof value !== 'string' || value.trim() === '') {
		throw new Error(
			`State name override "${entry}": the name is empty or not text. ${FORMAT_HELP}`,
		);
	}
	out[Number(id)] = value.trim();
}

/**
 * Parses the "state name overrides" parameter: a JSON object (text or already parsed) or
 * `id=name` entries separated by commas or new lines. Empty input gives {}. Throws an Error naming
 * the bad entry and the accepted format.
 */
export function parseStateNameOverrides(input: unknown): StateNameOverrides {
	const out: StateNameOverrides = {};
	if (input === undefined || input === null) return out;
	if (typeof input === 'object') {
		if (Array.isArray(input))
			throw new Error(`State name overrides must be an object, not a list. ${FORMAT_HELP}`);
		for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
			addEntry(out, key, value, `${key}: ${JSON.stringify(value)}`);
		}
		return out;
	}
	if (typeof input !== 'string')
		throw new Error(`State name overrides must be text. ${FORMAT_HELP}`);
	const text = input.trim();
	if (text === '') return out;
	if (text.startsWith('{')) {
		let parsed: unknown;
		let jsonError: string | undefined;
		try {
			parsed = JSON.parse(text);
		} catch (error) {
			jsonError = (error as Error).message;
		}
		// Thrown outside the catch: this is a user-input error, not a wrapped one.
		if (jsonError !== undefined) {
			throw new Error(`State name overrides are not valid JSON (${jsonError}). ${FORMAT_HELP}`);
		}
		return parseStateNameOverrides(parsed);
	}
	for (const rawEntry of text.split(/[,\n\r]+/)) {
		const entry = rawEntry.trim();
		if (entry === '') continue;
		const eq = entry.search(/[=:]/);
		if (eq === -1) throw new Error(`State name override "${entry}" has no "=". ${FORMAT_HELP}`);
		const id = entry.slice(0, eq).trim();
		if (INTEGER.test(id) && out[Number(id)] !== undefined) {
			throw new Error(
				`State name override "${entry}": state id ${id} is listed twice. ${FORMAT_HELP}`,
			);
		}
		addEntry(out, id, entry.slice(eq + 1), entry);
	}
	return out;
}
