// Reads and validates the trigger's parameters and credential settings into a plan. Every bad
// value becomes an InputError naming the parameter and the fix; nothing here talks to the API.

import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { RequestOptions } from '../shared/api';
import { InputError } from '../shared/errors';
import { CHUNK_HOURS, MAX_HOURS } from '../shared/limits';
import type { CredentialSettings } from '../shared/flavors';
import { readAgentSelection } from '../shared/parameters/agentSelection';
import { nameSet } from '../shared/parameters/lists';
import { numberInRange } from '../shared/parameters/numbers';
import type { OutputMode } from '../shared/parameters/outputMode';
import { readOutputMode } from '../shared/parameters/outputMode';
import { pollParameters } from '../shared/parameters/reader';
import { readThresholdRules } from '../shared/parameters/thresholds';
import { readStateNameOverrides } from '../shared/parameters/stateNameOverrides';
import { readRequestOptions } from '../shared/parameters/requestOptions';
import { resolveTimeZone } from '../shared/parameters/timeZone';
import type { AgentScope, StateHistoryQuery } from '../shared/history/fetchStateHistory';
import type { NormalizerOptions } from '../shared/states/normalize';
import type { StateNameOverrides } from '../shared/states/stateTables';
import type { ThresholdRules } from '../shared/thresholds';
import { makeThresholdRules } from '../shared/thresholds';
import type { TimeWindow } from '../shared/types';
import type { RecordFilter, TriggerEvent } from './events';
import { TRIGGER_EVENTS } from './events';

export interface TriggerPlan {
	event: TriggerEvent;
	/**
	 * State Exceeded Duration only: version 2's Thresholds rows, or version 1's Duration (Minutes)
	 * as the limit of every state. Undefined for the other events.
	 */
	thresholds?: ThresholdRules;
	/** Version 2's Output; undefined (all fields) in version 1. */
	output?: OutputMode;
	agents: AgentScope;
	filter: RecordFilter;
	timeZone: string;
	lookBackMs: number;
	/** 0 = no limit. */
	maxCatchUpMs: number;
	resolveAgentNames: boolean;
	includeRaw: boolean;
	stateNameOverrides: StateNameOverrides;
	concurrency: number;
	maxRecords: number;
	transport: RequestOptions;
}

const MINUTE_MS = 60_000;

export function readTriggerPlan(this: IPollFunctions, credential: CredentialSettings): TriggerPlan {
	const param = pollParameters(this);
	const options = (param('options', {}) ?? {}) as IDataObject;
	const filters = (param('filters', {}) ?? {}) as IDataObject;

	const event = param('event', 'stateEnded') as TriggerEvent;
	if (!TRIGGER_EVENTS.includes(event)) {
		throw new InputError(
			'event',
			`Trigger On "${String(event)}" is not supported. Choose State Ended, State Started or State Exceeded Duration.`,
		);
	}
	const v2 = this.getNode().typeVersion >= 2;
	let thresholds: ThresholdRules | undefined;
	if (v2 && event === 'stateExceeded') {
		thresholds = readThresholdRules(param, 'thresholds') ?? undefined;
		if (thresholds === undefined) {
			throw new InputError(
				'thresholds',
				'State Exceeded Duration needs a threshold. Add a row to Thresholds (e.g. Break, 15) or set Any Other State (Minutes).',
			);
		}
	}
	if (!v2 && event === 'stateExceeded') {
		const minutes = numberInRange(
			param('thresholdMinutes', 15),
			'thresholdMinutes',
			'Duration (Minutes)',
			{ min: 0, max: 10080, minExclusive: true },
		);
		thresholds = makeThresholdRules([], minutes);
	}

	const { agents, teams } = readAgentSelection(
		param,
		credential.flavor,
		this.getNode().typeVersion >= 3 ? 'list' : 'ids',
	);
	const stateNameOverrides = readStateNameOverrides(options.stateNameOverrides);

	const lookBackMinutes = numberInRange(
		options.lookBackMinutes ?? 10,
		'options.lookBackMinutes',
		'Look-Back (Minutes)',
		// At least a minute: CXone counts a state ending within a second of the read as still open.
		{ min: 1, max: 1440 },
	);
	const maxCatchUpHours = numberInRange(
		options.maxCatchUpHours ?? 24,
		'options.maxCatchUpHours',
		'Max Catch-Up (Hours)',
		{ min: 0, max: MAX_HOURS },
	);

	return {
		event,
		thresholds,
		output: v2 ? readOutputMode(param, this.getNode()) : undefined,
		agents,
		filter: {
			teams,
			states: nameSet(filters.states),
			reasons: nameSet(filters.reasons),
		},
		timeZone: resolveTimeZone(param('timezone', ''), this.getTimezone()),
		lookBackMs: Math.round(lookBackMinutes * MINUTE_MS),
		maxCatchUpMs: Math.round(maxCatchUpHours * 60 * MINUTE_MS),
		resolveAgentNames: options.resolveAgentNames !== false,
		includeRaw: options.includeRaw === true,
		stateNameOverrides,
		...readRequestOptions(options),
	};
}

/** The fetch of one poll: every state overlapping `window`, for the plan's agents. */
export function historyQuery(
	plan: TriggerPlan,
	credential: CredentialSettings,
	window: TimeWindow,
): StateHistoryQuery {
	return {
		flavor: credential.flavor,
		apiVersion: credential.apiVersion,
		agents: plan.agents,
		window,
		// Windows longer than a chunk are read in chunks (only after a long pause).
		chunkHours: CHUNK_HOURS.default,
		timeZone: plan.timeZone,
		concurrency: plan.concurrency,
		maxRecords: plan.maxRecords,
		transport: plan.transport,
	};
}

/** Full states as CXone reports them (a trigger reports whole states, never clipped parts). */
export function normalizerOptions(
	plan: TriggerPlan,
	credential: CredentialSettings,
	window: TimeWindow,
): NormalizerOptions {
	return {
		flavor: credential.flavor,
		timeZone: plan.timeZone,
		window,
		boundary: 'asReturned',
		stateNameOverrides: plan.stateNameOverrides,
		includeRaw: plan.includeRaw,
		thresholds: plan.thresholds ?? null,
	};
}
