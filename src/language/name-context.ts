import { isCapitalized, startsLowerCase } from '../model/lexicon/index.js';
import {
  CLOCK_WORDS,
  DETERMINERS,
  ENCOUNTER_NOUNS,
  PLACE_HEAD_NOUNS,
  TIME_STANDARDS,
  TIME_ZONE_ABBREVIATIONS,
  TIME_ZONE_WORDS,
} from './data/context.js';
import { isRoleWord } from './persons.js';

/**
 * What the words around a tagged name say it is not: a time-zone label, a title without its name, a place
 * the model took for a person, a pairing of two names written as one word.
 */

/**
 * A time-zone label ("Singapore Time", "Eastern Standard Time", "10 a.m. Pacific Time"): a name ending in
 * "Time" whose other words are zone words, or a place (`isPlace` over tokens [s, e − 1)), or that follows a
 * clock time. Such labels name no actor.
 */
export function isTimeZoneLabel(
  words: readonly string[],
  s: number,
  e: number,
  isPlace: (s: number, e: number) => boolean,
): boolean {
  const before = (words[s - 1] ?? '').toLowerCase();
  // The tokenizer may split "p.m." into letters and dots: read the few tokens before as one string.
  const tail = words
    .slice(Math.max(0, s - 5), s)
    .join('')
    .toLowerCase();
  const afterClock = CLOCK_WORDS.has(before) || /^\d{1,4}([:.]\d{2})?$/.test(before) || /\d\s*[ap]\.?m\.?$/.test(tail);
  // "0200 GMT", "10 a.m. EDT": a zone abbreviation after a clock time; GMT and UTC anywhere.
  if (e - s === 1 && (TIME_STANDARDS.has(words[s]!) || (afterClock && TIME_ZONE_ABBREVIATIONS.has(words[s]!))))
    return true;
  // "6 p.m. Moscow time": after a clock time, a place followed by lower-case "time" is the zone.
  if (e - s >= 2 && words[e - 1] === 'time' && afterClock) return isPlace(s, e - 1);
  if (e - s < 2 || words[e - 1] !== 'Time') return false;
  if (afterClock) return true;
  if (TIME_ZONE_WORDS.has(words[e - 2]!.toLowerCase())) return true;
  return isPlace(s, e - 1);
}

/**
 * Titles alone ("Staff" of "Staff Sergeant", "Deputy Minister") tagged as a name: every word is a role word
 * and a capitalized word follows, so the title is written before a name.
 */
export function isTitleBeforeName(words: readonly string[], s: number, e: number, hi: number): boolean {
  for (let k = s; k < e; k++) if (!isRoleWord(words[k]!)) return false;
  return e < hi && isCapitalized(words[e]!);
}

/**
 * A place by its context: a head noun of a unit right after the name ("Kamchatka region") or in apposition
 * ("Kamchatka, a crab-producing region,": a comma, a determiner, up to three lower-case words, the noun).
 */
export function isPlaceByContext(words: readonly string[], e: number, hi: number): boolean {
  const next = (words[e] ?? '').toLowerCase();
  if (e < hi && PLACE_HEAD_NOUNS.has(next) && startsLowerCase(words[e]!)) return true;
  if (words[e] !== ',' || e + 1 >= hi || !DETERMINERS.has(words[e + 1]!.toLowerCase())) return false;
  for (let k = e + 2; k < hi && k <= e + 5; k++) {
    const w = words[k]!;
    if (!startsLowerCase(w)) return false;
    if (PLACE_HEAD_NOUNS.has(w)) return true;
  }
  return false;
}

/** The two names of a hyphenated pairing written as one token ("Trump-Kim", "Merkel–Macron"), or null. */
export function hyphenatedPair(word: string): [string, string] | null {
  const m = /^(\p{Lu}[\p{L}'’]+)[-–](\p{Lu}[\p{L}'’]+)$/u.exec(word);
  return m ? [m[1]!, m[2]!] : null;
}

/**
 * "the Kask-Brandt summit", "Moon-Kim talks": a hyphenated pair of two capitalized names used as a modifier of a noun
 * of encounter names the two parties of it, not one actor.
 */
export function isPairingModifier(words: readonly string[], s: number, e: number): boolean {
  return e - s === 1 && hyphenatedPair(words[s]!) !== null && ENCOUNTER_NOUNS.has(words[e] ?? '');
}
