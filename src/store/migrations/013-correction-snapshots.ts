import type { Migration } from './index.js';

/**
 * Article corrections (an analyst's split or join of articles the dump segmenter cut wrongly) remove the articles
 * they replace with everything derived from them. `snapshot` keeps those articles' own rows (the article and its
 * per-article layers, as JSON), so undoing the correction puts back exactly what was there. Other kinds leave it
 * null; the export does not carry it (the payload names the articles).
 *
 * `articles_origin`: the reader's "join with next article" finds the article after one in its source (a dump's
 * articles are `file#n`, parts of a split one `file#n@offset`) by a few index probes instead of a scan.
 */
export const migration013: Migration = {
  version: 13,
  name: 'correction-snapshots',
  sql: `
ALTER TABLE corrections ADD COLUMN snapshot TEXT;
CREATE INDEX articles_origin ON articles(origin);
`,
};
