import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEntities, type Db } from '../store/index.js';
import { readRoutes } from './api.js';
import { createApp, type ServedApp } from './app.js';
import { exampleStore } from './test-store.js';
import { ReadPool } from './read-pool.js';
import { refreshRequest } from './response-cache.js';
import { storeToken } from './token.js';

let db: Db;
let local: ServedApp;
let pooled: ServedApp;
let pool: ReadPool;

beforeAll(async () => {
  ({ db } = await exampleStore('readers'));
  local = createApp(db);
  // Answers and counts may be a minute older than the store after another connection's write: not after its own.
  pooled = createApp(db, { readers: 2, responseCache: { staleMs: 60_000 } });
  pool = new ReadPool(db, 1, ['/api/articles', '/api/articles/:id'], { api: {}, staleMs: 1000 });
}, 120_000);

afterAll(() => {
  pool?.close();
  local?.stopWorkers();
  pooled?.stopWorkers();
  db?.close();
});

/** A bare app: the pool's middleware, and a handler that says it answered instead. */
function bare(): Hono {
  const app = new Hono();
  app.use('/api/*', pool.middleware());
  app.get('*', (c) => c.text('request thread'));
  return app;
}

describe('reader threads', () => {
  it('answer the read routes and leave every other request to the request thread', async () => {
    const app = bare();
    const page = await app.request('/api/articles?limit=2');
    expect(page.status).toBe(200);
    const body = (await page.json()) as { items: Array<{ id: string }>; total: number };
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    const one = await app.request(`/api/articles/${body.items[0]!.id}`);
    expect(((await one.json()) as { id: string }).id).toBe(body.items[0]!.id);
    expect(await (await app.request('/api/articles/a/b')).text()).toBe('request thread');
    expect(await (await app.request('/api/entities')).text()).toBe('request thread');
  });

  it('drop a request whose client has gone before a reader takes it', async () => {
    const gone = new AbortController();
    gone.abort();
    const res = await bare().request(new Request('http://127.0.0.1/api/articles?limit=3', { signal: gone.signal }));
    expect(res.status).toBe(499);
    expect(await res.text()).toBe('');
  });

  it('tell a client still waiting when the server stops that it is stopping (503), not that it has gone', async () => {
    const stopping = new ReadPool(db, 1, ['/api/articles'], { api: {}, staleMs: 1000 });
    const app = new Hono();
    app.use('/api/*', stopping.middleware());
    const waiting = Promise.resolve(app.request('/api/articles?limit=4'));
    stopping.close();
    const res = await waiting;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('connection')).toBe('close');
    expect(((await res.json()) as { error: string }).error).toMatch(/stopping/);
  });

  it("tell the node server's fast path that a request still waiting when the server stops is stopping, not gone", async () => {
    const stopping = new ReadPool(db, 1, ['/api/articles'], { api: {}, staleMs: 1000 });
    const here = { aborted: false, addEventListener: () => undefined };
    const waiting = stopping.answerNode('/api/articles?limit=5', here);
    stopping.close();
    expect(await waiting).toBe('stopping');
  });

  it('refuse with 503 and Retry-After what comes past the queue bound, and keep serving', async () => {
    // One reader fed two at a time and room for two to wait: of six different requests at once, the reader holds two
    // (one runs, the next waits on it), two wait in the queue, two are refused.
    const tight = new ReadPool(db, 1, ['/api/articles'], { api: {}, staleMs: 1000 }, undefined, 2, 2);
    try {
      const app = new Hono();
      app.use('/api/*', tight.middleware());
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => Promise.resolve(app.request(`/api/articles?limit=${i + 1}`))),
      );
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 503, 503]);
      expect(answers[4]!.headers.get('retry-after')).toBe('1');
      expect(((await answers[4]!.json()) as { error: string }).error).toMatch(/busy/);
      // The same URL as one waiting joins it rather than being refused.
      const joined = await Promise.all(
        Array.from({ length: 6 }, () => Promise.resolve(app.request('/api/articles?limit=7'))),
      );
      expect(joined.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      // Once the queue has drained, requests are answered again.
      expect((await app.request('/api/articles?limit=8')).status).toBe(200);
      // The node server's fast path: what the pool would refuse is left to the app (which answers 503), the rest
      // answered with their bodies.
      const gone = { aborted: false, addEventListener: () => undefined };
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) => tight.answerNode(`/api/articles?limit=${i + 11}`, gone)),
      );
      expect(outcomes.map((o) => (typeof o === 'string' ? o : o.answer.status))).toEqual([
        200,
        200,
        200,
        200,
        'app',
        'app',
      ]);
      const first = outcomes[0] as Exclude<(typeof outcomes)[0], string>;
      expect(JSON.parse(Buffer.from(first.body).toString('utf8')).items).toHaveLength(11);
      expect(first.answer.etag).toMatch(/^"[\w-]{22}"$/);
    } finally {
      tight.close();
    }
  });

  it('give the answers the request thread gives', async () => {
    const id = ((await (await local.request('/api/articles?limit=1')).json()) as { items: Array<{ id: string }> })
      .items[0]!.id;
    for (const url of [
      '/api/articles?offset=1&limit=3',
      `/api/articles/${id}`,
      '/api/articles/no-such-article',
      '/api/entities?limit=5',
      '/api/events?offset=2&limit=4',
      '/api/quotes?limit=3',
      '/api/timeline?limit=5',
      '/api/ledger?limit=3',
      '/api/search?q=harbour&limit=3',
      '/api/search?q=%22open',
      '/api/articles?offset=-1',
      '/api/stats',
    ]) {
      const [a, b] = await Promise.all([local.request(url), pooled.request(url)]);
      expect(b.status, url).toBe(a.status);
      expect(await b.text(), url).toBe(await a.text());
    }
  });

  it('show a correction made through the server at once, counts included', async () => {
    const before = (await (await pooled.request('/api/entities?limit=1')).json()) as { total: number };
    const [a, b] = [...allEntities(db)].filter((e) => e.type === 'PERSON').slice(0, 2);
    const merged = await pooled.request('/api/corrections', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sitrep-token': storeToken(db) },
      body: JSON.stringify({ kind: 'actor.merge', ids: [a!.id, b!.id] }),
    });
    expect(merged.status).toBe(200);
    const after = (await (await pooled.request('/api/entities?limit=1')).json()) as { total: number };
    expect(after.total).toBe(before.total - 1);
  });

  it('run the response cache’s background refreshes after every request a client waits for', async () => {
    const app = bare();
    const order: string[] = [];
    const ask = (name: string, req: Request | string) =>
      Promise.resolve(app.request(req)).then(async (res: Response) => {
        await res.arrayBuffer();
        order.push(name);
      });
    // One reader: the first request takes it; of the two queued behind, the client's goes first.
    await Promise.all([
      ask('first', '/api/articles?limit=4'),
      ask('refresh', refreshRequest(new Request('http://127.0.0.1/api/articles?limit=5'))),
      ask('client', '/api/articles?limit=6'),
    ]);
    expect(order).toEqual(['first', 'client', 'refresh']);
  });

  it('answer on the request thread a request that runs a reader out of its heap, and keep serving', async () => {
    // An article with tens of thousands of events: its page reads every one (parsed a row at a time), far more heap
    // than a small reader has.
    const id = db.prepare('SELECT id FROM articles ORDER BY id DESC LIMIT 1').pluck().get() as string;
    const n = 20_000;
    db.transaction(() => {
      db.prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
         INSERT INTO events (id, type, date, data) SELECT 'ev_heavy_' || i, e.type, e.date, e.data
         FROM k, (SELECT type, date, data FROM events ORDER BY length(data) DESC LIMIT 1) e`,
      ).run(n);
      db.prepare(
        "INSERT INTO event_articles (event_id, article_id) SELECT id, ? FROM events WHERE id LIKE 'ev_heavy_%'",
      ).run(id);
    })();
    const events = db.prepare('SELECT COUNT(*) FROM event_articles WHERE article_id = ?').pluck().get(id) as number;
    const small = new ReadPool(db, 1, ['/api/articles', '/api/articles/:id'], { api: {}, staleMs: 1000 }, 40);
    try {
      let onRequestThread = 0;
      const app = new Hono();
      app.use('/api/*', small.middleware());
      app.use('/api/*', async (_c, next) => {
        onRequestThread++;
        await next();
      });
      app.route('/api', readRoutes(db));
      const heavy = `/api/articles/${id}`;
      for (let round = 1; round <= 2; round++) {
        const res = await app.request(heavy);
        expect(res.status, `round ${round}`).toBe(200);
        expect(((await res.json()) as { events: unknown[] }).events).toHaveLength(events);
        expect(onRequestThread).toBe(round);
        // The reader that died is replaced (once: asked again, the heavy URL is not sent to a reader).
        expect(small.size).toBe(1);
        const page = await app.request('/api/articles?limit=2');
        expect(page.status).toBe(200);
        expect(((await page.json()) as { items: unknown[] }).items).toHaveLength(2);
        expect(onRequestThread, 'a light request is a reader’s').toBe(round);
      }
      // Another heavy URL and a light one at once: both are posted to the one reader, which dies on the first; the
      // one posted behind it was never run and goes to the new reader, not to the request thread.
      const [again, light] = await Promise.all([app.request(`${heavy}?again=1`), app.request('/api/articles?limit=3')]);
      expect(again.status).toBe(200);
      expect(light.status).toBe(200);
      expect(((await light.json()) as { items: unknown[] }).items).toHaveLength(3);
      expect(onRequestThread).toBe(3);
      expect(small.size).toBe(1);
    } finally {
      small.close();
    }
  }, 60_000);
});
