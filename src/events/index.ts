export { annotateEvents } from './annotate.js';
export { triggerLexicon } from './lexicon.js';
export { verbForms, nounForms } from './inflect.js';
