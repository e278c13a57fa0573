import type { Migration } from './index.js';

/**
 * What a quote carries beyond its span: the quoted parts of a statement interrupted by its attribution
 * ("“…,” she said, “…”") and the addressee the text names ("told X", "in a letter to X"), each as JSON spans.
 */
export const migration007: Migration = {
  version: 7,
  name: 'quote-parts',
  sql: `
ALTER TABLE quotes ADD COLUMN parts TEXT;
ALTER TABLE quotes ADD COLUMN addressee TEXT;
`,
};
