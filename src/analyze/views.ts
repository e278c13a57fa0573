import type { ExportEvent, PloverType } from '../model/index.js';
import { isCooperative } from '../model/index.js';
import {
  allEvents,
  datedEventPage,
  datedEventRows,
  eventIdsWithFacets,
  type Db,
  type Facets,
  NO_FACETS,
  outletsOf,
  evidenceWithTimex,
  type SpanEvidence,
  type KeptStamp,
  keptServes,
  keptStampNow,
  oneState,
  undatedEvents as undatedEvents_,
  undatedEventData,
  TOTAL_CAP,
} from '../store/index.js';
import { eventHeadline } from './headline.js';

/** Read-only analyses over the resolved store: the timeline, the actor network, corpus statistics. */

export interface TimelineDay {
  date: string;
  events: Array<ExportEvent & { cooperative: boolean }>;
}

/** Dated events grouped by date (as precise as each date is), oldest first; undated events are left out. */
export function timeline(db: Db): { days: TimelineDay[]; undated: number } {
  const days = new Map<string, TimelineDay['events']>();
  let undated = 0;
  for (const e of allEvents(db)) {
    if (!e.date) {
      undated++;
      continue;
    }
    const item = { ...e, cooperative: isCooperative(e.type as PloverType) };
    const list = days.get(e.date);
    if (list) list.push(item);
    else days.set(e.date, [item]);
  }
  return {
    days: [...days].sort((a, b) => a[0].localeCompare(b[0])).map(([date, events]) => ({ date, events })),
    undated,
  };
}

/** A timeline entry: the event, its headline in words, its evidence sentence, its outlets, folded duplicates. */
export type ChronologyEvent = ExportEvent & {
  cooperative: boolean;
  headline: string;
  sentence: string;
  outlets: string[];
  /** Ids of the same-day events with the same headline folded into this one. */
  folded: string[];
  /** The id of the entry this one is folded into (the first of its day with the same headline), else null. */
  foldedInto: string | null;
  /** The time expression in the evidence sentence that dates the event, when the sentence has one. */
  dateEvidence: { articleId: string; start: number; end: number; text: string } | null;
};

/**
 * The time expression that dates the event: the first inside its first evidence span (`evidenceWithTimex`), when the
 * event's date was read off its sentence. An event dated by the article ("anchor") or an earlier sentence
 * ("carried") has none there, even when its sentence names another time ("clashed repeatedly since a 2019
 * agreement", dated to the article's month): that expression did not date it.
 */
function dateEvidenceOf(
  e: ExportEvent,
  timex: { start: number; end: number; text: string } | null,
): ChronologyEvent['dateEvidence'] {
  const ev = e.evidence[0];
  if (!ev || !e.date || !timex) return null;
  if (e.dateFrom && e.dateFrom !== 'sentence') return null;
  return { articleId: ev.articleId, start: timex.start, end: timex.end, text: timex.text };
}

export interface ChronologyDay {
  date: string;
  events: ChronologyEvent[];
}

function chronologyEntries(db: Db, events: ExportEvent[]): ChronologyEvent[] {
  const outlets = outletsOf(
    db,
    events.flatMap((e) => e.articleIds),
  );
  // Each event's sentence and the time expression in it (spans read before come from a bounded cache).
  const evidence = evidenceWithTimex(
    db,
    events.map((e) => e.evidence[0] ?? { articleId: '', start: 0, end: 0 }),
  );
  const out: ChronologyEvent[] = [];
  const byKey = new Map<string, ChronologyEvent>();
  events.forEach((e, i) => {
    const headline = eventHeadline(e);
    const names = e.articleIds.map((id) => outlets.get(id)).filter((o): o is string => !!o);
    const entry: ChronologyEvent = {
      ...e,
      cooperative: isCooperative(e.type as PloverType),
      headline,
      sentence: evidence[i]!.text,
      outlets: [...new Set(names)],
      folded: [],
      foldedInto: null,
      dateEvidence: dateEvidenceOf(e, evidence[i]!.timex),
    };
    // Several reports of one happening on one day read as one entry: same date, same words. The later ones stay
    // in the list (the page keeps its count) and point at the first, which counts their outlets too.
    const key = `${e.date ?? ''}|${headline}`;
    const first = byKey.get(key);
    if (first) {
      first.folded.push(e.id);
      for (const o of entry.outlets) if (!first.outlets.includes(o)) first.outlets.push(o);
      entry.foldedInto = first.id;
    } else byKey.set(key, entry);
    out.push(entry);
  });
  return out;
}

/**
 * One page of the timeline: `limit` dated events from `offset` (oldest first) that the facets select, grouped
 * by date, each with its headline, sentence and outlets and same-day duplicates folded; `total` dated events in
 * all, `undated` how many the facets select without a date, and on the last page `undatedEvents` (at most
 * `limit`) as their own group. Read off the events' date index, never the whole table. Both counts stop at `cap`
 * (`Infinity`: exact).
 */
export function timelinePage(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): {
  days: ChronologyDay[];
  undated: number;
  /** `undated` stopped at the lists' count cap (`TOTAL_CAP`): there are more. */
  undatedCapped: boolean;
  total: number;
  /** `total` stopped at the lists' count cap (`TOTAL_CAP`): there are more; `next` says whether a page follows. */
  totalCapped: boolean;
  undatedEvents: ChronologyEvent[];
  next: string | null;
} {
  const page = datedEventPage(db, offset, limit, facets, cursor, cap);
  const days: ChronologyDay[] = [];
  for (const item of chronologyEntries(db, page.items)) {
    const last = days.at(-1);
    if (last && last.date === item.date) last.events.push(item);
    else days.push({ date: item.date!, events: [item] });
  }
  // The last page of the dated events (none follows) carries the undated ones.
  const undatedEvents =
    page.next === null && page.undated > 0 ? chronologyEntries(db, undatedEvents_(db, limit, facets)) : [];
  return {
    days,
    undated: page.undated,
    undatedCapped: page.undatedCapped,
    total: page.total,
    totalCapped: page.totalCapped,
    undatedEvents,
    next: page.next,
  };
}

/**
 * What a timeline entry takes from its event row alone, kept per row: the row's JSON as read (`data`: an entry is
 * used only while its row reads the same), the entry's JSON up to its `headline` (the event's fields, `cooperative`,
 * `headline`; no closing brace), and the fields the page's own work needs. `whole` is the parsed event instead, for a
 * row whose fields would clash with the entry's (none is written so; built as `chronologyEntries` builds it).
 */
interface KeptEntry {
  data: string;
  head: string;
  id: string;
  date: string | null;
  articleIds: string[];
  evidence: { articleId: string; start: number; end: number };
  hasEvidence: boolean;
  /** Its date was read off its sentence (or the row does not say): a dating expression there is shown. */
  bySentence: boolean;
  headline: string;
  whole: ExportEvent | null;
  /**
   * What the entry takes from its articles (its outlets' names, its evidence sentence and time expression), kept
   * under the rule of the lists' kept items (`keptServes`).
   */
  parts?: EntryParts;
  /** Kept or served since it was last passed over for eviction: it gets a second chance (`keptEntries`). */
  used?: boolean;
}

interface EntryParts {
  names: string[];
  evidence: SpanEvidence;
  kept: KeptStamp;
  chars: number;
}

/**
 * Entries built before, per connection, by event id, oldest first (bar second chances), bounded by the characters
 * they hold.
 * An entry is a function of its row's JSON alone and is used only while the row reads the same (`data`), so an
 * event rewritten by an ingest or a correction is built again, and the rows nobody rewrote stay kept through an
 * ingest; the sentence, its time expression and the outlets are read per page (their own caches follow the articles).
 */
const entryCaches = new WeakMap<Db, { entries: Map<string, KeptEntry>; chars: number }>();
/**
 * Characters of timeline entries kept per connection (16–32 MB of strings). An entry holds its row's JSON, its own
 * JSON head and its sentence: the first hundred pages of the timeline of the 100,000-article load-bench store hold
 * 5,000 entries of 8,884,327 characters, past the earlier bound of 8,000,000, so paging through them at random read
 * and built the entries pushed out again and again (docs/reliability.md, "Readers fed two at a time"). Each reader
 * thread of `serve` has its own connection, so the server holds up to this much per reader.
 */
export const ENTRY_CACHE_CHARS = 16_000_000;
const LATER_KEYS = ['sentence', 'outlets', 'folded', 'foldedInto', 'dateEvidence'];
/**
 * What an entry holds, in characters: its strings, its article ids, and for a kept parsed event (`whole`) four times
 * its JSON (a parsed object takes several times the size of its text).
 */
const keptChars = (k: KeptEntry) =>
  (k.parts?.chars ?? 0) +
  k.data.length * (k.whole ? 5 : 1) +
  k.head.length +
  k.headline.length +
  k.id.length * 2 +
  k.articleIds.reduce((n, a) => n + a.length + 8, 0) +
  64;

function keptEntries(db: Db, rows: ReadonlyArray<{ data: string; id: string }>): KeptEntry[] {
  let c = entryCaches.get(db);
  if (!c) {
    c = { entries: new Map(), chars: 0 };
    entryCaches.set(db, c);
  }
  const cache = c;
  const out = rows.map((r) => {
    const hit = cache.entries.get(r.id);
    if (hit && hit.data === r.data) {
      hit.used = true;
      return hit;
    }
    const e = JSON.parse(r.data) as ExportEvent;
    const headline = eventHeadline(e);
    const clash = LATER_KEYS.some((k) => Object.hasOwn(e, k));
    const head = JSON.stringify({ ...e, cooperative: isCooperative(e.type as PloverType), headline });
    const ev = e.evidence[0];
    const kept: KeptEntry = {
      data: r.data,
      head: clash ? '' : head.slice(0, -1),
      id: e.id,
      date: e.date,
      articleIds: e.articleIds,
      evidence: ev ? { articleId: ev.articleId, start: ev.start, end: ev.end } : { articleId: '', start: 0, end: 0 },
      hasEvidence: !!ev,
      bySentence: !e.dateFrom || e.dateFrom === 'sentence',
      headline,
      whole: clash ? e : null,
      // Kept as served once: a page's own entries are not the first to go when every older one was served since.
      used: true,
    };
    const key = r.id;
    const old = cache.entries.get(key);
    if (old) {
      cache.entries.delete(key);
      cache.chars -= keptChars(old);
    }
    cache.entries.set(key, kept);
    cache.chars += keptChars(kept);
    return kept;
  });
  // Past the bound, the oldest go first; one served since it was last passed over goes to the back instead, once
  // (a second chance: least recently used in effect, without moving an entry on every page that serves it).
  for (const [key, k] of cache.entries) {
    if (cache.chars <= ENTRY_CACHE_CHARS) break;
    cache.entries.delete(key);
    if (k.used) {
      k.used = false;
      cache.entries.set(key, k);
    } else cache.chars -= keptChars(k);
  }
  return out;
}

/**
 * The JSON of `chronologyEntries(db, rows parsed)`'s entries, byte for byte, each built from its kept part
 * (`keptEntries`) and the page's sentences, outlets and folds.
 */
function chronologyJson(
  db: Db,
  rows: ReadonlyArray<{ data: string; id: string }>,
): Array<{ date: string | null; json: string }> {
  const kept = keptEntries(db, rows);
  // What the entries take from their articles, read for those whose kept parts no longer serve.
  const now = keptStampNow(db);
  const need = kept.filter((k) => !(k.parts && keptServes(db, k.parts.kept, now)));
  if (need.length > 0) {
    const outlets = outletsOf(
      db,
      need.flatMap((k) => k.articleIds),
    );
    const evidence = evidenceWithTimex(
      db,
      need.map((k) => k.evidence),
    );
    const cache = entryCaches.get(db);
    need.forEach((k, i) => {
      const names = [...new Set(k.articleIds.map((id) => outlets.get(id)).filter((o): o is string => !!o))];
      const ev = evidence[i]!;
      const chars = names.reduce((n, o) => n + o.length + 8, 0) + ev.text.length + (ev.timex?.text.length ?? 0) + 64;
      // Counted in the entry's characters while it is kept (`keptChars`).
      if (cache && cache.entries.get(k.id) === k) cache.chars += chars - (k.parts?.chars ?? 0);
      k.parts = { names, evidence: ev, kept: now, chars };
    });
  }
  type Built = { k: KeptEntry; outlets: string[]; folded: string[]; foldedInto: string | null };
  const built: Built[] = [];
  const byKey = new Map<string, Built>();
  for (const k of kept) {
    const b: Built = { k, outlets: [...k.parts!.names], folded: [], foldedInto: null };
    const key = `${k.date ?? ''}|${k.headline}`;
    const first = byKey.get(key);
    if (first) {
      first.folded.push(k.id);
      for (const o of b.outlets) if (!first.outlets.includes(o)) first.outlets.push(o);
      b.foldedInto = first.k.id;
    } else byKey.set(key, b);
    built.push(b);
  }
  return built.map(({ k, outlets: o, folded, foldedInto }) => {
    const ev = k.parts!.evidence;
    const timex = ev.timex;
    if (k.whole) {
      const e = k.whole;
      const entry: ChronologyEvent = {
        ...e,
        cooperative: isCooperative(e.type as PloverType),
        headline: k.headline,
        sentence: ev.text,
        outlets: o,
        folded,
        foldedInto,
        dateEvidence: dateEvidenceOf(e, timex),
      };
      return { date: k.date, json: JSON.stringify(entry) };
    }
    const json = `${k.head},"sentence":${JSON.stringify(ev.text)},"outlets":${JSON.stringify(o)},"folded":${JSON.stringify(
      folded,
    )},"foldedInto":${JSON.stringify(foldedInto)},"dateEvidence":${
      k.hasEvidence && k.bySentence && k.date && timex
        ? JSON.stringify({ articleId: k.evidence.articleId, start: timex.start, end: timex.end, text: timex.text })
        : 'null'
    }}`;
    return { date: k.date, json };
  });
}

/**
 * `timelinePage`'s answer as JSON, byte for byte what `JSON.stringify(timelinePage(…))` gives, without parsing the
 * rows of events seen before nor building their entries again (the API's timeline route; `keptEntries`).
 */
export function timelinePageJson(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): string {
  // The rows, and what their entries take from their articles, read on one state of the store.
  return oneState(db, () => timelineJsonNow(db, offset, limit, facets, cursor, cap));
}

function timelineJsonNow(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets,
  cursor: string | undefined,
  cap: number,
): string {
  const page = datedEventRows(db, offset, limit, facets, cursor, cap);
  const days: string[] = [];
  let date: string | null | undefined;
  let events: string[] = [];
  for (const item of chronologyJson(db, page.items)) {
    if (events.length > 0 && item.date === date) events.push(item.json);
    else {
      if (events.length > 0) days.push(`{"date":${JSON.stringify(date)},"events":[${events.join(',')}]}`);
      date = item.date;
      events = [item.json];
    }
  }
  if (events.length > 0) days.push(`{"date":${JSON.stringify(date)},"events":[${events.join(',')}]}`);
  const undatedEvents =
    page.next === null && page.undated > 0
      ? chronologyJson(db, undatedEventData(db, limit, facets)).map((x) => x.json)
      : [];
  return `{"days":[${days.join(',')}],"undated":${JSON.stringify(page.undated)},"undatedCapped":${JSON.stringify(
    page.undatedCapped,
  )},"total":${JSON.stringify(page.total)},"totalCapped":${JSON.stringify(page.totalCapped)},"undatedEvents":[${undatedEvents.join(
    ',',
  )}],"next":${JSON.stringify(page.next)}}`;
}

/**
 * Every chronology entry the facets select, dated ones oldest first and then the undated ones, read `chunk`
 * events at a time, each chunk after the last one's key (a whole-list export streams it; nothing holds the list
 * at once, and no chunk walks past the ones before it).
 */
export function* timelineEntries(db: Db, facets: Facets = NO_FACETS, chunk = 1000): Generator<ChronologyEvent> {
  let page = datedEventPage(db, 0, chunk, facets);
  const undated = page.undated;
  for (;;) {
    yield* chronologyEntries(db, page.items);
    if (page.next === null) break;
    page = datedEventPage(db, 0, chunk, facets, page.next);
  }
  if (undated > 0) yield* chronologyEntries(db, undatedEvents_(db, undated, facets));
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Reports of the edge's cooperative events (an event told by three articles counts 3). */
  cooperative: number;
  /** Reports of the edge's conflictual events. */
  conflictual: number;
  /** The edge's cooperative events, each once: these two sum to the counts in `types`. */
  cooperativeEvents: number;
  conflictualEvents: number;
  /** Events of each type, each once. */
  types: Partial<Record<PloverType, number>>;
  first: string | null;
  last: string | null;
  /** The reports behind the edge's events: `cooperative + conflictual`. */
  mentions: number;
  /** The edge's events, oldest first: what the edge's counts count. */
  eventIds: string[];
}

export interface NetworkRange {
  /** Only events dated on or after this day (`YYYY-MM-DD`; coarser dates compare by their prefix). */
  from?: string | null;
  /** Only events dated on or before this day. */
  to?: string | null;
  /**
   * Only the events these facets let through (their date range aside: `from`/`to` above apply); with a `flag`
   * facet, negated or hypothetical events count as it says instead of staying out.
   */
  facets?: Facets;
}

/** Whether an event's date falls in the range; with a range set, undated events are left out. */
function inRange(date: string | null, range: NetworkRange): boolean {
  if (!range.from && !range.to) return true;
  if (!date) return false;
  if (range.from && date < range.from.slice(0, date.length)) return false;
  if (range.to && date > range.to.slice(0, date.length)) return false;
  return true;
}

/**
 * Who acts on whom: edges between entities, with the reports (`cooperative`, `conflictual`) and the events
 * (`cooperativeEvents`, `conflictualEvents`, `types`) of each kind, first/last date and the event ids, over an
 * optional date range and facets; strongest (most reports) first. Negated and hypothetical events are no interaction
 * and stay out (unless a `flag` facet asks for them). `span` is the first and last date of an asserted event in the
 * whole corpus, for the UI's range picker.
 */
export function actorNetwork(
  db: Db,
  range: NetworkRange = {},
): {
  nodes: Array<{ id: string; name: string; type: string; mentions: number }>;
  edges: NetworkEdge[];
  span: { first: string | null; last: string | null };
} {
  const edges = new Map<string, NetworkEdge>();
  const used = new Set<string>();
  const span: { first: string | null; last: string | null } = { first: null, last: null };
  const allowed = range.facets ? eventIdsWithFacets(db, range.facets) : null;
  const flagged = Boolean(range.facets?.flag);
  for (const e of allEvents(db)) {
    const asserted = !e.negated && !e.hypothetical;
    if (asserted && e.date) {
      if (!span.first || e.date < span.first) span.first = e.date;
      if (!span.last || e.date > span.last) span.last = e.date;
    }
    if (!(asserted || flagged) || (allowed && !allowed.has(e.id))) continue;
    if (!inRange(e.date, range)) continue;
    for (const s of e.sourceIds) {
      for (const t of e.targetIds) {
        if (s === t) continue;
        const key = `${s}\u0000${t}`;
        let edge = edges.get(key);
        if (!edge)
          edges.set(
            key,
            (edge = {
              source: s,
              target: t,
              cooperative: 0,
              conflictual: 0,
              cooperativeEvents: 0,
              conflictualEvents: 0,
              types: {},
              first: null,
              last: null,
              mentions: 0,
              eventIds: [],
            }),
          );
        // `cooperative`/`conflictual` count reports (as they always have); the `…Events` counts and `types` count
        // each event once, so cooperativeEvents + conflictualEvents = the sum over its types.
        const type = e.type as PloverType;
        const reports = e.mentions ?? 1;
        if (isCooperative(type)) {
          edge.cooperative += reports;
          edge.cooperativeEvents += 1;
        } else {
          edge.conflictual += reports;
          edge.conflictualEvents += 1;
        }
        edge.types[type] = (edge.types[type] ?? 0) + 1;
        edge.mentions += reports;
        edge.eventIds.push(e.id);
        if (e.date) {
          if (!edge.first || e.date < edge.first) edge.first = e.date;
          if (!edge.last || e.date > edge.last) edge.last = e.date;
        }
        used.add(s);
        used.add(t);
      }
    }
  }
  const nodes = (
    db.prepare('SELECT id, name, type, mentions FROM entities').all() as Array<{
      id: string;
      name: string;
      type: string;
      mentions: number;
    }>
  ).filter((n) => used.has(n.id));
  return {
    nodes,
    edges: [...edges.values()].sort((a, b) => b.cooperative + b.conflictual - (a.cooperative + a.conflictual)),
    span,
  };
}

/** Counts for the UI header. */
export function analyzeActivity(db: Db): Record<string, number> {
  const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    articles: count('articles'),
    entities: count('entities'),
    quotes: count('quotes'),
    events: count('events'),
    claims: count('claims'),
  };
}
