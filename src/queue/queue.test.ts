import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInput, PlannedJob } from './jobs.js';
import { WorkQueue, type QueuedJob } from './queue.js';
import type { JobOutcome } from './run-job.js';
import { postgresForTests, throwawayDb, type ThrowawayDb } from './test-pg.js';

const available = await postgresForTests();

const job = (path: string, key: string): PlannedJob => ({ input: { kind: 'file', path }, key: key.repeat(64) });
const outcome = (added: number): JobOutcome => ({ seen: added, added, skipped: 0, failed: 0, problems: [] });

async function until<T>(what: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!available)('WorkQueue on a real PostgreSQL', () => {
  let pg: ThrowawayDb;
  beforeAll(async () => {
    pg = await throwawayDb();
  });
  afterAll(async () => {
    await pg?.drop();
  });

  it('stores a job once per content key, runs it, counts it done with the articles it added', async () => {
    const q = await WorkQueue.open(pg.url, { pollSeconds: 0.5 });
    try {
      expect(await q.enqueue(job('/in/a.txt', 'a'))).toBe(true);
      expect(await q.enqueue(job('/elsewhere/same-bytes.txt', 'a'))).toBe(false);
      expect(await q.enqueue(job('/in/b.txt', 'b'))).toBe(true);
      expect(await q.status()).toMatchObject({ queued: 2, running: 0, done: 0, failed: 0, articlesPerSecond: null });
      const ran: JobInput[] = [];
      let corpusRuns = 0;
      await q.work(
        1,
        async (input) => {
          ran.push(input);
          return outcome(input.kind === 'file' && input.path.endsWith('a.txt') ? 3 : 0);
        },
        async () => {
          corpusRuns++;
        },
      );
      const s = await until(async () => {
        const st = await q.status();
        return st.done === 2 && (await q.idle()) && st;
      });
      expect(ran.map((i) => (i.kind === 'file' ? i.path : ''))).toEqual(['/in/a.txt', '/in/b.txt']);
      expect(s.recentArticles).toBe(3);
      expect(s.articlesPerSecond).toBeGreaterThan(0);
      // Only the job that added articles asked for a corpus run.
      expect(corpusRuns).toBe(1);
      const listed = await q.list();
      expect(listed.map((j) => [j.state, j.outcome?.added])).toEqual([
        ['done', 0],
        ['done', 3],
      ]);
    } finally {
      await q.stop(1000);
    }
  });

  it('retries a failing job, then quarantines it with its error; retry puts it back', async () => {
    const q = await WorkQueue.open(pg.url, { pollSeconds: 0.5 });
    try {
      expect(await q.enqueue(job('/in/broken.txt', 'c'), { retries: 1, retryDelaySeconds: 0 })).toBe(true);
      let attempts = 0;
      await q.work(
        1,
        async () => {
          attempts++;
          throw new Error(`cannot read /in/broken.txt (attempt ${attempts})`);
        },
        async () => undefined,
      );
      const failed: QueuedJob = await until(async () => (await q.list()).find((j) => j.state === 'failed'));
      expect(attempts).toBe(2);
      expect(failed.error).toBe('cannot read /in/broken.txt (attempt 2)');
      expect(failed.label).toBe('/in/broken.txt');
      expect((await q.status()).failed).toBe(1);
      // Enqueuing the same content again does not bring it back: only a retry does.
      expect(await q.enqueue(job('/in/broken.txt', 'c'))).toBe(false);
      expect(await q.retry('00000000-0000-0000-0000-000000000000')).toBe(false);
      expect(await q.retry('not an id')).toBe(false);
      expect(await q.retry(failed.id)).toBe(true);
      await until(async () => attempts === 3);
      await until(async () => (await q.list()).find((j) => j.id === failed.id && j.state === 'failed'));
      expect(await q.retry(failed.id)).toBe(true);
    } finally {
      await q.stop(1000);
    }
  });

  it('asks for a corpus run after a job that ran again, even when that run added nothing', async () => {
    // A queue of its own: the job the test above put back must not run here.
    const own = await throwawayDb();
    const q = await WorkQueue.open(own.url, { pollSeconds: 0.5 });
    try {
      // The first run stores the articles and dies before it can ask; the second finds them stored.
      expect(await q.enqueue(job('/in/again.txt', 'e'), { retries: 1, retryDelaySeconds: 0 })).toBe(true);
      let attempts = 0;
      let corpusRuns = 0;
      await q.work(
        1,
        async () => {
          if (++attempts === 1) throw new Error('killed after storing');
          return outcome(0);
        },
        async () => {
          corpusRuns++;
        },
      );
      await until(async () => attempts === 2 && (await q.idle()));
      expect(corpusRuns).toBe(1);
    } finally {
      await q.stop(1000);
      await own.drop();
    }
  });
});
