import { createDoc, type Doc, type RawArticle } from '../model/index.js';
import type { NerTagger } from '../language/index.js';
import { loadTagger } from '../language/ner/index.js';
import { articleId } from '../store/index.js';
import { runStages, STAGES, type PipelineEnv } from './stages.js';

/**
 * The per-article pipeline: every stage of `STAGES`, each adding layers to the Doc.
 * Runs inside worker threads; everything it returns must be structured-cloneable.
 */
let tagger: NerTagger | null = null;

/** The NER model, loaded once per thread on first use. */
function defaultTagger(): NerTagger {
  tagger ??= loadTagger();
  return tagger;
}

const DEFAULT_ENV: PipelineEnv = { tagger: defaultTagger };

export function analyzeArticle(raw: RawArticle, id: string = articleId(raw)): Doc {
  return runStages(createDoc(id, raw), STAGES, DEFAULT_ENV);
}
