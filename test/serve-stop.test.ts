import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/analyze/index.js';
import { startTestServer, type TestServer } from '../src/ingest/test-server.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');

let dbPath: string;
let site: TestServer;

beforeAll(async () => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'sitrep-stop-')), 'stop.db');
  await analyzePaths([`${ROOT}examples/dump-harbour`], dbPath, { threads: 0 });
  // A site that never answers: a page fetch from it hangs until the server stops.
  site = await startTestServer(() => undefined);
}, 120_000);

afterAll(async () => {
  await site?.close();
});

/** `sitrep serve` on a free port; resolves with the child, its port and the token it printed. */
function startServe(
  args: string[] = [],
): Promise<{ child: ChildProcess; port: number; token: string; log: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', dbPath, '--port', '0', ...args], { cwd: ROOT });
    let err = '';
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString('utf8');
      const port = /http:\/\/[^:]+:(\d+)\//.exec(err)?.[1];
      const token = /API token of this store[^:]*: (\S+)/.exec(err)?.[1];
      if (port && token) resolve({ child, port: Number(port), token, log: () => err });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before it listened: ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A request that is left open (its answer never awaited): it only has to reach the server. */
function hangingPost(port: number, token: string, url: string): void {
  const body = JSON.stringify({ url });
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/sources/pages',
    headers: { 'content-type': 'application/json', 'x-sitrep-token': token, 'content-length': body.length },
  });
  req.on('error', () => undefined);
  req.end(body);
}

describe('sitrep serve stops', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal}, with a page fetch under way and a keep-alive connection open`, async () => {
      const { child, port, token } = await startServe(['--allow-private']);
      const agent = await fetch(`http://127.0.0.1:${port}/api/stats`, { headers: { connection: 'keep-alive' } });
      expect(agent.status).toBe(200);
      hangingPost(port, token, `${site.url}/never`);
      // The job has reached the site when the site saw the request.
      for (let i = 0; i < 200 && site.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(site.requests.length).toBeGreaterThan(0);
      const done = exited(child);
      child.kill(signal);
      expect(await done).toBe(0);
      site.requests.length = 0;
    });
  }

  it('warns on a wildcard host and then needs the token for reads', async () => {
    const { child, port, token, log } = await startServe(['--host', '0.0.0.0']);
    try {
      expect(log()).toMatch(/warning: --host 0\.0\.0\.0 answers on every network interface/);
      expect((await fetch(`http://127.0.0.1:${port}/api/stats`)).status).toBe(401);
      const ok = await fetch(`http://127.0.0.1:${port}/api/stats`, { headers: { 'x-sitrep-token': token } });
      expect(ok.status).toBe(200);
    } finally {
      const done = exited(child);
      child.kill('SIGTERM');
      await done;
    }
  });
});
