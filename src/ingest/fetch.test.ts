import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedAddressReason, guardedFetch, FetchError } from './fetch.js';
import { startTestServer, type TestServer } from './test-server.js';

const HTML = '<html><body><p>Hello harbour.</p></body></html>';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' });
      res.end(HTML);
    } else if (path === '/gz') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync(HTML));
    } else if (path === '/bomb') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(3_000_000, 32)));
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.alloc(200_000, 97));
    } else if (path === '/hop') {
      res.writeHead(302, { location: '/page' });
      res.end();
    } else if (path === '/loop') {
      res.writeHead(301, { location: '/loop' });
      res.end();
    } else if (path === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF');
    } else if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
    } else if (path === '/conditional') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' });
        res.end(HTML);
      }
    } else if (path === '/gone') {
      res.writeHead(503);
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});
afterAll(() => srv.close());

async function refusal(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a FetchError');
}

describe('guardedFetch', () => {
  it('fetches from a local server when private addresses are allowed', async () => {
    const r = await guardedFetch(`${srv.url}/page`, { allowPrivate: true, accept: 'html' });
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe(HTML);
    expect(r.contentType).toMatch(/text\/html/);
    expect(srv.requests.at(-1)!.headers['user-agent']).toMatch(/^sitrep/);
  });

  it('refuses loopback (literal IP and resolved name) without --allow-private', async () => {
    const before = srv.requests.length;
    const literal = await refusal(guardedFetch(`${srv.url}/page`));
    expect(literal.code).toBe('blocked');
    expect(literal.message).toMatch(/loopback.*--allow-private/);
    const port = new URL(srv.url).port;
    const named = await refusal(guardedFetch(`http://localhost:${port}/page`));
    expect(named.code).toBe('blocked');
    expect(srv.requests.length).toBe(before);
  });

  it('follows redirects up to a limit', async () => {
    const r = await guardedFetch(`${srv.url}/hop`, { allowPrivate: true });
    expect(r.url).toBe(`${srv.url}/page`);
    const loop = await refusal(guardedFetch(`${srv.url}/loop`, { allowPrivate: true, maxRedirects: 3 }));
    expect(loop.code).toBe('redirects');
  });

  it('caps the size, also after decompression', async () => {
    expect((await guardedFetch(`${srv.url}/gz`, { allowPrivate: true })).body.toString()).toBe(HTML);
    expect((await refusal(guardedFetch(`${srv.url}/big`, { allowPrivate: true, maxBytes: 100_000 }))).code).toBe(
      'too-large',
    );
    expect((await refusal(guardedFetch(`${srv.url}/bomb`, { allowPrivate: true, maxBytes: 1_000_000 }))).code).toBe(
      'too-large',
    );
  });

  it('checks content types, time and status', async () => {
    expect((await refusal(guardedFetch(`${srv.url}/pdf`, { allowPrivate: true, accept: 'html' }))).code).toBe(
      'content-type',
    );
    expect((await refusal(guardedFetch(`${srv.url}/slow`, { allowPrivate: true, timeoutMs: 300 }))).code).toBe(
      'timeout',
    );
    const gone = await refusal(guardedFetch(`${srv.url}/gone`, { allowPrivate: true }));
    expect(gone.code).toBe('status');
    expect(gone.retryable).toBe(true);
    expect((await refusal(guardedFetch(`${srv.url}/nothing`, { allowPrivate: true }))).retryable).toBe(false);
  });

  it('sends conditional headers and reports 304', async () => {
    const r = await guardedFetch(`${srv.url}/conditional`, {
      allowPrivate: true,
      headers: { 'if-none-match': '"v1"' },
    });
    expect(r.notModified).toBe(true);
    expect(r.body.length).toBe(0);
  });

  it('refuses other schemes and credentials', async () => {
    expect((await refusal(guardedFetch('file:///etc/passwd'))).code).toBe('bad-url');
    expect((await refusal(guardedFetch('http://user:pw@example.com/'))).code).toBe('bad-url');
  });
});

describe('blockedAddressReason', () => {
  it('allows public unicast only', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946'])
      expect(blockedAddressReason(ip)).toBeNull();
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '224.0.0.1',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::',
    ]) {
      expect(blockedAddressReason(ip), ip).not.toBeNull();
    }
  });
});
