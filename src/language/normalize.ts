/** String normalization shared by the gazetteer, coreference and cross-article resolution. */

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /[\u0300-\u036f]/g;

/** Strip diacritics and unify apostrophes and dashes ("Élysée" → "Elysee", "Kim’s" → "Kim's"). Cheap for ASCII. */
export function fold(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss');
}

/**
 * Normalized key for a person name: folded, lower-case, hyphens and periods dropped to spaces,
 * so "Moon Jae-in", "Moon Jae In" and "MOON Jae-in" all give "moon jae in".
 */
export function personKeyName(tokens: readonly string[]): string {
  const parts: string[] = [];
  for (const t of tokens) {
    for (const p of fold(t)
      .toLowerCase()
      .split(/[-.\s]+/))
      if (p) parts.push(p);
  }
  return parts.join(' ');
}

/** Letters only, folded and lower-cased: the spelling-variant signature ("Moon Jaein" ≈ "Moon Jae-in"). */
export function compactName(s: string): string {
  return fold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Normalized key for a generic name ("org:…", "loc:…"): folded, lower-case, single spaces, no periods. */
export function nameKey(s: string): string {
  return fold(s).toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

/** Join tokens back to display text with the spacing CoNLL tokens lost ("People 's" → "People's"). */
export function joinTokens(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) {
    if (out && !/^['’]s$|^n't$|^[.,;:!?)\]]$/.test(t) && !out.endsWith('(')) out += ' ';
    out += t;
  }
  return out;
}
