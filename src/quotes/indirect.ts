import type { Span } from '../model/index.js';
import { WEEKDAY_NAMES } from '../model/lexicon/index.js';
import { isCue, type Attribution } from './attribute.js';
import { INDIRECT_CUES } from './data/cues.js';
import { accordingSource, phraseFrom, subjectBefore } from './phrases.js';
import type { QuoteContext } from './context.js';

/**
 * Reported speech without quotation marks, one per sentence: "the minister told reporters (that) the country
 * would not …", "The ship was sheltering from the storm, the ministry said.", "… according to a person
 * familiar with the matter." Sentences holding a quote are left to the direct-quote rules.
 */
export interface Indirect {
  content: Span;
  att: Attribution;
}

const MIN_CONTENT_WORDS = 4;
/** Trailing material allowed after a sentence-final cue ("said on Tuesday", "said in a statement"). */
const TAIL_REACH = 8;
const TIME_WORDS = new Set([
  'on',
  ...WEEKDAY_NAMES,
  'today',
  'yesterday',
  'earlier',
  'later',
  'last',
  'this',
  'week',
  'month',
  'year',
  'morning',
  'evening',
  'night',
  'afternoon',
]);

function wordCount(v: QuoteContext, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (/^[\p{L}\p{N}]/u.test(v.doc.tokens[i]!.text)) n++;
  return n;
}

function contentSpan(v: QuoteContext, a: number, b: number): Span | null {
  while (b > a && /^[.,;:!?]$/.test(v.ix.lower[b - 1]!)) b--;
  if (b <= a || wordCount(v, a, b) < MIN_CONTENT_WORDS) return null;
  return { start: v.doc.tokens[a]!.start, end: v.doc.tokens[b - 1]!.end };
}

/** Whether the token before `at` ends a person's name. */
function endsWithPerson(v: QuoteContext, at: number): boolean {
  const e = v.ix.entityOf[at - 1] ?? -1;
  return e >= 0 && v.doc.entities[e]!.type === 'PERSON' && v.ix.entityOf[at] !== e;
}

/** "…, X said (on Tuesday)." or "…, said X." or "…, according to X." closing the sentence. */
function trailing(v: QuoteContext, lo: number, hi: number): Indirect | null {
  for (let comma = hi - 2; comma > lo && hi - comma <= TAIL_REACH + 4; comma--) {
    if (v.ix.lower[comma] !== ',') continue;
    const from = comma + 1;
    if (v.ix.lower[from] === 'according' && v.ix.lower[from + 1] === 'to') {
      const who = accordingSource(v, from + 2, hi);
      const content = contentSpan(v, lo, comma);
      return who && content ? { content, att: { cue: [from, from + 2], speaker: who } } : null;
    }
    for (let c = from; c < hi && c - from <= 8; c++) {
      if (!isCue(v, c) || !INDIRECT_CUES.has(v.ix.lower[c]!)) continue;
      let speaker = subjectBefore(v, c, from);
      // "Kask's spokesman, Jaan Tamm, said the talks …": a name in apposition before the comma is the subject of a
      // leading report, not the end of a reported clause.
      if (!speaker && c === from && !endsWithPerson(v, comma)) {
        // "…, said X." is inverted only when X closes the clause: in "…, said the driver was hit" X is the report's subject.
        const inverted = phraseFrom(v, c + 1, hi);
        if (inverted && (inverted[1] >= hi || /^[.,;:!?]$/.test(v.ix.lower[inverted[1]]!))) speaker = inverted;
      }
      const content = contentSpan(v, lo, comma);
      return speaker && content ? { content, att: { cue: [c, c + 1], speaker } } : null;
    }
    return null;
  }
  return null;
}

/** How many more words a relative clause set off by commas may put between a subject and its cue. */
const RELATIVE_REACH = 10;

/** "the lawyer for the skipper, who has been charged with fraud, said": a relative clause closes right before `c`. */
function afterRelative(v: QuoteContext, lo: number, c: number): boolean {
  if (v.ix.lower[c - 1] !== ',') return false;
  for (let k = c - 2; k > lo && c - k <= RELATIVE_REACH + 2; k--) {
    const w = v.ix.lower[k]!;
    if (w === ',') return k + 1 < c - 1 && /^(?:who|which)$/.test(v.ix.lower[k + 1]!);
  }
  return false;
}

/** "X said (that) …", "X told reporters (that) …", "According to X, …" opening the sentence. */
function leading(v: QuoteContext, lo: number, hi: number): Indirect | null {
  if (v.ix.lower[lo] === 'according' && v.ix.lower[lo + 1] === 'to') {
    const who = accordingSource(v, lo + 2, hi);
    if (!who || v.ix.lower[who[1]] !== ',') return null;
    const content = contentSpan(v, who[1] + 1, hi);
    return content ? { content, att: { cue: [lo, lo + 2], speaker: who } } : null;
  }
  for (let c = lo + 1; c < hi && c - lo <= 14 + RELATIVE_REACH; c++) {
    if (!isCue(v, c) || !INDIRECT_CUES.has(v.ix.lower[c]!)) continue;
    if (c - lo > 14 && !afterRelative(v, lo, c)) continue;
    const speaker = subjectBefore(v, c, lo);
    if (!speaker) continue;
    let j = c + 1;
    // "told reporters on Wednesday that …", "said in a statement that …": the report starts after "that".
    for (let k = c + 1; k < hi && k - c <= 9; k++) {
      const w = v.ix.lower[k]!;
      if (w === ',' || isCue(v, k)) break;
      if (w === 'that') {
        const content = contentSpan(v, k + 1, hi);
        return content ? { content, att: { cue: [c, c + 1], speaker } } : null;
      }
    }
    if (
      v.ix.lower[c]!.startsWith('told') ||
      v.ix.lower[c] === 'tells' ||
      v.ix.lower[c] === 'urged' ||
      v.ix.lower[c] === 'warned' ||
      v.ix.lower[c] === 'accused'
    ) {
      // The addressee of "told" is not what was said; "accused X of …" keeps X in the proposition.
      if (!v.ix.lower[c]!.startsWith('accus') && !v.ix.lower[c]!.startsWith('urg')) {
        const obj = phraseFrom(v, j, hi);
        if (obj) j = obj[1];
      }
    }
    while (j < hi && TIME_WORDS.has(v.ix.lower[j]!)) j++;
    if (v.ix.lower[j] === ',') j++;
    if (v.ix.lower[j] === 'that') j++;
    const content = contentSpan(v, j, hi);
    return content ? { content, att: { cue: [c, c + 1], speaker } } : null;
  }
  return null;
}

export function findIndirect(v: QuoteContext): Indirect[] {
  const out: Indirect[] = [];
  const n = v.doc.tokens.length;
  for (let lo = 0; lo < n; ) {
    const hi = v.ix.sentHi[lo]!;
    let quoted = false;
    for (let i = lo; i < hi; i++) if (v.quoteOf[i] !== -1 || /^["“”«»„]$/.test(v.ix.lower[i]!)) quoted = true;
    if (!quoted) {
      const r = trailing(v, lo, hi) ?? leading(v, lo, hi);
      if (r) out.push(r);
    }
    lo = hi;
  }
  return out;
}
