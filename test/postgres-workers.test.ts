import { closeSync, mkdirSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain-JS bench helper shared with the benchmark
import { rng, syntheticArticle } from '../bench/synthetic.js';
import { openStore } from '../src/store/index.js';
import { postgresUnavailable, suiteDatabase } from './pg-database.js';
import { runCli } from './run-cli.js';
import { startWorker } from './worker-process.js';

/**
 * Two `sitrep worker` processes writing into one PostgreSQL store (the store is the queue's database too), natively:
 * articles in batches of COPY beside each other, the corpus resolve as a coalesced job under the store's lock. One
 * worker is killed with SIGKILL between two batches of a job; every input ends up stored exactly once.
 */
const unavailable = await postgresUnavailable();

const FILES = 4;
const PER_FILE = 4;
// Batches of 2 articles: a job of 4 is written in two transactions, and a kill can fall between them.
const SMALL_BATCHES = { SITREP_PG_BATCH: '2' };
const TABLES = ['articles', 'article_fingerprints', 'mentions', 'quotes', 'claims', 'event_mentions'];

describe.skipIf(unavailable !== null)('two sitrep workers writing into one PostgreSQL store, one killed -9', () => {
  const db = suiteDatabase();

  it('stores every input exactly once, with its layers once, searchable, and resolves the corpus', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-workers-'));
    mkdirSync(join(dir, 'in'));
    // Synthetic articles (made-up text) numbered 0..15 across four files: "report N" is in each title.
    const r = rng(11);
    for (let f = 0; f < FILES; f++) {
      const fd = openSync(join(dir, 'in', `part-${f}.txt`), 'w');
      for (let i = 0; i < PER_FILE; i++) writeSync(fd, syntheticArticle(r, f * PER_FILE + i, 220));
      closeSync(fd);
    }
    const common = ['--db', db.url];
    const enq = await runCli(['enqueue', join(dir, 'in'), ...common, '--timeout', '30', '--retry-delay', '1']);
    expect(enq.code, enq.stderr).toBe(0);
    expect(enq.stderr).toContain('enqueued 4 job(s)');

    // Worker A is killed right after the first batch of a job is committed: the job's second batch is not stored.
    // B starts once A holds a job: started together, B (which drains) could take every job first under a loaded
    // machine, and A (which does not drain) would then never be killed and never exit.
    let killedJob: string | null = null;
    let currentJob: string | null = null;
    let aHasJob: () => void = () => undefined;
    const aStarted = new Promise<void>((resolve) => {
      aHasJob = resolve;
    });
    const a = startWorker(
      [...common, '--supervise-every', '2'],
      (line) => {
        const job = /^sitrep-trace: job (.*)$/.exec(line);
        if (job) {
          currentJob = job[1]!;
          aHasJob();
        }
        if (!killedJob && line.startsWith('sitrep-trace: stored ')) {
          killedJob = currentJob;
          a.child.kill('SIGKILL');
        }
      },
      SMALL_BATCHES,
    );
    await Promise.race([aStarted, a.exit]);
    const b = startWorker([...common, '--supervise-every', '2', '--drain'], undefined, SMALL_BATCHES);
    const [aExit, bExit] = await Promise.all([a.exit, b.exit]);
    expect(aExit.signal, a.stderr()).toBe('SIGKILL');
    expect(bExit.code, b.stderr()).toBe(0);
    expect(killedJob).not.toBeNull();
    // The killed job was run again (by B, once A's job timed out) and found its first batch stored already.
    const path = (JSON.parse(killedJob!) as { path: string }).path;
    const rerun = b
      .stderr()
      .split('\n')
      .find((l) => l.includes(path) && /\d+ new, [1-9]\d* already stored/.test(l));
    expect(rerun, b.stderr()).toBeDefined();

    // The same inputs analyzed into a SQLite store: every per-article table holds as many rows on PostgreSQL.
    const sqlitePath = join(dir, 'reference.db');
    const ref = await runCli(['analyze', join(dir, 'in'), '--db', sqlitePath, '--threads', '1']);
    expect(ref.code, ref.stderr).toBe(0);
    const sqlite = new Database(sqlitePath, { readonly: true });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const count = async (sql: string): Promise<number> => Number((await client.query(sql)).rows[0].n);
      for (const table of TABLES) {
        const expected = sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
        expect(await count(`SELECT COUNT(*) AS n FROM ${table}`), table).toBe(expected);
      }
      expect(await count('SELECT COUNT(*) AS n FROM articles')).toBe(FILES * PER_FILE);
      // No mention numbered twice, and each article's mentions numbered in one run (batches never interleave).
      expect(await count('SELECT COUNT(DISTINCT rowid) AS n FROM mentions')).toBe(
        await count('SELECT COUNT(*) AS n FROM mentions'),
      );
      // The corpus job ran after the last article job: the resolve saw every article, and built its tables.
      expect(await count("SELECT value::int AS n FROM meta WHERE key = 'resolved_seq'")).toBe(
        await count('SELECT MAX(seq) AS n FROM articles'),
      );
      for (const table of ['entities', 'events', 'story_members'])
        expect(await count(`SELECT COUNT(*) AS n FROM ${table}`), table).toBe(
          sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number,
        );
    } finally {
      await client.end();
      sqlite.close();
    }
    const store = await openStore(db.url);
    try {
      for (let n = 0; n < FILES * PER_FILE; n++) {
        const hits = await store.search(`"report ${n}"`, 0, 5);
        expect(hits.total, `report ${n}`).toBe(1);
      }
    } finally {
      await store.close();
    }
    const status = await runCli(['status', ...common, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ queued: 0, running: 0, done: FILES, failed: 0 });
  }, 300_000);
});
