import { noteRowsRewritten } from './kept-items.js';
import type { Correction, CorrectionKind } from '../model/index.js';
import { immediate, type Db } from './db.js';

/** The `corrections` table (migration 008): the analyst's fixes, kept apart from the derived tables they fix. */

export interface CorrectionRow {
  id: number;
  kind: CorrectionKind;
  target: string;
  payload: string;
  note: string | null;
  created_at: string;
  undone_at: string | null;
}

export function toCorrection(r: CorrectionRow): Correction {
  return {
    id: r.id,
    kind: r.kind,
    target: r.target,
    payload: JSON.parse(r.payload),
    note: r.note,
    createdAt: r.created_at,
    undoneAt: r.undone_at,
  } as Correction;
}

/** Every correction, undone ones too, oldest first (the order they apply in). */
export function allCorrections(db: Db): Correction[] {
  return (db.prepare('SELECT * FROM corrections ORDER BY id').all() as CorrectionRow[]).map(toCorrection);
}

/** The corrections in force (not undone), oldest first. */
export function activeCorrections(db: Db): Correction[] {
  return (db.prepare('SELECT * FROM corrections WHERE undone_at IS NULL ORDER BY id').all() as CorrectionRow[]).map(
    toCorrection,
  );
}

/**
 * Changes whenever a correction is added or undone: a resolve notes it when it starts and writes only if it is
 * still the same (else the resolve would put back what a later correction's resolve fixed).
 */
export function correctionsVersion(db: Db): string {
  return db
    .prepare("SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) || ':' || COUNT(undone_at) FROM corrections")
    .pluck()
    .get() as string;
}

export function correctionById(db: Db, id: number): Correction | null {
  const r = db.prepare('SELECT * FROM corrections WHERE id = ?').get(id) as CorrectionRow | undefined;
  return r ? toCorrection(r) : null;
}

/** Corrections newest first, a page of them (the list an analyst reviews). */
export function correctionPage(db: Db, offset: number, limit: number): { total: number; items: Correction[] } {
  const total = (db.prepare('SELECT COUNT(*) AS n FROM corrections').get() as { n: number }).n;
  const items = (
    db.prepare('SELECT * FROM corrections ORDER BY id DESC LIMIT ? OFFSET ?').all(limit, offset) as CorrectionRow[]
  ).map(toCorrection);
  return { total, items };
}

export function addCorrection(
  db: Db,
  c: Pick<Correction, 'kind' | 'target' | 'payload'> & { note?: string | null },
): Correction {
  const id = immediate(db, () => {
    const r = db
      .prepare('INSERT INTO corrections (kind, target, payload, note) VALUES (?, ?, ?, ?)')
      .run(c.kind, c.target, JSON.stringify(c.payload), c.note ?? null);
    return Number(r.lastInsertRowid);
  });
  return correctionById(db, id)!;
}

/** Mark a correction undone (it stays, for the record); false when there is none or it was undone already. */
export function undoCorrection(db: Db, id: number): boolean {
  return immediate(db, () => {
    const r = db
      .prepare(
        "UPDATE corrections SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND undone_at IS NULL",
      )
      .run(id);
    if (r.changes > 0) restoreQuoteSpeaker(db, correctionById(db, id)!);
    return r.changes > 0;
  });
}

/**
 * The quote corrections in force, written into the quotes they name (article and span): a quote's speaker is an
 * article-level fact, re-analysis of the article writes it anew, and this puts the analyst's speaker back.
 */
export function applyQuoteCorrections(db: Db, corrections: readonly Correction[] = activeCorrections(db)): number {
  const set = db.prepare(`UPDATE quotes SET speaker_key = ?, speaker_name = ?
                          WHERE article_seq = (SELECT seq FROM articles WHERE id = ?) AND start = ? AND "end" = ?`);
  let n = 0;
  immediate(db, () => {
    if (corrections.length > 0) noteRowsRewritten(db);
    for (const c of corrections) {
      if (c.kind !== 'quote.speaker' || c.undoneAt) continue;
      const p = c.payload;
      n += set.run(p.speakerKey, p.speakerName, p.articleId, p.start, p.end).changes;
      claimantsFromQuote(db, p);
    }
  });
  return n;
}

/**
 * The claims built from a quote take its speaker as their claimant (as `buildClaims` does: the speaker's name, else
 * the speaker's words), so that the ledger, the claims list and the actor profile agree with the quote.
 */
function claimantsFromQuote(db: Db, p: { articleId: string; start: number; end: number }): void {
  db.prepare(`UPDATE claims SET claimant_key = q.speaker_key,
                claimant = COALESCE(q.speaker_name, json_extract(q.speaker, '$.text'), claims.claimant)
              FROM quotes q
              WHERE q.article_seq = claims.article_seq AND q.idx = claims.quote_idx
                AND q.article_seq = (SELECT seq FROM articles WHERE id = ?) AND q.start = ? AND q."end" = ?`).run(
    p.articleId,
    p.start,
    p.end,
  );
}

function restoreQuoteSpeaker(db: Db, c: Correction): void {
  if (c.kind !== 'quote.speaker') return;
  const p = c.payload;
  const same = allCorrections(db).filter(
    (o): o is typeof c =>
      o.kind === 'quote.speaker' &&
      o.payload.articleId === p.articleId &&
      o.payload.start === p.start &&
      o.payload.end === p.end,
  );
  // The speaker before any correction of this quote is the first one's `before` (an undone correction's own
  // `before` may be what an earlier correction set); the ones still in force are then applied again in order.
  const first = same[0]!.payload.before;
  noteRowsRewritten(db);
  db.prepare(`UPDATE quotes SET speaker_key = ?, speaker_name = ?
              WHERE article_seq = (SELECT seq FROM articles WHERE id = ?) AND start = ? AND "end" = ?`).run(
    first.speakerKey,
    first.speakerName,
    p.articleId,
    p.start,
    p.end,
  );
  claimantsFromQuote(db, p);
  applyQuoteCorrections(
    db,
    same.filter((o) => !o.undoneAt),
  );
}

/** The actor keys that make up an entity (what an actor correction names, as ids change with names). */
export function entityKeys(db: Db, entityId: string): string[] {
  return db
    .prepare('SELECT actor_key FROM actor_keys WHERE entity_id = ? ORDER BY actor_key')
    .pluck()
    .all(entityId) as string[];
}

/** What a correction of a quote needs to know of it: where it is and who says it now. */
export function quoteSpeaker(
  db: Db,
  quoteId: string,
): { articleId: string; start: number; end: number; speakerKey: string | null; speakerName: string | null } | null {
  const cut = quoteId.lastIndexOf(':q');
  if (cut <= 0) return null;
  const r = db
    .prepare(`SELECT a.id AS articleId, q.start, q."end" AS "end", q.speaker_key AS speakerKey, q.speaker_name AS speakerName
              FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE a.id = ? AND q.idx = ?`)
    .get(quoteId.slice(0, cut), Number(quoteId.slice(cut + 2))) as
    | { articleId: string; start: number; end: number; speakerKey: string | null; speakerName: string | null }
    | undefined;
  return r ?? null;
}
