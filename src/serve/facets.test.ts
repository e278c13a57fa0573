import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCooperative, type PloverType } from '../model/index.js';
import { articleDetail, type Db, eventWhere, NO_FACETS } from '../store/index.js';
import { createApp, type ServedApp } from './app.js';
import { exampleStore, getJson } from './test-store.js';
import { parseFacets } from './facets.js';

let db: Db;
let app: ServedApp;

beforeAll(async () => {
  ({ db } = await exampleStore('facets'));
  app = createApp(db);
}, 120_000);

afterAll(() => {
  app?.stopWorkers();
  db?.close();
});

const json = (path: string) => getJson(app, path);

async function actorId(name: string): Promise<string> {
  const { body } = await json('/api/entities?limit=500');
  const e = (body.items as Array<{ id: string; name: string }>).find((x) => x.name === name);
  if (!e) throw new Error(`no actor ${name}`);
  return e.id;
}

const slice = (articleId: string, start: number, end: number): string =>
  articleDetail(db, articleId)!.text.slice(start, end);

describe('facets', () => {
  it('parses the filter model and refuses values it does not know', () => {
    expect(parseFacets({ actor: 'ent_a,ent_b', type: 'ASSAULT', from: '2026-03', to: '2026-03-12' })).toMatchObject({
      actors: ['ent_a', 'ent_b'],
      type: 'ASSAULT',
      from: '2026-03',
      to: '2026-03-12',
    });
    for (const bad of [
      { type: 'LAUNCH' },
      { quad: 'friendly' },
      { from: '2026-13-01' },
      { to: 'yesterday' },
      { from: '2026-03-12', to: '2026-03-01' },
      { stance: 'maybe' },
      { flag: 'true' },
      { actor: 'a,b,c,d,e,f' },
      { actor: "x' OR 1=1" },
      { outlet: 'x'.repeat(201) },
      { story: 'a b' },
    ])
      expect('error' in parseFacets(bad), JSON.stringify(bad)).toBe(true);
  });

  it('every list route answers 400 with a message for a bad facet value', async () => {
    for (const route of ['articles', 'events', 'timeline', 'quotes', 'claims', 'network', 'places']) {
      const { status, body } = await json(`/api/${route}?from=March`);
      expect(status, route).toBe(400);
      expect(body.error, route).toMatch(/from must be a date/);
    }
  });

  it('filters events and the timeline by type, quad class and actor', async () => {
    const assaults = await json('/api/events?type=ASSAULT&limit=500');
    expect(assaults.body.total).toBeGreaterThan(0);
    for (const e of assaults.body.items) expect(e.type).toBe('ASSAULT');
    const coop = await json('/api/events?quad=cooperative&limit=500');
    expect(coop.body.total).toBeGreaterThan(0);
    for (const e of coop.body.items) expect(isCooperative(e.type as PloverType)).toBe(true);
    const all = await json('/api/events?limit=500');
    expect(coop.body.total).toBeLessThan(all.body.total);
    const veskaria = await actorId('Veskaria');
    const mine = await json(`/api/events?actor=${veskaria}&limit=500`);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.total).toBeLessThan(all.body.total);
    for (const e of mine.body.items) expect([...e.sourceIds, ...e.targetIds]).toContain(veskaria);
    const expected = (all.body.items as Array<{ sourceIds: string[]; targetIds: string[] }>).filter((e) =>
      [...e.sourceIds, ...e.targetIds].includes(veskaria),
    ).length;
    expect(mine.body.total).toBe(expected);
  });

  it('filters by date range: a coarse date counts when its period overlaps', async () => {
    const { body } = await json('/api/events?from=2026-03-11&to=2026-03-12&limit=500');
    expect(body.total).toBeGreaterThan(0);
    for (const e of body.items) {
      expect(e.date).not.toBeNull();
      expect(e.date >= '2026-03-11'.slice(0, e.date.length) && e.date <= '2026-03-12'.slice(0, e.date.length)).toBe(
        true,
      );
    }
  });

  it('gives timeline entries a headline, their sentence, their outlets, and the undated group on the last page', async () => {
    const { body } = await json('/api/timeline?limit=1000');
    const entries = body.days.flatMap((d: { events: unknown[] }) => d.events);
    expect(entries.length).toBe(body.total);
    for (const e of entries) {
      expect(e.headline.length).toBeGreaterThan(3);
      const ev = e.evidence[0];
      expect(e.sentence).toBe(slice(ev.articleId, ev.start, ev.end));
      if (e.dateEvidence)
        expect(slice(ev.articleId, e.dateEvidence.start, e.dateEvidence.end)).toBe(e.dateEvidence.text);
    }
    // Several outlets reported some events: the entry names them all.
    expect(entries.some((e: { outlets: string[] }) => e.outlets.length > 1)).toBe(true);
    // Folded entries point at an entry of the same day with the same headline.
    for (const e of entries.filter((x: { foldedInto: string | null }) => x.foldedInto)) {
      const first = entries.find((x: { id: string }) => x.id === e.foldedInto);
      expect([first.date, first.headline]).toEqual([e.date, e.headline]);
      expect(first.folded).toContain(e.id);
    }
    expect(body.undated).toBeGreaterThan(0);
    expect(body.undatedEvents.length).toBe(body.undated);
    for (const e of body.undatedEvents) expect(e.date).toBeNull();
    const launches = entries.filter((e: { headline: string }) => /fires .*missiles/.test(e.headline));
    expect(launches.length).toBeGreaterThan(0);
    const early = await json('/api/timeline?limit=2');
    expect(early.body.undatedEvents).toEqual([]);
  });

  it('filters quotes by speaker and claims by claimant and stance, each with its sentence', async () => {
    const speakers = await json('/api/quotes/speakers');
    const top = speakers.body.items[0];
    expect(top.quotes).toBeGreaterThan(1);
    const quotes = await json(`/api/quotes?actor=${top.id}&limit=500`);
    expect(quotes.body.total).toBe(top.quotes);
    for (const q of quotes.body.items) {
      expect(q.speakerId).toBe(top.id);
      expect(slice(q.articleId, q.start, q.end)).toBe(q.text);
    }
    const denials = await json('/api/claims?stance=denies&limit=500');
    expect(denials.body.total).toBeGreaterThan(0);
    for (const c of denials.body.items) {
      expect(c.stance).toBe('denies');
      const ev = c.evidence[0];
      expect(c.text).toBe(slice(ev.articleId, ev.start, ev.end));
    }
    const all = await json('/api/claims?limit=500');
    expect(denials.body.total).toBeLessThan(all.body.total);
  });

  it('filters events by flag off the partial indexes, with the events a full scan finds', async () => {
    const all = db.prepare('SELECT id, data FROM events').all() as Array<{ id: string; data: string }>;
    for (const flag of ['negated', 'hypothetical'] as const) {
      const expected = all
        .filter((r) => (JSON.parse(r.data) as Record<string, unknown>)[flag] === true)
        .map((r) => r.id)
        .sort();
      const { status, body } = await json(`/api/events?flag=${flag}&limit=500`);
      expect(status).toBe(200);
      expect(body.items.map((e: { id: string }) => e.id).sort()).toEqual(expected);
      const w = eventWhere({ ...NO_FACETS, flag });
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM events e WHERE e.date IS NOT NULL AND ${w.sql.join(' AND ')}`)
        .all(...w.args) as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain(`events_${flag}_date`);
    }
    // The example corpus has negated events, so the comparison above is not of two empty lists.
    expect(all.some((r) => (JSON.parse(r.data) as Record<string, unknown>).negated === true)).toBe(true);
  });

  it("filters every list by story: only facts from the story's articles", async () => {
    const stories = (await json('/api/stories?limit=500')).body.items as Array<{ id: string; articles: number }>;
    const story = stories.find((s) => s.articles > 1 && s.articles < stories.reduce((n, x) => n + x.articles, 0));
    if (!story) throw new Error('the example corpus should have a story of several articles but not all of them');
    const members = new Set((await json(`/api/stories/${story.id}`)).body.articleIds as string[]);
    expect(members.size).toBe(story.articles);
    const articles = await json(`/api/articles?story=${story.id}&limit=500`);
    expect(new Set((articles.body.items as Array<{ id: string }>).map((a) => a.id))).toEqual(members);
    const all = await json('/api/events?limit=500');
    const events = await json(`/api/events?story=${story.id}&limit=500`);
    const expected = (all.body.items as Array<{ id: string; articleIds: string[] }>).filter((e) =>
      e.articleIds.some((a) => members.has(a)),
    );
    expect(events.body.total).toBeGreaterThan(0);
    expect(events.body.total).toBe(expected.length);
    const quotes = await json(`/api/quotes?story=${story.id}&limit=500`);
    const allQuotes = await json('/api/quotes?limit=500');
    expect(quotes.body.total).toBe(
      (allQuotes.body.items as Array<{ articleId: string }>).filter((q) => members.has(q.articleId)).length,
    );
    expect((await json('/api/events?story=no-such-story')).body.total).toBe(0);
  });

  it('narrows the network and the map by the same facets, down to the events behind an edge or a place', async () => {
    const all = await json('/api/network?limit=2000');
    const conflict = await json('/api/network?quad=conflictual&limit=2000');
    expect(all.status).toBe(200);
    expect(conflict.body.totalEdges).toBeGreaterThan(0);
    expect(conflict.body.totalEdges).toBeLessThanOrEqual(all.body.totalEdges);
    // Without the facet some edges carry cooperative events: the facet is what leaves them out.
    expect(all.body.edges.some((e: { cooperativeEvents: number }) => e.cooperativeEvents > 0)).toBe(true);
    for (const e of conflict.body.edges) {
      expect(e.cooperativeEvents).toBe(0);
      expect(Object.keys(e.types).every((t) => !isCooperative(t as PloverType))).toBe(true);
    }
    const edge = conflict.body.edges[0];
    const behind = await json(`/api/network/events?quad=conflictual&source=${edge.source}&target=${edge.target}`);
    expect(behind.body.total).toBe(edge.events);
    for (const e of behind.body.items) expect(isCooperative(e.type as PloverType)).toBe(false);
    // The span stays the corpus's, so the period picker does not jump when a facet changes.
    expect(conflict.body.span).toEqual(all.body.span);

    const places = await json('/api/places');
    // The type of an event that is on the map (an event's place name may be one the gazetteer cannot place).
    const top = places.body.places[0];
    const type = (await json(`/api/places/events?iso3=${top.iso3}&limit=1`)).body.items[0].type as string;
    const typed = await json(`/api/places?type=${type}`);
    const count = (p: { places: Array<{ events: number }> }) => p.places.reduce((n, x) => n + x.events, 0);
    expect(count(typed.body)).toBeGreaterThan(0);
    expect(count(typed.body)).toBeLessThanOrEqual(count(places.body));
    const place = typed.body.places[0];
    const there = await json(`/api/places/events?type=${type}&iso3=${place.iso3}&limit=500`);
    expect(there.body.total).toBe(place.events);
    for (const e of there.body.items) expect(e.type).toBe(type);
  });

  it('filters articles by outlet', async () => {
    const outlets = await json('/api/outlets');
    const first = outlets.body.items[0];
    const { body } = await json(`/api/articles?outlet=${encodeURIComponent(first.outlet)}&limit=500`);
    expect(body.total).toBe(first.articles);
    for (const a of body.items) expect(a.outlet).toBe(first.outlet);
  });

  it("gives the filter bar's lists in one answer: the outlets, and the largest stories by title", async () => {
    const { status, body } = await json('/api/filter-choices');
    expect(status).toBe(200);
    expect(body.outlets).toEqual((await json('/api/outlets')).body.items);
    const stories = (await json('/api/stories?limit=200')).body.items as Array<{ id: string; title: string }>;
    expect(stories.length).toBeGreaterThan(0);
    expect(body.stories.map((s: { id: string; title: string }) => [s.id, s.title])).toEqual(
      stories.map((s) => [s.id, s.title]),
    );
  });

  it("gives an actor's profile: events on both sides, quotes, claims made and denied, co-actors", async () => {
    const veskaria = await actorId('Veskaria');
    const { status, body } = await json(`/api/entities/${veskaria}/profile`);
    expect(status).toBe(200);
    expect(body.entity.name).toBe('Veskaria');
    expect(body.asSource.total).toBeGreaterThan(0);
    for (const e of body.asSource.items) expect(e.sourceIds).toContain(veskaria);
    for (const e of body.asTarget.items) expect(e.targetIds).toContain(veskaria);
    expect(body.coActors.length).toBeGreaterThan(0);
    expect(body.mentionsByDay.length).toBeGreaterThan(0);
    for (const c of body.denials.items) expect(c.stance).toBe('denies');
    for (const c of body.claims.items) expect(c.stance).not.toBe('denies');
    expect((await json('/api/entities/ent_nobody/profile')).status).toBe(404);
  });
});
