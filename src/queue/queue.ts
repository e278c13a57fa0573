import PgBoss from 'pg-boss';
import { describeInput, jobId, type JobInput, type PlannedJob } from './jobs.js';
import type { JobOutcome } from './run-job.js';

/**
 * The job queue: pg-boss on PostgreSQL (its tables in the schema `sitrep_queue`). Article jobs carry one input
 * each; after a job that stored articles, one corpus job (resolve, stories) is asked for on a `stately` queue,
 * which holds at most one waiting and one running, so a burst of article jobs asks for one corpus run, not many.
 * A job that runs past its time limit (a killed or hung worker) is failed by whichever worker supervises next and
 * retried; one that fails `retries + 1` times stays `failed` — quarantined, with its error — until retried.
 */
export const ARTICLE_QUEUE = 'sitrep-articles';
export const CORPUS_QUEUE = 'sitrep-corpus';
export const QUEUE_SCHEMA = 'sitrep_queue';

export interface JobSettings {
  /** Retries after the first attempt before a job is quarantined (default 3). */
  retries?: number;
  /** First retry delay in seconds, doubled each time with jitter (default 10). */
  retryDelaySeconds?: number;
  /** A job's time limit, and how long a killed worker holds its job (default 900 s). */
  timeoutSeconds?: number;
}

export const JOB_DEFAULTS: Required<JobSettings> = { retries: 3, retryDelaySeconds: 10, timeoutSeconds: 900 };

export interface QueueOptions {
  /** Check for jobs past their time limit every this many seconds (default 60). */
  superviseSeconds?: number;
  /** Look for new jobs every this many seconds when idle (default 2). */
  pollSeconds?: number;
  /** Take part in supervision (expiring jobs of dead workers, archiving). Default true; readers say false. */
  supervise?: boolean;
  /** Report a queue error that is not a job's (lost connection, …). */
  onError?: (error: Error) => void;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface QueueStatus {
  queued: number;
  running: number;
  done: number;
  failed: number;
  /** Articles the jobs finished in the last `windowSeconds` added. */
  recentArticles: number;
  /** `recentArticles` over the time from the first of those jobs' start to the last one's end (null: none). */
  articlesPerSecond: number | null;
  windowSeconds: number;
}

export interface QueuedJob {
  id: string;
  state: JobState;
  input: JobInput;
  /** One line naming the input. */
  label: string;
  attempts: number;
  /** The last error (failed jobs, and queued ones waiting for a retry). */
  error: string | null;
  outcome: JobOutcome | null;
  createdOn: string;
  completedOn: string | null;
}

const RATE_WINDOW_SECONDS = 600;

/** pg-boss states as the four `sitrep status` shows. */
function stateOf(s: string): JobState {
  if (s === 'active') return 'running';
  if (s === 'completed') return 'done';
  if (s === 'failed' || s === 'cancelled') return 'failed';
  return 'queued';
}

function errorText(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const o = output as { message?: unknown; value?: { message?: unknown } };
  const m = o.message ?? o.value?.message;
  return typeof m === 'string' ? m : null;
}

type Row = Record<string, unknown>;

export class WorkQueue {
  private constructor(private readonly boss: PgBoss) {}

  /** Connect, create the queue's tables on first use, make the two queues. */
  static async open(url: string, options: QueueOptions = {}): Promise<WorkQueue> {
    const boss = new PgBoss({
      connectionString: url,
      schema: QUEUE_SCHEMA,
      application_name: 'sitrep',
      max: 4,
      maintenanceIntervalSeconds: options.superviseSeconds ?? 60,
      pollingIntervalSeconds: options.pollSeconds ?? 2,
      // Finished jobs stay countable (and quarantined ones retryable) for a week.
      archiveCompletedAfterSeconds: 7 * 24 * 3600,
      archiveFailedAfterSeconds: 30 * 24 * 3600,
      schedule: false,
      supervise: options.supervise ?? true,
    });
    boss.on('error', (err: Error) => options.onError?.(err));
    await boss.start();
    await boss.createQueue(ARTICLE_QUEUE, { name: ARTICLE_QUEUE, policy: 'standard' });
    await boss.createQueue(CORPUS_QUEUE, { name: CORPUS_QUEUE, policy: 'stately' });
    return new WorkQueue(boss);
  }

  private async sql(text: string, values: unknown[] = []): Promise<Row[]> {
    return (await this.boss.getDb().executeSql(text, values)).rows as Row[];
  }

  /**
   * Send a job unless one with the same content key is already queued, running, done or quarantined
   * (its id is derived from the key). Feed polls are never deduplicated: each is a new look at the feed.
   * True when the job is new.
   */
  async enqueue(job: PlannedJob, settings: JobSettings = {}): Promise<boolean> {
    const s = { ...JOB_DEFAULTS, ...settings };
    const id = await this.boss.send(ARTICLE_QUEUE, job.input, {
      ...(job.input.kind === 'feed' ? {} : { id: jobId(job.key) }),
      retryLimit: s.retries,
      retryDelay: s.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: s.timeoutSeconds,
    });
    return id !== null;
  }

  /**
   * Run article jobs (`concurrency` at a time) and corpus jobs (one at a time) until `stop`. A corpus job is asked
   * for after each article job that added articles or ran again.
   */
  async work(
    concurrency: number,
    runArticles: (input: JobInput) => Promise<JobOutcome>,
    runCorpus: () => Promise<void>,
    timeoutSeconds = JOB_DEFAULTS.timeoutSeconds,
  ): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      await this.boss.work<JobInput>(ARTICLE_QUEUE, { batchSize: 1, includeMetadata: true }, async ([job]) => {
        const outcome = await runArticles(job!.data);
        // A run after a failed or killed one asks too: the earlier run may have stored every article and died
        // before asking.
        if (outcome.added > 0 || job!.retryCount > 0)
          await this.boss.send(CORPUS_QUEUE, {}, { retryLimit: 3, retryDelay: 30, expireInSeconds: timeoutSeconds });
        return outcome;
      });
    }
    await this.boss.work(CORPUS_QUEUE, { batchSize: 1 }, async () => {
      await runCorpus();
      return {};
    });
  }

  /** Counts by state and the recent rate of stored articles. */
  async status(): Promise<QueueStatus> {
    const counts: QueueStatus = {
      queued: 0,
      running: 0,
      done: 0,
      failed: 0,
      recentArticles: 0,
      articlesPerSecond: null,
      windowSeconds: RATE_WINDOW_SECONDS,
    };
    const rows = await this.sql(
      `SELECT state::text AS state, count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 GROUP BY state
       UNION ALL
       SELECT state::text, count(*)::int FROM ${QUEUE_SCHEMA}.archive WHERE name = $1 GROUP BY state`,
      [ARTICLE_QUEUE],
    );
    for (const r of rows) counts[stateOf(String(r.state))] += Number(r.n);
    const [rate] = await this.sql(
      `SELECT coalesce(sum((output->>'added')::int), 0)::int AS added,
              extract(epoch FROM max(completed_on) - min(started_on))::float8 AS secs
         FROM ${QUEUE_SCHEMA}.job
        WHERE name = $1 AND state = 'completed' AND completed_on > now() - make_interval(secs => $2)`,
      [ARTICLE_QUEUE, RATE_WINDOW_SECONDS],
    );
    counts.recentArticles = Number(rate?.added ?? 0);
    const secs = rate?.secs === null || rate?.secs === undefined ? null : Number(rate.secs);
    counts.articlesPerSecond = secs && secs > 0 ? counts.recentArticles / secs : null;
    return counts;
  }

  /** No job of either queue is waiting, waiting for a retry or running. */
  async idle(): Promise<boolean> {
    const [row] = await this.sql(
      `SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = ANY($1) AND state < 'completed'`,
      [[ARTICLE_QUEUE, CORPUS_QUEUE]],
    );
    return Number(row?.n ?? 0) === 0;
  }

  /** The most recent jobs, failed ones first (quarantine before history), then by creation, newest first. */
  async list(limit = 100): Promise<QueuedJob[]> {
    const rows = await this.sql(
      `SELECT id, state::text AS state, data, output, retry_count, created_on, completed_on
         FROM ${QUEUE_SCHEMA}.job WHERE name = $1
        ORDER BY (state = 'failed') DESC, created_on DESC, id LIMIT $2`,
      [ARTICLE_QUEUE, limit],
    );
    return rows.map((r): QueuedJob => {
      const state = stateOf(String(r.state));
      const input = r.data as JobInput;
      const output = r.output as unknown;
      return {
        id: String(r.id),
        state,
        input,
        label: describeInput(input),
        attempts: Number(r.retry_count) + (state === 'queued' && Number(r.retry_count) === 0 ? 0 : 1),
        error: state === 'done' ? null : errorText(output),
        outcome: state === 'done' ? (output as JobOutcome | null) : null,
        createdOn: (r.created_on as Date).toISOString(),
        completedOn: r.completed_on ? (r.completed_on as Date).toISOString() : null,
      };
    });
  }

  /** Put a quarantined job back in the queue (one more attempt). False when no failed job has that id. */
  async retry(id: string): Promise<boolean> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return false;
    const [row] = await this.sql(`SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = $2 AND state = 'failed'`, [
      ARTICLE_QUEUE,
      id,
    ]);
    if (!row) return false;
    await this.boss.retry(ARTICLE_QUEUE, id);
    return true;
  }

  /**
   * Stop taking jobs; wait up to `graceMs` for running ones to finish, then fail them so that another worker retries
   * them at once (their attempt counts). Closes the connection.
   */
  async stop(graceMs = 30_000): Promise<void> {
    await new Promise<void>((resolve) => {
      this.boss.once('stopped', () => resolve());
      void this.boss.stop({ graceful: true, timeout: graceMs, wait: false });
    });
  }
}
