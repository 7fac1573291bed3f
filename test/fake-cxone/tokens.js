'use strict';
// JWT-shaped tokens and the server's memory of them. Expiry is judged on the server clock, so
// tests move time instead of waiting. The signature is an HMAC: clients decode, never verify.

const crypto = require('crypto');

function b64url(value) {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

class TokenStore {
	/**
	 * @param {{ tenantId: string, clusterId: string, businessUnitId: number, ttlSeconds: number,
	 *   now: () => number, issuer: () => string }} options
	 */
	constructor(options) {
		this.options = options;
		this.secret = crypto.createHash('sha256').update(`fake-cxone:${options.tenantId}`).digest();
		this.tokens = new Map();
		this.counter = 0;
	}

	sign(payload) {
		const head = b64url({ alg: 'HS256', typ: 'JWT', kid: 'fake-cxone' });
		const body = b64url(payload);
		const sig = crypto
			.createHmac('sha256', this.secret)
			.update(`${head}.${body}`)
			.digest('base64url');
		return `${head}.${body}.${sig}`;
	}

	/** Issues and remembers an access token; returns the token endpoint's JSON body. */
	issue({ grantType, clientId }) {
		const o = this.options;
		const iat = Math.floor(o.now() / 1000);
		const exp = iat + o.ttlSeconds;
		const id = `t${++this.counter}`;
		const sub =
			grantType === 'password' ? 'user:11eb660f-4fdf-02d0-8f28-0242ac110002' : `client:${clientId}`;
		const common = {
			sub,
			iss: o.issuer(),
			aud: 'fake-cxone@fakecxone.test',
			tenantId: o.tenantId,
			tenant: 'fake_tenant',
			icClusterId: o.clusterId,
			icBUId: o.businessUnitId,
		};
		const accessToken = this.sign({
			role: { legacyId: 'Administrator' },
			...common,
			name: 'api.user@fakecxone.test',
			jti: id,
			iat,
			exp,
		});
		this.tokens.set(accessToken, {
			id,
			grantType,
			expMs: exp * 1000,
			expired: false,
			revoked: false,
			requestsLeft: null,
		});
		return {
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: o.ttlSeconds,
			refresh_token: this.sign({
				...common,
				typ: 'refresh',
				jti: `${id}r`,
				iat,
				exp: iat + 2 * o.ttlSeconds,
			}),
			id_token: this.sign({
				...common,
				icAgentId: '39260750',
				area: 'na1',
				jti: `${id}i`,
				iat,
				exp,
			}),
			issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
		};
	}

	/** { ok: true, entry } or { ok: false, reason: 'unknown' | 'expired' | 'revoked', entry? } */
	check(token) {
		const entry = this.tokens.get(token);
		if (!entry) return { ok: false, reason: 'unknown' };
		if (entry.revoked) return { ok: false, reason: 'revoked', entry };
		if (entry.expired || entry.expMs <= this.options.now())
			return { ok: false, reason: 'expired', entry };
		return { ok: true, entry };
	}

	revokeAll() {
		for (const entry of this.tokens.values()) entry.revoked = true;
	}
}

module.exports = { TokenStore };
