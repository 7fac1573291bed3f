'use strict';
// Discovery documents and the token endpoint (password and client_credentials grants, client
// authentication by Basic header or by form body).

const { json, notFound } = require('./respond');

function openIdConfiguration(app) {
	const url = app.url();
	return json(200, {
		issuer: url,
		authorization_endpoint: `${url}/auth/authorize`,
		token_endpoint: `${url}/auth/token`,
		userinfo_endpoint: `${url}/auth/userinfo`,
		jwks_uri: `${url}/auth/jwks`,
		token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
		scopes_supported: ['openid'],
		response_types_supported: ['code'],
		grant_types_supported: app.opts.allowClientCredentials
			? ['password', 'client_credentials']
			: ['password'],
	});
}

function cxoneConfiguration(app, ctx) {
	const tenantId = ctx.url.searchParams.get('tenantId');
	if (tenantId !== null && tenantId !== app.opts.tenantId) {
		return json(404, { error: 'Not found', message: `Unknown tenantId ${tenantId}` });
	}
	const url = app.url();
	return json(200, {
		private: false,
		area: 'na1',
		cluster: app.opts.clusterId,
		domain: 'niceincontact.com',
		acdDomain: 'nice-incontact.com',
		uhDomain: 'nice-incontact.com',
		ui_endpoint: url,
		auth_endpoint: url,
		api_endpoint: url,
		tenantId: app.opts.tenantId,
	});
}

function oauthError(status, error, description, headers) {
	return json(status, { error, error_description: description }, headers);
}

/** Client id/secret from `Authorization: Basic` or the form body, and which style was used. */
function clientAuth(ctx, form) {
	const header = ctx.req.headers.authorization || '';
	const m = /^Basic\s+(.+)$/i.exec(header);
	if (m) {
		const decoded = Buffer.from(m[1].trim(), 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		return {
			style: 'basic',
			id: colon < 0 ? decoded : decoded.slice(0, colon),
			secret: colon < 0 ? '' : decoded.slice(colon + 1),
		};
	}
	if (form.has('client_id')) {
		return { style: 'body', id: form.get('client_id'), secret: form.get('client_secret') || '' };
	}
	return { style: 'none', id: '', secret: '' };
}

function token(app, ctx) {
	if (ctx.req.method !== 'POST') {
		return oauthError(405, 'invalid_request', 'The token endpoint accepts POST only.');
	}
	const contentType = String(ctx.req.headers['content-type'] || '').toLowerCase();
	if (!contentType.startsWith('application/x-www-form-urlencoded')) {
		return oauthError(
			400,
			'invalid_request',
			'Content-Type must be application/x-www-form-urlencoded.',
		);
	}
	const form = new URLSearchParams(ctx.body);
	const grantType = form.get('grant_type');
	if (grantType !== null) ctx.entry.grantType = grantType;

	const fault = app.faults.take('tokenError', ctx);
	if (fault) {
		return fault.error === 'invalid_grant'
			? oauthError(400, 'invalid_grant', 'The access key is invalid or has been revoked.')
			: oauthError(401, 'invalid_client', 'Client authentication failed.');
	}

	const client = clientAuth(ctx, form);
	ctx.entry.clientAuth = client.style;
	const creds = app.credentials;
	if (client.id !== creds.clientId || client.secret !== creds.clientSecret) {
		return oauthError(
			401,
			'invalid_client',
			'Client authentication failed: unknown client or wrong client secret.',
			client.style === 'basic' ? { 'WWW-Authenticate': 'Basic realm="fake-cxone"' } : undefined,
		);
	}
	if (grantType === 'password') {
		if (
			form.get('username') !== creds.accessKeyId ||
			form.get('password') !== creds.accessKeySecret
		) {
			return oauthError(400, 'invalid_grant', 'The access key id or access key secret is invalid.');
		}
	} else if (grantType === 'client_credentials') {
		if (!app.opts.allowClientCredentials) {
			return oauthError(
				400,
				'unsupported_grant_type',
				'The client_credentials grant is not enabled.',
			);
		}
	} else if (grantType === null) {
		return oauthError(400, 'invalid_request', 'grant_type is required.');
	} else {
		return oauthError(400, 'unsupported_grant_type', `Grant type ${grantType} is not supported.`);
	}
	const issued = app.tokens.issue({ grantType, clientId: client.id });
	ctx.entry.tokenId = app.tokens.check(issued.access_token).entry.id;
	return json(200, issued, { 'Cache-Control': 'no-store' });
}

/** Routes for discovery and tokens; null when the path is not one of them. */
function authRoute(app, ctx) {
	switch (ctx.path) {
		case '/.well-known/openid-configuration':
			return ctx.req.method === 'GET' ? openIdConfiguration(app) : notFound();
		case '/.well-known/cxone-configuration':
			return ctx.req.method === 'GET' ? cxoneConfiguration(app, ctx) : notFound();
		case '/auth/token':
		case '/oauth/token':
			return token(app, ctx);
		default:
			return null;
	}
}

module.exports = { authRoute };
