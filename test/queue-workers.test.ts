import { closeSync, mkdirSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain-JS bench helper shared with the benchmark
import { rng, syntheticArticle } from '../bench/synthetic.js';
import { search } from '../src/store/index.js';
import { postgresForTests, throwawayDb, type ThrowawayDb } from '../src/queue/test-pg.js';
import { runCli } from './run-cli.js';
import { startWorker } from './worker-process.js';

const available = await postgresForTests();

const FILES = 4;
const PER_FILE = 4;

describe.skipIf(!available)('two sitrep worker processes on one store, one killed -9 mid-job', () => {
  let pg: ThrowawayDb;
  beforeAll(async () => {
    pg = await throwawayDb();
  });
  afterAll(async () => {
    await pg?.drop();
  });

  it('stores every input article exactly once, searchable, and resolves the corpus', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-'));
    mkdirSync(join(dir, 'in'));
    // Synthetic articles (made-up text) numbered 0..15 across four files: "report N" is in each title.
    const r = rng(7);
    for (let f = 0; f < FILES; f++) {
      const fd = openSync(join(dir, 'in', `part-${f}.txt`), 'w');
      for (let i = 0; i < PER_FILE; i++) writeSync(fd, syntheticArticle(r, f * PER_FILE + i, 220));
      closeSync(fd);
    }
    const store = join(dir, 'store.db');
    const common = ['--queue', pg.url, '--db', store];
    const enq = await runCli(['enqueue', join(dir, 'in'), ...common, '--timeout', '30', '--retry-delay', '1']);
    expect(enq.code, enq.stderr).toBe(0);
    expect(enq.stderr).toContain('enqueued 4 job(s)');
    const again = await runCli(['enqueue', join(dir, 'in'), ...common]);
    expect(again.stderr).toContain('enqueued 0 job(s); 4 already in the queue');

    // Worker A is killed right after it stores the first article of a job: the rest of that job is not stored yet.
    let killedJob: string | null = null;
    let currentJob: string | null = null;
    const a = startWorker([...common, '--supervise-every', '2'], (line) => {
      const job = /^sitrep-trace: job (.*)$/.exec(line);
      if (job) currentJob = job[1]!;
      if (!killedJob && line.startsWith('sitrep-trace: stored ')) {
        killedJob = currentJob;
        a.child.kill('SIGKILL');
      }
    });
    const b = startWorker([...common, '--supervise-every', '2', '--drain']);
    const [aExit, bExit] = await Promise.all([a.exit, b.exit]);
    expect(aExit.signal, a.stderr()).toBe('SIGKILL');
    expect(bExit.code, b.stderr()).toBe(0);
    expect(killedJob).not.toBeNull();
    // The killed job was run again (by B after A's lock expired) and found part of it stored already.
    const path = (JSON.parse(killedJob!) as { path: string }).path;
    const rerun = b
      .stderr()
      .split('\n')
      .find((l) => l.includes(path) && /\d+ new, [1-9]\d* already stored/.test(l));
    expect(rerun, b.stderr()).toBeDefined();

    const db = new Database(store, { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) FROM articles').pluck().get()).toBe(FILES * PER_FILE);
      for (let n = 0; n < FILES * PER_FILE; n++) {
        const hits = search(db, `"report ${n}"`, 0, 5);
        expect(hits.total, `report ${n}`).toBe(1);
      }
      // The corpus job ran after the last article job: the resolve saw every article.
      expect(Number(db.prepare("SELECT value FROM meta WHERE key = 'resolved_seq'").pluck().get())).toBe(
        FILES * PER_FILE,
      );
    } finally {
      db.close();
    }
    const status = await runCli(['status', ...common, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ queued: 0, running: 0, done: FILES, failed: 0 });
  }, 240_000);

  it('SIGTERM lets a worker finish its running job, then it exits 0', async () => {
    const own = await throwawayDb();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-term-'));
      mkdirSync(join(dir, 'in'));
      const r = rng(8);
      const fd = openSync(join(dir, 'in', 'one.txt'), 'w');
      for (let i = 0; i < 3; i++) writeSync(fd, syntheticArticle(r, 100 + i, 200));
      closeSync(fd);
      const common = ['--queue', own.url, '--db', join(dir, 'store.db')];
      expect((await runCli(['enqueue', join(dir, 'in'), ...common])).code).toBe(0);
      let signalled = false;
      const w = startWorker(common, (line) => {
        if (!signalled && line.startsWith('sitrep-trace: stored ')) {
          signalled = true;
          w.child.kill('SIGTERM');
        }
      });
      const exit = await w.exit;
      expect(exit.code, w.stderr()).toBe(0);
      expect(w.stderr()).toMatch(/SIGTERM: finishing the running job/);
      // The job was under way when the signal came and was finished, not abandoned.
      expect(w.stderr()).toMatch(/3 new, 0 already stored, 0 failed/);
      const status = await runCli(['status', ...common, '--json']);
      expect(JSON.parse(status.stdout)).toMatchObject({ queued: 0, running: 0, done: 1, failed: 0 });
    } finally {
      await own.drop();
    }
  }, 120_000);
});
