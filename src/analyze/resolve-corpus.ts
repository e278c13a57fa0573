import { createHash } from 'node:crypto';
import type { EntityType, ExportEntity, ExportEvent } from '../model/index.js';
import {
  actorSurfaces,
  eventMentions,
  latestSeq,
  writeResolved,
  type Db,
  type ResolvedCorpus,
} from '../store/index.js';

/**
 * The corpus-level step after ingest: actors across articles, events across mentions, claim groups.
 * Reads aggregates from the store, resolves, and writes the derived tables back in one transaction.
 */

function stableId(prefix: string, key: string): string {
  return `${prefix}_${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
}

function resolveEntities(db: Db): { entities: ExportEntity[]; actorKeys: Map<string, string> } {
  const byKey = new Map<string, { type: EntityType; names: Map<string, number>; aliases: Set<string>; mentions: number }>();
  for (const row of actorSurfaces(db)) {
    let e = byKey.get(row.actorKey);
    if (!e) byKey.set(row.actorKey, (e = { type: row.type, names: new Map(), aliases: new Set(), mentions: 0 }));
    e.mentions += row.count;
    e.aliases.add(row.text);
    const name = row.canonical ?? row.text;
    e.names.set(name, (e.names.get(name) ?? 0) + row.count);
  }
  const entities: ExportEntity[] = [];
  const actorKeys = new Map<string, string>();
  for (const [key, e] of byKey) {
    const id = stableId('ent', key);
    const name = [...e.names].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0];
    entities.push({ id, name, type: e.type, aliases: [...e.aliases].sort(), mentions: e.mentions });
    actorKeys.set(key, id);
  }
  return { entities, actorKeys };
}

function resolveEvents(db: Db, actorKeys: Map<string, string>): ExportEvent[] {
  const out: ExportEvent[] = [];
  for (const m of eventMentions(db)) {
    const e = m.event;
    const ids = (actors: typeof e.source): string[] => actors.map((a) => (a.actorKey ? actorKeys.get(a.actorKey) : undefined)).filter((x): x is string => !!x);
    out.push({
      id: stableId('evt', `${m.articleId}:${e.evidence.start}:${e.trigger.start}:${e.type}`),
      type: e.type,
      sourceIds: ids(e.source),
      targetIds: ids(e.target),
      source: e.source.map((a) => a.name),
      target: e.target.map((a) => a.name),
      date: e.date?.value ?? null,
      datePrecision: e.date?.precision ?? null,
      location: e.location?.name ?? null,
      articleIds: [m.articleId],
      evidence: [{ articleId: m.articleId, start: e.evidence.start, end: e.evidence.end }],
      attributes: e.attributes,
      mode: e.mode,
      negated: e.negated,
      hypothetical: e.hypothetical,
      mentions: 1,
    });
  }
  return out;
}

export function resolveCorpus(db: Db): ResolvedCorpus {
  const { entities, actorKeys } = resolveEntities(db);
  const events = resolveEvents(db, actorKeys);
  const resolved: ResolvedCorpus = { entities, actorKeys, events, claimGroups: [] };
  writeResolved(db, resolved, latestSeq(db));
  return resolved;
}
