import { Hono } from 'hono';
import { validator } from 'hono/validator';
import {
  ArticleCorrectionError,
  applyArticleCorrection,
  correctionArticles,
  dependentCorrections,
  isArticleCorrection,
  joinCorrection,
  resolveCorpus,
  splitCorrection,
  undoArticleCorrection,
  updateStories,
} from '../analyze/index.js';
import { PLOVER_TYPES, type Correction, type ExportEvent } from '../model/index.js';
import { AliasFileError, aliasFileCorrections, correctionsAliasFile, parseAliasFile } from '../resolve/index.js';
import {
  addCorrection,
  allCorrections,
  correctionById,
  correctionPage,
  entityKeys,
  eventsById,
  immediate,
  quoteSpeaker,
  undoCorrection,
  type Db,
} from '../store/index.js';
import { storeChanged } from './cache.js';
import { paged } from './paging.js';

/**
 * The corrections API: an analyst's merge, split or rename of actors, an event's new type or actors or its
 * removal, a quote's new speaker. Each is stored (`corrections`), then the corpus is resolved again so that it
 * shows at once; every later resolve (analysis of new material, `sitrep analyze`) applies it too. Undo marks it
 * undone and resolves again. The actor part reads and writes as an alias file (`sitrep analyze --aliases`).
 * Writes pass the API guard (`guard.ts`): the store's token and same-origin JSON.
 */

/** A correction as the UI asks for it: ids as it sees them (the server turns them into lasting targets). */
export type CorrectionRequest =
  | { kind: 'actor.merge'; ids: string[]; name?: string; note?: string }
  | { kind: 'actor.split'; id: string; keys: string[]; note?: string }
  | { kind: 'actor.rename'; id: string; name: string; note?: string }
  | { kind: 'event.type'; id: string; type: string; note?: string }
  | { kind: 'event.actors'; id: string; sourceIds: string[]; targetIds: string[]; note?: string }
  | { kind: 'event.wrong'; id: string; note?: string }
  | { kind: 'quote.speaker'; id: string; speakerId: string; note?: string }
  | { kind: 'article.split'; id: string; offset: number; note?: string }
  | { kind: 'article.join'; ids: [string, string]; note?: string };

class CorrectionError extends Error {}

const NOTE_MAX = 2000;
const str = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= 500;
const strs = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 100 && v.every(str);

/** The request as a correction to store, or the reason it cannot be one. */
function toCorrection(db: Db, r: Record<string, unknown>): Pick<Correction, 'kind' | 'target' | 'payload'> {
  const entity = (id: unknown): { id: string; name: string; keys: string[] } => {
    const row = str(id)
      ? (db.prepare('SELECT id, name FROM entities WHERE id = ?').get(id) as { id: string; name: string } | undefined)
      : undefined;
    if (!row) throw new CorrectionError(`no such actor: ${String(id)}`);
    return { ...row, keys: entityKeys(db, row.id) };
  };
  const event = (id: unknown): ExportEvent => {
    const e = str(id) ? eventsById(db, [id], 0)[0] : undefined;
    if (!e) throw new CorrectionError(`no such event: ${String(id)}`);
    return e;
  };
  switch (r.kind) {
    case 'actor.merge': {
      if (!strs(r.ids) || new Set(r.ids).size < 2) throw new CorrectionError('a merge takes two or more actor ids');
      const actors = r.ids.map(entity);
      const name = str(r.name) ? r.name.trim() : actors[0]!.name;
      // Keys and names: the keys hold the actors as they are, the names catch new spellings of them.
      const aliases = [...new Set(actors.flatMap((a) => [a.name, ...a.keys]))];
      return { kind: 'actor.merge', target: actors.map((a) => a.id).join(' + '), payload: { name, aliases } };
    }
    case 'actor.split': {
      const a = entity(r.id);
      if (!strs(r.keys) || r.keys.length === 0 || !r.keys.every((k) => a.keys.includes(k)))
        throw new CorrectionError(`name keys of the actor to split off (it has: ${a.keys.join(', ')})`);
      if (r.keys.length >= a.keys.length) throw new CorrectionError('a split leaves at least one key with the actor');
      return { kind: 'actor.split', target: a.id, payload: { keys: r.keys } };
    }
    case 'actor.rename': {
      const a = entity(r.id);
      if (!str(r.name)) throw new CorrectionError('a rename takes a new name');
      return { kind: 'actor.rename', target: a.id, payload: { name: r.name.trim(), keys: a.keys } };
    }
    case 'event.type': {
      const e = event(r.id);
      if (!(PLOVER_TYPES as readonly unknown[]).includes(r.type))
        throw new CorrectionError(`an event type is one of ${PLOVER_TYPES.join(', ')}`);
      return { kind: 'event.type', target: e.id, payload: { type: r.type as string, evidence: e.evidence } };
    }
    case 'event.actors': {
      const e = event(r.id);
      if (!strs(r.sourceIds) || !strs(r.targetIds) || r.sourceIds.length === 0 || r.targetIds.length === 0)
        throw new CorrectionError('an event takes one or more source and target actor ids');
      const keys = (ids: string[]): string[] => ids.flatMap((id) => entity(id).keys);
      return {
        kind: 'event.actors',
        target: e.id,
        payload: { sourceKeys: keys(r.sourceIds), targetKeys: keys(r.targetIds), evidence: e.evidence },
      };
    }
    case 'event.wrong': {
      const e = event(r.id);
      return { kind: 'event.wrong', target: e.id, payload: { evidence: e.evidence } };
    }
    case 'quote.speaker': {
      const q = str(r.id) ? quoteSpeaker(db, r.id) : null;
      if (!q) throw new CorrectionError(`no such quote: ${String(r.id)}`);
      const a = entity(r.speakerId);
      if (a.keys.length === 0) throw new CorrectionError('that actor has no key to name it by');
      return {
        kind: 'quote.speaker',
        target: String(r.id),
        payload: {
          articleId: q.articleId,
          start: q.start,
          end: q.end,
          speakerKey: a.keys[0]!,
          speakerName: a.name,
          before: { speakerKey: q.speakerKey, speakerName: q.speakerName },
        },
      };
    }
    case 'article.split':
      return splitCorrection(db, r.id, r.offset);
    case 'article.join':
      return joinCorrection(db, r.ids);
    default:
      throw new CorrectionError(
        'kind is one of actor.merge, actor.split, actor.rename, event.type, event.actors, event.wrong, quote.speaker, article.split, article.join',
      );
  }
}

/** Where an actor correction left the actor: the id that now holds its first key (ids follow names). */
function actorAfter(db: Db, c: Correction): string | null {
  const key =
    c.kind === 'actor.merge'
      ? c.payload.aliases.find((a) => a.includes(':'))
      : c.kind === 'actor.rename' || c.kind === 'actor.split'
        ? c.payload.keys[0]
        : undefined;
  if (!key) return null;
  return (
    (db.prepare('SELECT entity_id FROM actor_keys WHERE actor_key = ?').pluck().get(key) as string | undefined) ?? null
  );
}

const jsonObject = validator('json', (v, c) =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : c.json({ error: 'send a JSON object' }, 400),
);

export function correctionRoutes(db: Db) {
  // One resolve at a time: two quick corrections resolve one after the other, each seeing the one before.
  let last: Promise<unknown> = Promise.resolve();
  // An article correction changes articles first (in the same turn, so two corrections never race for one
  // article), and places the new articles in stories after the resolve.
  const resolveAgain = (before?: () => Promise<void> | void): Promise<Awaited<ReturnType<typeof resolveCorpus>>> => {
    const again = async (): Promise<Awaited<ReturnType<typeof resolveCorpus>>> => {
      try {
        if (before) await before();
        const resolved = await resolveCorpus(db);
        if (before) updateStories(db);
        return resolved;
      } finally {
        storeChanged(db);
      }
    };
    const run = last.then(again, again);
    last = run;
    return run;
  };
  return new Hono()
    .get('/', paged(), (c) => {
      const { offset, limit } = c.req.valid('query');
      return c.json({ offset, limit, ...correctionPage(db, offset, limit) }, 200);
    })
    .get('/aliases', (c) => c.json(correctionsAliasFile(allCorrections(db)), 200))
    .get('/actors/:id/keys', (c) => {
      const id = c.req.param('id');
      const found = db.prepare('SELECT 1 FROM entities WHERE id = ?').get(id);
      return found ? c.json({ id, keys: entityKeys(db, id) }, 200) : c.json({ error: 'no such actor' }, 404);
    })
    .post(
      '/',
      validator('json', (v) => v as CorrectionRequest),
      async (c) => {
        const body = c.req.valid('json') as unknown;
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          return c.json({ error: 'send a JSON object' }, 400);
        const r = body as Record<string, unknown>;
        const note = typeof r.note === 'string' && r.note.trim() ? r.note.trim().slice(0, NOTE_MAX) : null;
        let made: Pick<Correction, 'kind' | 'target' | 'payload'>;
        try {
          made = toCorrection(db, r);
        } catch (err) {
          if (err instanceof CorrectionError || err instanceof ArticleCorrectionError)
            return c.json({ error: err.message }, 400);
          throw err;
        }
        if (made.kind === 'article.split' || made.kind === 'article.join') {
          let correction: Correction | null = null;
          let refused: string | null = null;
          const resolved = await resolveAgain(async () => {
            // Checked again in turn: a correction just before may have replaced the article.
            try {
              const again = toCorrection(db, r);
              correction = addCorrection(db, { ...again, note });
              if (isArticleCorrection(correction)) await applyArticleCorrection(db, correction);
            } catch (err) {
              // Nothing was changed (removal, insertion and the snapshot for undo are one transaction): the
              // correction goes too.
              if (correction) db.prepare('DELETE FROM corrections WHERE id = ?').run(correction.id);
              correction = null;
              if (!(err instanceof CorrectionError || err instanceof ArticleCorrectionError)) throw err;
              refused = err.message;
            }
          });
          if (!correction) return c.json({ error: refused ?? 'the articles changed meanwhile' }, 409);
          const done = correctionById(db, (correction as Correction).id)!;
          const articleIds = isArticleCorrection(done) ? correctionArticles(done).results : [];
          return c.json({ correction: done, resolved, articleIds }, 200);
        }
        const correction = addCorrection(db, { ...made, note });
        const resolved = await resolveAgain();
        return c.json({ correction, resolved, actorId: actorAfter(db, correction) }, 200);
      },
    )
    .post('/aliases', jsonObject, async (c) => {
      let file: ReturnType<typeof parseAliasFile>;
      try {
        file = parseAliasFile(c.req.valid('json'), 'the posted alias file');
      } catch (err) {
        if (err instanceof AliasFileError) return c.json({ error: err.message }, 400);
        throw err;
      }
      const corrections = aliasFileCorrections(file).map((x) =>
        addCorrection(db, { ...x, note: 'imported alias file' }),
      );
      const resolved = await resolveAgain();
      return c.json({ corrections, resolved }, 200);
    })
    .post('/:id/undo', jsonObject, async (c) => {
      const id = Number(c.req.param('id'));
      const found = Number.isInteger(id) ? correctionById(db, id) : null;
      if (!found) return c.json({ error: 'no such correction' }, 404);
      if (isArticleCorrection(found) && !found.undoneAt) {
        const later = dependentCorrections(db, found);
        if (later.length > 0)
          return c.json(
            {
              error: `undo correction ${later.map((l) => `#${l.id}`).join(', ')} first: it works on an article this one made`,
            },
            409,
          );
        let undone = false;
        const resolved = await resolveAgain(() => {
          // One transaction: the correction is marked undone only with its articles put back.
          undone = immediate(db, () => {
            const marked = undoCorrection(db, id);
            if (marked) undoArticleCorrection(db, found);
            return marked;
          });
        });
        if (!undone) return c.json({ error: 'this correction was undone already' }, 409);
        return c.json(
          { correction: correctionById(db, id)!, resolved, articleIds: correctionArticles(found).originals },
          200,
        );
      }
      if (!undoCorrection(db, id)) return c.json({ error: 'this correction was undone already' }, 409);
      const resolved = await resolveAgain();
      return c.json({ correction: correctionById(db, id)!, resolved }, 200);
    });
}
