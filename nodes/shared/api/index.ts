// The transport's public surface: import from here.
export type { CxoneFunctions } from './context';
export { CXONE_CREDENTIAL_TYPE } from './context';
export { RequestSlots, runBounded } from './concurrency';
export { apiError, cxoneMessage, statusError } from './errors';
export { cxoneList, parsePage, relativeNextLink, V2_PAGES } from './pageFormats';
export type { PageFormat, Paging } from './pageFormats';
export { paginate, recordIdentity } from './paginate';
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
