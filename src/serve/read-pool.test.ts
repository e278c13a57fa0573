import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEntities, type Db } from '../store/index.js';
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
});
