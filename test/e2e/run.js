// Runs one jest suite of test/e2e (e2e or editor) once per n8n runtime, current first, each in
// its own jest process with CXONE_N8N_RUNTIME set, so every failure names the runtime (jest's
// displayName, see jest.config.js). CXONE_N8N_RUNTIMES=current (or floor) runs only that one;
// the queue suite runs on current unless it says otherwise.
//   node test/e2e/run.js e2e|editor|queue [jest args...]
'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');

const runtimes = require('./runtimes/runtimes');

const CONFIGS = {
	e2e: 'jest.config.js',
	editor: 'jest.browser.config.js',
	// One n8n cluster is heavy for CI's two cores: the current runtime only (queue.js).
	queue: 'jest.queue.config.js',
};
const DEFAULT_RUNTIMES = { queue: ['current'] };

function main() {
	const [suite, ...jestArgs] = process.argv.slice(2);
	if (!CONFIGS[suite]) {
		process.stderr.write(
			`Usage: node test/e2e/run.js ${Object.keys(CONFIGS).join('|')} [jest args]\n`,
		);
		return 2;
	}
	const wanted = (process.env.CXONE_N8N_RUNTIMES ?? '').split(',').filter(Boolean);
	const list =
		wanted.length > 0
			? wanted.map(runtimes.byId)
			: (DEFAULT_RUNTIMES[suite]?.map(runtimes.byId) ?? runtimes.RUNTIMES);
	const jest = require.resolve('jest/bin/jest');
	const results = [];
	for (const runtime of list) {
		const label = runtimes.label(runtime);
		process.stdout.write(`\n=== ${suite} on ${label} ===\n`);
		const started = Date.now();
		const out = spawnSync(
			process.execPath,
			[jest, '-c', path.join(__dirname, CONFIGS[suite]), ...jestArgs],
			{ stdio: 'inherit', env: { ...process.env, CXONE_N8N_RUNTIME: runtime.id } },
		);
		results.push({
			label,
			ok: out.status === 0,
			seconds: Math.round((Date.now() - started) / 1000),
		});
	}
	process.stdout.write(`\n${suite} results:\n`);
	for (const r of results) {
		process.stdout.write(`  ${r.ok ? 'passed' : 'FAILED'}  ${r.label}  (${r.seconds} s)\n`);
	}
	return results.every((r) => r.ok) ? 0 : 1;
}

process.exitCode = main();
