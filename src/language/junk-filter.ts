import type { Doc, DocIndex } from '../model/index.js';
import { hasLowerCase, isAllCaps, isCapitalized } from '../model/lexicon/index.js';
import {
  CHROME_PHRASES,
  CONTRIBUTOR_CLOSINGS,
  CREDIT_AGENCIES,
  CREDIT_OPENERS,
  FIELD_LABELS,
  JUNK_ENTITY_TEXTS,
  PHOTO_LABELS,
  WIRE_CREDIT_VERBS,
} from './data/junk.js';

/**
 * Junk detection: sentences that carry no entities (all-caps subheads, field-label lines, bylines and
 * credits, licensing prompts, site chrome) and mention texts that are never entities.
 */

/** For each sentence of `doc`, true when no entity may come from it. */
export function junkSentences(doc: Doc, ix: DocIndex): boolean[] {
  return ix.sentenceRanges.map(([a, b]) => isJunkSentence(doc, a, b));
}

/** The last words of the contributor closings, to test a sentence's end cheaply. */
const CONTRIBUTOR_LAST_WORDS: ReadonlySet<string> = new Set(CONTRIBUTOR_CLOSINGS.map((c) => c.split(' ').pop()!));
const CHROME_TRIGGERS: ReadonlySet<string> = new Set(CHROME_PHRASES.map((p) => p.split(' ')[0]!));
const CREDIT_TRIGGERS: ReadonlySet<string> = new Set(CREDIT_OPENERS.map((p) => p.split(' ')[0]!));

function isJunkSentence(doc: Doc, a: number, b: number): boolean {
  const toks = doc.tokens;
  // All-caps subhead: at least two words and no lower-case letter anywhere.
  let words = 0;
  let caps = true;
  let chrome = false;
  for (let i = a; i < b; i++) {
    const t = toks[i]!.text;
    if (caps) {
      if (hasLowerCase(t)) caps = false;
      else if (isAllCaps(t)) words++;
    }
    if (!chrome && t.length >= 3 && CHROME_TRIGGERS.has(t.toLowerCase())) chrome = true;
  }
  // (A short all-caps line — a dateline or one-word subhead such as "DECEMBER 5, 2008" — counts too.)
  if (caps && (words >= 2 || (words === 1 && b - a <= 6))) return true;
  // Field label: "Source: …", "Photo: …", "Read more: …".
  for (let n = 1; n <= 2 && a + n < b; n++) {
    if (toks[a + n]!.text === ':' && FIELD_LABELS.has(lowerJoin(doc, a, a + n))) return true;
  }
  // Byline / credit opener: "Reporting by …", "Editing by …".
  const first = toks[a]!.text.toLowerCase();
  if (CREDIT_TRIGGERS.has(first) || first === 'additional' || first === 'with' || first === 'contributing') {
    const head = lowerJoin(doc, a, Math.min(b, a + 4));
    for (const o of CREDIT_OPENERS) if (head.startsWith(o)) return true;
  }
  // A contributor line: "Staff writers … contributed to this report."
  const end = toks[b - 1]!.text === '.' ? b - 1 : b;
  if (end - a >= 4 && CONTRIBUTOR_LAST_WORDS.has(toks[end - 1]!.text)) {
    const tail = lowerJoin(doc, end - 4, end);
    for (const c of CONTRIBUTOR_CLOSINGS) if (tail.endsWith(c)) return true;
  }
  // Licensing prompts and chrome anywhere in a short sentence.
  if (chrome && b - a <= 40) {
    const text = doc.text.slice(toks[a]!.start, toks[b - 1]!.end).toLowerCase();
    for (const p of CHROME_PHRASES) if (text.includes(p)) return true;
  }
  // Paragraph that is a single chrome word ("Share", "Advertisement").
  if (
    b - a <= 3 &&
    JUNK_ENTITY_TEXTS.has(
      lowerJoin(doc, a, b)
        .replace(/[^\p{L}\s]/gu, '')
        .trim(),
    )
  )
    return true;
  return false;
}

function lowerJoin(doc: Doc, a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) s += (i > a ? ' ' : '') + doc.tokens[i]!.text.toLowerCase();
  return s;
}

/** True when a mention's text is never an entity (site chrome, credit words) or is not a name at all. */
export function isJunkMentionText(text: string): boolean {
  const c = text.charCodeAt(0);
  if (!(isCapitalized(text) || (c >= 48 && c <= 57))) return true; // names start with a capital (or a digit: "G7")
  if (text.length <= 40 && JUNK_ENTITY_TEXTS.has(text.toLowerCase().replace(/\s+/g, ' '))) return true;
  if (c >= 48 && c <= 57 && !/\p{L}/u.test(text)) return true; // numbers
  return false;
}

/** True when tokens [s, e) sit in a photo credit ("John Smith/AFP", "Reuters/John Smith", "(Photo: …)"). */
export function inCredit(doc: Doc, s: number, e: number): boolean {
  const toks = doc.tokens;
  const before = toks[s - 1]?.text;
  // "Name\/Agency": a slash escaped with a backslash, as some scraped text writes it.
  const x = toks[e]?.text === '\\' && toks[e + 1]?.text === '/' ? e + 1 : e;
  const after = toks[x]?.text;
  // "Photograph: Name/Agency" — the name right after a photo label and a colon, wherever the line runs on.
  if (before === ':' && PHOTO_LABELS.has((toks[s - 2]?.text ?? '').toLowerCase())) return true;
  // "(Reporting by Name; Editing by Name)": the names of a wire story's credit line.
  if (before === 'by' && WIRE_CREDIT_VERBS.has((toks[s - 2]?.text ?? '').toLowerCase())) return true;
  if (after === '/' && CREDIT_AGENCIES.has((toks[x + 1]?.text ?? '').toLowerCase())) return true;
  if (before === '/' && CREDIT_AGENCIES.has((toks[s - 2]?.text ?? '').toLowerCase())) return true;
  if (after === '/' || before === '/') {
    // "Name/Agency" where this span is the agency.
    const own = doc.text.slice(toks[s]!.start, toks[e - 1]!.end).toLowerCase();
    if (CREDIT_AGENCIES.has(own)) return true;
  }
  // Inside a parenthesised credit: "(Photo: …)", "(Image: …)".
  for (let i = s - 1; i >= Math.max(0, s - 8); i--) {
    const t = toks[i]!.text;
    if (t === ')' || t === '.') break;
    if (t === '(') {
      const label = toks[i + 1]?.text.toLowerCase() ?? '';
      return toks[i + 2]?.text === ':' && FIELD_LABELS.has(label);
    }
  }
  return false;
}
