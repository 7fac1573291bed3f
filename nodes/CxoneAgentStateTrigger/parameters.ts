// Reads and validates the trigger's parameters and credential settings into a plan. Every bad
// value becomes an InputError naming the parameter and the fix; nothing here talks to the API.

import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestOptions } from '../shared/api';
import { CXONE_CREDENTIAL_TYPE } from '../shared/api';
import { InputError } from '../shared/errors';
import { parseAgentIds, parseTeamIds } from '../shared/history/agentIds';
import type { AgentScope, StateHistoryQuery } from '../shared/history/fetchStateHistory';
import type { NormalizerOptions } from '../shared/states/normalize';
import type { StateNameOverrides } from '../shared/states/stateTables';
import { parseStateNameOverrides } from '../shared/states/stateTables';
import { isValidTimeZone } from '../shared/time';
import type { ApiFlavor, TimeWindow } from '../shared/types';
import type { RecordFilter, TriggerEvent } from './events';
import { nameSet, TRIGGER_EVENTS } from './events';

export interface CredentialSettings {
	flavor: ApiFlavor;
	apiVersion: string;
}

export interface TriggerPlan {
	event: TriggerEvent;
	/** stateExceeded only; 0 otherwise. */
	thresholdMinutes: number;
	/** thresholdMinutes in ms, unrounded so it equals the normalizer's overThreshold limit. */
	thresholdMs: number;
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

/** Windows longer than this are read in chunks (only after a long pause). */
const CHUNK_HOURS = 24;

const MINUTE_MS = 60_000;

export async function readCredentialSettings(this: IPollFunctions): Promise<CredentialSettings> {
	const data = await this.getCredentials(CXONE_CREDENTIAL_TYPE);
	const flavor: ApiFlavor = data.apiFlavor === 'reportingV2' ? 'reportingV2' : 'cxone';
	const apiVersion =
		typeof data.apiVersion === 'string' && data.apiVersion.trim() !== ''
			? data.apiVersion.trim()
			: 'v27.0';
	return { flavor, apiVersion };
}

function toNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') return Number(value);
	return NaN;
}

function numberInRange(
	value: unknown,
	parameter: string,
	label: string,
	range: { min: number; max: number; minExclusive?: boolean; integer?: boolean },
): number {
	const n = toNumber(value);
	const belowMin = range.minExclusive ? n <= range.min : n < range.min;
	if (!Number.isFinite(n) || belowMin || n > range.max || (range.integer && !Number.isInteger(n))) {
		const kind = range.integer ? 'a whole number' : 'a number';
		const from = range.minExclusive ? `above ${range.min}` : `from ${range.min}`;
		throw new InputError(
			parameter,
			`${label} must be ${kind} ${from} to ${range.max} (got "${String(value)}").`,
		);
	}
	return n;
}

function resolveTimeZone(value: unknown, workflowZone: string): string {
	const zone = typeof value === 'string' ? value.trim() : '';
	if (zone === '') return workflowZone;
	if (!isValidTimeZone(zone)) {
		throw new InputError(
			'timezone',
			`Timezone "${zone}" is not an IANA timezone name. Use a name like "America/New_York", "Europe/London" or "UTC", or leave it empty for the workflow's timezone.`,
		);
	}
	return zone;
}

function readTransport(
	options: IDataObject,
): Pick<TriggerPlan, 'concurrency' | 'maxRecords' | 'transport'> {
	const whole = (name: string, label: string, fallback: number, min: number, max: number) =>
		numberInRange(options[name] ?? fallback, `options.${name}`, label, {
			min,
			max,
			integer: true,
		});
	const timeoutSeconds = numberInRange(
		options.timeoutSeconds ?? 60,
		'options.timeoutSeconds',
		'Timeout (Seconds)',
		{ min: 0, max: 3600, minExclusive: true },
	);
	return {
		concurrency: whole('concurrency', 'Concurrency', 4, 1, 16),
		maxRecords: whole('maxRecords', 'Max Records', 500000, 0, 1e9),
		transport: {
			maxRetries: whole('maxRetries', 'Max Retries', 5, 0, 10),
			maxPages: whole('maxPages', 'Max Pages', 1000, 0, 1e9),
			pageSize: whole('pageSize', 'Page Size', 1000, 1, 10000),
			timeoutMs: timeoutSeconds * 1000,
		},
	};
}

export function readTriggerPlan(this: IPollFunctions, credential: CredentialSettings): TriggerPlan {
	const param = (name: string, fallback?: unknown) =>
		this.getNodeParameter(name, fallback) as unknown;
	const options = (param('options', {}) ?? {}) as IDataObject;
	const filters = (param('filters', {}) ?? {}) as IDataObject;

	const event = param('event', 'stateEnded') as TriggerEvent;
	if (!TRIGGER_EVENTS.includes(event)) {
		throw new InputError(
			'event',
			`Trigger On "${String(event)}" is not supported. Choose State Ended, State Started or State Exceeded Duration.`,
		);
	}
	const thresholdMinutes =
		event === 'stateExceeded'
			? numberInRange(param('thresholdMinutes', 15), 'thresholdMinutes', 'Duration (Minutes)', {
					min: 0,
					max: 10080,
					minExclusive: true,
				})
			: 0;

	const agentSelection = param('agentSelection', 'ids') as string;
	const agents: AgentScope =
		agentSelection === 'all'
			? { kind: 'all' }
			: { kind: 'ids', ids: parseAgentIds(param('agentIds', ''), credential.flavor) };
	const teams = agentSelection === 'all' ? parseTeamIds(param('teamIds', '')) : undefined;

	let stateNameOverrides: StateNameOverrides;
	try {
		stateNameOverrides = parseStateNameOverrides(options.stateNameOverrides ?? '');
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			description: 'Check the "options.stateNameOverrides" parameter.',
		});
	}

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
		{ min: 0, max: 24 * 366 },
	);

	return {
		event,
		thresholdMinutes,
		thresholdMs: thresholdMinutes * MINUTE_MS,
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
		...readTransport(options),
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
		chunkHours: CHUNK_HOURS,
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
		thresholdMinutes: plan.event === 'stateExceeded' ? plan.thresholdMinutes : null,
	};
}
