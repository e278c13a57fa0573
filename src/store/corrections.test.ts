import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCorrection, applyQuoteCorrections, undoCorrection } from './corrections.js';
import { openDb, type Db } from './db.js';

const TEXT = 'The minister said “the bridge opens in May” on Monday.';
const Q = { start: 18, end: 43 };

/** A store with one article, one quote whose speaker has no resolved name, and the claim built from it. */
function store(): Db {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'sitrep-corr-store-')), 'test.db'));
  db.prepare("INSERT INTO articles (id, title, text, origin) VALUES ('a1', 'Bridge', ?, 'test')").run(TEXT);
  db.prepare(
    'INSERT INTO quotes (article_seq, idx, start, "end", text, direct, speaker_key, speaker_name) VALUES (1, 0, ?, ?, \'q\', 1, NULL, NULL)',
  ).run(Q.start, Q.end);
  db.prepare(
    "INSERT INTO claims (article_seq, idx, start, \"end\", proposition, claimant_key, claimant, stance, quote_idx) VALUES (1, 0, 0, ?, 'the bridge opens in May', 'person:minister', 'The minister', 'asserts', 0)",
  ).run(Q.end);
  db.prepare("UPDATE quotes SET speaker = ?, speaker_key = 'person:minister', speaker_name = NULL WHERE idx = 0").run(
    JSON.stringify({ start: 0, end: 12, text: 'The minister' }),
  );
  return db;
}

function setSpeaker(
  db: Db,
  key: string,
  name: string,
  before: { speakerKey: string | null; speakerName: string | null },
) {
  const c = addCorrection(db, {
    kind: 'quote.speaker',
    target: 'a1:q0',
    payload: { articleId: 'a1', ...Q, speakerKey: key, speakerName: name, before },
  });
  applyQuoteCorrections(db, [c]);
  return c.id;
}

const speaker = (db: Db) => db.prepare('SELECT speaker_key AS k, speaker_name AS n FROM quotes').get();

describe('quote speaker corrections', () => {
  it('undoing two corrections of one quote, oldest first, puts back the speaker before both', () => {
    const db = store();
    const a = setSpeaker(db, 'person:x', 'X', { speakerKey: 'person:minister', speakerName: null });
    const b = setSpeaker(db, 'person:y', 'Y', { speakerKey: 'person:x', speakerName: 'X' });
    expect(undoCorrection(db, a)).toBe(true);
    expect(speaker(db)).toEqual({ k: 'person:y', n: 'Y' });
    expect(undoCorrection(db, b)).toBe(true);
    expect(speaker(db)).toEqual({ k: 'person:minister', n: null });
    db.close();
  });

  it('undoing the later one leaves the earlier in force', () => {
    const db = store();
    setSpeaker(db, 'person:x', 'X', { speakerKey: 'person:minister', speakerName: null });
    const b = setSpeaker(db, 'person:y', 'Y', { speakerKey: 'person:x', speakerName: 'X' });
    undoCorrection(db, b);
    expect(speaker(db)).toEqual({ k: 'person:x', n: 'X' });
    db.close();
  });

  it('reaches the claims built from the quote, and is undone there too', () => {
    const db = store();
    const claimant = () => db.prepare('SELECT claimant_key AS k, claimant AS n FROM claims').get();
    const a = setSpeaker(db, 'person:x', 'X', { speakerKey: 'person:minister', speakerName: null });
    expect(claimant()).toEqual({ k: 'person:x', n: 'X' });
    undoCorrection(db, a);
    expect(claimant()).toEqual({ k: 'person:minister', n: 'The minister' });
    db.close();
  });
});
