// A tiny CXone for the trigger tests: a list of agent states on a controllable clock, rendered as
// the state-history API would at a given moment. `observe` gives the normalized records directly
// (for the pure cursor tests); `FakeCxone.install` serves them over nock (for poll()).
// CONSTRUCTED data: no real CXone state-history JSON is public.

import nock from 'nock';

import { CXONE } from '../../../nodes/shared/flavors';
import { createNormalizer } from '../../../nodes/shared/states/normalize';
import { makeThresholdRules } from '../../../nodes/shared/thresholds';
import type { TimeWindow } from '../../../nodes/shared/types';
import type { StateRecord } from '../../../nodes/shared/records/stateRecord';
import { DEFAULT_BASE_URL } from '../../helpers/n8nContext';

export interface FakeState {
	agentId?: number;
	sessionId?: number;
	stateIndex: number;
	/** UTC ISO. */
	start: string;
	/** UTC ISO; absent = still running. A future end means running until then. */
	end?: string;
	/** When the API first lists the state (a late record); default its start. */
	visibleAt?: string;
	/** CXone agentStateId; default 2 (Unavailable). */
	stateId?: number;
	reasonId?: number;
	reason?: string;
	teamId?: number;
	/** Sent without a duration even once ended (its end is then the next state's start). */
	noDuration?: boolean;
}

/** How the state still running at now is sent: as elapsed so far, or with no duration. */
export type OpenStateShape = 'elapsed' | 'absent' | 'null' | 'empty';

export const OPEN_STATE_SHAPES: readonly OpenStateShape[] = ['elapsed', 'absent', 'null', 'empty'];

export const AGENT = 39260750;
export const SESSION = 5000001;

const ms = (iso: string) => Date.parse(iso);

/** The states the API lists at `nowMs` that overlap [startMs, endMs), as raw CXone records. */
export function rawRecords(
	states: readonly FakeState[],
	window: TimeWindow,
	nowMs: number,
	agentId?: number,
	openState: OpenStateShape = 'elapsed',
): Array<Record<string, unknown>> {
	const out: Array<{ key: [number, number]; raw: Record<string, unknown> }> = [];
	for (const s of states) {
		const agent = s.agentId ?? AGENT;
		if (agentId !== undefined && agent !== agentId) continue;
		const startMs = ms(s.start);
		if (startMs > nowMs || ms(s.visibleAt ?? s.start) > nowMs) continue;
		const endMs = s.end === undefined ? nowMs : Math.min(ms(s.end), nowMs);
		const overlaps =
			startMs < window.endMs &&
			(endMs > window.startMs || (endMs === startMs && startMs === window.startMs));
		if (!overlaps) continue;
		const seconds = (endMs - startMs) / 1000;
		const open = s.end === undefined || ms(s.end) > nowMs;
		const raw: Record<string, unknown> = {
			stateIndex: s.stateIndex,
			startDate: new Date(startMs).toISOString(),
			agentId: agent,
			agentStateId: s.stateId ?? 2,
			agentSessionId: s.sessionId ?? SESSION,
			outStateId: s.reasonId ?? (s.reason === undefined ? 0 : 78),
			outStateDescription: s.reason ?? null,
			duration: `PT${seconds}S`,
			teamId: s.teamId ?? 205970,
		};
		if (s.noDuration === true || (open && openState === 'absent')) delete raw.duration;
		if (open && openState === 'null') raw.duration = null;
		if (open && openState === 'empty') raw.duration = '';
		out.push({ key: [agent, startMs], raw });
	}
	out.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
	return out.map((o) => o.raw);
}

/** What a poll at `nowMs` over `window` gets after normalization (the trigger's settings). */
export function observe(
	states: readonly FakeState[],
	window: TimeWindow,
	nowMs: number,
	opts: { timeZone?: string; thresholdMinutes?: number } = {},
): StateRecord[] {
	const normalize = createNormalizer({
		flavor: CXONE,
		timeZone: opts.timeZone ?? 'UTC',
		window,
		boundary: 'asReturned',
		includeRaw: false,
		// Version 1's Duration: the limit of every state.
		thresholds:
			opts.thresholdMinutes === undefined ? null : makeThresholdRules([], opts.thresholdMinutes),
	});
	return rawRecords(states, window, nowMs).map((raw) => {
		const result = normalize(raw, nowMs);
		if (!result.ok) throw new Error(`fixture did not normalize: ${JSON.stringify(result)}`);
		return result.record;
	});
}

export interface SeenRequest {
	path: string;
	startDate: string;
	endDate: string;
	skip: number;
	top: number;
}

/** The same states served over nock at DEFAULT_BASE_URL, on the clock `nowMs`. */
export class FakeCxone {
	nowMs: number;

	states: FakeState[] = [];

	agents: Array<{ agentId: number; firstName: string; lastName: string; teamName: string }> = [];

	/** State-history requests, in order. */
	readonly requests: SeenRequest[] = [];

	agentListRequests = 0;

	/** The next this-many state-history requests answer 500. */
	failNext = 0;

	/** How states still running at now are sent. */
	openState: OpenStateShape = 'elapsed';

	constructor(now: string) {
		this.nowMs = ms(now);
	}

	at(iso: string): void {
		this.nowMs = ms(iso);
	}

	install(): void {
		nock(DEFAULT_BASE_URL)
			.persist()
			.get(/\/inContactAPI\/services\/v27\.0\/agents/)
			.query(true)
			.reply((uri) => this.respond(uri));
	}

	private respond(uri: string): [number, unknown] {
		const url = new URL(uri, DEFAULT_BASE_URL);
		const q = url.searchParams;
		const skip = Number(q.get('skip') ?? 0);
		const top = Number(q.get('top') ?? 1000);
		if (url.pathname.endsWith('/agents')) {
			this.agentListRequests++;
			return [
				200,
				{
					totalRecords: this.agents.length,
					agents: this.agents.slice(skip, skip + top).map((a) => ({ ...a, isActive: true })),
				},
			];
		}
		const match = /\/agents\/(?:(\d+)\/)?state-history$/.exec(url.pathname);
		if (match === null) return [404, { error: 'not found' }];
		const startDate = q.get('startDate') ?? '';
		const endDate = q.get('endDate') ?? '';
		this.requests.push({ path: url.pathname, startDate, endDate, skip, top });
		if (this.failNext > 0) {
			this.failNext--;
			return [500, { error: 'Internal Server Error' }];
		}
		const all = rawRecords(
			this.states,
			{ startMs: ms(startDate), endMs: ms(endDate) },
			this.nowMs,
			match[1] === undefined ? undefined : Number(match[1]),
			this.openState,
		);
		if (all.length === 0 || skip >= all.length) return [204, ''];
		return [
			200,
			{
				totalRecords: all.length,
				businessUnitId: 4607084,
				lastPollTime: new Date(this.nowMs).toISOString(),
				_links: { self: uri, next: null, previous: null },
				agentStateHistory: all.slice(skip, skip + top),
			},
		];
	}
}
