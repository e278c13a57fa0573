import { EXPORT_SCHEMA_VERSION } from '../../model/index.js';
import type { Db } from '../db.js';
import { canonicalActors } from './event-entities.js';
import { allCorrections } from '../corrections.js';
import { allArticles, allClaimGroups, allClaims, allEntities, allEvents, allQuotes } from '../queries.js';
import { allStories } from '../stories.js';

/** A line-oriented output: the export writers stream into it, so huge exports never sit in memory. */
export type Sink = (chunk: string) => void | Promise<void>;

/** JSON text safe to embed anywhere: U+2028/U+2029 escaped. */
export function json(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** One named array of the export, item by item (from a store of either kind). */
export async function writeArray(
  sink: Sink,
  name: string,
  items: Iterable<unknown> | AsyncIterable<unknown>,
  first: boolean,
): Promise<void> {
  await sink(`${first ? '' : ',\n'}${json(name)}: [`);
  let n = 0;
  // A synchronous store's rows stay synchronous: no extra turn of the event loop per item.
  if (Symbol.asyncIterator in items) {
    for await (const item of items) await sink(`${n++ === 0 ? '\n' : ',\n'}  ${json(item)}`);
  } else for (const item of items) await sink(`${n++ === 0 ? '\n' : ',\n'}  ${json(item)}`);
  await sink(n === 0 ? ']' : '\n]');
}

function* mapIter<T, U>(items: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of items) yield f(x);
}

/** Write the export JSON (the stable contract: schema/export.schema.json). */
export async function writeJsonExport(db: Db, sink: Sink): Promise<void> {
  await sink(`{${json('schemaVersion')}: ${json(EXPORT_SCHEMA_VERSION)},\n`);
  await writeArray(sink, 'articles', allArticles(db), true);
  await writeArray(sink, 'entities', allEntities(db), false);
  await writeArray(sink, 'quotes', allQuotes(db), false);
  const canonical = canonicalActors(db);
  await writeArray(sink, 'events', mapIter(allEvents(db), canonical), false);
  await writeArray(sink, 'claims', allClaims(db), false);
  await writeArray(sink, 'claimGroups', allClaimGroups(db), false);
  await writeArray(sink, 'corrections', allCorrections(db), false);
  await writeArray(sink, 'stories', allStories(db), false);
  await sink('\n}\n');
}
