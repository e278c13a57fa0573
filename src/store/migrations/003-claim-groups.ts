import type { Migration } from './index.js';

/** Which claim belongs to which claim group, so the ledger pages in SQL instead of loading every claim. */
export const migration003: Migration = {
  version: 3,
  name: 'claim-group-members',
  sql: `
CREATE TABLE claim_group_members (
  article_seq INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  group_id TEXT NOT NULL,
  PRIMARY KEY (article_seq, idx)
);
CREATE INDEX claim_group_members_group ON claim_group_members(group_id);
`,
};
