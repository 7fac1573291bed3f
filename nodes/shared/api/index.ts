// The transport's public surface: import from here.
export type { CxoneFunctions } from './context';
export { CXONE_CREDENTIAL_TYPE } from './context';
export { RequestSlots, runBounded } from './concurrency';
export { apiError, cxoneMessage, statusError } from './errors';
export {
	agentsPath,
	agentStatesPath,
	cxoneStateHistoryQuery,
	DEFAULT_PAGE_SIZE,
	parsePage,
	relativeNextLink,
	stateHistoryPath,
	teamsPath,
	unavailableCodesPath,
	V2_STATE_HISTORY_PATH,
	v2StateHistoryQuery,
} from './flavors';
export type { V2QueryInput } from './flavors';
export { DEFAULT_MAX_PAGES, paginate, recordIdentity } from './paginate';
export type { FetchedPage, PageQuery, PaginateOptions } from './paginate';
export { cxoneRequest, DEFAULT_TIMEOUT_MS } from './request';
export type { CxoneRequest, CxoneResponse, RequestOptions } from './request';
export {
	backoffMs,
	DEFAULT_MAX_RETRIES,
	isRetryableStatus,
	isTransientNetworkError,
	MAX_RETRY_AFTER_MS,
	parseRetryAfter,
	retryTiming,
} from './retry';
export type { RetrySeams } from './retry';
export { TokenRefresh } from './tokenRefresh';
export type { CxoneListKey, PageEnvelope } from './schemas/page';
