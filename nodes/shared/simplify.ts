// The Simplified output of both nodes: the fields a state item keeps, defined once, in the order
// they appear. Fields a record lacks (agentName without names, overThreshold without thresholds)
// stay absent, as in All Fields.

import type { StateRecord } from './records/stateRecord';

/** The fields of a simplified state item, in output order. */
export const SIMPLIFIED_FIELDS = [
	'recordId',
	'agentName',
	'teamName',
	'label',
	'startTime',
	'endTime',
	'durationSeconds',
	'durationFormatted',
	'isOpen',
	'overThreshold',
] as const;

export type SimplifiedField = (typeof SIMPLIFIED_FIELDS)[number];

export type SimplifiedRecord = Pick<StateRecord, SimplifiedField>;

/** Only `fields` of `item`, in that order; absent fields stay absent. */
function pick(item: object, fields: readonly string[]): Record<string, unknown> {
	const from = item as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const field of fields) {
		if (from[field] !== undefined) out[field] = from[field];
	}
	return out;
}

/** The record with only SIMPLIFIED_FIELDS, in that order; absent fields stay absent. */
export function simplifyRecord(record: StateRecord): SimplifiedRecord {
	return pick(record, SIMPLIFIED_FIELDS) as unknown as SimplifiedRecord;
}

/**
 * The fields of a simplified current-state item (CXone node, Agent State → Get Current), in output
 * order: who, what, since when and for how long, and whether it is over its threshold.
 */
export const CURRENT_STATE_SIMPLIFIED_FIELDS = [
	'agentId',
	'agentName',
	'teamName',
	'label',
	'startTime',
	'durationSeconds',
	'durationFormatted',
	'isOpen',
	'overThreshold',
] as const;

export type CurrentStateSimplifiedField = (typeof CURRENT_STATE_SIMPLIFIED_FIELDS)[number];

/** The current-state item with only CURRENT_STATE_SIMPLIFIED_FIELDS, in that order; absent stays absent. */
export function simplifyCurrentState<T extends Record<string, unknown>>(
	item: T,
): Partial<Pick<T, CurrentStateSimplifiedField & keyof T>> {
	return pick(item, CURRENT_STATE_SIMPLIFIED_FIELDS) as Partial<
		Pick<T, CurrentStateSimplifiedField & keyof T>
	>;
}
