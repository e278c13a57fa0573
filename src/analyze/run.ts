import { availableParallelism } from 'node:os';
import type { DateEvidence, IngestItem, PageItem, RawArticle } from '../model/index.js';
import { httpUrl, readSources, type SourceOptions } from '../ingest/index.js';
import { segmentDump } from '../segment/index.js';
import { Deduplicator, loadAliasFile, type AliasFile, type Fingerprint } from '../resolve/index.js';
import {
  articleCount,
  articleId,
  finishBulkLoad,
  openStore,
  sqliteArticleSink,
  type ArticleSink,
  type Db,
  type Store,
  type StoryPlace,
} from '../store/index.js';
import { ownDate, storyEvidence } from '../time/index.js';
import { AnalyzerPool, type ArticleResult, type ExtractResult } from './pool.js';
import { keepArticleCorrections, replacedArticleIds } from './article-corrections.js';
import { startResolve } from './resolve-corpus.js';
import { updateStories, updateStoriesOn, type StoryUpdate } from './stories-update.js';

export interface AnalyzeOptions {
  /** Worker threads (default: one per core, at most 4). 0 = analyze on the calling thread. */
  threads?: number;
  /** Articles per worker message. */
  batchSize?: number;
  onProgress?: (p: AnalyzeProgress) => void;
  /** Report of each input that failed or was skipped, as it happens. */
  onProblem?: (origin: string, message: string) => void;
  /** The analyst's alias file (merge/split/rename actors). */
  aliases?: AliasFile;
  /** Allow fetching URLs on private, loopback and link-local addresses. */
  allowPrivate?: boolean;
  /** Fetch limits for URL inputs. */
  fetch?: SourceOptions['fetch'];
  /** Skip duplicate detection (exact duplicates are then analyzed again under their own id). */
  noDedup?: boolean;
  /** Fewest new articles that make a run a bulk load (default: 1 into an empty store, else `BULK_LOAD_MIN`). */
  bulkLoadMin?: number;
  /** Each phase as it starts (the crash test kills a run inside each one). */
  onPhase?: (phase: AnalyzePhase) => void;
  /** Each article once its transaction has committed. */
  onStored?: (id: string) => void;
  /**
   * Run the corpus steps (resolve, stories) after storing (default true). Queue workers store with `false` and
   * run the corpus steps as one job after many (`src/queue`).
   */
  corpus?: boolean;
}

export type AnalyzePhase = 'store' | 'bulk-load' | 'rebuild' | 'resolve' | 'stories' | 'done';

export interface AnalyzeProgress {
  seen: number;
  added: number;
  skipped: number;
  failed: number;
  /** Articles skipped because an article with the same normalized text is already there. */
  exactDuplicates: number;
  /** Articles stored with a `duplicateOf` link. */
  nearDuplicates: number;
}

export interface AnalyzeSummary extends AnalyzeProgress {
  inputs: number;
  inputErrors: Array<{ origin: string; error: string }>;
  articleErrors: Array<{ id: string; error: string }>;
  totalArticles: number;
  entities: number;
  events: number;
  /** What placing the new articles in stories did (`updateStories`). */
  stories?: StoryUpdate;
}

const PAGE_BATCH = 4;
/**
 * A run becomes a bulk load (index upkeep deferred to its end: see `beginBulkLoad`) once it has
 * added this many articles and at least as many as the store held when it started, so the one rebuild
 * costs no more than keeping the indexes up to date would have. Small top-ups of a big store never drop them.
 */
const BULK_LOAD_MIN = 1000;

/**
 * Fewest new articles that make this run a bulk load. Into an empty store, the first: the rebuild then covers
 * only this run's articles and costs less than their upkeep at any size (2,000 synthetic articles: ~0.08 ms an
 * article to build at the end, ~0.4 ms each to keep up to date).
 */
function bulkLoadMin(options: AnalyzeOptions, storedBefore: number): number {
  return options.bulkLoadMin ?? (storedBefore === 0 ? 1 : BULK_LOAD_MIN);
}

/**
 * Raw articles out of ingest items, in input order: dumps are segmented, pages go to the worker pool for
 * main-text extraction (several batches in flight), ready articles pass through.
 */
async function* articlesOf(
  items: AsyncIterable<IngestItem>,
  pool: AnalyzerPool,
  summary: AnalyzeSummary,
  onProblem?: AnalyzeOptions['onProblem'],
): AsyncGenerator<RawArticle> {
  const problem = (origin: string, error: string): void => {
    summary.inputErrors.push({ origin, error });
    onProblem?.(origin, error);
  };
  const inflight: Array<Promise<ExtractResult[]>> = [];
  const maxInflight = Math.max(2, pool.threads * 2);
  let pages: PageItem[] = [];
  function* settled(results: ExtractResult[]): Generator<RawArticle> {
    for (const r of results) {
      if (r.ok) yield r.raw;
      else problem(r.origin, r.error);
    }
  }
  async function* drain(all: boolean): AsyncGenerator<RawArticle> {
    if (all && pages.length > 0) {
      inflight.push(pool.extract(pages));
      pages = [];
    }
    while (inflight.length > (all ? 0 : maxInflight - 1)) yield* settled(await inflight.shift()!);
  }
  for await (const item of items) {
    summary.inputs++;
    if (item.kind === 'page') {
      pages.push(item);
      if (pages.length >= PAGE_BATCH) {
        inflight.push(pool.extract(pages));
        pages = [];
        yield* drain(false);
      }
      continue;
    }
    yield* drain(true);
    if (item.kind === 'error') {
      problem(item.origin, item.error);
      continue;
    }
    if (item.kind === 'article') {
      if (item.article.text.trim() === '') problem(item.article.origin, 'no article text');
      else yield item.article;
      continue;
    }
    let n = 0;
    for await (const a of segmentDump(item.lines, item.origin)) {
      n++;
      if (item.warnings.length > 0) a.warnings.push(...item.warnings);
      yield a;
    }
    if (n === 0) problem(item.origin, 'no articles found (the file holds no paragraphs of text)');
  }
  yield* drain(true);
}

/**
 * Analyze ingest items into a SQLite connection (a store, or a PostgreSQL store's working copy): segment, run the
 * per-article pipeline on worker threads, store each article in its own transaction (skipping ones already stored),
 * then resolve the corpus.
 */
export async function analyzeItems(
  db: Db,
  items: AsyncIterable<IngestItem>,
  options: AnalyzeOptions = {},
): Promise<AnalyzeSummary> {
  const { summary, bulk } = await storeArticles(sqliteArticleSink(db), items, options, replacedArticleIds(db));
  if (options.corpus === false) {
    if (bulk) finishBulkLoad(db);
    options.onPhase?.('done');
    summary.totalArticles = articleCount(db);
    return summary;
  }
  await corpusSteps(db, options, summary, bulk);
  await storySteps({ db }, options, summary);
  summary.totalArticles = articleCount(db);
  return summary;
}

/**
 * Analyze ingest items into a store of either kind. Where the store takes articles natively (`Store.articles`: a
 * PostgreSQL store), they are written straight to it and the corpus steps run through `Store.resolve`; else the whole
 * run is one `Store.write`, as `analyzeItems`.
 */
export async function analyzeInto(
  store: Store,
  items: AsyncIterable<IngestItem>,
  options: AnalyzeOptions = {},
): Promise<AnalyzeSummary> {
  const sink = await store.articles();
  if (!sink) return store.write((db) => analyzeItems(db, items, options));
  let summary: AnalyzeSummary;
  try {
    ({ summary } = await storeArticles(sink, items, options, new Set()));
    if (options.corpus !== false)
      await store.resolve(
        (db) => corpusSteps(db, options, summary, false),
        (place) => storySteps(place, options, summary),
        (step) => {
          summary.events = step.events;
        },
      );
    else options.onPhase?.('done');
    summary.totalArticles = await sink.total();
  } finally {
    await sink.close();
  }
  return summary;
}

/** The corpus steps alone (a queue's corpus job), through `Store.resolve`: what `analyzeInto` runs after storing. */
export async function resolveStore(store: Store, options: Pick<AnalyzeOptions, 'aliases' | 'onPhase'> = {}) {
  const summary: Pick<AnalyzeSummary, 'entities' | 'events' | 'stories'> = { entities: 0, events: 0 };
  await store.resolve(
    (db) => corpusSteps(db, options, summary, false),
    (place) => storySteps(place, options, summary),
    (step) => {
      summary.events = step.events;
    },
  );
  return summary;
}

/**
 * The corpus steps after storing: the analyst's article corrections kept, the corpus resolved (actors, events, claim
 * groups), a bulk load's deferred indexes rebuilt meanwhile. The story step follows (`storySteps`).
 */
async function corpusSteps(
  db: Db,
  options: Pick<AnalyzeOptions, 'aliases' | 'onPhase'>,
  summary: Pick<AnalyzeSummary, 'entities' | 'events' | 'stories'>,
  bulk: boolean,
): Promise<void> {
  // The analyst's splits and joins hold whatever this run stored (see `keepArticleCorrections`).
  try {
    await keepArticleCorrections(db);
  } catch (err) {
    if (bulk) finishBulkLoad(db);
    throw err;
  }
  // Always re-resolve: cheap next to analysis, and it picks up alias-file edits without new articles. Its
  // worker starts on the stored articles while this thread rebuilds the indexes a bulk load deferred.
  const resolving = startResolve(db, options.aliases);
  try {
    if (bulk) {
      options.onPhase?.('rebuild');
      finishBulkLoad(db);
    }
  } catch (err) {
    resolving.abandon();
    throw err;
  }
  options.onPhase?.('resolve');
  const resolved = await resolving.finish();
  summary.entities = resolved.entities;
  summary.events = resolved.events;
}

/**
 * The story step after the corpus resolve (near-duplicates have taken their originals' dates by then): new articles
 * placed in stories, on the resolve's SQLite connection or natively in a PostgreSQL store (`Store.resolve`).
 */
async function storySteps(
  place: StoryPlace,
  options: Pick<AnalyzeOptions, 'onPhase'>,
  summary: Pick<AnalyzeSummary, 'stories'>,
): Promise<void> {
  options.onPhase?.('stories');
  summary.stories = 'db' in place ? updateStories(place.db) : await updateStoriesOn(place.native);
  options.onPhase?.('done');
}

/**
 * The per-article part of an analysis: segment, analyze on worker threads, and store each article through `sink`
 * (skipping ones already stored, exact duplicates, and the articles an analyst's correction replaced). Answers the
 * summary so far and whether the run turned into a bulk load (its indexes are then still to rebuild).
 */
async function storeArticles(
  sink: ArticleSink,
  items: AsyncIterable<IngestItem>,
  options: AnalyzeOptions,
  replaced: ReadonlySet<string>,
): Promise<{ summary: AnalyzeSummary; bulk: boolean }> {
  const threads = options.threads ?? Math.min(4, Math.max(1, availableParallelism()));
  const batchSize = options.batchSize ?? 8;
  const pool = new AnalyzerPool(threads);
  const storedBefore = sink.storedBefore;
  const bulkMin = bulkLoadMin(options, storedBefore);
  let bulk = false;
  const dedup = options.noDedup ? null : new Deduplicator(sink.known());
  const fingerprints = new Map<string, Fingerprint>();
  const summary: AnalyzeSummary = {
    inputs: 0,
    seen: 0,
    added: 0,
    skipped: 0,
    failed: 0,
    exactDuplicates: 0,
    nearDuplicates: 0,
    inputErrors: [],
    articleErrors: [],
    totalArticles: 0,
    entities: 0,
    events: 0,
  };
  // Batches in flight, stored strictly in submission order so the store's order follows the input.
  const inflight: Array<Promise<ArticleResult[]>> = [];
  const maxInflight = Math.max(2, pool.threads * 2);
  const store = async (results: ArticleResult[]): Promise<void> => {
    for (const r of results) {
      if (r.ok) {
        const fp = fingerprints.get(r.record.id);
        fingerprints.delete(r.record.id);
        const { id } = r.record;
        await sink.add(r.record, fp, (added) => {
          if (added) {
            summary.added++;
            options.onStored?.(id);
            if (!bulk && sink.bulk && summary.added >= Math.max(bulkMin, storedBefore)) {
              sink.bulk.begin();
              bulk = true;
              options.onPhase?.('bulk-load');
            }
            // Read when stored: the writer may link a near-duplicate another worker stored meanwhile.
            if (r.record.duplicateOf) summary.nearDuplicates++;
          } else summary.skipped++;
        });
      } else {
        fingerprints.delete(r.id);
        summary.failed++;
        summary.articleErrors.push({ id: r.id, error: r.error });
        options.onProblem?.(r.id, r.error);
      }
    }
    options.onProgress?.(summary);
  };
  const seenIds = new Set<string>();
  // Each remembered article's own date, so a near-duplicate without one can take it (time/story-date.ts).
  const ownDates = new Map<string, DateEvidence | null>();
  let batch: Array<{ id: string; raw: RawArticle }> = [];
  options.onPhase?.('store');
  // A store that looks up what it holds of the articles about to be judged (PostgreSQL) is asked a chunk at a time.
  const lookup = sink.lookup?.bind(sink);
  try {
    for await (const chunk of chunksOf(
      articlesOf(items, pool, summary, options.onProblem),
      lookup ? LOOKUP_CHUNK : 1,
    )) {
      const prepared = chunk.map((raw) => {
        summary.seen++;
        // Every source checks its URLs; this is the last line before the store, whatever reads the input.
        const checked = httpUrl(raw.url);
        if (checked.warning) {
          raw.url = null;
          raw.warnings.push(checked.warning);
        }
        const id = articleId(raw);
        return { raw, id, fingerprint: lookup && dedup ? Deduplicator.fingerprint(raw.text) : undefined };
      });
      // Articles this run remembered already (written meanwhile) stay where the detector has them, after the stored.
      const stored =
        lookup && dedup
          ? (await lookup(prepared)).filter((k) => !seenIds.has(k.id)).map((k) => dedup.candidate(k))
          : [];
      if (lookup && !dedup) await lookup(prepared);
      for (const { raw, id, fingerprint } of prepared) {
        if (seenIds.has(id) || sink.has(id) || replaced.has(id)) {
          summary.skipped++;
          continue;
        }
        seenIds.add(id);
        if (dedup) {
          const verdict = fingerprint ? dedup.judge(fingerprint, stored) : dedup.check(raw.text);
          if (verdict.kind === 'exact') {
            summary.skipped++;
            summary.exactDuplicates++;
            continue;
          }
          if (verdict.kind === 'near') {
            raw.duplicateOf = verdict.of;
            raw.similarity = verdict.similarity;
            const original = ownDates.has(verdict.of) ? ownDates.get(verdict.of)! : await sink.ownDate(verdict.of);
            if (original) raw.dateEvidence = [...raw.dateEvidence, storyEvidence(original, verdict.of)];
          }
          ownDates.set(id, ownDate(raw));
          dedup.remember(id, verdict.fingerprint);
          fingerprints.set(id, verdict.fingerprint);
        }
        batch.push({ id, raw });
        if (batch.length >= batchSize) {
          inflight.push(pool.run(batch));
          batch = [];
          while (inflight.length >= maxInflight) await store(await inflight.shift()!);
        }
      }
    }
    if (batch.length > 0) inflight.push(pool.run(batch));
    while (inflight.length > 0) await store(await inflight.shift()!);
    await sink.flush();
    options.onProgress?.(summary);
  } catch (err) {
    await pool.close();
    if (bulk) sink.bulk?.finish();
    throw err;
  }
  await pool.close();
  return { summary, bulk };
}

/** Articles judged per look-up of what a PostgreSQL store holds of them (`ArticleSink.lookup`): one round trip each. */
const LOOKUP_CHUNK = 64;

/** `items` in arrays of up to `size`, each given as soon as it is full (or the items end). */
async function* chunksOf<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The alias file: `path` when given (must exist), else `./sitrep.aliases.json` when present. */
export function aliasFileFor(path: string | undefined): AliasFile {
  return path ? loadAliasFile(path) : loadAliasFile('sitrep.aliases.json', true);
}

/** Analyze files, folders and URLs (every source kind `readSources` reads) into the store at `dbPath` (a file or `postgres://…`). */
export async function analyzePaths(
  paths: readonly string[],
  dbPath: string,
  options: AnalyzeOptions = {},
): Promise<AnalyzeSummary> {
  const store = await openStore(dbPath);
  try {
    return await analyzeInto(
      store,
      readSources(paths, { allowPrivate: options.allowPrivate, fetch: options.fetch }),
      options,
    );
  } finally {
    await store.close();
  }
}
