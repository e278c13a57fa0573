export { loadTagger, loadModel, DEFAULT_MODEL_PATH } from './load.js';
export { NerModel, type Provenance } from './model.js';
export { trainTagger, type TrainOptions, type TrainingDocument } from './train.js';
export { serializeModel, deserializeModel } from './model-file.js';
export { parseConll, countTokens, isDocStart, lineToken, type ConllDocument, type ConllSentence } from './conll.js';
export { evaluateTags, type Evaluation, type Scores } from './evaluate.js';
export { iobSpans, ENTITY_TYPES } from './labels.js';
export type { Gazetteer, WordClusters } from './resources.js';
