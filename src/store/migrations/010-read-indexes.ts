import type { Migration } from './index.js';

/**
 * Each claim group member's place in its group: earliest claim first, undated last, in article order within a
 * date (the order the ledger lists a group's claims in). Run by the resolve after it writes the members.
 */
export const RANK_MEMBERS_SQL = `UPDATE claim_group_members SET rank = r.n
  FROM (SELECT m.rowid AS id, ROW_NUMBER() OVER (PARTITION BY m.group_id
          ORDER BY COALESCE(c.date, '9999'), m.article_seq, m.idx) - 1 AS n
        FROM claim_group_members m JOIN claims c ON c.article_seq = m.article_seq AND c.idx = m.idx) r
  WHERE claim_group_members.rowid = r.id`;

/**
 * Indexes the API's slow pages were missing on a large store. An actor's articles: the mentions by actor carry
 * their article (`mentions_actor_article` replaces `mentions_actor`), so an actor's articles are read off the index
 * instead of one table row per mention; and each article's date is read off `articles_seq_published` when those
 * articles are sorted newest first. The claims ledger: a group's size is kept beside it (`claim_groups.size`,
 * filled by the corpus resolve) and indexed, so the largest groups are not found by parsing every group's JSON; and
 * each member's place in its group by date (`claim_group_members.rank`, see `rankClaimGroupMembers`), so a page of a
 * group's claims is an index range instead of a sort of all its claims.
 */
export const migration010: Migration = {
  version: 10,
  name: 'read-indexes',
  sql: `
DROP INDEX IF EXISTS mentions_actor;
CREATE INDEX IF NOT EXISTS mentions_actor_article ON mentions(actor_key, article_seq);
CREATE INDEX articles_seq_published ON articles(seq, published);
ALTER TABLE claim_groups ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
UPDATE claim_groups SET size = json_array_length(data, '$.claimIds');
CREATE INDEX claim_groups_size ON claim_groups(size DESC, id);
ALTER TABLE claim_group_members ADD COLUMN rank INTEGER;
${RANK_MEMBERS_SQL};
CREATE INDEX claim_group_members_rank ON claim_group_members(group_id, rank);
`,
  postgres: `
DROP INDEX IF EXISTS mentions_actor;
CREATE INDEX IF NOT EXISTS mentions_actor_article ON mentions(actor_key, article_seq);
CREATE INDEX articles_seq_published ON articles(seq, published);
ALTER TABLE claim_groups ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
UPDATE claim_groups SET size = json_array_length(data::json -> 'claimIds');
CREATE INDEX claim_groups_size ON claim_groups(size DESC, id);
ALTER TABLE claim_group_members ADD COLUMN rank INTEGER;
UPDATE claim_group_members SET rank = r.n
  FROM (SELECT m.article_seq, m.idx, ROW_NUMBER() OVER (PARTITION BY m.group_id
          ORDER BY COALESCE(c.date, '9999'), m.article_seq, m.idx) - 1 AS n
        FROM claim_group_members m JOIN claims c ON c.article_seq = m.article_seq AND c.idx = m.idx) r
  WHERE claim_group_members.article_seq = r.article_seq AND claim_group_members.idx = r.idx;
CREATE INDEX claim_group_members_rank ON claim_group_members(group_id, rank);
`,
};
