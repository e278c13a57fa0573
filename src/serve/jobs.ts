import { Worker } from 'node:worker_threads';
import type { Db } from '../store/index.js';
import type { JobWorkerData } from './job-worker.js';
import { runSourceJob, type JobOutcome, type JobSettings, type SourceJob } from './source-jobs.js';
import { workerScript } from './worker-script.js';

export interface JobStatus {
  id: string;
  kind: SourceJob['kind'];
  url: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  queuedAt: string;
  finishedAt: string | null;
  /** The job's answer once it is done (a page's article id, or why it added none; a feed's state). */
  outcome: JobOutcome | null;
  /** Why the job itself broke (not a refused or failed fetch: those are an outcome). */
  error: string | null;
}

/** Jobs kept for the status endpoint: the newest ones; older finished ones are forgotten. */
const KEEP = 100;

/**
 * The Sources jobs: one at a time (they write to the one store), each on a worker thread with its own
 * connection, so the server goes on answering while a page is fetched and the corpus re-resolved. An in-memory
 * store (tests) has no second connection: its jobs run on this thread.
 */
export class JobQueue {
  private readonly jobs = new Map<string, JobStatus>();
  private readonly waiting = new Map<string, Promise<JobStatus>>();
  private last: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private readonly workers = new Set<Worker>();
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly settings: JobSettings,
  ) {}

  /** Queue a job; the promise settles with its final status. */
  submit(job: SourceJob): JobStatus {
    const status: JobStatus = {
      id: `j${++this.seq}`,
      kind: job.kind,
      url: job.url,
      state: 'queued',
      queuedAt: new Date().toISOString(),
      finishedAt: null,
      outcome: null,
      error: null,
    };
    this.jobs.set(status.id, status);
    this.forget();
    const run = async (): Promise<JobStatus> => {
      if (this.closed) throw new Error('the server is stopping');
      status.state = 'running';
      try {
        status.outcome = await this.execute(job);
        status.state = 'done';
      } catch (err) {
        status.error = err instanceof Error ? err.message : String(err);
        status.state = 'failed';
      }
      status.finishedAt = new Date().toISOString();
      return status;
    };
    const done = this.last.then(run, run);
    this.last = done.catch(() => undefined);
    this.waiting.set(status.id, done);
    void done.finally(() => this.waiting.delete(status.id)).catch(() => undefined);
    return status;
  }

  /** The final status of a job submitted here. */
  finished(id: string): Promise<JobStatus> {
    return this.waiting.get(id) ?? Promise.resolve(this.jobs.get(id)!);
  }

  /** Settles when every job submitted so far has finished. */
  idle(): Promise<unknown> {
    return this.last;
  }

  get(id: string): JobStatus | null {
    return this.jobs.get(id) ?? null;
  }

  list(): JobStatus[] {
    return [...this.jobs.values()].reverse();
  }

  /** Stop: running workers are ended, queued jobs fail. */
  close(): void {
    this.closed = true;
    for (const w of this.workers) void w.terminate();
  }

  private execute(job: SourceJob): Promise<JobOutcome> {
    const script = workerScript('job-worker.js');
    if (!script || this.db.memory) return runSourceJob(this.db, job, this.settings);
    const data: JobWorkerData = { path: this.db.name, job, settings: this.settings };
    const worker = new Worker(script, { workerData: data });
    this.workers.add(worker);
    return new Promise<JobOutcome>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => {
        this.workers.delete(worker);
        reject(new Error(`the job stopped (exit code ${code}) before it answered`));
      });
    });
  }

  private forget(): void {
    for (const [id, s] of this.jobs) {
      if (this.jobs.size <= KEEP) break;
      if (s.state === 'done' || s.state === 'failed') this.jobs.delete(id);
    }
  }
}
