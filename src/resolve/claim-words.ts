import { CLAIM_STOPWORDS } from './data/stopwords.js';

/** What a claim is about: its content words, lightly stemmed, so claims in different words can meet. */

/** A light stem: enough to meet "dumped"/"dumping"/"dumps" and "seizure"/"seized" halfway. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ing|ure)$/.test(w)) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function contentWords(proposition: string): Set<string> {
  const out = new Set<string>();
  for (const m of proposition.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const w = m[0].toLowerCase();
    if (CLAIM_STOPWORDS.has(w) || w.length < 3) continue;
    out.add(stem(w));
  }
  return out;
}
