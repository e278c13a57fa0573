import { parentPort } from 'node:worker_threads';
import type { RawArticle } from '../model/index.js';
import { analyzeArticle, forTransfer } from './pipeline.js';
import type { WorkerRequest, WorkerResponse } from './pool.js';

/** Worker thread: analyzes batches of raw articles; one failing article fails alone. */
if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;
port.on('message', (req: WorkerRequest) => {
  const results: WorkerResponse['results'] = req.items.map((item: { id: string; raw: RawArticle }) => {
    try {
      return { ok: true as const, doc: forTransfer(analyzeArticle(item.raw, item.id)) };
    } catch (err) {
      return { ok: false as const, id: item.id, error: err instanceof Error ? err.message : String(err) };
    }
  });
  const res: WorkerResponse = { batch: req.batch, results };
  port.postMessage(res);
});
