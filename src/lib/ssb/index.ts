export { fetchSsb, defaultCacheDir, MAX_TIMEOUT_MS, type FetchOptions, type FetchResult } from "./client";
export { jsonStatToFrame, checkDimensions, MISSING_SYMBOLS } from "./jsonstat";
export { buildRequest, cacheKey, yearRange, SSB_BASE, API_VERSIONS, type SsbQuery, type SsbRequest, type ApiVersion } from "./query";
export {
  SsbError,
  SsbHttpError,
  SsbLimitError,
  SsbOfflineError,
  SsbFormatError,
  SsbEncodingError,
  SsbQueryError,
  SsbNetworkError,
  SsbCacheError,
} from "./errors";
