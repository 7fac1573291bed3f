// Reads and validates one input item's parameters into a query plan. Every bad value becomes an
// InputError naming the parameter and the fix; nothing here talks to the API.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../shared/errors';
import { CHUNK_HOURS } from '../shared/limits';
import type { CredentialSettings } from '../shared/parameters/credentialSettings';
import { readAgentSelection } from '../shared/parameters/agentSelection';
import { oneOf } from '../shared/parameters/choice';
import { commaList } from '../shared/parameters/lists';
import { positiveNumber } from '../shared/parameters/numbers';
import type { OutputMode } from '../shared/parameters/outputMode';
import { defaultOutputMode, readOutputMode } from '../shared/parameters/outputMode';
import { readThresholdRules } from '../shared/parameters/thresholds';
import { readRequestOptions } from '../shared/parameters/requestOptions';
import { resolveTimeZone } from '../shared/parameters/timeZone';
import { readStateNameOverrides } from '../shared/parameters/stateNameOverrides';
import type { StateHistoryQuery } from '../shared/history/fetchStateHistory';
import type { SortOrder } from '../shared/history/sortRecords';
import type { NormalizerOptions } from '../shared/states/normalize';
import { chunkStepMs, resolveWindow } from '../shared/time';
import type { WindowRange } from '../shared/time';
import type { BoundaryMode } from '../shared/types';

export interface HistoryPlan {
	query: StateHistoryQuery;
	normalizer: NormalizerOptions;
	teamFilter?: Set<string>;
	sort: SortOrder;
	splitIntoItems: boolean;
	includeSummary: boolean;
	resolveAgentNames: boolean;
	skipInvalid: boolean;
	/** Version 2's Output; version 1 always outputs all fields. */
	output: OutputMode;
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

	const { agents, teams: teamFilter } = readAgentSelection(param, credential.flavor);

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
	// Nothing has happened after now: "today" and future custom ends are read up to now. A window
	// starting exactly now (Today at local midnight) is empty: no records, not an error.
	if (requested.startMs > nowMs) {
		throw new InputError(
			range === 'custom' ? 'start' : 'timeRange',
			`The window starts in the future (${new Date(requested.startMs).toISOString()}). Choose a start before now.`,
		);
	}
	const window = { startMs: requested.startMs, endMs: Math.min(requested.endMs, nowMs) };

	const stateNameOverrides = readStateNameOverrides(options.stateNameOverrides);
	const thresholds = readThresholds.call(this, itemIndex, options);

	const chunkHours = positiveNumber(
		options.chunkHours ?? CHUNK_HOURS.default,
		'options.chunkHours',
		'Chunk Size (Hours)',
		`${CHUNK_HOURS.default} suits most tenants.`,
	);
	// Checked now, before any request, rather than when the fetch splits the window.
	chunkStepMs(window, chunkHours);
	const request = readRequestOptions(options);
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
			...request,
		},
		normalizer: {
			flavor: credential.flavor,
			timeZone,
			window,
			boundary,
			stateNameOverrides,
			includeRaw: options.includeRaw === true,
			...thresholds,
		},
		teamFilter,
		sort,
		splitIntoItems: param('splitIntoItems', true) !== false,
		includeSummary: options.includeSummary === true,
		resolveAgentNames: options.resolveAgentNames !== false,
		skipInvalid: options.skipInvalid === true,
		output: readOutput(this.getNode(), param),
	};
}

/** Version 2's Output (Simplified by default as a tool); version 1 always outputs all fields. */
function readOutput(
	node: { type: string; typeVersion: number },
	param: (name: string, fallback?: unknown) => unknown,
): OutputMode {
	if (node.typeVersion < 2) return 'all';
	return readOutputMode(param('output', defaultOutputMode(node.type)), 'output');
}

type ThresholdOptions = Pick<
	NormalizerOptions,
	'thresholds' | 'thresholdMinutes' | 'thresholdLabels'
>;

/**
 * Version 1: Flag States Longer Than (Minutes) and Flag Only These Reasons or States, as before.
 * Version 2: the Thresholds rows and Any Other State (Minutes) in Options.
 */
function readThresholds(
	this: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): ThresholdOptions {
	if (this.getNode().typeVersion >= 2) {
		return { thresholds: readThresholdRules(this, itemIndex, 'options.thresholds') };
	}
	const thresholdMinutes = Number(options.thresholdMinutes ?? 0);
	if (!Number.isFinite(thresholdMinutes) || thresholdMinutes < 0) {
		throw new InputError(
			'options.thresholdMinutes',
			`Flag States Longer Than (Minutes) must be 0 (off) or more (got "${String(options.thresholdMinutes)}").`,
		);
	}
	return {
		thresholdMinutes: thresholdMinutes > 0 ? thresholdMinutes : null,
		thresholdLabels: commaList(options.thresholdLabels),
	};
}
