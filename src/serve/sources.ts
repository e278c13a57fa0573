import { Hono } from 'hono';
import { getFeed, listFeeds, recentFeedItems, removeFeed, type Db } from '../store/index.js';
import type { JobQueue, JobStatus } from './jobs.js';

/**
 * The Sources API: add a page URL (fetched through the same guard as the CLI, extracted and analyzed) or a
 * feed to watch (polled once now; `sitrep watch` keeps polling it), list feeds and their state. Fetching and
 * analysis run as background jobs (`/jobs/:id` tells their state); a POST waits for its job unless it says
 * `"wait": false`. The API guard (`guard.ts`) lets only same-origin JSON with the store's token write.
 */
export interface SourcesOptions {
  allowPrivate?: boolean;
  /** Politeness delay between requests to one host, ms (tests use 0). */
  delayMs?: number;
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

/** The JSON body's `url` and `wait` (a body that is not a JSON object has neither). */
async function body(req: { json(): Promise<unknown> }): Promise<{ url: string | null; wait: boolean }> {
  const b = (await req.json().catch(() => null)) as { url?: unknown; wait?: unknown } | null;
  return { url: httpUrl(b?.url), wait: b?.wait !== false };
}

const brokeMessage = (s: JobStatus): string => `the job failed: ${s.error ?? 'no answer'}`;

export function sourcesRoutes(db: Db, jobs: JobQueue, options: SourcesOptions = {}) {
  return new Hono()
    .get('/feeds', (c) => c.json({ allowPrivate: options.allowPrivate === true, feeds: listFeeds(db) }, 200))
    .get('/feeds/items', (c) => {
      const url = c.req.query('url') ?? '';
      return getFeed(db, url)
        ? c.json({ url, items: recentFeedItems(db, url) }, 200)
        : c.json({ error: 'no such feed' }, 404);
    })
    .get('/jobs', (c) => c.json({ jobs: jobs.list() }, 200))
    .get('/jobs/:id', (c) => {
      const job = jobs.get(c.req.param('id'));
      return job ? c.json(job, 200) : c.json({ error: 'no such job' }, 404);
    })
    .post('/pages', async (c) => {
      const { url, wait } = await body(c.req);
      if (!url) return c.json({ error: 'give an http or https URL' }, 400);
      const job = jobs.submit({ kind: 'page', url });
      if (!wait) return c.json({ job }, 202);
      const done = await jobs.finished(job.id);
      const out = done.outcome;
      if (!out || !('articleId' in out)) {
        if (out && !out.ok) return c.json({ error: out.error, summary: out.summary, job: done.id }, 422);
        return c.json({ error: brokeMessage(done), job: done.id }, 503);
      }
      return c.json({ articleId: out.articleId, added: out.added, duplicate: out.duplicate, job: done.id }, 200);
    })
    .post('/feeds', async (c) => {
      const { url, wait } = await body(c.req);
      if (!url) return c.json({ error: 'give an http or https feed URL' }, 400);
      const job = jobs.submit({ kind: 'feed', url, watch: true });
      if (!wait) return c.json({ job }, 202);
      const done = await jobs.finished(job.id);
      const out = done.outcome;
      if (!out || !('poll' in out)) return c.json({ error: brokeMessage(done), job: done.id }, 503);
      return c.json({ feed: out.feed, poll: out.poll, job: done.id }, 200);
    })
    .post('/feeds/poll', async (c) => {
      const { url, wait } = await body(c.req);
      if (!url || !getFeed(db, url)) return c.json({ error: 'no such feed' }, 404);
      const job = jobs.submit({ kind: 'feed', url, watch: false });
      if (!wait) return c.json({ job }, 202);
      const done = await jobs.finished(job.id);
      const out = done.outcome;
      if (!out || !('poll' in out)) return c.json({ error: brokeMessage(done), job: done.id }, 503);
      return c.json({ feed: out.feed, poll: out.poll, job: done.id }, 200);
    })
    .post('/feeds/remove', async (c) => {
      const { url } = await body(c.req);
      if (!url || !removeFeed(db, url)) return c.json({ error: 'no such feed' }, 404);
      return c.json({ removed: url }, 200);
    });
}
