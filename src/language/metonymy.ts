import { startsLowerCase } from '../model/lexicon/index.js';
import {
  ACTOR_POSSESSIONS,
  ACTOR_PRECEDERS,
  ACTOR_VERBS,
  ADDRESS_VERBS,
  ATTITUDE_ADJECTIVES,
  DETERMINERS,
  LINKING_VERBS,
  PLACE_PRECEDERS,
} from './data/context.js';

/**
 * Does a capital or seat of government at tokens [s, e) act ("Moscow denied", "talks with Beijing",
 * "the Kremlin's response") or is it a place ("talks in Moscow")? `lo`/`hi` bound the sentence.
 * Capitals default to place, seats of government to actor.
 */
export function actsAsActor(
  words: readonly string[],
  s: number,
  e: number,
  lo: number,
  hi: number,
  seat: boolean,
): boolean {
  // Right context.
  const n1 = e < hi ? words[e]!.toLowerCase() : '';
  if (n1 === "'s" || n1 === '’s') {
    const n2 = e + 1 < hi ? words[e + 1]!.toLowerCase() : '';
    if (ACTOR_POSSESSIONS.has(n2)) return true;
    // "the Kremlin's own …", "Moscow's new ambassador": one adjective in between.
    const n3 = e + 2 < hi ? words[e + 2]!.toLowerCase() : '';
    if (ACTOR_POSSESSIONS.has(n3) && startsLowerCase(n2)) return true;
    return seat;
  }
  let j = e;
  // "Beijing, which remains deeply concerned, …": a relative clause on the capital says what it does.
  if (words[j] === ',' && j + 1 < hi && (words[j + 1] === 'which' || words[j + 1] === 'who')) j += 2;
  if (j < hi && (words[j] === 'also' || words[j] === 'has' || words[j] === 'had' || words[j] === 'have')) j++;
  if (j < hi && (words[j] === 'also' || words[j] === 'not' || words[j] === "n't")) j++;
  // Adverbs of manner or frequency before the verb: "has repeatedly urged", "strongly condemned".
  for (let a = 0; a < 2 && j < hi && isAdverb(words[j]!); a++) j++;
  const verb = j < hi ? words[j]! : '';
  const verbActs =
    ACTOR_VERBS.has(verb) ||
    (/^\p{Ll}+ed$/u.test(verb) && verb !== 'based' && verb !== 'located') ||
    holdsAttitude(words, j, hi);
  // Left context (skipping a determiner: "in the Kremlin").
  let i = s - 1;
  if (i >= lo && DETERMINERS.has(words[i]!.toLowerCase())) i--;
  const p1 = i >= lo ? words[i]!.toLowerCase() : '';
  // "protested to Pyongyang", "appealed to Beijing": the one a protest or an appeal is addressed to acts.
  if (p1 === 'to' && i - 1 >= lo && ADDRESS_VERBS.has(words[i - 1]!.toLowerCase())) return true;
  if (PLACE_PRECEDERS.has(p1)) {
    // "from the Kremlin" is a statement's source; "from Moscow" is a place.
    if (seat && p1 === 'from') return true;
    // "officials in Washington said" stays a place; a verb right after does not change that.
    return false;
  }
  if (verbActs) return true;
  if (ACTOR_PRECEDERS.has(p1)) return true;
  return seat;
}

/**
 * Is the name at token `s` placed by a preposition before it ("in London", "to the Kremlin")? The first name of a
 * coordination placed so makes the whole coordination places ("Hotels in London and Paris are ready").
 */
export function placedByPreposition(words: readonly string[], s: number, lo: number): boolean {
  let i = s - 1;
  if (i >= lo && DETERMINERS.has(words[i]!.toLowerCase())) i--;
  return i >= lo && PLACE_PRECEDERS.has(words[i]!.toLowerCase());
}

/** "remains deeply concerned", "is ready to", "has been opposed": a linking verb, adverbs, an attitude adjective. */
function holdsAttitude(words: readonly string[], j: number, hi: number): boolean {
  if (j >= hi || !LINKING_VERBS.has(words[j]!)) return false;
  let k = j + 1;
  if (k < hi && (words[k] === 'not' || words[k] === "n't")) k++;
  for (let adverbs = 0; k < hi && adverbs < 2 && isAdverb(words[k]!); adverbs++) k++;
  return k < hi && ATTITUDE_ADJECTIVES.has(words[k]!);
}

/** Nouns and names in -ly that are no adverbs. */
const LY_NOUNS: ReadonlySet<string> = new Set([
  'rally',
  'ally',
  'family',
  'assembly',
  'supply',
  'reply',
  'belly',
  'july',
]);

/** A lower-case adverb in -ly ("repeatedly", "strongly"). */
function isAdverb(w: string): boolean {
  return /^\p{Ll}{3,}ly$/u.test(w) && !LY_NOUNS.has(w);
}
