import { noteRowsRewritten } from './kept-items.js';
import type {
  EntityType,
  EventMention,
  ExportClaim,
  ExportClaimGroup,
  ExportEntity,
  ExportEvent,
} from '../model/index.js';
import type { StoredMention } from '../resolve/index.js';
import { correctionsVersion } from './corrections.js';
import { immediate, type Db } from './db.js';
import { RANK_MEMBERS_SQL } from './migrations/010-read-indexes.js';

/**
 * Corpus-level tables: what the resolve step reads (aggregates, never every mention at once when it
 * can be avoided) and the derived results it writes back in one transaction.
 */

export interface ActorSurfaceRow {
  actorKey: string;
  type: EntityType;
  canonical: string | null;
  text: string;
  role: string | null;
  affiliation: string | null;
  metonym: number;
  count: number;
}

/**
 * Mentions grouped by actor key and everything the resolver weighs (surface form, type, canonical
 * name, role, affiliation, metonymy) — aggregated in SQL, so memory follows distinct forms, not mentions.
 *
 * Both aggregates read the mentions table straight through (NOT INDEXED): the planner would otherwise walk the
 * actor index and fetch every mention's row by rowid, in random order (at 1.5M mentions, 3.6 + 2.5 s against
 * ~2 + ~1 s for the scan and sort).
 */
export function* actorSurfaces(db: Db): Generator<ActorSurfaceRow> {
  yield* db
    .prepare(`SELECT actor_key AS actorKey, type, canonical, text, role, affiliation, metonym, COUNT(*) AS count
              FROM mentions NOT INDEXED WHERE actor_key IS NOT NULL
              GROUP BY actor_key, type, canonical, text, role, affiliation, metonym`)
    .iterate() as Iterable<ActorSurfaceRow>;
}

/** In how many articles each actor key is mentioned. */
export function actorArticleCounts(db: Db): Map<string, number> {
  const rows = db
    .prepare(
      'SELECT actor_key AS k, COUNT(DISTINCT article_seq) AS n FROM mentions NOT INDEXED WHERE actor_key IS NOT NULL GROUP BY actor_key',
    )
    .all() as Array<{ k: string; n: number }>;
  return new Map(rows.map((r) => [r.k, r.n]));
}

export interface StoredEventMention {
  articleId: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  event: EventMention;
}

/** Event mentions in (type, date) order, streamed. */
export function* eventMentions(db: Db): Generator<StoredEventMention> {
  const rows = db
    .prepare(`SELECT a.id AS articleId, a.outlet, a.url, a.published, e.data
              FROM event_mentions e JOIN articles a ON a.seq = e.article_seq
              ORDER BY e.type, e.date, a.seq, e.idx`)
    .iterate() as Iterable<{
    articleId: string;
    outlet: string | null;
    url: string | null;
    published: string | null;
    data: string;
  }>;
  for (const r of rows)
    yield {
      articleId: r.articleId,
      outlet: r.outlet,
      url: r.url,
      published: r.published,
      event: JSON.parse(r.data) as EventMention,
    };
}

/**
 * Every event mention in storage order: one sequential pass over the table, with no index and no sort.
 * Iterating holds the connection: read them all before writing.
 */
export function* storedEventMentions(db: Db): Generator<StoredMention> {
  const rows = db.prepare('SELECT article_seq, idx, data FROM event_mentions').raw().iterate() as Iterable<
    [number, number, string]
  >;
  for (const [seq, idx, data] of rows) yield { seq, idx, event: JSON.parse(data) as EventMention };
}

/** Looks article ids up by seq, remembering them for the loader's life (one short string per article). */
export function articleIdLoader(db: Db): (seq: number) => string {
  const idOf = db.prepare('SELECT id FROM articles WHERE seq = ?').pluck();
  const ids = new Map<number, string>();
  return (seq) => {
    let id = ids.get(seq);
    if (id === undefined) {
      id = idOf.get(seq) as string | undefined;
      if (id === undefined) throw new Error(`article ${seq} is gone`);
      ids.set(seq, id);
    }
    return id;
  };
}

export interface GroupingClaim {
  /** The claim's row id, to read it back by (`claimLoader`). */
  ref: number;
  proposition: string;
  claimantKey: string | null;
  stance: ExportClaim['stance'];
  targetKeys: string[];
}

/** What claim grouping reads of every stored claim, in article and claim order, streamed. */
export function* claimsForGrouping(db: Db): Generator<GroupingClaim> {
  const rows = db
    .prepare(`SELECT rowid AS ref, proposition, claimant_key AS claimantKey, stance, target_keys AS targetKeys
              FROM claims ORDER BY article_seq, idx`)
    .iterate() as Iterable<Omit<GroupingClaim, 'targetKeys'> & { targetKeys: string }>;
  for (const r of rows) {
    yield {
      ref: r.ref,
      proposition: r.proposition,
      claimantKey: r.claimantKey,
      stance: r.stance,
      targetKeys: JSON.parse(r.targetKeys) as string[],
    };
  }
}

/** Reads a claim's id (`<articleId>:c<idx>`, as the export names it) and proposition back by its row id. */
export function claimLoader(db: Db): (ref: number) => { id: string; proposition: string } {
  const get = db.prepare(
    'SELECT a.id AS articleId, c.idx, c.proposition FROM claims c JOIN articles a ON a.seq = c.article_seq WHERE c.rowid = ?',
  );
  return (ref) => {
    const r = get.get(ref) as { articleId: string; idx: number; proposition: string } | undefined;
    if (!r) throw new Error(`claim ${ref} is gone`);
    return { id: `${r.articleId}:c${r.idx}`, proposition: r.proposition };
  };
}

export interface ResolvedCorpus {
  entities: readonly ExportEntity[];
  /** actor key → entity id */
  actorKeys: ReadonlyMap<string, string>;
  /** Corpus events; may be produced lazily while they are written (reads of the store are allowed). */
  events: Iterable<ExportEvent>;
  /** Claim groups; may be produced lazily too, once the events are written. */
  claimGroups: Iterable<ExportClaimGroup>;
  /** Story-inferred publication dates for articles that carry none. */
  storyDates?: Array<{ articleId: string; value: string; precision: 'day' | 'month' | 'year' }>;
}

export interface ResolvedCounts {
  entities: number;
  events: number;
  claimGroups: number;
}

/**
 * Replace all derived corpus tables in one transaction (a crash leaves the previous state). `stamp` is the
 * latest article seq the resolve saw; when another process has meanwhile written a resolve of a later state
 * (two `analyze` runs on one store), that one is kept and this one is dropped: counts are then the store's.
 */
export function writeResolved(db: Db, resolved: ResolvedCorpus, stamp: number): ResolvedCounts;
/** …and writes nothing, answering null, when the corrections are no longer at `corrections` (`correctionsVersion`). */
export function writeResolved(
  db: Db,
  resolved: ResolvedCorpus,
  stamp: number,
  corrections: string,
): ResolvedCounts | null;
export function writeResolved(
  db: Db,
  resolved: ResolvedCorpus,
  stamp: number,
  corrections?: string,
): ResolvedCounts | null {
  const counts: ResolvedCounts = { entities: resolved.entities.length, events: 0, claimGroups: 0 };
  const written = immediate(db, () => {
    if (corrections !== undefined && correctionsVersion(db) !== corrections) return null;
    if (resolvedStamp(db) > stamp) return false;
    db.exec(
      'DELETE FROM entities; DELETE FROM actor_keys; DELETE FROM events; DELETE FROM event_articles; DELETE FROM event_actors; DELETE FROM claim_groups; DELETE FROM claim_group_members;',
    );
    // Every derived row is written anew: what readers kept of them is read again.
    noteRowsRewritten(db);
    const insEntity = db.prepare(
      'INSERT INTO entities (id, name, type, aliases, mentions, code, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const e of resolved.entities) {
      insEntity.run(
        e.id,
        e.name,
        e.type,
        JSON.stringify(e.aliases),
        e.mentions,
        e.code ?? null,
        JSON.stringify({ roles: e.roles ?? [] }),
      );
    }
    const insKey = db.prepare('INSERT OR REPLACE INTO actor_keys (actor_key, entity_id) VALUES (?, ?)');
    for (const [key, id] of resolved.actorKeys) insKey.run(key, id);
    const insEvent = db.prepare('INSERT INTO events (id, type, date, data) VALUES (?, ?, ?, ?)');
    const insLink = db.prepare('INSERT OR IGNORE INTO event_articles (event_id, article_id) VALUES (?, ?)');
    const insActor = db.prepare(
      'INSERT OR IGNORE INTO event_actors (entity_id, event_id, side, date) VALUES (?, ?, ?, ?)',
    );
    for (const e of resolved.events) {
      counts.events++;
      insEvent.run(e.id, e.type, e.date, JSON.stringify(e));
      for (const a of e.articleIds) insLink.run(e.id, a);
      for (const id of e.sourceIds) insActor.run(id, e.id, 'source', e.date);
      for (const id of e.targetIds) insActor.run(id, e.id, 'target', e.date);
    }
    const insGroup = db.prepare('INSERT INTO claim_groups (id, data, size) VALUES (?, ?, ?)');
    // Claim ids are "<articleId>:c<idx>" (see claimLoader).
    const insMember = db.prepare(
      'INSERT OR REPLACE INTO claim_group_members (article_seq, idx, group_id) SELECT seq, ?, ? FROM articles WHERE id = ?',
    );
    for (const g of resolved.claimGroups) {
      counts.claimGroups++;
      insGroup.run(g.id, JSON.stringify(g), g.claimIds.length);
      for (const claimId of g.claimIds) {
        const cut = claimId.lastIndexOf(':c');
        if (cut > 0) insMember.run(Number(claimId.slice(cut + 2)), g.id, claimId.slice(0, cut));
      }
    }
    db.exec(RANK_MEMBERS_SQL);
    if (resolved.storyDates) {
      const upd = db.prepare(`UPDATE articles SET published = ?, published_precision = ?, published_from = 'story'
                              WHERE id = ? AND (published IS NULL OR published_from = 'story')`);
      for (const d of resolved.storyDates) upd.run(d.value, d.precision, d.articleId);
    }
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('resolved_seq', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(String(stamp));
    return true;
  });
  if (written === null) return null;
  return written ? counts : storedCounts(db);
}

function storedCounts(db: Db): ResolvedCounts {
  const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { entities: count('entities'), events: count('events'), claimGroups: count('claim_groups') };
}

/** The highest article seq the derived tables reflect (0 if never resolved). */
export function resolvedStamp(db: Db): number {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'resolved_seq'").get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

/**
 * The highest article seq ever given (AUTOINCREMENT never gives one again): what a resolve stamps its result with.
 * Not `MAX(seq)`, which drops when an article correction removes the newest article, and would make the next
 * resolve look older than the last one written. `meta.article_seq_given` keeps it where the counter does not
 * (a PostgreSQL store's working copy counts from the seqs it holds).
 */
export function seqStamp(db: Db): number {
  const given = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'articles'").pluck().get() as
    | number
    | undefined;
  const kept = db.prepare("SELECT value FROM meta WHERE key = 'article_seq_given'").pluck().get() as string | undefined;
  return Math.max(given ?? 0, Number(kept ?? 0), latestSeq(db));
}

/**
 * Set the articles' AUTOINCREMENT counter to the highest seq ever given (`seqStamp`), where it is lower: a store
 * whose rows were copied in with their seqs (a PostgreSQL store's working copy) has a counter at the highest seq it
 * holds, and would give a removed newest article's seq to the next article. A seq is never given twice, and what is
 * keyed by an article's id and seq (the timeline's evidence cache, a kept search count) relies on it.
 */
export function keepSeqCounter(db: Db): void {
  const given = seqStamp(db);
  const updated = db.prepare("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'articles'").run(given).changes;
  if (updated === 0 && given > 0)
    db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('articles', ?)").run(given);
}

export function latestSeq(db: Db): number {
  const row = db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM articles').get() as { s: number };
  return row.s;
}

export function articleCount(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
}
