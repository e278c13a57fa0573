import type { Hono } from 'hono';
import { analyzeItems, pollFeeds, watchFeeds } from '../analyze/index.js';
import { readSources } from '../ingest/index.js';
import { articleIdByOrigin, getFeed, listFeeds, recentFeedItems, removeFeed, type Db } from '../store/index.js';

/**
 * The Sources API: add a page URL (fetched through the same guard as the CLI, extracted and analyzed
 * now) or a feed to watch (polled once now; `sitrep watch` keeps polling it), list feeds and their state.
 * State-changing routes take JSON only and refuse cross-origin requests, so a web page cannot drive
 * the local server to fetch for it.
 */
export interface SourcesOptions {
  allowPrivate?: boolean;
  /** Politeness delay between requests to one host, ms (tests use 0). */
  delayMs?: number;
}

/** One fetch/analysis job at a time: they write to the one store. */
function serialize(): <T>(job: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const next = last.then(job, job);
    last = next.catch(() => undefined);
    return next;
  };
}

function httpUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function sourcesRoutes(app: Hono, db: Db, options: SourcesOptions = {}): void {
  const run = serialize();
  const polite = { delayMs: options.delayMs ?? 1000, attempts: 2, backoffMs: 500 };

  app.use('/api/sources/*', async (c, next) => {
    if (c.req.method !== 'GET') {
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
        return c.json({ error: 'send JSON (Content-Type: application/json)' }, 415);
      const origin = c.req.header('origin');
      if (origin && new URL(c.req.url).host !== safeHost(origin))
        return c.json({ error: 'cross-origin requests are refused' }, 403);
    }
    return next();
  });

  app.get('/api/sources/feeds', (c) => c.json({ allowPrivate: options.allowPrivate === true, feeds: listFeeds(db) }));
  app.get('/api/sources/feeds/items', (c) => {
    const url = c.req.query('url') ?? '';
    return getFeed(db, url) ? c.json({ url, items: recentFeedItems(db, url) }) : c.json({ error: 'no such feed' }, 404);
  });

  app.post('/api/sources/pages', async (c) => {
    const url = httpUrl(((await c.req.json().catch(() => ({}))) as { url?: unknown }).url);
    if (!url) return c.json({ error: 'give an http or https URL' }, 400);
    return run(async () => {
      const problems: string[] = [];
      const summary = await analyzeItems(db, readSources([url], { allowPrivate: options.allowPrivate }), {
        threads: 0,
        onProblem: (origin, error) => problems.push(origin === url ? error : `${origin}: ${error}`),
      });
      const articleId = articleIdByOrigin(db, url);
      if (problems.length > 0 || !articleId)
        return c.json({ error: problems[0] ?? 'the page added no article (already stored?)', summary }, 422);
      return c.json({ articleId, added: summary.added, duplicate: summary.nearDuplicates > 0 });
    });
  });

  app.post('/api/sources/feeds', async (c) => {
    const url = httpUrl(((await c.req.json().catch(() => ({}))) as { url?: unknown }).url);
    if (!url) return c.json({ error: 'give an http or https feed URL' }, 400);
    return run(async () => {
      watchFeeds(db, [url]);
      const round = await pollFeeds(db, [url], { threads: 0, force: true, allowPrivate: options.allowPrivate, polite });
      return c.json({ feed: getFeed(db, url), poll: round.feeds[0] ?? null });
    });
  });

  app.post('/api/sources/feeds/poll', async (c) => {
    const url = httpUrl(((await c.req.json().catch(() => ({}))) as { url?: unknown }).url);
    if (!url || !getFeed(db, url)) return c.json({ error: 'no such feed' }, 404);
    return run(async () => {
      const round = await pollFeeds(db, [url], { threads: 0, force: true, allowPrivate: options.allowPrivate, polite });
      return c.json({ feed: getFeed(db, url), poll: round.feeds[0] ?? null });
    });
  });

  app.post('/api/sources/feeds/remove', async (c) => {
    const url = httpUrl(((await c.req.json().catch(() => ({}))) as { url?: unknown }).url);
    if (!url || !removeFeed(db, url)) return c.json({ error: 'no such feed' }, 404);
    return c.json({ removed: url });
  });
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
