// Reads and validates one input item's parameters into a query plan. Every bad value becomes an
// InputError naming the parameter and the fix; nothing here talks to the API.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../shared/errors';
import { parseAgentIds, parseTeamIds } from '../shared/history/agentIds';
import type { StateHistoryQuery } from '../shared/history/fetchStateHistory';
import type { SortOrder } from '../shared/history/sortRecords';
import type { NormalizerOptions } from '../shared/states/normalize';
import { parseStateNameOverrides } from '../shared/states/stateTables';
import { isValidTimeZone, MAX_CHUNKS, resolveWindow } from '../shared/time';
import type { WindowRange } from '../shared/time';
import type { ApiFlavor, BoundaryMode } from '../shared/types';

export interface CredentialSettings {
	flavor: ApiFlavor;
	apiVersion: string;
}

export interface HistoryPlan {
	query: StateHistoryQuery;
	normalizer: NormalizerOptions;
	teamFilter?: Set<string>;
	sort: SortOrder;
	splitIntoItems: boolean;
	includeSummary: boolean;
	resolveAgentNames: boolean;
	skipInvalid: boolean;
}

function positiveNumber(value: unknown, parameter: string, label: string, fix: string): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) {
		throw new InputError(
			parameter,
			`${label} must be a number above 0 (got "${String(value)}"). ${fix}`,
		);
	}
	return n;
}

function wholeNumber(
	value: unknown,
	parameter: string,
	label: string,
	min: number,
	max: number,
): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
		throw new InputError(
			parameter,
			`${label} must be a whole number from ${min} to ${max} (got "${String(value)}").`,
		);
	}
	return n;
}

/** A select parameter's value; an expression or an imported workflow may send anything. */
function oneOf<T extends string>(
	value: unknown,
	allowed: readonly T[],
	parameter: string,
	label: string,
): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
		return value as T;
	}
	const choices = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
	throw new InputError(parameter, `${label} "${String(value)}" is not supported. Use ${choices}.`);
}

function labelList(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	return String(value)
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

export function resolveTimeZone(value: unknown, workflowZone: string): string {
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

export function readHistoryPlan(
	this: IExecuteFunctions,
	itemIndex: number,
	credential: CredentialSettings,
	nowMs: number,
): HistoryPlan {
	const param = (name: string, fallback?: unknown) =>
		this.getNodeParameter(name, itemIndex, fallback) as unknown;
	const options = (param('options', {}) ?? {}) as IDataObject;

	const agentSelection = oneOf(
		param('agentSelection', 'ids'),
		['ids', 'all'],
		'agentSelection',
		'Agents',
	);
	const agents: StateHistoryQuery['agents'] =
		agentSelection === 'all'
			? { kind: 'all' }
			: { kind: 'ids', ids: parseAgentIds(param('agentIds', ''), credential.flavor) };
	const teamFilter = agentSelection === 'all' ? parseTeamIds(param('teamIds', '')) : undefined;

	const timeZone = resolveTimeZone(param('timezone', ''), this.getTimezone());
	const range = oneOf<WindowRange>(
		param('timeRange', 'lastHours'),
		['lastHours', 'today', 'yesterday', 'custom'],
		'timeRange',
		'Time Range',
	);
	const requested = resolveWindow(
		{
			range,
			hours: range === 'lastHours' ? param('hours', 24) : undefined,
			start: range === 'custom' ? param('start', '') : undefined,
			end: range === 'custom' ? param('end', '') : undefined,
			timeZone,
		},
		nowMs,
	);
	// Nothing has happened after now: "today" and future custom ends are read up to now.
	if (requested.startMs >= nowMs) {
		throw new InputError(
			range === 'custom' ? 'start' : 'timeRange',
			`The window starts in the future (${new Date(requested.startMs).toISOString()}). Choose a start before now.`,
		);
	}
	const window = { startMs: requested.startMs, endMs: Math.min(requested.endMs, nowMs) };

	let stateNameOverrides;
	let overrideProblem: string | undefined;
	try {
		stateNameOverrides = parseStateNameOverrides(options.stateNameOverrides ?? '');
	} catch (error) {
		overrideProblem = (error as Error).message;
	}
	// Thrown outside the catch: a user-input error, not a wrapped one.
	if (overrideProblem !== undefined) {
		throw new InputError('options.stateNameOverrides', overrideProblem);
	}

	const thresholdMinutes = Number(options.thresholdMinutes ?? 0);
	if (!Number.isFinite(thresholdMinutes) || thresholdMinutes < 0) {
		throw new InputError(
			'options.thresholdMinutes',
			`Flag States Longer Than (Minutes) must be 0 (off) or more (got "${String(options.thresholdMinutes)}").`,
		);
	}

	const chunkHours = positiveNumber(
		options.chunkHours ?? 24,
		'options.chunkHours',
		'Chunk Size (Hours)',
		'24 suits most tenants.',
	);
	// Checked here (as splitWindow counts) so the error names this option, not the time module's field.
	const chunkMs = Math.max(1, Math.round(chunkHours * 3_600_000));
	if ((window.endMs - window.startMs) / chunkMs > MAX_CHUNKS) {
		throw new InputError(
			'options.chunkHours',
			`Chunk Size (Hours) of ${chunkHours} splits the window into more than ${MAX_CHUNKS} requests. Use a larger chunk size; 24 suits most tenants.`,
		);
	}
	const pageSize = wholeNumber(options.pageSize ?? 1000, 'options.pageSize', 'Page Size', 1, 10000);
	const maxPages = wholeNumber(options.maxPages ?? 1000, 'options.maxPages', 'Max Pages', 0, 1e9);
	const maxRecords = wholeNumber(
		options.maxRecords ?? 500000,
		'options.maxRecords',
		'Max Records',
		0,
		1e9,
	);
	const maxRetries = wholeNumber(
		options.maxRetries ?? 5,
		'options.maxRetries',
		'Max Retries',
		0,
		10,
	);
	const concurrency = wholeNumber(
		options.concurrency ?? 4,
		'options.concurrency',
		'Concurrency',
		1,
		16,
	);
	const timeoutSeconds = positiveNumber(
		options.timeoutSeconds ?? 60,
		'options.timeoutSeconds',
		'Timeout (Seconds)',
		'60 suits most tenants.',
	);
	const boundary = oneOf<BoundaryMode>(
		options.boundary ?? 'clip',
		['clip', 'asReturned', 'startInWindow'],
		'options.boundary',
		'Boundary Handling',
	);
	const sort = oneOf<SortOrder>(
		options.sort ?? 'startAsc',
		['startAsc', 'startDesc', 'agentStartAsc'],
		'options.sort',
		'Sort',
	);

	return {
		query: {
			flavor: credential.flavor,
			apiVersion: credential.apiVersion,
			agents,
			window,
			chunkHours,
			timeZone,
			concurrency,
			maxRecords,
			transport: { maxRetries, maxPages, pageSize, timeoutMs: timeoutSeconds * 1000 },
		},
		normalizer: {
			flavor: credential.flavor,
			timeZone,
			window,
			boundary,
			stateNameOverrides,
			includeRaw: options.includeRaw === true,
			thresholdMinutes: thresholdMinutes > 0 ? thresholdMinutes : null,
			thresholdLabels: labelList(options.thresholdLabels),
		},
		teamFilter,
		sort,
		splitIntoItems: param('splitIntoItems', true) !== false,
		includeSummary: options.includeSummary === true,
		resolveAgentNames: options.resolveAgentNames !== false,
		skipInvalid: options.skipInvalid === true,
	};
}
