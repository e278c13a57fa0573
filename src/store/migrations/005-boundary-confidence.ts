import type { Migration } from './index.js';

/**
 * How sure dump segmentation is of an article's boundaries (0–1; null for inputs that are one article each).
 * Numbered 5: version 4 is taken by the quote and claim dates.
 */
export const migration005: Migration = {
  version: 5,
  name: 'boundary-confidence',
  sql: `
ALTER TABLE articles ADD COLUMN boundary_confidence REAL;
`,
  postgres: `
ALTER TABLE articles ADD COLUMN boundary_confidence DOUBLE PRECISION;
`,
};
