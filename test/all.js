// `npm test`: every test, on a fresh clone too. Installs the dev dependencies first, then lets
// the two n8n runtimes install (test/install.js) while lint, build, unit and integration tests
// run, and runs the e2e and editor suites on both runtimes once they are ready, then the queue-mode
// suite on the current one (Redis and PostgreSQL from the system's packages, see .ci/run).
'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');

const { ensurePackageDependencies, ensureChromium, installRuntimes } = require('./install');

const ROOT = path.resolve(__dirname, '..');

function npmRun(script) {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', script], { cwd: ROOT, stdio: 'inherit' });
		child.once('error', reject);
		child.once('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`npm run ${script} failed (exit code ${code})`)),
		);
	});
}

async function main() {
	const started = Date.now();
	ensurePackageDependencies();
	ensureChromium();
	const runtimesReady = installRuntimes();
	// A failed install is reported after the steps running meanwhile, not as an unhandled rejection.
	runtimesReady.catch(() => {});
	for (const script of ['lint', 'build', 'test:jest']) await npmRun(script);
	await runtimesReady;
	for (const script of ['test:e2e', 'test:editor', 'test:queue']) await npmRun(script);
	process.stdout.write(`npm test: all passed in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
