import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkQueue } from '../../src/queue/index.js';
import { postgresForTests, throwawayDb, type ThrowawayDb } from '../../src/queue/test-pg.js';
import { openUi, type UiSession, settled } from './harness.js';

const available = await postgresForTests();

describe.skipIf(!available)('Sources view: the job queue', () => {
  let pg: ThrowawayDb;
  let queue: WorkQueue;
  let ui: UiSession;
  beforeAll(async () => {
    pg = await throwawayDb();
    // Quarantine one job with a worker of the test's own, then stop it so nothing runs the job again.
    const worker = await WorkQueue.open(pg.url, { pollSeconds: 0.5 });
    await worker.enqueue({ input: { kind: 'file', path: '/in/locked-away.txt' }, key: 'f'.repeat(64) }, { retries: 0 });
    await worker.work(
      1,
      async () => {
        throw new Error('permission denied');
      },
      async () => undefined,
    );
    while (!(await worker.list()).some((j) => j.state === 'failed')) await new Promise((r) => setTimeout(r, 200));
    await worker.stop(1000);
    queue = await WorkQueue.open(pg.url, { supervise: false });
    ui = await openUi([], {}, { queue });
  }, 120_000);
  afterAll(async () => {
    await ui?.close();
    await queue?.stop(1000);
    await pg?.drop();
  });

  it('shows the quarantined job with its error, and its Retry button puts it back in the queue', async () => {
    const { page, base } = ui;
    await page.goto(`${base}/#/sources`);
    await settled(page);
    await page.waitForSelector('#job-counts');
    expect(await page.textContent('#job-counts')).toMatch(/queued 0 · running 0 · done 0 · failed 1/);
    const row = page.locator('tr.job-failed');
    expect(await row.textContent()).toContain('/in/locked-away.txt');
    expect(await row.textContent()).toContain('permission denied');
    await row.locator('button.retry-job').click();
    await page.waitForFunction(() =>
      /queued 1 · running 0 · done 0 · failed 0/.test(document.querySelector('#job-counts')?.textContent ?? ''),
    );
    expect(await page.locator('tr.job-failed').count()).toBe(0);
    expect(await page.locator('tr.job-queued').count()).toBe(1);
  });
});
