// n8n's queue mode on loopback for the queue-mode suite: Redis and PostgreSQL from Debian's
// packages (started here in temp folders, stopped after), an `n8n start` main and `n8n worker`s,
// each with its own user folder holding this package as a community package, all sharing one
// database, one Redis and one encryption key.
'use strict';

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { sleep } = require('n8n-workflow');

const h = require('./harness');
const runtimes = require('./runtimes/runtimes');
const { superviseGroup } = require('./processGroup');

const READY_TIMEOUT_MS = 180000;
const STOP_TIMEOUT_MS = 30000;
const MAX_LOG_CHARS = 400000;
/** All processes must agree on it: credentials are encrypted with it in the shared database. */
const ENCRYPTION_KEY = 'cxone-queue-mode-e2e-key-0123456789';

function pgBin(name) {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).sort().reverse() : [];
	for (const v of versions) {
		const file = path.join(root, v, 'bin', name);
		if (fs.existsSync(file)) return file;
	}
	throw new Error(`PostgreSQL's ${name} not found under ${root}: apt-get install -y postgresql`);
}

/** Why the suite cannot run here, or undefined (.ci/run installs both packages). */
function missingServices() {
	const missing = [];
	try {
		execFileSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' });
	} catch {
		missing.push('redis-server (apt-get install -y redis-server)');
	}
	try {
		pgBin('postgres');
	} catch {
		missing.push('postgresql (apt-get install -y postgresql)');
	}
	return missing.length > 0 ? `missing ${missing.join(', ')}` : undefined;
}

/** A long-running child in its own process group, its output kept, stoppable once. */
function spawnService(name, command, args, options = {}) {
	const child = spawn(command, args, {
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		...options,
	});
	const group = superviseGroup(child, {
		stopTimeoutMs: STOP_TIMEOUT_MS,
		maxLogChars: MAX_LOG_CHARS,
	});
	return {
		name,
		process: child,
		output: group.output,
		exited: group.exitInfo,
		stop: group.stop,
	};
}

async function until(what, service, check, timeoutMs = READY_TIMEOUT_MS) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (service?.exited()) {
			throw new Error(
				`${what} exited before it was ready. Output:\n${service.output().slice(-6000)}`,
			);
		}
		if (await check()) return;
		if (Date.now() > deadline) {
			await service?.stop();
			throw new Error(
				`${what} was not ready within ${timeoutMs / 1000} s. Output:\n${service?.output().slice(-6000)}`,
			);
		}
		await sleep(250);
	}
}

async function startRedis() {
	const port = await h.freePort();
	// No persistence: the queue lives as long as the run.
	const redis = spawnService('redis', 'redis-server', [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--daemonize',
		'no',
	]);
	await until('redis-server', redis, async () =>
		/Ready to accept connections/.test(redis.output()),
	);
	return { ...redis, port };
}

/** initdb into a temp folder and run postgres there (as the `postgres` user when run as root). */
async function startPostgres() {
	const port = await h.freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxone-queue-pg-'));
	const data = path.join(dir, 'data');
	const asRoot = process.getuid?.() === 0;
	// PostgreSQL refuses to run as root.
	const as = (bin, args) =>
		asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
	if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
	const [initCmd, initArgs] = as(pgBin('initdb'), [
		'-D',
		data,
		'-U',
		'postgres',
		'--auth=trust',
		'--no-sync',
	]);
	execFileSync(initCmd, initArgs, { stdio: 'pipe' });
	const [cmd, args] = as(pgBin('postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-h',
		'127.0.0.1',
		'-k',
		dir,
		'-c',
		'fsync=off',
		'-c',
		'max_connections=100',
	]);
	const pg = spawnService('postgres', cmd, args);
	const psql = (sql) =>
		execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-tAc', sql], {
			stdio: 'pipe',
		}).toString();
	await until('postgres', pg, async () => {
		try {
			psql('select 1');
			return true;
		} catch {
			return false;
		}
	});
	psql('create database n8n');
	return {
		...pg,
		port,
		psql: (sql) =>
			execFileSync(
				'psql',
				['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'n8n', '-tAc', sql],
				{ stdio: 'pipe' },
			).toString(),
		async stop() {
			await pg.stop('SIGINT');
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** The settings every n8n process of the cluster shares: n8n's own, nothing of this package. */
function clusterEnv({ redis, postgres }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		GENERIC_TIMEZONE: 'UTC',
	};
}

/** One n8n process of the cluster: `start` (main) or `worker`, in its own user folder. */
async function startN8nProcess(home, env, role, { name, port }) {
	const args =
		role === 'main'
			? [runtimes.n8nBin(h.RUNTIME), 'start']
			: [runtimes.n8nBin(h.RUNTIME), 'worker', '--concurrency=10'];
	const extra =
		role === 'main'
			? {
					N8N_PORT: String(port),
					N8N_LISTEN_ADDRESS: '127.0.0.1',
					N8N_SECURE_COOKIE: 'false',
					N8N_PERSONALIZATION_ENABLED: 'false',
					N8N_TEMPLATES_ENABLED: 'false',
				}
			: {
					// Each worker's health server on its own port: two on one host would clash.
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				};
	const service = spawnService(name, runtimes.nodeBinFor(h.RUNTIME), args, {
		env: runtimes.envFor(h.RUNTIME, h.n8nEnv(home, { ...env, ...extra })),
	});
	const url = `http://127.0.0.1:${port}`;
	const readyPath = role === 'main' ? '/rest/login' : '/healthz';
	const readyStatus = role === 'main' ? 401 : 200;
	await until(`n8n ${name}`, service, async () => {
		try {
			const res = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(2000) });
			await res.arrayBuffer();
			return res.status === readyStatus;
		} catch {
			return false;
		}
	});
	return { ...service, url, port, home };
}

/** The execution ids a worker's log says it ran ("Worker started execution N", scaling/job-processor). */
function executionsRun(output) {
	return [...output.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
}

module.exports = {
	missingServices,
	startRedis,
	startPostgres,
	clusterEnv,
	startN8nProcess,
	executionsRun,
};
