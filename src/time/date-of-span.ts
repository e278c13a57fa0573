import type { DateValue, Doc, Span, Timex } from '../model/index.js';
import { addDays, fmtMonth, fmtYear, parsePartialDay, weekday } from './calendar.js';

/**
 * The date of an event or statement written in `span`:
 *
 * 1. a calendar time expression (DATE or TIME with a year) in the same sentence — the nearest to the
 *    span, preferring adverbials ("on/in/at …", a bare "Friday", sentence-initial or after a comma)
 *    over others ("third-quarter profit"); skipped are expressions that bound a period ("since 2011",
 *    "until May"), a year used as a modifier ("the 2000 Olympics", "a 2019 agreement"), and what is
 *    never a calendar date (durations, sets, PAST_REF, a weekday whose week the anchor cannot place);
 * 2. else the article's anchor date (the date relative expressions were resolved against), else its
 *    publication date, each at its own precision — news reports what happened by its date;
 * 3. else null: no date is guessed.
 *
 * Week-valued expressions count at month precision when the week lies within one month, else year;
 * quarters, halves and seasons at year precision.
 */
export function calendarDate(t: Pick<Timex, 'type' | 'value'>): DateValue | null {
  if (t.type !== 'DATE' && t.type !== 'TIME') return null;
  const v = t.value;
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(v);
  if (day) return { value: day[1]!, precision: 'day' };
  if (/^\d{4}-\d{2}$/.test(v)) return { value: v, precision: 'month' };
  if (/^\d{4}$/.test(v)) return { value: v, precision: 'year' };
  // A day or month not known inside a known month or year ("the next day" after "earlier this month"): its unit.
  const part = /^(\d{4})(-\d{2})?-XX(?:$|-XX$|T)/.exec(v);
  if (part) return part[2] ? { value: part[1]! + part[2], precision: 'month' } : { value: part[1]!, precision: 'year' };
  const week = /^(\d{4})-W(\d{2})/.exec(v);
  if (week) {
    const jan4 = { y: Number(week[1]), m: 1, d: 4 };
    const monday = addDays(jan4, 1 - weekday(jan4) + 7 * (Number(week[2]) - 1));
    const sunday = addDays(monday, 6);
    if (monday.y === sunday.y && monday.m === sunday.m)
      return { value: fmtMonth(monday.y, monday.m), precision: 'month' };
    return monday.y === sunday.y ? { value: fmtYear(monday.y), precision: 'year' } : null;
  }
  const period = /^(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(v);
  if (period) return { value: period[1]!, precision: 'year' };
  return null;
}

/** A bound of a period ("since 2011", "until May", "since a 2019 agreement") is not when the event happened. */
const BOUNDING =
  /\b(?:since|until|till|before|after|by|from|through|to|between)\s+(?:(?:a|an|the|its|his|her|their|last|this)\s+)?$/i;
const ADVERBIAL = /(?:\b(?:on|in|at|during|of|late|early)\s*|,\s*|^\s*)$/i;
/** A year used as a modifier inside a noun phrase ("the 2000 Olympics", "a 2019 agreement") dates that thing, not the event. */
const MODIFIER = /(?:\b(?:a|an|the|its|his|her|their|this|that)\s+)$/i;

function sentenceOf(doc: Doc, pos: number): Span | null {
  return doc.sentences.find((s) => s.start <= pos && pos < s.end) ?? null;
}

export function dateOfSpan(doc: Doc, span: Span): DateValue | null {
  const sentence = sentenceOf(doc, span.start);
  if (sentence) {
    let best: { date: DateValue; score: number } | null = null;
    for (const t of doc.timexes) {
      if (t.start < sentence.start || t.end > sentence.end) continue;
      const date = calendarDate(t);
      if (!date) continue;
      const before = doc.text.slice(Math.max(sentence.start, t.start - 24), t.start);
      if (BOUNDING.test(before)) continue;
      const after = doc.text.slice(t.end, t.end + 2);
      if (/^\d{4}$/.test(t.text) && (MODIFIER.test(before) || /^[-\s]\p{L}/u.test(after))) continue;
      const distance = t.end <= span.start ? span.start - t.end : t.start >= span.end ? t.start - span.end : 0;
      const score = distance + (ADVERBIAL.test(before) ? 0 : 200);
      if (!best || score < best.score) best = { date, score };
    }
    if (best) return best.date;
  }
  const fallback = doc.anchor ?? doc.published;
  if (fallback && parsePartialDay(fallback.value)) return { value: fallback.value, precision: fallback.precision };
  return null;
}
