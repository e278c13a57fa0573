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
  /** The earliest day an article reported it. */
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

/**
 * The date of a fact from its mentions: the best-dated mention's date with its source and days — the
 * date its own sentence gives before one carried or taken from an article's day (a report a day later would
 * otherwise move the event to its own day), then the most precise, then the one most mentions agree on,
 * then the earliest (whatever order the mentions come in). `reported` is the earliest reporting day: when the fact was first told.
 */
export function mergedDate(mentions: Iterable<MentionDate>): MergedDate {
  interface Option {
    key: string;
    m: MentionDate;
    n: number;
  }
  const options = new Map<string, Option>();
  let reported: DateValue | null = null;
  for (const m of mentions) {
    if (m.reported && (reported === null || earlier(m.reported.value, reported.value))) reported = m.reported;
    if (m.date === null) continue;
    // Every field the result takes is in the key, so the choice never depends on the mentions' order.
    const range = m.dateRange ? `${m.dateRange.start}/${m.dateRange.end}` : '';
    const key = `${m.date.value}|${m.date.precision}|${m.dateFrom ?? ''}|${range}`;
    const o = options.get(key);
    if (o) o.n++;
    else options.set(key, { key, m, n: 1 });
  }
  let best: Option | null = null;
  for (const o of options.values()) if (best === null || better(o, best)) best = o;
  if (best === null) return { date: null, dateFrom: null, dateRange: null, reported };
  const m = best.m;
  return { date: m.date, dateFrom: m.dateFrom ?? null, dateRange: m.dateRange ?? null, reported };

  function better(a: Option, b: Option): boolean {
    const source = SOURCE_RANK[a.m.dateFrom ?? 'anchor'] - SOURCE_RANK[b.m.dateFrom ?? 'anchor'];
    if (source !== 0) return source > 0;
    const precision = PRECISION_RANK[a.m.date!.precision] - PRECISION_RANK[b.m.date!.precision];
    if (precision !== 0) return precision > 0;
    if (a.n !== b.n) return a.n > b.n;
    return a.key < b.key;
  }
}
