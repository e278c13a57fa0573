import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDoc, type EventActor, type EventMention, type ExportEvent } from '../model/index.js';
import { mergeEvents } from '../resolve/index.js';
import {
  addCorrection,
  articleId,
  articleWriter,
  eventMentions,
  openDb,
  undoCorrection,
  writeResolved,
  type Db,
} from '../store/index.js';
import { resolveCorpus, startResolve } from './resolve-corpus.js';

const actor = (name: string, key: string): EventActor => ({
  start: 0,
  end: name.length,
  text: name,
  name,
  code: '',
  actorKey: key,
});

function mention(type: EventMention['type'], start: number, over: Partial<EventMention> = {}): EventMention {
  return {
    type,
    mode: null,
    source: [actor('Ardavia', 'country:ARD')],
    target: [actor('Belmar', 'country:BLM')],
    date: { value: '2026-03-13', precision: 'day' },
    location: null,
    trigger: { start, end: start + 5, text: 'verb.' },
    negated: false,
    hypothetical: false,
    attributes: {},
    evidence: { start, end: start + 20 },
    ...over,
  };
}

/** Three articles with events of three types, some the same real-world event, some not. */
function store(path = join(mkdtempSync(join(tmpdir(), 'sitrep-resolve-')), 't.db')): Db {
  const db = openDb(path);
  const w = articleWriter(db);
  const events: EventMention[][] = [
    [mention('SANCTION', 0), mention('THREATEN', 30), mention('ACCUSE', 60, { date: null })],
    [
      mention('SANCTION', 5),
      mention('ACCUSE', 40),
      mention('ACCUSE', 80, { target: [] }),
      mention('THREATEN', 90, { negated: true }),
    ],
    [
      mention('SANCTION', 10, { date: { value: '2026-03-20', precision: 'day' } }),
      mention('THREATEN', 0, { source: [actor('Belmar', 'country:BLM')], target: [] }),
    ],
  ];
  events.forEach((list, i) => {
    const raw = {
      title: `Story ${i}`,
      url: `https://news.example/${i}`,
      outlet: `Outlet ${i}`,
      text: 'x'.repeat(200),
      captions: [],
      dateEvidence: [],
      origin: 't',
      warnings: [],
    };
    const doc = createDoc(articleId(raw), raw);
    doc.events.push(...list);
    doc.entities.push(
      { start: 0, end: 7, text: 'Ardavia', type: 'GPE', actorKey: 'country:ARD', canonical: 'Ardavia' },
      { start: 10, end: 16, text: 'Belmar', type: 'GPE', actorKey: 'country:BLM', canonical: 'Belmar' },
    );
    const claim = {
      start: 20,
      end: 60,
      claimantKey: 'country:ARD',
      claimant: 'Ardavia',
      targetKeys: ['country:BLM'],
      date: null,
      quote: null,
    };
    doc.claims.push(
      {
        ...claim,
        proposition: 'Belmar dumped toxic waste into the northern harbour',
        stance: i === 1 ? 'denies' : 'accuses',
      },
      {
        ...claim,
        proposition: [
          'Rainfall doubled across southern provinces',
          'Museum reopened after lengthy renovation',
          'Football league postponed opening fixtures',
        ][i]!,
        stance: 'asserts',
      },
    );
    w.insert(doc);
  });
  return db;
}

const DERIVED = ['entities', 'actor_keys', 'events', 'event_articles', 'claim_groups', 'claim_group_members'];

function derivedTables(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(DERIVED.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

describe('resolveCorpus', () => {
  it('merges events one type at a time from row references, exactly as merging every mention at once', async () => {
    const db = store();
    const counts = await resolveCorpus(db);
    const actorKeys = new Map(
      (
        db.prepare('SELECT actor_key AS k, entity_id AS v FROM actor_keys').all() as Array<{ k: string; v: string }>
      ).map((r) => [r.k, r.v]),
    );
    const expected = mergeEvents(eventMentions(db), actorKeys);
    const stored = (db.prepare('SELECT data FROM events ORDER BY rowid').pluck().all() as string[]).map(
      (d) => JSON.parse(d) as unknown,
    );
    expect(stored).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(counts.events).toBe(expected.length);
    // Two outlets' sanctions on the same day are one event; the one a week later is another.
    const sanctions = expected.filter((e) => e.type === 'SANCTION');
    expect(sanctions.map((e) => e.mentions).sort()).toEqual([1, 2]);
    expect(new Set(expected.map((e) => e.type))).toEqual(new Set(['ACCUSE', 'SANCTION', 'THREATEN']));
  });

  it('keeps the previous derived tables when producing the events fails midway (one transaction)', async () => {
    const db = store();
    await resolveCorpus(db);
    const before = db.prepare('SELECT id, data FROM events ORDER BY rowid').all();
    const links = db.prepare('SELECT * FROM event_articles ORDER BY rowid').all();
    const first = JSON.parse((before[0] as { data: string }).data) as ExportEvent;
    function* failing(): Generator<ExportEvent> {
      yield first;
      throw new Error('resolve failed');
    }
    expect(() =>
      writeResolved(db, { entities: [], actorKeys: new Map(), events: failing(), claimGroups: [] }, 99),
    ).toThrow('resolve failed');
    expect(db.prepare('SELECT id, data FROM events ORDER BY rowid').all()).toEqual(before);
    expect(db.prepare('SELECT * FROM event_articles ORDER BY rowid').all()).toEqual(links);
  });

  it('resolves a file store (entities and claims on a worker) as an in-memory one (all on this thread), and again the same', async () => {
    const db = store();
    const counts = await resolveCorpus(db);
    const tables = derivedTables(db);
    expect(counts.entities).toBeGreaterThan(0);
    expect(counts.claimGroups).toBe(1);
    expect(tables.claim_group_members).toHaveLength(3);
    const memory = store(':memory:');
    expect(await resolveCorpus(memory)).toEqual(counts);
    expect(derivedTables(memory)).toEqual(tables);
    expect(await resolveCorpus(db)).toEqual(counts);
    expect(derivedTables(db)).toEqual(tables);
  });

  it('a resolve that started before a correction does not write over the resolve the correction made', async () => {
    const db = store();
    await resolveCorpus(db);
    const name = () =>
      db
        .prepare(
          "SELECT e.name FROM entities e JOIN actor_keys k ON k.entity_id = e.id WHERE k.actor_key = 'country:ARD'",
        )
        .pluck()
        .get();
    const id = db.prepare("SELECT entity_id FROM actor_keys WHERE actor_key = 'country:ARD'").pluck().get() as string;
    const older = startResolve(db);
    const c = addCorrection(db, {
      kind: 'actor.rename',
      target: id,
      payload: { name: 'Republic of Ardavia', keys: ['country:ARD'] },
    });
    await resolveCorpus(db);
    expect(name()).toBe('Republic of Ardavia');
    await older.finish();
    expect(name()).toBe('Republic of Ardavia');

    const again = startResolve(db);
    undoCorrection(db, c.id);
    await again.finish();
    expect(name()).toBe('Ardavia');
  });

  it('keeps the alias file an analysis resolved with for later resolves without one (a workbench correction)', async () => {
    const db = store();
    const name = () =>
      db
        .prepare(
          "SELECT e.name FROM entities e JOIN actor_keys k ON k.entity_id = e.id WHERE k.actor_key = 'country:BLM'",
        )
        .pluck()
        .get();
    await resolveCorpus(db);
    const plain = name();
    expect(plain).not.toBe('Belmar Federation');
    await resolveCorpus(db, { merge: [], split: [], rename: { 'country:BLM': 'Belmar Federation' } });
    expect(name()).toBe('Belmar Federation');
    // A correction resolves without an alias file of its own: the rename holds.
    addCorrection(db, {
      kind: 'actor.rename',
      target: 'x',
      payload: { name: 'Republic of Ardavia', keys: ['country:ARD'] },
    });
    await resolveCorpus(db);
    expect(name()).toBe('Belmar Federation');
    // An analysis with another (here empty) alias file replaces it.
    await resolveCorpus(db, { merge: [], split: [], rename: {} });
    expect(name()).toBe(plain);
    await resolveCorpus(db);
    expect(name()).toBe(plain);
  });
});
