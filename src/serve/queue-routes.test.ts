import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkQueue } from '../queue/index.js';
import { postgresForTests, throwawayDb, type ThrowawayDb } from '../queue/test-pg.js';
import { openDb, type Db } from '../store/index.js';
import { createApp, type ServedApp } from './app.js';
import type { JobsAnswer } from './queue-routes.js';
import { storeToken } from './token.js';

const available = await postgresForTests();

describe('GET /api/jobs without a queue', () => {
  it('says the server has none, and refuses a retry', async () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'sitrep-jobs-')), 's.db'));
    const app = createApp(db);
    try {
      expect(await (await app.request('/api/jobs')).json()).toEqual({ configured: false, status: null, jobs: [] });
      const res = await app.request('/api/jobs/00000000-0000-0000-0000-000000000000/retry', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sitrep-token': storeToken(db) },
        body: '{}',
      });
      expect(res.status).toBe(404);
    } finally {
      app.stopWorkers();
      db.close();
    }
  });
});

describe.skipIf(!available)('/api/jobs on a real queue', () => {
  let pg: ThrowawayDb;
  let queue: WorkQueue;
  let db: Db;
  let app: ServedApp;
  let failedId: string;
  beforeAll(async () => {
    pg = await throwawayDb();
    // A worker of its own, stopped once the job is quarantined, so that nothing runs the job again during the test.
    const worker = await WorkQueue.open(pg.url, { pollSeconds: 0.5 });
    await worker.enqueue({ input: { kind: 'file', path: '/in/unreadable.txt' }, key: 'd'.repeat(64) }, { retries: 0 });
    await worker.work(
      1,
      async () => {
        throw new Error('permission denied');
      },
      async () => undefined,
    );
    for (;;) {
      const failed = (await worker.list()).find((j) => j.state === 'failed');
      if (failed) {
        failedId = failed.id;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    await worker.stop(1000);
    queue = await WorkQueue.open(pg.url, { supervise: false });
    db = openDb(join(mkdtempSync(join(tmpdir(), 'sitrep-jobs-')), 's.db'));
    app = createApp(db, { queue });
  });
  afterAll(async () => {
    app?.stopWorkers();
    db?.close();
    await queue?.stop(1000);
    await pg?.drop();
  });

  it('lists the quarantined job with its error and the counts, fresh on every request', async () => {
    const body = (await (await app.request('/api/jobs')).json()) as JobsAnswer;
    expect(body.configured).toBe(true);
    expect(body.status).toMatchObject({ queued: 0, running: 0, done: 0, failed: 1 });
    expect(body.jobs).toHaveLength(1);
    expect(body.jobs[0]).toMatchObject({ id: failedId, state: 'failed', error: 'permission denied' });
  });

  it('retries only with the token, same-origin JSON', async () => {
    const path = `/api/jobs/${failedId}/retry`;
    const token = storeToken(db);
    expect((await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' } })).status).toBe(
      401,
    );
    const cross = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sitrep-token': token, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const ok = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sitrep-token': token },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    const after = (await (await app.request('/api/jobs')).json()) as JobsAnswer;
    expect(after.status).toMatchObject({ queued: 1, failed: 0 });
    expect(after.jobs[0]).toMatchObject({ id: failedId, state: 'queued' });
  });
});
