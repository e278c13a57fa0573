import { createHash } from 'node:crypto';
import type { EventActor, EventLocation, EventMention, ExportEvent, ExportEventActor } from '../model/index.js';
import { mergedDate } from '../time/index.js';

/**
 * Events across mentions: one real-world event reported in several sentences, articles or outlets becomes
 * one event with its mention count, every article and evidence span. Mentions are the same event when they
 * have the same type, the same source and target actors (entity ids after actor resolution), the same
 * negation and hypothetical flags and mode, and compatible dates (equal, or one undated; equal when no actor on
 * either side is a named entity). A meeting (CONSULT) is identified by its parties whatever their roles. A mention
 * that leaves out the target (or source) joins the one event it otherwise matches, if there is exactly one — an
 * undated one only an event of its own article; a mention with no named actor joins nothing by type alone.
 */

/** An event actor as merging and export read it (its offsets in the article are not needed). */
export type EventActorRef = Pick<EventActor, 'text' | 'name' | 'code' | 'actorKey'>;

/**
 * What merging and export read of an event mention: all but the trigger and the offsets of its actors and
 * location, so that a corpus's mentions can be held packed (see `EventMentionTable`).
 */
export interface EventMentionCore
  extends Pick<
    EventMention,
    | 'type'
    | 'mode'
    | 'date'
    | 'dateFrom'
    | 'dateRange'
    | 'reported'
    | 'negated'
    | 'hypothetical'
    | 'attributes'
    | 'evidence'
  > {
  source: readonly EventActorRef[];
  target: readonly EventActorRef[];
  location: Pick<EventLocation, 'name'> | null;
}

export interface EventMentionRecord {
  articleId: string;
  event: EventMentionCore;
}

/**
 * A cluster holds references to its mentions (`R`: a store row id, or the record itself), not the
 * mentions: merging a large corpus keeps only keys, dates and references in memory, and the mentions
 * of one event are read back when that event is exported.
 */
interface Cluster<R> {
  key: string;
  type: string;
  sourceKey: string;
  targetKey: string;
  flags: string;
  date: string | null;
  refs: R[];
  /** The named actors on each side and how many there are (set by `finish`). */
  src: readonly string[];
  tgt: readonly string[];
  strength: number;
  /** Folded into a fuller cluster (by `finish`). */
  folded: boolean;
  /** The articles its mentions come from (distinct; undefined entries when the caller gave none). */
  articles: Array<string | number | undefined>;
}

const NO_ACTORS: readonly string[] = [];

/** One corpus event before export: its identity, date and the references of its mentions, in order. */
export interface MergedEvent<R> {
  key: string;
  type: string;
  date: string | null;
  refs: R[];
}

function actorIdentity(a: EventActorRef, actorKeys: ReadonlyMap<string, string>): string {
  const id = a.actorKey ? actorKeys.get(a.actorKey) : undefined;
  return id ?? (a.actorKey ? `key:${a.actorKey}` : `name:${a.name.toLowerCase()}`);
}

function actorsKey(actors: readonly EventActorRef[], actorKeys: ReadonlyMap<string, string>): string {
  return [...new Set(actors.map((a) => actorIdentity(a, actorKeys)))].sort().join('+');
}

function stableId(key: string): string {
  return `evt_${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
}

/** Whether two dates can be the same day: equal, or one is a coarser prefix of the other. */
function compatibleDates(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  return a.startsWith(b) || b.startsWith(a);
}

function mostCommon<T>(values: readonly T[], better?: (a: T, b: T) => number): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [v, c] of counts)
    if (c > n || (c === n && best !== null && better && better(v, best) > 0)) [best, n] = [v, c];
  return best;
}

/**
 * The clusters of one fold pool (same type and flags, one named actor on one side), also by date, so a
 * dated cluster looks only at clusters whose date is compatible with its own. A fold can make a cluster's
 * date finer (never coarser): it is then filed under the new date too, and its old entry is skipped as stale.
 */
class DatePool<R> {
  private readonly all: Array<Cluster<R>> = [];
  private readonly byDate = new Map<string, Array<Cluster<R>>>();
  /** hasLength[n]: some date in the pool is n characters long. */
  private readonly hasLength: boolean[] = [];
  private longest = 0;

  add(c: Cluster<R>): void {
    this.all.push(c);
    if (c.date !== null) this.file(c, c.date);
  }

  /** File `c` under the date it now has. */
  refile(c: Cluster<R>): void {
    if (c.date !== null) this.file(c, c.date);
  }

  private file(c: Cluster<R>, date: string): void {
    const list = this.byDate.get(date);
    if (list) list.push(c);
    else this.byDate.set(date, [c]);
    this.hasLength[date.length] = true;
    this.longest = Math.max(this.longest, date.length);
  }

  /** Every cluster of the pool, until `visit` returns true. */
  forEach(visit: (c: Cluster<R>) => boolean): void {
    for (const c of this.all) if (visit(c)) return;
  }

  /** The dated clusters whose date is compatible with `date` (see compatibleDates), until `visit` returns true. */
  forEachCompatible(date: string, visit: (c: Cluster<R>) => boolean): void {
    const live = (list: ReadonlyArray<Cluster<R>>, d: string): boolean => {
      for (const c of list) if (c.date === d && visit(c)) return true;
      return false;
    };
    // Dates it extends, itself included…
    for (let n = 1; n <= date.length; n++) {
      if (!this.hasLength[n]) continue;
      const d = n === date.length ? date : date.slice(0, n);
      const list = this.byDate.get(d);
      if (list && live(list, d)) return;
    }
    // …and dates that extend it (only a coarse date has any).
    if (date.length >= this.longest) return;
    for (const [d, list] of this.byDate) if (d.length > date.length && d.startsWith(date) && live(list, d)) return;
  }
}

/**
 * What `EventMerger` reads of a mention to place it: its key (type, sides, flags: mentions of one key and
 * compatible dates form an event), its kind (type and flags: mentions of two kinds never meet), whether the key
 * names an actor, and the named actors on each side (a fold needs one of them in common, on the same side).
 * Two mentions can only end up in one event, or decide where a third goes, through a chain of mentions each
 * `mayMeet` the next: an incremental merge reruns such a chain whole (src/store/pg/events.ts).
 */
export interface MergeKey {
  key: string;
  kind: string;
  named: boolean;
  src: readonly string[];
  tgt: readonly string[];
}

export function eventMergeKey(e: EventMentionCore, actorKeys: ReadonlyMap<string, string>): MergeKey {
  const side = (actors: readonly EventActorRef[]): string => actorsKey(actors, actorKeys);
  let sourceKey: string;
  let targetKey = '';
  if (e.type !== 'CONSULT') {
    sourceKey = side(e.source);
    targetKey = side(e.target);
  } else if (e.target.length === 0) sourceKey = side(e.source);
  else if (e.source.length === 0) sourceKey = side(e.target);
  else
    sourceKey = [...new Set([...side(e.source).split('+'), ...side(e.target).split('+')])]
      .filter((k) => k)
      .sort()
      .join('+');
  const flags = `${e.negated ? 'N' : ''}${e.hypothetical ? 'H' : ''}${e.mode ? `:${e.mode}` : ''}`;
  const namedOf = (key: string): string[] => key.split('+').filter((k) => k && !k.startsWith('name:'));
  const src = namedOf(sourceKey);
  const tgt = namedOf(targetKey);
  return {
    key: `${e.type}|${sourceKey}|${targetKey}|${flags}`,
    kind: `${e.type}|${flags}`,
    named: src.length + tgt.length > 0,
    src,
    tgt,
  };
}

/**
 * Whether two mentions (their keys and date values) can meet in `EventMerger`: the same kind and compatible
 * dates, and either a key naming no actor with the same date (such mentions merge only on equal dates), or a named
 * actor in common on the same side (a merge of one key, or a fold of the one naming fewer into the other).
 * A cluster's date is always one of its mentions' dates, so two clusters that meet have two mentions that do.
 */
export function mayMeet(a: MergeKey, ad: string | null, b: MergeKey, bd: string | null): boolean {
  if (a.kind !== b.kind || !compatibleDates(ad, bd)) return false;
  if (a.key === b.key && !a.named) return ad === bd;
  return a.src.some((k) => b.src.includes(k)) || a.tgt.some((k) => b.tgt.includes(k));
}

export { compatibleDates };

export class EventMerger<R> {
  private readonly clusters: Array<Cluster<R>> = [];
  private readonly byKey = new Map<string, Array<Cluster<R>>>();
  /** Actor lists' keys, by list: a packed table hands out one list object per distinct list of actors. */
  private readonly sideKeys = new WeakMap<readonly EventActorRef[], string>();

  constructor(private readonly actorKeys: ReadonlyMap<string, string>) {}

  private partiesKey(source: readonly EventActorRef[], target: readonly EventActorRef[]): string {
    if (target.length === 0) return this.sideKey(source);
    if (source.length === 0) return this.sideKey(target);
    return [...new Set([...this.sideKey(source).split('+'), ...this.sideKey(target).split('+')])]
      .filter((k) => k)
      .sort()
      .join('+');
  }

  private sideKey(actors: readonly EventActorRef[]): string {
    let key = this.sideKeys.get(actors);
    if (key === undefined) this.sideKeys.set(actors, (key = actorsKey(actors, this.actorKeys)));
    return key;
  }

  /**
   * Add one mention's event, remembered by `ref`; `article` names the article it comes from (an undated mention
   * joins a dated event that names more actors only within its own article).
   */
  add(e: EventMentionCore, ref: R, article?: string | number): void {
    // A meeting is one event whoever is named as visitor or host: its parties, in any role, identify it ("A met B",
    // "B hosted A", "A and B held talks" are one summit).
    const meeting = e.type === 'CONSULT';
    const sourceKey = meeting ? this.partiesKey(e.source, e.target) : this.sideKey(e.source);
    const targetKey = meeting ? '' : this.sideKey(e.target);
    // A plan, a denial or a possibility is not the act: the mode is part of what must agree.
    const flags = `${e.negated ? 'N' : ''}${e.hypothetical ? 'H' : ''}${e.mode ? `:${e.mode}` : ''}`;
    const key = `${e.type}|${sourceKey}|${targetKey}|${flags}`;
    const date = e.date?.value ?? null;
    const list = this.byKey.get(key);
    // Generic actors alone ("police" → "protesters") say little about which event it is: such mentions merge only
    // when their dates are equal, an undated one never joins a dated one.
    const named = /(^|\+)(?!name:)[^+]/.test(sourceKey) || /(^|\+)(?!name:)[^+]/.test(targetKey);
    const c =
      list?.find((x) => x.date === date) ?? (named ? list?.find((x) => compatibleDates(x.date, date)) : undefined);
    if (c) {
      if (c.date === null || (date !== null && date.length > c.date.length)) c.date = date;
      c.refs.push(ref);
      if (!c.articles.includes(article)) c.articles.push(article);
      return;
    }
    // Most events have one or two mentions: lists made with their first element are sized to it (an empty
    // array's first push reserves room for 17), which keeps a type's clusters about half as big.
    const fresh: Cluster<R> = {
      key,
      type: e.type,
      sourceKey,
      targetKey,
      flags,
      date,
      refs: [ref],
      src: NO_ACTORS,
      tgt: NO_ACTORS,
      strength: 0,
      folded: false,
      articles: [article],
    };
    if (list) list.push(fresh);
    else this.byKey.set(key, [fresh]);
    this.clusters.push(fresh);
  }

  /**
   * Fold a cluster that names fewer actors ("the ship was boarded", "the coast guard boarded the ship") into
   * the one fuller cluster it fits: same type and flags, compatible date, and every named actor it has also
   * in the fuller one. A side with no named actor (empty, or only group nouns like "coast guard") fits any.
   */
  finish(): Array<MergedEvent<R>> {
    // Side keys repeat across clusters: split each once.
    const namedBy = new Map<string, readonly string[]>();
    const named = (key: string): readonly string[] => {
      let actors = namedBy.get(key);
      if (!actors) namedBy.set(key, (actors = key.split('+').filter((k) => k && !k.startsWith('name:'))));
      return actors;
    };
    // Fuller clusters indexed by each named actor on each side, and by type alone, then by date, so a look-up
    // never scans the corpus.
    const byActor = new Map<string, DatePool<R>>();
    const byType = new Map<string, DatePool<R>>();
    const poolFor = (map: Map<string, DatePool<R>>, key: string): DatePool<R> => {
      let pool = map.get(key);
      if (!pool) map.set(key, (pool = new DatePool<R>()));
      return pool;
    };
    /** The pools a cluster with named actors is filed in. */
    const poolsOf = (c: Cluster<R>): Array<DatePool<R>> => {
      const kind = `${c.type}|${c.flags}`;
      return [
        ...c.src.map((a) => poolFor(byActor, `${kind}|S|${a}`)),
        ...c.tgt.map((a) => poolFor(byActor, `${kind}|T|${a}`)),
        poolFor(byType, kind),
      ];
    };
    for (const c of this.clusters) {
      c.src = named(c.sourceKey);
      c.tgt = named(c.targetKey);
      c.strength = c.src.length + c.tgt.length;
      if (c.strength > 0) for (const pool of poolsOf(c)) pool.add(c);
    }
    const fits = (mine: readonly string[], theirs: readonly string[]): boolean => mine.every((k) => theirs.includes(k));
    const order = [...this.clusters].sort((x, y) => x.strength - y.strength);
    for (const c of order) {
      // A mention that names no actor says too little to tell which event it is: it joins none by type alone.
      if (c.strength === 0) continue;
      const kind = `${c.type}|${c.flags}`;
      const pool = c.src.length
        ? byActor.get(`${kind}|S|${c.src[0]}`)
        : c.tgt.length
          ? byActor.get(`${kind}|T|${c.tgt[0]}`)
          : byType.get(kind);
      if (!pool) continue;
      // The one fuller cluster this one fits; a vague mention ("the ship was boarded") that fits more than one
      // stays apart. An undated cluster may join a dated one; a dated one only one with a compatible date.
      let found: Cluster<R> | null = null;
      let ambiguous = false;
      const consider = (o: Cluster<R>): boolean => {
        if (o === c || o.folded) return false;
        if (o.strength <= c.strength) return false;
        if (!fits(c.src, o.src) || !fits(c.tgt, o.tgt)) return false;
        // An undated mention that names fewer actors is dated by nothing but its guess of the event: it joins a
        // dated event only from that event's own article.
        if (c.date === null && o.date !== null && !c.articles.every((a) => a !== undefined && o.articles.includes(a)))
          return false;
        if (found) return (ambiguous = true);
        found = o;
        return false;
      };
      if (c.date === null) pool.forEach(consider);
      else pool.forEachCompatible(c.date, consider);
      if (ambiguous || !found) continue;
      const into: Cluster<R> = found;
      c.folded = true;
      for (const r of c.refs) into.refs.push(r);
      for (const a of c.articles) if (!into.articles.includes(a)) into.articles.push(a);
      if (into.date === null || (c.date !== null && c.date.length > into.date.length)) {
        const was = into.date;
        into.date = c.date;
        if (into.date !== was) for (const pool of poolsOf(into)) pool.refile(into);
      }
    }
    return this.clusters.filter((c) => !c.folded);
  }
}

function exportActor(a: EventActorRef, actorKeys: ReadonlyMap<string, string>): ExportEventActor {
  return { text: a.text, name: a.name, code: a.code, id: (a.actorKey ? actorKeys.get(a.actorKey) : undefined) ?? null };
}

/** How much a mention says about its event: the attributes it gives and the sides it names. */
const detailOf = (m: EventMentionRecord): number =>
  Object.keys(m.event.attributes).length + (m.event.source.length ? 1 : 0) + (m.event.target.length ? 1 : 0);

/**
 * The order an event's mentions are exported in: the fullest account first (the evidence an analyst is shown first
 * is the report that says the most: "fired three ballistic missiles into X" before "is monitoring the launches"),
 * then first reported first (an undated report last), then by article and position. It does not depend on the
 * order they were read in, so neither does the export.
 */
function mentionOrder(a: EventMentionRecord, b: EventMentionRecord): number {
  const da = detailOf(a);
  const db = detailOf(b);
  if (da !== db) return db - da;
  const ra = a.event.reported?.value ?? null;
  const rb = b.event.reported?.value ?? null;
  if (ra !== rb) {
    if (ra === null) return 1;
    if (rb === null) return -1;
    return ra < rb ? -1 : 1;
  }
  if (a.articleId !== b.articleId) return a.articleId < b.articleId ? -1 : 1;
  return a.event.evidence.start - b.event.evidence.start;
}

/**
 * The exported corpus event of a merged event, given its mentions. Its sides are those of the first mention (in
 * `mentionOrder`) that names both with a resolved actor on each, else the first that names both, else the first:
 * "the navy chief sanctioned by the United States" folded into "the United States imposed sanctions on Veskaria's
 * navy commander" must not show a bare "navy chief" as the target. A meeting's parties join it in any role, so
 * which one is the source must not depend on the order the mentions are read in.
 */
export function exportEvent(
  c: Pick<MergedEvent<unknown>, 'key' | 'type' | 'date'>,
  mentions: readonly EventMentionRecord[],
  actorKeys: ReadonlyMap<string, string>,
): ExportEvent {
  const ms = [...mentions].sort(mentionOrder);
  const resolved = (side: readonly EventActorRef[]): boolean => side.some((x) => x.actorKey);
  const first =
    ms.find((m) => resolved(m.event.source) && resolved(m.event.target)) ??
    ms.find((m) => m.event.source.length && m.event.target.length) ??
    ms[0]!;
  const ids = (actors: readonly EventActorRef[]): string[] => [
    ...new Set(actors.map((a) => (a.actorKey ? actorKeys.get(a.actorKey) : undefined)).filter((x): x is string => !!x)),
  ];
  const names = (actors: readonly EventActorRef[]): string[] => [...new Set(actors.map((a) => a.name))];
  const dated = mergedDate(ms.map((m) => m.event));
  const location = mostCommon(ms.map((m) => m.event.location?.name).filter((x): x is string => !!x));
  const mode = mostCommon(ms.map((m) => m.event.mode).filter((x): x is string => x !== null));
  const attributes: Record<string, unknown> = {};
  // Lists (participants, missile classes) are the union over the mentions; any other value is the one most mentions
  // give (several reports agreeing outweigh one); a tie goes to the fullest account (the mention that gives the most
  // attributes: "fired three ballistic missiles into X" over "missile launches in Y"), then to the mentions' order.
  const given = new Map<string, Map<string, { value: unknown; n: number; detail: number }>>();
  for (const m of ms) {
    for (const [k, v] of Object.entries(m.event.attributes)) {
      if (v === undefined || v === null) continue;
      const have = attributes[k];
      if (Array.isArray(v) && (have === undefined || Array.isArray(have))) {
        attributes[k] = [...new Set([...((have as unknown[] | undefined) ?? []), ...v])];
        continue;
      }
      if (have === undefined) attributes[k] = v;
      const values = given.get(k) ?? new Map<string, { value: unknown; n: number; detail: number }>();
      given.set(k, values);
      const key = JSON.stringify(v);
      const detail = Object.keys(m.event.attributes).length;
      const seen = values.get(key);
      if (seen) {
        seen.n++;
        seen.detail = Math.max(seen.detail, detail);
      } else values.set(key, { value: v, n: 1, detail });
    }
  }
  for (const [k, values] of given) {
    if (Array.isArray(attributes[k])) continue;
    let best: { value: unknown; n: number; detail: number } | null = null;
    for (const c of values.values()) if (!best || c.n > best.n || (c.n === best.n && c.detail > best.detail)) best = c;
    if (best) attributes[k] = best.value;
  }
  const seen = new Set<string>();
  const evidence = [];
  for (const m of ms) {
    const k = `${m.articleId}:${m.event.evidence.start}`;
    if (seen.has(k)) continue;
    seen.add(k);
    evidence.push({ articleId: m.articleId, start: m.event.evidence.start, end: m.event.evidence.end });
  }
  return {
    id: stableId(`${c.key}|${c.date ?? ''}`),
    type: c.type,
    sourceIds: ids(first.event.source),
    targetIds: ids(first.event.target),
    source: names(first.event.source),
    target: names(first.event.target),
    date: dated?.date?.value ?? null,
    datePrecision: dated?.date?.precision ?? null,
    dateFrom: dated?.dateFrom ?? null,
    dateRange: dated?.dateRange ?? null,
    reported: dated?.reported?.value ?? null,
    location,
    articleIds: [...new Set(ms.map((m) => m.articleId))],
    evidence,
    attributes,
    mode,
    negated: first.event.negated,
    hypothetical: first.event.hypothetical,
    mentions: evidence.length,
    sourceActors: first.event.source.map((a) => exportActor(a, actorKeys)),
    targetActors: first.event.target.map((a) => exportActor(a, actorKeys)),
  };
}

/** Merge a stream of event mentions into corpus events. */
export function mergeEvents(
  mentions: Iterable<EventMentionRecord>,
  actorKeys: ReadonlyMap<string, string>,
): ExportEvent[] {
  const merger = new EventMerger<EventMentionRecord>(actorKeys);
  for (const m of mentions) merger.add(m.event, m, m.articleId);
  return merger.finish().map((c) => exportEvent(c, c.refs, actorKeys));
}
