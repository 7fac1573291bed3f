// Types shared by the action node, the trigger and every core module. The field tables at the API
// boundary (records/fields.ts) produce the validated record types; everything downstream trusts them.

import type { CXONE_FIELDS, OutputOf, V2_FIELDS } from './records/fields';

/** Which HTTP API the credential talks to. */
export type ApiFlavor = 'cxone' | 'reportingV2';

/** What the nodes need from the credential before any request: which API and which version. */
export interface CredentialSettings {
	flavor: ApiFlavor;
	apiVersion: string;
}

/** A half-open UTC interval [startMs, endMs). */
export interface TimeWindow {
	startMs: number;
	endMs: number;
}

/** How states that cross the window's edges are reported. */
export type BoundaryMode = 'clip' | 'asReturned' | 'startInWindow';

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

/** Options every HTTP call of the transport accepts. */
export interface TransportOptions {
	/** Retries after the first attempt for 429, 5xx, resets and timeouts. */
	maxRetries: number;
	/** Per-request timeout in milliseconds. */
	timeoutMs?: number;
	/** Page cap per query; 0 = no cap. */
	maxPages?: number;
	/** Records per page requested (top / page_size). */
	pageSize?: number;
}
