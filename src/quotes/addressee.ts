import { phraseFrom, type TokenRange } from './phrases.js';
import type { QuoteContext } from './context.js';

/**
 * Whom a statement was made to, when its sentence says so: the object of "told" ("told reporters", "told the
 * hearing", "told a radio station"), or the one after "to"/"with" in "in a letter to X", "in an interview with X",
 * "speaking to X", "wrote to X". Null when the text gives none.
 */

const TELL = new Set(['told', 'tell', 'tells', 'telling']);
/** Occasions that carry a statement to someone ("in a letter to", "in an interview with"). */
const OCCASIONS = new Set([
  'letter',
  'email',
  'e-mail',
  'message',
  'note',
  'interview',
  'call',
  'remarks',
  'speech',
  'address',
  'briefing',
  'testimony',
  'statement',
  'meeting',
  'conversation',
]);
const TO_VERBS = new Set(['speaking', 'talking', 'wrote', 'written', 'writing', 'said', 'explained', 'complained']);
/** How far after the cue an addressee may be written. */
const REACH = 12;

/** The addressee of a statement whose cue is `cue`, in the sentence [lo, hi). */
export function addresseeOf(v: QuoteContext, cue: TokenRange | null, lo: number, hi: number): TokenRange | null {
  for (let i = lo; i + 1 < hi; i++) {
    if (cue && (i < cue[0] - REACH || i > cue[1] + REACH)) continue;
    if (v.quoteOf[i] !== -1) continue;
    const w = v.ix.lower[i]!;
    const next = v.ix.lower[i + 1]!;
    if (TELL.has(w) && next !== 'that') {
      const obj = phraseFrom(v, i + 1, hi);
      if (obj) return obj;
    }
    if (next !== 'to' && next !== 'with') continue;
    if (OCCASIONS.has(w) || (TO_VERBS.has(w) && next === 'to')) {
      const who = phraseFrom(v, i + 2, hi);
      if (who) return who;
    }
  }
  return null;
}
