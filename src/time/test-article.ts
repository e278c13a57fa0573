import { tokenize } from '../language/tokenize.js';
import { textDoc } from '../language/test-tagger.js';
import type { Doc } from '../model/index.js';
import { annotateTime } from './annotate.js';
import { factDate } from './fact-date.js';

/** For tests: an invented article published (URL date) on Wednesday 2026-03-11, tokenized and time-annotated. */
export function article(text: string): Doc {
  const doc = textDoc('t', text, [{ value: '2026-03-11', precision: 'day', from: 'url', evidence: 'url' }]);
  tokenize(doc);
  annotateTime(doc);
  return doc;
}

/** For tests: the fact date of the first occurrence of `word` in the article. */
export function dateOf(doc: Doc, word: string) {
  const start = doc.text.indexOf(word);
  if (start < 0) throw new Error(`no "${word}" in the test text`);
  return factDate(doc, { start, end: start + word.length });
}
