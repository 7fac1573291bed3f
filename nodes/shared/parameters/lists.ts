// The one parser of comma-separated name lists (threshold labels, the trigger's state and reason
// filters). Expressions may hand over an array instead of text.

/** The names of a comma-separated list (or array), trimmed, empty ones dropped. */
export function commaList(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	const list = Array.isArray(value) ? value.map(String) : String(value).split(',');
	return list.map((s) => s.trim()).filter((s) => s !== '');
}

/** The list as a lower-cased set, for matching in any case; undefined when it names nothing. */
export function nameSet(value: unknown): Set<string> | undefined {
	const names = commaList(value).map((s) => s.toLowerCase());
	return names.length > 0 ? new Set(names) : undefined;
}
