import type { Migration } from './index.js';

/**
 * The order mentions are written in, given by PostgreSQL itself: a sequence for `mentions.rowid`, so that several
 * processes writing articles at once (`sitrep worker` on a PostgreSQL store, `src/store/pg/article-writer.ts`) each
 * number their mentions after every mention already there, without reading the table's highest rowid first and
 * without two of them taking the same numbers. Until now only the write-back (`pushStore`) wrote mentions, numbering
 * them from the SQLite working copy's rowids; it now moves the sequence past what it wrote, as it does the articles'.
 * The sequence starts after the rows a store already holds.
 *
 * SQLite's `rowid` already is this order: nothing changes there.
 */
export const migration016: Migration = {
  version: 16,
  name: 'mention-order',
  sql: `
-- SQLite: rowid is each mention's written order already.
`,
  postgres: `
CREATE SEQUENCE mentions_rowid_seq AS BIGINT;
SELECT setval('mentions_rowid_seq', COALESCE((SELECT MAX(rowid) FROM mentions), 0) + 1, false);
`,
};
