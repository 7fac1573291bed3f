'use strict';
// Puts the performance table of a bench report into README.md, between the two markers below, so
// the README shows what `npm run bench` measured and nothing typed by hand. run.js calls it after
// writing bench/results.json; `node bench/readme.js` redoes it from the stored results.json.

const fs = require('fs');
const path = require('path');

const { formatTable, README_COLUMNS } = require('./table');

const README = path.join(__dirname, '..', 'README.md');
const START =
	'<!-- bench:start (written by npm run bench: edit bench/readme.js, not this table) -->';
const END = '<!-- bench:end -->';

function section(report) {
	const m = report.machine;
	const day = report.timestamp.slice(0, 10);
	return [
		`A run on ${m.cpus} × ${m.cpuModel}, Node ${m.node}, ${day} (all columns: \`bench/results.json\`):`,
		'',
		formatTable(report.results, README_COLUMNS),
		'',
		'Targets, as the run printed them:',
		'',
		...(report.targets || []).map((line) =>
			/^\s+why:/.test(line)
				? `  - ${line.trim()}`
				: `- ${line.replace(/^(met|MISSED)\s+/, '**$1** ')}`,
		),
	].join('\n');
}

/** Replaces the text between the markers in README.md with the report's table. */
async function writeReadme(report) {
	const text = fs.readFileSync(README, 'utf8');
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	if (start === -1 || end < start) throw new Error(`README.md lacks the markers ${START} … ${END}`);
	let out = `${text.slice(0, start + START.length)}\n\n${section(report)}\n\n${text.slice(end)}`;
	try {
		// Formatted as the repository's Prettier would, so README.md passes a format check.
		const prettier = require('prettier');
		const options = (await prettier.resolveConfig(README)) || {};
		out = await prettier.format(out, { ...options, filepath: README });
	} catch {
		// Prettier is a dev dependency; without it the table is still valid Markdown.
	}
	fs.writeFileSync(README, out);
}

module.exports = { writeReadme };

if (require.main === module) {
	const report = JSON.parse(fs.readFileSync(path.join(__dirname, 'results.json'), 'utf8'));
	writeReadme(report).catch((err) => {
		process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
		process.exit(1);
	});
}
