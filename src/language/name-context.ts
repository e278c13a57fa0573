import { isCapitalized, startsLowerCase } from '../model/lexicon/index.js';
import {
  BUILDING_NOUNS,
  CLOCK_WORDS,
  DETERMINERS,
  ENCOUNTER_NOUNS,
  FEATURE_OF_NOUNS,
  FIRM_NOUNS,
  PLACE_HEAD_NOUNS,
  POST_NOMINALS,
  TIME_STANDARDS,
  TIME_ZONE_ABBREVIATIONS,
  TIME_ZONE_WORDS,
  TRADE_WORDS,
  WORKS_NOUNS,
} from './data/context.js';
import { GEO_FEATURE_WORDS, ROLE_SECTORS } from './data/roles.js';
import { isRoleWord, roleAfter } from './persons.js';

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

/**
 * A works, a firm or a building by its head noun: the name's own last word ("Vesely Aircraft Plant", "Ilse Brandt
 * Arena", "Kerr Advisors"), or lower-case words right after a name used as a modifier ("the Gorbenko
 * aviation plant", "the Sable oil rig", "of Holt Maren consultants"). Returns the type (ORG for works and
 * firms, LOC for buildings and installations) and the end of the facility's name, or null. Such names are named
 * after people or places but are neither.
 */
export function facilityName(
  words: readonly string[],
  s: number,
  e: number,
  hi: number,
  place = false,
): { type: 'ORG' | 'LOC'; end: number } | null {
  const kind = (w: string): 'ORG' | 'LOC' | null =>
    WORKS_NOUNS.has(w) || FIRM_NOUNS.has(w) ? 'ORG' : BUILDING_NOUNS.has(w) ? 'LOC' : null;
  const last = words[e - 1]!;
  if (e - s >= 2 && isCapitalized(last)) {
    const k = kind(last.toLowerCase()) ?? NAME_HEADS.get(last.toLowerCase()) ?? null;
    if (k) return { type: k, end: e };
  }
  // A place the model named stays the place: only its own last word can make it a facility.
  if (place) return null;
  // A name used as a modifier stands after a determiner, a possessive or "of"/"at".
  const before = (words[s - 1] ?? '').toLowerCase();
  if (!(DETERMINERS.has(before) || before === "'s" || before === '’s' || before === 'of' || before === 'at'))
    return null;
  let k = e;
  while (k < hi && k - e < 2 && TRADE_WORDS.has(words[k]!)) k++;
  const head = words[k] ?? '';
  // Lower-case "works" after a name is mostly the plural of "work" ("the Picasso works on show").
  if (k >= hi || !startsLowerCase(head) || head === 'works') return null;
  const type = kind(head);
  if (!type) return null;
  // The head noun must close the noun phrase. After a head that is also a common verb ("plant", "mill", "works") only
  // the end of the sentence, punctuation, a capitalized word, a preposition or a conjunction may follow, unless a
  // trade word before it makes it clearly a noun ("the Gorbenko aviation plant struck"; not "the Orvik plant manager").
  const next = words[k + 1];
  if (k + 1 >= hi || next === undefined || !startsLowerCase(next) || NP_CLOSERS.has(next)) return { type, end: k + 1 };
  return k > e || !VERB_LIKE_HEADS.has(head) ? { type, end: k + 1 } : null;
}

/**
 * Heads that are mostly other words in lower case ("well" the adverb, "room" the space, "associates" a person's
 * companions) and name a facility or a firm only capitalized as the name's own last word ("the Teal Room", "Kerr
 * Associates").
 */
const NAME_HEADS: ReadonlyMap<string, 'ORG' | 'LOC'> = new Map([
  ['room', 'LOC'],
  ['well', 'LOC'],
  ['associates', 'ORG'],
]);

/** Prepositions and conjunctions that end a noun phrase before them. */
const NP_CLOSERS: ReadonlySet<string> = new Set([
  'of',
  'in',
  'at',
  'on',
  'near',
  'outside',
  'inside',
  'for',
  'from',
  'to',
  'by',
  'with',
  'into',
  'under',
  'over',
  'after',
  'before',
  'since',
  'until',
  'during',
  'and',
  'or',
  'but',
  'that',
  'which',
  'where',
]);

/** Head nouns of works and installations that are also common verbs ("plant trees", "mills grain"). */
const VERB_LIKE_HEADS: ReadonlySet<string> = new Set([
  'plant',
  'plants',
  'works',
  'mill',
  'mine',
  'mines',
  'dam',
  'rig',
  'station',
]);

/**
 * A title alone tagged as a name: every word a role word with at least one role head ("Deputy Minister",
 * "Director"), or a title adjective before a lower-case role word ("Foreign" of "Foreign ministry spokesman").
 * A one-word title that is also a family name or names one person in context (Major, King, Queen, Pope …) is
 * left to the model.
 */
export function isTitleAlone(words: readonly string[], s: number, e: number): boolean {
  if (e - s >= 2) return roleAfter(words, s, e) === e;
  const w = words[s]!.toLowerCase();
  if (ROLE_SECTORS.has(w)) return !PERSONAL_TITLES.has(w);
  return TITLE_ADJECTIVES.has(w) && startsLowerCase(words[e] ?? '') && isRoleWord(words[e]!);
}

/** One-word titles that are also family names or name one person in context. */
const PERSONAL_TITLES: ReadonlySet<string> = new Set([
  'major',
  'marshal',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'emperor',
  'empress',
  'sultan',
  'emir',
  'speaker',
  'judge',
  'bishop',
  'general',
  'private',
]);

/** Adjectives that open a title ("Foreign Minister", "Defence Secretary", "Presidential spokesman"). */
const TITLE_ADJECTIVES: ReadonlySet<string> = new Set(['foreign', 'defence', 'defense', 'presidential']);

/** A post-nominal degree after a name and a comma ("Ana Ruiz, MD"). */
export function isPostNominal(words: readonly string[], s: number, e: number): boolean {
  return e - s === 1 && words[s - 1] === ',' && POST_NOMINALS.has(words[s]!);
}

/**
 * A rank or title of two or more words opening a span the model did not call a person ("Air Marshal Ketut
 * Wirawan" tagged ORG): the title, then one to three capitalized words, is a person with that title.
 */
export function opensWithTitle(words: readonly string[], s: number, e: number): boolean {
  const re = roleAfter(words, s, e);
  if (re < s + 2 || re >= e || e - re > 3) return false;
  for (let k = s; k < e; k++) if (!isCapitalized(words[k]!)) return false;
  return true;
}

/** Natural features whose name ends in the feature noun ("Gulf Coast", "Niger Delta"). */
const NATURAL_FEATURES: ReadonlySet<string> = new Set(
  [...GEO_FEATURE_WORDS].filter(
    (w) =>
      ![
        'border',
        'zone',
        'dmz',
        'corridor',
        'pass',
        'range',
        'sound',
        'plain',
        'channel',
        'port',
        'street',
        'avenue',
        'airport',
        'bridge',
        'square',
        'harbour',
        'harbor',
        'mount',
        'mt',
        'mt.',
        'cape',
      ].includes(w),
  ),
);

/**
 * A geographic feature by its own name: "Gulf of Mexico", "Sea of Japan" (a feature noun and "of"), or a name of two
 * or more words ending in a natural feature's noun ("Gulf Coast", "Niger Delta"). Such names are places.
 */
export function isFeatureName(words: readonly string[], s: number, e: number): boolean {
  // The head of "A of B" is A: "Gulf of Mexico" is a gulf, "University of Skarn Island" a university; the feature's
  // "of" phrase must end the name ("Gulf of Varna Fishery Board" is headed by "Board").
  for (let k = s; k + 2 < e && k <= s + 1; k++)
    if (isCapitalized(words[k]!) && FEATURE_OF_NOUNS.has(words[k]!.toLowerCase()) && words[k + 1] === 'of')
      return e - (k + 2) <= 2;
  const last = words[e - 1]!;
  if (e - s < 2 || !isCapitalized(last) || !NATURAL_FEATURES.has(last.toLowerCase())) return false;
  for (let k = s; k < e; k++) if (words[k] === 'of') return false;
  return true;
}

/**
 * A legislator's party and state in brackets after the name, as American copy writes them ("(R-Tex.)",
 * "(D-Iowa)"): no name of its own.
 */
export function isPartyState(words: readonly string[], s: number, e: number): boolean {
  if (e - s !== 1 || !/^[RDI]-\p{Lu}\p{Ll}*\.?$/u.test(words[s]!)) return false;
  return words[s - 1] === '(' || (words[s - 1] === '-' && words[s - 2] === 'LRB');
}

/** Common nouns that label an item by its number when capitalized before it ("Phase 6", "Article 5", "Level 3"). */
const NUMBERED_NOUNS: ReadonlySet<string> = new Set([
  'phase',
  'level',
  'stage',
  'category',
  'article',
  'section',
  'chapter',
  'round',
  'step',
  'grade',
  'tier',
]);

/** A capitalized common noun before its number ("Phase 6"): a label of an item, no actor. */
export function isNumberedLabel(words: readonly string[], s: number, e: number): boolean {
  return e - s === 1 && NUMBERED_NOUNS.has(words[s]!.toLowerCase()) && /^\d/.test(words[e] ?? '');
}
