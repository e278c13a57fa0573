import type { Migration } from './index.js';

/**
 * Indexes the API's slow pages were missing on a large store. An actor's articles: the mentions by actor carry
 * their article (`mentions_actor_article` replaces `mentions_actor`), so an actor's articles are read off the index
 * instead of one table row per mention; and each article's date is read off `articles_seq_published` when those
 * articles are sorted newest first. The claims ledger: a group's size is kept beside it (`claim_groups.size`,
 * filled by the corpus resolve) and indexed, so the largest groups are not found by parsing every group's JSON.
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
`,
};
