import {
  endsSentence,
  isCaption,
  isChrome,
  isCreditOnly,
  isHeadlineShaped,
  isSubhead,
  parseByline,
  parseDateline,
  parseSourceLine,
  parseStampLines,
  startsWithTimestamp,
  wordCount,
} from './classify.js';

/**
 * Features of a dump line for the learned line classifier: the line's own shape (length, terminal
 * punctuation, title-case ratio, sentence count, URL-ness, credit words, caption verbs, reported speech),
 * what the certain rules say about it, the blank lines around it, and the shape of its neighbours.
 */

export interface LineView {
  text: string;
  /** A blank line (or the start of input) precedes / follows it. */
  blankBefore: boolean;
  blankAfter: boolean;
}

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return String(e);
  return `>${edges[edges.length - 1]}`;
}

const WORD_EDGES = [1, 2, 3, 5, 8, 12, 16, 22, 30, 45, 70];
const CREDIT_WORDS =
  /\b(?:photo|photos|photograph|image|images|picture|getty|credit|courtesy|afp|ap|reuters|epa|via|pool|handout|file)\b/i;
/** Present-tense verbs of picture captions ("… waves to supporters", "… speaks during …"). */
const CAPTION_VERBS =
  /\b(?:speaks|arrives|waves|listens|walks|gestures|attends|looks on|addresses|stands|sits|holds|poses|smiles|greets|leaves|delivers|reacts|shakes hands|wait|waits|march|marches|line up|lines up|cheer|cheers|gather|gathers|stand guard)\b/i;
/** Reported speech in the past tense: body prose (headlines report in the present: "says"). */
const REPORTED = /\b(?:said|told|according to|added|asked|wrote)\b/i;
const SAYS = /\b(?:says|tells|warns|vows|urges)\b/i;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;
const YEAR = /\b(?:19|20)\d\d\b/;
const CONTENT_WORD = /^\p{L}[\p{L}'’-]{3,}/u;

function endClass(t: string): string {
  const c = t.charAt(t.length - 1);
  if (/[.]/.test(c)) return /["”’']\.$|\.["”’']$/.test(t.slice(-2)) ? 'q.' : '.';
  if (/[?!]/.test(c)) return c;
  if (/[:;,]/.test(c)) return c;
  if (/["”’']/.test(c)) return /[.!?]["”’']$/.test(t) ? 'q.' : 'q';
  if (/[)\]]/.test(c)) return ')';
  if (/\d/.test(c)) return 'd';
  if (/\p{L}/u.test(c)) return 'a';
  return 'o';
}

function startClass(t: string): string {
  const c = t.charAt(0);
  if (/\p{Lu}/u.test(c)) return 'U';
  if (/\p{Ll}/u.test(c)) return 'l';
  if (/\d/.test(c)) return 'd';
  if (/["“‘']/.test(c)) return 'q';
  if (c === '(' || c === '[') return '(';
  return 'o';
}

/** The line's own attributes (no position, no neighbours). */
export function ownAttributes(text: string): string[] {
  const t = text.trim();
  const words = t.split(/\s+/);
  const n = wordCount(t);
  const out: string[] = [`w${bucket(n, WORD_EDGES)}`, `e${endClass(t)}`, `s${startClass(t)}`];
  out.push(`we${bucket(n, [3, 8, 16, 30])}${endClass(t)}`);
  const content = words.filter((w) => CONTENT_WORD.test(w));
  if (content.length > 0) {
    const caps = content.filter((w) => /^\p{Lu}/u.test(w)).length / content.length;
    out.push(`tc${caps === 1 ? '1' : caps >= 0.75 ? '.75' : caps >= 0.5 ? '.5' : caps > 0 ? '.1' : '0'}`);
  }
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase()) out.push('caps');
  const sentences = (t.match(/[.!?]["”’']?\s+["“‘']?\p{Lu}/gu) ?? []).length;
  out.push(`ns${Math.min(sentences, 3)}`);
  if (/["“”]/.test(t)) out.push('quote');
  if (REPORTED.test(t)) out.push('said');
  if (SAYS.test(t)) out.push('says');
  if (CREDIT_WORDS.test(t)) out.push('creditw');
  if (CAPTION_VERBS.test(t)) out.push('capverb');
  if (/\p{Lu}[\p{L}.'’-]*\s*\/\s*\p{Lu}/u.test(t)) out.push('slash');
  if (/https?:|www\.|\.(?:com|org|net|co\.uk)\b/i.test(t)) out.push('url');
  if (/@\w/.test(t)) out.push('handle');
  if (MONTH.test(t)) out.push('month');
  if (YEAR.test(t)) out.push('year');
  if (/\d{1,2}:\d\d/.test(t)) out.push('clock');
  if (/\(\s*(?:AP|Reuters|AFP)\s*\)|^\p{Lu}{3,}[\p{Lu} ,.]*(?:\([^)]*\))?\s*[—–-]/u.test(t)) out.push('wiredl');
  const first = words[0]?.toLowerCase().replace(/[^\p{L}\d]/gu, '') ?? '';
  const last = words[words.length - 1]?.toLowerCase().replace(/[^\p{L}\d]/gu, '') ?? '';
  if (first) out.push(`f:${first}`);
  if (last) out.push(`l:${last}`);
  // What the hand-written rules say.
  if (isCaption(t)) out.push('R:caption');
  if (isCreditOnly(t)) out.push('R:credit');
  if (isChrome(t)) out.push('R:chrome');
  if (isSubhead(t)) out.push('R:subhead');
  if (isHeadlineShaped(t)) out.push('R:head');
  if (parseByline(t)) out.push('R:byline');
  if (parseStampLines(t)) out.push('R:stamp');
  if (parseSourceLine(t)) out.push('R:source');
  if (parseDateline(t)) out.push('R:dateline');
  if (startsWithTimestamp(t)) out.push('R:time');
  if (endsSentence(t)) out.push('R:ends');
  return out;
}

/** Attributes worth repeating for a neighbour line (shape only, no words). */
const NEIGHBOUR = /^(?:w|e|s|tc|caps|R:|url|creditw|capverb|slash|month|year|clock|wiredl|said|quote)/;

/**
 * Features of line `cur` given its neighbours. `own` computes (or looks up) a line's attributes, so
 * a caller that keeps them per line pays for each line once.
 */
export function lineFeatures(
  cur: LineView,
  prev: LineView | null,
  next: LineView | null,
  next2: LineView | null,
  own: (line: LineView) => readonly string[],
): string[] {
  const out: string[] = ['bias'];
  const mine = own(cur);
  const blank = `${cur.blankBefore ? 'B' : '-'}${cur.blankAfter ? 'B' : '-'}`;
  out.push(`blank${blank}`);
  for (const a of mine) out.push(a);
  for (const a of mine) if (a.startsWith('w') && !a.startsWith('we')) out.push(`${blank}${a}`);
  if (prev) {
    for (const a of own(prev)) if (NEIGHBOUR.test(a)) out.push(`p:${a}`);
    if (prev.blankBefore) out.push('p:bb');
  } else out.push('p:none');
  if (next) {
    const nextOwn = own(next);
    for (const a of nextOwn) if (NEIGHBOUR.test(a)) out.push(`n:${a}`);
    if (next.blankAfter) out.push('n:ba');
    const nw = nextOwn.find((a) => a.startsWith('w') && !a.startsWith('we'));
    const me = mine.find((a) => a.startsWith('w') && !a.startsWith('we'));
    if (nw && me) out.push(`${me}|n:${nw}`);
  } else out.push('n:none');
  if (next2) {
    for (const a of own(next2)) if (/^(?:w|R:dateline|R:caption|R:byline|R:stamp|e)/.test(a)) out.push(`nn:${a}`);
  } else out.push('nn:none');
  return out;
}
