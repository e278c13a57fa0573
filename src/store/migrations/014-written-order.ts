import type { Migration } from './index.js';

/** One table's `rowid` column on PostgreSQL, filled for the rows it holds in their current (physical) order. */
const writtenOrder = (table: string): string => `
ALTER TABLE ${table} ADD COLUMN rowid BIGINT;
UPDATE ${table} SET rowid = o.n
  FROM (SELECT ctid AS at, ROW_NUMBER() OVER (ORDER BY ctid) AS n FROM ${table}) o
  WHERE ${table}.ctid = o.at;
ALTER TABLE ${table} ALTER COLUMN rowid SET NOT NULL;`;

/**
 * The order entities, events and claim groups were written in (the order of the corpus resolve's actors, events and
 * groups: the actors' list breaks ties of mentions and name by it, and its cursors name it), kept on PostgreSQL as
 * an explicit column, as `mentions.rowid` is (migration 001): SQLite's `rowid`, written by the write-back and read
 * back by the copy (`src/store/pg/mirror.ts`). Before it the copy read these tables by row position (`ctid`), which
 * an UPDATE, CLUSTER, VACUUM FULL or pg_repack changes. The rows already there are numbered in their current
 * physical order, which is the order the last write-back loaded them in unless something moved them since.
 *
 * SQLite's `rowid` already is this order: nothing changes there.
 */
export const migration014: Migration = {
  version: 14,
  name: 'written-order',
  sql: `
-- SQLite: rowid is each row's written order already.
`,
  postgres: `${writtenOrder('entities')}${writtenOrder('events')}${writtenOrder('claim_groups')}
`,
};
