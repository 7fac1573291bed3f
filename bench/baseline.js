'use strict';
// "Nothing slower than today": the sources of a baseline commit, compiled like bench/.tmp into
// bench/.tmp/base-<rev>, so run.js measures them in the same run, on the same machine, right
// next to the current tree (wall times of two runs hours apart differ more than any change).

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');

/** The last commit before pages were read in parallel (docs/parallel-paging.md). */
const BASELINE_REV = 'e47a6a4';

/** Compiles `rev` once and returns its build directory. */
function buildBaseline(rev = BASELINE_REV) {
	const out = path.join(__dirname, '.tmp', `base-${rev}`);
	if (fs.existsSync(path.join(out, 'test', 'helpers', 'n8nContext.js'))) return out;
	// Outside the repository, so neither lint nor jest meets the old sources.
	const src = path.join(os.tmpdir(), `n8n-nodes-cxone-bench-src-${rev}`);
	if (!fs.existsSync(src)) {
		fs.mkdirSync(src, { recursive: true });
		// The sources as they were, without a checkout: the compiled folders, by git archive.
		const tar = execFileSync(
			'git',
			[
				'archive',
				'--format=tar',
				rev,
				'nodes',
				'credentials',
				'test/helpers',
				'bench/tsconfig.json',
				'tsconfig.json',
			],
			{ cwd: ROOT, maxBuffer: 1 << 30 },
		);
		execFileSync('tar', ['-x', '-C', src], { input: tar, maxBuffer: 1 << 30 });
		fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'));
	}
	execFileSync(
		process.execPath,
		[require.resolve('typescript/bin/tsc'), '-p', 'bench/tsconfig.json', '--outDir', out],
		{ cwd: src, stdio: 'inherit' },
	);
	return out;
}

module.exports = { BASELINE_REV, buildBaseline };
