import type { Correction, Evidence, ExportEvent, ExportEventActor } from '../model/index.js';
import { emptyAliasFile, type AliasFile } from './aliases.js';

/**
 * The analyst's corrections applied to a resolve: the actor ones become alias-file entries (so they take part
 * in actor resolution exactly as `--aliases` does), the event ones rewrite or drop the corpus events whose
 * evidence they name. Pure: the caller reads the corrections from the store.
 */

/** The actor corrections as an alias file, added to `base` (the user's file keeps its entries, first). */
export function aliasFileWithCorrections(base: AliasFile, corrections: readonly Correction[]): AliasFile {
  const out: AliasFile = { merge: [...base.merge], split: [...base.split], rename: { ...base.rename } };
  for (const c of corrections) {
    if (c.undoneAt) continue;
    if (c.kind === 'actor.merge')
      out.merge.push({
        name: c.payload.name,
        ...(c.payload.type ? { type: c.payload.type } : {}),
        aliases: c.payload.aliases,
      });
    else if (c.kind === 'actor.split') out.split.push(...c.payload.keys.filter((k) => !out.split.includes(k)));
    else if (c.kind === 'actor.rename') for (const k of c.payload.keys) out.rename[k] = c.payload.name;
  }
  return out;
}

/** The actor part of the corrections, as the alias file `sitrep analyze --aliases` reads. */
export function correctionsAliasFile(corrections: readonly Correction[]): AliasFile {
  return aliasFileWithCorrections(emptyAliasFile(), corrections);
}

/** An alias file's entries as actor corrections (its import): one correction per merge, split and rename. */
export function aliasFileCorrections(
  file: AliasFile,
): Array<Pick<Correction, 'kind' | 'target' | 'payload'> & { kind: 'actor.merge' | 'actor.split' | 'actor.rename' }> {
  return [
    ...file.merge.map((m) => ({ kind: 'actor.merge' as const, target: m.name, payload: m })),
    ...file.split.map((ref) => ({ kind: 'actor.split' as const, target: ref, payload: { keys: [ref] } })),
    ...Object.entries(file.rename).map(([ref, name]) => ({
      kind: 'actor.rename' as const,
      target: ref,
      payload: { name, keys: [ref] },
    })),
  ];
}

const spanKey = (e: Evidence): string => `${e.articleId}:${e.start}`;

/** What an event correction needs to know of the resolved actors. */
export interface CorrectionActors {
  /** actor key → entity id */
  actorKeys: ReadonlyMap<string, string>;
  /** entity id → its name and code */
  entity(id: string): { name: string; code?: string | null } | undefined;
}

/**
 * Apply the event corrections not undone: an event whose evidence shares a span with a correction's evidence
 * is retyped, given other actors, or dropped (marked wrong). A corrected event lists the corrections' ids in
 * `corrections`. Corrections apply in the order they were made, so a later one wins. An event told by an article an
 * article correction made (a part of a split article, a joined one) lists that correction too, unchanged by it.
 */
export function* applyEventCorrections(
  events: Iterable<ExportEvent>,
  corrections: readonly Correction[],
  actors: CorrectionActors,
): Generator<ExportEvent> {
  const bySpan = new Map<string, Correction[]>();
  for (const c of corrections) {
    if (c.undoneAt || !c.kind.startsWith('event.')) continue;
    const evidence = (c.payload as { evidence: Evidence[] }).evidence;
    for (const e of evidence) {
      const list = bySpan.get(spanKey(e)) ?? [];
      if (!list.includes(c)) list.push(c);
      bySpan.set(spanKey(e), list);
    }
  }
  const byArticle = new Map<string, Correction>();
  for (const c of corrections) {
    if (c.undoneAt) continue;
    if (c.kind === 'article.split') for (const id of c.payload.parts) byArticle.set(id, c);
    else if (c.kind === 'article.join') byArticle.set(c.payload.joined, c);
  }
  if (bySpan.size === 0 && byArticle.size === 0) {
    yield* events;
    return;
  }
  const actorsOf = (keys: readonly string[]): { ids: string[]; names: string[]; refs: ExportEventActor[] } => {
    const ids = [...new Set(keys.map((k) => actors.actorKeys.get(k)).filter((x): x is string => !!x))];
    const refs = ids.map((id) => {
      const e = actors.entity(id);
      return { text: e?.name ?? id, name: e?.name ?? id, code: e?.code ?? '', id, entity: e?.name ?? null };
    });
    return { ids, names: refs.map((r) => r.name), refs };
  };
  for (const event of events) {
    const mine = [
      ...new Set(
        event.evidence.flatMap((e) => [
          ...(bySpan.get(spanKey(e)) ?? []),
          ...(byArticle.has(e.articleId) ? [byArticle.get(e.articleId)!] : []),
        ]),
      ),
    ].sort((a, b) => a.id - b.id);
    if (mine.length === 0) {
      yield event;
      continue;
    }
    let out: ExportEvent | null = { ...event };
    for (const c of mine) {
      if (!out) break;
      if (c.kind === 'event.wrong') out = null;
      else if (c.kind === 'event.type') out.type = c.payload.type;
      else if (c.kind === 'event.actors') {
        const s = actorsOf(c.payload.sourceKeys);
        const t = actorsOf(c.payload.targetKeys);
        out = {
          ...out,
          sourceIds: s.ids,
          targetIds: t.ids,
          source: s.names,
          target: t.names,
          sourceActors: s.refs,
          targetActors: t.refs,
        };
      }
    }
    if (out) yield { ...out, corrections: mine.map((c) => c.id) };
  }
}
