// Types for the fake CXone server (index.js), so TypeScript tests can import it.

export interface FakeCxoneOptions {
	/** PRNG seed; the same seed serves identical data. Default 42. */
	seed?: number;
	/** Number of agents (ids 39260750, 39260751, …). Default 10. */
	agents?: number;
	/** Number of teams (ids 205970 + k); agent i is on team i % teams. Default 3. */
	teams?: number;
	/** Server clock: epoch ms, an ISO string, or 'real'. Default 2024-05-08T18:00:00.000Z (fixed). */
	now?: number | string;
	/** Mean states per shift (one shift per agent per working UTC day). Default 40, max 20000. */
	statesPerShift?: number;
	/** Access token lifetime on the server clock. Default 3600. */
	tokenTtlSeconds?: number;
	/** `top` / `page_size` above this is clamped. Default 10000. */
	maxPageSize?: number;
	/** Page size when `top` / `page_size` is absent. Default 100. */
	defaultPageSize?: number;
	/** true: `_links.next` is provided; false: it is always null (clients must use totalRecords). */
	nextLinks?: boolean;
	/** false: the client_credentials grant answers 400 unsupported_grant_type. Default true. */
	allowClientCredentials?: boolean;
	/** true: GET /agents answers 403. Default false. */
	agentsForbidden?: boolean;
	/** Where v2 puts its page token: `next_page_token` ('top') or `pagination.next_page_token`. */
	v2TokenLocation?: 'top' | 'pagination';
	tenantId?: string;
	/** icClusterId claim and cxone-configuration `cluster`. Default 'B32'. */
	clusterId?: string;
	businessUnitId?: number;
	/** Added before every non-control response. Default 0. */
	latencyMs?: number;
	/** Generated states kept in the shift cache. Default 3,000,000. */
	cacheStates?: number;
	/** How the CXone flavor sends the state still running at now. Default 'elapsed'. */
	openState?: OpenStateShape;
}

/**
 * The current (still running) state of a session: `elapsed` = a duration up to now, `absent` = no
 * `duration` key, `null` = `"duration": null`, `empty` = `"duration": ""`.
 */
export type OpenStateShape = 'elapsed' | 'absent' | 'null' | 'empty';

export interface FakeCxoneCredentials {
	clientId: string;
	clientSecret: string;
	accessKeyId: string;
	accessKeySecret: string;
	/** The server URL (null before start). */
	issuerUrl: string | null;
	tokenUrl: string | null;
	apiBaseUrl: string | null;
}

export interface FakeCxoneLogEntry {
	seq: number;
	method: string;
	/** Path without the query string, as requested (case preserved). */
	path: string;
	query: Record<string, string>;
	/** HTTP status sent; 0 when a `reset` fault cut the response. */
	status: number;
	/** Scheme of the Authorization header. */
	auth: 'basic' | 'bearer' | 'none';
	/** Token endpoint only: the grant_type sent. */
	grantType?: string;
	/** Token endpoint only: how the client authenticated. */
	clientAuth?: 'basic' | 'body' | 'none';
	/** Short id of the access token issued (token endpoint) or presented (API), never the token. */
	tokenId?: string;
	/** Why a presented bearer token was refused. */
	tokenStatus?: 'unknown' | 'expired' | 'revoked';
	/** Faults that hit this request. */
	faults?: FaultName[];
	/** Server-side handling time in ms (includes latency and slow faults). */
	ms: number;
}

/** Common to every fault: `count` hits (default 1, -1 = unlimited); `path` substring filter. */
export interface FaultBase {
	count?: number;
	/** Default: API routes only (tokenError: the token endpoint only). */
	path?: string;
}

export interface FakeCxoneFaults {
	/** 429 `{"message":"Too many requests"}`, with Retry-After when given. */
	rateLimit?: FaultBase & { retryAfter?: string };
	/** 500 JSON, or 502/503/504 with an HTML gateway page. Default 500. */
	serverError?: FaultBase & { status?: 500 | 502 | 503 | 504 };
	/** Promises the whole body, sends half, destroys the socket (logged with status 0). */
	reset?: FaultBase;
	/** 200 whose JSON body is cut in half (Content-Length matches the cut body). */
	truncate?: FaultBase;
	/** Delays the response by delayMs (default 2000). */
	slow?: FaultBase & { delayMs?: number };
	/** 204 at that 0-based page index (skip / top, or page-token offset / page_size). */
	noContentAtPage?: FaultBase & { page: number };
	/** `_links.next` (v2: the page token) points at the page just served. */
	repeatNextLink?: FaultBase;
	/** A page after the first starts with the previous page's last record (served from skip − 1). */
	duplicateEdge?: FaultBase;
	/** totalRecords reads true total + the fault's hit number (1, 2, …). */
	totalRecordsDrift?: FaultBase;
	/** The next bearer token seen allows n API requests (this one included), then answers 401. */
	expireTokenAfterRequests?: FaultBase & { n: number };
	/** Token endpoint: invalid_client → 401, invalid_grant → 400. */
	tokenError?: FaultBase & { error: 'invalid_client' | 'invalid_grant' };
}

export type FaultName = keyof FakeCxoneFaults;

export interface FakeCxoneAgent {
	agentId: number;
	firstName: string;
	lastName: string;
	userName: string;
	teamId: number;
	teamName: string;
	isActive: boolean;
	/** This agent's records carry numbers as strings ("39260751"). Agents with index % 4 === 1. */
	stringNumbers: boolean;
	/** Which team field its records use. teamNo for even indexes, teamId for odd. */
	teamField: 'teamNo' | 'teamId';
}

export interface RecordQuery {
	/** One agent; omit (or all: true) for every agent. */
	agentId?: number | string;
	all?: boolean;
	/** Window start, epoch ms or ISO. Records overlapping [startMs, endMs) are returned. */
	startMs: number | string;
	endMs: number | string;
	flavor?: 'cxone' | 'reportingV2';
	/** reportingV2 only: IANA zone for start_time/end_time. Default 'UTC'. */
	timezone?: string;
}

/** What a correct client derives from a served record (times in epoch ms). */
export interface CanonicalRecord {
	/** `${agentId}:${agentSessionId}:${stateIndex}` */
	recordId: string;
	agentId: string;
	agentName: string;
	teamId: string;
	teamName: string;
	agentSessionId: string;
	stateIndex: number;
	stateId: number;
	stateName: string;
	reasonId: number | null;
	reason: string | null;
	v2StateId: number;
	v2StateName: string;
	startMs: number;
	/** null while the state is open (it contains the server's now). */
	endMs: number | null;
	/** For an open state: now − start. */
	durationMs: number;
	isOpen: boolean;
}

export interface FakeCxone {
	start(port?: number): Promise<{ url: string }>;
	stop(): Promise<void>;
	/** http://127.0.0.1:port, null before start. */
	readonly url: string | null;
	readonly credentials: FakeCxoneCredentials;
	/** The server clock now. */
	readonly nowMs: number;
	readonly options: Required<Omit<FakeCxoneOptions, 'now'>>;
	/** Every non-control request, in completion order (the same array, emptied by resetLog). */
	readonly log: FakeCxoneLogEntry[];
	readonly agents: readonly FakeCxoneAgent[];
	resetLog(): void;
	/** Adds or replaces the named faults (null removes one). Throws on an unknown name. */
	setFaults(faults: FakeCxoneFaults): void;
	clearFaults(): void;
	/** Armed faults with the hits left (-1 = unlimited) and hits so far. */
	activeFaults(): Record<string, Record<string, unknown> & { left: number; hits: number }>;
	/** Every token issued so far answers 401 from now on. */
	revokeTokens(): void;
	/** How current states are sent from now on; throws for an unknown shape. */
	setOpenState(shape: OpenStateShape): void;
	readonly openState: OpenStateShape;
	/** Fixes the clock (also leaves 'real' mode). */
	setNow(ms: number | string): void;
	advance(ms: number): void;
	/** How many records the window query returns (all pages together). */
	countRecords(query: RecordQuery): number;
	/** The records exactly as the API serves them, all pages concatenated. */
	recordsFor(query: RecordQuery): Array<Record<string, unknown>>;
	canonicalRecordsFor(query: RecordQuery): CanonicalRecord[];
}

export function createFakeCxone(options?: FakeCxoneOptions): FakeCxone;

export const DEFAULT_NOW: number;
export const CREDENTIALS: Readonly<{
	clientId: string;
	clientSecret: string;
	accessKeyId: string;
	accessKeySecret: string;
}>;
export const FAULT_NAMES: readonly FaultName[];
export const AGENT_STATES: Readonly<Record<number, string>>;
export const OUT_STATES: Readonly<Record<number, string>>;
export const V2_STATES: Readonly<Record<number, string>>;
export const OPEN_STATE_SHAPES: readonly OpenStateShape[];
/** ISO-8601 duration as the fake writes it, e.g. isoDuration(250003) === 'PT4M10.003S'. */
export function isoDuration(ms: number): string;
