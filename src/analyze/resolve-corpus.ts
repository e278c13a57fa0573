import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { ExportClaimGroup, ExportEvent } from '../model/index.js';
import {
  EventMentionTable,
  EventMerger,
  aliasFileWithCorrections,
  applyEventCorrections,
  emptyAliasFile,
  exportEvent,
  parseAliasFile,
  type AliasFile,
  type EventMentionRecord,
} from '../resolve/index.js';
import {
  activeCorrections,
  applyQuoteCorrections,
  correctionsVersion,
  articleIdLoader,
  seqStamp,
  storeAliasFile,
  storedAliasFile,
  storedEventMentions,
  writeResolved,
  type Db,
  type ResolvedCounts,
} from '../store/index.js';
import { resolveClaimGroups, resolveEntities, type ResolvedEntities } from './resolve-entities.js';
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
function* resolveEvents(
  db: Db,
  table: EventMentionTable,
  actorKeys: ReadonlyMap<string, string>,
): Generator<ExportEvent> {
  const articleId = articleIdLoader(db);
  const record = (i: number): EventMentionRecord => ({ articleId: articleId(table.seq(i)), event: table.mention(i) });
  for (const { mentions } of table.byType()) {
    const merger = new EventMerger<number>(actorKeys);
    for (const i of mentions) merger.add(table.mention(i), i, table.seq(i));
    for (const c of merger.finish()) yield exportEvent(c, c.refs.map(record), actorKeys);
  }
}

const WORKER_YOUNG_GEN_MB = 8;

interface Beside {
  entities: Promise<ResolvedEntities>;
  /** The claim groups, if the worker has posted them by now. */
  claimGroups(): ExportClaimGroup[] | undefined;
  stop(): void;
}

/**
 * Entities, then claim groups, resolved on a worker thread through its own read-only connection while this
 * thread reads the event mentions (the resolve runs once the analysis workers are idle, so a core is free).
 * Null where a second connection would not see what this one sees: an in-memory store, an open transaction,
 * or no compiled worker script.
 */
function resolveBeside(db: Db, aliases: AliasFile): Beside | null {
  const script = workerScript('resolve-worker.js');
  if (!script || db.memory || db.inTransaction) return null;
  const claims = new MessageChannel();
  const data: ResolveWorkerData = { path: db.name, aliases, claimsPort: claims.port2 };
  // It runs beside this thread's event merge: a small young generation keeps the two heaps' sum down (it only
  // scans and counts; at 20,000 articles peak RSS ~390 -> ~350 MB), and costs it a few more scavenges.
  const worker = new Worker(script, {
    workerData: data,
    transferList: [claims.port2],
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GEN_MB },
  });
  const entities = new Promise<ResolvedEntities>((resolve, reject) => {
    worker.once('message', resolve);
    // Kept for the worker's life: a failure after the entities leaves the claim groups to this thread.
    worker.on('error', reject);
    worker.once('exit', (code) => reject(new Error(`resolve worker exited (code ${code}) without a result`)));
  });
  // Awaited once the event mentions are read; a failure before then is not an unhandled rejection.
  entities.catch(() => undefined);
  return {
    entities,
    claimGroups: () => receiveMessageOnPort(claims.port1)?.message as ExportClaimGroup[] | undefined,
    stop: () => {
      claims.port1.close();
      void worker.terminate();
    },
  };
}

/** A corpus resolve under way (see `startResolve`). */
export interface Resolving {
  /** Resolve what the worker has not, write the derived tables, and stop the worker. */
  finish(): Promise<ResolvedCounts>;
  /** Stop without writing (the caller failed before `finish`). */
  abandon(): void;
}

/**
 * Start resolving the corpus: the worker (when there can be one) begins reading the committed store at once,
 * so the caller may go on with other work on this thread first (analyze rebuilds its deferred indexes) and
 * then call `finish`. Whatever the caller writes in between is not seen by the worker.
 */
export function startResolve(db: Db, given?: AliasFile): Resolving {
  // Taken before anything is read, so the stamp never claims articles another process adds meanwhile.
  const stamp = seqStamp(db);
  // An alias file given (by `analyze`) becomes the store's; a resolve without one (a correction in the
  // workbench) uses the store's, so the analyst's merges and renames survive it.
  const userAliases = given ?? aliasFileOfStore(db);
  if (given) storeAliasFile(db, given);
  // The analyst's corrections outlive every resolve: the actor ones join the alias file, the event ones are
  // applied to the merged events, the quote ones written back into the quotes.
  const version = correctionsVersion(db);
  const corrections = activeCorrections(db);
  const aliases = aliasFileWithCorrections(userAliases, corrections);
  // Written before the worker reads, so the claim groups it builds see the corrected claimants.
  applyQuoteCorrections(db, corrections);
  const beside = resolveBeside(db, aliases);
  return {
    finish: async () => {
      try {
        const table = readEventTable(db);
        // A worker that failed (say, it could not open the store) costs only time: this thread does its work.
        const { entities, actorKeys } = beside
          ? await beside.entities.catch(() => resolveEntities(db, aliases))
          : resolveEntities(db, aliases);
        // Claim groups are written after the events, by when the worker has posted them unless the store is tiny
        // (it is still starting up): then they are resolved here.
        function* claimGroups(): Generator<ExportClaimGroup> {
          yield* beside?.claimGroups() ?? resolveClaimGroups(db, actorKeys);
        }
        const byId = new Map(entities.map((e) => [e.id, e]));
        const events = applyEventCorrections(resolveEvents(db, table, actorKeys), corrections, {
          actorKeys,
          entity: (id) => byId.get(id),
        });
        const counts = writeResolved(db, { entities, actorKeys, events, claimGroups: claimGroups() }, stamp, version);
        // A correction was made or undone meanwhile: this resolve applied the ones before it, so it starts again.
        if (!counts) return await startResolve(db, userAliases).finish();
        applyQuoteCorrections(db);
        return counts;
      } finally {
        beside?.stop();
      }
    },
    abandon: () => beside?.stop(),
  };
}

/**
 * Resolve the corpus and replace the derived tables (events are merged as they are written). Without `aliases`
 * the alias file the store was last analyzed with applies.
 */
export function resolveCorpus(db: Db, aliases?: AliasFile): Promise<ResolvedCounts> {
  return startResolve(db, aliases).finish();
}

/** The alias file kept with the store (none: an empty one). */
function aliasFileOfStore(db: Db): AliasFile {
  const json = storedAliasFile(db);
  return json === null ? emptyAliasFile() : parseAliasFile(json, 'kept in the store');
}
