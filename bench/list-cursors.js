// The cursors (keyset paging) of a store's lists, read with each list's own order and encoded as the server encodes
// them: a page asked after any of them is the page a client reaches by following `next` from the one before. Shared
// by the load benches (serve-load.js, list-answer-cost.js, same-answers.js), so that they page the same way.
import Database from 'better-sqlite3';

/** Each list's sort key, in its order (the same order and tie-breaks as src/store/queries.ts's pages). */
export const LIST_KEYS = {
  articles: 'SELECT published, seq FROM articles ORDER BY published DESC, seq LIMIT ?',
  entities: 'SELECT mentions, name, rowid FROM entities ORDER BY mentions DESC, name, rowid LIMIT ?',
  /** The events list: dated oldest first, then undated, each by id. */
  events: 'SELECT date, id FROM events ORDER BY date IS NULL, date, id LIMIT ?',
  /** The timeline: dated events only. */
  dated: 'SELECT date, id FROM events WHERE date IS NOT NULL ORDER BY date, id LIMIT ?',
  quotes: 'SELECT article_seq, idx FROM quotes ORDER BY article_seq, idx LIMIT ?',
  claims: 'SELECT article_seq, idx FROM claims ORDER BY article_seq, idx LIMIT ?',
};

/** The keys of each list's last rows (undated articles and events come last), newest key first. */
const LAST_KEYS = {
  articles: 'SELECT published, seq FROM articles ORDER BY published IS NULL DESC, seq DESC LIMIT ?',
  events: 'SELECT date, id FROM events ORDER BY date IS NULL DESC, date DESC, id DESC LIMIT ?',
};

/**
 * The cursors of the first `depth` rows of each list named in `lists` (keys of LIST_KEYS; `dated` is encoded as the
 * events list's cursor, which the timeline takes), and, with `last`, the cursors of each list's last `last` rows
 * appended (articles and events). Returns { list: [cursor, …] }.
 */
export async function listCursors(store, depth, lists = Object.keys(LIST_KEYS), { last = 0 } = {}) {
  const { encodeCursor } = await import(new URL('../dist/store/cursor.js', import.meta.url).href);
  const db = new Database(store, { readonly: true });
  try {
    const out = {};
    for (const list of lists) {
      const name = list === 'dated' ? 'events' : list;
      const keys = db.prepare(LIST_KEYS[list]).raw().all(depth);
      if (last > 0 && LAST_KEYS[list]) keys.push(...db.prepare(LAST_KEYS[list]).raw().all(last));
      out[list] = keys.map((k) => encodeCursor(name, k));
    }
    return out;
  } finally {
    db.close();
  }
}
