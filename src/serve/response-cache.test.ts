import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../store/index.js';
import { responseCache } from './response-cache.js';

let path: string;
let db: Db;
let writer: Db;

beforeAll(() => {
  path = join(mkdtempSync(join(tmpdir(), 'sitrep-cache-')), 'cache.db');
  db = openDb(path);
  writer = openDb(path);
});

afterAll(() => {
  db?.close();
  writer?.close();
});

/** An app whose answer counts how often it ran and what the store says. */
function app(staleMs: number): { app: Hono; runs: () => number } {
  let runs = 0;
  const a = new Hono();
  a.use('*', responseCache(db, { staleMs }));
  a.get('/n', (c) => {
    runs++;
    return c.json({ feeds: db.prepare('SELECT COUNT(*) FROM feeds').pluck().get() }, 200);
  });
  a.get('/missing', (c) => c.json({ error: 'no' }, 404));
  return { app: a, runs: () => runs };
}

const addFeed = (d: Db, url: string): void => {
  d.prepare('INSERT INTO feeds (url) VALUES (?)').run(url);
};

describe('responseCache', () => {
  it('answers a repeated GET from memory with an ETag, and 304 to If-None-Match', async () => {
    const { app: a, runs } = app(1000);
    const first = await a.request('/n');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const second = await a.request('/n');
    expect(await second.json()).toEqual(await first.json());
    expect(second.headers.get('etag')).toBe(etag);
    expect(runs()).toBe(1);
    const revalidated = await a.request('/n', { headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(runs()).toBe(1);
  });

  it('answers afresh once the store changed and the allowed staleness has passed', async () => {
    const exact = app(0);
    const before = (await (await exact.app.request('/n')).json()) as { feeds: number };
    addFeed(writer, `https://example.org/feed-${Date.now()}`);
    const after = (await (await exact.app.request('/n')).json()) as { feeds: number };
    expect(after.feeds).toBe(before.feeds + 1);
    expect(exact.runs()).toBe(2);
    // A write on the cache's own connection counts as a change too.
    addFeed(db, `https://example.org/own-${Date.now()}`);
    const own = (await (await exact.app.request('/n')).json()) as { feeds: number };
    expect(own.feeds).toBe(after.feeds + 1);
  });

  it('serves an answer made before a change for at most the allowed staleness', async () => {
    const stale = app(60_000);
    const before = (await (await stale.app.request('/n')).json()) as { feeds: number };
    addFeed(writer, `https://example.org/late-${Date.now()}`);
    const within = (await (await stale.app.request('/n')).json()) as { feeds: number };
    expect(within.feeds).toBe(before.feeds);
    expect(stale.runs()).toBe(1);
  });

  it('keeps only successful answers', async () => {
    const { app: a } = app(1000);
    const res = await a.request('/missing');
    expect(res.status).toBe(404);
    expect(res.headers.get('etag')).toBeNull();
  });

  it('keeps bodies up to its bound in UTF-8 bytes, as sent, and serves them intact', async () => {
    let runs = 0;
    const a = new Hono();
    a.use('*', responseCache(db, { maxBytes: 3000 }));
    // About 1,000 characters and 2,000 bytes each: two fit the bound by characters, not by bytes.
    a.get('/text/:k', (c) => {
      runs++;
      return c.json({ k: c.req.param('k'), text: 'é'.repeat(1000) }, 200);
    });
    const first = await (await a.request('/text/a')).json();
    expect(first.text).toBe('é'.repeat(1000));
    expect((await (await a.request('/text/a')).json()).text).toBe('é'.repeat(1000));
    expect(runs).toBe(1);
    await a.request('/text/b');
    expect(runs).toBe(2);
    // b pushed a out: both would pass 3,000 bytes.
    await a.request('/text/a');
    expect(runs).toBe(3);
  });

  it('past the staleness bound, serves the old answer at once while one background request makes the next', async () => {
    let runs = 0;
    let open!: () => void;
    // The refresh waits here until the test has asked twice more.
    let gate: Promise<void> = Promise.resolve();
    const refreshed: Array<Promise<unknown>> = [];
    const a = new Hono();
    a.use(
      '*',
      responseCache(db, {
        staleMs: 30,
        maxStaleMs: 60_000,
        refresh: (request) => {
          const p = Promise.resolve(a.fetch(request));
          refreshed.push(p);
          return p;
        },
      }),
    );
    a.get('/n', async (c) => {
      runs++;
      await gate;
      return c.json({ feeds: db.prepare('SELECT COUNT(*) FROM feeds').pluck().get() as number }, 200);
    });
    const before = (await (await a.request('/n')).json()) as { feeds: number };
    addFeed(writer, `https://example.org/swr-${Date.now()}`);
    await new Promise((r) => setTimeout(r, 60));
    gate = new Promise((r) => {
      open = r;
    });
    // Older than staleMs after another connection's write: the old answer, twice, and one refresh for both.
    expect(((await (await a.request('/n')).json()) as { feeds: number }).feeds).toBe(before.feeds);
    expect(((await (await a.request('/n')).json()) as { feeds: number }).feeds).toBe(before.feeds);
    expect(refreshed).toHaveLength(1);
    open();
    await Promise.all(refreshed);
    expect(runs).toBe(2);
    // The refresh's answer is the one kept.
    expect(((await (await a.request('/n')).json()) as { feeds: number }).feeds).toBe(before.feeds + 1);
    expect(runs).toBe(2);
    // A write on the cache's own connection is never answered from before it.
    addFeed(db, `https://example.org/swr-own-${Date.now()}`);
    expect(((await (await a.request('/n')).json()) as { feeds: number }).feeds).toBe(before.feeds + 2);
    expect(refreshed).toHaveLength(1);
  });

  it('past the longest staleness, makes the client wait for a fresh answer', async () => {
    let runs = 0;
    const a = new Hono();
    a.use(
      '*',
      responseCache(db, { staleMs: 10, maxStaleMs: 40, refresh: (request) => Promise.resolve(a.fetch(request)) }),
    );
    a.get('/n', (c) => {
      runs++;
      return c.json({ feeds: db.prepare('SELECT COUNT(*) FROM feeds').pluck().get() as number }, 200);
    });
    const before = (await (await a.request('/n')).json()) as { feeds: number };
    addFeed(writer, `https://example.org/late-swr-${Date.now()}`);
    await new Promise((r) => setTimeout(r, 80));
    expect(((await (await a.request('/n')).json()) as { feeds: number }).feeds).toBe(before.feeds + 1);
    expect(runs).toBe(2);
  });

  it('holds back a refused refresh: many hits on a stale answer start one, retried only after the interval', async () => {
    let runs = 0;
    let refreshes = 0;
    // The readers are busy with clients: every refresh is refused at once and keeps nothing.
    const refused = (): Promise<unknown> => {
      refreshes++;
      return Promise.resolve(null);
    };
    const a = new Hono();
    a.use('*', responseCache(db, { staleMs: 20, maxStaleMs: 60_000, refreshRetryMs: 150, refresh: refused }));
    a.get('/n', (c) => {
      runs++;
      return c.json({ feeds: db.prepare('SELECT COUNT(*) FROM feeds').pluck().get() as number }, 200);
    });
    const before = (await (await a.request('/n')).json()) as { feeds: number };
    addFeed(writer, `https://example.org/refused-${Date.now()}`);
    await new Promise((r) => setTimeout(r, 40));
    for (let i = 0; i < 50; i++)
      expect(((await (await a.request('/n')).json()) as { feeds: number }).feeds).toBe(before.feeds);
    expect(refreshes).toBe(1);
    expect(runs).toBe(1);
    // Past the interval, the next hit tries again (still served the old answer, within maxStaleMs).
    await new Promise((r) => setTimeout(r, 200));
    expect(((await (await a.request('/n')).json()) as { feeds: number }).feeds).toBe(before.feeds);
    await a.request('/n');
    expect(refreshes).toBe(2);
  });

  it('lets the next stale answer refresh at once after a refresh that kept its answer', async () => {
    let runs = 0;
    const refreshed: Array<Promise<unknown>> = [];
    const a = new Hono();
    a.use(
      '*',
      responseCache(db, {
        staleMs: 20,
        maxStaleMs: 60_000,
        refreshRetryMs: 60_000,
        refresh: (request) => {
          const p = Promise.resolve(a.fetch(request));
          refreshed.push(p);
          return p;
        },
      }),
    );
    a.get('/n', (c) => {
      runs++;
      return c.json({ feeds: db.prepare('SELECT COUNT(*) FROM feeds').pluck().get() as number }, 200);
    });
    const before = (await (await a.request('/n')).json()) as { feeds: number };
    for (let round = 1; round <= 2; round++) {
      addFeed(writer, `https://example.org/kept-${round}-${Date.now()}`);
      await new Promise((r) => setTimeout(r, 40));
      await a.request('/n');
      expect(refreshed).toHaveLength(round);
      await Promise.all(refreshed);
      expect(((await (await a.request('/n')).json()) as { feeds: number }).feeds).toBe(before.feeds + round);
    }
    expect(runs).toBe(3);
  });
});
