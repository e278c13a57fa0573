import { docIndex, type Doc, type DocIndex, type Span } from '../model/index.js';

/**
 * What the attribution rules read besides the document's own index: which tokens sit inside a quote and
 * which paragraph each token belongs to. Sentence bounds, lower-case words and the entity covering a
 * token come from the `DocIndex`.
 */
export interface QuoteContext {
  doc: Doc;
  ix: DocIndex;
  /** Per token: index into `quotes` of the quote containing it, or -1. */
  quoteOf: Int32Array;
  /** Per token: index of its paragraph. */
  paragraphOf: Int32Array;
}

export function quoteContext(doc: Doc, quotes: readonly Span[], paragraphs: readonly Span[]): QuoteContext {
  const ix = docIndex(doc);
  const n = doc.tokens.length;
  const quoteOf = new Int32Array(n).fill(-1);
  quotes.forEach((q, k) => {
    const [a, b] = ix.tokensIn(q);
    quoteOf.fill(k, a, b);
  });
  const paragraphOf = new Int32Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    while (p + 1 < paragraphs.length && doc.tokens[i]!.start >= paragraphs[p + 1]!.start) p++;
    paragraphOf[i] = p;
  }
  return { doc, ix, quoteOf, paragraphOf };
}
