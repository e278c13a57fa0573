// Grow an analyzed store to a larger one for the serve benches, by SQL instead of analysis: every article and every
// row derived from it is copied with a changed id (and seq), as if the same articles had arrived again under other
// ids. Analysis costs ~20 ms of CPU an article, so a 100,000-article store analyzed whole takes over half an hour of
// both cores; a copy of an analyzed 4,000–10,000-article store takes minutes. What the copy does not give: new words
// (search doclists are the base's, repeated) and new actors (entity rows are shared; their mention counts grow).
// Stories placed in the base are copied too (every copied article goes to the copy of its story).
//
//   node bench/replicate-store.js BASE.db OUT.db ARTICLES
import { copyFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Copy `base` to `out` and add copies of its articles until `out` holds `articles` (or more, to the next whole copy). */
export function replicateStore(base, out, articles) {
  for (const f of [out, `${out}-wal`, `${out}-shm`]) rmSync(f, { force: true });
  const src = new Database(base, { readonly: true });
  src.pragma('wal_checkpoint(TRUNCATE)');
  src.close();
  copyFileSync(base, out);
  const db = new Database(out);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  const span = db.prepare('SELECT MAX(seq) FROM articles').pluck().get();
  const count = db.prepare('SELECT COUNT(*) FROM articles').pluck().get();
  const copies = Math.max(1, Math.ceil(articles / count));
  // Copy c of an id of n hex digits: the id plus c times a large odd number, modulo 16^n. Distinct copies of distinct
  // ids then collide only by chance (about one in 16^n per pair), not whenever an id happens to end in c.
  const shift = (h, c) => {
    const mod = 1n << BigInt(4 * h.length);
    return ((BigInt(`0x${h}`) + BigInt(c) * 0x9e3779b97f4a7c15n) % mod).toString(16).padStart(h.length, '0');
  };
  const cols = (table) =>
    db
      .prepare(`SELECT name FROM pragma_table_info('${table}')`)
      .pluck()
      .all()
      .map((n) => `"${n}"`);
  // Every article id inside a JSON value (event data, claim ids) is 16 hex digits; event and group ids carry 12.
  const ARTICLE_ID = /\b[0-9a-f]{16}\b/g;
  const PREFIXED_ID = /\b(evt|clg)_([0-9a-f]{12})\b/g;
  // The base's rows of the corpus-level tables (the copies are added after them).
  const last = (t) => db.prepare(`SELECT COALESCE(MAX(rowid), 0) FROM ${t}`).pluck().get();
  const baseRows = { events: last('events'), links: last('event_articles'), groups: last('claim_groups') };
  // Stories (migration 011), when the base has placed its articles: every copied article goes to the copy of its
  // story, with the copy's index keys; document frequencies scaled by the number of copies below.
  const storySpan = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM stories').pluck().get();
  db.exec('DROP TRIGGER IF EXISTS articles_ai');
  // Secondary indexes are built once at the end (faster than keeping them up to date through every copy).
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name != 'articles'")
    .all();
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  for (let c = 1; c < copies; c++) {
    const off = c * span;
    const article = (id) => (id ? shift(id, c) : id);
    const json = (s) => s.replace(ARTICLE_ID, article).replace(PREFIXED_ID, (_, p, h) => `${p}_${shift(h, c)}`);
    db.function('rep_article', { deterministic: true }, article);
    db.function('rep_json', { deterministic: true }, (s) => (s === null ? null : json(s)));
    db.transaction(() => {
      const a = cols('articles').filter((n) => !['"seq"', '"id"', '"duplicate_of"'].includes(n));
      db.exec(`INSERT INTO articles (seq, id, duplicate_of, ${a.join(', ')})
               SELECT seq + ${off}, rep_article(id), rep_article(duplicate_of), ${a.join(', ')} FROM articles WHERE seq <= ${span}`);
      for (const t of ['mentions', 'quotes', 'claims', 'event_mentions', 'claim_group_members']) {
        const rest = cols(t).filter((n) => n !== '"article_seq"');
        const map = rest.map((n) =>
          n === '"data"' ? 'rep_json(data)' : n === '"group_id"' ? 'rep_json(group_id)' : n,
        );
        db.exec(`INSERT INTO ${t} (article_seq, ${rest.join(', ')})
                 SELECT article_seq + ${off}, ${map.join(', ')} FROM ${t} WHERE article_seq <= ${span}`);
      }
      db.exec(`INSERT INTO article_fingerprints (article_seq, text_hash, minhash)
               SELECT article_seq + ${off}, text_hash || '~${c}', minhash FROM article_fingerprints WHERE article_seq <= ${span}`);
      db.exec(`INSERT INTO events (id, type, date, data)
               SELECT rep_json(id), type, date, rep_json(data) FROM events WHERE rowid <= ${baseRows.events}`);
      db.exec(`INSERT INTO event_articles (event_id, article_id)
               SELECT rep_json(event_id), rep_article(article_id) FROM event_articles WHERE rowid <= ${baseRows.links}`);
      db.exec(`INSERT INTO claim_groups (id, data)
               SELECT rep_json(id), rep_json(data) FROM claim_groups WHERE rowid <= ${baseRows.groups}`);
      db.exec(`INSERT INTO stories (id, seq, title, summary, actors, date_from, date_to, outlets, articles)
               SELECT rep_json(id), seq + ${c * storySpan}, title, rep_json(summary), actors, date_from, date_to, outlets,
                      articles FROM stories WHERE seq <= ${storySpan}`);
      db.exec(`INSERT INTO story_members (article_seq, story_id)
               SELECT article_seq + ${off}, rep_json(story_id) FROM story_members WHERE article_seq <= ${span}`);
      db.exec(`INSERT INTO story_keys (key, article_seq)
               SELECT key, article_seq + ${off} FROM story_keys WHERE article_seq <= ${span}`);
    })();
    process.stderr.write(`copy ${c + 1} of ${copies}\n`);
  }
  db.transaction(() => {
    db.exec(`UPDATE entities SET mentions = mentions * ${copies}`);
    db.exec(`UPDATE story_frequencies SET df = df * ${copies}`);
    db.exec(`UPDATE meta SET value = CAST(value AS INTEGER) * ${copies} WHERE key = 'story_documents'`);
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('resolved_seq', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(String(db.prepare('SELECT MAX(seq) FROM articles').pluck().get()));
    db.exec(`CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END`);
    for (const ix of indexes) db.exec(ix.sql);
    db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')");
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const total = db.prepare('SELECT COUNT(*) FROM articles').pluck().get();
  db.close();
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base, out, n] = process.argv.slice(2);
  if (!base || !out || !n) {
    console.error('usage: node bench/replicate-store.js BASE.db OUT.db ARTICLES');
    process.exit(2);
  }
  console.log(`${replicateStore(base, out, Number(n))} articles in ${out}`);
}
