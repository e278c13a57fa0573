export { tokenize, tokenizeText, tokenizeRange, paragraphRanges } from './tokenize.js';
export { annotateEntities, annotateLanguage, decodeIob } from './annotate.js';
export { actorCode, roleSector } from './actor-code.js';
export { officeHolderCode } from './office-holders.js';
export {
  gazetteer,
  buildGazetteer,
  Gazetteer,
  type GazetteerEntry,
  type GazetteerActor,
  type GazetteerKind,
  type GazetteerMatch,
} from './gazetteer.js';
export { fold, personKeyName, compactName, nameKey } from './normalize.js';
export type { NerTagger, IobLabel } from './tagger.js';
export { familyFirst } from './persons.js';
export { isHonorific, isRoleWord } from './persons.js';
