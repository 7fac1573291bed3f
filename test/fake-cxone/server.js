'use strict';
// HTTP plumbing: reads each request, logs it, applies latency and the request-level faults
// (slow, rateLimit, serverError, reset, truncate), dispatches to the auth, API and control routes,
// and writes the response.

const http = require('http');
const { performance } = require('perf_hooks');
const { json, notFound } = require('./respond');
const { authRoute } = require('./auth');
const { apiRoute } = require('./api');
const { controlRoute } = require('./control');

const GATEWAY_TEXT = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

function classify(path) {
	const lower = path.toLowerCase();
	if (lower.startsWith('/incontactapi/') || lower.startsWith('/reporting/')) return 'api';
	if (path === '/auth/token' || path === '/oauth/token') return 'token';
	if (path.startsWith('/.well-known/')) return 'discovery';
	return 'other';
}

function authKind(header) {
	if (!header) return 'none';
	if (/^bearer\s/i.test(header)) return 'bearer';
	if (/^basic\s/i.test(header)) return 'basic';
	return 'none';
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function serverErrorResponse(status) {
	const title = GATEWAY_TEXT[status];
	if (title) {
		// Gateways answer with HTML, not JSON.
		return {
			status,
			headers: { 'Content-Type': 'text/html' },
			body: `<html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1></body></html>`,
		};
	}
	return json(status, { message: 'An error has occurred.' });
}

function write(res, r, damage) {
	const body = r.body === undefined ? undefined : Buffer.from(r.body, 'utf8');
	const headers = { ...r.headers };
	if (!damage) {
		headers['Content-Length'] = body ? body.length : 0;
		res.writeHead(r.status, headers);
		res.end(body);
		return;
	}
	const cut = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
	if (damage === 'truncate') {
		headers['Content-Length'] = cut.length; // a complete response whose JSON is cut off
		res.writeHead(r.status, headers);
		res.end(cut);
		return;
	}
	headers['Content-Length'] = body.length; // 'reset': promise the whole body, send half, hang up
	res.writeHead(r.status, headers);
	res.write(cut, () => res.destroy());
}

async function dispatch(app, ctx) {
	const slow = app.faults.take('slow', ctx);
	if (slow) await app.sleep(slow.delayMs === undefined ? 2000 : Number(slow.delayMs));
	if (app.opts.latencyMs > 0) await app.sleep(app.opts.latencyMs);
	const limited = app.faults.take('rateLimit', ctx);
	if (limited) {
		const headers =
			limited.retryAfter === undefined ? {} : { 'Retry-After': String(limited.retryAfter) };
		return json(429, { message: 'Too many requests' }, headers);
	}
	const failed = app.faults.take('serverError', ctx);
	if (failed) return serverErrorResponse(Number(failed.status || 500));
	if (ctx.path === '/' && ctx.req.method === 'GET') {
		return json(200, {
			name: 'fake-cxone',
			issuer: app.url(),
			control: `${app.url()}/__control/state`,
		});
	}
	return authRoute(app, ctx) || apiRoute(app, ctx) || notFound();
}

async function handle(app, req, res) {
	const t0 = performance.now();
	const url = new URL(req.url, 'http://127.0.0.1');
	const path = url.pathname;
	const body = await readBody(req);
	if (path.startsWith('/__control/')) {
		write(res, controlRoute(app.facade, req.method, path, url.searchParams, body));
		return;
	}
	app.inFlight = (app.inFlight ?? 0) + 1;
	const entry = {
		seq: ++app.seq,
		// Requests being handled when this one arrived, itself included: the client's parallelism.
		inFlight: app.inFlight,
		method: req.method,
		path,
		query: Object.fromEntries(url.searchParams),
		status: 0,
		auth: authKind(req.headers.authorization),
		ms: 0,
	};
	const ctx = { req, url, path, query: entry.query, body, entry, kind: classify(path) };
	let r;
	try {
		r = await dispatch(app, ctx);
	} catch (err) {
		r = json(500, { message: 'Fake CXone internal error', detail: String(err && err.message) });
	}
	// The answer's way back: the data was read when the response was built, before this wait.
	if (app.opts.responseLatencyMs > 0) await app.sleep(app.opts.responseLatencyMs);
	let damage = null;
	if (r.body !== undefined && r.status === 200) {
		if (app.faults.take('reset', ctx)) damage = 'reset';
		else if (app.faults.take('truncate', ctx)) damage = 'truncate';
	}
	if (!app.stopped) write(res, r, damage);
	app.inFlight--;
	entry.status = damage === 'reset' ? 0 : r.status;
	entry.ms = Math.round((performance.now() - t0) * 10) / 10;
	app.log.push(entry);
}

function createHttpServer(app) {
	const server = http.createServer((req, res) => {
		handle(app, req, res).catch(() => {
			if (!res.headersSent) res.destroy();
		});
	});
	server.keepAliveTimeout = 5000;
	return server;
}

module.exports = { createHttpServer };
