import { type ClaimStance, isCooperative, PLOVER_TYPES, type PloverType } from '../model/index.js';
import type { Db } from './db.js';

/**
 * The workbench's one filter model: which facts a list shows. Every list (articles, events and the timeline,
 * quotes, claims, the network and the map) takes the same `Facets` and applies the facets that mean something for its rows; the HTTP
 * layer parses them from the query string (`src/serve/facets.ts`).
 */
export interface Facets {
  /** Entity ids; a fact must involve every one of them (an event's actor on either side, a quote's speaker …). */
  actors: string[];
  /** A PLOVER event type (events only). */
  type: PloverType | null;
  /** Cooperative (quad classes 1–2) or conflictual (3–4) events only. */
  quad: 'cooperative' | 'conflictual' | null;
  /** First and last day (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); a coarse date counts when its period overlaps. */
  from: string | null;
  to: string | null;
  /** The outlet of the article a fact comes from (as the articles list names it). */
  outlet: string | null;
  /** A claim's stance (claims only). */
  stance: ClaimStance | null;
  /** Events as stated (neither negated nor hypothetical), or only negated, or only hypothetical ones. */
  flag: 'asserted' | 'negated' | 'hypothetical' | null;
  /** A story id: facts from the articles of that story only. */
  story: string | null;
}

export const NO_FACETS: Facets = {
  actors: [],
  type: null,
  quad: null,
  from: null,
  to: null,
  outlet: null,
  stance: null,
  flag: null,
  story: null,
};

/** A WHERE clause's conditions and their arguments, joined with AND. */
export interface Where {
  sql: string[];
  args: unknown[];
}

/**
 * A date column within [from, to]. Dates are ISO prefixes of each other ("2026", "2026-03", "2026-03-12"): a coarse
 * date counts when its period overlaps the range, so "from" compares on the date's own length; the plain
 * comparison first keeps the date index usable.
 */
export function dateWhere(column: string, f: Pick<Facets, 'from' | 'to'>, w: Where): void {
  if (f.from) {
    w.sql.push(`${column} >= ? AND ${column} >= substr(?, 1, length(${column}))`);
    w.args.push(f.from.slice(0, 4), f.from);
  }
  if (f.to) {
    // "~" sorts after every digit and "-": a to-day of "2026-03" takes every day of March.
    w.sql.push(`${column} <= ?`);
    w.args.push(`${f.to}~`);
  }
}

/** Event types of one quad class side. */
export function typesOf(quad: 'cooperative' | 'conflictual'): PloverType[] {
  return PLOVER_TYPES.filter((t) => isCooperative(t) === (quad === 'cooperative'));
}

/** Conditions on `events e` (each an index range or a filter on the page's walk). */
export function eventWhere(f: Facets): Where {
  const w: Where = { sql: [], args: [] };
  if (f.type) {
    w.sql.push('e.type = ?');
    w.args.push(f.type);
  } else if (f.quad) {
    const types = typesOf(f.quad);
    w.sql.push(`e.type IN (${types.map(() => '?').join(', ')})`);
    w.args.push(...types);
  }
  for (const id of f.actors) {
    w.sql.push('e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)');
    w.args.push(id);
  }
  if (f.outlet) {
    w.sql.push(`e.id IN (SELECT l.event_id FROM articles a JOIN event_articles l ON l.article_id = a.id
                         WHERE a.outlet = ?)`);
    w.args.push(f.outlet);
  }
  if (f.story) {
    w.sql.push(`e.id IN (SELECT l.event_id FROM story_members s JOIN articles a ON a.seq = s.article_seq
                         JOIN event_articles l ON l.article_id = a.id WHERE s.story_id = ?)`);
    w.args.push(f.story);
  }
  if (f.flag === 'negated') w.sql.push("json_extract(e.data, '$.negated') = 1");
  else if (f.flag === 'hypothetical') w.sql.push("json_extract(e.data, '$.hypothetical') = 1");
  else if (f.flag === 'asserted')
    w.sql.push(
      "COALESCE(json_extract(e.data, '$.negated'), 0) = 0 AND COALESCE(json_extract(e.data, '$.hypothetical'), 0) = 0",
    );
  dateWhere('e.date', f, w);
  return w;
}

/** Conditions on a per-article fact table aliased `alias` (quotes q, claims c) with its actor key column. */
export function factWhere(f: Facets, alias: string, actorKey: string): Where {
  const w: Where = { sql: [], args: [] };
  for (const id of f.actors) {
    w.sql.push(`${alias}.${actorKey} IN (SELECT actor_key FROM actor_keys WHERE entity_id = ?)`);
    w.args.push(id);
  }
  if (f.outlet) {
    w.sql.push(`${alias}.article_seq IN (SELECT seq FROM articles WHERE outlet = ?)`);
    w.args.push(f.outlet);
  }
  if (f.story) {
    w.sql.push(`${alias}.article_seq IN (SELECT article_seq FROM story_members WHERE story_id = ?)`);
    w.args.push(f.story);
  }
  dateWhere(`${alias}.date`, f, w);
  return w;
}

/** Conditions on `articles a`. */
export function articleWhere(f: Facets): Where {
  const w: Where = { sql: [], args: [] };
  if (f.outlet) {
    w.sql.push('a.outlet = ?');
    w.args.push(f.outlet);
  }
  for (const id of f.actors) {
    w.sql.push(`a.seq IN (SELECT m.article_seq FROM actor_keys k JOIN mentions m ON m.actor_key = k.actor_key
                          WHERE k.entity_id = ?)`);
    w.args.push(id);
  }
  if (f.story) {
    w.sql.push('a.seq IN (SELECT article_seq FROM story_members WHERE story_id = ?)');
    w.args.push(f.story);
  }
  dateWhere('a.published', f, w);
  return w;
}

/** `WHERE …` (or `AND …` with `and`) for the conditions, or nothing. */
export function clause(w: Where, and = false): string {
  if (w.sql.length === 0) return '';
  return `${and ? 'AND' : 'WHERE'} ${w.sql.join(' AND ')}`;
}

/** True when the facets other than the date range narrow which events count (type, kind, actors, outlet, story, flag). */
export function narrowsEvents(f: Facets): boolean {
  return Boolean(f.type || f.quad || f.actors.length > 0 || f.outlet || f.story || f.flag);
}

/**
 * The ids of the events the facets other than the date range let through (the network and the map apply their
 * date range themselves, to coarse dates as well); null when they let every event through.
 */
export function eventIdsWithFacets(db: Db, f: Facets): Set<string> | null {
  if (!narrowsEvents(f)) return null;
  const w = eventWhere({ ...f, from: null, to: null });
  return new Set(
    db
      .prepare(`SELECT e.id FROM events e ${clause(w)}`)
      .pluck()
      .all(...w.args) as string[],
  );
}
