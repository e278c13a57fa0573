import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Doc, RawArticle } from '../model/index.js';
import { analyzeArticle, forTransfer } from './pipeline.js';

export interface WorkerRequest {
  batch: number;
  items: Array<{ id: string; raw: RawArticle }>;
}

export type ArticleResult = { ok: true; doc: Doc } | { ok: false; id: string; error: string };

export interface WorkerResponse {
  batch: number;
  results: ArticleResult[];
}

/** The compiled worker script, whether we run from dist/ or from sources under a test runner. */
function workerScript(): string | null {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const dist = here.replace(/([/\\])src([/\\])analyze([/\\])worker\.js$/, '$1dist$2analyze$3worker.js');
  return existsSync(dist) ? dist : null;
}

/**
 * Analyzes articles on worker threads (one per core by default), returning results in submission order.
 * With `threads: 0` everything runs on the calling thread (tests, tiny inputs).
 */
export class AnalyzerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<(w: Worker) => void> = [];
  private readonly pending = new Map<number, { resolve: (r: ArticleResult[]) => void; reject: (e: Error) => void }>();
  private nextBatch = 0;

  constructor(threads: number) {
    const script = threads > 0 ? workerScript() : null;
    if (!script) return;
    for (let i = 0; i < threads; i++) {
      const w = new Worker(script);
      w.on('message', (res: WorkerResponse) => {
        const p = this.pending.get(res.batch);
        this.pending.delete(res.batch);
        this.release(w);
        p?.resolve(res.results);
      });
      w.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      this.workers.push(w);
      this.idle.push(w);
    }
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
  async run(items: WorkerRequest['items']): Promise<ArticleResult[]> {
    if (this.workers.length === 0) {
      return items.map((item) => {
        try {
          return { ok: true as const, doc: forTransfer(analyzeArticle(item.raw, item.id)) };
        } catch (err) {
          return { ok: false as const, id: item.id, error: err instanceof Error ? err.message : String(err) };
        }
      });
    }
    const w = await this.acquire();
    const batch = this.nextBatch++;
    return new Promise<ArticleResult[]>((resolve, reject) => {
      this.pending.set(batch, { resolve, reject });
      const req: WorkerRequest = { batch, items };
      w.postMessage(req);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }
}
