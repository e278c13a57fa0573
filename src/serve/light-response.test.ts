import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerScript } from './worker-script.js';

// The compiled module (a thread runs no TypeScript): built by `npm run build`, as the reader threads are.
const compiled = workerScript('light-response.js');

// Run in a thread of its own: installing the lightweight globals changes `Response` for the whole thread.
const script = (): string => `
const { parentPort } = require('node:worker_threads');
(async () => {
  const { bodyOf, contentTypeOf, useLightResponses } = await import(${JSON.stringify(pathToFileURL(compiled!).href)});
  useLightResponses();
  const { Hono } = await import('hono');
  const app = new Hono();
  app.get('/json', (c) => c.json({ text: 'Zoë’s report – 雨', n: 3 }, 200));
  app.get('/bytes', (c) => c.body(new Uint8Array([1, 2, 3]), 201));
  const out = [];
  for (const path of ['/json', '/bytes', '/none']) {
    const res = await app.request(path);
    const kept = () => res[Object.getOwnPropertySymbols(res).find((k) => k.description === 'cache')];
    const lightType = contentTypeOf(res);
    const headersBuilt = kept()?.[2] instanceof Headers;
    const body = await bodyOf(res);
    out.push({ status: res.status, type: res.headers.get('content-type'), lightType, headersBuilt, body: Array.from(body), own: body.byteOffset === 0 && body.buffer.byteLength === body.byteLength });
  }
  parentPort.postMessage(out);
})().catch((e) => parentPort.postMessage(String(e && e.stack || e)));
`;

describe('reader answers with lightweight responses', () => {
  it('give the bytes a native Response gives, in a buffer of their own', async () => {
    const out = await new Promise((resolve, reject) => {
      expect(compiled, 'run npm run build').not.toBeNull();
      const w = new Worker(script(), { eval: true });
      w.once('message', resolve);
      w.once('error', reject);
    });
    expect(typeof out, String(out)).toBe('object');
    const [json, bytes, none] = out as Array<{
      status: number;
      type: string;
      lightType: string;
      headersBuilt: boolean;
      body: number[];
      own: boolean;
    }>;
    const expected = new Uint8Array(
      await new Response(JSON.stringify({ text: 'Zoë’s report – 雨', n: 3 })).arrayBuffer(),
    );
    expect(json).toEqual({
      status: 200,
      type: 'application/json',
      lightType: 'application/json',
      // Read off the route's own header object: no native Headers built for it.
      headersBuilt: false,
      body: Array.from(expected),
      own: true,
    });
    // Whatever form the headers take, the type read is the one the headers give.
    for (const a of [bytes!, none!]) expect(a.lightType).toBe(a.type ?? '');
    expect(bytes).toMatchObject({ status: 201, body: [1, 2, 3] });
    expect(none!.status).toBe(404);
    expect(Buffer.from(none!.body).toString()).toBe('404 Not Found');
  });
});
