import type { Span } from '../model/index.js';

/**
 * Quotation marks → quote spans. Double marks (curly “ ”, straight ", guillemets « », low „, typewriter `` '')
 * open and close top-level quotes; curly single marks ‘ ’ do so only outside a double quote (British style), and an apostrophe
 * never closes one. A curly “ inside an open curly quote nests when the next two curly marks both close it. A paragraph that ends inside an open quote and is followed by a paragraph that reopens
 * with a mark continues the same quote (the news convention for multi-paragraph quotes).
 */
export interface QuoteMarks extends Span {
  /** False when the quote runs to the end of its paragraph without a closing mark. */
  closed: boolean;
  /** A transcript turn's speaker label ("HOLM:") written after the opening mark: the span is the words after it. */
  turn?: Span;
}

/**
 * A transcript turn: a paragraph that opens with a mark and a speaker label in capitals and a colon
 * ("\"WALLACE: Let's start …"). Each turn is one statement by the one labelled, even when the paragraph before
 * ended inside an open quote.
 */
const TURN_LABEL = /^(\p{Lu}[\p{Lu}.'’ -]{1,30}\p{Lu}):[ \t]+(?=\S)/u;

function turnLabel(text: string, at: number): Span | null {
  const m = TURN_LABEL.exec(text.slice(at, at + 40));
  return m ? { start: at, end: at + m[1]!.length } : null;
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

/** Whether the next two curly double marks after position `i` (before `hi`) are both closing ones. */
function nestsHere(text: string, i: number, hi: number): boolean {
  let closes = 0;
  for (let j = i + 1; j < hi; j++) {
    const c = text[j];
    if (c === '“') return false;
    if (c === '”' && ++closes === 2) return true;
  }
  return false;
}

export function findQuoteMarks(text: string, paragraphs: readonly Span[]): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  let carried: number | null = null;
  let carriedTurn: Span | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const { start: lo, end: hi } = paragraphs[p]!;
    let open: number | null = carried;
    let single: number | null = null;
    let reopened = carried !== null;
    carried = null;
    let turn: Span | null = carriedTurn;
    carriedTurn = null;
    let nested = 0;
    for (let i = lo; i < hi; i++) {
      const c = text[i]!;
      if (i === lo && open === null && (OPEN_DOUBLE.has(c) || c === '"')) {
        // "\"(CROSSTALK.)": a bracketed note in a transcript is nobody's words.
        if (/^\([^()]*\)[.\s]*$/u.test(text.slice(i + 1, hi))) break;
        turn = turnLabel(text, i + 1);
        if (turn) {
          // The statement starts after "LABEL: "; its closing mark, if any, ends it as usual.
          open = text.indexOf(':', turn.end) + 1;
          while (/[ \t]/.test(text[open] ?? '')) open++;
          i = open - 1;
          continue;
        }
      }
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
      // “… what he calls “hell” than …”: a curly opening mark inside an open quote nests when the next two curly
      // marks after it both close (the inner quote's, then the outer one's).
      if (c === '“' && opensHere(text, i, lo) && nestsHere(text, i, hi)) {
        nested++;
        continue;
      }
      if (c === '”' && nested > 0) {
        nested--;
        continue;
      }
      if (CLOSE_DOUBLE.has(c) || c === '"') {
        if (i > open + 1) out.push({ start: open, end: i + 1, closed: true, ...(turn ? { turn } : {}) });
        open = null;
        turn = null;
      }
    }
    if (open === null) continue;
    const next = paragraphs[p + 1];
    const first = next ? text[next.start]! : '';
    const pairFirst = next ? text.slice(next.start, next.start + 2) : '';
    const reopens = next && (OPEN_DOUBLE.has(first) || first === '"' || pairFirst === '``' || pairFirst === "''");
    // A turn ends where the next paragraph opens another turn (or a bracketed note, "(CROSSTALK)").
    const nextTurn =
      reopens && (turnLabel(text, next.start + 1) !== null || (turn !== null && text[next.start + 1] === '('));
    if (reopens && !nextTurn) {
      carried = open;
      carriedTurn = turn;
    } else {
      // A turn with no closing mark ends at the end of its paragraph, without the paragraph's closing spaces.
      let end = hi;
      while (end > open && /\s/u.test(text[end - 1]!)) end--;
      out.push({ start: open, end, closed: false, ...(turn ? { turn } : {}) });
    }
  }
  return out;
}
