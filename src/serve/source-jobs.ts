import { analyzeItems, pollFeeds, watchFeeds, type AnalyzeSummary, type FeedPoll } from '../analyze/index.js';
import { readSources } from '../ingest/index.js';
import type { IngestItem } from '../model/index.js';
import { articleIdByOrigin, getFeed, type Db } from '../store/index.js';

/** What the Sources API asks for in the background: add one page, or watch (and poll) one feed. */
export type SourceJob = { kind: 'page'; url: string } | { kind: 'feed'; url: string; watch: boolean };

export type PageOutcome =
  | { ok: true; articleId: string; added: number; duplicate: boolean }
  | { ok: false; error: string; summary?: AnalyzeSummary };

export interface FeedOutcome {
  ok: true;
  feed: ReturnType<typeof getFeed>;
  poll: FeedPoll | null;
}

export type JobOutcome = PageOutcome | FeedOutcome;

export interface JobSettings {
  allowPrivate?: boolean;
  /** Politeness delay between requests to one host, ms. */
  delayMs?: number;
}

async function* replay(items: IngestItem[]): AsyncGenerator<IngestItem> {
  yield* items;
}

/**
 * Fetch a page and analyze it into the store. The page is fetched first: a refused or failed fetch, or a page
 * already stored, answers at once and never starts an analysis (nor the corpus re-resolve that ends one).
 */
async function addPage(db: Db, url: string, settings: JobSettings): Promise<PageOutcome> {
  const items: IngestItem[] = [];
  for await (const item of readSources([url], { allowPrivate: settings.allowPrivate })) items.push(item);
  const failed = items.find((i) => i.kind === 'error');
  if (items.every((i) => i.kind === 'error'))
    return {
      ok: false,
      error: failed
        ? failed.origin === url
          ? failed.error
          : `${failed.origin}: ${failed.error}`
        : 'nothing at that URL',
    };
  if (articleIdByOrigin(db, url)) return { ok: false, error: 'the page added no article (already stored?)' };
  const problems: string[] = [];
  const summary = await analyzeItems(db, replay(items), {
    threads: 0,
    onProblem: (origin, error) => problems.push(origin === url ? error : `${origin}: ${error}`),
  });
  const articleId = articleIdByOrigin(db, url);
  if (problems.length > 0 || !articleId)
    return { ok: false, error: problems[0] ?? 'the page added no article (already stored?)', summary };
  return { ok: true, articleId, added: summary.added, duplicate: summary.nearDuplicates > 0 };
}

async function pollFeed(db: Db, url: string, watch: boolean, settings: JobSettings): Promise<FeedOutcome> {
  if (watch) watchFeeds(db, [url]);
  const polite = { delayMs: settings.delayMs ?? 1000, attempts: 2, backoffMs: 500 };
  const round = await pollFeeds(db, [url], { threads: 0, force: true, allowPrivate: settings.allowPrivate, polite });
  return { ok: true, feed: getFeed(db, url), poll: round.feeds[0] ?? null };
}

export function runSourceJob(db: Db, job: SourceJob, settings: JobSettings): Promise<JobOutcome> {
  return job.kind === 'page' ? addPage(db, job.url, settings) : pollFeed(db, job.url, job.watch, settings);
}
