import { createDoc, type Doc, type RawArticle } from '../model/index.js';
import { annotateLanguage, type NerTagger } from '../language/index.js';
import { loadTagger } from '../language/ner/index.js';
import { annotateTime } from '../time/index.js';
import { annotateQuotes } from '../quotes/index.js';
import { annotateEvents } from '../events/index.js';
import { articleId } from '../store/index.js';

/**
 * The per-article pipeline: a readable list of stages, each adding one layer to the Doc.
 * Runs inside worker threads; everything it returns must be structured-cloneable.
 */
let tagger: NerTagger | null = null;

/** The NER model, loaded once per thread on first use. */
function defaultTagger(): NerTagger {
  tagger ??= loadTagger();
  return tagger;
}

export const STAGES: ReadonlyArray<readonly [string, (doc: Doc) => void]> = [
  ['language', (doc) => annotateLanguage(doc, defaultTagger())],
  ['time', annotateTime],
  ['quotes', annotateQuotes],
  ['events', annotateEvents],
];

export function analyzeArticle(raw: RawArticle, id: string = articleId(raw)): Doc {
  const doc = createDoc(id, raw);
  for (const [, stage] of STAGES) stage(doc);
  return doc;
}
