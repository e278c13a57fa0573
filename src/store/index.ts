export {
  openDb,
  migrate,
  currentVersion,
  latestVersion,
  beginBulkLoad,
  finishBulkLoad,
  immediate,
  DEFERRABLE_INDEXES,
  boundServerConnection,
  SERVER_PAGE_CACHE_KIB,
  type Db,
} from './db.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export { ENTRY_BYTES, stringBytes } from './bytes.js';
export {
  articleId,
  articleRecord,
  articleWriter,
  storedFingerprints,
  type ArticleRecord,
  type ArticleWriter,
} from './articles.js';
export {
  allowStaleCounts,
  type CappedCount,
  countCapped,
  countRows,
  forgetCounts,
  staleAllowanceMs,
  stillServes,
  storeVersionReader,
  newReadScope,
  inReadScope,
  TOTAL_CAP,
} from './counts.js';
export {
  forgetKeptItems,
  KEPT_ITEM_BYTES,
  KEPT_WHILE_APPENDED_MS,
  type KeptStamp,
  keptItemBytes,
  keptItems,
  keptServes,
  keptStampNow,
  noteRowsRewritten,
} from './kept-items.js';
export * from './corpus.js';
export * from './queries.js';
export * from './facets.js';
export * from './search.js';
export { CursorError, decodeCursor, encodeCursor, type CursorList } from './cursor.js';
export * from './export/index.js';
export * from './feeds.js';
export * from './corrections.js';
export { storeAliasFile, storedAliasFile } from './alias-file.js';
export * from './stories.js';
export { openStore, storeLocation, type SearchResult, type Store } from './store.js';
export { isPostgresUrl, redactUrl } from './pg/url.js';
export * from './article-rows.js';
export { ownDateEvidence, sqliteArticleSink, type ArticleSink } from './article-sink.js';
