/** Orthographic word classes used as features. */

const UPPER = 1;
const LOWER = 2;
const DIGIT = 4;
const OTHER = 8;

function charClass(c: number, ch: string): number {
  if (c >= 48 && c <= 57) return DIGIT;
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 97 && c <= 122) return LOWER;
  if (c < 128) return OTHER;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower !== upper) return ch === upper ? UPPER : LOWER;
  return /\p{N}/u.test(ch) ? DIGIT : OTHER;
}

/**
 * Short word shape: runs of the same class collapsed ("Xx", "X.X.", "d-d", "xXx"), punctuation kept
 * literally, at most 8 characters.
 */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length && out.length < 8; i++) {
    const ch = word[i]!;
    const k = charClass(word.charCodeAt(i), ch);
    const s = k === UPPER ? 'X' : k === LOWER ? 'x' : k === DIGIT ? 'd' : ch;
    if (s !== last || k === OTHER) out += s;
    last = s;
  }
  return out;
}

export interface WordCase {
  /** First character is an upper-case letter. */
  initialUpper: boolean;
  /** Has letters and all of them are upper case. */
  allUpper: boolean;
  /** Has at least one letter. */
  hasLetter: boolean;
}

export function wordCase(word: string): WordCase {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < word.length; i++) {
    const k = charClass(word.charCodeAt(i), word[i]!);
    if (k === UPPER) upper++;
    else if (k === LOWER) lower++;
  }
  const first = word.length > 0 ? charClass(word.charCodeAt(0), word[0]!) : OTHER;
  return { initialUpper: first === UPPER, allUpper: upper > 0 && lower === 0, hasLetter: upper + lower > 0 };
}

/** Lower case with every digit replaced by 0, so "1996-08-22" and "1997-01-03" share a form. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/\d/g, '0');
}
