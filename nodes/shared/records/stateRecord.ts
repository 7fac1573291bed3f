// The output contract: one state item as both nodes emit it (names are public API; the README's
// Output contract table describes each). Fields the API tables carry as they are come from
// records/fields.ts (rows with `output: true`).

import type { CXONE_FIELDS, OutputOf, V2_FIELDS } from './fields';

export type StateCategory =
	| 'available'
	| 'unavailable'
	| 'working'
	| 'loggedOut'
	| 'loggedIn'
	| 'unknown';

/** Fields the tables carry into the output as they are, for the flavor that has them. */
type CarriedFields = Partial<OutputOf<typeof CXONE_FIELDS> & OutputOf<typeof V2_FIELDS>>;

/** One state record as the node outputs it: the output contract (names are public API). */
export interface StateRecord extends CarriedFields {
	recordId: string;
	agentId: string;
	agentName?: string;
	teamName?: string;
	teamId: string | null;
	agentSessionId: string | null;
	stateIndex: number | null;
	stateId: number;
	state: string;
	reasonId: number | null;
	reason: string | null;
	label: string;
	category: StateCategory;
	startTimeUtc: string;
	endTimeUtc: string | null;
	startTime: string;
	endTime: string | null;
	durationSeconds: number;
	durationFormatted: string;
	isOpen: boolean;
	windowStartUtc?: string;
	windowEndUtc?: string;
	clippedDurationSeconds?: number;
	overThreshold?: boolean;
	raw?: Record<string, unknown>;
}
