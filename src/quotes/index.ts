export { annotateQuotes, type CandidateDump, type QuoteOptions } from './annotate.js';
export { loadSpeakerModel, SpeakerModel, speakerModel, type SpeakerModelFile } from './ranker/model.js';
export { findQuoteMarks, type QuoteMarks } from './marks.js';
export { CUE_STANCE } from './data/cues.js';
