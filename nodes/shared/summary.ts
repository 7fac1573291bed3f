// Per-agent and overall totals of normalized state records: time and count per label and per
// category, logged-in time, longest state per label, threshold hits. Sums run in whole
// milliseconds so totals carry no float noise.

import { formatUtcIso } from './time/iso';
import type { BoundaryMode, TimeWindow } from './types';
import type { StateCategory, StateRecord } from './records/stateRecord';

export interface DurationTally {
	seconds: number;
	count: number;
}

/** The longest single state of a label; `seconds` is the state's full (unclipped) duration. */
export interface LongestState {
	recordId: string;
	seconds: number;
	startTimeUtc: string;
}

export interface SummaryTotals {
	recordCount: number;
	/** Sum of counted seconds: clipped durations in clip mode, else durationSeconds. */
	totalSeconds: number;
	/** Counted seconds in every category except loggedOut and unknown. */
	loggedInSeconds: number;
	overThresholdCount: number;
	/** Per label, largest total first. */
	byLabel: Record<string, DurationTally>;
	/** Every category, zero when absent, so expressions can rely on the keys. */
	byCategory: Record<StateCategory, DurationTally>;
	longestByLabel: Record<string, LongestState>;
}

export interface AgentSummary extends SummaryTotals {
	agentId: string;
	agentName?: string;
	teamId: string | null;
	teamName?: string;
}

export interface Summary extends SummaryTotals {
	boundary: BoundaryMode;
	window: { startUtc: string; endUtc: string } | null;
	invalidRecords: number;
	outsideWindowRecords?: number;
	agentCount: number;
	/** Sorted by agentId (numeric-aware). */
	agents: AgentSummary[];
}

export interface SummarizeOptions {
	boundary: BoundaryMode;
	invalidRecords: number;
	/** Records dropped by startInWindow / clip for lying outside the window. */
	outsideWindowRecords?: number;
	window?: TimeWindow;
}

const CATEGORIES: StateCategory[] = [
	'available',
	'unavailable',
	'working',
	'loggedOut',
	'loggedIn',
	'unknown',
];

interface Tally {
	ms: number;
	count: number;
}

class Accumulator {
	recordCount = 0;
	totalMs = 0;
	loggedInMs = 0;
	overThresholdCount = 0;
	readonly labels = new Map<string, Tally>();
	readonly categories = new Map<StateCategory, Tally>();
	readonly longest = new Map<string, { recordId: string; ms: number; startTimeUtc: string }>();

	add(r: StateRecord, countedMs: number): void {
		this.recordCount++;
		this.totalMs += countedMs;
		if (r.category !== 'loggedOut' && r.category !== 'unknown') this.loggedInMs += countedMs;
		if (r.overThreshold === true) this.overThresholdCount++;
		bump(this.labels, r.label, countedMs);
		bump(this.categories, r.category, countedMs);
		const fullMs = Math.round(r.durationSeconds * 1000);
		const best = this.longest.get(r.label);
		if (best === undefined || fullMs > best.ms) {
			this.longest.set(r.label, { recordId: r.recordId, ms: fullMs, startTimeUtc: r.startTimeUtc });
		}
	}

	totals(): SummaryTotals {
		const labels = [...this.labels.entries()].sort(
			(a, b) => b[1].ms - a[1].ms || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
		);
		const byCategory = {} as Record<StateCategory, DurationTally>;
		for (const category of CATEGORIES) {
			const t = this.categories.get(category);
			byCategory[category] = { seconds: t === undefined ? 0 : t.ms / 1000, count: t?.count ?? 0 };
		}
		return {
			recordCount: this.recordCount,
			totalSeconds: this.totalMs / 1000,
			loggedInSeconds: this.loggedInMs / 1000,
			overThresholdCount: this.overThresholdCount,
			// fromEntries defines own properties, so a label like "__proto__" stays a plain key.
			byLabel: Object.fromEntries(
				labels.map(([label, t]) => [label, { seconds: t.ms / 1000, count: t.count }]),
			),
			byCategory,
			longestByLabel: Object.fromEntries(
				labels.map(([label]) => {
					const l = this.longest.get(label)!;
					return [
						label,
						{ recordId: l.recordId, seconds: l.ms / 1000, startTimeUtc: l.startTimeUtc },
					];
				}),
			),
		};
	}
}

function bump<K>(map: Map<K, Tally>, key: K, ms: number): void {
	const t = map.get(key);
	if (t === undefined) map.set(key, { ms, count: 1 });
	else {
		t.ms += ms;
		t.count++;
	}
}

const byAgentId = new Intl.Collator('en', { numeric: true }).compare;

/** Summarizes records per agent and overall. */
export function summarize(records: StateRecord[], opts: SummarizeOptions): Summary {
	const clip = opts.boundary === 'clip';
	const overall = new Accumulator();
	const agents = new Map<
		string,
		{ acc: Accumulator; agentName?: string; teamId: string | null; teamName?: string }
	>();
	for (const r of records) {
		const seconds = clip ? (r.clippedDurationSeconds ?? r.durationSeconds) : r.durationSeconds;
		const ms = Math.round(seconds * 1000);
		overall.add(r, ms);
		let agent = agents.get(r.agentId);
		if (agent === undefined) {
			agent = { acc: new Accumulator(), teamId: r.teamId };
			agents.set(r.agentId, agent);
		}
		if (agent.agentName === undefined && r.agentName !== undefined) agent.agentName = r.agentName;
		if (agent.teamName === undefined && r.teamName !== undefined) agent.teamName = r.teamName;
		if (agent.teamId === null && r.teamId !== null) agent.teamId = r.teamId;
		agent.acc.add(r, ms);
	}

	const agentSummaries: AgentSummary[] = [...agents.keys()].sort(byAgentId).map((agentId) => {
		const a = agents.get(agentId)!;
		// Field by field so names sit next to the id in the output.
		const out = { agentId } as AgentSummary;
		if (a.agentName !== undefined) out.agentName = a.agentName;
		if (a.teamName !== undefined) out.teamName = a.teamName;
		out.teamId = a.teamId;
		return Object.assign(out, a.acc.totals());
	});

	const summary: Summary = {
		boundary: opts.boundary,
		window:
			opts.window === undefined
				? null
				: { startUtc: formatUtcIso(opts.window.startMs), endUtc: formatUtcIso(opts.window.endMs) },
		invalidRecords: opts.invalidRecords,
		agentCount: agentSummaries.length,
		...overall.totals(),
		agents: agentSummaries,
	};
	if (opts.outsideWindowRecords !== undefined)
		summary.outsideWindowRecords = opts.outsideWindowRecords;
	return summary;
}
