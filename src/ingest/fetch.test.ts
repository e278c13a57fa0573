import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch, FetchError, refusedResolution, type Resolver } from './fetch.js';
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

describe('the guard on resolved addresses', () => {
  /** A resolver that answers every name with the given addresses, counting its calls. */
  function fakeResolver(addresses: string[]): Resolver & { calls: number } {
    const r = Object.assign(
      async () => {
        r.calls++;
        return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
      },
      { calls: 0 },
    );
    return r;
  }

  it('refuses a name that resolves to any IPv6 spelling of a private address, before connecting', async () => {
    const port = new URL(srv.url).port;
    const before = srv.requests.length;
    for (const address of ['::7f00:1', '::ffff:7f00:1', '64:ff9b::7f00:1', '2002:7f00:1::1', 'fec0::1', 'fd00::1']) {
      const resolver = fakeResolver([address]);
      const err = await refusal(guardedFetch(`http://rebind.example:${port}/page`, { resolver }));
      expect(err.code, address).toBe('blocked');
      expect(err.message).toContain(address);
      expect(resolver.calls).toBe(1);
    }
    expect(srv.requests.length).toBe(before);
  });

  it('refuses a name with one public and one private address', async () => {
    const port = new URL(srv.url).port;
    const err = await refusal(
      guardedFetch(`http://mixed.example:${port}/page`, { resolver: fakeResolver(['93.184.216.34', '127.0.0.1']) }),
    );
    expect(err.code).toBe('blocked');
    expect(refusedResolution('a.example', [{ address: '93.184.216.34', family: 4 }])).toBeNull();
  });

  it('connects where the resolver points when private addresses are allowed (loopback only)', async () => {
    const port = new URL(srv.url).port;
    const r = await guardedFetch(`http://any-name.example:${port}/page`, {
      allowPrivate: true,
      resolver: fakeResolver(['127.0.0.1']),
    });
    expect(r.body.toString()).toBe(HTML);
  });

  it('refuses URLs whose host is an IPv6 literal of a private address', async () => {
    for (const host of ['[::7f00:1]', '[::127.0.0.1]', '[::ffff:127.0.0.1]', '[64:ff9b::a00:1]', '[fec0::1]'])
      expect((await refusal(guardedFetch(`http://${host}/`))).code, host).toBe('blocked');
  });
});
