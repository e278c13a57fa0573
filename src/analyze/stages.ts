import { checkStages, planStages, type Doc, type Layer, type Stage } from '../model/index.js';
import { annotateEntities, tokenize, type NerTagger } from '../language/index.js';
import { annotateTime } from '../time/index.js';
import { annotateQuotes } from '../quotes/index.js';
import { annotateEvents } from '../events/index.js';

/**
 * The per-article stages, in order: each adds layers to the Doc and declares which layers it reads and
 * sets. `analyzeArticle` runs them all; a JSONL command runs the ones its output needs (`stagesFor`).
 */

/** What stages get besides the doc: the NER model, asked for only by the stage that tags. */
export interface PipelineEnv {
  tagger(): NerTagger | undefined;
}

export type PipelineStage = Stage<PipelineEnv>;

export const STAGES: readonly PipelineStage[] = [
  {
    name: 'tokenize',
    requires: ['text', 'paragraphs'],
    assigns: ['sentences', 'tokens'],
    run: (doc) => tokenize(doc),
  },
  {
    name: 'entities',
    requires: ['text', 'paragraphs', 'sentences', 'tokens'],
    assigns: ['entities'],
    run: (doc, env) => annotateEntities(doc, env.tagger()),
  },
  {
    name: 'time',
    requires: ['text', 'url', 'sentences', 'tokens', 'dateEvidence', 'published'],
    assigns: ['published', 'anchor', 'localDays', 'timexes'],
    run: (doc) => annotateTime(doc),
  },
  {
    name: 'quotes',
    requires: ['text', 'paragraphs', 'sentences', 'tokens', 'entities'],
    uses: ['timexes', 'anchor', 'published'],
    assigns: ['quotes', 'claims'],
    run: (doc) => annotateQuotes(doc),
  },
  {
    name: 'events',
    requires: ['text', 'sentences', 'tokens', 'entities', 'timexes', 'anchor', 'published'],
    assigns: ['events'],
    run: (doc) => annotateEvents(doc),
  },
];

// A stage moved before one whose layer it reads fails here, at start-up, rather than as empty results.
if (process.env.NODE_ENV !== 'production') checkStages(STAGES);

/** The stages a command must run to print `wanted` layers, in pipeline order. */
export function stagesFor(wanted: readonly Layer[]): PipelineStage[] {
  return planStages(STAGES, wanted);
}

/** Run stages over a doc, in order. */
export function runStages(doc: Doc, stages: readonly PipelineStage[], env: PipelineEnv): Doc {
  for (const stage of stages) stage.run(doc, env);
  return doc;
}
