import { docIndex, type DateEvidence, type Doc } from '../model/index.js';
import { documentDates } from './document-date.js';
import { resolveTimexes, timexCandidates, type Candidate } from './timexes.js';

/**
 * Time stage: the article's publication date and anchor (with precision and provenance), then its
 * time expressions resolved against the anchor. Needs the language stage's sentences and tokens.
 */
export function annotateTime(doc: Doc): void {
  // Finding the expressions is most of the work and does not depend on the anchor: done once, even when
  // the full dates of the text are needed to date the article first.
  let found: Candidate[] | null = null;
  const candidates = (): Candidate[] => (found ??= timexCandidates(doc.text, doc.sentences));
  const explicitTextDates = (): DateEvidence[] =>
    resolveTimexes(doc.text, docIndex(doc), candidates(), { anchor: null })
      .filter((t) => t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value))
      .map((t) => ({ value: t.value, precision: 'day', from: 'text', evidence: t.text }));
  const { published, anchor } = documentDates(doc, explicitTextDates);
  doc.published = published;
  doc.anchor = anchor;
  doc.timexes = resolveTimexes(doc.text, docIndex(doc), candidates(), { anchor: anchor?.value ?? null });
}
