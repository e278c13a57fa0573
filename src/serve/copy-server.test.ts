import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Db, openDb, type Store } from '../store/index.js';
import type { ServedApp } from './app.js';
import { type CopyAppOptions, CopyServer, removeStaleDirs } from './copy-server.js';

/**
 * The read-copy server's own behaviour (what it does when a copy fails, hangs or is stopped), on a stand-in store
 * whose copies and writes the test controls; `test/postgres-serve.test.ts` runs it on a real PostgreSQL store.
 */

interface Fake {
  store: Store;
  /** The store's version; a write moves it. */
  version: number;
  /** What the next copies do instead of copying: throw, or never end. */
  copyFails: 'no' | 'throws' | 'hangs';
  writes: number;
}

function fakeStore(): Fake {
  const work = openDb(join(mkdtempSync(join(tmpdir(), 'sitrep-copy-test-')), 'work.db'));
  const fake: Fake = {
    version: 1,
    copyFails: 'no',
    writes: 0,
    store: {
      kind: 'postgres',
      location: 'postgres://test/fake',
      write: async (fn) => {
        const result = await fn(work);
        fake.writes++;
        fake.version++;
        return result;
      },
      read: async (fn) => fn(work),
      articles: async () => null,
      resolve: async (fn) => fn(work),
      writeJsonExport: async () => undefined,
      version: async () => String(fake.version),
      copyInto: async () => {
        if (fake.copyFails === 'throws') throw new Error('connection lost');
        if (fake.copyFails === 'hangs') await new Promise(() => undefined);
        return String(fake.version);
      },
      search: async () => ({ total: 0, items: [], facets: {} as never }),
      close: async () => {
        work.close();
      },
    },
  };
  return fake;
}

/** An app that answers every request with the version of the copy it serves; a POST is a write. */
function fakeApp(versionOf: () => string, stopWorkers: () => void = () => undefined) {
  return (_db: Db, o: CopyAppOptions): ServedApp =>
    ({
      fetch: async (request: Request) => {
        if (request.method === 'POST' && o.writes) return o.writes(request);
        return new Response(request.method === 'POST' ? 'saved' : `copy ${versionOf()}`, { status: 200 });
      },
      stopWorkers,
      settled: async () => undefined,
    }) as unknown as ServedApp;
}

const post = () => new Request('http://127.0.0.1/api/corrections', { method: 'POST', body: '{}' });

describe('the read-copy server', () => {
  it('answers a saved write with its answer even when the new read copy fails, and builds it at the next check', async () => {
    const fake = fakeStore();
    const errors: Error[] = [];
    const tmp = mkdtempSync(join(tmpdir(), 'sitrep-copy-tmp-'));
    let server: CopyServer | undefined;
    server = await CopyServer.open(
      fake.store,
      fakeApp(() => server?.version ?? '?'),
      { refreshMs: 3_600_000, onError: (e) => errors.push(e), tmp },
    );
    try {
      const before = server.version;
      fake.copyFails = 'throws';
      const res = await server.fetch(post());
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('saved');
      expect(fake.writes).toBe(2); // the token, then the write
      expect(errors.map((e) => e.message)).toEqual(['connection lost']);
      expect(server.version).toBe(before);
      fake.copyFails = 'no';
      await server.refresh();
      expect(server.version).toBe(String(fake.version));
    } finally {
      await server.close();
    }
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('abandons a copy that hangs at its deadline, and stops without waiting for one', async () => {
    const fake = fakeStore();
    const errors: Error[] = [];
    const tmp = mkdtempSync(join(tmpdir(), 'sitrep-copy-tmp-'));
    const server = await CopyServer.open(
      fake.store,
      fakeApp(() => '?'),
      {
        refreshMs: 3_600_000,
        onError: (e) => errors.push(e),
        deadlineMs: 200,
        tmp,
      },
    );
    fake.copyFails = 'hangs';
    fake.version++;
    await expect(server.refresh()).rejects.toThrow(/took over/);
    // A write waits for the refresh after it: it is answered, the hung copy abandoned and reported.
    const res = await server.fetch(post());
    expect(res.status).toBe(200);
    expect(errors.some((e) => /took over/.test(e.message))).toBe(true);
    await server.close();
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('stops at once when told to while making its first copy, and leaves no copy behind', async () => {
    const hanging = fakeStore();
    hanging.copyFails = 'hangs';
    const tmp = mkdtempSync(join(tmpdir(), 'sitrep-copy-tmp-'));
    const started = performance.now();
    const opening = CopyServer.open(
      hanging.store,
      fakeApp(() => '?'),
      {
        refreshMs: 3_600_000,
        tmp,
        signal: AbortSignal.timeout(200),
      },
    );
    await expect(opening).rejects.toThrow(/stopping/);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('reports a failure to delete a copy instead of failing the response that was being sent', async () => {
    const fake = fakeStore();
    const errors: Error[] = [];
    const server = await CopyServer.open(
      fake.store,
      fakeApp(
        () => 'x',
        () => {
          throw new Error('worker would not stop');
        },
      ),
      { refreshMs: 3_600_000, onError: (e) => errors.push(e), tmp: mkdtempSync(join(tmpdir(), 'sitrep-copy-tmp-')) },
    );
    try {
      const res = await server.fetch(new Request('http://127.0.0.1/api/stats'));
      fake.version++;
      await server.refresh(); // the copy answering `res` is retired, deleted once its body is sent
      expect(errors).toEqual([]);
      expect(await res.text()).toBe('copy x');
      expect(errors.map((e) => e.message)).toContain('worker would not stop');
    } finally {
      await server.close();
    }
  });

  it('removes the copies of servers that no longer run, and only those', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sitrep-copy-tmp-'));
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    const dirs = {
      dead: join(tmp, 'sitrep-serve-dead'),
      live: join(tmp, 'sitrep-serve-live'),
      nopid: join(tmp, 'sitrep-serve-nopid'),
      other: join(tmp, 'sitrep-other'),
    };
    for (const dir of Object.values(dirs)) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'copy-1.db'), 'x');
    }
    writeFileSync(join(dirs.dead, 'pid'), `${gone}\n`);
    writeFileSync(join(dirs.live, 'pid'), `${process.ppid}\n`);
    writeFileSync(join(dirs.other, 'pid'), `${gone}\n`);
    expect(removeStaleDirs(tmp)).toEqual([dirs.dead]);
    expect(existsSync(dirs.dead)).toBe(false);
    for (const dir of [dirs.live, dirs.nopid, dirs.other]) expect(existsSync(dir)).toBe(true);
  });
});
