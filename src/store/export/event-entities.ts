import type { ExportEvent, ExportEventActor } from '../../model/index.js';
import type { Db } from '../db.js';

/**
 * Canonical actors on exported events: each actor with an entity id gets that entity's name as it stands in the
 * store (after the alias file's merges and renames), and the event lists its source and target entities by
 * canonical name. The coder's mention-level fields stay as they are.
 */
export function canonicalActors(db: Db): (e: ExportEvent) => ExportEvent {
  const entity = db.prepare('SELECT name FROM entities WHERE id = ?');
  const names = new Map<string, string | null>();
  return canonicalActorsBy((id) => {
    let name = names.get(id);
    if (name === undefined) {
      name = (entity.get(id) as { name: string } | undefined)?.name ?? null;
      names.set(id, name);
    }
    return name;
  });
}

/** `canonicalActors` with the entity names from `nameOf` (null for an id the store does not hold). */
export function canonicalActorsBy(nameOf: (id: string) => string | null): (e: ExportEvent) => ExportEvent {
  const side = (detailed: ExportEventActor[] | undefined, mentionNames: readonly string[], ids: readonly string[]) => {
    // Older stores hold events without per-actor detail: pair names and ids by position.
    const actors: ExportEventActor[] =
      detailed ?? mentionNames.map((name, i) => ({ text: name, name, code: '', id: ids[i] ?? null }));
    const withEntity = actors.map((a) => ({ ...a, entity: a.id ? nameOf(a.id) : null }));
    return { actors: withEntity, entities: [...new Set(withEntity.map((a) => a.entity ?? a.name))] };
  };
  return (e) => {
    const source = side(e.sourceActors, e.source, e.sourceIds);
    const target = side(e.targetActors, e.target, e.targetIds);
    return {
      ...e,
      ...(e.sourceActors ? { sourceActors: source.actors } : {}),
      ...(e.targetActors ? { targetActors: target.actors } : {}),
      sourceEntities: source.entities,
      targetEntities: target.entities,
    };
  };
}
