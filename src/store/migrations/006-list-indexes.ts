import type { Migration } from './index.js';

/**
 * Indexes in the order the API lists pages in, so a page is read off an index (entities by mentions, events by
 * date, articles newest first) instead of sorting every row for each request.
 */
export const migration006: Migration = {
  version: 6,
  name: 'list-indexes',
  sql: `
CREATE INDEX entities_rank ON entities(mentions DESC, name);
CREATE INDEX entities_type_rank ON entities(type, mentions DESC, name);
CREATE INDEX events_date_id ON events(date, id);
CREATE INDEX events_type_date_id ON events(type, date, id);
CREATE INDEX articles_published_seq ON articles(published DESC, seq);
`,
};
