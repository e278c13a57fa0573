import { Hono } from 'hono';
import type { QueuedJob, QueueStatus, WorkQueue } from '../queue/index.js';

/** Jobs listed by `GET /api/jobs`: quarantined ones first, then the newest. */
const LISTED = 50;

export interface JobsAnswer {
  /** False when the server was started without a queue (`--queue`, `SITREP_QUEUE`). */
  configured: boolean;
  status: QueueStatus | null;
  jobs: QueuedJob[];
}

/**
 * The job queue as the UI's Sources view shows it, mounted at `/api/jobs`: counts, the rate of stored articles,
 * the recent and quarantined jobs (`GET`), and a retry of a quarantined job (`POST /api/jobs/:id/retry`, a write:
 * the store's token and same-origin JSON, like every write). Answered fresh: jobs change without a store commit.
 */
export function queueRoutes(queue: WorkQueue | null) {
  return new Hono()
    .get('/', async (c) => {
      if (!queue) return c.json({ configured: false, status: null, jobs: [] } satisfies JobsAnswer, 200);
      const [status, jobs] = await Promise.all([queue.status(), queue.list(LISTED)]);
      return c.json({ configured: true, status, jobs } satisfies JobsAnswer, 200);
    })
    .post('/:id/retry', async (c) => {
      if (!queue) return c.json({ error: 'this server has no job queue (start it with --queue)' }, 404);
      const id = c.req.param('id');
      if (!(await queue.retry(id))) return c.json({ error: 'no quarantined job with that id' }, 404);
      return c.json({ retried: id }, 200);
    });
}

export type QueueApi = ReturnType<typeof queueRoutes>;
