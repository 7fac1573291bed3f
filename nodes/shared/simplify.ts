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

/** The record with only SIMPLIFIED_FIELDS, in that order; absent fields stay absent. */
export function simplifyRecord(record: StateRecord): SimplifiedRecord {
	const out: Record<string, unknown> = {};
	for (const field of SIMPLIFIED_FIELDS) {
		if (record[field] !== undefined) out[field] = record[field];
	}
	return out as unknown as SimplifiedRecord;
}
