import type { ExportEvent } from '../../model/index.js';
import type { Db } from '../db.js';
import { allEvents } from '../queries.js';
import { canonicalActors } from './event-entities.js';

/** What the event-table writers need about an event's first article and its actors, looked up per event (streamed). */
export interface EventContext {
  event: ExportEvent;
  /** The first reporting article. */
  article: {
    id: string;
    url: string | null;
    outlet: string | null;
    published: string | null;
    text: string;
    addedAt: string;
    firstParagraphEnd: number;
  };
  /** The evidence sentence the event was first read from. */
  sentence: string;
  /** Distinct outlets among the reporting articles. */
  outlets: number;
  /** Actor codes by entity id, for actors without a mention-level code. */
  codeOf(entityId: string): string;
}

interface ArticleRow {
  id: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  text: string;
  addedAt: string;
}

/** Stream every merged event with the context the PLOVER, GDELT and CSV writers print. */
export function* eventContexts(db: Db): Generator<EventContext> {
  const article = db.prepare('SELECT id, url, outlet, published, text, added_at AS addedAt FROM articles WHERE id = ?');
  const outlet = db.prepare('SELECT outlet FROM articles WHERE id = ?');
  const entity = db.prepare('SELECT code FROM entities WHERE id = ?');
  const codeOf = (id: string): string => ((entity.get(id) as { code: string | null } | undefined)?.code ?? '') || '';
  const canonical = canonicalActors(db);
  for (const stored of allEvents(db)) {
    const event = canonical(stored);
    const first = event.evidence[0]!;
    const a = article.get(first.articleId) as ArticleRow | undefined;
    if (!a) continue;
    const outlets = new Set<string>();
    for (const id of event.articleIds) {
      const o = (outlet.get(id) as { outlet: string | null } | undefined)?.outlet;
      outlets.add(o ?? id);
    }
    const para = a.text.indexOf('\n\n');
    yield {
      event,
      article: { ...a, firstParagraphEnd: para < 0 ? a.text.length : para },
      sentence: a.text.slice(first.start, first.end),
      outlets: outlets.size,
      codeOf,
    };
  }
}

/** An exported event's actor: as written, the coder's name, code, entity id and the entity's canonical name. */
export interface RowActor {
  text: string;
  name: string;
  code: string;
  id: string | null;
  entity: string | null;
}

/** The event's actors with text, name, code, entity id and canonical name (mention-level detail when the store has it). */
export function eventActors(ctx: EventContext, role: 'source' | 'target'): RowActor[] {
  const e = ctx.event;
  const detailed = role === 'source' ? e.sourceActors : e.targetActors;
  if (detailed)
    return detailed.map((a) => ({ ...a, code: a.code || (a.id ? ctx.codeOf(a.id) : ''), entity: a.entity ?? null }));
  const ids = role === 'source' ? e.sourceIds : e.targetIds;
  const entities = (role === 'source' ? e.sourceEntities : e.targetEntities) ?? [];
  return (role === 'source' ? e.source : e.target).map((name, i) => ({
    text: name,
    name,
    code: ids[i] ? ctx.codeOf(ids[i]!) : '',
    id: ids[i] ?? null,
    entity: ids[i] ? (entities[i] ?? null) : null,
  }));
}
