import type { Db } from '../db.js';
import { textCell } from './cell.js';
import { eventActors, eventContexts } from './event-rows.js';
import type { Sink } from './json.js';

export const CSV_COLUMNS: readonly string[] = [
  'id',
  'type',
  'mode',
  'negated',
  'hypothetical',
  'date',
  'datePrecision',
  'source',
  'sourceCodes',
  'sourceIds',
  'target',
  'targetCodes',
  'targetIds',
  'location',
  'mentions',
  'articles',
  'outlets',
  'articleIds',
  'attributes',
  'text',
  'url',
  // Added after the first release: canonical entity names (after the alias file), `;`-joined.
  'sourceEntities',
  'targetEntities',
  // Added with corrections: the ids of the analyst's corrections that changed the event, `;`-joined.
  'corrections',
];

/** Columns of counts and flags sitrep computes: written as they are. Every other column is text (see `textCell`). */
const NUMERIC: ReadonlySet<string> = new Set([
  'negated',
  'hypothetical',
  'mentions',
  'articles',
  'outlets',
  'corrections',
]);

/** RFC 4180 field: quoted when it holds a comma, quote or line break; text neutralized against formulas. */
function field(v: unknown, column: number): string {
  const raw = v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
  const s = NUMERIC.has(CSV_COLUMNS[column]!) ? raw : textCell(raw);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `sitrep export --format csv`: one row per merged event (RFC 4180, header first); lists are `;`-joined. */
export async function writeCsvExport(db: Db, sink: Sink): Promise<void> {
  await sink(`${CSV_COLUMNS.join(',')}\r\n`);
  for (const ctx of eventContexts(db)) {
    const e = ctx.event;
    const src = eventActors(ctx, 'source');
    const tgt = eventActors(ctx, 'target');
    const values = [
      e.id,
      e.type,
      e.mode ?? '',
      e.negated ?? false,
      e.hypothetical ?? false,
      e.date ?? '',
      e.datePrecision ?? '',
      src.map((a) => a.name).join(';'),
      src.map((a) => a.code).join(';'),
      e.sourceIds.join(';'),
      tgt.map((a) => a.name).join(';'),
      tgt.map((a) => a.code).join(';'),
      e.targetIds.join(';'),
      e.location ?? '',
      e.mentions ?? e.evidence.length,
      e.articleIds.length,
      ctx.outlets,
      e.articleIds.join(';'),
      JSON.stringify(e.attributes),
      ctx.sentence,
      ctx.article.url ?? '',
      (e.sourceEntities ?? []).join(';'),
      (e.targetEntities ?? []).join(';'),
      (e.corrections ?? []).join(';'),
    ];
    await sink(`${values.map((v, i) => field(v, i)).join(',')}\r\n`);
  }
}
