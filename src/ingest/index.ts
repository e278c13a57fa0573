export { extractHtml, pageToRawArticle, decodeHtml, type ExtractedPage } from './html/index.js';
export { cleanUrl, dateFromUrl, httpUrl, isDomainFallback, outletFromUrl, outletNameFor } from './url.js';
export {
  readSources,
  sourceKind,
  isUrlInput,
  walk,
  warcItems,
  type SourceOptions,
  type SourceKind,
} from './sources.js';
export { decodeText, NOT_UTF8_WARNING } from './decode.js';
export {
  guardedFetch,
  refusedResolution,
  FetchError,
  MAX_FETCH_BYTES,
  USER_AGENT,
  type FetchOptions,
  type FetchResult,
  type ContentKind,
  type Resolver,
} from './fetch.js';
export { blockedAddressReason } from './address-policy.js';
export { readWarc, type WarcRecord, type WarcEvent } from './warc.js';
export { jsonlItem, textArticle, isoDate, normalizeBody } from './jsonl.js';
export { extractPage } from './extract.js';
export { parseFeedEntries, type FeedEntry, type ParsedFeed } from './feed.js';
export { PoliteFetcher, type PoliteOptions } from './polite.js';
