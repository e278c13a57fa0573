import type { Migration } from './index.js';

/**
 * Search with stemming: the full-text index is rebuilt with the Porter stemmer over unicode61, so "missile"
 * finds "missiles" and "launched" finds "launch". The table keeps its name and columns (the triggers on
 * `articles` keep feeding it) and is refilled from `articles` (external content).
 *
 * Corrections: an analyst's fixes to the derived picture (merge, split or rename actors; an event's type,
 * actors or removal; a quote's speaker). Each is a row with its kind, target and payload; re-analysis and
 * every corpus resolve apply the rows not undone, in order, so a fix outlives the rebuild of what it fixes.
 */
export const migration008: Migration = {
  version: 8,
  name: 'stemmed-search-corrections',
  sql: `
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

CREATE TABLE corrections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  note TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  undone_at TEXT
);
CREATE INDEX corrections_target ON corrections(kind, target);
`,
};
