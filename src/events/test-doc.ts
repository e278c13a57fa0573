import { taggedDoc } from '../language/test-tagger.js';
import type { Doc } from '../model/index.js';
import { annotateEvents } from './annotate.js';

/** For tests: `text` as a document, tagged with the given [phrase, entity type] pairs, its events coded. */
export function codeEvents(text: string, phrases: [string, string][] = []): Doc {
  const doc = taggedDoc('t', text, phrases);
  annotateEvents(doc);
  return doc;
}
