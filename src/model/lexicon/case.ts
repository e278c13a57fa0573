/**
 * Letter-case tests of a word or a text. ASCII is decided from the character code, so the Unicode-class
 * regexes run only on other scripts.
 */

/** True when a word starts with an upper-case letter ("Paris", "Émile"). */
export function isCapitalized(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(t);
}

/** True when a word starts with a lower-case letter. */
export function startsLowerCase(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c > 127 && /^\p{Ll}/u.test(t));
}

/** True when a text has a lower-case letter anywhere. */
export function hasLowerCase(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c > 127) return /\p{Ll}/u.test(t);
  }
  return false;
}

/** True when a token has letters and no lower-case letter ("NATO", "U.S."; letters without case count too). */
export function isAllCaps(t: string): boolean {
  return /\p{L}/u.test(t) && !/\p{Ll}/u.test(t);
}

/**
 * True when upper-casing a text leaves it as it is and lower-casing changes it ("BREAKING NEWS"). Unlike
 * `isAllCaps`, a text whose letters have no case (Chinese, Arabic) is not upper-case here: a line-level
 * test, kept as the segmenter has always read subheads.
 */
export function isUpperCaseText(t: string): boolean {
  return t === t.toUpperCase() && t !== t.toLowerCase();
}

/** The word with its first letter upper-case ("monday" → "Monday"). */
export function capitalize(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
