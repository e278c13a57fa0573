import type { Doc, EntityMention, Span } from '../model/index.js';

/**
 * Token-level view of a Doc for the attribution rules: lower-cased words, sentence bounds, which tokens sit
 * inside a quote, which entity mention covers a token. Built once per document from the language layers.
 */
export interface DocView {
  doc: Doc;
  lower: string[];
  /** Per token: [first token, end token) of its sentence. */
  sentLo: Int32Array;
  sentHi: Int32Array;
  /** Per token: index into `quotes` of the quote containing it, or -1. */
  quoteOf: Int32Array;
  /** Per token: index into `doc.entities` of the mention covering it, or -1. */
  entityOf: Int32Array;
  /** Per token: index of its paragraph. */
  paragraphOf: Int32Array;
}

/** First token whose start is at or after `offset`. */
export function tokenAtOrAfter(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token range [first, end) of the tokens lying inside a character span. */
export function tokenRange(doc: Doc, span: Span): [number, number] {
  const a = tokenAtOrAfter(doc, span.start);
  let b = a;
  while (b < doc.tokens.length && doc.tokens[b]!.end <= span.end) b++;
  return [a, b];
}

export function buildView(doc: Doc, quotes: readonly Span[], paragraphs: readonly Span[]): DocView {
  const n = doc.tokens.length;
  const lower = doc.tokens.map((t) => t.text.toLowerCase());
  const sentLo = new Int32Array(n);
  const sentHi = new Int32Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && doc.tokens[j]!.sentence === doc.tokens[i]!.sentence) j++;
    sentLo.fill(i, i, j);
    sentHi.fill(j, i, j);
    i = j;
  }
  const quoteOf = new Int32Array(n).fill(-1);
  quotes.forEach((q, k) => {
    const [a, b] = tokenRange(doc, q);
    quoteOf.fill(k, a, b);
  });
  const entityOf = new Int32Array(n).fill(-1);
  doc.entities.forEach((e: EntityMention, k) => {
    const [a, b] = tokenRange(doc, e);
    entityOf.fill(k, a, b);
  });
  const paragraphOf = new Int32Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    while (p + 1 < paragraphs.length && doc.tokens[i]!.start >= paragraphs[p + 1]!.start) p++;
    paragraphOf[i] = p;
  }
  return { doc, lower, sentLo, sentHi, quoteOf, entityOf, paragraphOf };
}
