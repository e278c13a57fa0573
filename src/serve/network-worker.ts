import { parentPort, workerData } from 'node:worker_threads';
// The network's module alone, not the analyze barrel: the barrel loads the whole pipeline (its lexicons and
// models), which made the first network a visitor asked for wait ~0.5 s of CPU for this thread to start.
import { actorNetwork, type NetworkRange } from '../analyze/views.js';
import { boundServerConnection, openDb } from '../store/index.js';

/** The actor network computed on its own thread and read-only connection: it reads every event. */
export interface NetworkRequest {
  id: number;
  range: NetworkRange;
}

const db = openDb((workerData as { path: string }).path, { readonly: true });
boundServerConnection(db);
parentPort!.on('message', ({ id, range }: NetworkRequest) => {
  try {
    parentPort!.postMessage({ id, network: actorNetwork(db, range) });
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
