// The one definition of each API record field: one table per flavor, from which the validator
// (records/validate.ts), the validated record types below and the error text all come. Adding a
// field is one row here plus its test. Layering: above records/kinds.ts, below flavors/ and states/.

import type { Kind } from './kinds';
import {
	id,
	instant,
	int,
	numericId,
	optDuration,
	optId,
	optInstant,
	lenient,
	optBool,
	optInt,
	optRef,
	optText,
} from './kinds';

/**
 * A row: a kind alone (the record keeps the API's name), `{ kind, as }` (another name), or
 * `{ kind, fills }`: validated too, and used when the field it fills is absent (several fills of
 * one field are joined with a space, as CXone's firstName and lastName make agentName). A row
 * with `output: true` is also carried into every state item under its name (null when absent),
 * after the fields states/normalize.ts computes: a new output field is one such row.
 */
export type FieldRow =
	| Kind<unknown>
	| { kind: Kind<unknown>; as?: string; output?: true }
	| { kind: Kind<unknown>; fills: string };

export type FieldTable = Readonly<Record<string, FieldRow>>;

/**
 * CXone `agentStateHistory[]`, in the order errors name the fields; unknown fields are ignored.
 * Both tables rename to the same names (`ValidRecord`), so everything after validation reads
 * one shape whichever API sent it.
 */
export const CXONE_FIELDS = {
	agentId: numericId,
	stateIndex: optInt,
	startDate: { kind: instant, as: 'startMs' },
	agentStateId: { kind: int, as: 'stateId' },
	agentStateName: { kind: optText, as: 'apiStateName' },
	agentSessionId: optId,
	outStateId: { kind: optInt, as: 'reasonId' },
	outStateDescription: { kind: optText, as: 'reasonName' },
	duration: { kind: optDuration, as: 'durationSeconds' },
	teamId: optId,
	teamNo: { kind: optId, fills: 'teamId' },
	teamName: optText,
	agentName: optText,
	// Name parts, joined by the one name rule (records/agentName.ts) when agentName is absent.
	firstName: optText,
	lastName: optText,
	// Carried as they are; a value the node cannot read is null, never an invalid record.
	contactId: { kind: lenient(optRef), output: true },
	skillId: { kind: lenient(optRef), output: true },
	skillName: { kind: optText, output: true },
	mediaTypeName: { kind: lenient(optText), output: true },
	isOutbound: { kind: lenient(optBool), output: true },
} as const satisfies FieldTable;

/** Reporting API v2 `records[]`, in the order errors name the fields. */
export const V2_FIELDS = {
	user_id: { kind: id, as: 'agentId' },
	user_name: { kind: optText, as: 'agentName' },
	team_id: { kind: optId, as: 'teamId' },
	team_name: { kind: optText, as: 'teamName' },
	session_id: { kind: optId, as: 'agentSessionId' },
	state_index: { kind: optInt, as: 'stateIndex' },
	state_id: { kind: int, as: 'stateId' },
	state_name: { kind: optText, as: 'apiStateName' },
	reason_id: { kind: optInt, as: 'reasonId' },
	reason_name: { kind: optText, as: 'reasonName' },
	start_time: { kind: instant, as: 'startMs' },
	end_time: { kind: optInstant, as: 'endMs' },
	duration: { kind: optDuration, as: 'durationSeconds' },
} as const satisfies FieldTable;

type RowValue<R> = R extends { kind: Kind<infer T> } ? T : R extends Kind<infer T> ? T : never;

type RowName<K, R> = R extends { fills: string } ? never : R extends { as: infer A } ? A : K;

/** The validated record a table describes: renamed rows under their new name, fills merged. */
export type RecordOf<T extends FieldTable> = {
	-readonly [K in keyof T as RowName<K, T[K]>]: RowValue<T[K]>;
};

/** The fields a table carries into the output (rows with `output: true`). */
export type OutputOf<T extends FieldTable> = {
	-readonly [K in keyof T as T[K] extends { output: true } ? RowName<K, T[K]> : never]: RowValue<
		T[K]
	>;
};

/**
 * A validated CXone record: ids as strings, `startMs` epoch ms, `durationSeconds` seconds, or null
 * when CXone sent no duration (absent, null or empty: the session's current state, or one whose
 * end is the next state's start; see docs/open-states.md).
 */
export type CxoneRecord = RecordOf<typeof CXONE_FIELDS>;

/** A validated v2 record: `endMs` null while the state is open. */
export type V2Record = RecordOf<typeof V2_FIELDS>;

/** A validated record of either flavor: the names both tables share, `endMs` only from v2. */
export type ValidRecord = Pick<CxoneRecord, keyof CxoneRecord & keyof V2Record> & {
	endMs?: number | null;
	firstName?: string | null;
	lastName?: string | null;
};
