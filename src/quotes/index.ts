export { annotateQuotes } from './annotate.js';
export { findQuoteMarks, type QuoteMarks } from './marks.js';
export { CUE_STANCE } from './data/cues.js';
