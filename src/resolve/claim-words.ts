import { ORGANIZATIONS } from '../language/data/organizations.js';
import { CLAIM_SENSES, STANCE_WORDS } from './data/claim-senses.js';
import { CLAIM_STOPWORDS } from './data/stopwords.js';

/** What a claim is about: its content words, lightly stemmed, so claims in different words can meet. */

/** A light stem: enough to meet "dumped"/"dumping"/"dumps" and "seizure"/"seized" halfway. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ing|ure)$/.test(w)) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The regular inflections of a listed word: plural or third person, past, participle in -ing. */
function inflections(w: string): string[] {
  const out = [w, `${w}s`, `${w}es`, `${w}ed`, `${w}ing`];
  if (w.endsWith('e')) out.push(`${w}d`, `${w.slice(0, -1)}ing`);
  if (/[^aeiou]y$/.test(w)) out.push(`${w.slice(0, -1)}ies`, `${w.slice(0, -1)}ied`);
  // A short verb ending in consonant-vowel-consonant doubles it: "ship" → "shipped".
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(w)) out.push(`${w}${w.at(-1)}ed`, `${w}${w.at(-1)}ing`);
  return out;
}

/** Word form → the sense it stands for ("~supply"), from CLAIM_SENSES. */
const SENSE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const line of CLAIM_SENSES) {
    const words = line.split(/\s+/).filter(Boolean);
    const sense = `~${words[0]!}`;
    // Listed forms first, so that a generated form never takes a listed one.
    for (const w of words) m.set(w, sense);
    for (const w of words) for (const f of inflections(w)) if (!m.has(f)) m.set(f, sense);
  }
  return m;
})();

const STANCE: ReadonlySet<string> = new Set(STANCE_WORDS);

/**
 * The names and abbreviations of the organizations the language stage knows (its organization list): one
 * organization, however it is written, is one content word ("@isis" for "Islamic State", "ISIS", "ISIL"). Names are
 * proper nouns, matched as written, whole words, longest first.
 */
const ORG_OF: ReadonlyMap<string, string> = new Map(
  ORGANIZATIONS.flatMap((o) => [o.name, ...o.aliases].map((n) => [n, `@${o.key.toLowerCase()}`] as const)),
);
const ORG_NAME = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...ORG_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/**
 * How a content word is written in a claim: `LOWER` somewhere in lower case (a common word); `NAME` capitalized
 * every time, once at least inside a sentence (a name: "Skarn Island", "GPS"); `OPENING` capitalized only where a
 * sentence opens, which says nothing of what it is (the grouper asks the corpus).
 */
export const LOWER = 0;
export const NAME = 1;
export const OPENING = 2;
/**
 * `UNCASED`: the claim writes no content word in lower case ("VESKARIA SHELLED THE VILLAGE", a headline in title
 * case), so its capitals say nothing of any word; a name only if the other claims write it as one more often than not.
 */
export const UNCASED = 3;
export type WordCase = typeof LOWER | typeof NAME | typeof OPENING | typeof UNCASED;
/** Content words a claim needs before capitals on every one of them read as a headline's, not as names. */
const UNCASED_WORDS = 3;

/**
 * A contraction of function words ("don't", "didn’t", "we're", "I've", "they’ll", "won't", "I'm"): English writes an
 * auxiliary or a pronoun with a clitic auxiliary or "not" as one word, closed-class like its parts, with either
 * apostrophe. What is left without the clitic is a function word, or a stem too short to say anything ("wo", "ca").
 */
function functionContraction(w: string): boolean {
  const m = /^(\p{L}+?)(?:n['’]t|['’](?:re|ve|ll|d|m))$/u.exec(w);
  return m !== null && (m[1]!.length < 3 || CLAIM_STOPWORDS.has(m[1]!));
}

/** Whether the word at `at` opens a sentence: only quote marks, brackets and spaces after the start or a full stop. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /["“”‘’'(\s]/u.test(text[i]!)) i--;
  return i < 0 || /[.!?:;]/.test(text[i]!);
}

/**
 * The token a lower-case word stands for among a claim's content words (its listed sense, else its light stem), or
 * null when it is no content word (a function word, a stance word, shorter than three letters).
 */
export function wordToken(word: string): string | null {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (CLAIM_STOPWORDS.has(w) || STANCE.has(w) || w.length < 3 || functionContraction(w)) return null;
  return SENSE.get(w) ?? stem(w);
}

/**
 * A claim's content words with how each is written: stems of the words that are neither function words nor stance
 * words, a word with a listed sense standing for its sense, a known organization's name or abbreviation standing for
 * the organization (a name). Hyphenated compounds count by their parts ("blowout-preventer" and "blowout preventer"
 * are one thing).
 */
export function claimWords(proposition: string): Map<string, WordCase> {
  const out = new Map<string, WordCase>();
  const see = (w: string, c: WordCase): void => {
    const had = out.get(w);
    // Lower case anywhere makes it a common word; a capital inside a sentence makes it a name.
    if (had === undefined || c === LOWER || (c === NAME && (had === OPENING || had === UNCASED))) out.set(w, c);
  };
  // An organization named by any of its names ("Islamic State", "ISIS") is one word.
  const text = proposition.replace(ORG_NAME, (name) => {
    see(ORG_OF.get(name)!, NAME);
    return ' '.repeat(name.length);
  });
  const content: RegExpExecArray[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu)) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    if (!CLAIM_STOPWORDS.has(w) && !STANCE.has(w) && w.length >= 3 && !functionContraction(w)) content.push(m);
  }
  // Capitals on every content word (a headline in capitals or in title case) tell no name from a word.
  const uncased = content.length >= UNCASED_WORDS && content.every((m) => /^\p{Lu}/u.test(m[0]));
  for (const m of content) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    const c: WordCase = !/^\p{Lu}/u.test(m[0])
      ? LOWER
      : uncased
        ? UNCASED
        : opensSentence(text, m.index)
          ? OPENING
          : NAME;
    see(SENSE.get(w) ?? stem(w), c);
  }
  return out;
}

/** A claim's content words (see `claimWords`). */
export function contentWords(proposition: string): Set<string> {
  return new Set(claimWords(proposition).keys());
}
