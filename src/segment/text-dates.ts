import type { DateEvidence } from '../model/index.js';
import { MONTH_ABBREVIATIONS, MONTH_NAMES, monthNumber, WEEKDAYS } from '../model/lexicon/index.js';

/**
 * Days an article's own text states without writing the year: a weekday paired with its date ("on
 * Wednesday (Sep 13)", "Wednesday, Sept. 13") and a yearless dateline ("SEOUL, Sept 13 (Reuters) -").
 * The year is never guessed: a weekday pair takes the one year, among the years the article or its dump
 * neighbours give, in which that date falls on that weekday; a bare dateline takes a hint's year only when
 * the day falls within a month of the hint (as the time stage does for the article's own evidence).
 */

const MONTH = `(${[...MONTH_NAMES, ...MONTH_ABBREVIATIONS].join('|')})\\.?`;
const WEEKDAY = `(${WEEKDAYS.map((w) => w.name).join('|')})`;
const PAIR = new RegExp(
  `\\b${WEEKDAY}\\s*(?:\\(\\s*|,\\s*)${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*(?:19|20)\\d\\d)`,
  'gi',
);
const DATELINE = new RegExp(
  `^\\s*\\p{Lu}[\\p{Lu}.'’ -]{1,40}(?:,\\s+\\p{Lu}[\\p{L}.]+(?:\\s+\\p{Lu}[\\p{L}.]+)?)?,\\s+${MONTH}\\s+(\\d{1,2})\\s*(?:\\([^)]{1,40}\\)\\s*)?(?:—|–|-|:)`,
  'iu',
);

export interface YearlessDay {
  month: number;
  day: number;
  /** ISO weekday (1 = Monday) when the text names it, else null. */
  weekday: number | null;
  evidence: string;
}

/** The weekday-date pairs of a text and a yearless dateline opening it. */
export function yearlessDays(text: string): YearlessDay[] {
  const out: YearlessDay[] = [];
  const d = DATELINE.exec(text.slice(0, 200));
  if (d) out.push({ month: monthNumber(d[1]!), day: Number(d[2]), weekday: null, evidence: d[0].trim() });
  for (const m of text.matchAll(PAIR)) {
    const weekday = WEEKDAYS.find((w) => w.name === m[1]!.toLowerCase())?.number ?? null;
    out.push({ month: monthNumber(m[2]!), day: Number(m[3]), weekday, evidence: m[0] });
  }
  return out.filter((x) => x.month >= 1 && x.day >= 1 && x.day <= 31);
}

function isoWeekday(y: number, m: number, d: number): number | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.getUTCDay() === 0 ? 7 : date.getUTCDay();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A day for a yearless mention. `hints` are dated values (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) from the
 * article first, then from its dump; a weekday pair accepts a year within one of any hint's year when that
 * year is the only one in which the date falls on the weekday; a bare date needs a hint within a month.
 */
export function resolveYearless(x: YearlessDay, hints: readonly string[]): DateEvidence | null {
  if (x.weekday !== null) {
    const years = new Set<number>();
    for (const h of hints) {
      const y = Number(h.slice(0, 4));
      for (const c of [y - 1, y, y + 1]) if (isoWeekday(c, x.month, x.day) === x.weekday) years.add(c);
    }
    if (years.size !== 1) return null;
    const [y] = [...years] as [number];
    return { value: `${y}-${pad(x.month)}-${pad(x.day)}`, precision: 'day', from: 'text', evidence: x.evidence };
  }
  for (const h of hints) {
    if (h.length < 7) continue;
    const hy = Number(h.slice(0, 4));
    const hm = Number(h.slice(5, 7));
    let year: number | null = null;
    if (hm === 1 && x.month === 12) year = hy - 1;
    else if (hm === 12 && x.month === 1) year = hy + 1;
    else if (Math.abs(hm - x.month) <= 1) year = hy;
    if (year !== null && isoWeekday(year, x.month, x.day) !== null)
      return { value: `${year}-${pad(x.month)}-${pad(x.day)}`, precision: 'day', from: 'text', evidence: x.evidence };
  }
  return null;
}
