// Reads and validates one input item's parameters into a query plan. Every bad value becomes an
// InputError naming the parameter and the fix; nothing here talks to the API.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../shared/errors';
import { CHUNK_HOURS } from '../shared/limits';
import type { CredentialSettings } from '../shared/flavors';
import { readAgentSelection } from '../shared/parameters/agentSelection';
import { oneOf } from '../shared/parameters/choice';
import { commaList } from '../shared/parameters/lists';
import { positiveNumber } from '../shared/parameters/numbers';
import type { OutputMode } from '../shared/parameters/outputMode';
import { readOutputMode } from '../shared/parameters/outputMode';
import { itemParameters } from '../shared/parameters/reader';
import type { ParameterReader } from '../shared/parameters/reader';
import { readThresholdRules } from '../shared/parameters/thresholds';
import { makeThresholdRules, thresholdName } from '../shared/thresholds';
import { readRequestOptions } from '../shared/parameters/requestOptions';
import { resolveTimeZone } from '../shared/parameters/timeZone';
import { readStateNameOverrides } from '../shared/parameters/stateNameOverrides';
import type { StateHistoryQuery } from '../shared/history/fetchStateHistory';
import type { SortOrder } from '../shared/history/sortRecords';
import type { NormalizerOptions } from '../shared/states/normalize';
import { chunkStepMs } from '../shared/time';
import { readWindow } from '../shared/parameters/window';
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
	const param = itemParameters(this, itemIndex);
	const options = (param('options', {}) ?? {}) as IDataObject;

	const { agents, teams: teamFilter } = readAgentSelection(
		param,
		credential.flavor,
		this.getNode().typeVersion >= 3 ? 'list' : 'ids',
	);

	const timeZone = resolveTimeZone(param('timezone', ''), this.getTimezone());
	const window = readWindow(param, timeZone, nowMs);

	const stateNameOverrides = readStateNameOverrides(options.stateNameOverrides);
	const node = this.getNode();
	const thresholds = readThresholds(param, node.typeVersion, options);

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
		output: readOutputMode(param, node, node.typeVersion >= 2),
	};
}

/**
 * Version 1: Flag States Longer Than (Minutes) and Flag Only These Reasons or States, read as
 * rows (one per name, or the minutes for every state). Version 2: the Thresholds rows and Any
 * Other State (Minutes) in Options.
 */
function readThresholds(
	param: ParameterReader,
	typeVersion: number,
	options: IDataObject,
): Pick<NormalizerOptions, 'thresholds'> {
	if (typeVersion >= 2) {
		return { thresholds: readThresholdRules(param, 'options.thresholds') };
	}
	const thresholdMinutes = Number(options.thresholdMinutes ?? 0);
	if (!Number.isFinite(thresholdMinutes) || thresholdMinutes < 0) {
		throw new InputError(
			'options.thresholdMinutes',
			`Flag States Longer Than (Minutes) must be 0 (off) or more (got "${String(options.thresholdMinutes)}").`,
		);
	}
	if (thresholdMinutes === 0) return { thresholds: null };
	// One row per name (a name given twice, in any case, is one row), or the minutes for every state.
	const names = [...new Set(commaList(options.thresholdLabels).map(thresholdName))];
	const rows = names.map((label) => ({ label, minutes: thresholdMinutes }));
	return { thresholds: makeThresholdRules(rows, rows.length === 0 ? thresholdMinutes : null) };
}
