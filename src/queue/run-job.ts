import { createReadStream } from 'node:fs';
import type { IngestItem } from '../model/index.js';
import { readSources, warcItems } from '../ingest/index.js';
import {
  analyzeInto,
  analyzeItems,
  pollFeeds,
  resolveStore,
  watchFeeds,
  type AnalyzeOptions,
  type AnalyzeSummary,
} from '../analyze/index.js';
import { isPostgresUrl, openDb, openStore, type Db } from '../store/index.js';
import type { JobInput } from './jobs.js';

/** What a finished job reports (kept as the job's output in the queue; `sitrep status` sums `added`). */
export interface JobOutcome {
  seen: number;
  added: number;
  skipped: number;
  failed: number;
  /** Problems with single records (the job still succeeded): at most a few, for the UI. */
  problems: string[];
}

export interface RunJobOptions extends Pick<AnalyzeOptions, 'threads' | 'allowPrivate' | 'fetch' | 'onStored'> {
  /** Feed politeness (ms between requests to one host). */
  delayMs?: number;
}

const MAX_PROBLEMS = 5;

/** The ingest items of a job's input: the same readers `sitrep analyze` uses. */
export function jobItems(input: JobInput, options: RunJobOptions = {}): AsyncIterable<IngestItem> {
  switch (input.kind) {
    case 'file':
      return readSources([input.path]);
    case 'warc': {
      const bytes = createReadStream(input.path, { start: input.start, end: input.end - 1, highWaterMark: 1 << 16 });
      return warcItems(input.path, bytes as AsyncIterable<Buffer>, input.start);
    }
    case 'page':
      return readSources([input.url], { allowPrivate: options.allowPrivate, fetch: options.fetch });
    case 'feed':
      throw new Error('a feed poll has no ingest items of its own');
  }
}

function outcome(s: AnalyzeSummary | null): JobOutcome {
  if (!s) return { seen: 0, added: 0, skipped: 0, failed: 0, problems: [] };
  const problems = [
    ...s.inputErrors.map((e) => `${e.origin}: ${e.error}`),
    ...s.articleErrors.map((e) => `${e.id}: ${e.error}`),
  ];
  return {
    seen: s.seen,
    added: s.added,
    skipped: s.skipped,
    failed: s.failed,
    problems: problems.slice(0, MAX_PROBLEMS),
  };
}

/**
 * Analyze one job's input into the store at `dbPath`, through `analyzeItems` as `sitrep analyze` does, but without
 * the corpus steps (resolve, stories): those run as one coalesced job after many article jobs (`runCorpusJob`).
 * Never a bulk load: other workers write to the same store at the same time and must find its indexes in place.
 * A job whose every input failed throws, so the queue retries it and at last quarantines it with the error.
 */
export async function runJob(input: JobInput, dbPath: string, options: RunJobOptions = {}): Promise<JobOutcome> {
  const analyze: AnalyzeOptions = {
    threads: options.threads ?? 0,
    allowPrivate: options.allowPrivate,
    fetch: options.fetch,
    onStored: options.onStored,
    bulkLoadMin: Number.POSITIVE_INFINITY,
    corpus: false,
  };
  const pollFeed = async (db: Db): Promise<JobOutcome> => {
    if (input.kind !== 'feed') throw new Error('not a feed job');
    watchFeeds(db, [input.url]);
    const round = await pollFeeds(db, [input.url], {
      ...analyze,
      force: true,
      polite: { delayMs: options.delayMs ?? 1000 },
    });
    const poll = round.feeds[0];
    if (poll?.status === 'error') throw new Error(poll.errors[0] ?? 'the feed poll failed');
    return outcome(round.summary);
  };
  const checked = (summary: AnalyzeSummary): JobOutcome => {
    if (summary.seen === 0 && summary.inputErrors.length > 0) {
      const e = summary.inputErrors[0]!;
      throw new Error(`${e.origin}: ${e.error}`);
    }
    return outcome(summary);
  };
  if (isPostgresUrl(dbPath)) {
    // Articles go straight into PostgreSQL, beside other workers' (`Store.articles`); a feed poll, which also keeps
    // the feed's state, goes through a working copy (`Store.write`).
    const store = await openStore(dbPath);
    try {
      if (input.kind === 'feed') return await store.write(pollFeed);
      return checked(await analyzeInto(store, jobItems(input, options), analyze));
    } finally {
      await store.close();
    }
  }
  const db = openDb(dbPath);
  try {
    if (input.kind === 'feed') return await pollFeed(db);
    return checked(await analyzeItems(db, jobItems(input, options), analyze));
  } finally {
    db.close();
  }
}

/**
 * Resolve the corpus and place new articles in stories: what `sitrep analyze` does after storing its articles.
 * Without `aliases`, the alias file kept in the store applies.
 */
export async function runCorpusJob(dbPath: string, options: Pick<AnalyzeOptions, 'aliases'> = {}): Promise<void> {
  if (isPostgresUrl(dbPath)) {
    // One resolve at a time under the store's lock; article jobs go on writing meanwhile (`Store.resolve`).
    const store = await openStore(dbPath);
    try {
      await resolveStore(store, { aliases: options.aliases });
    } finally {
      await store.close();
    }
    return;
  }
  const db = openDb(dbPath);
  try {
    await analyzeItems(db, (async function* () {})(), { threads: 0, aliases: options.aliases });
  } finally {
    db.close();
  }
}
