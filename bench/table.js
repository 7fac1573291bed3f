'use strict';
// Target checks and the printed table.

const { MB } = require('./memory');

/** Each target of the workload checked against the measurement: { checks, targets, met }. */
function evaluate(w, m) {
	const t = w.targets || {};
	const checks = [];
	if (t.ratio !== undefined) {
		checks.push({
			target: `node ≤ ${t.ratio}× floor`,
			value: m.ratio,
			limit: t.ratio,
			met: m.ratio <= t.ratio,
		});
	}
	if (t.heapRatio !== undefined) {
		const heapRatio = (m.memory.peakHeap - m.memory.baseHeap) / m.outputBytes;
		checks.push({
			target: `heap ≤ ${t.heapRatio}× output`,
			value: heapRatio,
			limit: t.heapRatio,
			met: heapRatio <= t.heapRatio,
		});
	}
	if (t.idealFactor !== undefined) {
		const factor = m.wallMs / m.idealMs;
		checks.push({
			target: `wall ≤ ${t.idealFactor}× ideal (${Math.round(m.idealMs)} ms)`,
			value: factor,
			limit: t.idealFactor,
			met: factor <= t.idealFactor,
		});
	}
	if (t.recordsPerSecond !== undefined) {
		checks.push({
			target: `≥ ${t.recordsPerSecond / 1000}k records/s`,
			value: m.recordsPerSecond,
			limit: t.recordsPerSecond,
			met: m.recordsPerSecond >= t.recordsPerSecond,
		});
	}
	return { checks, met: checks.length ? checks.every((c) => c.met) : null };
}

function fmt(n, digits = 0) {
	if (n === null || n === undefined || Number.isNaN(n)) return '–';
	return n.toLocaleString('en-US', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits,
	});
}

function row(r) {
	const mem = r.memory;
	const heapRatio = mem && r.outputBytes ? (mem.peakHeap - mem.baseHeap) / r.outputBytes : null;
	const checkText = r.checks.length
		? r.checks
				.map((c) => {
					const v = c.value >= 1000 ? fmt(c.value) : fmt(c.value, 2);
					return `${c.target}: ${v} ${c.met ? 'met' : 'MISSED'}`;
				})
				.join('; ')
		: '–';
	return [
		r.label,
		fmt(r.records),
		r.kind === 'node' ? fmt(r.requests) : '–',
		fmt(r.wallMs),
		fmt(r.recordsPerSecond),
		r.kind === 'node' ? fmt(r.floorWallMs) : '–',
		r.kind === 'node' ? `${fmt(r.ratio, 2)}×` : '–',
		mem ? fmt(mem.peakRss / MB) : '–',
		mem ? fmt(mem.peakHeap / MB) : '–',
		r.outputBytes ? fmt(r.outputBytes / MB, 1) : '–',
		heapRatio === null ? '–' : `${fmt(heapRatio, 2)}×`,
		checkText,
	];
}

const HEAD = [
	'workload',
	'records',
	'requests',
	'wall ms',
	'records/s',
	'floor ms',
	'÷ floor',
	'peak RSS MB',
	'peak heap MB',
	'output MB',
	'heap Δ ÷ output',
	'targets',
];

/** The columns the README shows (bench/readme.js): the rest are in bench/results.json. */
const README_COLUMNS = [
	'workload',
	'records',
	'requests',
	'wall ms',
	'floor ms',
	'÷ floor',
	'peak heap MB',
	'targets',
];

/** A Markdown table (readable in a terminal, pastable into a note), of all columns or some. */
function formatTable(results, columns = HEAD) {
	const picked = columns.map((name) => HEAD.indexOf(name));
	const pick = (cells) => picked.map((i) => cells[i]);
	const rows = [columns, ...results.map((r) => pick(row(r)))];
	const widths = columns.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
	const line = (cells) =>
		`| ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
	const rule = `|${widths.map((w, i) => (i === 0 || i === widths.length - 1 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
	return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

module.exports = { evaluate, formatTable, README_COLUMNS };
