// The query plan and its execution, shared by the action node and the trigger:
// agents × chunks × flavor → paged requests → normalized records, de-duplicated by recordId.

import { NodeOperationError } from 'n8n-workflow';

import type { CxoneFunctions, RequestOptions } from '../api';
import { CXONE_CREDENTIAL_TYPE, paginate, RequestSlots, runBounded, TokenRefresh } from '../api';
import type { Flavor } from '../flavors';
import type { Normalizer, SessionPosition } from '../states/normalize';
import { splitWindow } from '../time';
import type { TimeWindow } from '../types';
import type { StateRecord } from '../records/stateRecord';
import { nextStateStarts } from './sessionEnds';

export type AgentScope = { kind: 'all' } | { kind: 'ids'; ids: string[] };

export interface StateHistoryQuery {
	flavor: Flavor;
	apiVersion: string;
	agents: AgentScope;
	window: TimeWindow;
	/** Long windows are requested in chunks of this many hours. */
	chunkHours: number;
	/** Sent to the v2 flavor, which renders times in it. */
	timeZone: string;
	concurrency: number;
	/** Stop with an error once more raw records than this arrived (0 = no limit). */
	maxRecords: number;
	transport: RequestOptions;
}

export interface InvalidRecord {
	message: string;
}

export interface StateHistoryResult {
	/** Unique by recordId, in no particular order. */
	records: StateRecord[];
	invalid: InvalidRecord[];
	outsideWindow: number;
}

interface Task {
	agentId: string | 'all';
	chunk: TimeWindow;
}

/** The copy of a record kept for the output. */
interface Kept {
	record: StateRecord;
	readAtMs: number;
	startMs: number;
	/** The raw record while it is open (its end unknown), to normalize it again once it ended. */
	rawWhileOpen?: unknown;
}

function* positionsOf(
	kept: Iterable<Kept>,
	outside: readonly SessionPosition[],
): Generator<SessionPosition> {
	for (const { record, startMs } of kept) {
		const { agentId, agentSessionId, stateIndex } = record;
		yield { agentId, agentSessionId, stateIndex, startMs };
	}
	yield* outside;
}

/**
 * Fetches every record of the query and normalizes it. A record seen twice (chunk or page edges)
 * is kept once: the copy read last wins, since an open state grows between reads. A record that
 * reads as open (no duration, or one reaching the read instant) but has a later state of its
 * session or agent in the run has ended where that next state starts (history/sessionEnds.ts).
 * Invalid records are returned, not dropped; the caller decides whether they are fatal.
 */
export async function fetchStateHistory(
	this: CxoneFunctions,
	q: StateHistoryQuery,
	normalize: Normalizer,
): Promise<StateHistoryResult> {
	if (!q.flavor.allAgents && q.agents.kind === 'all') {
		throw new NodeOperationError(
			this.getNode(),
			`Agents: "All Agents" is not available with the ${q.flavor.label}, which has no all-agents endpoint. List the agent IDs instead, or switch the credential's API Flavor to "CXone Reporting API".`,
		);
	}
	const chunks = splitWindow(q.window, q.chunkHours);
	const agentIds = q.agents.kind === 'all' ? ['all' as const] : q.agents.ids;
	const tasks: Task[] = [];
	for (const agentId of agentIds) for (const chunk of chunks) tasks.push({ agentId, chunk });

	const byId = new Map<string, Kept>();
	const outside: SessionPosition[] = [];
	const invalid: InvalidRecord[] = [];
	let outsideWindow = 0;
	// Raw records received, duplicates included: what Max Records limits.
	let received = 0;

	// With a token already stored every task can start at once; without one the first goes alone so
	// that the parallel rest share the token it fetches (n8n has no lock around preAuthentication).
	const stored = await this.getCredentials(CXONE_CREDENTIAL_TYPE);
	const firstAlone = typeof stored.accessToken !== 'string' || stored.accessToken === '';

	// One bound for every request of the query: the tasks' first pages and the pages they read in
	// parallel share Concurrency, and a token that expires under them is renewed once.
	const transport = {
		...q.transport,
		slots: new RequestSlots(q.concurrency),
		tokenRefresh: new TokenRefresh(),
	};
	const readTask = async (task: Task): Promise<void> => {
		const first = q.flavor.stateHistory({
			apiVersion: q.apiVersion,
			agentId: task.agentId,
			window: task.chunk,
			timeZone: q.timeZone,
		});
		for await (const page of paginate.call(this, first, transport)) {
			received += page.records.length;
			if (q.maxRecords > 0 && received > q.maxRecords) {
				throw new NodeOperationError(
					this.getNode(),
					`Stopped after ${received} records: more than "Max Records" (${q.maxRecords}) for one input item. Narrow the time range or the agents, or raise Max Records (0 = no limit; memory grows with the records kept).`,
				);
			}
			const { readAtMs, readSinceMs } = page;
			for (const raw of page.records) {
				const result = normalize(raw, readAtMs, undefined, readSinceMs);
				if (!result.ok) {
					if (result.reason === 'invalid') invalid.push({ message: result.message });
					else {
						outsideWindow++;
						if (result.position !== undefined) outside.push(result.position);
					}
					continue;
				}
				const { record, startMs } = result;
				const previous = byId.get(record.recordId);
				if (previous === undefined || readAtMs >= previous.readAtMs) {
					const rawWhileOpen = result.endUnknown ? raw : undefined;
					byId.set(record.recordId, { record, readAtMs, startMs, rawWhileOpen });
				}
			}
		}
	};
	await runBounded(
		tasks,
		q.concurrency,
		async (task) => {
			let read = false;
			try {
				await readTask(task);
				read = true;
			} finally {
				// The query has failed: pages queued for a slot are not sent.
				if (!read) transport.slots.close();
			}
		},
		{ firstAlone },
	);

	const open: Kept[] = [];
	for (const kept of byId.values()) if (kept.rawWhileOpen !== undefined) open.push(kept);
	if (open.length > 0) {
		const ends = nextStateStarts(
			open.map((k) => ({ ...k.record, startMs: k.startMs })),
			positionsOf(byId.values(), outside),
		);
		open.forEach((kept, i) => {
			const endMs = ends[i];
			if (endMs === undefined) return;
			const result = normalize(kept.rawWhileOpen, kept.readAtMs, endMs);
			if (result.ok) {
				byId.set(result.record.recordId, {
					...kept,
					record: result.record,
					rawWhileOpen: undefined,
				});
				return;
			}
			byId.delete(kept.record.recordId);
			if (result.reason === 'invalid') invalid.push({ message: result.message });
			else outsideWindow++;
		});
	}

	const records: StateRecord[] = [];
	for (const entry of byId.values()) records.push(entry.record);
	return { records, invalid, outsideWindow };
}
