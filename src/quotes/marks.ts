import type { Span } from '../model/index.js';

/**
 * Quotation marks → quote spans. Double marks (curly “ ”, straight ", guillemets « », low „, typewriter `` '')
 * open and close top-level quotes; curly single marks ‘ ’ do so only outside a double quote (British style), and an apostrophe
 * never closes one. A paragraph that ends inside an open quote and is followed by a paragraph that reopens
 * with a mark continues the same quote (the news convention for multi-paragraph quotes).
 */
export interface QuoteMarks extends Span {
  /** False when the quote runs to the end of its paragraph without a closing mark. */
  closed: boolean;
}

const OPEN_DOUBLE = new Set(['“', '„', '«']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const OPEN_CONTEXT = /[\s([{—–\-:;,/]/u;

function opensHere(text: string, i: number, lo: number): boolean {
  const prev = i > lo ? text[i - 1]! : ' ';
  const next = text[i + 1] ?? ' ';
  return OPEN_CONTEXT.test(prev) && !/\s/u.test(next);
}

/** A curly ’ closes a single-quoted span only when it is not an apostrophe ("don’t", "officials’ claims"). */
function closesSingle(text: string, i: number): boolean {
  const next = text[i + 1] ?? ' ';
  if (/[\p{L}\p{N}]/u.test(next)) return false;
  if (/\s/u.test(next) && text[i - 1] === 's' && /\p{Ll}/u.test(text[i + 2] ?? '')) return false;
  return !/\s/u.test(text[i - 1] ?? ' ');
}

export function findQuoteMarks(text: string, paragraphs: readonly Span[]): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  let carried: number | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const { start: lo, end: hi } = paragraphs[p]!;
    let open: number | null = carried;
    let single: number | null = null;
    let reopened = carried !== null;
    carried = null;
    for (let i = lo; i < hi; i++) {
      const c = text[i]!;
      // Typewriter doubles: `` opens; '' closes, or opens at a word start (PTB-tokenised and wire archives).
      const pair = (c === '`' || c === "'") && text[i + 1] === c ? c : null;
      if (reopened && i === lo && (OPEN_DOUBLE.has(c) || c === '"' || pair)) {
        if (pair) i++;
        continue;
      }
      reopened = false;
      if (pair) {
        const prev = i > lo ? text[i - 1]! : ' ';
        const startsWord = OPEN_CONTEXT.test(prev) && !/\s/u.test(text[i + 2] ?? ' ');
        if (open === null && single === null && (pair === '`' || startsWord)) open = i;
        else if (open !== null && pair === "'") {
          if (i > open + 2) out.push({ start: open, end: i + 2, closed: true });
          open = null;
        }
        i++;
        continue;
      }
      if (open === null) {
        if (single !== null) {
          if (c === '’' && closesSingle(text, i)) {
            if (i - single > 2) out.push({ start: single, end: i + 1, closed: true });
            single = null;
          }
          continue;
        }
        // A closing mark typed where an opening one belongs (”Fear. I am…) still opens at a word start.
        if (OPEN_DOUBLE.has(c) || ((c === '"' || c === '”') && opensHere(text, i, lo))) open = i;
        else if (c === '‘' && opensHere(text, i, lo)) single = i;
        continue;
      }
      if (CLOSE_DOUBLE.has(c) || c === '"') {
        if (i > open + 1) out.push({ start: open, end: i + 1, closed: true });
        open = null;
      }
    }
    if (open === null) continue;
    const next = paragraphs[p + 1];
    const first = next ? text[next.start]! : '';
    const pairFirst = next ? text.slice(next.start, next.start + 2) : '';
    if (next && (OPEN_DOUBLE.has(first) || first === '"' || pairFirst === '``' || pairFirst === "''")) carried = open;
    else out.push({ start: open, end: hi, closed: false });
  }
  return out;
}
