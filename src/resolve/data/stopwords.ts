import { STOP_WORDS, WEEKDAY_NAMES } from '../../model/lexicon/index.js';

/** Function words, and the reporting and time words that say nothing about what a claim is about. */
export const CLAIM_STOPWORDS: ReadonlySet<string> = new Set([
  ...STOP_WORDS,
  ...WEEKDAY_NAMES,
  ...`one two three said says say saying told tell tells added adding according denied denies deny accused accuses accuse
  claimed claims claim alleged alleges called calls statement spokesman spokeswoman spokesperson official officials mr mrs
  ms dr today yesterday week month year last next first new`.split(/\s+/),
  // Prepositions of place and direction beyond the common function words ("around the island", "near the border"):
  // a closed class of English grammar that says where, never what a claim is about.
  ...`around across near along beside behind beyond toward towards onto via among amid inside outside throughout
  past nearby`.split(/\s+/),
]);
