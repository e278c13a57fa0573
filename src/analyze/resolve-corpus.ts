import type { ExportClaimGroup, ExportEntity, ExportEvent } from '../model/index.js';
import {
  ActorTally,
  ClaimGrouper,
  EventMentionTable,
  EventMerger,
  claimGroupId,
  emptyAliasFile,
  exportEvent,
  resolveActors,
  type AliasFile,
  type EventMentionRecord,
  type KeyStats,
} from '../resolve/index.js';
import {
  actorArticleCounts,
  actorSurfaces,
  articleIdLoader,
  claimLoader,
  claimsForGrouping,
  latestSeq,
  storedEventMentions,
  writeResolved,
  type Db,
  type ResolvedCounts,
} from '../store/index.js';

/**
 * The corpus-level step after ingest: actors across articles, events across mentions, claim groups.
 * Reads aggregates from the store, resolves, and writes the derived tables back in one transaction.
 */

function bump(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** The resolver's tally, built from store aggregates (never every mention in memory). */
function tallyFromStore(db: Db): ActorTally {
  const tally = new ActorTally();
  const articles = actorArticleCounts(db);
  for (const row of actorSurfaces(db)) {
    let s: KeyStats | undefined = tally.stats.get(row.actorKey);
    if (!s) {
      s = { key: row.actorKey, mentions: 0, articles: articles.get(row.actorKey) ?? 1, types: new Map(), surfaces: new Map(), canonicals: new Map(), roles: new Map(), affiliations: new Map() };
      tally.stats.set(row.actorKey, s);
    }
    s.mentions += row.count;
    s.types.set(row.type, (s.types.get(row.type) ?? 0) + row.count);
    if (row.canonical) bump(s.canonicals, row.canonical, row.count);
    // A capital standing for its state or a demonym counts for the actor but is not one of its names.
    if (!row.metonym && row.type !== 'NORP') bump(s.surfaces, row.text, row.count);
    if (row.role && row.type === 'PERSON') bump(s.roles, row.role, row.count);
    if (row.affiliation && row.affiliation !== row.actorKey) bump(s.affiliations, row.affiliation, row.count);
  }
  return tally;
}

function resolveEntities(db: Db, aliases: AliasFile): { entities: ExportEntity[]; actorKeys: Map<string, string> } {
  const resolved = resolveActors(tallyFromStore(db), aliases);
  const entities: ExportEntity[] = resolved.actors.map((a) => ({
    id: a.id, name: a.name, type: a.type, aliases: a.aliases, mentions: a.mentions, code: a.code || null, roles: a.roles,
  }));
  const actorKeys = new Map<string, string>();
  for (const [key, actor] of resolved.byKey) actorKeys.set(key, actor.id);
  return { entities, actorKeys };
}

/**
 * Corpus events, one type at a time (events never merge across types). The mentions are read once, in one
 * sequential pass, into a packed table; each type's are merged by their numbers in the table, and each
 * event's mentions are rebuilt from it to export the event. Memory follows the packed table (tens of bytes a
 * mention) and one type's clusters, never every mention as an object.
 */
function* resolveEvents(db: Db, actorKeys: ReadonlyMap<string, string>): Generator<ExportEvent> {
  const table = new EventMentionTable();
  for (const m of storedEventMentions(db)) table.add(m);
  const articleId = articleIdLoader(db);
  const record = (i: number): EventMentionRecord => ({ articleId: articleId(table.seq(i)), event: table.mention(i) });
  for (const { mentions } of table.byType()) {
    const merger = new EventMerger<number>(actorKeys);
    for (const i of mentions) merger.add(table.mention(i), i);
    for (const c of merger.finish()) yield exportEvent(c, c.refs.map(record), actorKeys);
  }
}

/**
 * Claims about the same proposition across articles, with actor keys read as the resolved entities. Claims
 * stream from the store into the packed grouper; only the grouped ones are read back, for their ids.
 */
function resolveClaimGroups(db: Db, actorKeys: ReadonlyMap<string, string>): ExportClaimGroup[] {
  const entityOf = (key: string): string => actorKeys.get(key) ?? key;
  const grouper = new ClaimGrouper();
  const refs: number[] = [];
  for (const c of claimsForGrouping(db)) {
    grouper.add(c.proposition, c.claimantKey ? entityOf(c.claimantKey) : null, c.stance, c.targetKeys.map(entityOf));
    refs.push(c.ref);
  }
  const load = claimLoader(db);
  return grouper.finish().map(({ seed, members }) => {
    const claims = members.map((i) => load(refs[i]!));
    const ids = claims.map((c) => c.id);
    return { id: claimGroupId(ids), proposition: claims[members.indexOf(seed)]!.proposition, claimIds: ids };
  });
}

/** Resolve the corpus and replace the derived tables (events are merged as they are written). */
export function resolveCorpus(db: Db, aliases: AliasFile = emptyAliasFile()): ResolvedCounts {
  // The resolve runs once the analysis workers are idle: SQLite's sorter may use the other core (the actor
  // aggregates sort every mention; at 1.5M mentions ~2.9 -> ~2.0 s).
  const threads = db.pragma('threads', { simple: true }) as number;
  db.pragma('threads = 1');
  try {
    const { entities, actorKeys } = resolveEntities(db, aliases);
    const claimGroups = resolveClaimGroups(db, actorKeys);
    return writeResolved(db, { entities, actorKeys, events: resolveEvents(db, actorKeys), claimGroups }, latestSeq(db));
  } finally {
    db.pragma(`threads = ${threads}`);
  }
}
