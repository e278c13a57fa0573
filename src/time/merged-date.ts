import type { DateValue, FactDateSource, Precision } from '../model/index.js';

/** What the date of one mention of a fact says: its date, where the date came from, its days, its article's date. */
export interface MentionDate {
  date: DateValue | null;
  dateFrom?: FactDateSource | null;
  dateRange?: { start: string; end: string } | null;
  reported?: DateValue | null;
}

/** The two dates of a fact told in several mentions (an event merged across sentences and articles). */
export interface MergedDate {
  date: DateValue | null;
  dateFrom: FactDateSource | null;
  dateRange: { start: string; end: string } | null;
  /** The day the best-dated mentions were first reported; for an undated fact, the first day it was reported. */
  reported: DateValue | null;
}

/**
 * An expression of the fact's own sentence says when it happened; a date carried from the sentence before
 * is an inference; the article's anchor only says when the news was told. A mention made before the source
 * was kept (no `dateFrom`) counts as an anchor date: it may be one.
 */
const SOURCE_RANK: Readonly<Record<FactDateSource, number>> = { sentence: 3, carried: 2, anchor: 1 };
const PRECISION_RANK: Readonly<Record<Precision, number>> = { day: 3, month: 2, year: 1 };

/** Whether reporting day `a` is before `b`; of a month and a day in it, the day (it says more). */
function earlier(a: string, b: string): boolean {
  if (b.startsWith(a)) return false;
  if (a.startsWith(b)) return true;
  return a < b;
}

/** The mentions that give one date from one source: how many, their first reporting day, their days. */
interface Option {
  key: string;
  date: DateValue;
  dateFrom: FactDateSource | null;
  n: number;
  reported: DateValue | null;
  /** The smallest of the day ranges the mentions give (`start/end`), or null when none gives one. */
  range: string | null;
}

/**
 * The date of a fact from its mentions: the best-dated one's — the date its own sentence gives before one
 * carried or taken from an article's day (a report a day later would otherwise move the event to its own
 * day), then the most precise, then the one most mentions give, then the earliest — with its source, its days
 * and the day it was first reported. Nothing depends on the order the mentions come in (a store finished
 * after a kill reads them in another order and must export the same events).
 */
export function mergedDate(mentions: Iterable<MentionDate>): MergedDate {
  const options = new Map<string, Option>();
  let firstReported: DateValue | null = null;
  for (const m of mentions) {
    const rep = m.reported ?? null;
    if (rep && (firstReported === null || earlier(rep.value, firstReported.value))) firstReported = rep;
    if (m.date === null) continue;
    const key = `${m.date.value}|${m.date.precision}|${m.dateFrom ?? ''}`;
    const range = m.dateRange ? `${m.dateRange.start}/${m.dateRange.end}` : null;
    const o = options.get(key);
    if (!o) {
      options.set(key, { key, date: m.date, dateFrom: m.dateFrom ?? null, n: 1, reported: rep, range });
      continue;
    }
    o.n++;
    if (rep && (o.reported === null || earlier(rep.value, o.reported.value))) o.reported = rep;
    if (range !== null && (o.range === null || range < o.range)) o.range = range;
  }
  let best: Option | null = null;
  for (const o of options.values()) if (best === null || better(o, best)) best = o;
  if (best === null) return { date: null, dateFrom: null, dateRange: null, reported: firstReported };
  // A coarse date the sentence states ("earlier this week" → the month) is refined by a finer date another mention
  // gives inside it (and inside the days the expression spans, if it gives them): the two agree, and the finer one
  // says more. A date outside it is a different claim and does not refine it. A date from a weaker source (an
  // article's day, a date carried from another sentence) refines it only when the expression gives the days it
  // spans: without them the article's day tells when the news was told, not that the stated year or month was it.
  let finer: Option | null = null;
  const rank = SOURCE_RANK[best.dateFrom ?? 'anchor'];
  if (best.date.precision !== 'day')
    for (const o of options.values()) {
      const d = o.date.value;
      if (PRECISION_RANK[o.date.precision] <= PRECISION_RANK[best.date.precision] || !d.startsWith(best.date.value))
        continue;
      if (SOURCE_RANK[o.dateFrom ?? 'anchor'] < rank && best.range === null) continue;
      const [from, to] = best.range?.split('/') ?? [];
      if (from && to && (d < from.slice(0, d.length) || d > to.slice(0, d.length))) continue;
      const gain = finer === null ? 1 : PRECISION_RANK[o.date.precision] - PRECISION_RANK[finer.date.precision];
      if (gain > 0 || (gain === 0 && better(o, finer!))) finer = o;
    }
  if (finer) best = finer;
  const [start, end] = best.range?.split('/') ?? [];
  return {
    date: best.date,
    dateFrom: best.dateFrom,
    dateRange: start && end ? { start, end } : null,
    reported: best.reported,
  };
}

function better(a: Option, b: Option): boolean {
  const source = SOURCE_RANK[a.dateFrom ?? 'anchor'] - SOURCE_RANK[b.dateFrom ?? 'anchor'];
  if (source !== 0) return source > 0;
  const precision = PRECISION_RANK[a.date.precision] - PRECISION_RANK[b.date.precision];
  if (precision !== 0) return precision > 0;
  if (a.n !== b.n) return a.n > b.n;
  return a.key < b.key;
}
