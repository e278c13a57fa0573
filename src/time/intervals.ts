import type { Timex } from '../model/index.js';
import { WEEKDAY_NAMES } from '../model/lexicon/index.js';
import { addDays, dayDiff, fmtDay, fullDay, parsePartialDay, weekday, type Day, type PartialDay } from './calendar.js';

/**
 * Intervals written with two expressions: "from Monday to Thursday", "Tuesday through Thursday", "between
 * March 2 and March 5". TIMEX3 gives each end its own value; read one by one, a bare weekday at the end of
 * an interval can land before its start ("lasted from Monday to Thursday" on a Wednesday). An interval's
 * end is never before its start.
 */

/** What joins the two ends: "to", "through", "until", a dash, or "and" after "between". */
const JOIN = /^\s*(?:to|through|thru|until|till|and|-|–|—)\s*$/i;
const OPENS = /\b(?:from|between)\s+$/i;
/** "through", "thru" and dashes make an interval without "from". */
const JOIN_ALONE = /^\s*(?:through|thru|-|–)\s*$/i;

const WEEKDAY_ONLY = new RegExp(`^(?:${WEEKDAY_NAMES.join('|')})$`, 'i');

/** Index of the expression that ends the interval timex `i` opens, or -1. */
export function intervalEnd(text: string, timexes: readonly Timex[], i: number): number {
  const a = timexes[i];
  const b = timexes[i + 1];
  if (!a || !b || (a.type !== 'DATE' && a.type !== 'TIME') || (b.type !== 'DATE' && b.type !== 'TIME')) return -1;
  const between = text.slice(a.end, b.start);
  if (!JOIN.test(between)) return -1;
  const opened = OPENS.test(text.slice(Math.max(0, a.start - 10), a.start));
  if (!opened && !JOIN_ALONE.test(between)) return -1;
  if (/^\s*and\s*$/i.test(between) && !/\bbetween\s+$/i.test(text.slice(Math.max(0, a.start - 10), a.start))) return -1;
  return i + 1;
}

/**
 * Put each bare-weekday interval in order: when its end was read before its start, an end at or before the
 * anchor keeps its day and the start moves to the latest such weekday before it (the whole interval is past);
 * otherwise the end moves to the first such weekday after the start.
 */
export function orderIntervals(text: string, timexes: Timex[], anchor: PartialDay | null): void {
  const a = fullDay(anchor);
  for (let i = 0; i + 1 < timexes.length; i++) {
    const j = intervalEnd(text, timexes, i);
    if (j < 0) continue;
    const s = timexes[i]!;
    const e = timexes[j]!;
    if (!WEEKDAY_ONLY.test(s.text) || !WEEKDAY_ONLY.test(e.text)) continue;
    const sd = dayOf(s.value);
    const ed = dayOf(e.value);
    if (!sd || !ed || dayDiff(ed, sd) >= 0) continue;
    if (a && dayDiff(ed, a) <= 0) {
      const start = addDays(ed, -((weekday(ed) - weekday(sd) + 7) % 7));
      timexes[i] = { ...s, value: fmtDay(start) };
    } else {
      const end = addDays(sd, (weekday(ed) - weekday(sd) + 7) % 7);
      timexes[j] = { ...e, value: fmtDay(end) };
    }
  }
}

function dayOf(value: string): Day | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? fullDay(parsePartialDay(value)) : null;
}
