// Types shared by the action node, the trigger and every core module. The validated API record
// types come from the field tables (records/fields.ts); the output item is records/stateRecord.ts.

/** Which HTTP API the credential talks to. */
export type ApiFlavor = 'cxone' | 'reportingV2';

/** A half-open UTC interval [startMs, endMs). */
export interface TimeWindow {
	startMs: number;
	endMs: number;
}

/** How states that cross the window's edges are reported. */
export type BoundaryMode = 'clip' | 'asReturned' | 'startInWindow';

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
