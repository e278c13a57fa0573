import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { AliasFile } from '../resolve/index.js';
import { openDb } from '../store/index.js';
import { resolveClaimGroups, resolveEntities } from './resolve-entities.js';

export interface ResolveWorkerData {
  /** The store's file; the worker reads it through a read-only connection of its own. */
  path: string;
  aliases: AliasFile;
  /** Where the claim groups go (read with receiveMessageOnPort, so a synchronous writer can take them). */
  claimsPort: MessagePort;
}

/**
 * Worker thread (see `resolveCorpus`): posts a store's entities and actor keys to its parent as soon as they
 * are resolved, then its claim groups on `claimsPort`.
 */
if (!parentPort) throw new Error('resolve-worker.ts must run as a worker thread');
const { path, aliases, claimsPort } = workerData as ResolveWorkerData;
const db = openDb(path, { readonly: true });
try {
  const { entities, actorKeys } = resolveEntities(db, aliases);
  parentPort.postMessage({ entities, actorKeys });
  claimsPort.postMessage(resolveClaimGroups(db, actorKeys));
} finally {
  db.close();
}
