import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/index.js';
import { createApp, type ServedApp } from './app.js';
import { exampleStore } from './test-store.js';
import { storeToken } from './token.js';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

let db: Db;
let app: ServedApp;

beforeAll(async () => {
  ({ db } = await exampleStore('api'));
  app = createApp(db);
}, 120_000);

afterAll(() => {
  app?.stopWorkers();
  db?.close();
});

async function json(path: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await app.request(path, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('list routes', () => {
  it('page every list with offset and limit, capped', async () => {
    for (const route of ['articles', 'entities', 'quotes', 'events', 'ledger', 'timeline']) {
      const { status, body } = await json(`/api/${route}?offset=1&limit=2`);
      expect(status, route).toBe(200);
      expect(body.offset, route).toBe(1);
      expect(body.limit, route).toBe(2);
      expect(typeof body.total, route).toBe('number');
    }
    const capped = await json('/api/articles?limit=100000');
    expect(capped.body.limit).toBe(500);
  });

  it('lists each claim group with its first claims and its size; a group pages through all of them', async () => {
    const { body } = await json('/api/ledger?limit=500');
    const groups = body.items as Array<{ id: string; members: number; entries: Array<{ date: string | null }> }>;
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(g.entries.length).toBe(Math.min(g.members, 20));
      const dates = g.entries.map((e) => e.date ?? '9999');
      expect(dates).toEqual([...dates].sort());
    }
    const sizes = groups.map((g) => g.members);
    const grouped = sizes.filter((n) => n > 1);
    expect(grouped).toEqual([...grouped].sort((x, y) => y - x));
    const big = groups.find((g) => g.members > 1 && !g.id.includes(':c'));
    expect(big).toBeDefined();
    const page = await json(`/api/ledger/${big!.id}?offset=1&limit=1`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(big!.members);
    expect((page.body.entries as unknown[]).length).toBe(1);
    expect((await json('/api/ledger/clg_nosuchgroup')).status).toBe(404);
  });

  it('answer 400 with a message for paging values that are not whole numbers in range', async () => {
    for (const bad of ['-1', '1e308', 'Infinity', '9223372036854775808', '1.5', 'abc', '0x10']) {
      const { status, body } = await json(`/api/articles?offset=${encodeURIComponent(bad)}`);
      expect(status, bad).toBe(400);
      expect(body.error, bad).toMatch(/offset must be a whole number/);
    }
    const limit = await json('/api/events?limit=0');
    expect(limit.status).toBe(400);
    expect(limit.body.error).toMatch(/limit must be a whole number/);
  });

  it('pages the timeline: dated events oldest first, grouped by day, with the total and the undated count', async () => {
    const all = await json('/api/timeline?limit=1000');
    const days = all.body.days as Array<{ date: string; events: unknown[] }>;
    const total = all.body.total as number;
    expect(days.reduce((n, d) => n + d.events.length, 0)).toBe(total);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    const first = await json('/api/timeline?limit=3');
    const firstDays = first.body.days as Array<{ events: unknown[] }>;
    expect(firstDays.reduce((n, d) => n + d.events.length, 0)).toBe(Math.min(3, total));
    expect(first.body.undated).toBe(all.body.undated);
  });

  it('lists events dated first then undated, the same across page boundaries', async () => {
    const whole = (await json('/api/events?limit=500')).body.items as Array<{ id: string }>;
    const paged: Array<{ id: string }> = [];
    for (let offset = 0; offset < whole.length; offset += 7)
      paged.push(...((await json(`/api/events?offset=${offset}&limit=7`)).body.items as Array<{ id: string }>));
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
  });

  it('caps the network to its strongest edges and the actors they join', async () => {
    const all = await json('/api/network');
    const one = await json('/api/network?limit=1');
    expect((one.body.edges as unknown[]).length).toBe(Math.min(1, all.body.totalEdges as number));
    expect((one.body.nodes as unknown[]).length).toBeLessThanOrEqual(2);
  });
});

describe('network edges and places', () => {
  it('counts events on an edge as its types do, and lists those events with their sentences', async () => {
    const { body } = await json('/api/network?limit=2000');
    const edges = body.edges as Array<{
      source: string;
      target: string;
      cooperative: number;
      conflictual: number;
      cooperativeEvents: number;
      conflictualEvents: number;
      mentions: number;
      events: number;
      types: Record<string, number>;
    }>;
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      const typed = Object.values(e.types).reduce((n, x) => n + x, 0);
      expect(e.cooperativeEvents + e.conflictualEvents).toBe(typed);
      expect(e.events).toBe(typed);
      // `cooperative` and `conflictual` count reports, as they always have: at least one per event of their kind.
      expect(e.cooperative).toBeGreaterThanOrEqual(e.cooperativeEvents);
      expect(e.conflictual).toBeGreaterThanOrEqual(e.conflictualEvents);
      expect(e.cooperative + e.conflictual).toBe(e.mentions);
    }
    // Some event is told by more than one article, so reports and events differ somewhere.
    expect(edges.some((e) => e.mentions > e.events)).toBe(true);
    // Strongest first: ordered by reports.
    for (let i = 1; i < edges.length; i++)
      expect(edges[i - 1]!.cooperative + edges[i - 1]!.conflictual).toBeGreaterThanOrEqual(
        edges[i]!.cooperative + edges[i]!.conflictual,
      );
    const e = edges[0]!;
    const listed = await json(`/api/network/events?source=${e.source}&target=${e.target}`);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(e.events);
    const items = listed.body.items as Array<{
      type: string;
      sourceIds: string[];
      targetIds: string[];
      sentences: Array<{ articleId: string; start: number; end: number; text: string }>;
    }>;
    const byType: Record<string, number> = {};
    for (const ev of items) {
      byType[ev.type] = (byType[ev.type] ?? 0) + 1;
      expect(ev.sourceIds).toContain(e.source);
      expect(ev.targetIds).toContain(e.target);
      const s = ev.sentences[0]!;
      const article = await json(`/api/articles/${s.articleId}`);
      expect((article.body.text as string).slice(s.start, s.end)).toBe(s.text);
    }
    expect(byType).toEqual(e.types);
    expect((await json('/api/network/events?source=nobody&target=none')).status).toBe(404);
  });

  it('keeps only actors with the minimum of mentions', async () => {
    const all = await json('/api/network?limit=2000');
    const nodes = all.body.nodes as Array<{ id: string; mentions: number }>;
    const min = [...nodes.map((n) => n.mentions)].sort((a, b) => a - b)[Math.floor(nodes.length / 2)]!;
    const some = await json(`/api/network?limit=2000&min=${min}`);
    expect(some.body.totalEdges as number).toBeLessThan(all.body.totalEdges as number);
    for (const n of some.body.nodes as Array<{ mentions: number }>) expect(n.mentions).toBeGreaterThanOrEqual(min);
  });

  it('places events on countries and lists a place’s events with evidence', async () => {
    const { status, body } = await json('/api/places');
    expect(status).toBe(200);
    const places = body.places as Array<{
      key: string;
      kind: string;
      iso3: string;
      lat: number;
      lng: number;
      events: number;
      names: string[];
    }>;
    expect(places.length).toBeGreaterThan(0);
    const p = places[0]!;
    expect(Math.abs(p.lat)).toBeLessThanOrEqual(90);
    const listed = await json(`/api/places/events?place=${encodeURIComponent(p.key)}`);
    expect(listed.body.total).toBe(p.events);
    for (const ev of listed.body.items as Array<{ location: string; sentences: unknown[] }>) {
      expect(p.names).toContain(ev.location);
      expect(ev.sentences.length).toBeGreaterThan(0);
    }
  });

  it('places a city the country gazetteer does not hold at its own point, apart from its country', async () => {
    const places = (await json('/api/places')).body.places as Array<{
      key: string;
      kind: string;
      iso3: string;
      name: string;
      country: string | null;
      lat: number;
      lng: number;
      names: string[];
    }>;
    // The example corpus's talks are held in Geneva: a city, not a capital.
    const geneva = places.find((p) => p.kind === 'city' && p.name === 'Geneva')!;
    expect(geneva).toMatchObject({ key: 'CHE:Geneva', iso3: 'CHE', country: 'Switzerland' });
    expect(geneva.lat).toBeCloseTo(46.2, 1);
    expect(geneva.lng).toBeCloseTo(6.14, 1);
    // A capital stays with its country.
    const belgium = places.find((p) => p.kind === 'country' && p.iso3 === 'BEL')!;
    expect(belgium.names).toContain('Brussels');
    const unplaced = (await json('/api/places')).body.unplaced as Array<{ location: string }>;
    expect(unplaced.map((u) => u.location)).not.toContain('Geneva');
  });
});

describe('search route', () => {
  it('finds articles with a snippet for each hit of the page', async () => {
    const { status, body } = await json('/api/search?q=harbour&limit=2');
    expect(status).toBe(200);
    const items = body.items as Array<{ snippet: string }>;
    expect(items.length).toBeGreaterThan(0);
    for (const h of items) expect(h.snippet).toMatch(/\[harbour\]/i);
  });

  it('sends a kept search page as c.json would: the same bytes, the query fields first, a hit as its miss', async () => {
    const { search } = await import('../store/index.js');
    const { readRoutes } = await import('./api.js');
    const { Hono } = await import('hono');
    // The read routes alone (no response cache before them): the first request makes the page, the second is
    // answered from the search cache.
    const reads = new Hono().route('/api', readRoutes(db));
    const url = '/api/search?q=ferry+harbour&offset=1&limit=3';
    const first = await reads.request(url);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    const a = await first.text();
    const b = await (await reads.request(url)).text();
    expect(b).toBe(a);
    const page = search(db, 'ferry harbour', 1, 3, { filter: { from: null, to: null } });
    expect(a).toBe(JSON.stringify({ q: 'ferry harbour', offset: 1, limit: 3, ...page }));
    expect(Object.keys(JSON.parse(a))).toEqual(['q', 'offset', 'limit', 'total', 'ranked', 'items', 'facets']);
  });

  it('drops function words and repeats: a hundred copies of one is one word', async () => {
    const one = await json('/api/search?q=the+harbour');
    const many = await json(`/api/search?q=${encodeURIComponent(`${'the '.repeat(100)}harbour`)}`);
    expect(many.status).toBe(200);
    expect(many.body.total).toBe(one.body.total);
    const stop = await json(`/api/search?q=${encodeURIComponent('the '.repeat(100))}`);
    expect(stop.status).toBe(200);
  });

  it('answers 400 with a message for a search it will not run', async () => {
    const words = Array.from({ length: 13 }, (_, i) => `word${i}`).join(' ');
    const tooMany = await json(`/api/search?q=${encodeURIComponent(words)}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatch(/at most 12 words/);
    const tooLong = await json(`/api/search?q=${'x'.repeat(1001)}`);
    expect(tooLong.status).toBe(400);
    const syntax = await json(`/api/search?q=${encodeURIComponent('"unbalanced AND ( NEAR(')}`);
    expect(syntax.status).toBe(400);
    expect(syntax.body.error).toMatch(/phrase is not closed/);
    const operators = await json(`/api/search?q=${encodeURIComponent('harbour AND ( NEAR( ^x')}`);
    expect(operators.status).toBe(200);
    expect((await json('/api/search?q=ha*')).status).toBe(400);
  });

  it('finds inflections, phrases and prefixes, ordered by relevance, with facets over every hit', async () => {
    const ids = async (q: string): Promise<string[]> =>
      ((await json(`/api/search?q=${encodeURIComponent(q)}&limit=100`)).body.items as Array<{ id: string }>)
        .map((h) => h.id)
        .sort();
    const one = await ids('ferry');
    expect(one.length).toBeGreaterThan(0);
    expect(await ids('ferries')).toEqual(one);
    const phrase = await ids('"ferry crossings"');
    expect(phrase.length).toBeGreaterThan(0);
    expect(phrase.every((id) => one.includes(id))).toBe(true);
    expect((await ids('"crossings ferry"')).length).toBe(0);
    const prefix = await ids('sanction*');
    expect(prefix.length).toBeGreaterThanOrEqual((await ids('sanctions')).length);
    const { body } = await json('/api/search?q=ferry&limit=100');
    const facets = body.facets as { outlets: Array<{ value: string | null; count: number }>; dates: unknown[] };
    expect(facets.outlets.reduce((n, o) => n + o.count, 0)).toBe(body.total);
    const items = body.items as Array<{ score: number; excerpt: Array<{ text: string; mark: boolean }> }>;
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.score).toBeGreaterThanOrEqual(items[i]!.score);
    for (const h of items) expect(h.excerpt.some((p) => p.mark && /^ferr/i.test(p.text))).toBe(true);
    // Narrowed to one outlet, every hit is from it and the count is the facet's.
    const outlet = facets.outlets[0]!;
    const narrowed = await json(`/api/search?q=ferry&outlet=${encodeURIComponent(outlet.value ?? '')}`);
    expect(narrowed.body.total).toBe(outlet.count);
    for (const h of narrowed.body.items as Array<{ outlet: string | null }>) expect(h.outlet).toBe(outlet.value);
  });

  it('stops a search past its time budget with 503', async () => {
    const strict = createApp(db, { searchBudgetMs: -1 });
    const res = await strict.request('/api/search?q=harbour');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/took too long/);
  });
});

describe('guards', () => {
  it('sets the strict CSP and the other security headers on every answer', async () => {
    for (const path of [
      '/',
      '/styles.css',
      '/ui/app.js',
      '/ui/network-graph.js',
      '/ui/map-draw.js',
      '/api/stats',
      '/api/nothing',
      '/nothing',
    ]) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy'), path).toBe(CSP);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      // Left off on purpose: each costs a renderer process switch before first paint (docs/workbench.md).
      expect(res.headers.get('cross-origin-opener-policy'), path).toBeNull();
      expect(res.headers.get('origin-agent-cluster'), path).toBeNull();
    }
  });

  it('serves the graph and map libraries apart from the bundle every view loads, each revalidated by its ETag', async () => {
    const bundle = await app.request('/ui/app.js');
    expect(bundle.status).toBe(200);
    const bundleText = await bundle.text();
    for (const file of ['network-graph.js', 'map-draw.js', 'timeline-axis.js']) {
      const res = await app.request(`/ui/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toMatch(/^text\/javascript/);
      // The view fetches it by its address; the library is not in the bundle as well.
      expect(bundleText, file).toContain(`/ui/${file}`);
      expect((await res.text()).length, file).toBeGreaterThan(bundleText.length);
    }
    expect(bundleText.length).toBeLessThan(150_000);
    for (const path of ['/ui/app.js', '/styles.css']) {
      const first = await app.request(path);
      expect(first.headers.get('cache-control'), path).toBe('no-cache');
      const tag = first.headers.get('etag');
      expect(tag, path).toBeTruthy();
      const again = await app.request(path, { headers: { 'If-None-Match': tag! } });
      expect(again.status, path).toBe(304);
    }
  });

  it('answers only to the names it is bound to (no DNS rebinding)', async () => {
    for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080'])
      expect((await app.request(`http://${host}/api/stats`)).status, host).toBe(200);
    const rebound = await app.request('http://attacker.example:8080/api/stats');
    expect(rebound.status).toBe(403);
    const named = createApp(db, { host: 'sitrep.lan' });
    expect((await named.request('http://sitrep.lan/api/stats')).status).toBe(200);
  });

  it('refuses a body over the limit before reading it', async () => {
    const res = await app.request('/api/sources/pages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) },
      body: '{"url": "http://example.com/"}',
    });
    expect(res.status).toBe(413);
  });

  it('puts the store token in the page for the UI; writes need it', async () => {
    const token = storeToken(db);
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(storeToken(db)).toBe(token);
    const html = await (await app.request('/')).text();
    expect(html).toContain(`<meta name="sitrep-token" content="${token}">`);
    const post = { method: 'POST', body: '{"url": "not a url"}' };
    const without = await app.request('/api/sources/feeds/remove', {
      ...post,
      headers: { 'content-type': 'application/json' },
    });
    expect(without.status).toBe(401);
    const wrong = await app.request('/api/sources/feeds/remove', {
      ...post,
      headers: { 'content-type': 'application/json', 'x-sitrep-token': `${token.slice(1)}x` },
    });
    expect(wrong.status).toBe(401);
    const bearer = await app.request('/api/sources/feeds/remove', {
      ...post,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    expect(bearer.status).toBe(404);
    const crossSite = await app.request('/api/sources/feeds/remove', {
      ...post,
      headers: { 'content-type': 'application/json', 'x-sitrep-token': token, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
  });

  it('open to the network, needs the token for reads too and shows it only to who brings it', async () => {
    const open = createApp(db, { host: '0.0.0.0', tokenForReads: true });
    const token = storeToken(db);
    expect((await open.request('/api/stats')).status).toBe(401);
    expect((await open.request('/api/stats', { headers: { 'x-sitrep-token': token } })).status).toBe(200);
    expect(await (await open.request('/')).text()).not.toContain('sitrep-token');
    expect(await (await open.request(`/?token=${token}`)).text()).toContain(`content="${token}"`);
  });
});

describe('sources jobs', () => {
  it('answers a refused page at once, without analysis, and keeps the job for the status route', async () => {
    const headers = { 'content-type': 'application/json', 'x-sitrep-token': storeToken(db) };
    const before = (await json('/api/stats')).body;
    const refused = await json('/api/sources/pages', {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: 'http://127.0.0.1:9/page' }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatch(/loopback/);
    expect(refused.body.summary).toBeUndefined();
    const job = await json(`/api/sources/jobs/${refused.body.job}`);
    expect(job.body.state).toBe('done');
    expect((await json('/api/stats')).body).toEqual(before);

    const queued = await json('/api/sources/pages', {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: 'http://127.0.0.2:9/page', wait: false }),
    });
    expect(queued.status).toBe(202);
    const id = (queued.body.job as { id: string }).id;
    let state = '';
    // A job runs on a worker thread: on a loaded machine it may take seconds to start (a bound, not a timing).
    const deadline = Date.now() + 20_000;
    while (state !== 'done' && Date.now() < deadline) {
      state = (await json(`/api/sources/jobs/${id}`)).body.state as string;
      if (state !== 'done') await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toBe('done');
    expect((await json('/api/sources/jobs')).body.jobs).toHaveLength(2);
  });
});
