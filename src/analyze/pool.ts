import { Worker } from 'node:worker_threads';
import type { PageItem, RawArticle } from '../model/index.js';
import { articleRecord, type ArticleRecord } from '../store/index.js';
import { analyzeArticle } from './pipeline.js';
import { extractPage } from '../ingest/index.js';
import { workerScript } from './worker-script.js';

export type WorkerRequest =
  | { batch: number; job: 'analyze'; items: Array<{ id: string; raw: RawArticle }> }
  | { batch: number; job: 'extract'; items: PageItem[] };

export type ArticleResult = { ok: true; record: ArticleRecord } | { ok: false; id: string; error: string };
export type ExtractResult = { ok: true; raw: RawArticle } | { ok: false; origin: string; error: string };

export interface WorkerResponse {
  batch: number;
  results: ArticleResult[] | ExtractResult[];
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const WORKER_OLD_GEN_MB = 320;

/** Every item of a request reported as failed (its worker died). */
function failedResults(req: WorkerRequest, error: string): WorkerResponse['results'] {
  if (req.job === 'extract') return req.items.map((item): ExtractResult => ({ ok: false, origin: item.origin, error }));
  return req.items.map((item): ArticleResult => ({ ok: false, id: item.id, error }));
}

/** Run one request's work on this thread (the worker's body, and the pool without threads). */
export function runJob(req: WorkerRequest): WorkerResponse['results'] {
  if (req.job === 'extract') {
    return req.items.map((item): ExtractResult => {
      try {
        return { ok: true, raw: extractPage(item) };
      } catch (err) {
        return { ok: false, origin: item.origin, error: errorText(err) };
      }
    });
  }
  return req.items.map((item): ArticleResult => {
    try {
      return { ok: true, record: articleRecord(analyzeArticle(item.raw, item.id)) };
    } catch (err) {
      return { ok: false, id: item.id, error: errorText(err) };
    }
  });
}

/**
 * Analyzes articles on worker threads (one per core by default), returning results in submission order.
 * With `threads: 0` everything runs on the calling thread (tests, tiny inputs).
 */
export class AnalyzerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<(w: Worker) => void> = [];
  /** The request each busy worker is on, to fail just that batch if the worker dies. */
  private readonly current = new Map<Worker, { req: WorkerRequest; resolve: (r: WorkerResponse['results']) => void }>();
  private nextBatch = 0;
  private closing = false;

  constructor(
    threads: number,
    private readonly script: string | null = threads > 0 ? workerScript('worker.js') : null,
  ) {
    if (!script) return;
    for (let i = 0; i < threads; i++) this.spawn();
  }

  private spawn(): Worker {
    // A bounded heap keeps memory flat over long runs (V8 otherwise grows worker heaps lazily); a page
    // that needs more kills only its worker, which is replaced and its batch reported as failed.
    const w = new Worker(this.script!, { resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GEN_MB } });
    w.on('message', (res: WorkerResponse) => {
      const job = this.current.get(w);
      this.current.delete(w);
      this.release(w);
      job?.resolve(res.results);
    });
    w.on('error', (err) => this.replace(w, err));
    w.on('exit', (code) => {
      if (!this.closing) this.replace(w, new Error(`worker exited (code ${code})`));
    });
    this.workers.push(w);
    this.idle.push(w);
    return w;
  }

  private replace(w: Worker, err: Error): void {
    const at = this.workers.indexOf(w);
    if (at < 0 || this.closing) return;
    this.workers.splice(at, 1);
    const idleAt = this.idle.indexOf(w);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    void w.terminate();
    const job = this.current.get(w);
    this.current.delete(w);
    const fresh = this.spawn();
    this.idle.splice(this.idle.indexOf(fresh), 1);
    this.release(fresh);
    if (job) job.resolve(failedResults(job.req, `analysis worker failed: ${err.message}`));
  }

  get threads(): number {
    return this.workers.length;
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Analyze one batch. Resolves when a worker has finished it. */
  async run(items: Array<{ id: string; raw: RawArticle }>): Promise<ArticleResult[]> {
    return (await this.submit({ batch: 0, job: 'analyze', items })) as ArticleResult[];
  }

  /** Extract the main text of a batch of pages. */
  async extract(items: PageItem[]): Promise<ExtractResult[]> {
    return (await this.submit({ batch: 0, job: 'extract', items })) as ExtractResult[];
  }

  private async submit(req: WorkerRequest): Promise<WorkerResponse['results']> {
    if (this.workers.length === 0) return runJob(req);
    const w = await this.acquire();
    const batch = this.nextBatch++;
    return new Promise<WorkerResponse['results']>((resolve) => {
      const sent = { ...req, batch } as WorkerRequest;
      this.current.set(w, { req: sent, resolve });
      w.postMessage(sent);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }
}
