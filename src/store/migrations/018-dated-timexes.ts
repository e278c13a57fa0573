import type { Migration } from './index.js';

/** The pairs `article_dated.pairs` holds for an article row `row` (`new` in a trigger): see `migration018`. */
const pairsOf = (row: string): string => `CASE WHEN json_valid(${row}.timexes) THEN
    (SELECT json_group_array(json_array(json_extract(t.value, '$.start'), json_extract(t.value, '$.end')))
     FROM (SELECT value FROM json_each(${row}.timexes) ORDER BY key) AS t
     WHERE json_type(t.value, '$.precision') IS NOT 'null')
  END`;

/**
 * Each article's time expressions that can date a fact (those with a precision), as `[[start, end], …]` in the
 * article's order, written with the article (a trigger, on every path that stores an article) into a narrow table
 * keyed by the article's seq. A timeline entry shows the first of them inside its evidence sentence: read from the
 * article row, that was the whole `timexes` column (stored after the text, so read past its overflow pages) parsed
 * whole — 5.5 kB on average and up to 112 kB an article on the load bench's store, the largest part of a cold
 * timeline page (docs/reliability.md, "The first minute after a start"). A row is written once with its article and
 * dropped with it (an article's `timexes` are never updated; the update trigger keeps it right if they ever are);
 * `pairs` is NULL for time expressions that are not valid JSON, and a reader then parses the column as before. The
 * rows of the articles a store already holds are filled here.
 *
 * PostgreSQL stores no such table: a PostgreSQL store is served from its SQLite working copy, whose articles are
 * written through this trigger.
 */
export const migration018: Migration = {
  version: 18,
  name: 'dated-timexes',
  sql: `
CREATE TABLE article_dated (seq INTEGER PRIMARY KEY, pairs TEXT);
CREATE TRIGGER articles_dated_insert AFTER INSERT ON articles BEGIN
  INSERT OR REPLACE INTO article_dated (seq, pairs) VALUES (new.seq, ${pairsOf('new')});
END;
CREATE TRIGGER articles_dated_update AFTER UPDATE OF timexes ON articles BEGIN
  INSERT OR REPLACE INTO article_dated (seq, pairs) VALUES (new.seq, ${pairsOf('new')});
END;
CREATE TRIGGER articles_dated_delete AFTER DELETE ON articles BEGIN
  DELETE FROM article_dated WHERE seq = old.seq;
END;
INSERT INTO article_dated (seq, pairs) SELECT seq, ${pairsOf('articles')} FROM articles;
`,
  postgres: `
-- PostgreSQL: served from the SQLite working copy, which has the table.
`,
};
