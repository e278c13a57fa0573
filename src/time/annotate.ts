import type { DateEvidence, Doc } from '../model/index.js';
import { documentDates } from './documentDate.js';
import { findTimexes } from './timexes.js';

/**
 * Time stage: the article's publication date and anchor (with precision and provenance), then its
 * time expressions resolved against the anchor. Needs the language stage's sentences and tokens.
 */
export function annotateTime(doc: Doc): void {
  const explicitTextDates = (): DateEvidence[] =>
    findTimexes(doc.text, doc.sentences, doc.tokens, { anchor: null })
      .filter((t) => t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value))
      .map((t) => ({ value: t.value, precision: 'day', from: 'text', evidence: t.text }));
  const { published, anchor } = documentDates(doc, explicitTextDates);
  doc.published = published;
  doc.anchor = anchor;
  doc.timexes = findTimexes(doc.text, doc.sentences, doc.tokens, { anchor: anchor?.value ?? null });
}
