// Types shared by the action node, the trigger and every core module. The zod schemas at the API
// boundary (api/schemas/) produce the raw types; everything downstream trusts them.

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

/** One state record as the node outputs it: the output contract (names are public API). */
export interface StateRecord {
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
