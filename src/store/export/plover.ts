import type { Sink } from './json.js';
import type { Db } from '../db.js';
import { eventActors, eventContexts, type RowActor } from './event-rows.js';

/** PLOVER contexts implied by the domain attributes an event carries. */
function contexts(attributes: Record<string, unknown>): string[] {
  const out: string[] = [];
  if ('class' in attributes || 'rangeKm' in attributes || ('participants' in attributes && 'duration' in attributes))
    out.push('military');
  if ('imposer' in attributes) out.push('economic');
  if ('venue' in attributes || 'host' in attributes || 'occasion' in attributes) out.push('diplomatic');
  if ('person' in attributes) out.push('political_institutions');
  return out;
}

/**
 * `sitrep export --format plover`: one PLOVER-style JSON record per line (JSON Lines), one per merged event —
 * id, date, source/target actors (actorText, name, code), event, mode, context, text (the first evidence
 * sentence), storyId, publisher — plus sitrep's flags and provenance.
 */
export async function writePloverExport(db: Db, sink: Sink): Promise<void> {
  for (const ctx of eventContexts(db)) {
    const e = ctx.event;
    const actor = (a: RowActor) => ({
      actorText: a.text,
      name: a.name,
      code: a.code,
      entityId: a.id,
      entityName: a.entity,
    });
    const record = {
      id: e.id,
      date: e.date,
      datePrecision: e.datePrecision ?? null,
      source: eventActors(ctx, 'source').map(actor),
      target: eventActors(ctx, 'target').map(actor),
      event: e.type,
      mode: e.mode ?? null,
      context: contexts(e.attributes),
      negated: e.negated ?? false,
      hypothetical: e.hypothetical ?? false,
      eventLoc: e.location,
      attributes: e.attributes,
      text: ctx.sentence,
      storyId: ctx.article.id,
      publisher: ctx.article.outlet,
      url: ctx.article.url,
      mentions: e.mentions ?? e.evidence.length,
      storyIds: e.articleIds,
      language: 'en',
      // Additive: the analyst's corrections that changed the event (their ids), when there are any.
      ...(e.corrections ? { corrections: e.corrections } : {}),
    };
    await sink(
      `${JSON.stringify(record)
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029')}\n`,
    );
  }
}
