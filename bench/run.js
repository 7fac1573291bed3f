'use strict';
// `npm run bench`: starts the fake CXone servers on loopback in this process, runs each workload
// in a fresh child process (child.js), prints the table, writes bench/results.json, the whole run
// into bench/RESULTS.md and its headline into README.md (readme.js).
//
//   node bench/run.js [--only name,name] [--reps n] [--profile] [--build dir]
//
// --build runs the workloads against another compiled tree (same layout as bench/.tmp), e.g. the
// sources before a change compiled with tsc -p bench/tsconfig.json --outDir dir.
// --profile writes a CPU profile of each measured node run to bench/.tmp/prof (the floor and the
// warm-up are not in it); open it in Chrome DevTools or VS Code.
// Expects the sources compiled to bench/.tmp (tsc -p bench/tsconfig.json); npm run bench does it.

const { execFileSync, fork } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { createFakeCxone } = require('../test/fake-cxone');
const { BASELINE_REV, buildBaseline } = require('./baseline');
const { writeReports } = require('./readme');
const { formatTable, evaluate, targetLines } = require('./table');
const { WORKLOADS, SERVERS } = require('./workloads');

const BUILT = path.join(__dirname, '.tmp');
/** What a run writes: not a change to what it measures. */
const OUTPUTS = ['bench/results.json', 'bench/RESULTS.md', 'README.md'];

/** The commit measured, e.g. "c9b2fc1", or "c9b2fc1 with uncommitted changes" (outputs aside). */
function gitCommit() {
	const git = (args) =>
		execFileSync('git', args, { cwd: path.join(__dirname, '..'), encoding: 'utf8' }).trim();
	try {
		const rev = git(['rev-parse', '--short=7', 'HEAD']);
		const exclude = OUTPUTS.map((file) => `:(exclude)${file}`);
		const changed = git(['status', '--porcelain', '--', '.', ...exclude]);
		return changed ? `${rev} with uncommitted changes` : rev;
	} catch {
		return 'unknown (not a git checkout)';
	}
}

function parseArgs(argv) {
	const args = { only: null, reps: null, profile: false, build: null, baseline: BASELINE_REV };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--only') args.only = argv[++i].split(',');
		else if (argv[i] === '--reps') args.reps = Number(argv[++i]);
		else if (argv[i] === '--profile') args.profile = true;
		else if (argv[i] === '--build') args.build = path.resolve(argv[++i]);
		else if (argv[i] === '--baseline') args.baseline = argv[++i];
		else if (argv[i] === '--no-baseline') args.baseline = null;
		else throw new Error(`Unknown argument ${argv[i]}`);
	}
	return args;
}

function runChild(workload, server, args, buildDir = args.build) {
	const payload = JSON.stringify({ name: workload.name, server, reps: args.reps });
	const env = {
		...process.env,
		BENCH_PROFILE: args.profile ? '1' : '',
		BENCH_BUILD_DIR: buildDir || '',
	};
	return new Promise((resolve, reject) => {
		const child = fork(path.join(__dirname, 'child.js'), [payload], {
			execArgv: ['--expose-gc'],
			env,
		});
		let message = null;
		child.on('message', (m) => (message = m));
		child.on('error', reject);
		child.on('exit', (code) => {
			if (message && message.ok) resolve(message.result);
			else
				reject(
					new Error(`${workload.name} failed (exit ${code}):\n${message ? message.error : ''}`),
				);
		});
	});
}

/** Writes JSON formatted as the repository's Prettier would, so the file passes a format check. */
async function writeJson(file, value) {
	let text = `${JSON.stringify(value, null, '\t')}\n`;
	try {
		const prettier = require('prettier');
		const options = (await prettier.resolveConfig(file)) || {};
		text = await prettier.format(text, { ...options, filepath: file });
	} catch {
		// Prettier is a dev dependency; without it the plain JSON is fine.
	}
	fs.writeFileSync(file, text);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (!fs.existsSync(path.join(args.build || BUILT, 'test', 'helpers', 'n8nContext.js'))) {
		throw new Error('bench/.tmp is missing: run `npm run bench` (it compiles first).');
	}
	const workloads = WORKLOADS.filter((w) => !args.only || args.only.includes(w.name));
	const needed = new Set(workloads.map((w) => w.server));
	const servers = {};
	for (const name of needed) {
		const fake = createFakeCxone(SERVERS[name]);
		await fake.start(0);
		servers[name] = fake;
	}

	const commit = gitCommit();
	const started = Date.now();
	const loadBefore = os.loadavg();
	if (loadBefore[0] > os.cpus().length / 2) {
		process.stderr.write(
			`Note: load average ${loadBefore[0].toFixed(1)} on ${os.cpus().length} CPUs; wall times will be noisy.\n`,
		);
	}
	// "Today" for the not-slower check: the baseline commit, measured in this run next to each
	// workload (bench/baseline.js).
	const baselineDir = args.baseline ? buildBaseline(args.baseline) : null;
	const results = [];
	try {
		for (const w of workloads) {
			const fake = servers[w.server];
			const serverInfo = { url: fake.url, credentials: fake.credentials };
			const t0 = Date.now();
			process.stderr.write(`${w.label} ... `);
			const wl = args.reps ? { ...w, reps: args.reps } : w;
			const before = baselineDir ? await runChild(wl, serverInfo, args, baselineDir) : null;
			const measured = await runChild(wl, serverInfo, args);
			if (before) measured.baseline = { rev: args.baseline, wallMs: before.wallMs };
			process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
			results.push({
				name: w.name,
				label: w.label,
				kind: w.kind,
				...measured,
				...evaluate(w, measured),
			});
		}
	} finally {
		for (const fake of Object.values(servers)) await fake.stop();
	}

	const table = formatTable(results);
	const targets = targetLines(results);
	process.stdout.write(`\n${table}\n\nTargets:\n${targets.map((l) => `  ${l}`).join('\n')}\n`);
	const cpus = os.cpus();
	const report = {
		timestamp: new Date().toISOString(),
		commit,
		durationSeconds: Math.round((Date.now() - started) / 100) / 10,
		machine: {
			cpus: cpus.length,
			cpuModel: cpus[0] ? cpus[0].model : 'unknown',
			totalMemoryMB: Math.round(os.totalmem() / 1048576),
			platform: `${os.platform()} ${os.release()}`,
			node: process.version,
			// Other work on the machine skews wall times; the CPU columns in results are less affected.
			loadAverage1mBefore: Math.round(loadBefore[0] * 100) / 100,
			loadAverage1mAfter: Math.round(os.loadavg()[0] * 100) / 100,
		},
		servers: SERVERS,
		notes: [
			'wallMs / floorWallMs are medians of the measured runs; each run reuses the token stored by a warm-up run (as n8n persists it).',
			'heapRatio = (peak heapUsed during execute − heapUsed before it, after GC) ÷ output JSON size.',
			'idealMs = ⌈API requests ÷ concurrency⌉ × added latency.',
			'helperWallMs: the same pages through n8n-core httpRequestWithAuthentication with the real credential, nothing else.',
		],
		results,
		table,
		targets,
	};
	if (!args.only && !args.build) {
		await writeJson(path.join(__dirname, 'results.json'), report);
		await writeReports(report);
	} else {
		process.stderr.write(
			'(--only / --build: bench/results.json, bench/RESULTS.md and README.md not written)\n',
		);
	}
	const missed = results.filter((r) => r.met === false);
	if (missed.length)
		process.stderr.write(`Targets missed: ${missed.map((r) => r.name).join(', ')}\n`);
}

main().catch((err) => {
	process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
	process.exit(1);
});
