import type { DateValue, EventLocation, EventMention } from '../model/index.js';
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
  type: 0, orderDate: 1, seq: 2, idx: 3, source: 4, target: 5, date: 6, location: 7, mode: 8, attributes: 9,
  evidenceStart: 10, evidenceEnd: 11, flags: 12,
} as const;
const WIDTH = 13;
const NEGATED = 1;
const HYPOTHETICAL = 2;

/** One stored event mention, as the store's event_mentions table has it. */
export interface StoredMention {
  /** The article's seq and the mention's position in it. */
  seq: number;
  idx: number;
  /** The `type` and `date` columns, which the store orders a type's mentions by. */
  type: string;
  date: string | null;
  event: EventMention;
}

export class EventMentionTable {
  private readonly rows = new IntList();
  private readonly types = new Interner<string>();
  private readonly orderDates = new Interner<string>();
  private readonly actorLists = new Interner<readonly EventActorRef[]>();
  private readonly dates = new Interner<DateValue>();
  private readonly locations = new Interner<Pick<EventLocation, 'name'>>();
  private readonly modes = new Interner<string>();
  private readonly attributes = new Interner<Record<string, unknown>>();

  get size(): number {
    return this.rows.length / WIDTH;
  }

  add(m: StoredMention): void {
    const e = m.event;
    const row = [
      this.types.id(m.type, m.type),
      m.date === null ? -1 : this.orderDates.id(m.date, m.date),
      m.seq,
      m.idx,
      this.actorList(e.source),
      this.actorList(e.target),
      e.date === null ? -1 : this.dates.id(`${e.date.value}\u0000${e.date.precision}`, { value: e.date.value, precision: e.date.precision }),
      e.location === null ? -1 : this.locations.id(e.location.name, { name: e.location.name }),
      e.mode === null ? -1 : this.modes.id(e.mode, e.mode),
      // Shared between mentions: export only reads attribute values, never changes them.
      this.attributes.id(JSON.stringify(e.attributes), e.attributes),
      e.evidence.start,
      e.evidence.end,
      (e.negated ? NEGATED : 0) | (e.hypothetical ? HYPOTHETICAL : 0),
    ];
    for (const v of row) this.rows.push(v);
  }

  private actorList(actors: readonly EventActorRef[]): number {
    const refs = actors.map((a): EventActorRef => ({ text: a.text, name: a.name, code: a.code, actorKey: a.actorKey }));
    return this.actorLists.id(JSON.stringify(refs), refs);
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
    return {
      type: this.types.value(this.field(i, F.type)) as EventMention['type'],
      mode: mode < 0 ? null : this.modes.value(mode),
      source: this.actorLists.value(this.field(i, F.source)),
      target: this.actorLists.value(this.field(i, F.target)),
      date: date < 0 ? null : this.dates.value(date),
      location: location < 0 ? null : this.locations.value(location),
      negated: (flags & NEGATED) !== 0,
      hypothetical: (flags & HYPOTHETICAL) !== 0,
      attributes: this.attributes.value(this.field(i, F.attributes)),
      evidence: { start: this.field(i, F.evidenceStart), end: this.field(i, F.evidenceEnd) },
    };
  }

  /**
   * Each type's mentions (by number), types in the store's order and mentions in (date, article, position)
   * order, undated first: the order of `ORDER BY type, date, article_seq, idx` on the store.
   */
  *byType(): Generator<{ type: string; mentions: Int32Array }> {
    const dateRank = new Int32Array(this.orderDates.size);
    sortBinary(Array.from({ length: this.orderDates.size }, (_, d) => this.orderDates.value(d))).forEach((date, rank) => {
      dateRank[this.orderDates.id(date, date)] = rank + 1;
    });
    const rank = (i: number): number => {
      const d = this.field(i, F.orderDate);
      return d < 0 ? 0 : dateRank[d]!;
    };
    const byType = Array.from({ length: this.types.size }, () => new IntList());
    for (let i = 0; i < this.size; i++) byType[this.field(i, F.type)]!.push(i);
    for (const type of sortBinary(Array.from({ length: this.types.size }, (_, t) => this.types.value(t)))) {
      const mentions = byType[this.types.id(type, type)]!.done();
      mentions.sort((a, b) => rank(a) - rank(b) || this.seq(a) - this.seq(b) || this.field(a, F.idx) - this.field(b, F.idx));
      yield { type, mentions };
    }
  }
}
