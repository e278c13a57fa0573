import { seqStamp } from './corpus.js';
import type { Db } from './db.js';

/**
 * Removing an article with everything that was derived from it, and putting it back: the store side of the
 * article corrections (an analyst's split or join of articles the dump segmenter cut wrongly).
 *
 * Which tables hold what of an article is read from the schema, not listed by hand, so a table added later
 * is covered: every table with an `article_seq` column holds rows of one article (its layers, its
 * fingerprint, its place in a story or a claim group) and loses them with it; `article_id` columns name it
 * (`event_articles` is rebuilt by the resolve and loses the rows; `feed_items` keeps its row, unlinked);
 * `articles.duplicate_of` links a near-duplicate to it (unlinked). The full-text index is external content:
 * the `articles_ad` trigger deletes the article's terms with the FTS5 'delete' command.
 */

/** Tables whose `article_seq` rows are the corpus steps' (resolve, stories): removed, never put back (rebuilt). */
export const CORPUS_ARTICLE_TABLES: readonly string[] = ['claim_group_members', 'story_members', 'story_keys'];
/** Tables whose `article_id` names an article and whose row stays when it goes (the link is cleared). */
const KEPT_LINK_TABLES: readonly string[] = ['feed_items'];

export interface ArticleColumn {
  table: string;
  column: string;
}

/** Every column of the store that refers to an article, by seq or by id (`articles.duplicate_of` too). */
export function articleColumns(db: Db): ArticleColumn[] {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const out: ArticleColumn[] = [];
  for (const table of tables) {
    if (table.startsWith('sqlite_') || table.startsWith('articles_fts')) continue;
    for (const c of db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>) {
      if (c.name === 'article_seq' || c.name === 'article_id' || (table === 'articles' && c.name === 'duplicate_of'))
        out.push({ table, column: c.name });
    }
  }
  return out;
}

type Row = Record<string, unknown>;

/** An article's own rows as they were: the `articles` row and its per-article layers, JSON-safe. */
export interface ArticleSnapshot {
  id: string;
  seq: number;
  tables: Record<string, Row[]>;
  /** Near-duplicates that pointed at it (`duplicate_of`), with their similarity. */
  duplicates: Array<{ id: string; similarity: number | null }>;
  /** Feed items that had produced it. */
  feedItems: Array<{ feedUrl: string; itemKey: string }>;
}

const toJson = (row: Row): Row => {
  const out: Row = {};
  for (const [k, v] of Object.entries(row))
    out[k] = Buffer.isBuffer(v) ? { base64: v.toString('base64') } : typeof v === 'bigint' ? Number(v) : v;
  return out;
};
const fromJson = (row: Row): Row => {
  const out: Row = {};
  for (const [k, v] of Object.entries(row))
    out[k] = v && typeof v === 'object' && 'base64' in v ? Buffer.from(String(v.base64), 'base64') : v;
  return out;
};

/** The tables holding one article's own rows by `article_seq` (not the corpus steps'): what a snapshot keeps. */
function ownTables(db: Db): string[] {
  return articleColumns(db)
    .filter((c) => c.column === 'article_seq' && !CORPUS_ARTICLE_TABLES.includes(c.table))
    .map((c) => c.table);
}

/**
 * Remove an article and everything derived from it, answering its snapshot (null when there is no such
 * article). Run inside the caller's transaction; the corpus-level tables the resolve rebuilds (entities,
 * events, claim groups) are rebuilt by the resolve that follows, and a story the article was in must be
 * described again by the caller (its membership row goes here).
 */
export function removeArticle(db: Db, id: string): ArticleSnapshot | null {
  const article = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
  if (!article) return null;
  const seq = Number(article.seq);
  const snapshot: ArticleSnapshot = {
    id,
    seq,
    tables: { articles: [toJson(article)] },
    duplicates: db
      .prepare('SELECT id, similarity FROM articles WHERE duplicate_of = ? ORDER BY seq')
      .all(id) as ArticleSnapshot['duplicates'],
    feedItems: db
      .prepare('SELECT feed_url AS feedUrl, item_key AS itemKey FROM feed_items WHERE article_id = ?')
      .all(id) as ArticleSnapshot['feedItems'],
  };
  for (const table of ownTables(db)) {
    // rowid order is the order the rows were written in (mentions have no key of their own).
    const rows = db.prepare(`SELECT * FROM "${table}" WHERE article_seq = ? ORDER BY rowid`).all(seq) as Row[];
    snapshot.tables[table] = rows.map(toJson);
  }
  for (const { table, column } of articleColumns(db)) {
    if (table === 'articles') continue;
    if (KEPT_LINK_TABLES.includes(table))
      db.prepare(`UPDATE "${table}" SET "${column}" = NULL WHERE "${column}" = ?`).run(id);
    else db.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`).run(column === 'article_seq' ? seq : id);
  }
  db.prepare('UPDATE articles SET duplicate_of = NULL, similarity = NULL WHERE duplicate_of = ?').run(id);
  // The highest seq given so far outlives the article (see `seqStamp`), in `meta` so that a PostgreSQL store's
  // working copy, whose AUTOINCREMENT counter starts from the seqs it holds, knows it too.
  db.prepare(
    `INSERT INTO meta (key, value) VALUES ('article_seq_given', ?)
     ON CONFLICT(key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`,
  ).run(String(seqStamp(db)));
  countArticleChange(db);
  // The trigger takes its terms out of the full-text index ('delete' command of the external-content table).
  db.prepare('DELETE FROM articles WHERE seq = ?').run(seq);
  return snapshot;
}

/**
 * Count a removal or a restore in `meta.article_changes`: a restored article comes back under its old seq, so
 * what reads the articles as appended only (a kept search count, `hitCount`) cannot tell a removal followed by a
 * restore from no change by seqs and row counts alone.
 */
function countArticleChange(db: Db): void {
  db.prepare(
    `INSERT INTO meta (key, value) VALUES ('article_changes', '1')
     ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
  ).run();
}

/** How many removals and restores of articles the store has seen (see `countArticleChange`). */
export function articleChanges(db: Db): number {
  return Number(db.prepare("SELECT value FROM meta WHERE key = 'article_changes'").pluck().get() ?? 0);
}

/**
 * Put an article back as its snapshot holds it (same seq, so it keeps its place in the ingest order), with its
 * links from near-duplicates and feed items that are still there. False when an article of that id is there.
 */
export function restoreArticle(db: Db, snapshot: ArticleSnapshot): boolean {
  if (db.prepare('SELECT 1 FROM articles WHERE id = ?').get(snapshot.id)) return false;
  const insert = (table: string, row: Row): void => {
    const cols = Object.keys(row);
    db.prepare(
      `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    ).run(...cols.map((c) => row[c]));
  };
  const article = fromJson(snapshot.tables.articles![0]!);
  // A seq taken meanwhile (never, with AUTOINCREMENT) would move the article to the end.
  if (db.prepare('SELECT 1 FROM articles WHERE seq = ?').get(snapshot.seq)) delete article.seq;
  insert('articles', article);
  const seq = Number(db.prepare('SELECT seq FROM articles WHERE id = ?').pluck().get(snapshot.id));
  for (const [table, rows] of Object.entries(snapshot.tables)) {
    if (table === 'articles') continue;
    for (const r of rows) insert(table, { ...fromJson(r), article_seq: seq });
  }
  const link = db.prepare('UPDATE articles SET duplicate_of = ?, similarity = ? WHERE id = ?');
  for (const d of snapshot.duplicates) link.run(snapshot.id, d.similarity, d.id);
  const feed = db.prepare(
    'UPDATE feed_items SET article_id = ? WHERE feed_url = ? AND item_key = ? AND article_id IS NULL',
  );
  for (const f of snapshot.feedItems) feed.run(snapshot.id, f.feedUrl, f.itemKey);
  countArticleChange(db);
  return true;
}

/** The source an article was read from (a dump, a file, a URL) and its place there, from its `origin`. */
export function sourcePlace(origin: string): { source: string; place: number[] } {
  // A dump's articles are `file#n`; the parts of an article split by a correction add `@offset` (see
  // `splitOrigin`), so the parts of one article sort where it was, in text order.
  const m = /^(.*?)(?:#(\d+))?((?:@\d+)*)$/s.exec(origin)!;
  const place = [m[2] === undefined ? 0 : Number(m[2]), ...m[3]!.split('@').filter(Boolean).map(Number)];
  return { source: m[1]!, place };
}

/** The origin of the second part of an article split at `offset`. */
export function splitOrigin(origin: string, offset: number): string {
  return `${origin}@${offset}`;
}

const comparePlaces = (a: number[], b: number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
};

/** How many places after an article's the search for the next one looks (a dump's skipped duplicates leave gaps). */
const NEXT_GAP = 256;

/**
 * The article after `id` in its source (by place, then ingest order), or null when it is the last. Only a dump
 * (`file#n` origins) and the parts of a split article have more than one article to a source. Each place is
 * looked up on `articles_origin` (the origin itself, and the range of its parts `origin@…`), nearest first.
 */
export function nextInSource(db: Db, id: string): string | null {
  const a = db.prepare('SELECT seq, origin FROM articles WHERE id = ?').get(id) as
    | { seq: number; origin: string }
    | undefined;
  if (!a) return null;
  const { source, place } = sourcePlace(a.origin);
  // '@' is followed by 'A' in code order: [x@, xA) holds every origin that continues x with '@'.
  const at = db.prepare('SELECT id, seq, origin FROM articles WHERE origin = ? OR (origin >= ? AND origin < ?)');
  const after = (prefix: string): string | null => {
    let best: { id: string; seq: number; place: number[] } | null = null;
    for (const r of at.all(prefix, `${prefix}@`, `${prefix}A`) as Array<{ id: string; seq: number; origin: string }>) {
      const p = sourcePlace(r.origin);
      if (p.source !== source || (comparePlaces(p.place, place) || r.seq - a.seq) <= 0) continue;
      if (!best || (comparePlaces(p.place, best.place) || r.seq - best.seq) < 0)
        best = { id: r.id, seq: r.seq, place: p.place };
    }
    return best?.id ?? null;
  };
  const dump = /#\d+(?:@\d+)*$/.test(a.origin);
  if (!dump) return after(source);
  for (let n = place[0]!; n <= place[0]! + NEXT_GAP; n++) {
    const found = after(`${source}#${n}`);
    if (found) return found;
  }
  return null;
}

/** Store the snapshot of the articles a correction removed. */
export function setCorrectionSnapshot(db: Db, correctionId: number, snapshots: readonly ArticleSnapshot[]): void {
  db.prepare('UPDATE corrections SET snapshot = ? WHERE id = ?').run(JSON.stringify(snapshots), correctionId);
}

export function correctionSnapshot(db: Db, correctionId: number): ArticleSnapshot[] {
  const s = db.prepare('SELECT snapshot FROM corrections WHERE id = ?').pluck().get(correctionId) as
    | string
    | null
    | undefined;
  return s ? (JSON.parse(s) as ArticleSnapshot[]) : [];
}
