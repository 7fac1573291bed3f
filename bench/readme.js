'use strict';
// Writes what a bench run measured into the two places people read it, both from the same report,
// so neither holds a figure typed by hand:
//   bench/RESULTS.md  the whole run: commit, machine, date, every column, every target line with
//                     its why-line (the file is rewritten as a whole)
//   README.md         the headline: a few cases and one line per target, between the two markers
//                     below in its Performance section (the text around them is the README's own)
// run.js calls writeReports after writing bench/results.json; `node bench/readme.js` redoes both
// from the stored results.json.

const fs = require('fs');
const path = require('path');

const { formatTable, targetSummary, fmt, README_COLUMNS, RESULTS_COLUMNS } = require('./table');

const README = path.join(__dirname, '..', 'README.md');
const RESULTS = path.join(__dirname, 'RESULTS.md');
const START =
	'<!-- bench:start (written by npm run bench: edit bench/readme.js, not this table) -->';
const END = '<!-- bench:end -->';

/** The workloads README.md's table shows: the ones with targets of their own (bench/workloads.js). */
const HEADLINE = ['all-agents-24h', 'all-agents-24h-50ms', 'fifty-agents-latency', 'week-chunked'];

function machineLine(m) {
	return `${m.cpus} × ${m.cpuModel}, Node ${m.node}`;
}

/** "2026-12-02 18:44 UTC" */
function when(report) {
	return `${report.timestamp.slice(0, 10)} ${report.timestamp.slice(11, 16)} UTC`;
}

/** bench/RESULTS.md: everything the run printed, and what it ran on. */
function resultsMarkdown(report) {
	const m = report.machine;
	const servers = Object.entries(report.servers || {}).map(
		([name, s]) =>
			`- \`${name}\`: ${s.agents} agents × ${s.statesPerShift} states per shift, seed ${s.seed}` +
			(s.latencyMs ? `, +${s.latencyMs} ms per response` : ''),
	);
	return [
		'# Benchmark results',
		'',
		'Written by `npm run bench` (`bench/readme.js`, from `bench/results.json`), rewritten by every',
		'full run: do not edit by hand. How it measures and what the targets mean:',
		"[README.md](README.md); the headline of this run is in the package README's",
		'[Performance](../README.md#performance) section.',
		'',
		`- **Run**: ${when(report)}, ${fmt(report.durationSeconds)} s in all`,
		`- **Commit**: ${report.commit || 'not recorded'}`,
		`- **Machine**: ${machineLine(m)}, ${fmt(m.totalMemoryMB)} MB, ${m.platform}`,
		`- **Load average (1 min)**: ${m.loadAverage1mBefore} before the run, ${m.loadAverage1mAfter} after`,
		'',
		'## Every workload',
		'',
		formatTable(report.results, RESULTS_COLUMNS),
		'',
		'## Targets, as the run printed them',
		'',
		...(report.targets || []).map((line) =>
			/^\s+why:/.test(line)
				? `  - ${line.trim()}`
				: `- ${line.replace(/^(met|MISSED)\s+/, '**$1** ')}`,
		),
		'',
		'## Notes',
		'',
		...(report.notes || []).map((note) => `- ${note}`),
		...(servers.length ? ['', 'The fake CXone servers:', '', ...servers] : []),
		'',
	].join('\n');
}

/** README.md, between the markers: the headline cases and one line per target. */
function readmeSection(report) {
	const headline = HEADLINE.map((name) => report.results.find((r) => r.name === name)).filter(
		Boolean,
	);
	return [
		`As of the run of ${report.timestamp.slice(0, 10)} (${machineLine(report.machine)}):`,
		'',
		formatTable(headline, README_COLUMNS),
		'',
		'Targets, met or missed in that run:',
		'',
		...targetSummary(report.results).map(
			(t) => `- **${t.met ? 'met' : 'MISSED'}** ${t.text.replace(/\|/g, '\\|')}`,
		),
	].join('\n');
}

/** Formatted as the repository's Prettier would, so the file passes a format check. */
async function prettify(file, text) {
	try {
		const prettier = require('prettier');
		const options = (await prettier.resolveConfig(file)) || {};
		return await prettier.format(text, { ...options, filepath: file });
	} catch {
		// Prettier is a dev dependency; without it the text is still valid Markdown.
		return text;
	}
}

/** Replaces the text between the markers in README.md with the report's headline. */
async function writeReadme(report) {
	const text = fs.readFileSync(README, 'utf8');
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	if (start === -1 || end < start) throw new Error(`README.md lacks the markers ${START} … ${END}`);
	const out = `${text.slice(0, start + START.length)}\n\n${readmeSection(report)}\n\n${text.slice(end)}`;
	fs.writeFileSync(README, await prettify(README, out));
}

/** Rewrites bench/RESULTS.md from the report. */
async function writeResults(report) {
	fs.writeFileSync(RESULTS, await prettify(RESULTS, resultsMarkdown(report)));
}

/** Both, from the same report. */
async function writeReports(report) {
	await writeResults(report);
	await writeReadme(report);
}

module.exports = { writeReports, resultsMarkdown, readmeSection };

if (require.main === module) {
	const report = JSON.parse(fs.readFileSync(path.join(__dirname, 'results.json'), 'utf8'));
	writeReports(report).catch((err) => {
		process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
		process.exit(1);
	});
}
