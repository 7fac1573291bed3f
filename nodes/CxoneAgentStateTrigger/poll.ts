// The trigger's poll. Active: one step of the cursor (plan the window, fetch, select the new
// events, store the state, emit); the first activation only sets the cursor. Manual ("Fetch Test
// Event"): a few recent matching states, cursor untouched. A failing poll throws before the state
// is written, so the next poll reads the same window again and nothing is lost.

import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../shared/errors';
import { AgentNames } from '../shared/history/agentNames';
import { fetchStateHistory } from '../shared/history/fetchStateHistory';
import { createNormalizer } from '../shared/states/normalize';
import type { TimeWindow } from '../shared/types';
import type { StateRecord } from '../shared/records/stateRecord';
import { simplifyRecord } from '../shared/simplify';
import type { SelectOptions } from './cursor';
import {
	horizonMs,
	initialCursorState,
	planPoll,
	readCursorState,
	selectEvents,
	writeCursorState,
} from './cursor';
import type { TriggerEvent } from './events';
import { eventTimeMs, matchesFilter } from './events';
import type { CredentialSettings } from '../shared/flavors';
import { readCredentialSettings } from '../shared/flavors';
import type { TriggerPlan } from './parameters';
import { historyQuery, normalizerOptions, readTriggerPlan } from './parameters';

/** States a manual run returns at most. */
export const SAMPLE_SIZE = 5;

/** Manual runs look back this many hours, widening only when nothing matched. */
const SAMPLE_HOURS = [1, 24];

const HOUR_MS = 3_600_000;

const EVENT_NAMES: Record<TriggerEvent, string> = {
	stateEnded: 'ended states',
	stateStarted: 'started states',
	stateExceeded: 'states over the duration',
};

function compareIds(a: StateRecord, b: StateRecord): number {
	return a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;
}

/** Agent names for one poll: the agent list is read at most once, and only when needed. */
class PollNames {
	private readonly names: AgentNames;

	readonly warnings: string[] = [];

	constructor(
		ctx: IPollFunctions,
		private readonly plan: TriggerPlan,
		credential: CredentialSettings,
	) {
		this.names = new AgentNames(ctx, credential);
	}

	async apply(records: StateRecord[]): Promise<void> {
		const warning = await this.names.apply(records, this.plan.transport);
		if (warning !== undefined && !this.warnings.includes(warning)) this.warnings.push(warning);
	}
}

/** Every state overlapping `window` that passes the plan's team, state and reason filters. */
async function fetchMatching(
	this: IPollFunctions,
	plan: TriggerPlan,
	credential: CredentialSettings,
	window: TimeWindow,
	names: PollNames,
): Promise<StateRecord[]> {
	const normalize = createNormalizer(normalizerOptions(plan, credential, window));
	const fetched = await fetchStateHistory.call(
		this,
		historyQuery(plan, credential, window),
		normalize,
	);
	if (fetched.invalid.length > 0) {
		// Stopping would stall the trigger on the same record at every poll: skip it, say so.
		this.logger.warn(
			`CXone Agent State Trigger skipped ${fetched.invalid.length} invalid record(s). First: ${fetched.invalid[0].message}`,
		);
	}
	const records = fetched.records;
	// A team filter needs each record's team; the agent list supplies the ones CXone left out.
	if (plan.filter.teams !== undefined && records.some((r) => r.teamId === null)) {
		await names.apply(records);
	}
	return records.filter((r) => matchesFilter(r, plan.filter));
}

function toItems(
	this: IPollFunctions,
	plan: TriggerPlan,
	records: StateRecord[],
	warnings: string[],
): INodeExecutionData[][] {
	const shaped: object[] = plan.output === 'simplified' ? records.map(simplifyRecord) : records;
	const json = warnings.length > 0 ? shaped.map((r) => ({ ...r, warnings })) : shaped;
	return [this.helpers.returnJsonArray(json as unknown as IDataObject[])];
}

async function pollNewEvents(
	this: IPollFunctions,
	plan: TriggerPlan,
	credential: CredentialSettings,
	nowMs: number,
): Promise<INodeExecutionData[][] | null> {
	const staticData = this.getWorkflowStaticData('node');
	const state = readCursorState(staticData);
	if (state === undefined) {
		writeCursorState(staticData, initialCursorState(nowMs));
		return null;
	}
	const window = planPoll(state, nowMs, plan.lookBackMs, plan.maxCatchUpMs);
	if (window === null) return null;
	const uncapped = horizonMs(state, nowMs, plan.lookBackMs);
	const horizon = horizonMs(state, nowMs, plan.lookBackMs, plan.maxCatchUpMs);
	if (horizon > uncapped) {
		this.logger.warn(
			`CXone Agent State Trigger skipped states from ${new Date(uncapped).toISOString()} to ${new Date(horizon).toISOString()}: the pause since the last poll was longer than "Max Catch-Up (Hours)".`,
		);
	}

	const names = new PollNames(this, plan, credential);
	const records = await fetchMatching.call(this, plan, credential, window, names);
	const opts: SelectOptions = {
		thresholds: plan.thresholds,
		lookBackMs: plan.lookBackMs,
		maxCatchUpMs: plan.maxCatchUpMs,
	};
	// Names are looked up before the commit below, which no await may split.
	if (plan.resolveAgentNames && selectEvents(records, state, plan.event, opts, nowMs).emit.length) {
		await names.apply(records);
	}
	// Polls can overlap (a slow poll, several poll times): select against the static data as it is
	// now and store the result in the same synchronous step, so no event is emitted twice.
	const latest = readCursorState(staticData) ?? state;
	const { emit, nextState } = selectEvents(records, latest, plan.event, opts, nowMs);
	writeCursorState(staticData, nextState);
	return emit.length > 0 ? toItems.call(this, plan, emit, names.warnings) : null;
}

async function sampleEvents(
	this: IPollFunctions,
	plan: TriggerPlan,
	credential: CredentialSettings,
	nowMs: number,
): Promise<INodeExecutionData[][]> {
	for (const hours of SAMPLE_HOURS) {
		const window = { startMs: nowMs - hours * HOUR_MS, endMs: nowMs };
		const names = new PollNames(this, plan, credential);
		const records = await fetchMatching.call(this, plan, credential, window, names);
		const recent: Array<{ atMs: number; record: StateRecord }> = [];
		for (const record of records) {
			const atMs = eventTimeMs(record, plan.event, plan.thresholds);
			if (atMs !== undefined && atMs >= window.startMs) recent.push({ atMs, record });
		}
		if (recent.length === 0) continue;
		// Newest first to pick them, then oldest first like a poll's output.
		recent.sort((a, b) => b.atMs - a.atMs || compareIds(b.record, a.record));
		const sample = recent
			.slice(0, SAMPLE_SIZE)
			.reverse()
			.map((r) => r.record);
		if (plan.resolveAgentNames) await names.apply(sample);
		return toItems.call(this, plan, sample, names.warnings);
	}
	throw new NodeOperationError(
		this.getNode(),
		`No ${EVENT_NAMES[plan.event]} in the last ${SAMPLE_HOURS[SAMPLE_HOURS.length - 1]} hours for these agents and filters`,
		{
			description: `Fetch Test Event shows up to ${SAMPLE_SIZE} recent matching states. Check the agents and filters, choose another event, or try again once an agent has changed state.`,
		},
	);
}

/** One poll at `nowMs`; every error leaves as a NodeOperationError or NodeApiError. */
export async function pollAgentStates(
	this: IPollFunctions,
	nowMs: number,
): Promise<INodeExecutionData[][] | null> {
	try {
		const credential = await readCredentialSettings.call(this);
		const plan = readTriggerPlan.call(this, credential);
		if (this.getMode() === 'manual') return await sampleEvents.call(this, plan, credential, nowMs);
		return await pollNewEvents.call(this, plan, credential, nowMs);
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
