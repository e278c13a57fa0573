import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../store/index.js';
import { createApp, type ServedApp } from './app.js';
import { responseCache } from './response-cache.js';
import { exampleStore } from './test-store.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let dir: string;
let db: Db;
const servers: Server[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-cached-answers-'));
  db = openDb(join(dir, 'store.db'));
});

afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  db?.close();
});

/**
 * `app` on a loopback server as `sitrep serve` runs it: the response cache answers first (`answerCached`), the app the
 * rest. Returns its base URL and how many requests reached the app.
 */
async function served(app: ServedApp, fastReads = false): Promise<{ base: string; reached: () => number }> {
  let reached = 0;
  const listener = getRequestListener((request, env) => {
    reached++;
    return app.fetch(request, env);
  });
  const server = createServer((incoming, outgoing) => {
    const toApp = () => void listener(incoming, outgoing);
    if (!app.answerCached(incoming, outgoing, fastReads ? toApp : undefined)) toApp();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  // The secure headers an answer past the app carries are taken once, as the app starts.
  await new Promise((r) => setTimeout(r, 20));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, reached: () => reached };
}

const headersOf = (res: Response): Record<string, string> => {
  const h: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (k !== 'date' && k !== 'connection' && k !== 'keep-alive') h[k] = v;
  });
  return h;
};

describe('cached answers written past the app', () => {
  it('answers a repeated GET without the app, with the same bytes and headers, and 304 to its ETag', async () => {
    const app = createApp(db, { responseCache: { staleMs: 60_000 } });
    const { base, reached } = await served(app);
    const first = await fetch(`${base}/api/articles?limit=5`);
    const firstBody = Buffer.from(await first.arrayBuffer());
    expect(reached()).toBe(1);
    const second = await fetch(`${base}/api/articles?limit=5`);
    expect(Buffer.from(await second.arrayBuffer()).equals(firstBody)).toBe(true);
    expect(reached()).toBe(1);
    expect(second.status).toBe(200);
    expect(headersOf(second)).toEqual(headersOf(first));
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'");
    const etag = second.headers.get('etag')!;
    // The app's own 304 (a client's first request that names the ETag), then the one written past it: the same.
    const other = createApp(db, { responseCache: { staleMs: 60_000 } });
    const viaApp = await other.request(`${base}/api/articles?limit=5`);
    const appMade = await other.request(`${base}/api/articles?limit=5`, { headers: { 'if-none-match': etag } });
    expect(viaApp.headers.get('etag')).toBe(etag);
    const notModified = await fetch(`${base}/api/articles?limit=5`, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(reached()).toBe(1);
    expect(headersOf(notModified)).toEqual(headersOf(appMade));
    app.stopWorkers();
    other.stopWorkers();
  });

  it('leaves to the app what its guards refuse or the cache may not serve', async () => {
    const app = createApp(db, { responseCache: { staleMs: 0, maxStaleMs: 0 } });
    const { base, reached } = await served(app);
    await (await fetch(`${base}/api/stats`)).arrayBuffer();
    await (await fetch(`${base}/api/stats`)).arrayBuffer();
    expect(reached()).toBe(1);
    // A foreign Host (DNS rebinding) is refused by the app even for a URL kept under another host.
    const port = new URL(base).port;
    const foreign = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/api/stats`, { headers: { Host: `attacker.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(foreign).toBe(403);
    expect(reached()).toBe(2);
    // Not a cached route: the Sources jobs always reach the app.
    await (await fetch(`${base}/api/sources/jobs`)).arrayBuffer();
    await (await fetch(`${base}/api/sources/jobs`)).arrayBuffer();
    expect(reached()).toBe(4);
    // The store changed on the server's own connection: the kept answer is not served.
    db.prepare('INSERT INTO feeds (url) VALUES (?)').run(`https://example.org/own-${Date.now()}`);
    await (await fetch(`${base}/api/stats`)).arrayBuffer();
    expect(reached()).toBe(5);
    app.stopWorkers();
  });

  it('needs the token for a kept answer when reads need it', async () => {
    const app = createApp(db, { tokenForReads: true, token: 'tok-cached-1', responseCache: { staleMs: 60_000 } });
    const { base } = await served(app);
    const withToken = await fetch(`${base}/api/stats`, { headers: { 'X-Sitrep-Token': 'tok-cached-1' } });
    expect(withToken.status).toBe(200);
    expect((await fetch(`${base}/api/stats`)).status).toBe(401);
    expect((await fetch(`${base}/api/stats`, { headers: { 'X-Sitrep-Token': 'tok-cached-1' } })).status).toBe(200);
    app.stopWorkers();
  });
  it("keeps a reader's answer intact when several requests of one URL joined it", async () => {
    const app = createApp(db, { readers: 1, responseCache: { staleMs: 60_000 } });
    const { base } = await served(app);
    const url = `${base}/api/entities?limit=7&offset=0`;
    // Asked at once: one reader runs it, the others join its answer, and each answer is kept in turn.
    const bodies = await Promise.all(
      Array.from({ length: 12 }, async () => Buffer.from(await (await fetch(url)).arrayBuffer())),
    );
    expect(bodies[0]!.byteLength).toBeGreaterThan(0);
    for (const b of bodies) expect(b.equals(bodies[0]!)).toBe(true);
    // The answer kept last, written past the app: whole, though the others were dropped (and freed).
    const again = await fetch(url, { signal: AbortSignal.timeout(20_000) });
    expect(Buffer.from(await again.arrayBuffer()).equals(bodies[0]!)).toBe(true);
    app.stopWorkers();
  });
});

describe('reads handed to the readers past the app', () => {
  it('answer a read route the cache misses without the app, as the app answers it, and keep it', async () => {
    const { db: example } = await exampleStore('fast-reads');
    const fast = createApp(example, { readers: 1, responseCache: { staleMs: 60_000 } });
    const plain = createApp(example, { readers: 1, responseCache: { staleMs: 60_000 } });
    try {
      const viaFast = await served(fast, true);
      const viaApp = await served(plain);
      const id = (
        (await (await fetch(`${viaApp.base}/api/articles?limit=1`)).json()) as { items: Array<{ id: string }> }
      ).items[0]!.id;
      const urls = [
        '/api/articles?offset=1&limit=3',
        `/api/articles/${id}`,
        '/api/entities?limit=4',
        '/api/timeline?limit=3',
        '/api/articles/no-such-article',
        '/api/articles?offset=-1',
        '/api/articles?offset=1&limit=3#part',
      ];
      for (const url of urls) {
        const [a, b] = await Promise.all([fetch(viaApp.base + url), fetch(viaFast.base + url)]);
        expect(b.status, url).toBe(a.status);
        expect(headersOf(b), url).toEqual(headersOf(a));
        expect(Buffer.from(await b.arrayBuffer()).equals(Buffer.from(await a.arrayBuffer())), url).toBe(true);
      }
      expect(viaFast.reached()).toBe(0);
      // Kept as the app keeps it: asked again, the same answer from memory, and 304 to its ETag.
      const again = await fetch(`${viaFast.base}/api/entities?limit=4`);
      const etag = again.headers.get('etag')!;
      expect(etag).toMatch(/^"/);
      const notModified = await fetch(`${viaFast.base}/api/entities?limit=4`, { headers: { 'if-none-match': etag } });
      expect(notModified.status).toBe(304);
      expect(viaFast.reached()).toBe(0);
      // What the readers do not answer is the app's: a route of the request thread, a write.
      await (await fetch(`${viaFast.base}/api/sources/jobs`)).arrayBuffer();
      expect(viaFast.reached()).toBe(1);
    } finally {
      fast.stopWorkers();
      plain.stopWorkers();
      example.close();
    }
  }, 120_000);
});

describe('response bodies are held to their byte budget', () => {
  it('frees a dropped body once it is written, without waiting for a collection', async () => {
    const budget = 1_000_000;
    const a = new Hono();
    const cache = responseCache(db, { maxBytes: budget, staleMs: 60_000 });
    a.use('*', cache);
    // ~400 KB of JSON each: two fit the budget.
    a.get('/big/:k', (c) => c.json({ k: c.req.param('k'), text: 'x'.repeat(400_000) }, 200));
    const listener = getRequestListener(a.fetch);
    const server = createServer((incoming, outgoing) => void listener(incoming, outgoing));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The client is another process, so that only the server's buffers are counted here.
    const urls = Array.from({ length: 40 }, (_, i) => `${base}/big/${i}`);
    gc();
    gc();
    const before = process.memoryUsage().arrayBuffers;
    const client = `for (const u of ${JSON.stringify(urls)}) await (await fetch(u)).arrayBuffer();`;
    await new Promise<void>((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', client], (err) => (err ? reject(err) : resolve()));
    });
    await new Promise((r) => setTimeout(r, 100));
    const held = process.memoryUsage().arrayBuffers - before;
    // 40 bodies of ~400 KB went through a 1 MB cache: what stays is the kept ones (and not the 15 MB dropped).
    expect(cache.held().kept).toBeLessThanOrEqual(budget);
    expect(cache.held().sending).toBe(0);
    expect(held).toBeLessThanOrEqual(budget * 1.1 + 200_000);
    // The kept ones are served intact.
    const last = (await (await fetch(`${base}/big/39`)).json()) as { k: string; text: string };
    expect(last.k).toBe('39');
    expect(last.text.length).toBe(400_000);
  });
});

describe('answers of a small budget', () => {
  /** A node server whose cache answers first (`answerNode`), the app the rest: bodies of ~400 KB of JSON. */
  async function bigServer(maxBytes: number) {
    const a = new Hono();
    const cache = responseCache(db, { maxBytes, staleMs: 60_000 });
    a.use('*', cache);
    a.get('/big/:k', (c) => c.json({ k: c.req.param('k'), text: 'y'.repeat(400_000) }, 200));
    const listener = getRequestListener(a.fetch);
    const server = createServer((incoming, outgoing) => {
      const url = `http://${incoming.headers.host}${incoming.url}`;
      if (!cache.answerNode(url, incoming.headers['if-none-match'], outgoing, { headers: {} }))
        void listener(incoming, outgoing);
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    return { cache, port, base: `http://127.0.0.1:${port}` };
  }

  it('answers whole an answer larger than the whole budget, and does not keep it', async () => {
    const { cache, base } = await bigServer(300_000);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${base}/big/a`, { signal: AbortSignal.timeout(20_000) });
      expect(res.status).toBe(200);
      const got = (await res.json()) as { k: string; text: string };
      expect(got.k).toBe('a');
      expect(got.text.length).toBe(400_000);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(cache.held()).toEqual({ kept: 0, sending: 0 });
  });

  it('keeps an answer within the budget and serves it again whole', async () => {
    const { cache, base } = await bigServer(1_000_000);
    const first = await (await fetch(`${base}/big/b`)).arrayBuffer();
    const again = await (await fetch(`${base}/big/b`)).arrayBuffer();
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(cache.held().kept).toBe(first.byteLength);
  });

  it('frees a dropped body whose answers were queued on a connection the client closed', async () => {
    const { cache, port, base } = await bigServer(1_000_000);
    await (await fetch(`${base}/big/0`)).arrayBuffer();
    // Requests sent at once on one connection that nobody reads, then closed: the answers queued behind the first
    // never get the connection.
    for (let k = 0; k < 3; k++) {
      const s = connect(port, '127.0.0.1');
      s.on('error', () => undefined);
      s.write(`GET /big/0 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`.repeat(30));
      await new Promise((r) => setTimeout(r, 300));
      s.destroy();
    }
    // /big/0 leaves the cache.
    for (let i = 1; i < 4; i++) await (await fetch(`${base}/big/${i}`)).arrayBuffer();
    await new Promise((r) => setTimeout(r, 300));
    expect(cache.held().sending).toBe(0);
    expect(cache.held().kept).toBeLessThanOrEqual(1_000_000);
  });
});
