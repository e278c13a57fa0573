import { MONTH_NAMES, WEEKDAY_NAMES } from '../model/lexicon/index.js';
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

/** Words that name a time by themselves: an addressee ends before them ("told parliament on Tuesday morning"). */
const TIME_WORDS: ReadonlySet<string> = new Set([
  ...WEEKDAY_NAMES,
  ...MONTH_NAMES,
  'today',
  'yesterday',
  'tonight',
  'tomorrow',
  'earlier',
  'later',
  'morning',
  'afternoon',
  'evening',
  'night',
  'weekend',
  'week',
  'month',
  'year',
]);
/** Words that open a time adverbial when a time word or "on"/"in" follows ("late on Thursday", "last week"). */
const TIME_OPENERS: ReadonlySet<string> = new Set([
  'late',
  'early',
  'last',
  'this',
  'next',
  'on',
  'in',
  'at',
  'during',
]);

/**
 * The addressee without the time adverbial the phrase reader ran into: a noun phrase is who was told, the time
 * it was told is an adjunct of the verb ("told parliament on Tuesday morning" → "parliament").
 */
function withoutTime(v: QuoteContext, r: TokenRange): TokenRange | null {
  for (let k = r[0] + 1; k < r[1]; k++) {
    const w = v.ix.lower[k]!;
    const next = v.ix.lower[k + 1] ?? '';
    const timeNext = TIME_WORDS.has(next) || (TIME_OPENERS.has(next) && TIME_WORDS.has(v.ix.lower[k + 2] ?? ''));
    if (v.ix.entityOf[k] === -1 && (TIME_WORDS.has(w) || (TIME_OPENERS.has(w) && timeNext)))
      return k > r[0] ? [r[0], k] : null;
  }
  return r;
}

/** The addressee of a statement whose cue is `cue`, in the sentence [lo, hi). */
export function addresseeOf(v: QuoteContext, cue: TokenRange | null, lo: number, hi: number): TokenRange | null {
  for (let i = lo; i + 1 < hi; i++) {
    if (cue && (i < cue[0] - REACH || i > cue[1] + REACH)) continue;
    if (v.quoteOf[i] !== -1) continue;
    const w = v.ix.lower[i]!;
    const next = v.ix.lower[i + 1]!;
    if (TELL.has(w) && next !== 'that') {
      const obj = phraseFrom(v, i + 1, hi);
      if (obj) return withoutTime(v, obj);
    }
    if (next !== 'to' && next !== 'with') continue;
    if (OCCASIONS.has(w) || (TO_VERBS.has(w) && next === 'to')) {
      const who = phraseFrom(v, i + 2, hi);
      if (who) return withoutTime(v, who);
    }
  }
  return null;
}
