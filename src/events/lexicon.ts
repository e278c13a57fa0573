import type { PloverType } from '../model/index.js';
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
}

/** Words a gap (`…`) may span. */
export const GAP = 4;

export interface TriggerLexicon {
  /** Patterns by the forms their first word can take. */
  byFirst: ReadonlyMap<string, readonly CompiledTrigger[]>;
  /** Every form of the verbs that carry event nouns. */
  lightVerbs: ReadonlySet<string>;
  /** Boilerplate phrases as word lists, by first word. */
  boilerplate: ReadonlyMap<string, readonly (readonly string[])[]>;
}

function compile(row: TriggerRow, verb: boolean): CompiledTrigger {
  const [pattern, type, governs, kind] = row;
  const parts = pattern.split(' ');
  const last = parts.length - 1;
  const words = parts.map((w, i): Set<string> | null => {
    if (w === '…') return null;
    if (verb && i === 0) return new Set(verbForms(w));
    if (!verb && i === last) return new Set(nounForms(w));
    return new Set([w]);
  });
  const first = parts[0]!;
  const nounLikeBase = verb && NOUN_LIKE_VERBS.has(first) ? new Set([first, ...nounForms(first)]) : null;
  return { words, type, governs: governs ?? false, kind: kind ?? null, pattern, nounLikeBase, verb };
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
  cached = { byFirst, lightVerbs, boilerplate };
  return cached;
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
