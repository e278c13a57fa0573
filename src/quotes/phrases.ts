import { isHonorific, isRoleWord } from '../language/index.js';
import { isCapitalized, WEEKDAY_NAMES } from '../model/lexicon/index.js';
import {
  AUTHORED_WORKS,
  CONNECTIVES,
  PREPOSITIONS,
  AUX_BETWEEN,
  NP_BREAKS,
  NP_LINKS,
  NP_OPENERS,
  SPEAKER_HEADS,
  SPEAKER_PRONOUNS,
} from './data/cues.js';
import type { QuoteContext } from './context.js';

/**
 * Speaker phrases read from the tokens around a speech cue, without a parser: the subject written before
 * the cue ("the French president said", "Smith, the minister, said", "he also told") or the inverted one
 * after it ("said Smith", "according to a person familiar with the matter"). Token ranges are [start, end).
 */
export type TokenRange = [number, number];

/** Day words ("Monday", "today", "yesterday"): a speaker phrase does not run over them. */
const WEEKDAYS = new Set([...WEEKDAY_NAMES, 'today', 'yesterday']);
const MAX_NP = 9;
/** Words in -ly that are nouns or adjectives of a phrase, not adverbs ("the conservative daily", "a weekly"). */
const NOUNS_IN_LY: ReadonlySet<string> = new Set([
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
  'family',
  'ally',
  'allies',
  'assembly',
  'italy',
  'deputy',
  'supply',
  'elderly',
]);

function isWord(v: QuoteContext, i: number): boolean {
  return /^[\p{L}\p{N}]/u.test(v.doc.tokens[i]!.text);
}

function isCap(v: QuoteContext, i: number): boolean {
  return isCapitalized(v.doc.tokens[i]!.text);
}

function isPossessive(w: string): boolean {
  return w === "'s" || w === '’s' || w === "'" || w === '’';
}

/**
 * An auxiliary or adverb that may stand between a subject and its verb. These rules were written against
 * words lower-cased without reading ’ as ', so a curly "n’t" ("didn’t") has never counted here while a
 * straight "n't" does; the index folds both, and this keeps the results as they were until the
 * difference is measured on its own.
 */
function isAuxBetween(v: QuoteContext, j: number): boolean {
  return AUX_BETWEEN.has(v.ix.lower[j]!) && !v.doc.tokens[j]!.text.includes('’');
}

/** Step left over a parenthesis ending at `j` ("Rep. Anna Berg (D-Dorva) said"); `j` itself when there is none. */
function skipParenthesis(v: QuoteContext, j: number, lo: number): number {
  if (v.ix.lower[j] !== ')') return j;
  let k = j - 1;
  while (k >= lo && j - k <= 8 && v.ix.lower[k] !== '(') k--;
  return k >= lo && v.ix.lower[k] === '(' ? k - 1 : j;
}

/** Skip adverbs, auxiliaries and a time phrase between a subject and its verb, leftwards from `j`. */
function skipLeft(v: QuoteContext, j: number, lo: number): number {
  for (;;) {
    if (j < lo) return j;
    const w = v.ix.lower[j]!;
    if ((isAuxBetween(v, j) && !isPossessive(w)) || (/^\p{Ll}+ly$/u.test(v.doc.tokens[j]!.text) && w !== 'only')) j--;
    // "has so far rejected", "has thus far said": one adverb of two words (up to now), like "already".
    else if (w === 'far' && (v.ix.lower[j - 1] === 'so' || v.ix.lower[j - 1] === 'thus')) j -= 2;
    else if (WEEKDAYS.has(w)) j -= v.ix.lower[j - 1] === 'on' ? 2 : 1;
    else if (w === 'ago') {
      // "The Dorva ministry less than three weeks ago said"
      let k = j - 1;
      while (
        k >= lo &&
        j - k <= 5 &&
        /^(?:\p{N}+|\p{Ll}+)$/u.test(v.doc.tokens[k]!.text) &&
        !NP_OPENERS.has(v.ix.lower[k]!)
      )
        k--;
      j = k;
    } else if (
      (w === '’s' || w === "'s") &&
      (v.ix.lower[j - 1] === 'he' || v.ix.lower[j - 1] === 'she' || v.ix.lower[j - 1] === 'it')
    )
      j--;
    else if (w === ')') {
      const k = skipParenthesis(v, j, lo);
      if (k === j) return j;
      j = k;
    } else return j;
  }
}

/** Widen an entity mention leftwards over its written title ("Foreign Minister", "Mr.", "the country's"). */
/**
 * "the sister of leader Ivo Sarr", "a friend of Sarr": a name after "of" is the complement of the noun before it,
 * which heads the phrase. Returns where the phrase starts: the determiner before that noun (one or two lower-case
 * words), else `s` unchanged.
 */
function headOfComplement(v: QuoteContext, s: number, lo: number): number {
  if (s - 2 < lo || (v.ix.lower[s - 1] !== 'of' && v.ix.lower[s - 1] !== 'for')) return s;
  // "the lawyer acting for X": a participle may stand between the head and the link word.
  const reach = /^\p{Ll}+ing$/u.test(v.doc.tokens[s - 2]!.text) ? 3 : 2;
  for (let k = s - 2; k >= lo && s - 1 - k <= reach; k--) {
    const t = v.doc.tokens[k]!.text;
    if (/^(?:the|a|an|his|her|their|its|our|my)$/i.test(t)) return k < s - 2 ? k : s;
    if (!/^\p{Ll}+$/u.test(t) || NP_BREAKS.has(v.ix.lower[k]!)) return s;
  }
  return s;
}

function titleStart(v: QuoteContext, s: number, lo: number): number {
  let k = s;
  while (k - 1 >= lo && s - (k - 1) <= 5) {
    const w = v.doc.tokens[k - 1]!.text;
    const l = v.ix.lower[k - 1]!;
    if (NP_BREAKS.has(l) || NP_OPENERS.has(l)) break;
    if (
      isRoleWord(w) ||
      isHonorific(w) ||
      (isCap(v, k - 1) && v.quoteOf[k - 1] === -1 && isWord(v, k - 1) && v.ix.entityOf[k - 1] === -1)
    )
      k--;
    else break;
  }
  return k;
}

/**
 * Whether a phrase can be a speaker: a pronoun, a named actor, a title, or a noun phrase headed by a person,
 * group, institution or document ("a person familiar with the matter", "the report") — not "his refusal".
 */
export function canSpeak(v: QuoteContext, r: TokenRange): boolean {
  if (r[1] - r[0] === 1 && isRelativeSubject(v, r[0])) return true;
  for (let i = r[0]; i < r[1]; i++) {
    const e = v.ix.entityOf[i]!;
    if (e >= 0 && v.doc.entities[e]!.type !== 'LOC' && v.doc.entities[e]!.type !== 'MISC') return true;
  }
  let h = r[1] - 1;
  // The head of "head of the agency" / "a person familiar with the matter" comes before the link word.
  for (let i = r[0] + 1; i < r[1]; i++) {
    if (NP_LINKS.has(v.ix.lower[i]!) || v.ix.lower[i] === 'familiar' || v.ix.lower[i] === 'close') {
      h = i - 1;
      break;
    }
  }
  const head = v.ix.lower[h]!;
  if (SPEAKER_PRONOUNS.has(head) || SPEAKER_HEADS.has(head) || AUTHORED_WORKS.has(head) || isRoleWord(head))
    return true;
  if (isCap(v, h) && h > v.ix.sentLo[h]! && /^\p{L}/u.test(head)) return true;
  return (
    (/(?:er|or|ist|ian|ant|ent|ee)s?$/.test(head) &&
      head.length > 4 &&
      !/(?:ment|ness)s?$/.test(head) &&
      !NOT_AGENT_NOUNS.has(head)) ||
    /(?:man|woman|men|women)$/.test(head)
  );
}

/**
 * Words with an agent noun's ending that are adverbs, determiners, pronouns or comparatives ("Earlier, …", "The
 * latter …", "Another …"): no one who speaks.
 */
const NOT_AGENT_NOUNS = new Set([
  'another',
  'other',
  'others',
  'either',
  'neither',
  'whether',
  'earlier',
  'later',
  'latter',
  'rather',
  'further',
  'farther',
  'however',
  'whenever',
  'wherever',
  'together',
  'never',
  'moreover',
  'recent',
  'different',
  'present',
  'important',
  'current',
]);

/** The noun phrase ending at token `j` (inclusive), read leftwards; null when there is none. */
function nounPhraseEndingAt(v: QuoteContext, j: number, lo: number): TokenRange | null {
  if (j < lo || v.quoteOf[j] !== -1 || !isWord(v, j)) return null;
  const w = v.ix.lower[j]!;
  if (SPEAKER_PRONOUNS.has(w)) return [j, j + 1];
  if (NP_BREAKS.has(w) || NP_OPENERS.has(w) || (/ly$/.test(w) && !NOUNS_IN_LY.has(w))) return null;
  const ent = v.ix.entityOf[j]!;
  if (ent >= 0) {
    let s = j;
    while (s - 1 >= lo && v.ix.entityOf[s - 1] === ent) s--;
    return [headOfComplement(v, titleStart(v, s, lo), lo), j + 1];
  }
  let s = j;
  let k = j - 1;
  while (k >= lo && j - k < MAX_NP) {
    if (v.quoteOf[k] !== -1) break;
    const t = v.ix.lower[k]!;
    if (NP_OPENERS.has(t)) {
      s = k;
      break;
    }
    if (isPossessive(t) || t === '-' || t === '&') {
      k--;
      continue;
    }
    if (NP_LINKS.has(t)) {
      // "head of the agency", "a person familiar with the matter": only inside a phrase that goes on leftwards.
      if (k - 1 >= lo && isWord(v, k - 1) && !NP_BREAKS.has(v.ix.lower[k - 1]!)) {
        k--;
        continue;
      }
      break;
    }
    if (!isWord(v, k) || NP_BREAKS.has(t) || SPEAKER_PRONOUNS.has(t)) break;
    s = k;
    k--;
  }
  // A link word cannot open the phrase ("of the agency" → "the agency").
  while (s < j && NP_LINKS.has(v.ix.lower[s]!)) s++;
  // "the owner of the ship said": the phrase is headed by the noun before "of", as with a name after "of".
  return [headOfComplement(v, s, lo), j + 1];
}

/**
 * The subject of a cue at token `c`, read leftwards, stopping at `lo`. Handles "X, the minister, said" and
 * "X, who …, said" by stepping over the comma-delimited insertion to the name before it.
 */
export function subjectBefore(v: QuoteContext, c: number, lo: number): TokenRange | null {
  const j = skipLeft(v, c - 1, lo);
  if (j < lo) return null;
  // "Ivo Sarr, who joked, “…”", "the study -- which notes that …": the relative pronoun is the subject, standing
  // for the phrase it follows (an interrogative "Who said …?" opens its sentence and is no one).
  if (isRelativeSubject(v, j)) return [j, j + 1];
  if (v.ix.lower[j] === ',') return beforeInsertions(v, j, lo);
  // "I laughed and said": the subject of a coordinated verb.
  if (v.ix.lower[j] === 'and' && j - 2 >= lo && /^\p{Ll}+$/u.test(v.doc.tokens[j - 1]!.text)) {
    const k = skipLeft(v, j - 2, lo);
    const first = k >= lo ? nounPhraseEndingAt(v, k, lo) : null;
    if (first && (SPEAKER_PRONOUNS.has(v.ix.lower[first[0]]!) || v.ix.entityOf[k]! >= 0)) return first;
  }
  // "Berg lamented the flooding in Portavel and said": the subject of the clause the verb is joined to.
  if (v.ix.lower[j] === 'and') return sentenceSubject(v, lo, j);
  return nounPhraseEndingAt(v, j, lo);
}

/** Relative pronouns that can be the subject of a speech verb. */
const RELATIVE_SUBJECTS = new Set(['who', 'which']);

/**
 * A relative pronoun at token `j` right after the phrase it stands for, set off by a comma or a dash ("Sarr, who
 * said", "the report -- which notes"): not the first word of its sentence.
 */
export function isRelativeSubject(v: QuoteContext, j: number): boolean {
  if (!RELATIVE_SUBJECTS.has(v.ix.lower[j]!) || j <= v.ix.sentLo[j]!) return false;
  const before = v.ix.lower[j - 1]!;
  return before === ',' || /^[—–-]$/.test(before);
}

/** A phrase headed by a person's name ("Sen. Holm", not "Berg's following"). */
function namesPerson(v: QuoteContext, r: TokenRange): boolean {
  const e = v.ix.entityOf[r[1] - 1]!;
  return e >= 0 && v.doc.entities[e]!.type === 'PERSON';
}

/**
 * The subject before one or more comma-delimited insertions ending at the comma `j`: "Smith, the minister,
 * said", "Sarr, the harbour master of Portavel, one of the towns appealing, said". The nearest phrase that
 * names a person wins, else the nearest that can speak.
 */
function beforeInsertions(v: QuoteContext, j: number, lo: number): TokenRange | null {
  let fallback: TokenRange | null = null;
  // "The mayor of Kellhaven, Tove Halvorsen, said": the name set off by the commas is the speaker.
  const inserted = nounPhraseEndingAt(v, skipParenthesis(v, j - 1, lo), lo);
  if (inserted && v.ix.lower[inserted[0] - 1] === ',' && namesPerson(v, inserted)) return inserted;
  for (let k = j - 1; k >= lo && j - k <= 40; k--) {
    if (v.quoteOf[k] !== -1 || /^[;:!?]$/.test(v.ix.lower[k]!)) break;
    if (v.ix.lower[k] !== ',') continue;
    const before = nounPhraseEndingAt(v, skipParenthesis(v, k - 1, lo), lo);
    if (!before) continue;
    if (namesPerson(v, before)) return before;
    if (SPEAKER_PRONOUNS.has(v.ix.lower[before[0]]!) && before[1] - before[0] === 1) return before;
    if (!fallback && canSpeak(v, before)) fallback = before;
  }
  return fallback;
}

/**
 * The subject of a sentence as the first named actor or pronoun not governed by a preposition, before token
 * `hi` ("During a speech, Sarr attacked Holm …, saying" → Sarr).
 */
export function sentenceSubject(v: QuoteContext, lo: number, hi: number): TokenRange | null {
  // A connective or sentence adverb and its comma open the sentence before its subject ("Meanwhile, the board …",
  // "Conversely, the site rated …").
  if (hi - lo > 2 && v.ix.lower[lo + 1] === ',' && v.ix.entityOf[lo] === -1 && isConnective(v.ix.lower[lo]!)) lo += 2;
  // An opening participial or prepositional phrase is no subject ("Speaking to the network's Morning Show in Vik,
  // Velm, Sarr described …", "In an interview, the senator said …"): the subject opens the main clause after one
  // of its commas, and a verb (a lower-case word) follows it.
  if (opensWithAdjunct(v, lo)) {
    for (let k = lo + 1; k < hi - 1; k++) {
      if (v.quoteOf[k] !== -1) break;
      if (v.ix.lower[k] !== ',') continue;
      const r = clauseSubject(v, k + 1, hi);
      // A generational suffix may close the name ("Ivo Sarr Jr. replied").
      const after = r && NAME_SUFFIXES.has(v.ix.lower[r[1]]!) ? r[1] + 1 : (r?.[1] ?? 0);
      if (r && r[0] === k + 1 && /^\p{Ll}/u.test(v.doc.tokens[after]?.text ?? '')) return r;
    }
  }
  return clauseSubject(v, lo, hi);
}

/** Generational suffixes written after a name. */
const NAME_SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);

/** A sentence opening with a participle ("Speaking …", "Addressing …") or a preposition ("In …", "During …"). */
function opensWithAdjunct(v: QuoteContext, lo: number): boolean {
  if (v.ix.entityOf[lo] !== -1) return false;
  const t = v.doc.tokens[lo]?.text ?? '';
  return /^\p{Lu}\p{Ll}+ing$/u.test(t) || (PREPOSITIONS.has(v.ix.lower[lo]!) && /^\p{Lu}/u.test(t));
}

function clauseSubject(v: QuoteContext, lo: number, hi: number): TokenRange | null {
  // A described speaker opening the sentence ("Holm, a retired pilot, then appeared …"); a phrase opening with a
  // preposition ("from Dorva, and maintains …") is an adjunct, not a subject.
  if (v.ix.entityOf[lo] === -1 && !SPEAKER_PRONOUNS.has(v.ix.lower[lo]!) && !PREPOSITIONS.has(v.ix.lower[lo]!)) {
    const opening = phraseFrom(v, lo, hi);
    // The phrase reader does not know verbs ("Her senior adviser doubled …"): the longest speaking prefix.
    for (let e = opening ? opening[1] : lo; e > lo; e--) {
      if (verbBeforeName(v, lo, e)) continue;
      if (canSpeak(v, [lo, e]) && /^[,]$|^\p{Ll}/u.test(v.doc.tokens[e]?.text ?? '')) return [lo, e];
    }
  }
  for (let i = lo; i < hi; i++) {
    if (v.quoteOf[i] !== -1) return null;
    if (PREPOSITIONS.has(v.ix.lower[i - 1] ?? '') && i > lo) continue;
    if (SPEAKER_PRONOUNS.has(v.ix.lower[i]!) && v.ix.lower[i] !== 'it') return [i, i + 1];
    // "it" opening the clause before a verb of its own ("Meanwhile, it attacked …") is a subject; "it is", "it
    // seems" is not.
    if (i === lo && v.ix.lower[i] === 'it' && /^\p{Ll}/u.test(v.doc.tokens[i + 1]?.text ?? '')) {
      if (!EXPLETIVE_IT_VERBS.has(v.ix.lower[i + 1]!)) return [i, i + 1];
    }
    const e = v.ix.entityOf[i]!;
    if (e < 0) continue;
    const type = v.doc.entities[e]!.type;
    if (type === 'LOC' || type === 'MISC') continue;
    const s = i;
    while (i + 1 < hi && v.ix.entityOf[i + 1] === e) i++;
    const person = type === 'PERSON' ? null : personAfterTitle(v, i + 1, hi);
    if (person) return [s, person];
    return [titleStart(v, s, lo), i + 1];
  }
  return null;
}

/** Verbs after which "it" is a placeholder subject ("it is clear", "it seems", "it has been reported"). */
const EXPLETIVE_IT_VERBS = new Set([
  'is',
  'was',
  "'s",
  '’s',
  'seems',
  'seemed',
  'appears',
  'appeared',
  'has',
  'had',
  'would',
  'will',
  'may',
  'might',
  'could',
  'should',
  'must',
  'remains',
  'remained',
  'takes',
  'took',
  'became',
  'becomes',
  'means',
  'meant',
  'makes',
  'made',
]);

/**
 * An organization or place that opens a title before a name ("Senate Minority Leader Anna Berg", "Harbour Board
 * press secretary Ivo Sarr"): the end of the name when role or capitalized words lead from `k` to a person.
 */
function personAfterTitle(v: QuoteContext, k: number, hi: number): number | null {
  let role = false;
  let j = k;
  while (j < hi && j - k < 4 && v.ix.entityOf[j] === -1 && v.quoteOf[j] === -1) {
    const w = v.doc.tokens[j]!.text;
    if (isRoleWord(w)) role = true;
    else if (!isCap(v, j) || !isWord(v, j)) return null;
    j++;
  }
  const e = v.ix.entityOf[j] ?? -1;
  if (!role || e < 0 || v.doc.entities[e]!.type !== 'PERSON') return null;
  while (j < hi && v.ix.entityOf[j] === e) j++;
  return j;
}

/** A connective or sentence adverb: one of the list, or a word in -ly ("Conversely", "Separately"). */
function isConnective(w: string): boolean {
  return CONNECTIVES.has(w) || (w.length > 4 && w.endsWith('ly'));
}

/**
 * A lower-case word other than a determiner or link word before a name in [lo, e): the phrase runs over a verb
 * ("the board attacked Lars Holm"), and the name is its object, not part of the subject.
 */
function verbBeforeName(v: QuoteContext, lo: number, e: number): boolean {
  let lower = false;
  for (let k = lo; k < e; k++) {
    const w = v.ix.lower[k]!;
    if (v.ix.entityOf[k] !== -1) {
      if (lower) return true;
    } else if (/^\p{Ll}/u.test(v.doc.tokens[k]!.text) && !NP_OPENERS.has(w) && !NP_LINKS.has(w)) lower = true;
  }
  return false;
}

/** The noun phrase starting at token `j`, read rightwards up to `hi` ("said Smith", "according to a source"). */
export function phraseFrom(v: QuoteContext, j: number, hi: number): TokenRange | null {
  if (j >= hi || v.quoteOf[j] !== -1 || !isWord(v, j)) return null;
  const w = v.ix.lower[j]!;
  if (SPEAKER_PRONOUNS.has(w)) return [j, j + 1];
  if ((NP_BREAKS.has(w) && !NP_OPENERS.has(w)) || WEEKDAYS.has(w)) return null;
  let e = j;
  let k = j;
  let sawEntity = false;
  while (k < hi && k - j < MAX_NP) {
    if (v.quoteOf[k] !== -1) break;
    const t = v.ix.lower[k]!;
    const ent = v.ix.entityOf[k]!;
    if (ent >= 0) {
      while (k < hi && v.ix.entityOf[k] === ent) k++;
      e = k;
      sawEntity = true;
      if (v.ix.lower[k] === ',' || !(isPossessive(v.ix.lower[k] ?? '') || isRoleWord(v.doc.tokens[k]?.text ?? '')))
        break;
      continue;
    }
    if (isPossessive(t) || t === '-') {
      k++;
      continue;
    }
    if (NP_LINKS.has(t) && k > j) {
      const next = v.ix.lower[k + 1] ?? '';
      if (k + 1 < hi && (NP_OPENERS.has(next) || (v.doc.tokens[k + 1] && isCap(v, k + 1)))) {
        k++;
        continue;
      }
      break;
    }
    if (!isWord(v, k) || (NP_BREAKS.has(t) && !(k === j && NP_OPENERS.has(t))) || (k > j && SPEAKER_PRONOUNS.has(t)))
      break;
    if (sawEntity && !isCap(v, k)) break;
    if (k > j && NP_OPENERS.has(t) && !NP_LINKS.has(v.ix.lower[k - 1]!)) break;
    if (k > j && /ly$/.test(t) && !isCap(v, k) && !NOUNS_IN_LY.has(t)) break;
    k++;
    e = k;
  }
  if (e <= j) return null;
  return [j, e];
}

/**
 * Nouns after "according to" in its sense "in conformity with" (a plan, a rule, a custom followed), not "as stated
 * by": "according to plan", "according to schedule", "according to tradition". Any other noun is a source.
 */
const CONFORMITY_NOUNS: ReadonlySet<string> = new Set([
  'plan',
  'plans',
  'schedule',
  'tradition',
  'custom',
  'law',
  'rules',
  'regulations',
  'protocol',
  'procedure',
  'instructions',
  'script',
]);

/**
 * The source after "according to" at token `j`: the phrase there, unless it is one bare noun of conformity
 * ("according to plan", "according to schedule": conformity, not a source). Any other bare noun is one, a plural
 * of speakers above all ("according to police", "according to rescuers").
 */
export function accordingSource(v: QuoteContext, j: number, hi: number): TokenRange | null {
  const who = phraseFrom(v, j, hi);
  if (!who || who[1] - who[0] !== 1) return who;
  return CONFORMITY_NOUNS.has(v.doc.tokens[who[0]]!.text) ? null : who;
}

/** Possessive pronouns and the subject pronoun of the same person, number and gender ("his" → "he"). */
const POSSESSIVE_SUBJECTS: ReadonlyMap<string, string> = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['its', 'it'],
  ['their', 'they'],
]);
/** Heads of descriptions of an organization, which "its" or "their" refers to, not "his" or "her". */
const ORGANIZATION_NOUNS =
  /^(?:ministry|agency|company|firm|government|police|army|military|department|commission|court|party|group|campaign|committee|council|office|embassy|union|authority|parliament|cabinet|administration|board|newspaper|paper|bank|team|club|network|station|channel|university|school|hospital)$/;
/** Plural heads without a final -s. */
const PLURAL_HEADS = new Set(['people', 'police', 'men', 'women', 'children', 'staff']);

/**
 * Whether the possessive pronoun `pron` can refer to the subject phrase `r`: the matching pronoun ("he … his"), a
 * relative pronoun ("who … his"), a named person or a description of one for "his"/"her", an organization, a
 * place acting as one or a work for "its", a plural or an organization for "their".
 */
function agreesWith(v: QuoteContext, r: TokenRange, pron: string): boolean {
  const subject = POSSESSIVE_SUBJECTS.get(pron);
  if (!subject) return false;
  const first = v.ix.lower[r[0]]!;
  if (r[1] - r[0] === 1 && SPEAKER_PRONOUNS.has(first)) return first === subject;
  if (r[1] - r[0] === 1 && (first === 'who' || first === 'which'))
    return first === 'who' ? subject !== 'it' : subject === 'it' || subject === 'they';
  let person = false;
  let organization = false;
  for (let i = r[0]; i < r[1]; i++) {
    const e = v.ix.entityOf[i]!;
    if (e < 0) continue;
    const type = v.doc.entities[e]!.type;
    if (type === 'PERSON') person = true;
    else if (type === 'ORG' || type === 'GPE' || type === 'NORP') organization = true;
  }
  const head = v.ix.lower[r[1] - 1]!;
  const plural = PLURAL_HEADS.has(head) || (/[^s]s$/.test(head) && head.length > 3 && !person && !organization);
  if (!person && !organization) {
    if (ORGANIZATION_NOUNS.test(head) || AUTHORED_WORKS.has(head)) organization = true;
    else if (!plural && canSpeak(v, r)) person = true;
  }
  if (subject === 'he' || subject === 'she') return person && !plural;
  if (subject === 'it') return organization && !plural;
  return plural || organization;
}

/**
 * "The minister repeated his claim that …": the subject of the clause of the possessive pronoun at token `p`, when
 * the pronoun agrees with it — the clause's verb, a lower-case word that is no preposition or conjunction,
 * stands right before the pronoun. Null when there is no such subject or it does not agree ("The minister
 * dismissed their claim that …").
 */
export function possessorSubject(v: QuoteContext, p: number, lo: number): TokenRange | null {
  const pron = v.ix.lower[p]!;
  const verb = p - 1;
  if (verb <= lo || !/^\p{Ll}+$/u.test(v.doc.tokens[verb]!.text)) return null;
  const w = v.ix.lower[verb]!;
  if (PREPOSITIONS.has(w) || NP_OPENERS.has(w) || NP_LINKS.has(w) || NP_BREAKS.has(w)) return null;
  if (COORDINATING.has(w) || SPEAKER_PRONOUNS.has(w) || AUX_BETWEEN.has(w)) return null;
  const subject = subjectBefore(v, verb, lo);
  return subject && agreesWith(v, subject, pron) ? subject : null;
}

const COORDINATING = new Set(['and', 'or', 'but', 'nor', 'yet', 'than', 'as']);
