import type { DateEvidence } from '../model/index.js';
import type { Fingerprint, KnownArticle } from '../resolve/index.js';
import { type ArticleRecord, articleWriter, storedFingerprints } from './articles.js';
import { articleCount } from './corpus.js';
import { beginBulkLoad, finishBulkLoad, type Db } from './db.js';
import { articleDetail } from './queries.js';

/**
 * Where an analysis stores its articles: a SQLite store (each article in its own transaction, at once) or a
 * PostgreSQL store written natively (`src/store/pg/article-writer.ts`: articles gathered and written in batches with
 * COPY). What the analysis needs of the store before it writes is here too: which articles are there, their
 * duplicate-detection fingerprints, the date a stored article carries of its own.
 */
export interface ArticleSink {
  /**
   * Articles stored when the sink was opened: the count on SQLite; on PostgreSQL 1 or 0, whether there were any
   * (a count there is O(store), and only SQLite's bulk load decides by it).
   */
  readonly storedBefore: number;
  /**
   * Whether an article of this id is stored: on SQLite, when the sink was opened (or by this sink); on PostgreSQL,
   * when `lookup` was asked about it (or by this sink).
   */
  has(id: string): boolean;
  /** The stored articles' fingerprints, oldest first, to seed the duplicate detector (PostgreSQL: none, see `lookup`). */
  known(): Iterable<KnownArticle>;
  /**
   * PostgreSQL only: what the store holds now of articles about to be judged, instead of everything read when the
   * sink opens. Their stored ids are recorded for `has`; answered are the stored articles whose fingerprints share a
   * text hash or an LSH band with theirs, oldest first (for `Deduplicator.judge`). O(items), not O(store).
   */
  lookup?(items: ReadonlyArray<{ id: string; fingerprint: Fingerprint | undefined }>): Promise<KnownArticle[]>;
  /** The date a stored article carries of its own (not one it took from its story), as evidence; null if none. */
  ownDate(id: string): Promise<DateEvidence | null>;
  /**
   * Store one analyzed article. `done` is told whether it was new (false: an article of that id was there), at once
   * or when the batch holding it is written; calls of `done` keep the order of `add`.
   */
  add(record: ArticleRecord, fingerprint: Fingerprint | undefined, done: (added: boolean) => void): Promise<void>;
  /** Write what `add` still holds. */
  flush(): Promise<void>;
  /** Articles in the store now. */
  total(): Promise<number>;
  /** Index upkeep deferred to a rebuild at the end (SQLite only: see `beginBulkLoad`). */
  readonly bulk?: { begin(): void; finish(): void };
  close(): Promise<void>;
}

/** The date evidence of a stored article's own date, from its row's columns (null unless all are there). */
export function ownDateEvidence(
  id: string,
  published: string | null | undefined,
  precision: string | null | undefined,
  from: string | null | undefined,
): DateEvidence | null {
  if (!published || !precision || !from || from === 'story') return null;
  return {
    value: published,
    precision: precision as DateEvidence['precision'],
    from: from as DateEvidence['from'],
    evidence: `stored article ${id}`,
  };
}

/** A SQLite store's sink: each article in its own transaction, as it comes. */
export function sqliteArticleSink(db: Db): ArticleSink {
  const writer = articleWriter(db);
  return {
    storedBefore: articleCount(db),
    has: (id) => writer.has(id),
    known: () => storedFingerprints(db),
    ownDate: async (id) => {
      const a = articleDetail(db, id);
      return a ? ownDateEvidence(id, a.published, a.publishedPrecision, a.publishedFrom) : null;
    },
    add: async (record, fingerprint, done) => done(writer.insertRecord(record, fingerprint)),
    flush: async () => undefined,
    total: async () => articleCount(db),
    bulk: { begin: () => beginBulkLoad(db), finish: () => finishBulkLoad(db) },
    close: async () => undefined,
  };
}
