import type { Migration } from './index.js';

/** Near-duplicate links and fingerprints (ingest), and the state of watched feeds (`sitrep watch`). */
export const migration002: Migration = {
  version: 2,
  name: 'sources',
  sql: `
ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
ALTER TABLE articles ADD COLUMN similarity REAL;
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

CREATE TABLE article_fingerprints (
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  text_hash TEXT NOT NULL,
  minhash BLOB NOT NULL
);
CREATE INDEX article_fingerprints_hash ON article_fingerprints(text_hash);

CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  last_checked TEXT,
  last_ok TEXT,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_check TEXT,
  items_seen INTEGER NOT NULL DEFAULT 0,
  articles_added INTEGER NOT NULL DEFAULT 0,
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

CREATE TABLE feed_items (
  feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  url TEXT,
  article_id TEXT,
  status TEXT NOT NULL,
  error TEXT,
  seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY (feed_url, item_key)
);
`,
  postgres: `
ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
ALTER TABLE articles ADD COLUMN similarity DOUBLE PRECISION;
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

CREATE TABLE article_fingerprints (
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  text_hash TEXT NOT NULL,
  minhash BYTEA NOT NULL
);
CREATE INDEX article_fingerprints_hash ON article_fingerprints(text_hash);

CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  last_checked TEXT,
  last_ok TEXT,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_check TEXT,
  items_seen INTEGER NOT NULL DEFAULT 0,
  articles_added INTEGER NOT NULL DEFAULT 0,
  added_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
);

CREATE TABLE feed_items (
  feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  url TEXT,
  article_id TEXT,
  status TEXT NOT NULL,
  error TEXT,
  seen_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
  PRIMARY KEY (feed_url, item_key)
);
`,
};
