import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../analyze/index.js';
import type { ExportData, ExportEvent, ExportQuote } from '../model/index.js';
import {
  allEntities,
  allEvents,
  allQuotes,
  writeCsvExport,
  writeGdeltExport,
  writeJsonExport,
  writePloverExport,
  CSV_COLUMNS,
  GDELT_COLUMNS,
  type Db,
} from '../store/index.js';
import { createApp, type ServedApp } from './app.js';
import { exampleStore, postJson } from './test-store.js';
import { storeToken } from './token.js';

let dir: string;
let dbPath: string;
let db: Db;
let app: ServedApp;
let headers: Record<string, string>;

beforeAll(async () => {
  ({ dir, path: dbPath, db } = await exampleStore('corr'));
  app = createApp(db);
  headers = { 'content-type': 'application/json', 'x-sitrep-token': storeToken(db) };
}, 120_000);

afterAll(() => {
  app?.stopWorkers();
  db?.close();
});

const post = (path: string, body: unknown) => postJson(app, headers, path, body);

const entityNamed = (name: string) => [...allEntities(db)].find((e) => e.name === name);
const sameSpan = (a: ExportEvent, b: ExportEvent): boolean =>
  a.evidence.some((x) => b.evidence.some((y) => x.articleId === y.articleId && x.start === y.start));

async function collect(write: (db: Db, sink: (s: string) => void) => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  await write(db, (s) => void chunks.push(s));
  return chunks.join('');
}

describe('corrections', () => {
  let retyped: ExportEvent;
  let wrong: ExportEvent;
  let quote: ExportQuote;
  let renameId: number;

  it('needs the token and same-origin JSON, and says what is wrong with a request', async () => {
    const res = await app.request('/api/corrections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'event.wrong', id: 'x' }),
    });
    expect(res.status).toBe(401);
    expect((await post('/api/corrections', { kind: 'event.wrong', id: 'nothing' })).status).toBe(400);
    expect((await post('/api/corrections', { kind: 'no.such' })).body.error).toMatch(/kind is one of/);
    const v = entityNamed('Veskaria')!;
    expect((await post('/api/corrections', { kind: 'actor.merge', ids: [v.id] })).status).toBe(400);
  });

  it('renames an actor, retypes an event, marks one wrong and changes a quote’s speaker', async () => {
    const v = entityNamed('Veskaria')!;
    const renamed = await post('/api/corrections', { kind: 'actor.rename', id: v.id, name: 'Republic of Veskaria' });
    expect(renamed.status).toBe(200);
    renameId = renamed.body.correction.id;
    expect(entityNamed('Republic of Veskaria')?.mentions).toBe(v.mentions);
    expect(renamed.body.actorId).toBe(entityNamed('Republic of Veskaria')!.id);

    const events = [...allEvents(db)];
    retyped = events.find((e) => e.type === 'ACCUSE')!;
    wrong = events.find((e) => e.type === 'SANCTION')!;
    expect(
      (await post('/api/corrections', { kind: 'event.type', id: retyped.id, type: 'PROTEST', note: 'a protest' }))
        .status,
    ).toBe(200);
    expect((await post('/api/corrections', { kind: 'event.wrong', id: wrong.id })).status).toBe(200);
    const after = [...allEvents(db)];
    expect(after.find((e) => sameSpan(e, retyped))?.type).toBe('PROTEST');
    expect(after.some((e) => sameSpan(e, wrong))).toBe(false);

    quote = [...allQuotes(db)].find((q) => q.speaker && q.speaker !== 'Park Ji-hoon')!;
    const park = entityNamed('Park Ji-hoon')!;
    expect((await post('/api/corrections', { kind: 'quote.speaker', id: quote.id, speakerId: park.id })).status).toBe(
      200,
    );
    expect([...allQuotes(db)].find((q) => q.id === quote.id)?.speaker).toBe('Park Ji-hoon');

    const list = await app.request('/api/corrections');
    expect(((await list.json()) as { total: number }).total).toBe(4);
  });

  it('merges two actors and gives them other actors on an event', async () => {
    const a = entityNamed('Kellhaven')!;
    const b = entityNamed('Portavel')!;
    const merged = await post('/api/corrections', {
      kind: 'actor.merge',
      ids: [a.id, b.id],
      name: 'Kellhaven–Portavel',
    });
    expect(merged.status).toBe(200);
    expect(entityNamed('Kellhaven–Portavel')?.mentions).toBe(a.mentions + b.mentions);
    const un = entityNamed('United Nations')!;
    const norvessa = entityNamed('Norvessa')!;
    const event = [...allEvents(db)].find((e) => e.type === 'CONSULT' || e.type === 'AGREE')!;
    expect(
      (
        await post('/api/corrections', {
          kind: 'event.actors',
          id: event.id,
          sourceIds: [un.id],
          targetIds: [norvessa.id],
        })
      ).status,
    ).toBe(200);
    const now = [...allEvents(db)].find((e) => sameSpan(e, event))!;
    expect(now.sourceIds).toEqual([un.id]);
    expect(now.targetIds).toEqual([norvessa.id]);
  });

  it('survives the analysis of new material and shows in every export', async () => {
    const extra = join(dir, 'more.txt');
    // Text written for this test: new reports naming the corrected actors.
    writeFileSync(
      extra,
      [
        'Veskaria recalls envoy over Kellhaven dispute',
        '',
        'Veskaria recalled its ambassador from Norvessa on Friday, the foreign ministry in the capital said, after talks on the detained freighter broke down.',
        '',
        'Officials in Portavel said the envoy would not return until the crew was released.',
      ].join('\n'),
    );
    await analyzePaths([extra], dbPath, { threads: 0 });
    expect(entityNamed('Republic of Veskaria')).toBeDefined();
    expect(entityNamed('Veskaria')).toBeUndefined();
    expect(entityNamed('Kellhaven–Portavel')).toBeDefined();
    const events = [...allEvents(db)];
    const kept = events.find((e) => sameSpan(e, retyped))!;
    expect(kept.type).toBe('PROTEST');
    expect(kept.corrections?.length).toBeGreaterThan(0);
    expect(events.some((e) => sameSpan(e, wrong))).toBe(false);
    expect([...allQuotes(db)].find((q) => q.id === quote.id)?.speaker).toBe('Park Ji-hoon');

    const exported = JSON.parse(await collect(writeJsonExport)) as ExportData;
    expect(exported.corrections?.map((c) => c.kind)).toEqual([
      'actor.rename',
      'event.type',
      'event.wrong',
      'quote.speaker',
      'actor.merge',
      'event.actors',
    ]);
    expect(exported.entities.some((e) => e.name === 'Republic of Veskaria')).toBe(true);
    expect(exported.events.find((e) => e.id === kept.id)?.type).toBe('PROTEST');
    expect(exported.quotes.find((q) => q.id === quote.id)?.speaker).toBe('Park Ji-hoon');

    const csv = (await collect(writeCsvExport)).split('\r\n').map((l) => l.split(','));
    const row = csv.find((r) => r[0] === kept.id)!;
    expect(row[CSV_COLUMNS.indexOf('type')]).toBe('PROTEST');
    // The last column (earlier text cells may hold quoted commas).
    expect(CSV_COLUMNS.at(-1)).toBe('corrections');
    expect(row.at(-1)).toBe(kept.corrections!.join(';'));
    expect(csv.some((r) => r[0] === wrong.id)).toBe(false);
    const plover = (await collect(writePloverExport))
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            id: string;
            event: string;
            corrections?: number[];
            source: Array<{ entityName: string | null }>;
          },
      );
    expect(plover.find((r) => r.id === kept.id)?.event).toBe('PROTEST');
    expect(plover.find((r) => r.id === kept.id)?.corrections).toEqual(kept.corrections);
    // GDELT has no event ids: the corrected picture shows as its rows, codes and canonical names.
    const gdelt = (await collect(writeGdeltExport))
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    expect(gdelt.length).toBe(events.length);
    const protests = gdelt.filter((r) => r[GDELT_COLUMNS.indexOf('EventRootCode')] === '14').length;
    expect(protests).toBe(events.filter((e) => e.type === 'PROTEST').length);
    expect(gdelt.some((r) => r[GDELT_COLUMNS.indexOf('Actor1Name')] === 'REPUBLIC OF VESKARIA')).toBe(true);
  });

  it('undoes a correction, and the actor part reads and writes as an alias file', async () => {
    const aliases = (await (await app.request('/api/corrections/aliases')).json()) as {
      rename: Record<string, string>;
      merge: Array<{ name: string }>;
    };
    expect(Object.values(aliases.rename)).toContain('Republic of Veskaria');
    expect(aliases.merge.map((m) => m.name)).toContain('Kellhaven–Portavel');

    const undone = await post(`/api/corrections/${renameId}/undo`, {});
    expect(undone.status).toBe(200);
    expect(undone.body.correction.undoneAt).not.toBeNull();
    expect(entityNamed('Veskaria')).toBeDefined();
    expect((await post(`/api/corrections/${renameId}/undo`, {})).status).toBe(409);

    const imported = await post('/api/corrections/aliases', { rename: { Norvessa: 'Kingdom of Norvessa' } });
    expect(imported.status).toBe(200);
    expect(entityNamed('Kingdom of Norvessa')).toBeDefined();
    expect((await post('/api/corrections/aliases', { merge: 'nope' })).status).toBe(400);
  });

  it('reads an alias file larger than the other routes allow, up to its own limit', async () => {
    const big = { $comment: 'x'.repeat(32 * 1024) };
    expect((await post('/api/corrections/aliases', big)).status).toBe(200);
    expect((await post('/api/corrections', { kind: 'event.wrong', id: 'nothing', note: big.$comment })).status).toBe(
      413,
    );
    const res = await app.request('/api/corrections/aliases', {
      method: 'POST',
      headers: { ...headers, 'content-length': String(3 * 1024 * 1024) },
      body: '{}',
    });
    expect(res.status).toBe(413);
  });
});
