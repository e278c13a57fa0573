import type { Migration } from './index.js';

/**
 * Stories: which articles report the same real-world story. `story_members` says which story each clustered
 * article belongs to (an article without a row has not been clustered yet); `story_keys` is the inverted index a
 * new article finds its candidate stories through (its strongest words and actors), and `story_frequencies` the
 * document frequencies that weigh them, so adding articles reads only what they touch. A story's row holds what
 * describes it: title, summary with its citations (JSON), actors, date range and outlets.
 */
export const migration011: Migration = {
  version: 11,
  name: 'stories',
  sql: `
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '{"text":"","citations":[]}',
  actors TEXT NOT NULL DEFAULT '[]',
  date_from TEXT,
  date_to TEXT,
  outlets TEXT NOT NULL DEFAULT '[]',
  articles INTEGER NOT NULL
);
CREATE INDEX stories_rank ON stories(articles DESC, seq);
CREATE TABLE story_members (
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  story_id TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id, article_seq);
CREATE TABLE story_keys (
  key TEXT NOT NULL,
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (key, article_seq)
) WITHOUT ROWID;
CREATE TABLE story_frequencies (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
`,
  postgres: `
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '{"text":"","citations":[]}',
  actors TEXT NOT NULL DEFAULT '[]',
  date_from TEXT,
  date_to TEXT,
  outlets TEXT NOT NULL DEFAULT '[]',
  articles INTEGER NOT NULL
);
CREATE INDEX stories_rank ON stories(articles DESC, seq);
CREATE TABLE story_members (
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  story_id TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id, article_seq);
CREATE TABLE story_keys (
  key TEXT NOT NULL,
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (key, article_seq)
);
CREATE TABLE story_frequencies (key TEXT PRIMARY KEY, df INTEGER NOT NULL);
`,
};
