import { Worker } from 'node:worker_threads';
import type { ExportEvent } from '../model/index.js';
import { EventMentionTable, EventMerger, emptyAliasFile, exportEvent, type AliasFile, type EventMentionRecord } from '../resolve/index.js';
import { articleIdLoader, latestSeq, storedEventMentions, writeResolved, type Db, type ResolvedCounts } from '../store/index.js';
import { resolveEntitiesAndClaims, type EntitiesAndClaims } from './resolve-entities.js';
import type { ResolveWorkerData } from './resolve-worker.js';
import { workerScript } from './worker-script.js';

/**
 * The corpus-level step after ingest: actors across articles, events across mentions, claim groups.
 * Reads aggregates from the store, resolves, and writes the derived tables back in one transaction.
 */

/** The event mentions, read once, in one sequential pass, into a packed table (tens of bytes a mention). */
function readEventTable(db: Db): EventMentionTable {
  const table = new EventMentionTable();
  for (const m of storedEventMentions(db)) table.add(m);
  return table;
}

/**
 * Corpus events, one type at a time (events never merge across types): each type's mentions are merged by
 * their numbers in the table, and each event's mentions are rebuilt from it to export the event. Memory
 * follows the packed table and one type's clusters, never every mention as an object.
 */
function* resolveEvents(db: Db, table: EventMentionTable, actorKeys: ReadonlyMap<string, string>): Generator<ExportEvent> {
  const articleId = articleIdLoader(db);
  const record = (i: number): EventMentionRecord => ({ articleId: articleId(table.seq(i)), event: table.mention(i) });
  for (const { mentions } of table.byType()) {
    const merger = new EventMerger<number>(actorKeys);
    for (const i of mentions) merger.add(table.mention(i), i);
    for (const c of merger.finish()) yield exportEvent(c, c.refs.map(record), actorKeys);
  }
}

interface Beside<T> {
  result: Promise<T>;
  stop(): void;
}

/**
 * Entities and claim groups resolved on a worker thread, through its own read-only connection, while this
 * thread reads the event mentions (the resolve runs once the analysis workers are idle, so a core is free).
 * Null where a second connection would not see what this one sees: an in-memory store, an open transaction,
 * or no compiled worker script.
 */
function entitiesAndClaimsBeside(db: Db, aliases: AliasFile): Beside<EntitiesAndClaims> | null {
  const script = workerScript('resolve-worker.js');
  if (!script || db.memory || db.inTransaction) return null;
  const data: ResolveWorkerData = { path: db.name, aliases };
  const worker = new Worker(script, { workerData: data });
  const result = new Promise<EntitiesAndClaims>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`resolve worker exited (code ${code}) without a result`)));
  });
  // Awaited once the event mentions are read; a failure before then is not an unhandled rejection.
  result.catch(() => undefined);
  return { result, stop: () => void worker.terminate() };
}

/** Resolve the corpus and replace the derived tables (events are merged as they are written). */
export async function resolveCorpus(db: Db, aliases: AliasFile = emptyAliasFile()): Promise<ResolvedCounts> {
  const beside = entitiesAndClaimsBeside(db, aliases);
  try {
    const table = readEventTable(db);
    const { entities, actorKeys, claimGroups } = beside ? await beside.result : resolveEntitiesAndClaims(db, aliases);
    return writeResolved(db, { entities, actorKeys, events: resolveEvents(db, table, actorKeys), claimGroups }, latestSeq(db));
  } finally {
    beside?.stop();
  }
}
