import type { Migration } from './index.js';

/**
 * A filtered list page read off an index, not off rows. A facet (actor, outlet, date range) picks a list's rows off
 * an index, and the page is then the first of them in the list's order; where that index did not carry the order's
 * key, every matching row was read to sort them (an actor's quotes: each quote row read for its `article_seq, idx`;
 * an actor's events: each event row, JSON and all, read for its date). These indexes carry the key, so the sort is of
 * index entries and no row but the page's own is read (`node bench/list-plans.js STORE`):
 *
 * - `quotes_speaker_seq`, `claims_claimant_seq`, `quotes_date_seq`: the speaker/claimant and date facets in the
 *   lists' order; they replace `quotes_speaker`, `claims_claimant` and `quotes_date`, which they begin with (so
 *   what used those uses these), and cost about what those did to keep.
 * - `articles_outlet_seq`: an outlet's articles newest first, ties by seq, as the articles list orders them; it
 *   replaces `articles_outlet` (outlet, published), whose walk still had to sort each day's articles by seq.
 * - `claims_stance_seq`, `claims_date_seq`: the claims' stance and date facets (no index before: a filtered page
 *   or count read claim rows in key order until enough matched).
 * - `events_id_date`: an event's date by its id, so the events and timeline pages filtered by actor, outlet or story
 *   sort the matching events' keys without reading their rows.
 *
 * Each is one pass over its table (the largest, events' and quotes', a sort of their keys): 1.1 s of CPU on a
 * 20,565-article store. Kept on every write: quotes' cost is unchanged (its three indexes replace three), claims'
 * inserts cost ~2x (0.31 → 0.60 s for that store's claims), events' ~1.25x (the resolve rewrites them each ingest).
 */
const sql = `
CREATE INDEX IF NOT EXISTS quotes_speaker_seq ON quotes(speaker_key, article_seq, idx);
DROP INDEX IF EXISTS quotes_speaker;
CREATE INDEX IF NOT EXISTS claims_claimant_seq ON claims(claimant_key, article_seq, idx);
DROP INDEX IF EXISTS claims_claimant;
CREATE INDEX IF NOT EXISTS quotes_date_seq ON quotes(date, article_seq, idx);
DROP INDEX IF EXISTS quotes_date;
CREATE INDEX IF NOT EXISTS articles_outlet_seq ON articles(outlet, published DESC, seq);
DROP INDEX IF EXISTS articles_outlet;
CREATE INDEX IF NOT EXISTS claims_stance_seq ON claims(stance, article_seq, idx);
CREATE INDEX IF NOT EXISTS claims_date_seq ON claims(date, article_seq, idx);
CREATE INDEX IF NOT EXISTS events_id_date ON events(id, date);
`;

export const migration015: Migration = {
  version: 15,
  name: 'filter-indexes',
  sql,
};
