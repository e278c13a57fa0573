import { parentPort, workerData } from 'node:worker_threads';
import type { AliasFile } from '../resolve/index.js';
import { openDb } from '../store/index.js';
import { resolveEntitiesAndClaims } from './resolve-entities.js';

export interface ResolveWorkerData {
  /** The store's file; the worker reads it through a read-only connection of its own. */
  path: string;
  aliases: AliasFile;
}

/** Worker thread: a store's entities and claim groups (see `resolveCorpus`), posted as one message. */
if (!parentPort) throw new Error('resolve-worker.ts must run as a worker thread');
const { path, aliases } = workerData as ResolveWorkerData;
const db = openDb(path, { readonly: true });
try {
  parentPort.postMessage(resolveEntitiesAndClaims(db, aliases));
} finally {
  db.close();
}
