import type { DateValue, EventLocation, EventMention, FactDateSource } from '../model/index.js';
import type { EventActorRef, EventMentionCore } from './events.js';
import { IntList, Interner, sortBinary } from './packed.js';

/**
 * A corpus's event mentions, packed for resolving: what merging and export read of each mention, as a row of
 * 32-bit integers, with actor lists, dates, locations, modes and attributes kept once each (~60 bytes a
 * mention instead of ~2 KB as a parsed object). It is filled in one sequential pass over the store, so each
 * mention is read and parsed once, then visited one type at a time in the order the merger needs.
 */

/** Where each field sits in a mention's row (-1 stands for none/null). */
const F = {
  type: 0,
  seq: 1,
  idx: 2,
  source: 3,
  target: 4,
  date: 5,
  location: 6,
  mode: 7,
  attributes: 8,
  evidenceStart: 9,
  evidenceEnd: 10,
  flags: 11,
  dateFrom: 12,
  dateRange: 13,
  reported: 14,
} as const;
const WIDTH = 15;

/**
 * A list of actors as a key: each field length-prefixed, so no two lists share one whatever their text holds
 * (~5x quicker than JSON.stringify of the projected actors, which was a quarter of filling the table).
 */
function actorListKey(actors: readonly EventActorRef[]): string {
  let key = '';
  for (const a of actors)
    key += `${a.text.length}:${a.text}${a.name.length}:${a.name}${a.code.length}:${a.code}${a.actorKey === null ? '-' : `${a.actorKey.length}:${a.actorKey}`};`;
  return key;
}
const NEGATED = 1;
const HYPOTHETICAL = 2;

/** One stored event mention: its article's seq, its position in the article, and the mention. */
export interface StoredMention {
  seq: number;
  idx: number;
  event: EventMention;
}

export class EventMentionTable {
  private readonly rows = new IntList();
  private readonly types = new Interner<EventMention['type']>();
  private readonly actorLists = new Interner<readonly EventActorRef[]>();
  private readonly dates = new Interner<DateValue>();
  private readonly locations = new Interner<Pick<EventLocation, 'name'>>();
  private readonly modes = new Interner<string>();
  private readonly attributes = new Interner<Record<string, unknown>>();
  private readonly dateSources = new Interner<FactDateSource>();
  private readonly ranges = new Interner<{ start: string; end: string }>();

  get size(): number {
    return this.rows.length / WIDTH;
  }

  add(m: StoredMention): void {
    const e = m.event;
    const r = this.rows;
    r.push(this.types.id(e.type, e.type));
    r.push(m.seq);
    r.push(m.idx);
    r.push(this.actorList(e.source));
    r.push(this.actorList(e.target));
    r.push(this.dateId(e.date));
    r.push(e.location === null ? -1 : this.locations.id(e.location.name, { name: e.location.name }));
    r.push(e.mode === null ? -1 : this.modes.id(e.mode, e.mode));
    // Shared between mentions: export only reads attribute values, never changes them.
    r.push(this.attributes.id(JSON.stringify(e.attributes), e.attributes));
    r.push(e.evidence.start);
    r.push(e.evidence.end);
    r.push((e.negated ? NEGATED : 0) | (e.hypothetical ? HYPOTHETICAL : 0));
    r.push(e.dateFrom ? this.dateSources.id(e.dateFrom, e.dateFrom) : -1);
    r.push(e.dateRange ? this.ranges.id(`${e.dateRange.start}/${e.dateRange.end}`, e.dateRange) : -1);
    r.push(this.dateId(e.reported ?? null));
  }

  private dateId(d: DateValue | null): number {
    return d === null
      ? -1
      : this.dates.id(`${d.value}\u0000${d.precision}`, { value: d.value, precision: d.precision });
  }

  private actorList(actors: readonly EventActorRef[]): number {
    const key = actorListKey(actors);
    const id = this.actorLists.lookup(key);
    if (id !== undefined) return id;
    return this.actorLists.id(
      key,
      actors.map((a): EventActorRef => ({ text: a.text, name: a.name, code: a.code, actorKey: a.actorKey })),
    );
  }

  private field(i: number, f: number): number {
    return this.rows.get(i * WIDTH + f);
  }

  /** The article seq of mention `i`. */
  seq(i: number): number {
    return this.field(i, F.seq);
  }

  /** Mention `i` as merging and export read it. */
  mention(i: number): EventMentionCore {
    const date = this.field(i, F.date);
    const location = this.field(i, F.location);
    const mode = this.field(i, F.mode);
    const flags = this.field(i, F.flags);
    const dateFrom = this.field(i, F.dateFrom);
    const range = this.field(i, F.dateRange);
    const reported = this.field(i, F.reported);
    return {
      type: this.types.value(this.field(i, F.type)) as EventMention['type'],
      mode: mode < 0 ? null : this.modes.value(mode),
      source: this.actorLists.value(this.field(i, F.source)),
      target: this.actorLists.value(this.field(i, F.target)),
      date: date < 0 ? null : this.dates.value(date),
      dateFrom: dateFrom < 0 ? null : this.dateSources.value(dateFrom),
      dateRange: range < 0 ? null : this.ranges.value(range),
      reported: reported < 0 ? null : this.dates.value(reported),
      location: location < 0 ? null : this.locations.value(location),
      negated: (flags & NEGATED) !== 0,
      hypothetical: (flags & HYPOTHETICAL) !== 0,
      attributes: this.attributes.value(this.field(i, F.attributes)),
      evidence: { start: this.field(i, F.evidenceStart), end: this.field(i, F.evidenceEnd) },
    };
  }

  /**
   * Each type's mentions (by number), types in the store's order and mentions in (date, article, position)
   * order, undated first: the order of `ORDER BY type, date, article_seq, idx` on event_mentions, whose type
   * and date columns the writer copies from each mention.
   */
  *byType(): Generator<{ type: string; mentions: Int32Array }> {
    const dateRank = this.dateRanks();
    const rank = (i: number): number => {
      const d = this.field(i, F.date);
      return d < 0 ? 0 : dateRank[d]!;
    };
    const byType = Array.from({ length: this.types.size }, () => new IntList());
    for (let i = 0; i < this.size; i++) byType[this.field(i, F.type)]!.push(i);
    for (const type of sortBinary(Array.from({ length: this.types.size }, (_, t) => this.types.value(t)))) {
      const mentions = byType[this.types.lookup(type)!]!.done();
      mentions.sort(
        (a, b) => rank(a) - rank(b) || this.seq(a) - this.seq(b) || this.field(a, F.idx) - this.field(b, F.idx),
      );
      yield { type, mentions };
    }
  }

  /** Each interned date's rank among the distinct date values (from 1; equal values share a rank). */
  private dateRanks(): Int32Array {
    const values = Array.from({ length: this.dates.size }, (_, d) => this.dates.value(d).value);
    const rankOf = new Map(sortBinary(new Set(values)).map((v, i) => [v, i + 1]));
    return Int32Array.from(values, (v) => rankOf.get(v)!);
  }
}
