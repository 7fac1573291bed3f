// Rules for every URL the auth code sends secrets or tokens to, entered or discovered.

export interface EndpointUrlRules {
	/** Reject any path: CXone's API base URL is scheme + host only. */
	originOnly?: boolean;
}

function parseUrl(raw: string): URL | undefined {
	try {
		return new URL(raw);
	} catch {
		return undefined;
	}
}

const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isLoopbackHost(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || LOOPBACK_IPV4.test(hostname);
}

/**
 * Checks `raw` and returns it normalized (no trailing slashes). Throws a plain Error whose message
 * names `label` and the fix; the value itself is not echoed, as it may hold something private.
 */
export function checkEndpointUrl(raw: string, label: string, rules: EndpointUrlRules = {}): string {
	const url = parseUrl(raw);
	if (url === undefined) {
		throw new Error(`${label} is not a valid URL. Enter a full URL that starts with https://.`);
	}
	const loopback = isLoopbackHost(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		throw new Error(
			`${label} must start with https:// (http:// is allowed only for localhost, 127.x.x.x and [::1]).`,
		);
	}
	if (url.username !== '' || url.password !== '') {
		throw new Error(
			`${label} must not contain a user name or password. Remove "user:password@" from it; the credential's ID and secret fields carry those.`,
		);
	}
	if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) {
		throw new Error(`${label} must not contain a query (?…) or a fragment (#…). Remove them.`);
	}
	const path = url.pathname.replace(/\/+$/, '');
	if (rules.originOnly && path !== '') {
		throw new Error(
			`${label} must not contain a path (found "${url.pathname}"). Enter only the scheme and host, for example https://api-na1.niceincontact.com; the node adds /inContactAPI/… itself.`,
		);
	}
	return `${url.origin}${path}`;
}
