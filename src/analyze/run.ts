import { availableParallelism } from 'node:os';
import type { IngestItem, RawArticle } from '../model/index.js';
import { segmentDump } from '../segment/index.js';
import { loadAliasFile, type AliasFile } from '../resolve/index.js';
import { articleCount, articleId, articleWriter, openDb, type Db } from '../store/index.js';
import { readInputs } from './inputs.js';
import { AnalyzerPool, type ArticleResult } from './pool.js';
import { resolveCorpus } from './resolve-corpus.js';

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
}

export interface AnalyzeProgress {
  seen: number;
  added: number;
  skipped: number;
  failed: number;
}

export interface AnalyzeSummary extends AnalyzeProgress {
  inputs: number;
  inputErrors: Array<{ origin: string; error: string }>;
  articleErrors: Array<{ id: string; error: string }>;
  totalArticles: number;
  entities: number;
  events: number;
}

/** Raw articles out of ingest items: dumps are segmented, ready articles pass through. */
async function* articlesOf(items: AsyncIterable<IngestItem>, summary: AnalyzeSummary, onProblem?: AnalyzeOptions['onProblem']): AsyncGenerator<RawArticle> {
  for await (const item of items) {
    summary.inputs++;
    if (item.kind === 'error') {
      summary.inputErrors.push({ origin: item.origin, error: item.error });
      onProblem?.(item.origin, item.error);
      continue;
    }
    if (item.kind === 'article') {
      yield item.article;
      continue;
    }
    let n = 0;
    for await (const a of segmentDump(item.lines, item.origin)) {
      n++;
      if (item.warnings.length > 0) a.warnings.push(...item.warnings);
      yield a;
    }
    if (n === 0) {
      const error = 'no articles found (the file holds no paragraphs of text)';
      summary.inputErrors.push({ origin: item.origin, error });
      onProblem?.(item.origin, error);
    }
  }
}

/**
 * Analyze ingest items into a store: segment, run the per-article pipeline on worker threads, store
 * each article in its own transaction (skipping ones already stored), then resolve the corpus.
 */
export async function analyzeItems(db: Db, items: AsyncIterable<IngestItem>, options: AnalyzeOptions = {}): Promise<AnalyzeSummary> {
  const threads = options.threads ?? Math.min(4, Math.max(1, availableParallelism()));
  const batchSize = options.batchSize ?? 8;
  const pool = new AnalyzerPool(threads);
  const writer = articleWriter(db);
  const summary: AnalyzeSummary = {
    inputs: 0, seen: 0, added: 0, skipped: 0, failed: 0,
    inputErrors: [], articleErrors: [], totalArticles: 0, entities: 0, events: 0,
  };
  // Batches in flight, stored strictly in submission order so the store's order follows the input.
  const inflight: Array<Promise<ArticleResult[]>> = [];
  const maxInflight = Math.max(2, pool.threads * 2);
  const store = (results: ArticleResult[]): void => {
    for (const r of results) {
      if (r.ok) {
        if (writer.insert(r.doc)) summary.added++;
        else summary.skipped++;
      } else {
        summary.failed++;
        summary.articleErrors.push({ id: r.id, error: r.error });
        options.onProblem?.(r.id, r.error);
      }
    }
    options.onProgress?.(summary);
  };
  const seenIds = new Set<string>();
  let batch: Array<{ id: string; raw: RawArticle }> = [];
  try {
    for await (const raw of articlesOf(items, summary, options.onProblem)) {
      summary.seen++;
      const id = articleId(raw);
      if (seenIds.has(id) || writer.has(id)) {
        summary.skipped++;
        continue;
      }
      seenIds.add(id);
      batch.push({ id, raw });
      if (batch.length >= batchSize) {
        inflight.push(pool.run(batch));
        batch = [];
        while (inflight.length >= maxInflight) store(await inflight.shift()!);
      }
    }
    if (batch.length > 0) inflight.push(pool.run(batch));
    while (inflight.length > 0) store(await inflight.shift()!);
  } finally {
    await pool.close();
  }
  // Always re-resolve: cheap next to analysis, and it picks up alias-file edits without new articles.
  const resolved = resolveCorpus(db, options.aliases);
  summary.entities = resolved.entities.length;
  summary.events = resolved.events.length;
  summary.totalArticles = articleCount(db);
  return summary;
}

/** The alias file: `path` when given (must exist), else `./sitrep.aliases.json` when present. */
export function aliasFileFor(path: string | undefined): AliasFile {
  return path ? loadAliasFile(path) : loadAliasFile('sitrep.aliases.json', true);
}

/** Analyze files and folders into the store at `dbPath`. */
export async function analyzePaths(paths: readonly string[], dbPath: string, options: AnalyzeOptions = {}): Promise<AnalyzeSummary> {
  const db = openDb(dbPath);
  try {
    return await analyzeItems(db, readInputs(paths), options);
  } finally {
    db.close();
  }
}
