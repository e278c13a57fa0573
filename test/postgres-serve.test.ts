import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb, openStore, type Store, writeJsonExport } from '../src/store/index.js';
import { abortPull } from '../src/store/pg/mirror.js';
import { postgresUnavailable, throwAwayDatabase } from './pg-database.js';
import { runCli } from './run-cli.js';

/**
 * `sitrep serve` on a PostgreSQL store answers as on a SQLite store holding the same analysis: the same bytes for
 * each read route, after the first analysis and after a second one made while both servers run (the PostgreSQL
 * server picks it up within its refresh interval); and a correction made through it is written to the store.
 */
const unavailable = await postgresUnavailable();

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');
/** The PostgreSQL server's `--refresh-every`, seconds. */
const REFRESH_S = 1;

interface Server {
  base: string;
  token: string;
  stderr: () => string;
  stop: () => Promise<void>;
}

/** `sitrep serve` on `db`, on a free port, with one reader thread; resolves once it listens. */
function startServer(db: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [CLI, 'serve', '--db', db, '--port', '0', '--readers', '1', '--refresh-every', String(REFRESH_S)],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('exit', (code) => reject(new Error(`sitrep serve exited (${code}): ${err}`)));
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString('utf8');
      const at = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
      const token = /needed to write\): (\S+)/.exec(err);
      if (at && token)
        resolve({
          base: at[1]!,
          token: token[1]!,
          stderr: () => err,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
    });
  });
}

async function get(server: Server, path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${server.base}${path}`);
  return { status: res.status, body: await res.text() };
}

const articleCount = async (server: Server): Promise<number> =>
  (JSON.parse((await get(server, '/api/stats')).body) as { articles: number }).articles;

/** Articles in a SQLite store, read from the file (a server may answer from its cache for a while after a write). */
function storedArticles(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The PostgreSQL store's version row, read directly. */
async function storeVersionOf(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'store_version'");
    return rows[0]?.value;
  } finally {
    await client.end();
  }
}

describe.skipIf(unavailable !== null)('serve on PostgreSQL answers as on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-serve-'));
  const sqlitePath = join(dir, 'served.db');
  let pgUrl = '';
  let drop: (() => Promise<void>) | undefined;
  let sqlite: Server | undefined;
  let postgres: Server | undefined;

  const analyze = async (corpus: string, db: string): Promise<void> => {
    const run = await runCli(['analyze', `examples/${corpus}`, '--db', db, '--threads', '1']);
    expect(run.code, run.stderr).toBe(0);
  };

  beforeAll(async () => {
    ({ url: pgUrl, drop } = await throwAwayDatabase());
    await analyze('dump-harbour', sqlitePath);
    await analyze('dump-harbour', pgUrl);
    [sqlite, postgres] = await Promise.all([startServer(sqlitePath), startServer(pgUrl)]);
  }, 600_000);

  afterAll(async () => {
    await sqlite?.stop();
    await postgres?.stop();
    await drop?.();
  });

  /** The routes compared: lists, pages, searches, the network, the brief, and an article's, actor's and story's detail. */
  async function routes(): Promise<string[]> {
    const first = async (path: string, key: string): Promise<string> => {
      const body = JSON.parse((await get(sqlite!, path)).body) as Record<string, Array<{ id: string }>>;
      const id = body[key]?.[0]?.id;
      expect(id, `${path} lists no ${key}`).toBeDefined();
      return id!;
    };
    return [
      '/api/stats',
      '/api/articles',
      '/api/articles?limit=5&offset=3',
      `/api/articles/${await first('/api/articles', 'items')}`,
      '/api/entities',
      `/api/entities/${await first('/api/entities', 'items')}`,
      '/api/events',
      '/api/claims',
      '/api/quotes',
      '/api/timeline',
      '/api/stories',
      `/api/stories/${await first('/api/stories', 'items')}`,
      '/api/ledger',
      '/api/places',
      '/api/outlets',
      '/api/filter-choices',
      '/api/quotes/speakers',
      '/api/network',
      '/api/corrections',
      '/api/search?q=harbour',
      '/api/search?q=port%20OR%20ship&limit=5',
      '/api/brief',
    ];
  }

  async function expectSameAnswers(): Promise<void> {
    for (const path of await routes()) {
      const [a, b] = await Promise.all([get(sqlite!, path), get(postgres!, path)]);
      expect(a.status, `${path} on SQLite: ${a.body.slice(0, 200)}`).toBe(200);
      expect(b.status, `${path} on PostgreSQL`).toBe(a.status);
      if (b.body !== a.body) {
        // Where they part, shown (the whole bodies are long); then the verdict on the whole.
        let i = 0;
        while (i < a.body.length && a.body[i] === b.body[i]) i++;
        const around = (body: string) => body.slice(Math.max(0, i - 300), i + 300);
        expect(around(b.body), `${path} answers differently`).toBe(around(a.body));
        expect(b.body === a.body, `${path} answers differently`).toBe(true);
      }
    }
  }

  it('answers each read route with the bytes the SQLite server answers', async () => {
    expect(await articleCount(sqlite!)).toBeGreaterThan(0);
    await expectSameAnswers();
  }, 120_000);

  it('sitrep brief prints the same brief from either store', async () => {
    const [a, b] = await Promise.all([
      runCli(['brief', '--json', '--db', sqlitePath]),
      runCli(['brief', '--json', '--db', pgUrl]),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(a.stdout).stories.length).toBeGreaterThan(0);
    expect(b.stdout === a.stdout, 'the two briefs differ').toBe(true);
  }, 300_000);

  it('answers with a later analysis within its refresh interval, as the SQLite server does', async () => {
    const before = await articleCount(postgres!);
    expect(before).toBe(storedArticles(sqlitePath));
    await analyze('dump-second', sqlitePath);
    await analyze('dump-second', pgUrl);
    const done = performance.now();
    // From the file: the SQLite server may answer from its response cache for a while after another process wrote.
    const expected = storedArticles(sqlitePath);
    expect(expected).toBeGreaterThan(before);
    let seen = before;
    while (seen !== expected && performance.now() - done < 120_000) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await articleCount(postgres!);
    }
    const waited = performance.now() - done;
    console.info(`the PostgreSQL server answered with the new articles ${Math.round(waited)} ms after the analysis`);
    expect(seen).toBe(expected);
    // The refresh interval, plus the copy of a small store on a loaded machine.
    expect(waited, `the new articles showed after ${Math.round(waited)} ms`).toBeLessThan(REFRESH_S * 1000 + 30_000);
    // The reference: a SQLite server started now, whose caches hold nothing from before the analysis.
    await sqlite!.stop();
    sqlite = await startServer(sqlitePath);
    expect(await articleCount(sqlite)).toBe(expected);
    await expectSameAnswers();
  }, 900_000);

  it('writes a correction made through it to the store, and answers with it at once', async () => {
    const entities = JSON.parse((await get(postgres!, '/api/entities')).body) as {
      items: Array<{ id: string; name: string }>;
    };
    const actor = entities.items[0]!;
    const res = await fetch(`${postgres!.base}/api/corrections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sitrep-token': postgres!.token },
      body: JSON.stringify({ kind: 'actor.rename', id: actor.id, name: 'Invented Test Name' }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const made = (await res.json()) as { correction: { id: number }; actorId: string };
    // The server's next answer holds it (the read copy was rebuilt before the POST was answered)...
    const after = JSON.parse((await get(postgres!, '/api/entities')).body) as typeof entities;
    expect(after.items.find((e) => e.id === made.actorId)?.name).toBe('Invented Test Name');
    // ...and so does the store itself, read by another process.
    const listed = await runCli(['corrections', '--db', pgUrl]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('Invented Test Name');
    // A refused write (no token) changes nothing and is answered as on SQLite: the store's version stays.
    const version = await storeVersionOf(pgUrl);
    expect(version).toMatch(/^[1-9]\d*$/);
    const refused = await fetch(`${postgres!.base}/api/corrections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'actor.rename', id: actor.id, name: 'Another Name' }),
    });
    expect(refused.status).toBe(401);
    // A write the route refuses (an actor that does not exist) runs on a working copy and is not written back.
    const unknown = await fetch(`${postgres!.base}/api/corrections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sitrep-token': postgres!.token },
      body: JSON.stringify({ kind: 'actor.rename', id: 'ent_no_such_actor', name: 'Another Name' }),
    });
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
    expect(await storeVersionOf(pgUrl)).toBe(version);
  }, 300_000);
});

describe.skipIf(unavailable !== null)('the read copy of a PostgreSQL store', () => {
  let url = '';
  let drop: (() => Promise<void>) | undefined;
  let store: Store | undefined;
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-pg-copy-'));
  let made = 0;
  const newCopy = (): Db => openDb(join(tmp, `copy-${++made}.db`));

  beforeAll(async () => {
    ({ url, drop } = await throwAwayDatabase());
    store = await openStore(url);
    // Three actors written in the order c, a, b (not the order of their ids).
    await store.write((db) => {
      const insert = db.prepare("INSERT INTO entities (id, name, type, mentions) VALUES (?, ?, 'person', 1)");
      for (const id of ['ent_c', 'ent_a', 'ent_b']) insert.run(id, `Invented ${id}`);
    });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  const writtenOrder = async (): Promise<string[]> => {
    const db = newCopy();
    try {
      await store!.copyInto(db);
      return db.prepare('SELECT id FROM entities ORDER BY rowid').pluck().all() as string[];
    } finally {
      db.close();
    }
  };

  it('cuts short a copy whose COPY waits, and the store is usable after', async () => {
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE articles IN ACCESS EXCLUSIVE MODE');
      const db = newCopy();
      let settled = false;
      const copying = store!.copyInto(db).finally(() => {
        settled = true;
      });
      copying.catch(() => undefined);
      // The copy reaches the locked table and waits there (it would for ever): then it is cut short.
      await new Promise((r) => setTimeout(r, 2_000));
      expect(settled).toBe(false);
      const started = performance.now();
      expect(abortPull(db, new Error('stopped by the test'))).toBe(true);
      await expect(copying).rejects.toThrow('stopped by the test');
      expect(performance.now() - started).toBeLessThan(5_000);
      db.close();
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect(await writtenOrder()).toEqual(['ent_c', 'ent_a', 'ent_b']);
  }, 120_000);

  it('reads the written order after an UPDATE or CLUSTER moved the rows in PostgreSQL', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const physical = async (): Promise<string[]> =>
      (await client.query<{ id: string }>('SELECT id FROM entities ORDER BY ctid')).rows.map((r) => r.id);
    try {
      // The new row version goes to the end of the table: by position, c is now last.
      await client.query("UPDATE entities SET mentions = 2 WHERE id = 'ent_c'");
      expect(await physical()).toEqual(['ent_a', 'ent_b', 'ent_c']);
      expect(await writtenOrder()).toEqual(['ent_c', 'ent_a', 'ent_b']);
      // The table rewritten in another order (c, b, a), as CLUSTER, VACUUM FULL or pg_repack do.
      await client.query('CREATE INDEX entities_by_name_test ON entities (mentions DESC, name DESC)');
      await client.query('CLUSTER entities USING entities_by_name_test');
      await client.query('DROP INDEX entities_by_name_test');
      expect(await physical()).toEqual(['ent_c', 'ent_b', 'ent_a']);
    } finally {
      await client.end();
    }
    expect(await writtenOrder()).toEqual(['ent_c', 'ent_a', 'ent_b']);
  }, 120_000);

  it('exports actors tied on mentions and name in their written order, as SQLite does', async () => {
    const exported = async (write: (sink: (s: string) => void) => Promise<void>): Promise<string[]> => {
      let out = '';
      await write((s) => {
        out += s;
      });
      return (JSON.parse(out) as { entities: Array<{ id: string }> }).entities.map((e) => e.id);
    };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // One name and one count for all three: only the written order tells them apart. The rows are rewritten
      // in the opposite order first, so a read in physical order would give another answer.
      await client.query("UPDATE entities SET name = 'Invented Tie', mentions = 3");
      await client.query('CREATE INDEX entities_by_id_test ON entities (id DESC)');
      await client.query('CLUSTER entities USING entities_by_id_test');
      await client.query('DROP INDEX entities_by_id_test');
    } finally {
      await client.end();
    }
    const fromPostgres = await exported((sink) => store!.writeJsonExport(async (s) => sink(s)));
    expect(fromPostgres).toEqual(['ent_c', 'ent_a', 'ent_b']);
    const db = newCopy();
    try {
      await store!.copyInto(db);
      expect(await exported((sink) => writeJsonExport(db, async (s) => sink(s)))).toEqual(fromPostgres);
    } finally {
      db.close();
    }
  }, 120_000);
});
