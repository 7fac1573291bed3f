// Starts and stops a real `n8n start` server (the run's runtime) on loopback for tests that need
// n8n running: active triggers, the REST API, a browser. Env and readiness: docs/n8n-runtimes.md.
'use strict';

const { spawn } = require('node:child_process');

const { RUNTIME, freePort, n8nEnv } = require('./harness');
const { superviseGroup } = require('./processGroup');
const runtimes = require('./runtimes/runtimes');

const READY_TIMEOUT_MS = 90000;
const STOP_TIMEOUT_MS = 20000;
/** Output kept for failure messages: the tail of stdout+stderr. */
const MAX_LOG_CHARS = 200000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `n8n start` on 127.0.0.1 for a user folder made by harness.createN8nHome. Resolves once
 * `GET /rest/login` answers 401 (/healthz turns 200 before the REST routes exist). Rejects with
 * n8n's output when it exits or is not ready in time (and stops it first).
 */
async function startN8n(n8nHome, { port } = {}) {
	const listenPort = port ?? (await freePort());
	const url = `http://127.0.0.1:${listenPort}`;
	const child = spawn(runtimes.nodeBinFor(RUNTIME), [runtimes.n8nBin(RUNTIME), 'start'], {
		env: runtimes.envFor(
			RUNTIME,
			n8nEnv(n8nHome, {
				N8N_PORT: String(listenPort),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				// The auth cookie must work over plain http.
				N8N_SECURE_COOKIE: 'false',
				N8N_PERSONALIZATION_ENABLED: 'false',
				N8N_TEMPLATES_ENABLED: 'false',
			}),
		),
		// Own process group, so stop() can also reach the task runner n8n spawns.
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});

	const group = superviseGroup(child, {
		stopTimeoutMs: STOP_TIMEOUT_MS,
		maxLogChars: MAX_LOG_CHARS,
	});
	const stop = () => group.stop();

	const deadline = Date.now() + READY_TIMEOUT_MS;
	for (;;) {
		const exitInfo = group.exitInfo();
		if (exitInfo) {
			throw new Error(
				`n8n start exited before it was ready (${describeExit(exitInfo)}). Output:\n${group.output()}`,
			);
		}
		if ((await loginStatus(url)) === 401) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(
				`n8n start was not ready within ${READY_TIMEOUT_MS / 1000} s (GET /rest/login never answered 401). Output:\n${group.output()}`,
			);
		}
		await sleep(250);
	}

	return {
		url,
		port: listenPort,
		process: child,
		stop,
		/** stdout+stderr so far (its tail), for failure messages. */
		output: group.output,
	};
}

function describeExit({ code, signal, error }) {
	if (error) return `spawn failed: ${error.message}`;
	return signal ? `signal ${signal}` : `exit code ${code}`;
}

async function loginStatus(url) {
	try {
		const res = await fetch(`${url}/rest/login`, { signal: AbortSignal.timeout(2000) });
		await res.arrayBuffer();
		return res.status;
	} catch {
		return 0;
	}
}

const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	// 8–64 characters with a digit and an uppercase letter.
	password: 'E2eOwnerPassw0rd',
};

/** Creates the instance owner; resolves with the `n8n-auth=…` cookie (and the login used). */
async function setupOwner(url) {
	const res = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	const text = await res.text();
	if (res.status !== 200) {
		throw new Error(`POST /rest/owner/setup answered ${res.status}: ${text.slice(0, 500)}`);
	}
	const auth = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('n8n-auth='));
	if (!auth) throw new Error('POST /rest/owner/setup set no n8n-auth cookie');
	return { cookie: auth, email: OWNER.email, password: OWNER.password };
}

module.exports = { startN8n, setupOwner };
