export { tokenize, tokenizeText, tokenizeRange, paragraphRanges } from './tokenize.js';
export { annotateLanguage } from './annotate.js';
