import type pg from 'pg';
import {
  CLOSE,
  excerptOf,
  facetsOf,
  OPEN,
  type SearchHit,
  type SearchOptions,
  type SearchPage,
  searchPlan,
  type SearchTerm,
  SearchTimeoutError,
} from '../search.js';

/**
 * Full-text search on PostgreSQL: `articles.search` is the title (weight A) and text (weight D) as an english
 * tsvector (Snowball stemming, as Porter stems in SQLite) with a GIN index; hits are ranked with `ts_rank_cd`,
 * the title counting five times the text, as bm25 weighs it in SQLite. Same query language, errors, filters,
 * facets and hit shape as `search`; the snippet is `ts_headline`'s passage.
 */

/** ts_rank_cd's weights for D, C, B, A: a title word (A) counts five times a text word (D). */
const RANK_WEIGHTS = '{0.2, 0.2, 0.2, 1.0}';
const HEADLINE_OPTIONS = `StartSel=${OPEN}, StopSel=${CLOSE}, MaxFragments=1, MaxWords=20, MinWords=8, FragmentDelimiter=" … "`;

const lexeme = (word: string): string => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A term as `to_tsquery` text: a phrase's words follow each other (`<->`), a prefix ends in `:*`. */
function tsTerm(t: SearchTerm): string {
  const words = t.words.map(lexeme);
  if (t.prefix) words[words.length - 1] += ':*';
  return words.length > 1 ? `(${words.join(' <-> ')})` : words[0]!;
}

/** The analyst's query as `to_tsquery` text (null when it asks for nothing), with `ftsQuery`'s rules. */
export function tsQuery(q: string): string | null {
  const plan = searchPlan(q);
  if (!plan) return null;
  const required = plan.required.map((g) => (g.length > 1 ? `(${g.map(tsTerm).join(' | ')})` : tsTerm(g[0]!)));
  const excluded = plan.excluded.map(tsTerm);
  return excluded.length > 0 ? `${required.join(' & ')} & !(${excluded.join(' | ')})` : required.join(' & ');
}

export async function searchPg(
  pool: pg.Pool,
  q: string,
  offset = 0,
  limit = 20,
  options: SearchOptions = {},
): Promise<SearchPage> {
  const query = tsQuery(q);
  if (!query) return { total: 0, ranked: 0, items: [], facets: { outlets: [], dates: [] } };
  const f = options.filter ?? {};
  const args: unknown[] = [query];
  const conds: string[] = [];
  if (f.outlet !== undefined) {
    if (f.outlet === null) conds.push('a.outlet IS NULL');
    else conds.push(`a.outlet = $${args.push(f.outlet)}`);
  }
  if (f.from) conds.push(`a.published >= $${args.push(f.from)}`);
  // A day's bound takes the whole day: '2024-03-05T10:00' sorts after '2024-03-05'.
  if (f.to) conds.push(`a.published < $${args.push(`${f.to}\uffff`)}`);
  const hits = `FROM articles a WHERE a.search @@ to_tsquery('english', $1)${conds.map((c) => ` AND ${c}`).join('')}`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (options.budgetMs !== undefined && Number.isFinite(options.budgetMs))
      await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.ceil(options.budgetMs))}`);
    const groups = await client.query<{ outlet: string | null; day: string | null; count: number }>(
      `SELECT a.outlet, substr(a.published, 1, 10) AS day, COUNT(*) AS count ${hits} GROUP BY 1, 2`,
      args,
    );
    const { total, facets } = facetsOf(groups.rows);
    // Every hit is ranked here: `ranked` is the total (the SQLite store ranks a window of the newest).
    if (offset >= total) return { total, ranked: total, items: [], facets };
    const n = args.length;
    const rows = await client.query<Omit<SearchHit, 'excerpt'> & { seq: number }>(
      `SELECT a.id, a.title, a.outlet, a.published, p.score,
              ts_headline('english', a.text, to_tsquery('english', $1), '${HEADLINE_OPTIONS}') AS snippet
       FROM (SELECT a.seq, ts_rank_cd('${RANK_WEIGHTS}', a.search, to_tsquery('english', $1)) AS score ${hits}
             ORDER BY score DESC, a.seq LIMIT $${n + 1} OFFSET $${n + 2}) p
       JOIN articles a ON a.seq = p.seq ORDER BY p.score DESC, p.seq`,
      [...args, limit, offset],
    );
    const items = rows.rows.map(({ seq: _seq, snippet, ...hit }) => ({
      ...hit,
      snippet: snippet.replaceAll(OPEN, '[').replaceAll(CLOSE, ']'),
      excerpt: excerptOf(snippet),
    }));
    return { total, ranked: total, items, facets };
  } catch (err) {
    if ((err as { code?: string }).code === '57014')
      throw new SearchTimeoutError('the search ran past its time budget');
    throw err;
  } finally {
    // Read-only: ending it without a commit changes nothing.
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
