import type pg from 'pg';
import type { Timex } from '../../model/index.js';
import type { StoryArticle, StoryIo, StoryRange } from '../stories.js';
import { STORIES_PLACED } from './mirror.js';

/**
 * `StoryIo` on a PostgreSQL connection: the story tables read and written natively, by key (`= ANY($1)`), each read
 * answering the rows SQLite's (`sqliteStoryIo`) answers in the same order, so the same placement follows. The caller
 * holds the resolve lock and the transaction. `rows` counts the rows read and written (what the bench reports).
 */
export function pgStoryIo(
  client: pg.ClientBase,
): StoryIo & { rows: { read: number; written: number }; markPlaced(): Promise<void> } {
  const rows = { read: 0, written: 0 };
  // The highest seq stored when the pending articles were read: every article up to it is placed once the step ends.
  let through: number | null = null;
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> => {
    const r = await client.query<R>(text, values);
    rows.read += r.rows.length;
    return r.rows;
  };
  const write = async (text: string, values: unknown[]): Promise<void> => {
    const r = await client.query(text, values);
    rows.written += r.rowCount ?? 0;
  };
  const storyExists = async (id: string): Promise<boolean> =>
    (await query('SELECT 1 FROM stories WHERE id = $1', [id])).length > 0;
  return {
    rows,
    /**
     * Only the articles above the last step's mark (`STORIES_PLACED`) are looked at: a range of the primary key, not
     * the store. Sound because articles become visible in seq order: a batch of articles takes its seqs and commits
     * under one lock (`DEDUP_LOCK` in article-writer.ts), so an article committed after this read has a seq above
     * every one seen here; the only other writer, a working copy's write-back, drops the mark.
     */
    async pending() {
      const [mark] = await query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [STORIES_PLACED]);
      // Read first, in a snapshot no later than the list's: every article up to it is in the list or placed.
      const [top] = await query<{ n: number | null }>('SELECT MAX(seq) AS n FROM articles');
      through = top?.n ?? null;
      return query<{ seq: number; id: string; day: string | null }>(
        `SELECT a.seq, a.id, CASE WHEN a.published_precision = 'day' THEN a.published END AS day
         FROM articles a WHERE a.seq > $1
           AND NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_seq = a.seq)
         ORDER BY a.seq`,
        [mark ? Number(mark.value) : 0],
      );
    },
    /** After every pending article is placed: the mark moves to the highest seq seen when they were read. */
    async markPlaced() {
      if (through === null) return;
      await write(
        'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [STORIES_PLACED, String(through)],
      );
    },
    async storiesOf(seqs) {
      if (seqs.length === 0) return new Map();
      const r = await query<{ article_seq: number; story_id: string }>(
        'SELECT article_seq, story_id FROM story_members WHERE article_seq = ANY($1::int[])',
        [seqs],
      );
      return new Map(r.map((x) => [x.article_seq, x.story_id]));
    },
    async articles(seqs) {
      const out = new Map<number, StoryArticle>();
      if (seqs.length === 0) return out;
      // One query: each article with its mentions in written order (SQLite's rowid) and its event mentions in theirs,
      // each list one JSON array (one round trip, and far fewer values to parse than a row a mention).
      const list = await query<{
        seq: number;
        id: string;
        title: string;
        text: string;
        outlet: string | null;
        published: string | null;
        published_precision: 'day' | 'month' | 'year' | null;
        published_from: string | null;
        sentences: string;
        timexes: string;
        mentions: string | null;
        events: string | null;
      }>(
        `SELECT a.seq, a.id, a.title, a.text, a.outlet, a.published, a.published_precision, a.published_from,
                a.sentences, a.timexes,
                (SELECT json_agg(json_build_array(m.type, m.actor_key, m.text, m.canonical, m.start) ORDER BY m.rowid)
                 FROM mentions m WHERE m.article_seq = a.seq)::text AS mentions,
                (SELECT json_agg(json_build_array(e.type, e.negated, e.hypothetical) ORDER BY e.idx)
                 FROM event_mentions e WHERE e.article_seq = a.seq)::text AS events
         FROM articles a WHERE a.seq = ANY($1::int[])`,
        [seqs],
      );
      for (const r of list)
        out.set(r.seq, {
          seq: r.seq,
          id: r.id,
          title: r.title,
          text: r.text,
          outlet: r.outlet,
          day: r.published_precision === 'day' ? r.published : null,
          published:
            r.published && r.published_precision
              ? { value: r.published, precision: r.published_precision, from: r.published_from ?? 'text' }
              : null,
          sentences: JSON.parse(r.sentences) as Array<[number, number]>,
          timexes: JSON.parse(r.timexes) as Timex[],
          entities: [],
          events: [],
        });
      for (const r of list) {
        const a = out.get(r.seq)!;
        const mentions = r.mentions
          ? (JSON.parse(r.mentions) as Array<[string, string | null, string, string | null, number]>)
          : [];
        const events = r.events ? (JSON.parse(r.events) as Array<[string, number, number]>) : [];
        // Counted as the rows they are in the store.
        rows.read += mentions.length + events.length;
        for (const [type, actorKey, text, canonical, start] of mentions)
          a.entities.push({ type, actorKey, text, canonical, start });
        for (const [type, negated, hypothetical] of events)
          a.events.push({ type, negated: negated === 1, hypothetical: hypothetical === 1 });
      }
      return out;
    },
    async frequencies(keys) {
      if (keys.length === 0) return new Map();
      const r = await query<{ key: string; df: number }>(
        'SELECT key, df FROM story_frequencies WHERE key = ANY($1::text[])',
        [keys],
      );
      return new Map(r.map((x) => [x.key, x.df]));
    },
    async documents() {
      const r = await query<{ value: string }>("SELECT value FROM meta WHERE key = 'story_documents'");
      return r[0] ? Number(r[0].value) : 0;
    },
    async addFrequencies(delta, documents) {
      const up: Array<[string, number]> = [];
      const down: Array<[string, number]> = [];
      for (const [k, n] of delta)
        if (n > 0) up.push([k, n]);
        else if (n < 0) down.push([k, n]);
      // Keys in byte order: two transactions updating the same keys lock them in the same order.
      const sorted = (list: Array<[string, number]>) => list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      if (up.length > 0)
        await write(
          `INSERT INTO story_frequencies (key, df) SELECT * FROM unnest($1::text[], $2::int[])
           ON CONFLICT (key) DO UPDATE SET df = story_frequencies.df + excluded.df`,
          [sorted(up).map((x) => x[0]), up.map((x) => x[1])],
        );
      if (down.length > 0)
        await write(
          `UPDATE story_frequencies f SET df = GREATEST(0, f.df + d.n)
           FROM unnest($1::text[], $2::int[]) AS d(key, n) WHERE f.key = d.key`,
          [sorted(down).map((x) => x[0]), down.map((x) => x[1])],
        );
      await write(
        `INSERT INTO meta (key, value) VALUES ('story_documents', $1)
         ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + excluded.value::bigint)::text`,
        [String(documents)],
      );
    },
    async postings(keys, limit) {
      const out = new Map<string, number[]>(keys.map((k) => [k, []]));
      if (keys.length === 0) return out;
      // Per key its newest `limit` postings, off the primary key (key, article_seq) read backwards: one row a key,
      // the seqs as text.
      const r = await query<{ key: string; seqs: string }>(
        `SELECT k.key, (SELECT string_agg(p.article_seq::text, ',' ORDER BY p.article_seq DESC) FROM
                          (SELECT article_seq FROM story_keys s WHERE s.key = k.key
                           ORDER BY article_seq DESC LIMIT $2) p) AS seqs
         FROM unnest($1::text[]) AS k(key)`,
        [keys, limit],
      );
      for (const x of r) if (x.seqs) out.set(x.key, x.seqs.split(',').map(Number));
      rows.read += [...out.values()].reduce((n, l) => n + l.length, 0) - r.length;
      return out;
    },
    async postKeys(seq, keys) {
      if (keys.length > 0)
        await write(
          `INSERT INTO story_keys (key, article_seq) SELECT k, $2 FROM unnest($1::text[]) AS k
           ON CONFLICT DO NOTHING`,
          [keys, seq],
        );
    },
    setMember: (seq, storyId) =>
      write(
        `INSERT INTO story_members (article_seq, story_id) VALUES ($1, $2)
         ON CONFLICT (article_seq) DO UPDATE SET story_id = excluded.story_id`,
        [seq, storyId],
      ),
    async startStory(id) {
      let name = id;
      for (let n = 2; await storyExists(name); n++) name = `${id}~${n}`;
      await write(
        "INSERT INTO stories (id, seq, title, articles) SELECT $1, COALESCE(MAX(seq), 0) + 1, '', 0 FROM stories",
        [name],
      );
      return name;
    },
    deleteStory: (id) => write('DELETE FROM stories WHERE id = $1', [id]),
    describe: (id, d) =>
      write(
        `UPDATE stories SET title = $1, summary = $2, actors = $3, date_from = $4, date_to = $5, outlets = $6,
         articles = $7 WHERE id = $8`,
        [
          d.title,
          JSON.stringify({ text: d.summary, citations: d.citations }),
          JSON.stringify(d.actors),
          d.from,
          d.to,
          JSON.stringify(d.outlets),
          d.articles,
          id,
        ],
      ),
    async members(storyId, limit = -1) {
      const r = await query<{ article_seq: number }>(
        `SELECT article_seq FROM story_members WHERE story_id = $1 ORDER BY article_seq${limit >= 0 ? ' LIMIT $2' : ''}`,
        limit >= 0 ? [storyId, limit] : [storyId],
      );
      return r.map((x) => x.article_seq);
    },
    async range(storyId): Promise<StoryRange> {
      const [totals] = await query<{ n: number; f: string | null; t: string | null }>(
        `SELECT COUNT(*)::int AS n, MIN(a.published) AS f, MAX(a.published) AS t
         FROM story_members m JOIN articles a ON a.seq = m.article_seq WHERE m.story_id = $1`,
        [storyId],
      );
      const outlets = await query<StoryRange['outlets'][number]>(
        `SELECT g.outlet, g.articles, g.first,
                (SELECT b.id FROM story_members n JOIN articles b ON b.seq = n.article_seq
                 WHERE n.story_id = $1 AND COALESCE(b.outlet, '') = g.outlet
                 ORDER BY b.published IS NULL, b.published, b.seq LIMIT 1) AS "firstArticleId"
         FROM (SELECT COALESCE(a.outlet, '') AS outlet, COUNT(*)::int AS articles, MIN(a.published) AS first
               FROM story_members m JOIN articles a ON a.seq = m.article_seq WHERE m.story_id = $1
               GROUP BY COALESCE(a.outlet, '')) g
         ORDER BY g.first IS NULL, g.first, g.outlet`,
        [storyId],
      );
      return { articles: totals!.n, from: totals!.f, to: totals!.t, outlets };
    },
    async count() {
      const [r] = await query<{ n: number }>('SELECT COUNT(*)::int AS n FROM stories');
      return r!.n;
    },
    async keyCounts(keys, storyId, self) {
      const rows = await query<{ key: string; all: number; story: number }>(
        `SELECT k.key, COUNT(*)::int AS "all", COUNT(*) FILTER (WHERE m.story_id = $2)::int AS story
         FROM story_keys k LEFT JOIN story_members m ON m.article_seq = k.article_seq
         WHERE k.key = ANY($1) AND k.article_seq <> $3 GROUP BY k.key`,
        [keys, storyId, self],
      );
      return new Map(rows.map((r) => [r.key, { all: r.all, story: r.story }]));
    },
  };
}
