// Last line of defence for text that comes from a server or a network library: whatever it
// echoes, no secret, Basic value or token leaves in an error message.

const MAX_DETAIL_LENGTH = 200;

/** Removes every known secret from `text` and shortens it to a readable detail. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
	let result = text;
	// Longest first, so a secret that contains another is removed whole.
	const known = secrets.filter((secret): secret is string => !!secret);
	for (const secret of known.sort((a, b) => b.length - a.length)) {
		result = result.split(secret).join('[redacted]');
	}
	// Anything that still looks like a JWT is a token we did not know about.
	result = result.replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[redacted]');
	result = result.replace(/\s+/g, ' ').trim();
	return result.length > MAX_DETAIL_LENGTH ? `${result.slice(0, MAX_DETAIL_LENGTH)}…` : result;
}

/** A short, secret-free description of a network-level failure. */
export function describeNetworkError(
	error: unknown,
	secrets: ReadonlyArray<string | undefined>,
): string {
	const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
	const text = typeof message === 'string' && message !== '' ? message : 'unknown network error';
	const detail = typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
	return redactSecrets(detail, secrets);
}
