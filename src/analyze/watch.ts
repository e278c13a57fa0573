import type { PageItem } from '../model/index.js';
import { FetchError, parseFeedEntries, PoliteFetcher, type FeedEntry, type PoliteOptions } from '../ingest/index.js';
import {
  addFeed,
  articleIdByOrigin,
  handledItemKeys,
  listFeeds,
  recordFeedItem,
  updateFeed,
  type Db,
  type FeedState,
} from '../store/index.js';
import { analyzeItems, type AnalyzeOptions, type AnalyzeSummary } from './run.js';

/**
 * Feed watching: poll RSS/Atom feeds (conditional GET), fetch the pages of new entries politely,
 * extract and analyze them into the store. One failing feed or page never stops the others; the
 * feeds' state (validators, failures, next check, handled entries) lives in the store.
 */
export interface WatchOptions extends Omit<AnalyzeOptions, 'onProblem'> {
  /** Poll interval in ms (default 15 minutes). */
  everyMs?: number;
  polite?: PoliteOptions;
  /** Poll every feed now, due or not. */
  force?: boolean;
  /** Most new entries taken from one feed per poll (default 200). */
  maxEntries?: number;
  log?: (message: string) => void;
  now?: () => Date;
}

export interface FeedPoll {
  feed: string;
  status: 'ok' | 'not-modified' | 'error' | 'not-due';
  newEntries: number;
  stored: number;
  errors: string[];
}

export interface PollRound {
  feeds: FeedPoll[];
  summary: AnalyzeSummary | null;
}

const DEFAULT_EVERY = 15 * 60_000;
/** Inline feed content shorter than this is a teaser, not an article. */
const MIN_INLINE_TEXT = 400;

/** Add feed URLs to watch (http/https only). Returns the ones that were new. */
export function watchFeeds(db: Db, urls: readonly string[]): string[] {
  const added: string[] = [];
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`not a URL: ${raw}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`feeds must be http or https URLs: ${raw}`);
    if (addFeed(db, url.href)) added.push(url.href);
  }
  return added;
}

function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function inlinePage(entry: FeedEntry, origin: string): PageItem | null {
  if (!entry.html || stripTags(entry.html).length < MIN_INLINE_TEXT) return null;
  const title = entry.title
    ? `<title>${entry.title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</title>`
    : '';
  return {
    kind: 'page',
    origin,
    url: entry.url,
    html: `<html><head>${title}</head><body><article>${entry.html}</article></body></html>`,
    hints: { title: entry.title, published: entry.published },
  };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One poll of the given feeds (all watched feeds when `urls` is null). */
export async function pollFeeds(
  db: Db,
  urls: readonly string[] | null,
  options: WatchOptions = {},
): Promise<PollRound> {
  const now = options.now ?? (() => new Date());
  const every = options.everyMs ?? DEFAULT_EVERY;
  const log = options.log ?? (() => undefined);
  const fetcher = new PoliteFetcher({ ...options.polite, allowPrivate: options.allowPrivate });
  const wanted = urls ? new Set(urls) : null;
  const feeds = listFeeds(db).filter((f) => !wanted || wanted.has(f.url));
  const polls: FeedPoll[] = [];
  // Entries handed to analysis, by page origin, to record their outcome afterwards.
  const pending = new Map<string, { feed: FeedPoll; entry: FeedEntry }>();
  const problems = new Map<string, string>();

  const due = (f: FeedState): boolean =>
    options.force === true || !f.nextCheck || Date.parse(f.nextCheck) <= now().getTime();

  async function* items(): AsyncGenerator<PageItem> {
    for (const feed of feeds) {
      const poll: FeedPoll = { feed: feed.url, status: 'ok', newEntries: 0, stored: 0, errors: [] };
      polls.push(poll);
      if (!due(feed)) {
        poll.status = 'not-due';
        continue;
      }
      const checked = now().toISOString();
      const headers: Record<string, string> = {};
      if (feed.etag) headers['if-none-match'] = feed.etag;
      if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
      let entries: FeedEntry[];
      try {
        const res = await fetcher.fetch(feed.url, { accept: 'feed', headers });
        if (res.notModified) {
          poll.status = 'not-modified';
          updateFeed(db, feed.url, {
            lastChecked: checked,
            lastOk: checked,
            lastError: null,
            failures: 0,
            nextCheck: new Date(now().getTime() + every).toISOString(),
          });
          log(`${feed.url}: not modified`);
          continue;
        }
        const parsed = parseFeedEntries(res.body.toString('utf8'), res.url);
        const handled = handledItemKeys(db, feed.url);
        entries = parsed.entries.filter((e) => !handled.has(e.key)).slice(0, options.maxEntries ?? 200);
        updateFeed(db, feed.url, {
          title: parsed.title ?? feed.title,
          etag: res.headers.etag ?? null,
          lastModified: res.headers['last-modified'] ?? null,
          lastChecked: checked,
          lastOk: checked,
          lastError: null,
          failures: 0,
          nextCheck: new Date(now().getTime() + every).toISOString(),
          itemsSeen: feed.itemsSeen + entries.length,
        });
      } catch (err) {
        const failures = feed.failures + 1;
        // Back off a failing feed: the interval doubles per failure, up to 16×.
        const wait = every * 2 ** Math.min(4, failures - 1);
        poll.status = 'error';
        poll.errors.push(message(err));
        updateFeed(db, feed.url, {
          lastChecked: checked,
          lastError: message(err),
          failures,
          nextCheck: new Date(now().getTime() + wait).toISOString(),
        });
        log(`${feed.url}: ${message(err)}`);
        continue;
      }
      poll.newEntries = entries.length;
      log(`${feed.url}: ${entries.length} new entr${entries.length === 1 ? 'y' : 'ies'}`);
      for (const entry of entries) {
        const origin = entry.url ?? `${feed.url}#${entry.key}`;
        let item: PageItem | null = null;
        let failure: string | null = null;
        if (entry.url) {
          try {
            const res = await fetcher.fetch(entry.url, { accept: 'html' });
            item = {
              kind: 'page',
              origin,
              url: res.url,
              html: new Uint8Array(res.body.buffer, res.body.byteOffset, res.body.byteLength),
              contentType: res.contentType,
              hints: { title: entry.title, published: entry.published },
            };
          } catch (err) {
            failure = err instanceof FetchError ? err.message : message(err);
          }
        }
        item ??= inlinePage(entry, origin);
        if (!item) {
          const error = failure ?? 'entry has no link and no article text';
          poll.errors.push(`${origin}: ${error}`);
          recordFeedItem(db, feed.url, { key: entry.key, url: entry.url, status: 'error', error });
          continue;
        }
        pending.set(origin, { feed: poll, entry });
        yield item;
      }
    }
  }

  let summary: AnalyzeSummary | null = null;
  summary = await analyzeItems(db, items(), { ...options, onProblem: (origin, error) => problems.set(origin, error) });
  for (const [origin, { feed, entry }] of pending) {
    const error = problems.get(origin);
    const articleId = articleIdByOrigin(db, origin);
    if (error) {
      feed.errors.push(`${origin}: ${error}`);
      recordFeedItem(db, feed.feed, { key: entry.key, url: entry.url, status: 'error', error });
    } else if (articleId) {
      feed.stored++;
      recordFeedItem(db, feed.feed, { key: entry.key, url: entry.url, status: 'stored', articleId });
    } else {
      recordFeedItem(db, feed.feed, {
        key: entry.key,
        url: entry.url,
        status: 'skipped',
        error: 'duplicate of a stored article',
      });
    }
  }
  for (const p of polls) {
    if (p.stored > 0) {
      const f = listFeeds(db).find((x) => x.url === p.feed);
      if (f) updateFeed(db, p.feed, { articlesAdded: f.articlesAdded + p.stored });
    }
  }
  return { feeds: polls, summary };
}

/** When the next watched feed is due (ms from now, at least 0), or null without feeds. */
export function nextDueIn(db: Db, now: Date = new Date()): number | null {
  const feeds = listFeeds(db);
  if (feeds.length === 0) return null;
  const times = feeds.map((f) => (f.nextCheck ? Date.parse(f.nextCheck) : 0));
  return Math.max(0, Math.min(...times) - now.getTime());
}

/** Parse an interval such as `15m`, `90s`, `1h` or `2.5h` into ms. */
export function parseInterval(raw: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i.exec(raw.trim());
  if (!m) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'm').toLowerCase() as 'ms'];
  const ms = Number(m[1]) * unit;
  return ms > 0 ? ms : null;
}
