// The interval report's fold: normalized states in, time per group, interval and key out. States
// are added one at a time, so memory grows with the report (groups × intervals × keys), never with
// the number of states. Interval edges come from time/intervals.ts, the credit rule from
// reports/intervalCredit.ts.

import type { StateCategory, StateRecord } from '../records/stateRecord';
import { formatUtcIso } from '../time/iso';
import type { Interval, IntervalLength } from '../time/intervals';
import { intervalIndexAt, intervalsOf } from '../time/intervals';
import type { ZoneFormatter } from '../time/zone';
import { getZoneFormatter } from '../time/zone';
import type { TimeWindow } from '../types';
import type { CreditMode } from './intervalCredit';
import { creditState } from './intervalCredit';

export type GroupBy = 'agent' | 'team' | 'all';
export type BreakDown = 'label' | 'state' | 'category';

export interface IntervalReportOptions {
	window: TimeWindow;
	/** A checked IANA zone: intervals follow its wall clock. */
	timeZone: string;
	length: IntervalLength;
	groupBy: GroupBy;
	breakDown: BreakDown;
	credit: CreditMode;
	/** When CXone answered: an interval that ends after it is not complete. */
	readAtMs: number;
	/** Whether a reason is an after-call-work code (the wide form's acwSeconds). */
	isAcw?: (reason: string) => boolean;
}

/** Who and when, as every row of either form starts: the group and the interval. */
export interface IntervalHeader {
	/** The upsert key: `{groupId}|{intervalStartUtc}|{intervalMinutes}`, then `|{key}` in the long form. */
	recordId: string;
	agentId: string | null;
	agentName: string | null;
	teamId: string | null;
	teamName: string | null;
	intervalStart: string;
	intervalStartUtc: string;
	intervalEndUtc: string;
	intervalDate: string;
	intervalMinutes: number;
}

/** One row of the wide form: a group's interval, every category's time, zeros included. */
export interface IntervalSummaryRow extends IntervalHeader {
	loggedInSeconds: number;
	availableSeconds: number;
	/** Contacts and consults. */
	workingSeconds: number;
	acwSeconds: number;
	/** Unavailable with any other reason, or none. */
	unavailableSeconds: number;
	loggedOutSeconds: number;
	byLabel: Record<string, number>;
	/** (working + ACW) ÷ (working + ACW + available) × 100, 2 decimals; null when that is 0. */
	occupancyPct: number | null;
	includesOpenTime: boolean;
	complete: boolean;
}

/** One row of the long form: a group's time with one key in one interval. */
export interface IntervalRow extends IntervalHeader {
	label: string | null;
	state: string | null;
	reason: string | null;
	category: StateCategory | null;
	seconds: number;
	segments: number;
	started: number;
	includesOpenTime: boolean;
	complete: boolean;
}

interface Group {
	id: string;
	agentId: string | null;
	agentName: string | null;
	teamId: string | null;
	teamName: string | null;
	/** Key → the key's fields and its cells by interval index. */
	keys: Map<string, KeyCells>;
	/** The wide form's tallies by interval index. */
	wide: Map<number, WideCell>;
}

interface WideCell {
	ms: Record<'available' | 'working' | 'acw' | 'unavailable' | 'loggedOut' | 'loggedIn', number>;
	byLabel: Map<string, number>;
	open: boolean;
}

/** Which tally of the wide form a state's time goes to. */
function tallyOf(r: StateRecord, isAcw: (reason: string) => boolean): keyof WideCell['ms'] | null {
	switch (r.category) {
		case 'available':
		case 'working':
		case 'loggedOut':
		case 'loggedIn':
			return r.category;
		case 'unavailable':
			return r.reason !== null && isAcw(r.reason) ? 'acw' : 'unavailable';
		default:
			return null;
	}
}

interface KeyCells {
	label: string | null;
	state: string | null;
	reason: string | null;
	category: StateCategory | null;
	cells: Map<number, Cell>;
}

interface Cell {
	ms: number;
	segments: number;
	started: number;
	open: boolean;
}

/** The group a record belongs to; records without a team are grouped under team "none". */
function groupOf(r: StateRecord, by: GroupBy): Omit<Group, 'keys' | 'wide'> {
	if (by === 'all') {
		return { id: 'all', agentId: null, agentName: null, teamId: null, teamName: null };
	}
	if (by === 'team') {
		const teamId = r.teamId;
		return {
			id: teamId ?? 'none',
			agentId: null,
			agentName: null,
			teamId,
			teamName: r.teamName ?? null,
		};
	}
	return {
		id: r.agentId,
		agentId: r.agentId,
		agentName: r.agentName ?? null,
		teamId: r.teamId,
		teamName: r.teamName ?? null,
	};
}

/** The key of a record under a breakdown, and the fields a row carries for it. */
function keyOf(r: StateRecord, by: BreakDown): [string, Omit<KeyCells, 'cells'>] {
	if (by === 'category') {
		return [r.category, { label: null, state: null, reason: null, category: r.category }];
	}
	if (by === 'state') {
		return [r.state, { label: null, state: r.state, reason: null, category: r.category }];
	}
	return [r.label, { label: r.label, state: r.state, reason: r.reason, category: r.category }];
}

export class IntervalReport {
	readonly intervals: Interval[];

	private readonly groups = new Map<string, Group>();

	private readonly zoned: ZoneFormatter;

	constructor(private readonly opts: IntervalReportOptions) {
		this.intervals = intervalsOf(opts.window, opts.timeZone, opts.length);
		this.zoned = getZoneFormatter(opts.timeZone);
	}

	/** Credits one state's in-window time; the same state must not be added twice. */
	add(r: StateRecord): void {
		const startMs = Date.parse(r.startTimeUtc);
		const endMs = startMs + Math.round(r.durationSeconds * 1000);
		const g = groupOf(r, this.opts.groupBy);
		let group = this.groups.get(g.id);
		if (group === undefined) {
			this.groups.set(g.id, (group = { ...g, keys: new Map(), wide: new Map() }));
		} else if (group.agentName === null && g.agentName !== null) group.agentName = g.agentName;
		const [key, fields] = keyOf(r, this.opts.breakDown);
		let k = group.keys.get(key);
		if (k === undefined) group.keys.set(key, (k = { ...fields, cells: new Map() }));
		else {
			// A label two states share keeps only the fields they agree on.
			if (k.state !== fields.state) k.state = null;
			if (k.reason !== fields.reason) k.reason = null;
			if (k.category !== fields.category) k.category = null;
		}
		const startIndex = intervalIndexAt(this.intervals, startMs);
		const cells = k.cells;
		const wide = group.wide;
		const tally = tallyOf(r, this.opts.isAcw ?? ((reason) => reason.toLowerCase() === 'acw'));
		creditState(this.intervals, this.opts.window, startMs, endMs, this.opts.credit, (i, ms) => {
			let cell = cells.get(i);
			if (cell === undefined)
				cells.set(i, (cell = { ms: 0, segments: 0, started: 0, open: false }));
			cell.ms += ms;
			cell.segments++;
			if (i === startIndex) cell.started++;
			if (r.isOpen) cell.open = true;
			let w = wide.get(i);
			if (w === undefined) wide.set(i, (w = emptyWide()));
			if (tally !== null) w.ms[tally] += ms;
			w.byLabel.set(r.label, (w.byLabel.get(r.label) ?? 0) + ms);
			if (r.isOpen) w.open = true;
		});
	}

	/** The long form: one row per group, interval and key with time, in that order; no zero rows. */
	rows(): IntervalRow[] {
		const out: IntervalRow[] = [];
		const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
		for (const id of [...this.groups.keys()].sort(byId)) {
			const group = this.groups.get(id) as Group;
			const keys = [...group.keys.keys()].sort(byId);
			for (let i = 0; i < this.intervals.length; i++) {
				for (const key of keys) {
					const k = group.keys.get(key) as KeyCells;
					const cell = k.cells.get(i);
					if (cell === undefined || cell.ms === 0) continue;
					out.push(this.row(group, key, k, i, cell));
				}
			}
		}
		return out;
	}

	/**
	 * The wide form: one row per group and interval, for every interval of the window and every
	 * group with a state in it, zeros included.
	 */
	summaryRows(): IntervalSummaryRow[] {
		const out: IntervalSummaryRow[] = [];
		const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
		for (const id of [...this.groups.keys()].sort(byId)) {
			const group = this.groups.get(id) as Group;
			for (let i = 0; i < this.intervals.length; i++) {
				const w = group.wide.get(i) ?? emptyWide();
				const s = (ms: number) => ms / 1000;
				const { available, working, acw, unavailable, loggedOut, loggedIn } = w.ms;
				const busy = working + acw;
				out.push({
					...this.header(group, i),
					loggedInSeconds: s(available + working + acw + unavailable + loggedIn),
					availableSeconds: s(available),
					workingSeconds: s(working),
					acwSeconds: s(acw),
					unavailableSeconds: s(unavailable),
					loggedOutSeconds: s(loggedOut),
					byLabel: Object.fromEntries([...w.byLabel].map(([label, ms]) => [label, s(ms)])),
					occupancyPct:
						busy + available === 0 ? null : Math.round((busy / (busy + available)) * 10_000) / 100,
					includesOpenTime: w.open,
					complete: this.intervals[i].endMs <= this.opts.readAtMs,
				});
			}
		}
		return out;
	}

	private row(group: Group, key: string, k: KeyCells, i: number, cell: Cell): IntervalRow {
		const header = this.header(group, i);
		return {
			...header,
			recordId: `${header.recordId}|${key}`,
			label: k.label,
			state: k.state,
			reason: k.reason,
			category: k.category,
			seconds: cell.ms / 1000,
			segments: cell.segments,
			started: cell.started,
			includesOpenTime: cell.open,
			complete: this.intervals[i].endMs <= this.opts.readAtMs,
		};
	}

	private header(group: Group, i: number): IntervalHeader {
		const it = this.intervals[i];
		const intervalStartUtc = formatUtcIso(it.startMs);
		const intervalMinutes = (it.endMs - it.startMs) / 60_000;
		const intervalStart = this.zoned(it.startMs);
		return {
			recordId: `${group.id}|${intervalStartUtc}|${intervalMinutes}`,
			agentId: group.agentId,
			agentName: group.agentName,
			teamId: group.teamId,
			teamName: group.teamName,
			intervalStart,
			intervalStartUtc,
			intervalEndUtc: formatUtcIso(it.endMs),
			intervalDate: intervalStart.slice(0, 10),
			intervalMinutes,
		};
	}
}

function emptyWide(): WideCell {
	return {
		ms: { available: 0, working: 0, acw: 0, unavailable: 0, loggedOut: 0, loggedIn: 0 },
		byLabel: new Map(),
		open: false,
	};
}
