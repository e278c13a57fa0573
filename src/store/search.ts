import { STOP_WORDS } from '../model/lexicon/index.js';
import { ENTRY_BYTES, stringBytes } from './bytes.js';
import type { Db } from './db.js';
import { articleChanges } from './article-rows.js';

/**
 * Full-text search over the articles (`articles_fts`: Porter stemming over unicode61, so a word finds its
 * inflections). Only the page's rows are joined to the articles and given a snippet; ranking and facets are
 * bounded to the newest hits (`SEARCH_WINDOW`).
 */

export interface SearchHit {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
  /** bm25 relevance, higher is better (the order of the hits; the UI shows the order, not the number). */
  score: number;
  /** A passage around the hits, the matched words between `[` and `]`. */
  snippet: string;
  /** The same passage as parts, `mark` on the matched words (text that itself holds brackets stays unambiguous). */
  excerpt: Array<{ text: string; mark: boolean }>;
}

export interface SearchFacets {
  /** Hits per outlet, most first (unknown outlet as null). */
  outlets: Array<{ value: string | null; count: number }>;
  /** Hits per publication day, oldest first (undated hits as null, last). */
  dates: Array<{ value: string | null; count: number }>;
}

/** Narrowing a search to an outlet or a date range (days, inclusive). */
export interface SearchFilter {
  outlet?: string | null;
  from?: string | null;
  to?: string | null;
}

/** At most this many distinct words in one search: each more word is one more doclist to merge per row. */
export const SEARCH_MAX_TERMS = 12;
/** A search query longer than this (UTF-16 units) is refused before it is parsed. */
export const SEARCH_MAX_CHARS = 1000;
/** A prefix search (`launch*`) needs this many letters: a shorter one expands to a large part of the vocabulary. */
export const SEARCH_MIN_PREFIX = 3;
/**
 * A search ranks (bm25) and counts facets over at most this many matching articles, the newest (by arrival): a
 * common word matches a large part of a large store, and ranking or faceting every hit costs time in proportion
 * (seconds at 100,000 articles, all of it on one thread). `total` still counts every hit; `ranked` says how many
 * were ranked and faceted.
 */
export const SEARCH_WINDOW = 2000;
/** Facet values returned per facet (the most frequent outlets; the first days); the total counts every hit. */
export const FACET_VALUES = 400;

/** A search the caller must rephrase: too long, too many words, unbalanced quotes. The message says what to change. */
export class SearchQueryError extends Error {}
/** A search that ran past its time budget and was stopped. */
export class SearchTimeoutError extends Error {}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const quoted = (w: string): string => `"${w.replace(/"/g, '""')}"`;
const wordsOf = (s: string): string[] => (s.match(WORD) ?? []).map((w) => w.toLowerCase());

/**
 * Turn what an analyst types into a safe FTS5 query. Understood: words (all required), `"a phrase"`,
 * `prefix*`, `OR` between two items and `-word` to exclude. Everything else is text: each word is quoted, so
 * no FTS5 operator reaches the engine. Repeated words count once and function words (`STOP_WORDS`) outside
 * phrases are dropped, as they match nearly every article and narrow nothing; a query of function words alone
 * keeps them. Throws `SearchQueryError` past `SEARCH_MAX_CHARS` or `SEARCH_MAX_TERMS`, on an unbalanced quote
 * and on a prefix shorter than `SEARCH_MIN_PREFIX`.
 */
export function ftsQuery(q: string): string | null {
  const plan = searchPlan(q);
  if (!plan) return null;
  const required = plan.required
    .map((g) => (g.length > 1 ? `(${g.map((t) => t.fts).join(' OR ')})` : g[0]!.fts))
    .join(' AND ');
  const excluded = plan.excluded.map((t) => t.fts);
  return excluded.length > 0 ? `(${required}) NOT (${excluded.join(' OR ')})` : required;
}

/** One item of a search: a word or a phrase (`words` in order), or a prefix (its last word a prefix). */
export interface SearchTerm {
  words: string[];
  prefix: boolean;
  /** The item as FTS5 query text. */
  fts: string;
}

/** What a search asks for: every group (a term, or terms joined by OR) and none of the excluded terms. */
export interface SearchPlan {
  required: SearchTerm[][];
  excluded: SearchTerm[];
}

/** The analyst's query as terms, with `ftsQuery`'s rules and errors (null when it asks for nothing). */
export function searchPlan(q: string): SearchPlan | null {
  if (q.length > SEARCH_MAX_CHARS) throw new SearchQueryError(`a search takes at most ${SEARCH_MAX_CHARS} characters`);
  if ((q.match(/"/g) ?? []).length % 2 === 1)
    throw new SearchQueryError('a phrase is not closed: put a " at its end (or remove the lone ")');
  interface Item {
    fts: string;
    words: string[];
    prefix?: boolean;
    stop: boolean;
    not: boolean;
    or: boolean;
  }
  const items: Item[] = [];
  let or = false;
  for (const m of q.matchAll(/(-?)"([^"]*)"|(-?)([^\s"]+)/g)) {
    if (m[2] !== undefined) {
      const words = wordsOf(m[2]);
      if (words.length > 0) items.push({ fts: quoted(words.join(' ')), words, stop: false, not: m[1] === '-', or });
      or = false;
      continue;
    }
    const raw = m[4]!;
    if (raw === 'OR') {
      or = items.length > 0;
      continue;
    }
    const prefix = /[\p{L}\p{N}]\*$/u.test(raw);
    const words = wordsOf(raw);
    if (words.length === 0) continue;
    const not = m[3] === '-';
    if (prefix) {
      const stem = words.at(-1)!;
      if (stem.length < SEARCH_MIN_PREFIX)
        throw new SearchQueryError(`a prefix search needs at least ${SEARCH_MIN_PREFIX} letters before the *`);
      const head = words.slice(0, -1);
      const fts = head.length > 0 ? `${quoted(head.join(' '))} + ${quoted(stem)}*` : `${quoted(stem)}*`;
      items.push({ fts, words, prefix: true, stop: false, not, or });
    } else {
      // "north-korean" is one token to the reader and a phrase to the tokenizer.
      const stop = words.length === 1 && STOP_WORDS.has(words[0]!.replace(/’/g, "'"));
      items.push({ fts: quoted(words.join(' ')), words, stop, not, or });
    }
    or = false;
  }
  const seen = new Set<string>();
  const unique = items.filter((i) => {
    const key = `${i.not ? '-' : ''}${i.fts}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const content = unique.filter((i) => !i.stop);
  const kept = content.length > 0 ? content : unique;
  const distinct = new Set(kept.flatMap((i) => i.words));
  if (distinct.size > SEARCH_MAX_TERMS)
    throw new SearchQueryError(
      `a search takes at most ${SEARCH_MAX_TERMS} words besides function words (this one has ${distinct.size})`,
    );
  const positive = kept.filter((i) => !i.not);
  if (positive.length === 0) {
    if (kept.length > 0) throw new SearchQueryError('a search needs a word to find besides the ones it excludes');
    return null;
  }
  // OR binds its two neighbours; the groups are then all required, exclusions last (FTS5: `a NOT b`).
  const term = (i: Item): SearchTerm => ({ words: i.words, prefix: i.prefix === true, fts: i.fts });
  const required: SearchTerm[][] = [];
  for (const i of positive) {
    if (i.or && required.length > 0) required.at(-1)!.push(term(i));
    else required.push([term(i)]);
  }
  return { required, excluded: kept.filter((i) => i.not).map(term) };
}

/**
 * The budget check: a SQL function the search queries call once per matching row, which throws once the
 * deadline has passed; SQLite then stops the statement (better-sqlite3 has no progress handler to do it).
 */
const budgeted = new WeakSet<Db>();
let deadline = Number.POSITIVE_INFINITY;
function withBudget<T>(db: Db, budgetMs: number, run: () => T): T {
  if (!budgeted.has(db)) {
    db.function('sitrep_in_budget', { deterministic: false }, () => {
      if (performance.now() > deadline) throw new SearchTimeoutError('the search ran past its time budget');
      return 1;
    });
    budgeted.add(db);
  }
  deadline = performance.now() + budgetMs;
  try {
    return run();
  } finally {
    deadline = Number.POSITIVE_INFINITY;
  }
}

/**
 * Hits of a query counted before, per connection: `n` hits among the articles up to seq `upTo`, when `below` articles
 * had a seq up to it and the store had seen `changes` removals and restores of articles. Articles are otherwise only
 * ever appended (seq grows; nothing updates an article's title or text), so the count now is `n` plus the hits among
 * articles stored since — a range of the full-text index past `upTo`, not the whole doclist (20,000–50,000 hits of a
 * common word at 100,000 articles, half the cost of a search). The count starts over when an article up to `upTo`
 * has gone (fewer than `below` remain), when an article was removed or put back (an article correction or its undo:
 * a restored article keeps its old seq, so a removal and a restore leave `below` as it was) and is not kept during a
 * bulk load (the full-text index then lacks the newest articles until the load ends and rebuilds it).
 */
const hitCounts = new WeakMap<Db, Map<string, { upTo: number; below: number; changes: number; n: number }>>();
/** Queries whose count is kept per connection. */
const HIT_COUNTS = 2000;
/** Bytes of kept query counts per connection (a query's MATCH text at two bytes a character, and its entry). */
export const HIT_COUNT_BYTES = 1_000_000;
/** Bytes kept per connection in `hitCounts`, beside its map. */
const hitCountBytes = new WeakMap<Db, number>();
const keptHitBytes = (match: string): number => stringBytes(match) + ENTRY_BYTES;

/** Every hit of an FTS5 query, counted off the full-text index (`hitCounts`); its reads see one snapshot. */
export function hitCount(db: Db, match: string): number {
  return db.inTransaction ? countHits(db, match) : db.transaction(() => countHits(db, match))();
}

function countHits(db: Db, match: string): number {
  const exact = (): number =>
    Number(
      db
        .prepare('SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ? AND sitrep_in_budget()')
        .pluck()
        .get(match),
    );
  if (db.prepare("SELECT 1 FROM meta WHERE key = 'bulk_load'").get()) return exact();
  let kept = hitCounts.get(db);
  if (!kept) {
    kept = new Map();
    hitCounts.set(db, kept);
  }
  const upTo = Number(db.prepare('SELECT COALESCE(MAX(seq), 0) FROM articles').pluck().get());
  const all = Number(db.prepare('SELECT COUNT(*) FROM articles').pluck().get());
  const changes = articleChanges(db);
  const hit = kept.get(match);
  let n: number;
  if (hit && hit.upTo <= upTo && hit.changes === changes) {
    const since = Number(db.prepare('SELECT COUNT(*) FROM articles WHERE seq > ?').pluck().get(hit.upTo));
    n =
      all - since === hit.below
        ? hit.n +
          Number(
            db
              .prepare(
                'SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ? AND sitrep_in_budget()',
              )
              .pluck()
              .get(match, hit.upTo),
          )
        : exact();
  } else n = exact();
  let bytes = hitCountBytes.get(db) ?? 0;
  if (kept.delete(match)) bytes -= keptHitBytes(match);
  kept.set(match, { upTo, below: all, changes, n });
  bytes += keptHitBytes(match);
  for (const k of kept.keys()) {
    if (kept.size <= HIT_COUNTS && bytes <= HIT_COUNT_BYTES) break;
    kept.delete(k);
    bytes -= keptHitBytes(k);
  }
  hitCountBytes.set(db, bytes);
  return n;
}

/** A page of hits. */
export interface SearchPage {
  /** Every hit. */
  total: number;
  /** The hits ranked and counted in the facets: all of them, or the newest `SEARCH_WINDOW` of a larger result. */
  ranked: number;
  items: SearchHit[];
  facets: SearchFacets;
}

export interface SearchOptions {
  /** Stop the search (throwing `SearchTimeoutError`) past this many ms (all its queries together); default none. */
  budgetMs?: number;
  filter?: SearchFilter;
  /** Rank and facet at most this many hits, the newest (default `SEARCH_WINDOW`; `Infinity`: every hit). */
  window?: number;
}

/**
 * Snippet markers: control characters news text does not carry (a stray one would only mis-mark a passage; the
 * parts are rendered as text, never as markup), turned into brackets and parts.
 */
export const OPEN = '\u0002';
export const CLOSE = '\u0003';

export function excerptOf(raw: string): SearchHit['excerpt'] {
  const parts: SearchHit['excerpt'] = [];
  let at = 0;
  while (at < raw.length) {
    const open = raw.indexOf(OPEN, at);
    if (open < 0) {
      parts.push({ text: raw.slice(at), mark: false });
      break;
    }
    if (open > at) parts.push({ text: raw.slice(at, open), mark: false });
    const close = raw.indexOf(CLOSE, open + 1);
    const end = close < 0 ? raw.length : close;
    parts.push({ text: raw.slice(open + 1, end), mark: true });
    at = end + 1;
  }
  return parts;
}

/** The facets (and the total) out of the hits counted per outlet and day. */
export function facetsOf(groups: ReadonlyArray<{ outlet: string | null; day: string | null; count: number }>): {
  total: number;
  facets: SearchFacets;
} {
  const byOutlet = new Map<string | null, number>();
  const byDay = new Map<string | null, number>();
  let total = 0;
  for (const g of groups) {
    total += g.count;
    byOutlet.set(g.outlet, (byOutlet.get(g.outlet) ?? 0) + g.count);
    byDay.set(g.day, (byDay.get(g.day) ?? 0) + g.count);
  }
  const outlets = [...byOutlet]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value ?? '').localeCompare(b.value ?? ''))
    .slice(0, FACET_VALUES);
  const dates = [...byDay]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : a.value.localeCompare(b.value)))
    .slice(0, FACET_VALUES);
  return { total, facets: { outlets, dates } };
}

/**
 * Full-text search over title and text, ordered by bm25 relevance (title weighted ×5) among the newest
 * `SEARCH_WINDOW` hits. Only the page's rows are joined to the articles and given a snippet; the facets (outlets,
 * days) count the hits ranked, `total` every hit. Throws
 * `SearchQueryError` for a query it will not run and `SearchTimeoutError` past the time budget.
 */
export function search(db: Db, q: string, offset = 0, limit = 20, options: SearchOptions = {}): SearchPage {
  const match = ftsQuery(q);
  if (!match) return { total: 0, ranked: 0, items: [], facets: { outlets: [], dates: [] } };
  const f = options.filter ?? {};
  const conds: string[] = [];
  const args: unknown[] = [];
  if (f.outlet !== undefined) {
    conds.push(f.outlet === null ? 'a.outlet IS NULL' : 'a.outlet = ?');
    if (f.outlet !== null) args.push(f.outlet);
  }
  if (f.from) {
    conds.push('a.published >= ?');
    args.push(f.from);
  }
  if (f.to) {
    // A day's bound takes the whole day: '2024-03-05T10:00' sorts after '2024-03-05'.
    conds.push('a.published < ?');
    args.push(`${f.to}\uffff`);
  }
  const where = conds.map((c) => ` AND ${c}`).join('');
  try {
    return withBudget(db, options.budgetMs ?? Number.POSITIVE_INFINITY, () => {
      const joined = `FROM articles_fts f JOIN articles a ON a.seq = f.rowid
                      WHERE articles_fts MATCH ? AND sitrep_in_budget()${where}`;
      // The window: hits from the `SEARCH_WINDOW`-th newest on (the full-text index walks its hits newest first
      // and stops there); none when there are fewer hits.
      // An unbounded window (the CLI's) ranks every hit: no floor.
      const window = options.window ?? SEARCH_WINDOW;
      const floor = Number.isFinite(window)
        ? (db
            .prepare(
              where
                ? `SELECT f.rowid ${joined} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?`
                : 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
            )
            .pluck()
            .get(match, ...args, Math.max(1, window) - 1) as number | undefined)
        : undefined;
      const hits = floor === undefined ? joined : `${joined} AND f.rowid >= ${Number(floor)}`;
      // One pass over the window counts both facets (and the total, when it is every hit): grouped by outlet and
      // day, summed here.
      const groups = db
        .prepare(`SELECT a.outlet AS outlet, substr(a.published, 1, 10) AS day, COUNT(*) AS count ${hits}
                  GROUP BY a.outlet, day`)
        .all(match, ...args) as Array<{ outlet: string | null; day: string | null; count: number }>;
      const { total: ranked, facets } = facetsOf(groups);
      // Every hit counted, past the window: off the full-text index alone (no article row read) unless a filter
      // needs the articles.
      const total =
        floor === undefined
          ? ranked
          : where
            ? Number(
                db
                  .prepare(`SELECT COUNT(*) ${joined}`)
                  .pluck()
                  .get(match, ...args),
              )
            : hitCount(db, match);
      if (offset >= ranked) return { total, ranked, items: [], facets };
      const rows = db
        .prepare(`SELECT a.id, a.title, a.outlet, a.published, p.score, p.seq
                  FROM (SELECT f.rowid AS seq, -bm25(articles_fts, 5.0, 1.0) AS score ${hits}
                        ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ? OFFSET ?) p
                  JOIN articles a ON a.seq = p.seq ORDER BY p.score DESC, p.seq`)
        .all(match, ...args, limit, offset) as Array<Omit<SearchHit, 'snippet' | 'excerpt'> & { seq: number }>;
      const snippetOf = db
        .prepare(
          `SELECT snippet(articles_fts, 1, '${OPEN}', '${CLOSE}', '…', 16) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`,
        )
        .pluck();
      const items = rows.map(({ seq, ...hit }) => {
        const raw = String(snippetOf.get(match, seq) ?? '');
        return { ...hit, snippet: raw.replaceAll(OPEN, '[').replaceAll(CLOSE, ']'), excerpt: excerptOf(raw) };
      });
      return { total, ranked, items, facets };
    });
  } catch (err) {
    // What the parser lets through is valid FTS5; this is a safety net, not the usual path.
    if (err instanceof Error && /fts5: syntax error/.test(err.message))
      throw new SearchQueryError('the search could not be read; use words, "a phrase", prefix*, OR and -word');
    throw err;
  }
}
