import {
  endsSentence,
  isCaption,
  isChrome,
  isCreditOnly,
  hasHeadlineShape,
  isSubhead,
  parseByline,
  parseDateline,
  parseSourceLine,
  parseStampLines,
  splitTitleSuffix,
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
/** Words of photo credits. */
const CREDIT_WORDS = new Set(
  'photo photos photograph image images picture getty credit courtesy afp ap reuters epa via pool handout file'.split(
    ' ',
  ),
);
/** Present-tense verbs of picture captions ("… waves to supporters", "… speaks during …"). */
const CAPTION_VERBS = new Set(
  'speaks arrives waves listens walks gestures attends looks addresses stands sits holds poses smiles greets leaves delivers reacts shakes wait waits march marches line lines cheer cheers gather gathers'.split(
    ' ',
  ),
);
/** Reported speech in the past tense: body prose (headlines report in the present: "says"). */
const REPORTED = new Set(['said', 'told', 'according', 'added', 'asked', 'wrote']);
const SAYS = new Set(['says', 'tells', 'warns', 'vows', 'urges']);
/** Personal pronouns and past auxiliaries: narrative prose; headlines name their actors and speak in the present. */
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'his', 'her', 'their', 'our', 'my', 'you']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', 'would', 'could']);
const ARTICLES = new Set(['the', 'a', 'an']);
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;
const YEAR = /\b(?:19|20)\d\d\b/;

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

/** A word in lower case without the punctuation around it ("“Trump’s," → "trump’s"). */
function bareLower(w: string): string {
  let a = 0;
  let b = w.length;
  while (a < b && !isLetter(w.charCodeAt(a))) a++;
  while (b > a && !isLetter(w.charCodeAt(b - 1))) b--;
  return w.slice(a, b).toLowerCase();
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

/** Lines longer than this (in words) are prose: only their cheap shape attributes are computed. */
const LONG = 30;

/** The line's own attributes (no position, no neighbours). */
export function ownAttributes(text: string): string[] {
  const t = text.trim();
  const words = t.split(' ');
  const n = wordCount(t);
  const end = endClass(t);
  const out: string[] = [`w${bucket(n, WORD_EDGES)}`, `e${end}`, `s${startClass(t)}`];
  out.push(`we${bucket(n, [3, 8, 16, 30])}${end}`);
  if (t.includes('"') || t.includes('“') || t.includes('”')) out.push('quote');
  const first = words[0] ? bareLower(words[0]) : '';
  if (first) out.push(`f:${first}`);
  const caption = isCaption(t);
  if (caption) out.push('R:caption');
  if (parseDateline(t)) out.push('R:dateline');
  if (end === '.' || end === '!' || end === '?' || end === 'q.' || endsSentence(t)) out.push('R:ends');
  if (n > LONG) {
    out.push(`ns${Math.min(sentenceBreaks(t), 3)}`);
    return out;
  }
  let content = 0;
  let caps = 0;
  let credit = false;
  let capVerb = false;
  let said = false;
  let says = false;
  let pronouns = 0;
  let pastAux = 0;
  let articles = 0;
  for (const w of words) {
    const lower = bareLower(w);
    if (lower.length > 3) {
      content++;
      const c = w.charAt(0);
      if (c !== c.toLowerCase()) caps++;
    }
    if (!credit && CREDIT_WORDS.has(lower)) credit = true;
    if (!capVerb && CAPTION_VERBS.has(lower)) capVerb = true;
    if (!said && REPORTED.has(lower)) said = true;
    if (!says && SAYS.has(lower)) says = true;
    if (ARTICLES.has(lower)) articles++;
  }
  // Pronouns and auxiliaries of the line's own voice: quoted words (a headline quoting "I") left out.
  for (const w of unquoted(t).split(' ')) {
    const lower = bareLower(w);
    if (PRONOUNS.has(lower)) pronouns++;
    if (PAST_AUX.has(lower)) pastAux++;
  }
  if (pronouns > 0) out.push(`pron${Math.min(pronouns, 2)}`);
  if (pastAux > 0) out.push('pastaux');
  out.push(`det${articles === 0 ? 0 : articles / Math.max(1, n) >= 0.1 ? 2 : 1}`);
  if (t.includes(';')) out.push('semicolon');
  if (content > 0) {
    const r = caps / content;
    out.push(`tc${r === 1 ? '1' : r >= 0.75 ? '.75' : r >= 0.5 ? '.5' : r > 0 ? '.1' : '0'}`);
  }
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase()) out.push('caps');
  out.push(`ns${Math.min(sentenceBreaks(t), 3)}`);
  if (said) out.push('said');
  if (says) out.push('says');
  if (credit) out.push('creditw');
  if (capVerb) out.push('capverb');
  if (t.includes('/') && /\p{Lu}[\p{L}.'’-]*\s*\/\s*\p{Lu}/u.test(t)) out.push('slash');
  if ((t.includes('.') || t.includes(':')) && /https?:|www\.|\.(?:com|org|net|co\.uk)\b/i.test(t)) out.push('url');
  if (t.includes('@') && /@\w/.test(t)) out.push('handle');
  if (/\d/.test(t)) {
    if (MONTH.test(t)) out.push('month');
    if (YEAR.test(t)) out.push('year');
    if (t.includes(':') && /\d{1,2}:\d\d/.test(t)) out.push('clock');
  }
  if (/\(\s*(?:AP|Reuters|AFP)\s*\)/.test(t)) out.push('wiredl');
  // What the hand-written rules for short lines say.
  if (isCreditOnly(t, caption)) out.push('R:credit');
  const chrome = isChrome(t);
  if (chrome) out.push('R:chrome');
  if (isSubhead(t)) out.push('R:subhead');
  const source = parseSourceLine(t) !== null;
  if (source) out.push('R:source');
  if (!caption && !chrome && !source && hasHeadlineShape(t)) out.push('R:head');
  if (parseByline(t)) out.push('R:byline');
  if (parseStampLines(t)) out.push('R:stamp');
  if (t.includes(' ') && splitTitleSuffix(t).site !== null) out.push('R:sitesuffix');
  if (startsWithTimestamp(t)) out.push('R:time');
  return out;
}

/** The line without its quotations ("…", “…”, and '…' / ‘…’ opened after a space). */
function unquoted(t: string): string {
  return t.replace(/["“][^"”]*["”]|(?:^|\s)['‘][^'’]*['’](?=$|[\s,.:;!?])/gu, ' ');
}

/** Sentence breaks inside a line (". The"). */
function sentenceBreaks(t: string): number {
  return (t.match(/[.!?]["”’']?\s+["“‘']?\p{Lu}/gu) ?? []).length;
}

/** Attributes worth repeating for a neighbour line (shape only, no words). */
const NEIGHBOUR = /^(?:w|e|s|tc|caps|R:|url|creditw|capverb|slash|month|year|clock|wiredl|said|quote)/;
const NEXT2 = /^(?:w|R:dateline|R:caption|R:byline|R:stamp|e)/;

/** A line's attributes, and the same as they are named when the line is a neighbour (built once per line). */
export interface LineAttributes {
  own: readonly string[];
  /** The word-count bucket ("w8"). */
  width: string;
  asPrev: readonly string[];
  asNext: readonly string[];
  asNext2: readonly string[];
}

export function lineAttributes(text: string): LineAttributes {
  const own = ownAttributes(text);
  const neighbour = own.filter((a) => NEIGHBOUR.test(a));
  return {
    own,
    width: own[0] ?? 'w0',
    asPrev: neighbour.map((a) => `p:${a}`),
    asNext: neighbour.map((a) => `n:${a}`),
    asNext2: own.filter((a) => NEXT2.test(a)).map((a) => `nn:${a}`),
  };
}

/**
 * Features of line `cur` given its neighbours. `attrs` computes (or looks up) a line's attributes, so
 * a caller that keeps them per line pays for each line once.
 */
export function lineFeatures(
  cur: LineView,
  prev: LineView | null,
  next: LineView | null,
  next2: LineView | null,
  attrs: (line: LineView) => LineAttributes,
): string[] {
  const mine = attrs(cur);
  const blank = cur.blankBefore ? (cur.blankAfter ? 'blankBB' : 'blankB-') : cur.blankAfter ? 'blank-B' : 'blank--';
  const out: string[] = ['bias', blank, ...mine.own, `${blank.slice(5)}${mine.width}`];
  if (prev) {
    out.push(...attrs(prev).asPrev);
    if (prev.blankBefore) out.push('p:bb');
  } else out.push('p:none');
  if (next) {
    const n = attrs(next);
    out.push(...n.asNext);
    if (next.blankAfter) out.push('n:ba');
    out.push(`${mine.width}|n:${n.width}`);
  } else out.push('n:none');
  if (next2) out.push(...attrs(next2).asNext2);
  else out.push('nn:none');
  return out;
}
