'use strict';
// Target checks and the printed table.

const { median } = require('./median');
const { MB } = require('./memory');

/** Wall times within this share of the baseline's count as "not slower" (this VM's noise). */
const NOT_SLOWER_MARGIN = 0.15;

/**
 * Each target of the workload checked against the measurement: { checks, met }. `m.baseline` is
 * the same workload on the baseline commit, measured in the same run.
 */
function evaluate(w, m) {
	const before = m.baseline;
	const t = w.targets || {};
	const checks = [];
	const cpu = m.nodeCpuMs ? median(m.nodeCpuMs) : undefined;
	if (t.helperRatio !== undefined) {
		const budget = m.helperWallMs * (t.helperRatio - 1);
		const beyond = m.wallMs - m.helperWallMs;
		checks.push({
			target: `node ≤ ${t.helperRatio}× n8n-helper floor (${fmt(m.helperWallMs)} ms; raw floor ${fmt(m.floorWallMs)} ms, ${fmt(m.ratio, 2)}×)`,
			value: m.helperRatio,
			limit: t.helperRatio,
			met: m.helperRatio <= t.helperRatio,
			why: `the node spends ${fmt(beyond)} ms beyond the helper floor on ${fmt(m.records)} records (${fmt((beyond * 1000) / m.records, 1)} µs each: validation, normalization, names, sorting, items); ${t.helperRatio}× leaves ${fmt(budget)} ms (${fmt((budget * 1000) / m.records, 1)} µs each)`,
		});
	}
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
			target: `wall ≤ ${t.idealFactor}× ideal (${Math.round(m.idealMs)} ms = ⌈${m.requests} requests ÷ ${m.concurrency}⌉ × ${m.latencyMs} ms)`,
			value: factor,
			limit: t.idealFactor,
			met: factor <= t.idealFactor,
			why:
				cpu === undefined || cpu < m.idealMs * t.idealFactor
					? `the n8n-helper floor alone takes ${fmt(m.helperWallMs)} ms (${fmt(m.helperWallMs / m.idealMs, 2)}× ideal): n8n's request helper opens a connection per request and the fake serializes every page on one core`
					: `the node's own CPU time is ${fmt(cpu)} ms (the n8n-helper floor alone takes ${fmt(m.helperWallMs)} ms), against a wall budget of ${fmt(m.idealMs * t.idealFactor)} ms: the work on the records, not the wire, bounds the wall; meeting it needs that work under the budget (or the records spread over more input items)`,
		});
	}
	if (t.recordsPerSecond !== undefined) {
		const baselineRate = m.baseline ? m.records / (m.baseline.wallMs / 1000) : undefined;
		checks.push({
			target: `≥ ${t.recordsPerSecond / 1000}k records/s`,
			value: m.recordsPerSecond,
			limit: t.recordsPerSecond,
			met: m.recordsPerSecond >= t.recordsPerSecond,
			why:
				baselineRate === undefined
					? undefined
					: `${m.baseline.rev} normalizes ${fmt(baselineRate)} records/s in this run, so this change did not slow it; meeting the target on this machine needs about ${fmt((1 - m.recordsPerSecond / t.recordsPerSecond) * 100)}% less work per record`,
		});
	}
	if (before && before.wallMs) {
		const limit = 1 + NOT_SLOWER_MARGIN;
		checks.push({
			target: `not slower than ${before.rev} (${fmt(before.wallMs)} ms in this run, +${NOT_SLOWER_MARGIN * 100}% noise)`,
			value: m.wallMs / before.wallMs,
			limit,
			met: m.wallMs <= before.wallMs * limit,
		});
	}
	return { checks, met: checks.length ? checks.every((c) => c.met) : null };
}

/** One line per target of every workload, for the end of the run. */
function targetLines(results) {
	const lines = [];
	for (const r of results) {
		for (const c of r.checks) {
			const v = c.value >= 1000 ? fmt(c.value) : fmt(c.value, 2);
			lines.push(`${c.met ? 'met   ' : 'MISSED'}  ${r.label}: ${c.target}: ${v}`);
			if (!c.met && c.why) lines.push(`        why: ${c.why}`);
		}
	}
	return lines;
}

/** The "not slower than the baseline commit" check every workload has (see evaluate). */
const BASELINE_TARGET = /^not slower than /;

/**
 * The targets in one line each, for README.md: a workload's own targets without the figures in
 * parentheses (bench/RESULTS.md has them), and the not-slower-than-baseline checks as one line.
 */
function targetSummary(results) {
	const lines = [];
	const baseline = [];
	for (const r of results) {
		for (const c of r.checks) {
			if (BASELINE_TARGET.test(c.target)) {
				baseline.push({ label: r.label, met: c.met });
				continue;
			}
			const target = c.target.replace(/\s*\(.*\)$/, '');
			const value = /records\/s/.test(target) ? `${fmt(c.value)} records/s` : `${fmt(c.value, 2)}×`;
			lines.push({ met: c.met, text: `${r.label}: ${target}, ${value}` });
		}
	}
	if (baseline.length) {
		const missed = baseline.filter((b) => !b.met).map((b) => b.label);
		lines.push({
			met: missed.length === 0,
			text:
				`every workload not slower than the baseline commit (wall within +${NOT_SLOWER_MARGIN * 100}%): ` +
				`${baseline.length - missed.length} of ${baseline.length}` +
				(missed.length ? ` (slower: ${missed.join('; ')})` : ''),
		});
	}
	return lines;
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
		r.kind === 'node' && r.helperWallMs ? fmt(r.helperWallMs) : '–',
		r.kind === 'node' && r.helperRatio ? `${fmt(r.helperRatio, 2)}×` : '–',
		r.idealMs ? fmt(r.idealMs) : '–',
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
	'n8n floor ms',
	'÷ n8n floor',
	'ideal ms',
	'peak RSS MB',
	'peak heap MB',
	'output MB',
	'heap Δ ÷ output',
	'targets',
];

/** The columns of README.md's headline table (bench/readme.js). */
const README_COLUMNS = ['workload', 'records', 'wall ms', '÷ n8n floor'];

/** The columns of bench/RESULTS.md: all but `targets`, whose checks follow the table line by line. */
const RESULTS_COLUMNS = HEAD.filter((name) => name !== 'targets');

/** Text columns; the others are numbers, right-aligned. */
const TEXT_COLUMNS = new Set(['workload', 'targets']);

/** A Markdown table (readable in a terminal, pastable into a note), of all columns or some. */
function formatTable(results, columns = HEAD) {
	const picked = columns.map((name) => HEAD.indexOf(name));
	const pick = (cells) => picked.map((i) => cells[i]);
	const rows = [columns, ...results.map((r) => pick(row(r)))];
	const widths = columns.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
	const left = columns.map((name) => TEXT_COLUMNS.has(name));
	const line = (cells) =>
		`| ${cells.map((c, i) => (left[i] ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
	const rule = `|${widths.map((w, i) => (left[i] ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
	return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

module.exports = {
	evaluate,
	formatTable,
	targetLines,
	targetSummary,
	fmt,
	README_COLUMNS,
	RESULTS_COLUMNS,
};
