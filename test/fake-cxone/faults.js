'use strict';
// Fault injection: named faults, each hitting a bounded number of matching requests. By default a
// fault hits API routes only (tokenError hits the token endpoint); `path` narrows or redirects it
// to any route whose path contains the substring.

const FAULT_NAMES = Object.freeze([
	'rateLimit',
	'serverError',
	'reset',
	'truncate',
	'slow',
	'noContentAtPage',
	'repeatNextLink',
	'duplicateEdge',
	'totalRecordsDrift',
	'expireTokenAfterRequests',
	'tokenError',
]);

class Faults {
	constructor() {
		this.active = new Map();
	}

	/** Adds or replaces the named faults. Throws on an unknown name. */
	set(faults) {
		for (const [name, raw] of Object.entries(faults || {})) {
			if (!FAULT_NAMES.includes(name)) {
				throw new Error(`Unknown fault "${name}"; known: ${FAULT_NAMES.join(', ')}`);
			}
			if (raw === null || raw === false) {
				this.active.delete(name);
				continue;
			}
			const config = raw === true ? {} : { ...raw };
			let count = config.count === undefined ? 1 : Number(config.count);
			if (count < 0 || count === Infinity) count = Infinity; // -1 = every matching request
			this.active.set(name, { config, left: count, hits: 0 });
		}
	}

	clear() {
		this.active.clear();
	}

	/** What is still armed, for the control API. */
	describe() {
		const out = {};
		for (const [name, f] of this.active) {
			out[name] = { ...f.config, left: f.left === Infinity ? -1 : f.left, hits: f.hits };
		}
		return out;
	}

	/**
	 * Consumes one hit of `name` if it is armed, in scope for this request and `when(config)`
	 * agrees; returns its config (with `hit`, 1-based) or null.
	 */
	take(name, ctx, when) {
		const f = this.active.get(name);
		if (!f || f.left <= 0) return null;
		const path = f.config.path;
		if (path !== undefined && path !== null && path !== '') {
			if (!ctx.path.toLowerCase().includes(String(path).toLowerCase())) return null;
		} else if (ctx.kind !== (name === 'tokenError' ? 'token' : 'api')) {
			return null;
		}
		if (when && !when(f.config)) return null;
		f.left--;
		f.hits++;
		if (ctx.entry) (ctx.entry.faults = ctx.entry.faults || []).push(name);
		return { ...f.config, hit: f.hits };
	}
}

module.exports = { Faults, FAULT_NAMES };
