import type { PloverType } from '../model/index.js';
import { CAMEO_PATTERNS, CAMEO_VERB_FORMS, CAMEO_VERB_GROUPS } from './data/cameo-verbs.js';
import { BOILERPLATE, LIGHT_VERBS, NOUN_LIKE_VERBS, NOUNS, VERBS, type TriggerRow } from './data/triggers.js';
import { nounForms, verbForms } from './inflect.js';

/** A compiled trigger pattern: a sequence of word alternatives, `null` standing for a short gap. */
export interface CompiledTrigger {
  words: ReadonlyArray<ReadonlySet<string> | null>;
  type: PloverType;
  governs: boolean;
  kind: string | null;
  pattern: string;
  /** The first word is a verb that is also an everyday noun: its base and -s forms need a verbal context. */
  nounLikeBase: ReadonlySet<string> | null;
  verb: boolean;
  /** The CAMEO code of a pattern compiled from the CAMEO verb dictionary; null for sitrep's own entries. */
  cameo: string | null;
  /**
   * The act is the other party's on the verb's subject (a CAMEO `[:code]` pattern: "came under fire from X", "received
   * a letter from X"): the subject is the target, the party the phrase after the verb names the source.
   */
  reversed?: boolean;
}

/** Words a gap (`…`) may span. */
export const GAP = 4;

export interface TriggerLexicon {
  /** Patterns by the forms their first word can take. */
  byFirst: ReadonlyMap<string, readonly CompiledTrigger[]>;
  /** Every form of the verbs that carry event nouns. */
  lightVerbs: ReadonlySet<string>;
  /** Multi-word CAMEO patterns by their last word (the most telling one). */
  anchored: ReadonlyMap<string, readonly CompiledTrigger[]>;
  /** Every form of the verbs that start a CAMEO pattern. */
  anchoredVerbs: ReadonlySet<string>;
  /** Boilerplate phrases as word lists, by first word. */
  boilerplate: ReadonlyMap<string, readonly (readonly string[])[]>;
}

const formsOfVerb = (v: string): string[] => [...verbForms(v), ...(CAMEO_VERB_FORMS.get(v) ?? [])];

function compile(row: TriggerRow, verb: boolean): CompiledTrigger {
  const [pattern, type, governs, kind] = row;
  const parts = pattern.split(' ');
  const last = parts.length - 1;
  const words = parts.map((w, i): Set<string> | null => {
    if (w === '…') return null;
    if (verb && i === 0) return new Set(verbForms(w));
    if (!verb && i === last) return new Set(MASS_NOUNS.has(w) ? [w] : nounForms(w));
    // A verb's object noun names the same act in either number ("impose … tariffs" is also "imposed a tariff",
    // "take … hostage" also "took five hostages"); particles and prepositions stay as written.
    if (verb && i === last && i > 0 && !PARTICLES.has(w)) return new Set(bothNumbers(w));
    return new Set([w]);
  });
  const first = parts[0]!;
  const nounLikeBase = verb && NOUN_LIKE_VERBS.has(first) ? new Set([first, ...nounForms(first)]) : null;
  return { words, type, governs: governs ?? false, kind: kind ?? null, pattern, nounLikeBase, verb, cameo: null };
}

/** Last words of verb patterns that are particles or prepositions, not object nouns. */
const PARTICLES: ReadonlySet<string> = new Set([
  'up',
  'down',
  'out',
  'off',
  'in',
  'into',
  'on',
  'upon',
  'at',
  'to',
  'for',
  'with',
  'from',
  'over',
  'back',
  'together',
  'dead',
  'guilty',
]);

/** A noun as written, its plural and, for a plural, its singular (the spellings English uses for both). */
function bothNumbers(w: string): string[] {
  if (MASS_NOUNS.has(w)) return [w];
  const forms = new Set(nounForms(w));
  if (/ies$/.test(w)) forms.add(`${w.slice(0, -3)}y`);
  else if (/(x|ch|sh|ss)es$/.test(w)) forms.add(w.slice(0, -2));
  else if (/[^su]s$/.test(w)) forms.add(w.slice(0, -1));
  return [...forms];
}

/** Nouns without a plural of the same sense ("AIDS", "foods", "laws" are other words or other acts). */
const MASS_NOUNS: ReadonlySet<string> = new Set([
  'aid',
  'food',
  'medicine',
  'law',
  'information',
  'intelligence',
  'expertise',
  'compensation',
  'custody',
  'asylum',
  'immunity',
  'amnesty',
  'protection',
  'gas',
  'fire',
  'support',
  'solidarity',
]);

/** A CAMEO verb group compiled once for all its patterns: the forms of its first words and its particles. */
interface VerbGroup {
  verbs: string;
  firstSlot: ReadonlySet<string>;
  particles: ReadonlySet<string>[];
  nounLikeBase: ReadonlySet<string>;
}

function compileGroup(verbs: string): VerbGroup {
  const head = verbs.split('|');
  return {
    verbs,
    firstSlot: new Set(head.flatMap((v) => formsOfVerb(v.split(' ')[0]!))),
    particles: verbs.includes(' ')
      ? verbs
          .split(' ')
          .slice(1)
          .map((p) => new Set([p]))
      : [],
    nounLikeBase: new Set(head.flatMap((v) => [v, ...nounForms(v)])),
  };
}

/**
 * A CAMEO dictionary pattern: `a|b` alternatives per word, the verbs inflected, the last word also as its plural.
 * Without a part-of-speech tagger, a base or -s form of a dictionary verb counts only in a verbal context
 * ("to ban", "police bar"), never as the noun it may also be ("the ban", "a bar").
 */
function compileCameo(
  group: VerbGroup,
  rest: string,
  type: PloverType,
  cameo: string,
  reversed: boolean,
  memo: { tails: Map<string, (ReadonlySet<string> | null)[]>; slots: Map<string, ReadonlySet<string>> },
): CompiledTrigger {
  // Objects repeat across thousands of patterns ("sanctions against" after many verbs): each is built once and
  // shared, and so is each word slot (`w:` and `n:` keys).
  let tail = memo.tails.get(rest);
  if (!tail) {
    const parts = rest ? rest.split(' ') : [];
    const slots: (ReadonlySet<string> | null)[] = [];
    for (let i = 0; i < parts.length; i++) {
      const w = parts[i]!;
      if (w === '…') {
        slots.push(null);
        continue;
      }
      const key = i === parts.length - 1 ? `n:${w}` : `w:${w}`;
      let set = memo.slots.get(key);
      if (!set) {
        set = new Set(i === parts.length - 1 ? w.split('|').flatMap((a) => nounForms(a)) : w.split('|'));
        memo.slots.set(key, set);
      }
      slots.push(set);
    }
    memo.tails.set(rest, (tail = slots));
  }
  const pattern = rest ? `${group.verbs} ${rest}` : group.verbs;
  return {
    words: [group.firstSlot, ...group.particles, ...tail],
    type,
    governs: false,
    kind: null,
    pattern,
    nounLikeBase: group.nounLikeBase,
    verb: true,
    cameo,
    ...(reversed ? { reversed } : {}),
  };
}

let cached: TriggerLexicon | null = null;

/** The trigger lexicon, compiled once per process. */
export function triggerLexicon(): TriggerLexicon {
  if (cached) return cached;
  const byFirst = new Map<string, CompiledTrigger[]>();
  const seen = new Set<string>();
  for (const [rows, verb] of [
    [VERBS, true],
    [NOUNS, false],
  ] as const) {
    for (const row of rows) {
      const key = `${verb}:${row[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const t = compile(row, verb);
      for (const form of t.words[0]!) {
        let list = byFirst.get(form);
        if (!list) byFirst.set(form, (list = []));
        list.push(t);
      }
    }
  }
  // The CAMEO dictionary's verb + object patterns beside sitrep's own entries (longest match wins). Its bare verbs
  // are not used: without a parse, a verb alone ("bill", "best", "consider") codes far more than it should.
  // Thousands of verb + object patterns: indexed by verb form and last word, so a verb costs a few look-ups.
  const anchored = new Map<string, CompiledTrigger[]>();
  const anchoredVerbs = new Set<string>();
  const memo = {
    tails: new Map<string, (ReadonlySet<string> | null)[]>(),
    slots: new Map<string, ReadonlySet<string>>(),
  };
  const groups: (VerbGroup | undefined)[] = [];
  const anchoring = new Set<VerbGroup>();
  for (const [g, rest, type, cameo, reversed] of CAMEO_PATTERNS) {
    const group = (groups[g] ??= compileGroup(CAMEO_VERB_GROUPS[g]!));
    const t = compileCameo(group, rest, type, cameo, reversed === true, memo);
    const anchor = t.words[t.words.length - 1];
    if (!anchor) continue;
    if (!anchoring.has(group)) {
      anchoring.add(group);
      for (const form of group.firstSlot) anchoredVerbs.add(form);
    }
    for (const a of anchor) {
      let list = anchored.get(a);
      if (!list) anchored.set(a, (list = []));
      list.push(t);
    }
  }
  // Longer patterns first, so the longest match at a word wins; verbs before nouns of the same length.
  for (const list of byFirst.values())
    list.sort((a, b) => b.words.length - a.words.length || Number(b.verb) - Number(a.verb));
  const lightVerbs = new Set(LIGHT_VERBS.flatMap((v) => verbForms(v)));
  const boilerplate = new Map<string, string[][]>();
  for (const phrase of BOILERPLATE) {
    const words = phrase.split(' ');
    const list = boilerplate.get(words[0]!) ?? [];
    list.push(words);
    boilerplate.set(words[0]!, list);
  }
  cached = { byFirst, anchored, anchoredVerbs, lightVerbs, boilerplate };
  return cached;
}

/**
 * Longest first; on a tie a verb before a noun, sitrep's own entry (which follows the PLOVER manual) before CAMEO's,
 * and of two CAMEO patterns the one written for fewer verbs (a pattern kept to the verb its comment names before the
 * same words spread over a whole synonym block: "win … backing" is the backer's act, whatever "gain … backing" says).
 */
const byLength = (a: CompiledTrigger, b: CompiledTrigger) =>
  b.words.length - a.words.length ||
  Number(b.verb) - Number(a.verb) ||
  Number(a.cameo !== null) - Number(b.cameo !== null) ||
  (a.words[0]?.size ?? 0) - (b.words[0]?.size ?? 0);

/** How far after its verb a pattern's last word may be: a few slots, each after a gap of at most GAP words. */
const ANCHOR_WINDOW = 16;

/** The patterns that may match at token `i`: those starting with its word, longest first. */
export function candidatesAt(
  lex: TriggerLexicon,
  words: readonly string[],
  i: number,
  limit: number,
): readonly CompiledTrigger[] | undefined {
  const direct = lex.byFirst.get(words[i]!);
  const verb = words[i]!;
  if (!lex.anchoredVerbs.has(verb)) return direct;
  let found: Set<CompiledTrigger> | null = null;
  for (let k = i + 1; k < Math.min(limit, i + ANCHOR_WINDOW); k++) {
    const list = lex.anchored.get(words[k]!);
    for (const t of list ?? []) {
      if (!t.words[0]!.has(verb)) continue;
      found ??= new Set();
      found.add(t);
    }
    // An object belongs to the nearest verb that governs it: past another pattern verb ("said Washington had
    // imposed sanctions"), the words are that verb's, not this one's.
    if (lex.anchoredVerbs.has(words[k]!)) break;
  }
  if (!found) return direct;
  return [...found, ...(direct ?? [])].sort(byLength);
}

export interface TriggerMatch {
  trigger: CompiledTrigger;
  /** Token indices, end-exclusive. */
  start: number;
  end: number;
}

/**
 * Match a pattern at token `i` of `words` (lower-cased), not crossing `limit`. Returns the end token index
 * (exclusive) or -1.
 */
export function matchAt(t: CompiledTrigger, words: readonly string[], i: number, limit: number): number {
  let pos = i;
  for (let k = 0; k < t.words.length; k++) {
    const set = t.words[k] as ReadonlySet<string> | null; // k < length
    if (set === null) {
      const next = t.words[k + 1]!;
      let found = -1;
      let span = GAP + 1;
      for (let g = pos; g < Math.min(limit, pos + span); g++) {
        // Hyphens split "24-hour" into three tokens; they do not count against the gap.
        if (words[g] === '-') span += 2;
        if (next.has(words[g]!)) {
          found = g;
          break;
        }
        if (STOP_IN_GAP.has(words[g]!)) break;
      }
      if (found < 0) return -1;
      pos = found + 1;
      k++;
      continue;
    }
    if (pos >= limit || !set.has(words[pos]!)) return -1;
    pos++;
  }
  return pos;
}

/**
 * Where the first word after a pattern's first word matches (the token after it when there is no gap); `limit`
 * for a one-word pattern, which names no object and yields to any longer pattern that matches.
 */
export function objectAt(t: CompiledTrigger, words: readonly string[], i: number, limit: number): number {
  if (t.words.length < 2) return limit;
  if (t.words[1] !== null) return i + 1;
  const next = t.words[2];
  if (!next) return i + 1;
  for (let g = i + 1; g < limit; g++) if (next.has(words[g]!)) return g;
  return limit;
}

/** Words a gap never spans: clause punctuation and conjunctions that start a new thought. */
const STOP_IN_GAP: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '.',
  'and',
  'but',
  'or',
  'said',
  'says',
  'that',
  'which',
  'who',
  '(',
  ')',
]);
