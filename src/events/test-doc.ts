import { annotateLanguage } from '../language/index.js';
import { PhraseTagger } from '../language/test-tagger.js';
import { createDoc, type Doc } from '../model/index.js';
import { annotateEvents } from './annotate.js';

/** For tests: `text` as a document, tagged with the given [phrase, entity type] pairs, its events coded. */
export function codeEvents(text: string, phrases: [string, string][] = []): Doc {
  const doc = createDoc('t', {
    title: 'T',
    url: null,
    outlet: null,
    text,
    captions: [],
    dateEvidence: [],
    origin: 'test',
    warnings: [],
  });
  annotateLanguage(doc, new PhraseTagger(phrases));
  annotateEvents(doc);
  return doc;
}
