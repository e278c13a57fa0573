import { parentPort } from 'node:worker_threads';
import { runJob, type WorkerRequest, type WorkerResponse } from './pool.js';

/** Worker thread: extracts pages and analyzes raw articles in batches; one failing item fails alone. */
if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;
port.on('message', (req: WorkerRequest) => {
  const res: WorkerResponse = { batch: req.batch, results: runJob(req) };
  port.postMessage(res);
});
