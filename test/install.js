// What `npm test` and `npm run demo` need on a fresh clone, installed only when missing or stale:
// the package's dev dependencies, the real n8n runtimes (with Node 24 from the npm registry where
// the machine's Node is older) and, for the editor test, Chromium from the system's packages.
// Plain Node built-ins: it runs before anything is installed.
//   node test/install.js test   everything `npm test` uses (both n8n runtimes, Chromium); npm test
//                               itself (test/all.js) installs the runtimes while the unit tests run
//   node test/install.js demo   what the demo uses (an installed runtime, else the current one)
'use strict';

const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const runtimes = require('./e2e/runtimes/runtimes');

const ROOT = path.resolve(__dirname, '..');
const STAMP = path.join(ROOT, 'node_modules', '.cxone-installed');
const CHROMIUM = '/usr/bin/chromium';

const log = (line) => process.stdout.write(`${line}\n`);

function lockHash() {
	return crypto
		.createHash('sha256')
		.update(fs.readFileSync(path.join(ROOT, 'package-lock.json')))
		.digest('hex');
}

/** The package's own dev dependencies (lint, build, jest), from the lockfile. */
function ensurePackageDependencies() {
	const hash = lockHash();
	if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === hash) return;
	log('Installing the dev dependencies (npm ci)...');
	// --ignore-scripts: eslint-plugin-n8n-nodes-base has an `only-allow pnpm` preinstall and
	// isolated-vm (pulled in by @n8n/node-cli) does not compile on Node 20; neither is needed.
	execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: ROOT,
		stdio: 'inherit',
	});
	fs.writeFileSync(STAMP, `${hash}\n`);
}

function hasCommand(name) {
	try {
		execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Headless Chromium for the editor test: CHROMIUM_PATH, or Debian's package. */
function ensureChromium() {
	if (process.env.CHROMIUM_PATH || fs.existsSync(CHROMIUM)) return;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!hasCommand('apt-get') || !root) {
		throw new Error(
			`The editor test needs Chromium and none was found at ${CHROMIUM}. Install it with your ` +
				'package manager (Debian/Ubuntu: `sudo apt-get install chromium`), or set CHROMIUM_PATH ' +
				'to a Chrome or Chromium binary, then run `npm test` again.',
		);
	}
	log('Installing Chromium for the editor test (apt-get install chromium)...');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (args) => execFileSync('apt-get', args, { stdio: 'inherit', env });
	try {
		apt(['install', '-y', '--no-install-recommends', 'chromium']);
	} catch {
		apt(['update']);
		apt(['install', '-y', '--no-install-recommends', 'chromium']);
	}
}

/** Both runtimes at once: downloads and the sqlite3 compiles overlap. True when any was installed. */
async function installRuntimes() {
	const installed = await Promise.all(runtimes.RUNTIMES.map((r) => runtimes.install(r, log)));
	return installed.some(Boolean);
}

async function main() {
	const purpose = process.argv[2] ?? 'test';
	if (purpose !== 'test' && purpose !== 'demo') {
		throw new Error('Usage: node test/install.js test|demo');
	}
	const started = Date.now();
	ensurePackageDependencies();
	if (purpose === 'demo') {
		if (!runtimes.RUNTIMES.some(runtimes.isInstalled)) {
			await runtimes.install(runtimes.RUNTIMES[0], log);
		}
		return;
	}
	ensureChromium();
	if (await installRuntimes()) {
		log(`Installs done in ${Math.round((Date.now() - started) / 1000)} s.`);
	}
}

module.exports = { ensurePackageDependencies, ensureChromium, installRuntimes };

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}
