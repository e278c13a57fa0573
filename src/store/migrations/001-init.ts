import type { Migration } from './index.js';

export const migration001: Migration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One row per article; seq is the FTS rowid and the ingest order.
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  url TEXT,
  outlet TEXT,
  published TEXT,
  published_precision TEXT,
  published_from TEXT,
  anchor TEXT,
  anchor_from TEXT,
  text TEXT NOT NULL,
  captions TEXT NOT NULL DEFAULT '[]',
  authors TEXT NOT NULL DEFAULT '[]',
  origin TEXT NOT NULL,
  warnings TEXT NOT NULL DEFAULT '[]',
  paragraphs TEXT NOT NULL DEFAULT '[]',
  sentences TEXT NOT NULL DEFAULT '[]',
  timexes TEXT NOT NULL DEFAULT '[]',
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX articles_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- Per-article layers (stand-off: offsets into articles.text).
CREATE TABLE mentions (
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
  actor_key TEXT, canonical TEXT, role TEXT, affiliation TEXT, metonym INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mentions_article ON mentions(article_seq);
CREATE INDEX mentions_actor ON mentions(actor_key);

CREATE TABLE quotes (
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  direct INTEGER NOT NULL, cue TEXT, speaker TEXT, speaker_name TEXT, speaker_key TEXT, date TEXT,
  PRIMARY KEY (article_seq, idx)
);

CREATE TABLE claims (
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, proposition TEXT NOT NULL,
  claimant_key TEXT, claimant TEXT, stance TEXT NOT NULL, target_keys TEXT NOT NULL DEFAULT '[]',
  date TEXT, quote_idx INTEGER,
  PRIMARY KEY (article_seq, idx)
);

CREATE TABLE event_mentions (
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL, type TEXT NOT NULL, mode TEXT, negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL,
  date TEXT, date_precision TEXT, data TEXT NOT NULL,
  PRIMARY KEY (article_seq, idx)
);
CREATE INDEX event_mentions_type ON event_mentions(type, date);

-- Corpus-level results, rebuilt by the resolve step after each ingest (derived, never edited by hand).
CREATE TABLE entities (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]',
  mentions INTEGER NOT NULL, code TEXT, data TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE actor_keys (actor_key TEXT PRIMARY KEY, entity_id TEXT NOT NULL);
CREATE TABLE events (id TEXT PRIMARY KEY, type TEXT NOT NULL, date TEXT, data TEXT NOT NULL);
CREATE INDEX events_date ON events(date);
CREATE TABLE event_articles (event_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (article_id, event_id));
CREATE TABLE claim_groups (id TEXT PRIMARY KEY, data TEXT NOT NULL);
`,
};
