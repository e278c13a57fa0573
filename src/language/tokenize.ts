import type { Doc, Sentence, Span, Token } from '../model/index.js';
import { ABBREVIATIONS } from './data/abbreviations.js';

/**
 * Sentence splitting and tokenization with stand-off offsets. Tokens follow CoNLL conventions closely
 * enough for the NER model: "U.S." and "Mr." stay whole, possessive "'s" and "n't" split off,
 * punctuation is one token per character.
 */

// A party-state designation ("D-N.C.", "R-S.C.") is one token, like the state abbreviation it ends with.
const TOKEN_RE =
  /\p{Lu}-(?:\p{Lu}\.){2,}|(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,:/]\p{N}+)*(?:st|nd|rd|th|s)?|\.{3}|…|[^\s]/gu;

const CLITIC_RE = /(['’]s|n['’]t|['’](?:re|ve|ll|d|m))$/i;

/** Tokenize a range of `text` (absolute offsets). */
export function tokenizeRange(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const slice = text.slice(start, end);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m !== null; m = TOKEN_RE.exec(slice)) {
    let s = start + m.index;
    let e = s + m[0].length;
    const word = m[0];
    // Split clitics ("Russia's" → "Russia" "'s"; "don't" → "do" "n't"), but keep "O'Brien".
    const clitic = CLITIC_RE.exec(word);
    if (clitic && clitic.index > 0) {
      const cut = s + clitic.index;
      out.push({ start: s, end: cut });
      s = cut;
    }
    // Keep the period of an abbreviation ("Mr.", "Gen.", "Jan.").
    if (
      text.charCodeAt(e) === 46 /* . */ &&
      (ABBREVIATIONS.has(text.slice(s, e).toLowerCase()) || isInitial(text, s, e))
    )
      e += 1;
    out.push({ start: s, end: e });
    if (e > start + m.index + m[0].length) TOKEN_RE.lastIndex = e - start;
  }
  return out;
}

/**
 * A middle initial: one capital letter followed by ". " and a capitalized word, after a capitalized word
 * ("Joseph R. Biden", "George W. Bush"). Its period belongs to the name, not to the sentence.
 */
function isInitial(text: string, s: number, e: number): boolean {
  if (e - s !== 1 || !/\p{Lu}/u.test(text[s]!)) return false;
  if (text[e + 1] !== ' ' || !/\p{Lu}/u.test(text[e + 2] ?? '')) return false;
  const before = /(\p{Lu}[\p{L}\p{M}'’-]*)\s+$/u.exec(text.slice(Math.max(0, s - 30), s));
  return before !== null && before[1]!.length > 1;
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

function isSentenceEnd(text: string, tok: Span, next: Span | undefined): boolean {
  const t = text.slice(tok.start, tok.end);
  // Before a closing quote the caller decides: it attaches the closers and ends the sentence unless a
  // lower-case word follows them ("…,” he said" continues; "… us.” The coach" does not).
  const closerNext = next !== undefined && next.start === tok.end && CLOSERS.has(text.slice(next.start, next.end));
  if (t === '!' || t === '?' || t === '…' || t === '...')
    return next === undefined || startsSentence(text, next) || closerNext;
  if (t !== '.') {
    // An abbreviation token that swallowed the period ("U.S." at the end of a sentence) ends one only
    // when the next token clearly starts a sentence and the abbreviation is not a title.
    if (t.endsWith('.') && next && /^\p{Lu}\.(\p{Lu}\.)+$/u.test(t)) {
      const n = text.slice(next.start, next.end);
      return /^(The|A|An|He|She|It|They|We|I|In|On|But|And|This|That)$/.test(n);
    }
    return false;
  }
  return next === undefined || startsSentence(text, next) || closerNext;
}

function startsSentence(text: string, tok: Span): boolean {
  const c = text[tok.start] ?? '';
  return /[\p{Lu}\p{N}"“‘'([«—-]/u.test(c);
}

/** Split one paragraph range into sentences, returning sentence spans and tokens. */
function splitParagraph(
  text: string,
  start: number,
  end: number,
  sentenceBase: number,
  tokens: Token[],
  sentences: Sentence[],
): void {
  const spans = tokenizeRange(text, start, end);
  let sentStartTok = 0;
  for (let i = 0; i < spans.length; i++) {
    const tok = spans[i]!;
    let endHere = isSentenceEnd(text, tok, spans[i + 1]);
    if (!endHere) continue;
    // Attach closing quotes and brackets to the sentence they close.
    while (
      i + 1 < spans.length &&
      spans[i + 1]!.start === spans[i]!.end &&
      CLOSERS.has(text.slice(spans[i + 1]!.start, spans[i + 1]!.end))
    ) {
      const after = spans[i + 2];
      // A closing quote followed by a lowercase word ("…," he said) or a dash ("…” ― Name) continues the sentence,
      // as does a closing bracket followed by a comma or semicolon ("(D-Wis.), head of …"): no sentence opens with one.
      if (after && /^[\p{Ll}―—–,;]/u.test(text[after.start] ?? '')) {
        endHere = false;
        break;
      }
      i++;
    }
    if (!endHere) continue;
    pushSentence(text, spans, sentStartTok, i + 1, sentenceBase + sentences.length, tokens, sentences);
    sentStartTok = i + 1;
  }
  if (sentStartTok < spans.length) {
    pushSentence(text, spans, sentStartTok, spans.length, sentenceBase + sentences.length, tokens, sentences);
  }
}

function pushSentence(
  text: string,
  spans: Span[],
  from: number,
  to: number,
  index: number,
  tokens: Token[],
  sentences: Sentence[],
): void {
  const first = spans[from]!;
  const last = spans[to - 1]!;
  sentences.push({ start: first.start, end: last.end });
  for (let k = from; k < to; k++) {
    const s = spans[k]!;
    tokens.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end), sentence: index });
  }
}

/** Paragraph ranges of a body: blank-line separated blocks. */
export function paragraphRanges(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/** Stage: fill `doc.sentences` and `doc.tokens` (sentences never cross paragraph boundaries). */
export function tokenize(doc: Doc): void {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const paragraphs = doc.paragraphs.length > 0 ? doc.paragraphs : paragraphRanges(doc.text);
  for (const p of paragraphs) splitParagraph(doc.text, p.start, p.end, 0, tokens, sentences);
  doc.tokens = tokens;
  doc.sentences = sentences;
}

/** Sentences and tokens of a bare text (for the JSONL contracts). */
export function tokenizeText(text: string): { sentences: Sentence[]; tokens: Token[] } {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const p of paragraphRanges(text)) splitParagraph(text, p.start, p.end, 0, tokens, sentences);
  return { sentences, tokens };
}
