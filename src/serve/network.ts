import { Worker } from 'node:worker_threads';
import { actorNetwork, type NetworkRange } from '../analyze/index.js';
import type { Db } from '../store/index.js';
import { StoreCache } from './cache.js';
import type { NetworkRequest } from './network-worker.js';
import { workerScript } from './worker-script.js';

export type Network = ReturnType<typeof actorNetwork>;

/** Networks kept per store version: one per date range and facets asked for. */
const KEEP = 32;

/**
 * The actor network for the API. It reads every event of the store (seconds on a large one), so it is built
 * on a worker thread, while the server goes on answering, and kept until the store changes. An in-memory store
 * (tests) builds it on this thread.
 */
export class NetworkViews {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (n: Network) => void; reject: (e: Error) => void }>();
  private seq = 0;
  private readonly cache: StoreCache<Promise<Network>>;
  private readonly script: string | null;

  constructor(private readonly db: Db) {
    this.cache = new StoreCache(db, KEEP);
    this.script = db.memory ? null : workerScript('network-worker.js');
  }

  network(range: NetworkRange): Promise<Network> {
    const key = JSON.stringify([range.from ?? '', range.to ?? '', range.facets ?? null]);
    const made = this.cache.get(key, () => this.build(range));
    // A failed build is not kept: the next request tries again.
    made.catch(() => this.cache.drop(key));
    return made;
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private build(range: NetworkRange): Promise<Network> {
    if (!this.script) return Promise.resolve(actorNetwork(this.db, range));
    const worker = this.ensureWorker(this.script);
    const id = ++this.seq;
    return new Promise<Network>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, range } satisfies NetworkRequest);
    });
  }

  private ensureWorker(script: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(script, { workerData: { path: this.db.name } });
    worker.unref();
    worker.on('message', (m: { id: number; network?: Network; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.network) p?.resolve(m.network);
      else p?.reject(new Error(m.error ?? 'no network'));
    });
    const fail = (err: Error): void => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the network worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
