import { CARDINALS, ORDINALS, TENS } from '../model/lexicon/index.js';
import { NUMBER_WORDS, ORDINAL_WORDS, VAGUE_NUMBERS } from './data/lexicon.js';

/** Regex source for a count written in digits or words ("3", "three", "twenty-five", "a", "several"). */
export const NUM =
  `(?:\\d+(?:\\.\\d+)?|(?:${TENS.join('|')})(?:[-\\s](?:${CARDINALS.slice(0, 9).join('|')})(?![\\p{L}]))?` +
  `|${CARDINALS.join('|')}` +
  '|a\\s+hundred|hundreds\\s+of|a\\s+couple\\s+of|couple\\s+of|a\\s+dozen|dozens\\s+of|half\\s+a|a\\s+few|several|few|many|a|an)';

/** Regex source for an ordinal ("third", "3rd"). */
export const ORD = `(?:${ORDINALS.slice(0, 4).join('|')}|1st|2nd|3rd|4th)`;

/** The value of a count; null when it is vague ("several", "a few"). */
export function parseCount(text: string): number | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (VAGUE_NUMBERS.has(t)) return null;
  if (Object.hasOwn(NUMBER_WORDS, t)) return NUMBER_WORDS[t]!;
  if (t === 'a hundred') return 100;
  const parts = t.split(/[-\s]/);
  if (parts.length === 2 && Object.hasOwn(NUMBER_WORDS, parts[0]!) && Object.hasOwn(NUMBER_WORDS, parts[1]!))
    return NUMBER_WORDS[parts[0]!]! + NUMBER_WORDS[parts[1]!]!;
  return null;
}

export function parseOrdinal(text: string): number | null {
  const t = text.toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(t);
  if (digits) return Number(digits[1]);
  return Object.hasOwn(ORDINAL_WORDS, t) ? ORDINAL_WORDS[t]! : null;
}
