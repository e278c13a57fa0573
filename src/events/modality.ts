import { CONDITIONALS, DENIAL, HYPOTHETICAL_MODALS, INTENT, NEGATORS, REPORTING } from './data/words.js';

/** How an event is asserted: negated ("did not attack"), hypothetical ("could supply"), or as an intention. */
export interface Modality {
  negated: boolean;
  hypothetical: boolean;
  /** "intent" (ready to, will, plans to), "possible" (could, may), "conditional" (would, if), "denied", or null. */
  mode: string | null;
}

/** Words that may stand in the verb group before a trigger: auxiliaries, adverbs, modals, intent frames. */
const VERB_GROUP: ReadonlySet<string> = new Set([
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  "'s",
  'did',
  'does',
  'do',
  'to',
  'also',
  'again',
  'already',
  'reportedly',
  'allegedly',
  'then',
  'now',
  'still',
  'just',
  'once',
  'repeatedly',
  'formally',
  'officially',
  'jointly',
  'finally',
  'soon',
  'quickly',
  'immediately',
  'not',
  "n't",
  'never',
  'no',
  'longer',
  'able',
  'about',
  'going',
  'set',
  'likely',
  'unlikely',
  'fully',
  'itself',
  'themselves',
  'further',
  'even',
  'rather',
  'first',
  'publicly',
  'effectively',
  'continue',
  'continued',
  'continues',
  'agreed',
  'begin',
  'began',
  'begun',
  'try',
  'tried',
  'attempt',
  'attempted',
]);

/**
 * Read the verb group before trigger token `ts` (back to `clauseStart`): negators, modals, intent frames,
 * a denial verb right before ("denied supplying"), and a conditional opening the clause ("if … would breach").
 */
export function readModality(
  words: readonly string[],
  ts: number,
  clauseStart: number,
  clauseOpener: string | null,
): Modality {
  let negated = false;
  let hypothetical = false;
  let mode: string | null = null;
  let j = ts - 1;
  for (let n = 0; j >= clauseStart && n < 8; j--, n++) {
    const w = words[j]!;
    if (NEGATORS.has(w)) negated = true;
    else if (HYPOTHETICAL_MODALS.has(w)) {
      // "said it would allow" is reported intention, not a hypothetical.
      if (w === 'would' && reportedBefore(words, j, clauseStart)) mode ??= 'intent';
      else {
        hypothetical = true;
        mode ??= HYPOTHETICAL_MODALS.get(w)!;
      }
    } else if (INTENT.has(w)) mode ??= 'intent';
    else if (DENIAL.has(w) && j === ts - 1) {
      negated = true;
      mode ??= 'denied';
    } else if (!VERB_GROUP.has(w)) break;
  }
  if (clauseOpener && CONDITIONALS.has(clauseOpener)) {
    hypothetical = true;
    mode = mode === 'intent' || mode === null ? 'conditional' : mode;
  }
  return { negated, hypothetical, mode };
}

function reportedBefore(words: readonly string[], j: number, clauseStart: number): boolean {
  for (let k = j - 1; k >= Math.max(0, clauseStart - 4, j - 4); k--) if (REPORTING.has(words[k]!)) return true;
  return false;
}
