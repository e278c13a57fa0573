import { isCapitalized, isUpperCaseText } from '../model/lexicon/index.js';
import {
  CAPTION_ANYWHERE_PATTERNS,
  CAPTION_HEAD_PATTERNS,
  CAPTION_TAIL_PATTERNS,
  GENERIC_SLASH_CREDIT,
  SLASH_CREDIT_TAIL,
} from './data/captions.js';
import { CREDIT_LINE } from '../ingest/html/data/phrases.js';
import { CHROME_LINE_PATTERNS, CHROME_SUFFIX_END, CHROME_SUFFIX_PATTERNS } from './data/chrome.js';

/** Line-level classifiers for dump segmentation. Each answers one question about one line. */

/** Whether a UTF-16 unit is white space as regex `\s` defines it (WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The number of runs of non-space characters (`\S+`), counted without building them (segmentation asks for
 * every line). Counting stops past `max`: a caller that only compares with a bound passes it.
 */
export function wordCount(line: string, max = Number.POSITIVE_INFINITY): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = isSpace(line.charCodeAt(i));
    if (!space && !inWord && ++n > max) return n;
    inWord = !space;
  }
  return n;
}

export function isChrome(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 220) return false;
  return CHROME_LINE_PATTERNS.some((re) => re.test(t));
}

/** Remove chrome glued to the end of a paragraph by a scraper. */
export function stripChromeSuffix(line: string): string {
  // Each suffix pattern ends in one of these words: a line ending otherwise has none.
  if (!CHROME_SUFFIX_END.test(line)) return line;
  let s = line;
  for (const re of CHROME_SUFFIX_PATTERNS) s = s.replace(re, '');
  return s;
}

export function isCaption(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 600) return false;
  const tail = t.length > 200 ? t.slice(-200) : t;
  const head = t.length > 200 ? t.slice(0, 200) : t;
  // Every tail pattern needs a colon, a closing bracket or "via": most body lines have none of these.
  if (
    (tail.includes(':') || tail.includes(')') || /via/i.test(tail)) &&
    CAPTION_TAIL_PATTERNS.some((re) => re.test(tail))
  )
    return true;
  if (CAPTION_HEAD_PATTERNS.some((re) => re.test(head))) return true;
  const slash = tail.lastIndexOf('/');
  if (slash > 0 && /[\p{L}.'’-]\s*$/u.test(tail.slice(0, slash)) && SLASH_CREDIT_TAIL.test(tail.slice(slash + 1)))
    return true;
  if (slash > 0 && GENERIC_SLASH_CREDIT.test(tail)) return true;
  const lower = t.toLowerCase();
  return CAPTION_ANYWHERE_WORDS.some((w) => lower.includes(w)) && CAPTION_ANYWHERE.test(t);
}

/** Every anywhere pattern names a picture (or a handout, or a licence purchase): a line without these words is none. */
const CAPTION_ANYWHERE_WORDS = ['photo', 'pictur', 'image', 'footage', 'handout', 'purchase'];

/** The anywhere patterns as one alternation (one scan of a long line instead of one per pattern). */
const CAPTION_ANYWHERE = new RegExp(CAPTION_ANYWHERE_PATTERNS.map((re) => `(?:${re.source})`).join('|'), 'i');
if (CAPTION_ANYWHERE_PATTERNS.some((re) => re.flags !== 'i')) throw new Error('caption patterns: flags differ');

/**
 * A short line that is only a credit ("Getty Images", "Photograph: Lena Hoffmann/AFP via Getty Images"). A line
 * that describes a picture before its credit ("A crowd waits outside. Photo: …") is a whole caption, not a credit
 * alone: the line above it is not its caption.
 */
export function isCreditOnly(line: string, caption?: boolean): boolean {
  // The cheap tests first: the caption rule runs only on short lines with a credit word.
  return (
    wordCount(line, 12) <= 12 &&
    CREDIT_WORD_RE.test(line) &&
    !DESCRIPTION_BEFORE_CREDIT.test(line) &&
    (caption ?? isCaption(line))
  );
}

/**
 * A sentence ended before more text: a word of two lower-case letters or more, a full stop, then a capital or a
 * bracket ("… in Lyon. Photo: …", "… on stage. (Jan Roe/AP)"); an initial ("J. Doe/AP") is not one.
 */
const DESCRIPTION_BEFORE_CREDIT = /\p{Ll}{2,}[.!?]["”’]?\s+[(\p{Lu}]/u;

const CREDIT_WORD_RE = /\/|photo|image|picture|getty|©|credit|\b(?:AFP|AP|Reuters|EPA|PA|Alamy|Shutterstock)\b/i;

/**
 * A caption whose credit stands on the next line: a short descriptive line without reported speech,
 * followed by a credit-only line. A longer line (over 30 words) is a caption only as one sentence that says when
 * the picture was taken (a weekday, a month or a year): a body paragraph may stand over a credit whose caption
 * was lost, and it is more often several sentences or dateless.
 */
export function isCaptionBeforeCredit(
  line: string,
  next: string | null,
  nextIsCredit: boolean = next !== null && isCreditOnly(next),
): boolean {
  if (!next || !nextIsCredit) return false;
  const t = line.trim();
  const n = wordCount(t, 61);
  if (n > 60 || /["“”]/.test(t) || /\b(?:said|says|told|according to|added)\b/i.test(t)) return false;
  return n <= 30 || (!/\p{Ll}{2,}[.!?]\s+\p{Lu}/u.test(t) && PICTURE_WHEN.test(t));
}

/** When a picture was taken, as captions write it: a weekday, a month, a year. */
const PICTURE_WHEN =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|(?:19|20)\d\d)\b/;

const SOURCE_RE =
  /^\s*(?:source|sources|original(?:ly)?(?: published)?(?: at| on)?|read (?:the )?original(?: at)?|url|link|article url)\s*[:\-–—]\s*(.*)$/i;
const URLISH_RE = /(?:https?|hxxps?)[:;]\/\/|www\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S/i;

export interface SourceLine {
  /** The URL text as written (possibly damaged), or null. */
  urlText: string | null;
  /** A site name written on the line ("Source: The Tidewater Herald"), or null. */
  siteName: string | null;
}

/** A `Source: <url>` line closing an article (also "Source: Outlet Name, https://…"). */
export function parseSourceLine(line: string): SourceLine | null {
  const m = SOURCE_RE.exec(line);
  if (!m) return null;
  const rest = m[1]!.trim();
  if (rest.length === 0 || rest.length > 400) return null;
  const at = rest.search(URLISH_RE);
  if (at < 0) {
    // "Source: The Tidewater Herald" — a site name, when it is short and name-like.
    if (wordCount(rest) <= 8 && !/[.!?]$/.test(rest)) return { urlText: null, siteName: rest };
    return null;
  }
  const name = rest
    .slice(0, at)
    .replace(/[\s,;:(|–—-]+$/, '')
    .trim();
  return { urlText: rest.slice(at), siteName: name.length > 0 && wordCount(name) <= 8 ? name : null };
}

/** A line that continues a URL broken across lines: no spaces, URL characters only. */
export function isUrlContinuation(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length < 300 && /^[\w\-./?=&%#~+:;,@!$'()*]+$/.test(t) && !/^[A-Z][a-z]+[.!?]?$/.test(t);
}

const TIMESTAMP_RE =
  /^(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}\b)?|\d+\s*(?:min|mins|minutes?|h|hrs?|hours?)\s+ago|(?:updated|posted)\s+\d)/i;

/**
 * A reporting credit closing a story: who reported, wrote or edited it ("Reporting by …", "Contributing: …",
 * "… contributed to this report"). It belongs to the article it closes: never a headline.
 */
export function isReportingCredit(line: string): boolean {
  const t = line.trim();
  return t.length < 200 && (CREDIT_LINE.test(t) || /^contributing(?: reporting)?:/i.test(t));
}

/** A live-blog post header ("10:32 GMT", "14.05", "2 hours ago"). */
export function startsWithTimestamp(line: string): boolean {
  return TIMESTAMP_RE.test(line.trim());
}

const DATELINE_RE =
  /^\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\p{L}. ]{1,30})?(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s*\d{4})?)?\s*(?:\(([^)]{1,40})\))?\s*[-—–:]{1,2}\s*\S/u;

/** A wire-style dateline opening a paragraph: "SEOUL, March 12 (GlobalWire) —", "LONDON (Reuters) -". */
export function parseDateline(line: string): { agency: string | null } | null {
  const m = DATELINE_RE.exec(line);
  if (!m) return null;
  // The place must be written in capitals ("SEOUL", "NEW YORK"): at least 3 capital letters in a row.
  if (!/^\s*[A-Z]{2}[A-Z.'’ -]/.test(line)) return null;
  return { agency: m[1] ?? null };
}

function isTitleCased(words: string[]): boolean {
  const content = words.filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  if (content.length === 0) return false;
  const caps = content.filter((w) => isCapitalized(w)).length;
  return caps / content.length >= 0.75;
}

/** A line in capitals: three letters or more, and upper-case as a text. */
function isAllCapsLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && isUpperCaseText(letters);
}

/** A short subhead inside an article: all caps or title case, no sentence punctuation. */
export function isSubhead(line: string): boolean {
  const t = line.trim();
  if (t.length > 90) return false;
  const words = t.split(/\s+/);
  if (words.length === 0 || words.length > 10) return false;
  if (/[.,;]$/.test(t) || startsWithTimestamp(t)) return false;
  if (!/^[\p{Lu}\p{N}"“‘'']/u.test(t)) return false;
  return isAllCapsLine(t) || isTitleCased(words) || (words.length <= 6 && !/[.!?]$/.test(t));
}

/** A line that could be a headline at all (regardless of position). */
export function isHeadlineShaped(line: string): boolean {
  const t = line.trim();
  return hasHeadlineShape(t) && !isCaption(t) && !isChrome(t) && parseSourceLine(t) === null;
}

/** The shape of a headline alone (2–30 words, capitalized, one sentence), before asking whether it is a caption, chrome or a Source line. */
export function hasHeadlineShape(t: string): boolean {
  if (t.length > 220) return false;
  const n = wordCount(t, 30);
  if (n < 2 || n > 30) return false;
  if (/[,;:]$/.test(t)) return false;
  if (!/^[\p{Lu}\p{N}"“‘'']/u.test(t)) return false;
  // Two sentences, or a quote with its attribution ("…," she said), are prose, not a headline.
  return !(/[.!?]["”’']?\s+["“‘']?\p{Lu}/u.test(t) || /[.!?]["”’']$/u.test(t));
}

export interface HeadlineContext {
  /** Body paragraphs the current article already has. */
  bodyParagraphs: number;
  /** The next two lines after this one (null at the end of input). */
  next: string | null;
  nextNext: string | null;
  /** Whether the line before this one ended a sentence. */
  previousEndedSentence: boolean;
}

/**
 * Whether a standalone line inside an article starts a new article although no `Source:` line closed
 * the previous one. Headlines are longer than subheads, read as a sentence, and are followed by a
 * dateline or a standfirst; subheads are short, title-cased or all-caps.
 */
export function startsNewArticle(line: string, ctx: HeadlineContext): boolean {
  const t = line.trim();
  if (ctx.bodyParagraphs < 2 || !isHeadlineShaped(t) || startsWithTimestamp(t)) return false;
  if (/[.]$/.test(t) && !/\.\.\.$|…$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (isAllCapsLine(t)) return false;
  let score = 0;
  if (words.length >= 6) score += 1;
  if (words.length <= 4) score -= 2;
  if (ctx.next && parseDateline(ctx.next)) score += 2;
  else if (ctx.next && ctx.nextNext && parseDateline(ctx.nextNext) && wordCount(ctx.next) <= 45) score += 2;
  if (!isTitleCased(words)) score += 1;
  if (ctx.bodyParagraphs >= 4) score += 1;
  if (!ctx.previousEndedSentence) score -= 1;
  if (ctx.next && isHeadlineShaped(ctx.next) && wordCount(ctx.next) <= 8 && !parseDateline(ctx.next)) score -= 1;
  return score >= 3;
}

export function endsSentence(line: string): boolean {
  return /[.!?…]["”’')\]]*$/.test(line.trim());
}

const BYLINE_RE =
  /^(?:[Bb]y|BY|[Ww]ords by|[Rr]eporting by|[Ww]ritten by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin|da|di|le|la)){0,4}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})*)(?:\s*[,|·•-]\s*.{0,60})?$/u;

/** A byline ("By Jane Doe", "By Jane Doe and Ali Khan, Diplomatic Correspondent"): the author names, or null. */
export function parseByline(line: string): string[] | null {
  const t = line.trim();
  if (t.length > 140) return null;
  const m = BYLINE_RE.exec(t);
  if (!m) return null;
  const names = m[1]!
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((n) => n.trim())
    .filter((n) => n.split(/\s+/).length >= 2);
  return names.length > 0 ? names : null;
}

const STAMP_START_RE = /^\s*(?:published|first published|posted|updated|last updated|last modified|modified)/i;
const STAMP_RE =
  /^(?:(published|first published|posted|updated|last updated|last modified|modified)(?:\s+on)?\s*:?\s*)(.{4,80})$/i;

export interface StampLine {
  /** "published" for publication stamps, "updated" for later revisions. */
  kind: 'published' | 'updated';
  text: string;
}

/** A CMS time stamp line ("Updated 16:40, 14 MAR 2026", "Published: 9 June 2026 | Updated: 10 June 2026"). */
export function parseStampLines(line: string): StampLine[] | null {
  // Every part must open with a stamp word, so the first part — the line's start — does too.
  if (!STAMP_START_RE.test(line)) return null;
  const parts = line.split(/\s*[|·•]\s*/);
  const out: StampLine[] = [];
  for (const part of parts) {
    const m = STAMP_RE.exec(part.trim());
    if (!m || !/\d/.test(m[2]!)) return null;
    out.push({ kind: /updated|modified/i.test(m[1]!) ? 'updated' : 'published', text: m[2]! });
  }
  return out.length > 0 ? out : null;
}

/** "Headline | The Meridian Post" or "Headline - Outlet": the headline and the site name. */
export function splitTitleSuffix(title: string): { title: string; site: string | null } {
  // The site's name holds no separator, so only the last one can start it: found by position, not by a pattern
  // that would try every split of a long line (a long run of whitespace before a bar made that quadratic).
  const t = title.trim();
  const at = Math.max(t.lastIndexOf('|'), t.lastIndexOf('–'), t.lastIndexOf('—'), t.lastIndexOf('::'));
  if (at < 0) return { title, site: null };
  const head = t.slice(0, at);
  const site = t.slice(at + (t.startsWith('::', at) ? 2 : 1));
  const name = head.trimEnd();
  if (name.length === head.length || name.length < 12 || LINE_BREAK.test(name)) return { title, site: null };
  const rest = site.trimStart();
  if (rest.length === site.length || !SITE_NAME.test(rest)) return { title, site: null };
  return { title: name, site: rest };
}

/** A site's name after a title's separator: up to five capitalized words ("The Harbour Herald", "Velmar Post"). */
const SITE_NAME = /^(?:The\s+)?\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,4}$/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
