import type { ExportCitation, ExportStory, Timex } from '../model/index.js';
import type { Db } from './db.js';

/**
 * The stories tables (migration 011): membership, the inverted index and document frequencies the clustering
 * reads incrementally, and each story's description. Writes happen inside the caller's transaction.
 */

/** An article as story clustering reads it back: the layers its features come from. */
export interface StoryArticle {
  seq: number;
  id: string;
  title: string;
  text: string;
  outlet: string | null;
  /** `YYYY-MM-DD` when the article's date is a day, else null. */
  day: string | null;
  published: { value: string; precision: 'day' | 'month' | 'year'; from: string } | null;
  sentences: Array<[number, number]>;
  timexes: Timex[];
  entities: Array<{ type: string; actorKey: string | null; text: string; canonical: string | null; start: number }>;
  events: Array<{ type: string; negated: boolean; hypothetical: boolean }>;
}

/** What a story's row says of it: the export's record without its id and members, and its size. */
export type StoryDescription = Omit<ExportStory, 'id' | 'articleIds'> & { articles: number };

/** Articles not in any story yet: seq, id and day, oldest first by seq. */
export function unclusteredArticles(db: Db): Array<{ seq: number; id: string; day: string | null }> {
  return db
    .prepare(`SELECT a.seq, a.id, CASE WHEN a.published_precision = 'day' THEN a.published END AS day
              FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_seq = a.seq)
              ORDER BY a.seq`)
    .all() as Array<{ seq: number; id: string; day: string | null }>;
}

/** Reads articles back with the layers story clustering and summaries use. */
export function storyArticleLoader(db: Db): (seq: number) => StoryArticle | null {
  const article = db.prepare(
    'SELECT seq, id, title, text, outlet, published, published_precision, published_from, sentences, timexes FROM articles WHERE seq = ?',
  );
  const mentions = db
    .prepare('SELECT type, actor_key, text, canonical, start FROM mentions WHERE article_seq = ?')
    .raw();
  const events = db.prepare('SELECT type, negated, hypothetical FROM event_mentions WHERE article_seq = ?').raw();
  return (seq) => {
    const r = article.get(seq) as
      | {
          seq: number;
          id: string;
          title: string;
          text: string;
          outlet: string | null;
          published: string | null;
          published_precision: 'day' | 'month' | 'year' | null;
          published_from: string | null;
          sentences: string;
          timexes: string;
        }
      | undefined;
    if (!r) return null;
    return {
      seq: r.seq,
      id: r.id,
      title: r.title,
      text: r.text,
      outlet: r.outlet,
      day: r.published_precision === 'day' ? r.published : null,
      published:
        r.published && r.published_precision
          ? { value: r.published, precision: r.published_precision, from: r.published_from ?? 'text' }
          : null,
      sentences: JSON.parse(r.sentences) as Array<[number, number]>,
      timexes: JSON.parse(r.timexes) as Timex[],
      entities: (mentions.all(seq) as Array<[string, string | null, string, string | null, number]>).map(
        ([type, actorKey, text, canonical, start]) => ({ type, actorKey, text, canonical, start }),
      ),
      events: (events.all(seq) as Array<[string, number, number]>).map(([type, negated, hypothetical]) => ({
        type,
        negated: negated === 1,
        hypothetical: hypothetical === 1,
      })),
    };
  };
}

/** The stored document frequencies of story features (`keys`: false, none) and the number of documents they count. */
export function storyFrequencies(db: Db, keys = true): { df: Map<string, number>; documents: number } {
  const df = new Map<string, number>();
  if (keys)
    for (const [k, n] of db.prepare('SELECT key, df FROM story_frequencies').raw().iterate() as Iterable<
      [string, number]
    >)
      df.set(k, n);
  const row = db.prepare("SELECT value FROM meta WHERE key = 'story_documents'").get() as { value: string } | undefined;
  return { df, documents: row ? Number(row.value) : 0 };
}

/**
 * Add counted keys to the stored document frequencies. A key taken out (a negative count) is taken only from a
 * key the store counts, and never below 0; the caller deletes the keys left at 0.
 */
export function addStoryFrequencies(db: Db, delta: ReadonlyMap<string, number>, documents: number): void {
  const up = db.prepare(
    'INSERT INTO story_frequencies (key, df) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET df = df + excluded.df',
  );
  const down = db.prepare('UPDATE story_frequencies SET df = MAX(0, df + ?) WHERE key = ?');
  for (const [k, n] of delta)
    if (n > 0) up.run(k, n);
    else if (n < 0) down.run(n, k);
  db.prepare(
    `INSERT INTO meta (key, value) VALUES ('story_documents', ?)
     ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER)`,
  ).run(String(documents));
}

/** Looks up the articles posting a key, newest first, at most `limit` of them. */
export function storyPostings(db: Db, limit: number): (key: string) => number[] {
  const q = db.prepare('SELECT article_seq FROM story_keys WHERE key = ? ORDER BY article_seq DESC LIMIT ?').pluck();
  return (key) => q.all(key, limit) as number[];
}

/**
 * Counts a key's postings for the lone pass's guard (`StoryOptions.loneSpecific`): articles posting it other than
 * `self`, and those of them in story `storyId`.
 */
export function storyKeyCounts(db: Db): (key: string, storyId: string, self: number) => { all: number; story: number } {
  const all = db.prepare('SELECT COUNT(*) FROM story_keys WHERE key = ? AND article_seq != ?').pluck();
  const story = db
    .prepare(`SELECT COUNT(*) FROM story_keys k JOIN story_members m ON m.article_seq = k.article_seq
              WHERE k.key = ? AND m.story_id = ? AND k.article_seq != ?`)
    .pluck();
  return (key, storyId, self) => ({
    all: all.get(key, self) as number,
    story: story.get(key, storyId, self) as number,
  });
}

/** The writes of story clustering. */
export function storyWriter(db: Db) {
  const insKey = db.prepare('INSERT OR IGNORE INTO story_keys (key, article_seq) VALUES (?, ?)');
  const setMember = db.prepare(
    'INSERT INTO story_members (article_seq, story_id) VALUES (?, ?) ON CONFLICT(article_seq) DO UPDATE SET story_id = excluded.story_id',
  );
  const storyOf = db.prepare('SELECT story_id FROM story_members WHERE article_seq = ?').pluck();
  const nextSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 FROM stories').pluck();
  const insStory = db.prepare("INSERT INTO stories (id, seq, title, articles) VALUES (?, ?, '', 0)");
  const del = db.prepare('DELETE FROM stories WHERE id = ?');
  const exists = db.prepare('SELECT 1 FROM stories WHERE id = ?').pluck();
  const upd = db.prepare(
    'UPDATE stories SET title = ?, summary = ?, actors = ?, date_from = ?, date_to = ?, outlets = ?, articles = ? WHERE id = ?',
  );
  return {
    postKeys(seq: number, keys: readonly string[]): void {
      for (const k of keys) insKey.run(k, seq);
    },
    storyOf: (seq: number): string | null => (storyOf.get(seq) as string | undefined) ?? null,
    setMember(seq: number, storyId: string): void {
      setMember.run(seq, storyId);
    },
    /**
     * A new, still empty story named `id` (the id of the article that starts it), answering the id it got. A story
     * keeps its name when that article leaves it (an article correction removes it), so an article of that id
     * stored again (the correction undone) names its story `id~2` (or the next number free).
     */
    startStory(id: string): string {
      let name = id;
      for (let n = 2; exists.get(name) !== undefined; n++) name = `${id}~${n}`;
      insStory.run(name, nextSeq.get() as number);
      return name;
    },
    deleteStory(id: string): void {
      del.run(id);
    },
    describe(id: string, d: StoryDescription): void {
      upd.run(
        d.title,
        JSON.stringify({ text: d.summary, citations: d.citations }),
        JSON.stringify(d.actors),
        d.from,
        d.to,
        JSON.stringify(d.outlets),
        d.articles,
        id,
      );
    },
  };
}

export type StoryWriter = ReturnType<typeof storyWriter>;

/** Members of a story (seq order), at most `limit`, from `offset`. */
export function storyMemberSeqs(db: Db, storyId: string, limit = -1, offset = 0): number[] {
  return db
    .prepare('SELECT article_seq FROM story_members WHERE story_id = ? ORDER BY article_seq LIMIT ? OFFSET ?')
    .pluck()
    .all(storyId, limit, offset) as number[];
}

/** Per outlet of a story: its articles and the first day it reported the story. */
export interface StoryOutlet {
  outlet: string;
  articles: number;
  first: string | null;
  firstArticleId: string;
}

/** A story's outlets, earliest first, and its size and publication range, over all its members. */
export function storyOutlets(
  db: Db,
  storyId: string,
): { articles: number; from: string | null; to: string | null; outlets: StoryOutlet[] } {
  const totals = db
    .prepare(`SELECT COUNT(*) AS n, MIN(a.published) AS f, MAX(a.published) AS t
              FROM story_members m JOIN articles a ON a.seq = m.article_seq WHERE m.story_id = ?`)
    .get(storyId) as { n: number; f: string | null; t: string | null };
  const outlets = db
    .prepare(`SELECT COALESCE(a.outlet, '') AS outlet, COUNT(*) AS articles, MIN(a.published) AS first,
                     (SELECT b.id FROM story_members n JOIN articles b ON b.seq = n.article_seq
                      WHERE n.story_id = m.story_id AND COALESCE(b.outlet, '') = COALESCE(a.outlet, '')
                      ORDER BY b.published IS NULL, b.published, b.seq LIMIT 1) AS firstArticleId
              FROM story_members m JOIN articles a ON a.seq = m.article_seq WHERE m.story_id = ?
              GROUP BY COALESCE(a.outlet, '') ORDER BY first IS NULL, first, outlet`)
    .all(storyId) as StoryOutlet[];
  return { articles: totals.n, from: totals.f, to: totals.t, outlets };
}

export interface StoryRow {
  id: string;
  title: string;
  summary: string;
  actors: string;
  date_from: string | null;
  date_to: string | null;
  outlets: string;
  articles: number;
}

export function toStory(r: StoryRow, articleIds: string[]): ExportStory {
  const summary = JSON.parse(r.summary) as { text: string; citations: ExportCitation[] };
  return {
    id: r.id,
    title: r.title,
    summary: summary.text,
    citations: summary.citations,
    actors: JSON.parse(r.actors) as string[],
    from: r.date_from,
    to: r.date_to,
    outlets: JSON.parse(r.outlets) as string[],
    articleIds,
  };
}

function memberIds(db: Db): (storyId: string) => string[] {
  const q = db
    .prepare(
      'SELECT a.id FROM story_members m JOIN articles a ON a.seq = m.article_seq WHERE m.story_id = ? ORDER BY m.article_seq',
    )
    .pluck();
  return (id) => q.all(id) as string[];
}

/** Every story, largest first (the export). */
export function* allStories(db: Db): Generator<ExportStory> {
  const ids = memberIds(db);
  const rows = db.prepare('SELECT * FROM stories ORDER BY articles DESC, seq').all() as StoryRow[];
  for (const r of rows) yield toStory(r, ids(r.id));
}

/** A page of stories, largest first, read off the `stories_rank` index; each with its size, not its members. */
export function storyPage(
  db: Db,
  offset: number,
  limit: number,
): { total: number; items: Array<Omit<ExportStory, 'articleIds'> & { articles: number }> } {
  const total = (db.prepare('SELECT COUNT(*) AS n FROM stories').get() as { n: number }).n;
  const rows = db
    .prepare('SELECT * FROM stories ORDER BY articles DESC, seq LIMIT ? OFFSET ?')
    .all(limit, offset) as StoryRow[];
  return {
    total,
    items: rows.map((r) => {
      const { articleIds: _, ...s } = toStory(r, []);
      return { ...s, articles: r.articles };
    }),
  };
}

/** One story with its members' ids, or null. */
export function storyById(db: Db, id: string): ExportStory | null {
  const r = db.prepare('SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
  return r ? toStory(r, memberIds(db)(r.id)) : null;
}

/** What the outlet comparison of a story reads: its articles' claims and event mentions, with their sentences. */
export interface StoryFactRows {
  articles: Array<{
    seq: number;
    id: string;
    title: string;
    outlet: string | null;
    published: string | null;
    text: string;
    sentences: Array<[number, number]>;
  }>;
  claims: Array<{
    seq: number;
    start: number;
    end: number;
    proposition: string;
    claimant: string | null;
    stance: string;
    group: string | null;
  }>;
  events: Array<{ seq: number; type: string; negated: boolean; hypothetical: boolean; data: string }>;
}

export function storyFactRows(db: Db, seqs: readonly number[]): StoryFactRows {
  const article = db.prepare('SELECT seq, id, title, outlet, published, text, sentences FROM articles WHERE seq = ?');
  const claims = db.prepare(
    `SELECT c.article_seq AS seq, c.start, c."end", c.proposition, c.claimant, c.stance, g.group_id AS "group"
     FROM claims c LEFT JOIN claim_group_members g ON g.article_seq = c.article_seq AND g.idx = c.idx
     WHERE c.article_seq = ? ORDER BY c.idx`,
  );
  const events = db.prepare(
    'SELECT article_seq AS seq, type, negated, hypothetical, data FROM event_mentions WHERE article_seq = ? ORDER BY idx',
  );
  const out: StoryFactRows = { articles: [], claims: [], events: [] };
  for (const seq of seqs) {
    const a = article.get(seq) as
      | (Omit<StoryFactRows['articles'][number], 'sentences'> & { sentences: string })
      | undefined;
    if (!a) continue;
    out.articles.push({ ...a, sentences: JSON.parse(a.sentences) as Array<[number, number]> });
    out.claims.push(...(claims.all(seq) as StoryFactRows['claims']));
    for (const e of events.all(seq) as Array<{
      seq: number;
      type: string;
      negated: number;
      hypothetical: number;
      data: string;
    }>)
      out.events.push({ ...e, negated: e.negated === 1, hypothetical: e.hypothetical === 1 });
  }
  return out;
}

/** The stories of the given articles, most articles first. */
export function storiesOfArticles(db: Db, articleIds: readonly string[]): string[] {
  const q = db
    .prepare('SELECT m.story_id FROM articles a JOIN story_members m ON m.article_seq = a.seq WHERE a.id = ?')
    .pluck();
  const count = new Map<string, number>();
  for (const id of articleIds) {
    const s = q.get(id) as string | undefined;
    if (s) count.set(s, (count.get(s) ?? 0) + 1);
  }
  return [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
}

/** A value now (SQLite) or once a promise settles (PostgreSQL). */
export type Eventually<T> = T | Promise<T>;

/** A story's size and publication range, and its outlets (`storyOutlets`). */
export type StoryRange = ReturnType<typeof storyOutlets>;

/**
 * What placing articles in stories reads and writes, by key, on either store: a SQLite connection answers at once
 * (`sqliteStoryIo`), a PostgreSQL connection with promises (`pgStoryIo`). Every read is of named rows (articles by
 * seq, postings and frequencies by key, a story's members), never of a whole table, so the cost follows what the new
 * articles touch. The writes go into the caller's transaction.
 */
export interface StoryIo {
  /** Articles not in any story yet: seq, id and day, oldest first by seq. */
  pending(): Eventually<Array<{ seq: number; id: string; day: string | null }>>;
  /** The story of each of `seqs` that is in one. */
  storiesOf(seqs: readonly number[]): Eventually<Map<number, string>>;
  /** Articles read back (those still stored). */
  articles(seqs: readonly number[]): Eventually<Map<number, StoryArticle>>;
  /** The stored document frequency of each of `keys` that has one. */
  frequencies(keys: readonly string[]): Eventually<Map<string, number>>;
  /** The number of documents the frequencies count. */
  documents(): Eventually<number>;
  /** `addStoryFrequencies`. */
  addFrequencies(delta: ReadonlyMap<string, number>, documents: number): Eventually<void>;
  /** The articles posting each of `keys`, newest first, at most `limit` a key. */
  postings(keys: readonly string[], limit: number): Eventually<Map<string, number[]>>;
  postKeys(seq: number, keys: readonly string[]): Eventually<void>;
  setMember(seq: number, storyId: string): Eventually<void>;
  /** `StoryWriter.startStory`. */
  startStory(id: string): Eventually<string>;
  deleteStory(id: string): Eventually<void>;
  describe(id: string, d: StoryDescription): Eventually<void>;
  /** Members of a story (seq order), at most `limit` (-1: all). */
  members(storyId: string, limit?: number): Eventually<number[]>;
  range(storyId: string): Eventually<StoryRange>;
  /** Stories in the store. */
  count(): Eventually<number>;
  /**
   * For the lone pass's guard (`StoryOptions.loneSpecific`), each of `keys`' postings: the articles posting it other
   * than `self`, and those of them in story `storyId`.
   */
  keyCounts(
    keys: readonly string[],
    storyId: string,
    self: number,
  ): Eventually<Map<string, { all: number; story: number }>>;
}

/** `StoryIo` on a SQLite connection. */
export function sqliteStoryIo(db: Db): StoryIo {
  const load = storyArticleLoader(db);
  // Prepared on first use: only the lone pass's guard asks it.
  let keyCounts: ReturnType<typeof storyKeyCounts> | undefined;
  const writer = storyWriter(db);
  const postings = db
    .prepare('SELECT article_seq FROM story_keys WHERE key = ? ORDER BY article_seq DESC LIMIT ?')
    .pluck();
  const df = db.prepare('SELECT df FROM story_frequencies WHERE key = ?').pluck();
  return {
    pending: () => unclusteredArticles(db),
    storiesOf(seqs) {
      const out = new Map<number, string>();
      for (const seq of seqs) {
        const s = writer.storyOf(seq);
        if (s !== null) out.set(seq, s);
      }
      return out;
    },
    articles(seqs) {
      const out = new Map<number, StoryArticle>();
      for (const seq of seqs) {
        const a = load(seq);
        if (a) out.set(seq, a);
      }
      return out;
    },
    frequencies(keys) {
      const out = new Map<string, number>();
      for (const k of keys) {
        const n = df.get(k) as number | undefined;
        if (n !== undefined) out.set(k, n);
      }
      return out;
    },
    documents: () => storyFrequencies(db, false).documents,
    addFrequencies: (delta, documents) => addStoryFrequencies(db, delta, documents),
    postings(keys, limit) {
      return new Map(keys.map((k) => [k, postings.all(k, limit) as number[]]));
    },
    postKeys: (seq, keys) => writer.postKeys(seq, keys),
    setMember: (seq, storyId) => writer.setMember(seq, storyId),
    startStory: (id) => writer.startStory(id),
    deleteStory: (id) => writer.deleteStory(id),
    describe: (id, d) => writer.describe(id, d),
    members: (storyId, limit = -1) => storyMemberSeqs(db, storyId, limit),
    range: (storyId) => storyOutlets(db, storyId),
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM stories').get() as { n: number }).n,
    keyCounts(keys, storyId, self) {
      keyCounts ??= storyKeyCounts(db);
      const counts = keyCounts;
      return new Map(keys.map((k) => [k, counts(k, storyId, self)]));
    },
  };
}

/** A store that places stories natively (PostgreSQL): its reads and writes, and a transaction for each batch. */
export interface StoryTarget {
  io: StoryIo;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Rows read and written so far, where the store counts them. */
  rows?: { read: number; written: number };
  /** Once every batch is placed. */
  finish?(): Promise<void>;
}

/**
 * Where a resolve's story step runs (`Store.resolve`): on the SQLite connection the other corpus steps ran on (a
 * SQLite store, or a PostgreSQL store's working copy), or natively in the PostgreSQL store.
 */
export type StoryPlace = { db: Db } | { native: StoryTarget };
