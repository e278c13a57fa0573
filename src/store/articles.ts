import { createHash } from 'node:crypto';
import type { Doc, RawArticle } from '../model/index.js';
import type { Fingerprint, KnownArticle } from '../resolve/index.js';
import type { Db } from './db.js';

/**
 * Article identity is content-derived, so ingesting the same input again adds nothing and a rerun
 * after a crash picks up exactly where the last committed article left off.
 */
export function articleId(raw: Pick<RawArticle, 'url' | 'title' | 'text'>): string {
  const h = createHash('sha256');
  h.update(raw.url ?? '');
  h.update('\u0000');
  h.update(raw.title);
  h.update('\u0000');
  h.update(raw.text);
  return h.digest('hex').slice(0, 16);
}

type Value = string | number | null;

/**
 * One analyzed article as the store's rows, values ready to bind. It is built where the article was
 * analyzed (a worker thread): the thread that writes then only binds values, and what crosses between the
 * threads is flat strings and numbers instead of the Doc's object graph (cheaper to clone on both sides).
 */
export interface ArticleRecord {
  id: string;
  duplicateOf: string | null;
  article: Record<string, Value>;
  /** Row values in column order (after `article_seq`, and after `idx` where the table has one). */
  mentions: Value[][];
  quotes: Value[][];
  claims: Value[][];
  events: Value[][];
}

export function articleRecord(doc: Doc): ArticleRecord {
  return {
    id: doc.id,
    duplicateOf: doc.duplicateOf ?? null,
    article: {
      id: doc.id,
      title: doc.title,
      url: doc.url,
      outlet: doc.outlet,
      published: doc.published?.value ?? null,
      publishedPrecision: doc.published?.precision ?? null,
      publishedFrom: doc.published?.from ?? null,
      anchor: doc.anchor?.value ?? null,
      anchorFrom: doc.anchor?.from ?? null,
      text: doc.text,
      captions: JSON.stringify(doc.captions),
      authors: JSON.stringify(doc.authors),
      origin: doc.origin,
      warnings: JSON.stringify(doc.warnings),
      paragraphs: JSON.stringify(doc.paragraphs),
      sentences: JSON.stringify(doc.sentences.map((s) => [s.start, s.end])),
      timexes: JSON.stringify(doc.timexes),
      duplicateOf: doc.duplicateOf ?? null,
      similarity: doc.duplicateOf ? (doc.similarity ?? null) : null,
      boundaryConfidence: doc.boundaryConfidence ?? null,
    },
    mentions: doc.entities.map((m) => [
      m.start,
      m.end,
      m.text,
      m.type,
      m.actorKey,
      m.canonical,
      m.role ?? null,
      m.affiliation ?? null,
      m.metonym ? 1 : 0,
    ]),
    quotes: doc.quotes.map((q) => [
      q.start,
      q.end,
      q.text,
      q.direct ? 1 : 0,
      q.cue ? JSON.stringify(q.cue) : null,
      q.speaker ? JSON.stringify(q.speaker) : null,
      q.speakerName,
      q.speakerKey,
      q.date?.value ?? null,
      q.date?.precision ?? null,
      q.dateFrom ?? null,
      q.dateRange ? `${q.dateRange.start}/${q.dateRange.end}` : null,
      q.reported?.value ?? null,
      q.parts ? JSON.stringify(q.parts) : null,
      q.addressee ? JSON.stringify(q.addressee) : null,
    ]),
    claims: doc.claims.map((c) => [
      c.start,
      c.end,
      c.proposition,
      c.claimantKey,
      c.claimant,
      c.stance,
      JSON.stringify(c.targetKeys),
      c.date?.value ?? null,
      c.quote,
      c.date?.precision ?? null,
      c.dateFrom ?? null,
      c.dateRange ? `${c.dateRange.start}/${c.dateRange.end}` : null,
      c.reported?.value ?? null,
    ]),
    events: doc.events.map((e) => [
      e.type,
      e.mode,
      e.negated ? 1 : 0,
      e.hypothetical ? 1 : 0,
      e.date?.value ?? null,
      e.date?.precision ?? null,
      JSON.stringify(e),
    ]),
  };
}

export interface ArticleWriter {
  has(id: string): boolean;
  /**
   * Store one analyzed article with all its layers (and its duplicate-detection fingerprint), in one
   * transaction. Returns false if it was already there.
   */
  insert(doc: Doc, fingerprint?: Fingerprint): boolean;
  /** `insert` of an article already turned into rows (`articleRecord`). */
  insertRecord(record: ArticleRecord, fingerprint?: Fingerprint): boolean;
}

export function articleWriter(db: Db): ArticleWriter {
  const has = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
  const insArticle = db.prepare(`INSERT INTO articles
    (id, title, url, outlet, published, published_precision, published_from, anchor, anchor_from, text,
     captions, authors, origin, warnings, paragraphs, sentences, timexes, duplicate_of, similarity, boundary_confidence)
    VALUES (@id, @title, @url, @outlet, @published, @publishedPrecision, @publishedFrom, @anchor, @anchorFrom, @text,
     @captions, @authors, @origin, @warnings, @paragraphs, @sentences, @timexes, @duplicateOf, @similarity, @boundaryConfidence)
    ON CONFLICT(id) DO NOTHING`);
  const insMention =
    db.prepare(`INSERT INTO mentions (article_seq, start, "end", text, type, actor_key, canonical, role, affiliation, metonym)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insQuote =
    db.prepare(`INSERT INTO quotes (article_seq, idx, start, "end", text, direct, cue, speaker, speaker_name, speaker_key, date,
      date_precision, date_from, date_range, reported, parts, addressee)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insClaim =
    db.prepare(`INSERT INTO claims (article_seq, idx, start, "end", proposition, claimant_key, claimant, stance, target_keys, date, quote_idx,
      date_precision, date_from, date_range, reported)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insEvent =
    db.prepare(`INSERT INTO event_mentions (article_seq, idx, type, mode, negated, hypothetical, date, date_precision, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const insFingerprint = db.prepare(
    'INSERT OR REPLACE INTO article_fingerprints (article_seq, text_hash, minhash) VALUES (?, ?, ?)',
  );

  const insert = db.transaction((record: ArticleRecord, fingerprint?: Fingerprint): boolean => {
    const info = insArticle.run(record.article);
    if (info.changes === 0) return false;
    const seq = Number(info.lastInsertRowid);
    if (fingerprint)
      insFingerprint.run(
        seq,
        fingerprint.textHash,
        Buffer.from(fingerprint.minhash.buffer, fingerprint.minhash.byteOffset, fingerprint.minhash.byteLength),
      );
    for (const row of record.mentions) insMention.run(seq, ...row);
    record.quotes.forEach((row, i) => {
      insQuote.run(seq, i, ...row);
    });
    record.claims.forEach((row, i) => {
      insClaim.run(seq, i, ...row);
    });
    record.events.forEach((row, i) => {
      insEvent.run(seq, i, ...row);
    });
    return true;
  });

  return {
    has: (id) => has.get(id) !== undefined,
    insert: (doc, fingerprint) => insert.immediate(articleRecord(doc), fingerprint),
    insertRecord: (record, fingerprint) => insert.immediate(record, fingerprint),
  };
}

/** Fingerprints of every stored article, oldest first, to seed the duplicate detector. */
export function* storedFingerprints(db: Db): Generator<KnownArticle> {
  const rows = db.prepare(
    'SELECT a.id, f.text_hash AS textHash, f.minhash FROM article_fingerprints f JOIN articles a ON a.seq = f.article_seq ORDER BY a.seq',
  );
  for (const r of rows.iterate() as Iterable<{ id: string; textHash: string; minhash: Buffer }>) {
    const copy = new Uint8Array(r.minhash);
    yield {
      id: r.id,
      fingerprint: { textHash: r.textHash, minhash: new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2) },
    };
  }
}
