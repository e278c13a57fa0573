import { type Context, Hono, type TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { type BriefArticleInfo, briefHtml } from '../analyze/brief-html.js';
import type { ExportEntity, ExportEvent, ExportQuote } from '../model/index.js';
import { isIsoDay } from '../time/index.js';
import {
  analyzeActivity,
  brief,
  type Brief,
  compareStory,
  eventPlaces,
  type NetworkRange,
  splitOffsets,
  type timelinePage,
  timelinePageJson,
} from '../analyze/index.js';
import {
  actorMentions,
  actorProfile,
  claimPage,
  outletList,
  topSpeakers,
  articleDetail,
  articlePageJson,
  type ArticleSummary,
  entityPageJson,
  eventPageJson,
  type ListPage,
  eventsAt,
  eventsById,
  ledger,
  ledgerGroup,
  quotePageJson,
  search,
  SearchQueryError,
  CursorError,
  SearchTimeoutError,
  storyById,
  storyPage,
  type Db,
  type Facets,
  nextInSource,
} from '../store/index.js';
import { ENTRY_BYTES, stringBytes } from '../store/index.js';
import { StoreCache } from './cache.js';
import { correctionRoutes } from './corrections.js';
import { listExportRoutes } from './list-export.js';
import type { JobQueue } from './jobs.js';
import type { NetworkViews } from './network.js';
import { type FacetQuery, parseFacets } from './facets.js';
import { type CountQuery, paged, parseCount } from './paging.js';
import { sourcesRoutes, type SourcesOptions } from './sources.js';

export interface ApiOptions extends SourcesOptions {
  /** Time budget of one search, ms (past it the search is stopped and answered 503). */
  searchBudgetMs?: number;
}

/** A search's page is at most this long: each hit carries a snippet. */
const SEARCH_MAX_LIMIT = 100;
/** The server's default search budget, ms: a search that holds its thread (a reader, or the request thread) longer is stopped. */
export const SEARCH_BUDGET_MS = 1000;
/** Search pages kept per store version, at most. */
const SEARCH_CACHE = 1000;
/**
 * Bytes of serialized search pages kept per thread (each reader and the request thread keep their own), a page's
 * string and its key at two bytes a character: a page with its snippets and facets is 5–60 KB, so a count alone let
 * 1,000 of them hold tens of MB per thread. 8 MB: the 4 million characters of before.
 */
export const SEARCH_CACHE_BYTES = 8_000_000;

/**
 * A JSON answer whose body was serialized before (`head`'s fields, then those of `tail`, a serialized object),
 * typed as `c.json({ ...head, ...tail })` would be: a kept answer is not serialized again on every hit.
 */
function jsonJoined<H extends object, T extends object>(
  c: Context,
  head: H,
  tail: string,
): Response & TypedResponse<JSONParsed<H & T>, 200, 'json'> {
  const h = JSON.stringify(head);
  const body = tail === '{}' ? h : h === '{}' ? tail : `${h.slice(0, -1)},${tail.slice(1)}`;
  return c.body(body, 200, { 'Content-Type': 'application/json' }) as unknown as Response &
    TypedResponse<JSONParsed<H & T>, 200, 'json'>;
}

const day = (v: string | undefined): string | null => (v && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) ? v : null);

/**
 * A list page's answer: `offset` (when asked by offset) or `cursor`, `limit`, then the page (its `total`, `items`,
 * `next`); a cursor the list did not make is a 400.
 */
function listPage<P extends object>(c: Context, q: { offset: number; limit: number; cursor?: string }, page: () => P) {
  try {
    // Typed as the offset answer: the web UI's client pages by offset and always gets one back; a page asked by
    // cursor (by other clients) carries `cursor` instead.
    const at = (q.cursor === undefined ? { offset: q.offset } : { cursor: q.cursor }) as {
      offset: number;
      cursor?: string;
    };
    return c.json({ ...at, limit: q.limit, ...page() }, 200);
  } catch (err) {
    if (err instanceof CursorError) return c.json({ error: err.message }, 400);
    throw err;
  }
}

/**
 * `listPage` for a page whose items come serialized (`eventPageJson`): the same bytes as `c.json` of the page with
 * its items parsed, written around the items' JSON instead of serializing them again.
 */
function listPageJson<T>(
  c: Context,
  q: { offset: number; limit: number; cursor?: string },
  page: () => Omit<ListPage<T>, 'items'> & { items: string[] },
) {
  type Answer = { offset: number; cursor?: string; limit: number } & ListPage<T>;
  try {
    const p = page();
    const at = q.cursor === undefined ? `"offset":${JSON.stringify(q.offset)}` : `"cursor":${JSON.stringify(q.cursor)}`;
    const body = `{${at},"limit":${JSON.stringify(q.limit)},"total":${JSON.stringify(p.total)},"totalCapped":${JSON.stringify(
      p.totalCapped,
    )},"items":[${p.items.join(',')}],"next":${JSON.stringify(p.next)}}`;
    return c.body(body, 200, { 'Content-Type': 'application/json' }) as unknown as Response &
      TypedResponse<JSONParsed<Answer>, 200, 'json'>;
  } catch (err) {
    if (err instanceof CursorError) return c.json({ error: err.message }, 400);
    throw err;
  }
}

/** The network for a filter: its date range as the network's period, the other facets as which events count. */
const networkRange = (f: Facets): NetworkRange => ({ from: f.from, to: f.to, facets: f });

/** How many stories the filter bar offers (largest first). */
export const FILTER_STORIES = 200;

/**
 * The read routes of the JSON API: each answers from the store alone (no worker, no job, no write), so any
 * connection to the store can answer them — the server's own, or a reader thread's (`ReadPool`). `apiRoutes`
 * continues this chain.
 */
/**
 * The brief a request asks for (`story` or `query`, `from`, `to`, `since`), with what its citation list names of
 * each cited article; an error to answer otherwise.
 */
function briefOf(
  db: Db,
  q: Record<string, string>,
): { brief: Brief; articles: Record<string, BriefArticleInfo> } | { error: string; status: 400 | 404 } {
  const story = q.story || undefined;
  const query = q.query || undefined;
  if (story && query) return { error: 'give story or query, not both', status: 400 };
  for (const name of ['from', 'to', 'since'])
    if (q[name] && !isIsoDay(q[name]!)) return { error: `${name} must be a day, YYYY-MM-DD`, status: 400 };
  let b: Brief;
  try {
    b = brief(db, { story, query, from: q.from || null, to: q.to || null, since: q.since || null });
  } catch (err) {
    if (err instanceof SearchQueryError || err instanceof SearchTimeoutError)
      return { error: err.message, status: 400 };
    throw err;
  }
  if (story && b.stories.length === 0)
    return { error: 'no such story (or none of its articles in the period)', status: 404 };
  const articles: Record<string, BriefArticleInfo> = {};
  for (const c of b.citations) {
    if (articles[c.articleId]) continue;
    const a = articleDetail(db, c.articleId);
    if (a) articles[c.articleId] = { outlet: a.outlet, title: a.title, published: a.published };
  }
  return { brief: b, articles };
}

export function readRoutes(db: Db, options: ApiOptions = {}) {
  // Searches and counts are kept until the store changes: a popular search is run once per store version.
  // Kept serialized: a hit is sent as it was kept, and its weight is its length.
  const searches = new StoreCache<string>(db, SEARCH_CACHE, {
    weigh: (s, key) => stringBytes(s) + stringBytes(key) + ENTRY_BYTES,
    maxWeight: SEARCH_CACHE_BYTES,
  });
  const stats = new StoreCache<ReturnType<typeof analyzeActivity>>(db, 1);
  const outlets = new StoreCache<{ items: Array<{ outlet: string; articles: number }> }>(db, 1);
  const choices = new StoreCache<{ items: Array<{ id: string; name: string; quotes: number }> }>(db, 1);
  const filterChoices = new StoreCache<{
    outlets: Array<{ outlet: string; articles: number }>;
    stories: Array<{ id: string; title: string; articles: number }>;
  }>(db, 1);
  const places = new StoreCache<ReturnType<typeof eventPlaces>>(db, 32);
  // The map's places for the facets (their date range included), kept per store version like the searches.
  const placesOf = (f: Facets): ReturnType<typeof eventPlaces> =>
    places.get(JSON.stringify(f), () => eventPlaces(db, f, f));
  return (
    new Hono()
      .get('/articles', paged<FacetQuery & CountQuery>(), (c) => {
        const q = c.req.valid('query');
        const f = parseFacets(c.req.query());
        if ('error' in f) return c.json({ error: f.error }, 400);
        const cap = parseCount(c.req.query('count'));
        if (typeof cap !== 'number') return c.json({ error: cap.error }, 400);
        return listPageJson<ArticleSummary>(c, q, () => articlePageJson(db, q.offset, q.limit, f, q.cursor, cap));
      })
      .get('/outlets', (c) =>
        c.json(
          outlets.get('', () => ({ items: outletList(db) })),
          200,
        ),
      )
      // The filter bar's lists in one answer (it had asked /outlets and /stories in turn): every outlet, and the
      // FILTER_STORIES largest stories (the ones a filter is most often wanted for).
      .get('/filter-choices', (c) =>
        c.json(
          filterChoices.get('', () => ({
            outlets: outletList(db),
            stories: storyPage(db, 0, FILTER_STORIES).items.map((s) => ({
              id: s.id,
              title: s.title,
              articles: s.articles,
            })),
          })),
          200,
        ),
      )
      .get('/articles/:id', (c) => {
        const a = articleDetail(db, c.req.param('id'));
        // Where the reader may split it (the start of each paragraph or line but the first) and the article after
        // it in its source (what "join with next" joins it with).
        return a
          ? c.json({ ...a, splitAt: splitOffsets(a.text), nextInSource: nextInSource(db, a.id) }, 200)
          : c.json({ error: 'no such article' }, 404);
      })
      .get('/entities', paged<{ type?: string } & CountQuery>(), (c) => {
        const q = c.req.valid('query');
        const cap = parseCount(c.req.query('count'));
        if (typeof cap !== 'number') return c.json({ error: cap.error }, 400);
        return listPageJson<ExportEntity>(c, q, () =>
          entityPageJson(db, q.offset, q.limit, c.req.query('type') || undefined, q.cursor, cap),
        );
      })
      .get('/entities/:id', paged(), (c) => {
        const { offset, limit } = c.req.valid('query');
        const r = actorMentions(db, c.req.param('id'), offset, limit);
        return r ? c.json({ offset, limit, ...r }, 200) : c.json({ error: 'no such actor' }, 404);
      })
      .get('/entities/:id/profile', (c) => {
        const p = actorProfile(db, c.req.param('id'));
        return p ? c.json(p, 200) : c.json({ error: 'no such actor' }, 404);
      })
      .get('/quotes', paged<FacetQuery & CountQuery>(), (c) => {
        const q = c.req.valid('query');
        const f = parseFacets(c.req.query());
        if ('error' in f) return c.json({ error: f.error }, 400);
        const cap = parseCount(c.req.query('count'));
        if (typeof cap !== 'number') return c.json({ error: cap.error }, 400);
        return listPageJson<ExportQuote>(c, q, () => quotePageJson(db, q.offset, q.limit, f, q.cursor, cap));
      })
      .get('/quotes/speakers', (c) =>
        c.json(
          choices.get('', () => ({ items: topSpeakers(db) })),
          200,
        ),
      )
      .get('/claims', paged<FacetQuery & CountQuery>(), (c) => {
        const q = c.req.valid('query');
        const f = parseFacets(c.req.query());
        if ('error' in f) return c.json({ error: f.error }, 400);
        const cap = parseCount(c.req.query('count'));
        if (typeof cap !== 'number') return c.json({ error: cap.error }, 400);
        return listPage(c, q, () => claimPage(db, q.offset, q.limit, f, q.cursor, cap));
      })
      .get('/events', paged<FacetQuery & CountQuery>(), (c) => {
        const q = c.req.valid('query');
        const f = parseFacets(c.req.query());
        if ('error' in f) return c.json({ error: f.error }, 400);
        const cap = parseCount(c.req.query('count'));
        if (typeof cap !== 'number') return c.json({ error: cap.error }, 400);
        return listPageJson<ExportEvent>(c, q, () => eventPageJson(db, q.offset, q.limit, f, q.cursor, cap));
      })
      .get('/search', paged<{ q?: string; outlet?: string; from?: string; to?: string }>(SEARCH_MAX_LIMIT, 20), (c) => {
        const q = c.req.query('q') ?? '';
        const { offset, limit } = c.req.valid('query');
        // `outlet=` (empty) narrows to articles of no known outlet; no `outlet` at all leaves every outlet in.
        const outletRaw = c.req.query('outlet');
        const filter = {
          ...(outletRaw !== undefined ? { outlet: outletRaw === '' ? null : outletRaw } : {}),
          from: day(c.req.query('from')),
          to: day(c.req.query('to')),
        };
        try {
          const key = JSON.stringify([offset, limit, q, filter]);
          const hits = searches.get(key, () =>
            JSON.stringify(
              search(db, q, offset, limit, { budgetMs: options.searchBudgetMs ?? SEARCH_BUDGET_MS, filter }),
            ),
          );
          return jsonJoined<{ q: string; offset: number; limit: number }, ReturnType<typeof search>>(
            c,
            { q, offset, limit },
            hits,
          );
        } catch (err) {
          if (err instanceof SearchQueryError) return c.json({ error: err.message }, 400);
          if (err instanceof SearchTimeoutError)
            return c.json({ error: 'the search took too long; try fewer or rarer words' }, 503);
          throw err;
        }
      })
      .get('/ledger', paged(), (c) => {
        const { offset, limit } = c.req.valid('query');
        return c.json({ offset, limit, ...ledger(db, offset, limit) }, 200);
      })
      .get('/ledger/:id', paged(), (c) => {
        const { offset, limit } = c.req.valid('query');
        const g = ledgerGroup(db, c.req.param('id'), offset, limit);
        return g ? c.json({ offset, limit, ...g }, 200) : c.json({ error: 'no such claim group' }, 404);
      })
      .get('/timeline', paged<FacetQuery & CountQuery>(1000, 200), (c) => {
        const q = c.req.valid('query');
        const f = parseFacets(c.req.query());
        if ('error' in f) return c.json({ error: f.error }, 400);
        const cap = parseCount(c.req.query('count'));
        if (typeof cap !== 'number') return c.json({ error: cap.error }, 400);
        // Built as JSON from kept entries (`timelinePageJson`): the bytes `c.json` would write for `timelinePage`.
        try {
          const at = (q.cursor === undefined ? { offset: q.offset } : { cursor: q.cursor }) as {
            offset: number;
            cursor?: string;
          };
          return jsonJoined<typeof at & { limit: number }, ReturnType<typeof timelinePage>>(
            c,
            { ...at, limit: q.limit },
            timelinePageJson(db, q.offset, q.limit, f, q.cursor, cap),
          );
        } catch (err) {
          if (err instanceof CursorError) return c.json({ error: err.message }, 400);
          throw err;
        }
      })
      .get('/places', paged<FacetQuery>(), (c) => {
        const f = parseFacets(c.req.query());
        if ('error' in f) return c.json({ error: f.error }, 400);
        return c.json(placesOf(f), 200);
      })
      .get('/places/events', paged<FacetQuery & { iso3?: string; place?: string; location?: string }>(), (c) => {
        const { offset, limit } = c.req.valid('query');
        const f = parseFacets(c.req.query());
        if ('error' in f) return c.json({ error: f.error }, 400);
        // A place's events by its key (every name placed there: a city's, or a country's), a country's by its
        // ISO code (its names and its cities'), or one unplaced name's.
        const key = c.req.query('place');
        const iso3 = c.req.query('iso3');
        const location = c.req.query('location');
        const names = key
          ? (placesOf(f).places.find((p) => p.key === key)?.names ?? [])
          : iso3
            ? placesOf(f)
                .places.filter((p) => p.iso3 === iso3)
                .flatMap((p) => p.names)
            : location
              ? [location]
              : [];
        return c.json({ offset, limit, ...eventsAt(db, names, f, offset, limit, f) }, 200);
      })
      .get('/stories', paged(), (c) => {
        const { offset, limit } = c.req.valid('query');
        return c.json({ offset, limit, ...storyPage(db, offset, limit) }, 200);
      })
      .get('/stories/:id', (c) => {
        const s = storyById(db, c.req.param('id'));
        return s ? c.json({ ...s, comparison: compareStory(db, s.id)! }, 200) : c.json({ error: 'no such story' }, 404);
      })
      // The situation report (`sitrep brief`) as JSON, with the cited articles' outlet, title and date.
      .get('/brief', (c) => {
        const r = briefOf(db, c.req.query());
        if ('error' in r) return c.json({ error: r.error }, r.status);
        return c.json({ ...r.brief, articles: r.articles }, 200);
      })
      .get('/stats', (c) =>
        c.json(
          stats.get('', () => analyzeActivity(db)),
          200,
        ),
      )
  );
}

/**
 * The JSON API (it mirrors the export), mounted at `/api`. Built as one chain so that its type, `Api`, carries
 * every route's parameters and answers: the web UI's client is `hc<Api>` and its types are derived from it.
 * Every list is paged (`offset`, `limit`, capped) and read a page at a time from the store's indexes.
 */
export function apiRoutes(db: Db, workers: { jobs: JobQueue; network: NetworkViews }, options: ApiOptions = {}) {
  return (
    readRoutes(db, options)
      // The brief as the standalone HTML document `sitrep brief --format html` writes, as a download. Answered on the
      // request thread, not a reader's: a reader's answer keeps only its Content-Type, and this one needs its
      // Content-Disposition and Content-Security-Policy.
      .get('/brief.html', (c) => {
        const r = briefOf(db, c.req.query());
        if ('error' in r) return c.json({ error: r.error }, r.status);
        return c.body(
          briefHtml(r.brief, (id) => r.articles[id] ?? null),
          200,
          {
            'Content-Type': 'text/html; charset=utf-8',
            'Content-Disposition': 'attachment; filename="sitrep-brief.html"',
            'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
          },
        );
      })
      .get('/network', paged<FacetQuery & { min?: string }>(2000, 500), async (c) => {
        const { offset, limit } = c.req.valid('query');
        const f = parseFacets(c.req.query());
        if ('error' in f) return c.json({ error: f.error }, 400);
        const net = await workers.network.network(networkRange(f));
        // `min`: only actors mentioned at least this often (and the edges between them).
        const min = Math.max(0, Number.parseInt(c.req.query('min') ?? '0', 10) || 0);
        const kept = new Set(net.nodes.filter((n) => n.mentions >= min).map((n) => n.id));
        const all = min > 0 ? net.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) : net.edges;
        // The strongest edges (the network lists them strongest first) and the actors they join.
        const edges = all
          .slice(offset, offset + limit)
          .map(({ eventIds, ...e }) => ({ ...e, events: eventIds.length }));
        const used = new Set(edges.flatMap((e) => [e.source, e.target]));
        const nodes = net.nodes.filter((n) => used.has(n.id));
        return c.json({ offset, limit, totalEdges: all.length, nodes, edges, span: net.span }, 200);
      })
      .get('/network/events', paged<FacetQuery & { source?: string; target?: string }>(), async (c) => {
        const { offset, limit } = c.req.valid('query');
        const f = parseFacets(c.req.query());
        if ('error' in f) return c.json({ error: f.error }, 400);
        const net = await workers.network.network(networkRange(f));
        const source = c.req.query('source');
        const target = c.req.query('target');
        const edge = net.edges.find((e) => e.source === source && e.target === target);
        if (!edge) return c.json({ error: 'no such edge in this period' }, 404);
        // The very events the edge's counts count, read from the network the counts came from.
        const items = eventsById(db, edge.eventIds.slice(offset, offset + limit));
        return c.json({ offset, limit, total: edge.eventIds.length, items }, 200);
      })
      .route('/sources', sourcesRoutes(db, workers.jobs, options))
      .route('/corrections', correctionRoutes(db))
      .route('/export', listExportRoutes(db))
  );
}

/** The API's type: what the web UI's client (`hc<Api>`) is built from. */
export type Api = ReturnType<typeof apiRoutes>;
