import type { Migration } from './index.js';

/**
 * What the incremental event merge on PostgreSQL keeps beside the events (src/store/pg/events.ts):
 *
 * - `event_members`: the merged event each event mention belongs to (before any analyst's correction: an event a
 *   correction drops keeps its members here). The merge of the mentions a new article touches replaces the events
 *   their members were in, found by this table, and only those.
 * - `event_mention_keys`: the actor keys each event mention names, so the mentions whose actors another entity
 *   took (actor resolution moved a key) are found without reading every mention.
 * - `events_rowid_seq`: events' `rowid` (migration 014: a locator, no reader's order) drawn by PostgreSQL for the
 *   events written in place, after those already there.
 *
 * Both tables are complete for the articles up to `meta.events_merged_seq`; a working copy's write-back
 * (`pushStore`) empties them and drops that mark, and the next resolve merges every event mention once.
 *
 * SQLite rebuilds its events whole at each resolve: nothing changes there.
 */
export const migration018: Migration = {
  version: 18,
  name: 'event-members',
  sql: `
-- SQLite: events are merged whole at each resolve.
`,
  postgres: `
CREATE TABLE event_members (article_seq BIGINT NOT NULL, idx INTEGER NOT NULL, event_id TEXT NOT NULL,
  PRIMARY KEY (article_seq, idx));
CREATE INDEX event_members_event ON event_members (event_id);
CREATE TABLE event_mention_keys (actor_key TEXT NOT NULL, article_seq BIGINT NOT NULL, idx INTEGER NOT NULL,
  PRIMARY KEY (actor_key, article_seq, idx));
CREATE SEQUENCE events_rowid_seq AS BIGINT;
SELECT setval('events_rowid_seq', COALESCE((SELECT MAX(rowid) FROM events), 0) + 1, false);
`,
};
