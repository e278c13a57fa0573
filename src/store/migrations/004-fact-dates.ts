import type { Migration } from './index.js';

/**
 * The two dates of quotes and claims: the date's precision and source (an expression of the sentence, one
 * carried from the sentence before, the article anchor), its day range for a week, and the reported day.
 */
export const migration004: Migration = {
  version: 4,
  name: 'fact-dates',
  sql: `
ALTER TABLE quotes ADD COLUMN date_precision TEXT;
ALTER TABLE quotes ADD COLUMN date_from TEXT;
ALTER TABLE quotes ADD COLUMN date_range TEXT;
ALTER TABLE quotes ADD COLUMN reported TEXT;
ALTER TABLE claims ADD COLUMN date_precision TEXT;
ALTER TABLE claims ADD COLUMN date_from TEXT;
ALTER TABLE claims ADD COLUMN date_range TEXT;
ALTER TABLE claims ADD COLUMN reported TEXT;
`,
};
