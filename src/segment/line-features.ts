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
import { CREDIT_LINE } from '../ingest/html/data/phrases.js';

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
/**
 * Copulas and perfect auxiliaries: prose writes "the council has refused", "the deal is"; headlinese drops them
 * ("Council refuses", "Deal near").
 */
const COPULAS = new Set(['is', 'are', 'has', 'have', 'been', "isn't", "aren't", "hasn't", "haven't"]);
/**
 * Words that open a sentence by pointing back to what came before (pronouns, demonstratives, connectives): a
 * paragraph that opens with one goes on from the one before it, and a headline opens nothing with one.
 */
const ANAPHORIC = new Set(
  'he she they it his her their its we this that these those but and yet still however thus so also meanwhile instead then there such both'.split(
    ' ',
  ),
);
/** Month and weekday names standing alone ("in March", "on Thursday"): the when of a photo caption. */
const WHEN_WORDS = new Set(
  'january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

/** The word lists above as one table: a word → the lists it is on (one lookup per word of a line). */
const CREDIT = 1;
const CAPTION_VERB = 2;
const REPORTED_SPEECH = 4;
const SAYS_VERB = 8;
const ARTICLE = 16;
const PRONOUN = 32;
const PAST_AUXILIARY = 64;
const COPULA = 128;
const WHEN = 256;
const WORD_CLASSES = new Map<string, number>();
for (const [words, flag] of [
  [CREDIT_WORDS, CREDIT],
  [CAPTION_VERBS, CAPTION_VERB],
  [REPORTED, REPORTED_SPEECH],
  [SAYS, SAYS_VERB],
  [ARTICLES, ARTICLE],
  [PRONOUNS, PRONOUN],
  [PAST_AUX, PAST_AUXILIARY],
  [COPULAS, COPULA],
  [WHEN_WORDS, WHEN],
] as const)
  for (const w of words) WORD_CLASSES.set(w, (WORD_CLASSES.get(w) ?? 0) | flag);
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;
const YEAR = /\b(?:19|20)\d\d\b/;

const QUOTE_CHARS = '"”’\'';

/** How a line ends ('.', 'q.' for a quotation closing a sentence, '?', ':', 'd' for a digit, 'a' for a letter…). */
function endClass(t: string): string {
  const c = t.charAt(t.length - 1);
  if (c === '') return 'o';
  const before = t.length >= 2 ? t.charAt(t.length - 2) : '';
  if (c === '.') return before !== '' && QUOTE_CHARS.includes(before) ? 'q.' : '.';
  if (c === '?' || c === '!' || c === ':' || c === ';' || c === ',') return c;
  if (QUOTE_CHARS.includes(c)) return before === '.' || before === '!' || before === '?' ? 'q.' : 'q';
  if (c === ')' || c === ']') return ')';
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return 'd';
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return 'a';
  if (code < 128) return 'o';
  return /\p{L}/u.test(c) ? 'a' : 'o';
}

/** How a line starts: 'U' upper-case letter, 'l' lower-case, 'd' digit, 'q' quotation mark, '(' bracket, 'o' other. */
function startClass(t: string): string {
  const c = t.charAt(0);
  const code = c.charCodeAt(0);
  if (code >= 65 && code <= 90) return 'U';
  if (code >= 97 && code <= 122) return 'l';
  if (code >= 48 && code <= 57) return 'd';
  if (c === '"' || c === '“' || c === '‘' || c === "'") return 'q';
  if (c === '(' || c === '[') return '(';
  if (code < 128 || Number.isNaN(code)) return 'o';
  if (/\p{Lu}/u.test(c)) return 'U';
  return /\p{Ll}/u.test(c) ? 'l' : 'o';
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
  // Counted as far as the widest bucket needs.
  const n = wordCount(t, WORD_EDGES[WORD_EDGES.length - 1]!);
  const end = endClass(t);
  const out: string[] = [`w${bucket(n, WORD_EDGES)}`, `e${end}`, `s${startClass(t)}`];
  out.push(`we${bucket(n, [3, 8, 16, 30])}${end}`);
  if (t.includes('"') || t.includes('“') || t.includes('”')) out.push('quote');
  const space = t.indexOf(' ');
  const first = bareLower(space < 0 ? t : t.slice(0, space));
  if (first) {
    out.push(`f:${first}`);
    if (ANAPHORIC.has(first)) out.push('fa');
  }
  const caption = isCaption(t);
  if (caption) out.push('R:caption');
  if (parseDateline(t)) out.push('R:dateline');
  if (end === '.' || end === '!' || end === '?' || end === 'q.' || endsSentence(t)) out.push('R:ends');
  if (isSignoff(t, n)) out.push('R:signoff');
  if (n > LONG) {
    out.push(`ns${Math.min(sentenceBreaks(t), 3)}`);
    return out;
  }
  const words = t.split(' ');
  let content = 0;
  let caps = 0;
  let credit = false;
  let capVerb = false;
  let said = false;
  let says = false;
  let pronouns = 0;
  let pastAux = 0;
  let articles = 0;
  let copulas = 0;
  let pastEd = 0;
  let when = false;
  let inPlace = false;
  let contraction = false;
  // Pronouns and auxiliaries of the line's own voice: quoted words (a headline quoting "I") left out.
  const quoted = t.includes('"') || t.includes('“') || t.includes("'") || t.includes('‘');
  let prevLower = '';
  for (const w of words) {
    const lower = bareLower(w);
    if (lower.length > 3) {
      content++;
      if (startsUpper(w)) caps++;
      // A past tense or participle ("experienced", "refused"): narrative prose, where headlines say "refuses".
      if (lower.length >= 5 && lower.endsWith('ed') && !startsUpper(w)) pastEd++;
      if (lower.endsWith("n't") || lower.endsWith('n’t')) contraction = true;
    }
    // "in Brussels", "at Kabul": a place, as photo captions name one.
    if ((prevLower === 'in' || prevLower === 'at') && startsUpper(w)) inPlace = true;
    prevLower = lower;
    const cls = WORD_CLASSES.get(lower);
    if (cls === undefined) continue;
    if (cls & COPULA) copulas++;
    if (cls & WHEN) when = true;
    if (cls & CREDIT) credit = true;
    if (cls & CAPTION_VERB) capVerb = true;
    if (cls & REPORTED_SPEECH) said = true;
    if (cls & SAYS_VERB) says = true;
    if (cls & ARTICLE) articles++;
    if (!quoted) {
      if (cls & PRONOUN) pronouns++;
      if (cls & PAST_AUXILIARY) pastAux++;
    }
  }
  if (quoted) {
    for (const w of unquoted(t).split(' ')) {
      const cls = WORD_CLASSES.get(bareLower(w)) ?? 0;
      if (cls & PRONOUN) pronouns++;
      if (cls & PAST_AUXILIARY) pastAux++;
    }
  }
  if (pronouns > 0) out.push(`pron${Math.min(pronouns, 2)}`);
  if (pastAux > 0) out.push('pastaux');
  if (copulas > 0) out.push('cop');
  if (pastEd > 0) out.push(`ed${Math.min(pastEd, 2)}`);
  if (contraction) out.push('nt');
  if (when) out.push('when');
  if (inPlace) out.push('inplace');
  // A speaker's label opening a transcript line ("TAPPER: Do you think…").
  if (SPEAKER.test(t)) out.push('speaker');
  // A first and last name opening the line ("Dana Whitfield, the city's treasurer, …"): how a lead introduces its
  // subject (and how a headline may open); whether the name is new to the article is read in `lineFeatures`.
  if (opensWithName(t)) out.push('nameopen');
  out.push(`det${articles === 0 ? 0 : articles / Math.max(1, n) >= 0.1 ? 2 : 1}`);
  if (t.includes(';')) out.push('semicolon');
  if (content > 0) {
    const r = caps / content;
    out.push(`tc${r === 1 ? '1' : r >= 0.75 ? '.75' : r >= 0.5 ? '.5' : r > 0 ? '.1' : '0'}`);
  }
  if (isCapsLine(t)) out.push('caps');
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
  if (t.includes('(') && /\(\s*(?:AP|Reuters|AFP)\s*\)/.test(t)) out.push('wiredl');
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
  if (t.includes(' ') && TITLE_SUFFIX_SEPARATOR.test(t) && splitTitleSuffix(t).site !== null) out.push('R:sitesuffix');
  if (startsWithTimestamp(t)) out.push('R:time');
  return out;
}

const SPEAKER = /^\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+)?: /u;

/**
 * How news writing closes a story, by the conventions of the trade: a reporting credit (`CREDIT_LINE`:
 * "Reporting by …", "… contributed to this report"), a correction, clarification, update or editor's note, the
 * writer's contact ("Email: …", "Twitter: @…", "Follow … on Twitter"), a copyright line, a dash and the writer's name
 * alone ("— Name Surname."); and, in a short line, where the reporters filed from ("… reported from …"), the
 * no-comment formula ("… did not respond to a request for comment") and the writer's one-line biography ("… is a
 * staff writer for …"). A feature, not a rule: the model weighs it (a line after one is often a new headline).
 */
const SIGNOFF_OPEN =
  /^(?:contributing(?: reporting)?:|corrections?:|clarification:|editor['’]s note:|update:|e-?mail:|twitter:|follow\b.{1,60}\bon (?:twitter|facebook|instagram)\b|©|copyright\b)/i;
const SIGNOFF_NAME = /^[—–-] ?\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3}\.?$/u;
const SIGNOFF_SHORT =
  /\breported from\b|\ball rights reserved\b|\b(?:did not|didn['’]t|does not|doesn['’]t) (?:immediately )?(?:respond|reply|return)\b|\bdeclined to comment\b|\bis (?:a |an |the )?(?:[\p{L}-]+ ){0,3}(?:reporter|correspondent|editor|writer|columnist|contributor)\b/iu;
/** Words one of which a line needs for `SIGNOFF_SHORT` to match, asked first (most lines have none; one scan). */
const SIGNOFF_KEYS =
  /re(?:ported from|spond|ply|turn|porter)|rights reserved|declined to comment|correspondent|editor|writer|columnist|contributor/i;

function isSignoff(t: string, words: number): boolean {
  if (SIGNOFF_OPEN.test(t) || CREDIT_LINE.test(t)) return true;
  if (words > LONG) return false;
  if (SIGNOFF_NAME.test(t)) return true;
  return SIGNOFF_KEYS.test(t) && SIGNOFF_SHORT.test(t);
}

/** First words that are not a name's ("The Senate", "After Labor Day", "But Democrats"). */
const NOT_A_NAME = new Set(
  'the a an in on at of for to from by with after before as when while if but and or so yet this that these those his her their its our my your some many most all more last next early late during since until under over into about former new'.split(
    ' ',
  ),
);
/** A title before a name ("Sen.", "Gov.", "Dr."). */
const NAME_TITLE = /^(?:sen|rep|gov|gen|dr|mr|mrs|ms|lt|col|sgt|capt|adm|prof|rev|pres|amb|atty)\.$/i;

/**
 * The line opens with a name: two capitalized words (a title such as "Sen." and a middle initial allowed; a possessive
 * or a comma or colon after the second). Read word by word from the start (no split of the whole line).
 */
export function opensWithName(t: string): boolean {
  let a = 0;
  let b = t.indexOf(' ');
  if (b < 0) return false;
  let first = t.slice(0, b);
  if (NAME_TITLE.test(first)) {
    a = b + 1;
    b = t.indexOf(' ', a);
    if (b < 0) return false;
    first = t.slice(a, b);
  }
  if (!NAME_WORD.test(first) || NOT_A_NAME.has(first.toLowerCase())) return false;
  a = b + 1;
  b = t.indexOf(' ', a);
  let second = b < 0 ? t.slice(a) : t.slice(a, b);
  if (INITIAL.test(second)) {
    if (b < 0) return false;
    a = b + 1;
    b = t.indexOf(' ', a);
    second = b < 0 ? t.slice(a) : t.slice(a, b);
  }
  const end = second.charAt(second.length - 1);
  const before = second.charAt(second.length - 2);
  if (end === 's' && (before === "'" || before === '’')) second = second.slice(0, -2);
  else if (end === ',' || end === ':') second = second.slice(0, -1);
  return NAME_WORD.test(second);
}
const INITIAL = /^\p{Lu}\.$/u;
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?$/u;

/** What `splitTitleSuffix` needs to find a site name: one of its separators. */
const TITLE_SUFFIX_SEPARATOR = /[|–—]|::/;

/** Whether a word's first UTF-16 unit changes in lower case (an upper-case or title-case letter). */
function startsUpper(w: string): boolean {
  const code = w.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c = w.charAt(0);
  return c !== c.toLowerCase();
}

/**
 * Whether a line names a month or a weekday standing alone, capitalized past its first word ("in May", not the
 * modal): the when of a photo caption.
 */
export function namesWhen(t: string): boolean {
  const words = t.split(' ');
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (!startsUpper(w)) continue;
    const lower = bareLower(w);
    if (lower === 'may' || WHEN_WORDS.has(lower)) return true;
  }
  return false;
}

/** Whether a word's first letter (past quotation marks and brackets) is a capital. */
function opensUpper(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 34 || c === 39 || c === 40 || c === 0x201c || c === 0x2018) continue;
    return startsUpper(w.slice(i, i + 1));
  }
  return false;
}

/** Three letters or more, all capitals (any line with an ASCII lower-case letter is not). */
function isCapsLine(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
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
const NEIGHBOUR =
  /^(?:w|e|s|tc|caps|R:|url|creditw|capverb|slash|month|year|clock|wiredl|said|quote|fa|cop|pron|nameopen)/;
const NEXT2 = /^(?:w|R:dateline|R:caption|R:byline|R:stamp|e)/;

/** A line's attributes, and the same as they are named when the line is a neighbour (built once per line). */
export interface LineAttributes {
  own: readonly string[];
  text: string;
  /** The line's content-word stems (`stemsOf`), built when a continuity feature first needs them. */
  stems?: ReadonlySet<number>;
  /** Stems of its capitalized words past the first (names, mostly), built with `stems`. */
  names?: ReadonlySet<number>;
  /** How its first sentence reads as a story's lead (`leadOf`), built when the second look first needs it. */
  lead?: LeadReading;
  /** What the caption rule (`isCaption`), the chrome rule (`isChrome`) and the Source-line rule say of the line. */
  caption: boolean;
  chrome: boolean;
  source: boolean;
  /** What the credit rule (`isCreditOnly`) says (false for lines of over 30 words, which it never takes). */
  credit: boolean;
  /** The title-case attribute ("tc.5", "tc-" when none) and the end class ("e."), read by continuity features. */
  tc: string;
  end: string;
  /** The word-count bucket ("w8"). */
  width: string;
  asPrev: readonly string[];
  asNext: readonly string[];
  asNext2: readonly string[];
}

/** An attribute's names as a neighbour's (`p:…`, `n:…`, `nn:…`, null when not repeated), built once per attribute. */
interface NeighbourNames {
  prev: string | null;
  next: string | null;
  next2: string | null;
}
const neighbourNames = new Map<string, NeighbourNames>();

function namesOf(a: string): NeighbourNames {
  let names = neighbourNames.get(a);
  if (!names) {
    const repeated = NEIGHBOUR.test(a);
    names = {
      prev: repeated ? `p:${a}` : null,
      next: repeated ? `n:${a}` : null,
      next2: NEXT2.test(a) ? `nn:${a}` : null,
    };
    // The attribute vocabulary is closed but for first words, which never repeat: those are not kept.
    if (!a.startsWith('f:')) neighbourNames.set(a, names);
  }
  return names;
}

export function lineAttributes(text: string): LineAttributes {
  const own = ownAttributes(text);
  const asPrev: string[] = [];
  const asNext: string[] = [];
  const asNext2: string[] = [];
  let caption = false;
  let chrome = false;
  let source = false;
  let credit = false;
  let tc = 'tc-';
  for (const a of own) {
    if (a === 'R:caption') caption = true;
    else if (a === 'R:chrome') chrome = true;
    else if (a === 'R:source') source = true;
    else if (a === 'R:credit') credit = true;
    else if (a.startsWith('tc')) tc = a;
    const names = namesOf(a);
    if (names.prev !== null) asPrev.push(names.prev);
    if (names.next !== null) asNext.push(names.next);
    if (names.next2 !== null) asNext2.push(names.next2);
  }
  return {
    own,
    text,
    caption,
    chrome,
    source,
    credit,
    tc,
    end: own[1] ?? '',
    width: own[0] ?? 'w0',
    asPrev,
    asNext,
    asNext2,
  };
}

/**
 * Frequent words of four letters or more that say nothing about what a story is about (English function
 * words, reporting verbs, time words): left out of the continuity stems.
 */
const GENERIC = new Set(
  (
    'about above after again against along also among another around because been before being below between both ' +
    'came come could does done down during each either even every first former from great have here however into ' +
    'just last later latter like little made make many might million more most much must never next only other ' +
    'others often over people perhaps rather really said same says several should since some still such than that ' +
    'their them then there these they this those though three through time told under until very want were what ' +
    'when where whether which while will with would year years today yesterday monday tuesday wednesday thursday ' +
    'friday saturday sunday according added asked called going including something things think thought without ' +
    'within whose well back week'
  ).split(' '),
);
/** Word-count buckets of lines of up to 30 words. */
const SHORT_WIDTHS = new Set(WORD_EDGES.filter((e) => e <= 30).map((e) => `w${e}`));
/** Words of a paragraph read for continuity (its first 80). */
const STEM_WORDS = 80;

/**
 * Content-word stems of a line: words of at least four letters, lower-cased, cut to their first five letters
 * (so "shoots" and "shooting", "campaigns" and "campaigning" meet), generic words left out. Language-neutral but for the
 * short English list above.
 */
export function stemsOf(a: LineAttributes): ReadonlySet<number> {
  if (a.stems) return a.stems;
  const out = new Set<number>();
  const names = new Set<number>();
  addStems(a.text, out, names);
  a.stems = out;
  a.names = names;
  return out;
}

/** The stems of a line's capitalized words past its first (see `stemsOf`; generic words left out). */
export function nameStemsOf(a: LineAttributes): ReadonlySet<number> {
  if (!a.names) stemsOf(a);
  return a.names!;
}

/**
 * Adds the content-word stems of a text's first 80 words to `into` (see `stemsOf`), each as a 32-bit hash of
 * its letters (FNV-1a): one pass over the text, no regular expression and no string built per word, as this
 * runs on nearly every paragraph. A word is a run of letters (ASCII, and any character from U+00C0 that is one).
 */
export function addStems(text: string, into: Set<number>, names: Set<number> | null = null): void {
  let n = 0;
  let length = 0;
  let full = FNV_OFFSET;
  let stem = FNV_OFFSET;
  // Whether the word being read opened with a capital letter (ASCII capitals only: names in English text).
  let capital = false;
  const len = text.length;
  for (let i = 0; i <= len; i++) {
    let c = i < len ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) {
      if (length === 0) capital = true;
      c += 32;
    } else if (c >= 0xc0 && NON_ASCII_LETTER.test(text.charAt(i))) c = text.charAt(i).toLowerCase().charCodeAt(0);
    else if (c < 97 || c > 122) {
      if (length > 0) {
        if (length >= 4 && !GENERIC_HASHES.has(full & SMALL_INT)) {
          into.add(stem & SMALL_INT);
          if (capital && n > 0 && names) names.add(stem & SMALL_INT);
        }
        capital = false;
        length = 0;
        full = FNV_OFFSET;
        stem = FNV_OFFSET;
        if (++n >= STEM_WORDS) break;
      }
      continue;
    }
    full = Math.imul(full ^ c, FNV_PRIME) >>> 0;
    if (length < 5) stem = full;
    length++;
  }
}

const FNV_OFFSET = 0x811c9dc5;
/** Hashes are kept to 30 bits: small integers, which the engine stores unboxed (no garbage per stem). */
const SMALL_INT = 0x3fffffff;
const FNV_PRIME = 0x01000193;
const NON_ASCII_LETTER = /\p{L}/u;
/** The generic words as `addStems` hashes them (a whole word's hash). */
const GENERIC_HASHES = new Set<number>();
for (const w of GENERIC) {
  let h = FNV_OFFSET;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME) >>> 0;
  GENERIC_HASHES.add(h & SMALL_INT);
}

/** Names of the share buckets (`shareBucket`), by index. */
const SHARE = ['na', '0', '.0', '.1', '.2', '.35', '.5'] as const;

/** The share of `of`'s stems found in `in1` or `in2`, as an index into `SHARE` (0, 'na', when `of` has fewer than two). */
function shareBucket(
  of: ReadonlySet<number>,
  in1: ReadonlySet<number> | null,
  in2: ReadonlySet<number> | null,
): number {
  if (of.size < 2) return 0;
  let hit = 0;
  for (const w of of) if (in1?.has(w) || in2?.has(w)) hit++;
  const r = hit / of.size;
  return r === 0 ? 1 : r < 0.1 ? 2 : r < 0.2 ? 3 : r < 0.35 ? 4 : r < 0.5 ? 5 : 6;
}

/** Paragraphs so far in the article, bucketed (0–3 as they are, 4: up to 6, 5: up to 12, 6: more; -1: unknown). */
function apBucket(paragraphs: number): number {
  if (paragraphs < 0) return -1;
  return paragraphs <= 3 ? paragraphs : paragraphs <= 6 ? 4 : paragraphs <= 12 ? 5 : 6;
}

/**
 * How a paragraph's first sentence reads as the lead of a story. By the conventions of news writing a lead opens a
 * story on its own: it names its actor in full (a first and last name, or a title and a name: "Gov. Dana Whitfield",
 * "Mayor Ortiz"), tells what happened in the past tense or with a reporting verb ("said", "announced") and says when
 * ("on Tuesday", "yesterday", "in March"), in one long sentence; a paragraph further into a story goes on from the
 * one before — a pronoun before any name ("He said…", "They…") stands for a person the story has already named.
 * `signs`: how many of the lead's signs the sentence has (a name; a past-tense or reporting verb; a when; no
 * personal pronoun; no opening that points back), 0–5.
 */
export interface LeadReading {
  name: boolean;
  verb: boolean;
  when: boolean;
  pronoun: boolean;
  /** Words of the first sentence, bucketed (`LEAD_SENTENCE_EDGES`). */
  width: number;
  signs: number;
}

/** Words of a paragraph read for its lead reading (its first sentence, at most this many words). */
const LEAD_WORDS = 45;
const LEAD_SENTENCE_EDGES = [8, 15, 25, 35, 45];
/** Personal pronouns of the third person: a sentence whose subject the story has named before. */
const THIRD_PERSON = new Set(['he', 'she', 'they', 'him', 'her', 'his', 'their', 'them', 'hers', 'theirs']);
/** Reporting verbs and common irregular past tenses of news prose (the regular ones end in "-ed"). */
const LEAD_VERBS = new Set(
  'said says told tells announced according wrote warned ruled voted won lost took made gave sent met began left found came went led ran held'.split(
    ' ',
  ),
);
/** Time words of a lead's "when" (weekdays and months are `WHEN_WORDS`). */
const LEAD_TIMES = new Set([
  'today',
  'yesterday',
  'tonight',
  'tomorrow',
  'week',
  'weekend',
  'month',
  'morning',
  'evening',
]);
/** A title before a name, with or without its full stop ("Sen.", "Senator", "Gov.", "President", "Mayor"). */
const LEAD_TITLE =
  /^(?:sen|rep|gov|gen|dr|mr|mrs|ms|lt|col|sgt|capt|adm|prof|rev|pres|amb|atty|senator|representative|governor|president|mayor|minister|secretary|chairman|chairwoman|judge|justice|general|candidate|speaker)\.?$/i;

/** The lead reading of a line's first sentence (see `LeadReading`), built once per line. */
export function leadOf(a: LineAttributes): LeadReading {
  if (a.lead) return a.lead;
  const t = a.text.trim();
  let name = false;
  let verb = false;
  let when = false;
  let pronoun = false;
  let n = 0;
  // Outside quotations: a quoted "he" is the speaker's, not the sentence's subject.
  let inQuote = false;
  let prevCap = false;
  let prevTitle = false;
  let at = 0;
  const len = t.length;
  while (at < len && n < LEAD_WORDS) {
    let end = t.indexOf(' ', at);
    if (end < 0) end = len;
    const w = t.slice(at, end);
    at = end + 1;
    if (w === '') continue;
    n++;
    const c0 = w.charAt(0);
    if (c0 === '"' || c0 === '“') inQuote = true;
    const lower = bareLower(w);
    const cap = lower.length > 0 && opensUpper(w);
    if (cap && lower.length > 1) {
      // Two capitalized words in a row (the first not a sentence opener such as "The"), or a title and a name.
      if (prevTitle || (prevCap && n > 1)) name = true;
      prevTitle = LEAD_TITLE.test(lower);
      prevCap = !(n === 1 && NOT_A_NAME.has(lower)) && !prevTitle;
    } else {
      prevCap = false;
      prevTitle = false;
    }
    if (!inQuote) {
      // A pronoun before any name in the sentence points back past it (after one, it may be that name's).
      if (!name && THIRD_PERSON.has(lower)) pronoun = true;
      if (LEAD_VERBS.has(lower) || (!cap && lower.length >= 5 && lower.endsWith('ed'))) verb = true;
    }
    if (LEAD_TIMES.has(lower) || (cap && WHEN_WORDS.has(lower))) when = true;
    const last = w.charAt(w.length - 1);
    if (last === '"' || last === '”') inQuote = false;
    // The sentence ends at a full stop after a word of three letters or more (not "Sen." or "U.S.").
    if ((last === '.' || last === '!' || last === '?') && lower.length >= 3 && !LEAD_TITLE.test(lower)) break;
    if ((last === '"' || last === '”') && /[.!?]["”]$/.test(w)) break;
  }
  let width = LEAD_SENTENCE_EDGES.length;
  for (let i = 0; i < LEAD_SENTENCE_EDGES.length; i++)
    if (n <= LEAD_SENTENCE_EDGES[i]!) {
      width = i;
      break;
    }
  const fa = a.own.includes('fa');
  const signs = Number(name) + Number(verb) + Number(when) + Number(!pronoun) + Number(!fa);
  a.lead = { name, verb, when, pronoun, width, signs };
  return a.lead;
}

/**
 * Feature names built once and looked up: `name(key, ...buckets)` for a fixed prefix/suffix key, so the
 * continuity features cost no string building per line.
 */
const NAMES = new Map<string, string[]>();
function named(key: string, index: number, build: () => string): string {
  let row = NAMES.get(key);
  if (!row) {
    row = [];
    NAMES.set(key, row);
  }
  let v = row[index];
  if (v === undefined) {
    v = build();
    row[index] = v;
  }
  return v;
}

/** Appends a list's items (a loop: no spread of the list as call arguments). */
function append(out: string[], items: readonly string[]): void {
  for (let i = 0; i < items.length; i++) out.push(items[i]!);
}

/** Indexes of word-count buckets and end classes, so that names combining them are looked up, not built. */
const WIDTH_INDEX = new Map(
  [...WORD_EDGES.map((e) => `w${e}`), `w>${WORD_EDGES[WORD_EDGES.length - 1]}`].map((w, i) => [w, i + 1]),
);
const END_INDEX = new Map(['o', '.', 'q.', '?', '!', ':', ';', ',', 'q', ')', 'd', 'a'].map((e, i) => [`e${e}`, i]));
/** Where names combining a bucket with a width or an end class start in their key's row (past the plain buckets). */
const WIDTH_ROW = 100;
const LEAD_ROW = 1000;

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
  prev2: LineView | null = null,
  article: ReadonlySet<number> | (() => ReadonlySet<number>) | null = null,
  articleParagraphs = -1,
): string[] {
  const mine = attrs(cur);
  const blank = cur.blankBefore ? (cur.blankAfter ? 'blankBB' : 'blankB-') : cur.blankAfter ? 'blank-B' : 'blank--';
  const out: string[] = ['bias', blank];
  append(out, mine.own);
  out.push(named(blank, WIDTH_ROW + (WIDTH_INDEX.get(mine.width) ?? 0), () => `${blank.slice(5)}${mine.width}`));
  if (prev) {
    append(out, attrs(prev).asPrev);
    if (prev.blankBefore) out.push('p:bb');
  } else out.push('p:none');
  if (next) {
    const n = attrs(next);
    append(out, n.asNext);
    if (next.blankAfter) out.push('n:ba');
    out.push(`${mine.width}|n:${n.width}`);
    // A line followed by itself: a paragraph a scraper took twice.
    if (next.text === cur.text) out.push('n:same');
  } else out.push('n:none');
  if (next2) append(out, attrs(next2).asNext2);
  else out.push('nn:none');
  // Lexical continuity, for lines short enough to be a headline, subhead or caption: a story goes on in the
  // same words, a new one starts in others. `cont`: how much of the next paragraph the two lines before
  // already said (high around a subhead or caption, low after a headline); `lead`: how much of this line the
  // next two repeat (a headline's words come back in its lead); `back`: how much of it the lines before said.
  if (next && prev && SHORT_WIDTHS.has(mine.width)) {
    const n = stemsOf(attrs(next));
    const p = stemsOf(attrs(prev));
    const p2 = prev2 ? stemsOf(attrs(prev2)) : null;
    const c = stemsOf(mine);
    const cont = shareBucket(n, p, p2);
    const lead = shareBucket(c, n, next2 ? stemsOf(attrs(next2)) : null);
    const back = shareBucket(c, p, p2);
    const tc = mine.tc;
    const end = mine.end;
    const C = SHARE[cont];
    const L = SHARE[lead];
    const B = SHARE[back];
    out.push(
      named('cont', cont, () => `cont${C}`),
      named('lead', lead, () => `lead${L}`),
      named('back', back, () => `back${B}`),
      named('lb', lead * 7 + back, () => `lb${L}|${B}`),
      named('lbc', (lead * 7 + back) * 7 + cont, () => `lbc${L}|${B}|${C}`),
      named(end, cont, () => `cont${C}|${end}`),
      named(tc, LEAD_ROW + lead * 16 + (END_INDEX.get(end) ?? 15), () => `lead${L}|${tc}|${end}`),
      named(blank, cont, () => `${blank}|cont${C}`),
    );
    // The same against everything the article so far has said (its headline and paragraphs; a function is
    // asked only here, so a caller can build the set when a line needs it).
    if (article) {
      const stems = typeof article === 'function' ? article() : article;
      const art = shareBucket(n, stems, null);
      const artc = shareBucket(c, stems, null);
      const A = SHARE[art];
      const AC = SHARE[artc];
      // Names (capitalized words) of the next paragraph the article has already named: a new story's lead
      // introduces people and places the article before never mentioned; the same story's next paragraph goes on
      // about those it has.
      const nm = shareBucket(nameStemsOf(attrs(next)), stems, null);
      const NM = SHARE[nm];
      out.push(
        named('art', art, () => `art${A}`),
        named('artc', artc, () => `artc${AC}`),
        named('aa', (art * 7 + artc) * 7 + lead, () => `aa${A}|${AC}|${L}`),
        named('art', LEAD_ROW + art * 16 + (END_INDEX.get(end) ?? 15), () => `art${A}|${end}`),
        named('nm', nm, () => `nm${NM}`),
        named('nm', LEAD_ROW + nm * 16 + (END_INDEX.get(end) ?? 15), () => `nm${NM}|${end}`),
        named(tc, WIDTH_ROW + art, () => `art${A}|${tc}`),
      );
    }
    // How far into its article the line stands (paragraphs so far): a headline follows a whole article, a
    // one-sentence paragraph or a subhead stands a few paragraphs into one.
    if (articleParagraphs >= 0) {
      const at = apBucket(articleParagraphs);
      out.push(
        named('ap', at, () => `ap${at}`),
        named('ap', LEAD_ROW + at * 16 + (END_INDEX.get(end) ?? 15), () => `ap${at}|${end}`),
      );
    }
  }
  return out;
}
