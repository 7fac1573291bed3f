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
	/** true: GET agents and GET agents/{agentId} answer 403. Default false. Runtime-settable. */
	agentsForbidden?: boolean;
	/** true: GET teams answers 403. Default false. Runtime-settable. */
	teamsForbidden?: boolean;
	/**
	 * true: GET unavailable-codes and GET teams/{teamId}/unavailable-codes answer 403. Default
	 * false. Runtime-settable.
	 */
	unavailableCodesForbidden?: boolean;
	/** true: GET agents/states and GET agents/{agentId}/states answer 403. Default false. */
	agentStatesForbidden?: boolean;
	/** Body of GET teams/{teamId}/unavailable-codes (see UnavailableCodesShape). Default 'default'. */
	unavailableCodesShape?: UnavailableCodesShape;
	/** Keys of the current-state pages (see CurrentStateCasing). Default 'camel'. */
	currentStateCasing?: CurrentStateCasing;
	/**
	 * true: current-state ids (agentId, agentStateId, businessUnitId, contactId, mediaTypeId,
	 * outStateId, skillId, teamId, stationId) are strings ("39260750"); null stays null.
	 * Default false. Runtime-settable.
	 */
	currentStateNumbersAsStrings?: boolean;
	/**
	 * true: CXone pages (state history, directory lists, current states) carry no lastPollTime;
	 * clients then only know when they sent the request and when the answer came. Default false.
	 * Runtime-settable.
	 */
	omitLastPollTime?: boolean;
	/** Keys of the agent-performance answers (see PerformanceCasing). Default 'camel'. Runtime-settable. */
	performanceCasing?: PerformanceCasing;
	/**
	 * Every state (and so every current state, last login and performance figure) is served this
	 * many ms later than generated; record ids and shapes stay. Lets a test place a chosen state
	 * relative to the real clock once it is ready. Default 0. Runtime-settable.
	 */
	timeShiftMs?: number;
	/** true: every agent works every day (no weekends or random days off). Default false. */
	everyDay?: boolean;
	/**
	 * The shift of each date starts on that local date in `zone`, between `hour` − 30 min and
	 * `hour` + 3 h 30 min (per agent, ± 30 min a day), instead of 01:30–22:30 UTC; with hour ≤ 11
	 * the whole shift (8–9.5 h) lies inside the local day. Default null (UTC starts).
	 */
	shiftStartLocal?: { zone: string; hour: number } | null;
	/** Where v2 puts its page token: `next_page_token` ('top') or `pagination.next_page_token`. */
	v2TokenLocation?: 'top' | 'pagination';
	tenantId?: string;
	/** icClusterId claim and cxone-configuration `cluster`. Default 'B32'. */
	clusterId?: string;
	businessUnitId?: number;
	/** Added before every non-control request is handled (before the server reads its clock). Default 0. */
	latencyMs?: number;
	/**
	 * Added after every non-control response is built, before it is sent: the data was read (and
	 * open durations end) that long before the client receives it. Default 0.
	 */
	responseLatencyMs?: number;
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

/**
 * GET teams/{teamId}/unavailable-codes: 'default' =
 * `{ teamId, teamName, unavailableCodes: [{ outstateId, outstateName, isActive, isAcw, agentTimeoutMins }] }`;
 * 'resultSet' = the older casing
 * `{ resultSet: { teamId, teamName, unavailableCodes: [{ outStateId, outStateName, isActive, isAcw }] } }`.
 */
export type UnavailableCodesShape = 'default' | 'resultSet';

/**
 * Current-state pages: 'camel' (`agentStates`, `agentId`, `isACW`, …) or 'pascal' (the 2015
 * sample: `AgentStates`, `AgentId`, `IsACW`, `LastPollTime`, `TotalRecords`, …; `_links` and its
 * keys are unchanged).
 */
export type CurrentStateCasing = 'camel' | 'pascal';

/**
 * Agent-performance answers: 'camel' (`agentPerformance`, `agentId`, `availableTime`, …) or
 * 'pascal' as older API versions send them (`AgentPerformance`, `AgentId`, `AvailableTime`, and
 * the single-agent envelope's `BusinessUnitId`, `LastPollTime`).
 */
export type PerformanceCasing = 'camel' | 'pascal';

/** The options setOptions and POST /__control/options can change while the server runs. */
export type FakeCxoneRuntimeOptions = Pick<
	FakeCxoneOptions,
	| 'agentsForbidden'
	| 'teamsForbidden'
	| 'unavailableCodesForbidden'
	| 'agentStatesForbidden'
	| 'unavailableCodesShape'
	| 'currentStateCasing'
	| 'currentStateNumbersAsStrings'
	| 'omitLastPollTime'
	| 'performanceCasing'
	| 'timeShiftMs'
>;

/** GET agents / GET agents/{agentId} item. */
export interface FakeCxoneAgentItem {
	agentId: number;
	userName: string;
	firstName: string;
	lastName: string;
	/** Same as userName. */
	emailAddress: string;
	/** false for every 7th agent (index % 7 === 6); its state history is still served. */
	isActive: boolean;
	teamId: number;
	teamName: string;
	/** index % 5 === 4. */
	isSupervisor: boolean;
	/** Start of the latest shift that began before now; absent when there is none. */
	lastLogin?: string;
	/** IANA zone, by index. */
	timeZone: string;
}

/** GET teams item. The last team (205970 + teams, 'Retired Team') is inactive and empty. */
export interface FakeCxoneTeam {
	teamId: number;
	teamName: string;
	isActive: boolean;
	/** Agents on the team (active or not). */
	agentCount: number;
	/** Present on even team indexes only. */
	description?: string;
}

/**
 * One unavailable code (truth): 77 Lunch, 78 Break, 79 ACW (isACW), 80 Training, 81 Meeting are
 * the codes the state history uses; 82 Coaching and 83 ACW Extended (isACW) are inactive and
 * never used. GET unavailable-codes serves `{ id, name, isActive, isACW, agentTimeout }`.
 */
export interface FakeCxoneUnavailableCode {
	id: number;
	name: string;
	isActive: boolean;
	isACW: boolean;
	/** null: no automatic time-out. */
	agentTimeoutMins: number | null;
}

/**
 * One agent's current state (camelCase, numbers as numbers: the 'camel' / non-string shape).
 * It is the open last state of the agent's state history at the server's now; without an open
 * state the agent is LoggedOut (0) from the end of its last state (startDate null if none).
 */
export interface FakeCxoneCurrentState {
	agentId: number;
	agentStateId: number;
	agentStateName: string;
	/** 'Working' for ids 3–7, else the state name (LoggedOut, Available, Unavailable, LoggedIn). */
	agentStateCategory: string;
	businessUnitId: number;
	contactId: number | null;
	isActive: boolean;
	/** The out-state is an ACW code (79). */
	isACW: boolean;
	isOutbound: boolean;
	firstName: string;
	lastName: string;
	userName: string;
	/** Same as startDate. */
	lastUpdateTime: string | null;
	mediaTypeId: number;
	mediaTypeName: string | null;
	/** 0 unless agentStateId is 2 (Unavailable). */
	outStateId: number;
	outStateDescription: string | null;
	skillId: number;
	skillName: string | null;
	startDate: string | null;
	teamId: number;
	teamName: string;
	stationId: number;
}

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
	/** Requests in progress when this one arrived, itself included. */
	inFlight: number;
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
	/** false for index % 7 === 6 (directory only; the history is unchanged). */
	isActive: boolean;
	isSupervisor: boolean;
	timeZone: string;
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

/** performanceFor: one agent (agentId) or every agent, over [startMs, min(endMs, now)). */
export interface PerformanceQuery {
	agentId?: number | string;
	/** Epoch ms or ISO. */
	startMs: number | string;
	endMs: number | string;
}

/**
 * One agent's performance over a window as the truth: every time in seconds (ms precision),
 * counts and rates as numbers. The API sends the times as ISO-8601 durations (single-agent route:
 * inboundTime and consultTime as numbers of seconds), the rates as "36.81" strings, and the
 * counts, agentId and teamId as strings for agents with stringNumbers. Definitions: README.md.
 */
export interface FakeCxonePerformanceRow {
	agentId: number;
	teamId: number;
	/** = inboundHandled. */
	agentOffered: number;
	/** InboundContact states starting in the window. */
	inboundHandled: number;
	/** Time in InboundContact. */
	inboundTime: number;
	/** = inboundTime. */
	inboundTalkTime: number;
	/** inboundTalkTime / inboundHandled, rounded to ms; 0 when none. */
	inboundAvgTalkTime: number;
	outboundHandled: number;
	outboundTime: number;
	outboundTalkTime: number;
	outboundAvgTalkTime: number;
	/** inboundHandled + outboundHandled. */
	totalHandled: number;
	/** inboundTalkTime + outboundTalkTime. */
	totalTalkTime: number;
	totalAvgTalkTime: number;
	/** (totalTalkTime + acwTime) / totalHandled, rounded to ms; 0 when none. */
	totalAvgHandleTime: number;
	/** InboundConsult + OutboundConsult. */
	consultTime: number;
	/** Available. */
	availableTime: number;
	/** Unavailable with a code other than ACW (79), or none. */
	unavailableTime: number;
	/** Unavailable with the ACW code (79). */
	acwTime: number;
	/** Always 0. */
	refused: number;
	/** Always 0. */
	percentRefused: number;
	/** Every state but LoggedOut. */
	loginTime: number;
	/** 100 × (loginTime − unavailableTime) / loginTime, 2 decimals; 0 when not logged in. */
	workingRate: number;
	/** 100 × busy / (busy + availableTime), busy = contacts, consults, Dialer and ACW; 2 decimals. */
	occupancy: number;
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
	/** Changes runtime options; returns all options. Throws for any other name or a bad value. */
	setOptions(changes: FakeCxoneRuntimeOptions): Required<Omit<FakeCxoneOptions, 'now'>>;
	/** GET agents items for every agent at now (unfiltered, agentId order). */
	agentItems(): FakeCxoneAgentItem[];
	/** GET teams items (unfiltered), the inactive 'Retired Team' last. */
	teams(): FakeCxoneTeam[];
	/** The business unit's unavailable codes, id order. */
	unavailableCodes(): FakeCxoneUnavailableCode[];
	/**
	 * Current states at now (agentId order), camelCase with numbers, whatever the casing options;
	 * one agent when agentId is given (empty if unknown).
	 */
	currentStates(agentId?: number | string): FakeCxoneCurrentState[];
	/** Fixes the clock (also leaves 'real' mode). */
	setNow(ms: number | string): void;
	advance(ms: number): void;
	/** How many records the window query returns (all pages together). */
	countRecords(query: RecordQuery): number;
	/** The records exactly as the API serves them, all pages concatenated. */
	recordsFor(query: RecordQuery): Array<Record<string, unknown>>;
	canonicalRecordsFor(query: RecordQuery): CanonicalRecord[];
	/**
	 * What GET agents/performance (no agentId) or agents/{agentId}/performance serves at now, as
	 * numbers (see FakeCxonePerformanceRow); agents without a state in the window are left out.
	 */
	performanceFor(query: PerformanceQuery): FakeCxonePerformanceRow[];
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
export const UNAVAILABLE_CODES: readonly FakeCxoneUnavailableCode[];
export const UNAVAILABLE_CODES_SHAPES: readonly UnavailableCodesShape[];
export const CURRENT_STATE_CASINGS: readonly CurrentStateCasing[];
export const PERFORMANCE_CASINGS: readonly PerformanceCasing[];
/** Row keys of the performance answers, in the order they are sent. */
export const PERFORMANCE_KEYS: readonly (keyof FakeCxonePerformanceRow)[];
/** The keys of PERFORMANCE_KEYS the API sends as durations (the rest are counts and rates). */
export const PERFORMANCE_TIME_KEYS: readonly (keyof FakeCxonePerformanceRow)[];
export const RUNTIME_OPTION_NAMES: readonly (keyof FakeCxoneRuntimeOptions)[];
/** ISO-8601 duration as the fake writes it, e.g. isoDuration(250003) === 'PT4M10.003S'. */
export function isoDuration(ms: number): string;
