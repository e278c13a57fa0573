import type { DateEvidence } from '../model/index.js';
import { MONTH_ABBREVIATIONS, MONTH_NAMES, monthNumber } from '../model/lexicon/index.js';

/**
 * Full dates written in captions ("… in Busan, South Korea, March 12, 2026.", "12 March 2026",
 * "2026-03-12"): dated evidence of when the pictures — and so the story — were taken.
 */
const MONTH_RE = `(${[...MONTH_NAMES, ...MONTH_ABBREVIATIONS].join('|')})\\.?`;
const MDY = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'gi');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+((?:19|20)\\d\\d)\\b`, 'gi');
const ISO = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g;

function make(y: number, m: number, d: number, evidence: string, from: DateEvidence['from']): DateEvidence | null {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  const value = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { value, precision: 'day', from, evidence };
}

/** Every full calendar date (day, month and year written) in a line of text. */
export function fullDates(text: string, from: DateEvidence['from']): DateEvidence[] {
  const out: DateEvidence[] = [];
  for (const m of text.matchAll(MDY)) {
    const e = make(Number(m[3]), monthNumber(m[1]!), Number(m[2]), text, from);
    if (e) out.push(e);
  }
  for (const m of text.matchAll(DMY)) {
    const e = make(Number(m[3]), monthNumber(m[2]!), Number(m[1]), text, from);
    if (e) out.push(e);
  }
  for (const m of text.matchAll(ISO)) {
    const e = make(Number(m[1]), Number(m[2]), Number(m[3]), text, from);
    if (e) out.push(e);
  }
  return out;
}

/** Dates in a caption — except file photos, whose dates are of old pictures, not of the story. */
export function datesInCaption(caption: string): DateEvidence[] {
  if (/\bfile (?:photo|picture|image|footage)\b|^\s*FILE\b|\/File\b/i.test(caption)) return [];
  return fullDates(caption, 'caption');
}
