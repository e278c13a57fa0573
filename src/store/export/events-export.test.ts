import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDoc, type EventMention } from '../../model/index.js';
import { mergeEvents } from '../../resolve/index.js';
import { articleId, articleWriter } from '../articles.js';
import { eventMentions, writeResolved } from '../corpus.js';
import { openDb, type Db } from '../db.js';
import {
  CSV_COLUMNS,
  GDELT_COLUMNS,
  writeCsvExport,
  writeGdeltExport,
  writeJsonExport,
  writePloverExport,
} from './index.js';

const TEXT = 'Ardavia imposed sanctions on Belmar, officials said.\n\nThe measures target "ports, banks and ships".';

/** Names an attacker may give actors and places (OWASP's CSV-injection payloads), used by one test. */
interface Hostile {
  source?: string;
  location?: string;
  text?: string;
}

function sanction(start: number, end: number, hostile: Hostile = {}): EventMention {
  const source = hostile.source ?? 'Ardavia';
  return {
    type: 'SANCTION',
    mode: null,
    source: [{ start: 0, end: 7, text: source, name: source, code: 'ARDGOV', actorKey: 'country:ARD' }],
    target: [{ start: 28, end: 34, text: 'Belmar', name: 'Belmar', code: 'BLM', actorKey: 'country:BLM' }],
    date: { value: '2026-03-13', precision: 'day' },
    location: { start: 28, end: 34, text: 'Belmar', name: hostile.location ?? 'Belmar' },
    trigger: { start: 8, end: 25, text: 'imposed sanctions' },
    negated: false,
    hypothetical: false,
    attributes: { imposer: ['Ardavia'], sanctioned: ['Belmar'] },
    evidence: { start, end },
  };
}

function store(hostile: Hostile = {}): Db {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'sitrep-evx-')), 't.db'));
  const w = articleWriter(db);
  for (const [outlet, url] of [
    ['Harbour Post', 'https://post.example/a'],
    ['Bay Wire', 'https://wire.example/b'],
  ] as const) {
    const raw = {
      title: `Sanctions (${outlet})`,
      url,
      outlet,
      text: hostile.text ?? TEXT,
      captions: [],
      dateEvidence: [],
      origin: 't',
      warnings: [],
    };
    const doc = createDoc(articleId(raw), raw);
    doc.events.push(sanction(0, 52, hostile));
    w.insert(doc);
  }
  const actorKeys = new Map([
    ['country:ARD', 'ent_ard'],
    ['country:BLM', 'ent_blm'],
  ]);
  const events = mergeEvents(eventMentions(db), actorKeys);
  writeResolved(
    db,
    {
      entities: [
        { id: 'ent_ard', name: hostile.source ?? 'Ardavia', type: 'GPE', aliases: [], mentions: 2, code: 'ARD' },
        { id: 'ent_blm', name: 'Belmar', type: 'GPE', aliases: [], mentions: 2, code: 'BLM' },
      ],
      actorKeys,
      events,
      claimGroups: [],
    },
    2,
  );
  return db;
}

async function collect(write: (db: Db, sink: (s: string) => void) => Promise<void>, db: Db): Promise<string> {
  const chunks: string[] = [];
  await write(db, (s) => void chunks.push(s));
  return chunks.join('');
}

describe('event exports', () => {
  it('carries the canonical entity name, as the store has it after merges and renames, in every format', async () => {
    const db = store();
    db.prepare('UPDATE entities SET name = ? WHERE id = ?').run('Republic of Ardavia', 'ent_ard');
    const json = JSON.parse(await collect(writeJsonExport, db)) as { events: Array<Record<string, any>> };
    const e = json.events[0]!;
    expect(e.source).toEqual(['Ardavia']);
    expect(e.sourceIds).toEqual(['ent_ard']);
    expect(e.sourceEntities).toEqual(['Republic of Ardavia']);
    expect(e.targetEntities).toEqual(['Belmar']);
    expect(e.sourceActors[0]).toMatchObject({ name: 'Ardavia', id: 'ent_ard', entity: 'Republic of Ardavia' });
    const plover = JSON.parse((await collect(writePloverExport, db)).split('\n')[0]!) as Record<string, any>;
    expect(plover.source[0]).toMatchObject({ name: 'Ardavia', entityId: 'ent_ard', entityName: 'Republic of Ardavia' });
    const csv = (await collect(writeCsvExport, db)).split('\r\n');
    expect(csv[0]!.split(',').slice(-3)).toEqual(['sourceEntities', 'targetEntities', 'corrections']);
    expect(csv[1]!.startsWith(`${e.id},SANCTION,,false,false,2026-03-13,day,Ardavia,`)).toBe(true);
    expect(csv[1]!.endsWith(',Republic of Ardavia,Belmar,')).toBe(true);
    const gdelt = (await collect(writeGdeltExport, db)).split('\n');
    expect(gdelt[1]!.split('\t')[GDELT_COLUMNS.indexOf('Actor1Name')]).toBe('REPUBLIC OF ARDAVIA');
  });

  it('writes PLOVER-style JSON lines, one per merged event', async () => {
    const out = (await collect(writePloverExport, store()))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, any>);
    expect(out).toHaveLength(1);
    const r = out[0]!;
    expect(r).toMatchObject({
      event: 'SANCTION',
      date: '2026-03-13',
      mode: null,
      negated: false,
      hypothetical: false,
      mentions: 2,
      publisher: 'Harbour Post',
      context: ['economic'],
    });
    expect(r.source).toEqual([
      { actorText: 'Ardavia', name: 'Ardavia', code: 'ARDGOV', entityId: 'ent_ard', entityName: 'Ardavia' },
    ]);
    expect(r.target[0].code).toBe('BLM');
    expect(r.text).toBe('Ardavia imposed sanctions on Belmar, officials said.');
    expect(r.storyIds).toHaveLength(2);
    expect(typeof r.storyId).toBe('string');
  });

  it('writes GDELT 2.0 event-table rows with CAMEO codes mapped from the PLOVER type', async () => {
    const lines = (await collect(writeGdeltExport, store())).trimEnd().split('\n');
    expect(lines[0]!.split('\t')).toEqual(GDELT_COLUMNS);
    expect(GDELT_COLUMNS).toHaveLength(61);
    const row = Object.fromEntries(lines[1]!.split('\t').map((v, i) => [GDELT_COLUMNS[i]!, v]));
    expect(lines[1]!.split('\t')).toHaveLength(61);
    expect(row).toMatchObject({
      Day: '20260313',
      MonthYear: '202603',
      Year: '2026',
      Actor1Code: 'ARDGOV',
      Actor1Name: 'ARDAVIA',
      Actor1CountryCode: 'ARD',
      Actor1Type1Code: 'GOV',
      Actor2Code: 'BLM',
      EventCode: '160',
      EventBaseCode: '160',
      EventRootCode: '16',
      QuadClass: '4',
      GoldsteinScale: '-4.0',
      NumMentions: '2',
      NumSources: '2',
      NumArticles: '2',
      IsRootEvent: '1',
      ActionGeo_FullName: 'Belmar',
      SOURCEURL: 'https://post.example/a',
    });
    expect(row.GlobalEventID).toMatch(/^\d+$/);
    expect(row.DATEADDED).toMatch(/^\d{14}$/);
  });

  it('writes RFC 4180 CSV with a header', async () => {
    const text = await collect(writeCsvExport, store());
    const [header, line] = text.split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(line).toContain('SANCTION');
    expect(line).toContain('"{""imposer"":[""Ardavia""],""sanctioned"":[""Belmar""]}"');
    expect(line).toContain('"Ardavia imposed sanctions on Belmar, officials said."');
  });

  it('neutralizes text cells a spreadsheet would run as formulas, and keeps numbers as numbers', async () => {
    const hostile = {
      source: '=HYPERLINK("http://evil.example","x")',
      location: "@SUM(1+1)*cmd|' /C calc'!A0",
      text: '-2+3 Ardavia imposed sanctions on Belmar, officials said.\n\nThe measures target "ports".',
    };
    const csv = (await collect(writeCsvExport, store(hostile))).split('\r\n');
    const cells = csv[1]!.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)!.map((c) => c.replace(/,$/, ''));
    const col = (name: string): string => cells[CSV_COLUMNS.indexOf(name)]!.replace(/^"|"$/g, '').replace(/""/g, '"');
    expect(col('source')).toBe(`'${hostile.source}`);
    expect(col('location')).toBe(`'${hostile.location}`);
    expect(col('text')).toBe(`'${hostile.text.slice(0, 52)}`);
    expect(col('mentions')).toBe('2');
    for (const c of cells) expect(c.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);

    const gdelt = (await collect(writeGdeltExport, store(hostile))).trimEnd().split('\n');
    const row = Object.fromEntries(gdelt[1]!.split('\t').map((v, i) => [GDELT_COLUMNS[i]!, v]));
    expect(row.Actor1Name).toBe(`'${hostile.source.toUpperCase()}`);
    expect(row.ActionGeo_FullName).toBe(`'${hostile.location}`);
    expect(row.GoldsteinScale).toBe('-4.0');
    for (const [name, v] of Object.entries(row)) if (name !== 'GoldsteinScale') expect(v, name).not.toMatch(/^[=+\-@]/);
  });
});
