export { fetchSsb, defaultCacheDir, type FetchOptions, type FetchResult } from "./client";
export { jsonStatToFrame, checkDimensions } from "./jsonstat";
export { buildRequest, cacheKey, yearRange, SSB_BASE, type SsbQuery, type SsbRequest, type ApiVersion } from "./query";
export { SsbError, SsbHttpError, SsbLimitError, SsbOfflineError, SsbFormatError } from "./errors";
