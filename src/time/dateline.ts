import type { DateEvidence } from '../model/index.js';
import { capitalize, MONTH_ABBREVIATIONS, MONTH_NAMES, monthNumber } from '../model/lexicon/index.js';
import { fmtDay, isValidDay } from './calendar.js';

/**
 * The dateline that opens a wire story: "PORTAVEL, March 10 (GlobalWire) —", "KELLHAVEN, 15 March 2026 —",
 * "CANBERRA, Australia, Feb. 13 (AP) -". It says the day the story was filed; when the year is not
 * written it is taken from the article's other dated evidence (`yearHint`), or the dateline is not used.
 */
const MONTH = `(${[...MONTH_NAMES, ...MONTH_ABBREVIATIONS].map(capitalize).join('|')})\\.?`;
const PLACE = "\\p{Lu}[\\p{L}.'’ -]{1,40}?(?:,\\s+\\p{Lu}[\\p{L}.]+(?:\\s+\\p{Lu}[\\p{L}.]+)?)?";
const DATELINE = new RegExp(
  `^\\s*${PLACE},\\s+(?:${MONTH}\\s+(\\d{1,2})(?:,\\s+(\\d{4}))?|(\\d{1,2})\\s+${MONTH}(?:,?\\s+(\\d{4}))?)\\s*(?:\\([^)]{1,40}\\)\\s*)?(?:—|–|-|:)`,
  'u',
);

export interface Dateline {
  month: number;
  day: number;
  year: number | null;
  text: string;
}

export function readDateline(text: string): Dateline | null {
  const m = DATELINE.exec(text.slice(0, 200));
  if (!m) return null;
  const month = monthNumber(m[1] ?? m[5]!);
  const day = Number(m[2] ?? m[4]);
  const year = (m[3] ?? m[6]) ? Number(m[3] ?? m[6]) : null;
  if (!isValidDay(year ?? 2000, month, day)) return null;
  return { month, day, year, text: m[0].trim() };
}

/** The dateline as dated evidence; a yearless one takes the year of `yearHint` (a `YYYY…` value) when the day falls within a month of it. */
export function datelineEvidence(text: string, yearHint: string | null): DateEvidence | null {
  const d = readDateline(text);
  if (!d) return null;
  let year = d.year;
  if (year === null && yearHint) {
    const hy = Number(yearHint.slice(0, 4));
    const hm = yearHint.length >= 7 ? Number(yearHint.slice(5, 7)) : null;
    // Across a new year a December dateline belongs to the hint's previous year, a January one to its next.
    if (hm === 1 && d.month === 12) year = hy - 1;
    else if (hm === 12 && d.month === 1) year = hy + 1;
    else if (hm === null || Math.abs(hm - d.month) <= 1) year = hy;
  }
  if (year === null || !isValidDay(year, d.month, d.day)) return null;
  return { value: fmtDay({ y: year, m: d.month, d: d.day }), precision: 'day', from: 'text', evidence: d.text };
}
