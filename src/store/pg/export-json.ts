import type pg from 'pg';
import { EXPORT_SCHEMA_VERSION, type ExportEvent } from '../../model/index.js';
import { type CorrectionRow, toCorrection } from '../corrections.js';
import { canonicalActorsBy } from '../export/event-entities.js';
import { type Sink, json, writeArray } from '../export/json.js';
import {
  ARTICLE_COLUMNS,
  type ArticleRow,
  CLAIM_SELECT,
  type ClaimRow,
  type EntityRow,
  QUOTE_SELECT,
  type QuoteRow,
  toArticle,
  toClaim,
  toEntity,
  toQuote,
} from '../queries.js';
import { type StoryRow, toStory } from '../stories.js';
import { inSnapshot, streamRows } from './rows.js';

async function* mapRows<T, U>(rows: AsyncIterable<T>, f: (row: T) => U): AsyncGenerator<U> {
  for await (const r of rows) yield f(r);
}

async function lookup(client: pg.PoolClient, sql: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for await (const r of streamRows<{ k: string; v: string }>(client, sql)) map.set(r.k, r.v);
  return map;
}

/**
 * The export JSON read from PostgreSQL: the same records, in the same order, as `writeJsonExport` reads from
 * SQLite (the same SELECTs and row mappers; orders are total, so the two engines agree), in one snapshot.
 */
export async function writeJsonExportPg(pool: pg.Pool, sink: Sink): Promise<void> {
  await inSnapshot(pool, async (client) => {
    const rows = <T>(sql: string) => streamRows<T>(client, sql);
    await sink(`{${json('schemaVersion')}: ${json(EXPORT_SCHEMA_VERSION)},\n`);
    await writeArray(
      sink,
      'articles',
      mapRows(rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY seq`), toArticle),
      true,
    );
    await writeArray(
      sink,
      'entities',
      mapRows(rows<EntityRow>('SELECT * FROM entities ORDER BY mentions DESC, name, rowid'), toEntity),
      false,
    );
    await writeArray(
      sink,
      'quotes',
      mapRows(rows<QuoteRow>(`${QUOTE_SELECT} ORDER BY q.article_seq, q.idx`), toQuote),
      false,
    );
    const names = await lookup(client, 'SELECT id AS k, name AS v FROM entities');
    const canonical = canonicalActorsBy((id) => names.get(id) ?? null);
    const events = rows<{ data: string }>('SELECT data FROM events ORDER BY date IS NULL, date, id');
    await writeArray(
      sink,
      'events',
      mapRows(events, (r) => canonical(JSON.parse(r.data) as ExportEvent)),
      false,
    );
    const keys = await lookup(client, 'SELECT actor_key AS k, entity_id AS v FROM actor_keys');
    const claims = rows<ClaimRow>(`${CLAIM_SELECT} ORDER BY c.article_seq, c.idx`);
    await writeArray(
      sink,
      'claims',
      mapRows(claims, (r) => toClaim(r, (k) => keys.get(k))),
      false,
    );
    const groups = rows<{ data: string }>('SELECT data FROM claim_groups ORDER BY id');
    await writeArray(
      sink,
      'claimGroups',
      mapRows(groups, (r) => JSON.parse(r.data) as unknown),
      false,
    );
    const corrections = rows<CorrectionRow>('SELECT * FROM corrections ORDER BY id');
    await writeArray(sink, 'corrections', mapRows(corrections, toCorrection), false);
    const members = new Map<string, string[]>();
    const memberRows = rows<{ story: string; id: string }>(
      'SELECT m.story_id AS story, a.id FROM story_members m JOIN articles a ON a.seq = m.article_seq ORDER BY m.article_seq',
    );
    for await (const m of memberRows) {
      const list = members.get(m.story);
      if (list) list.push(m.id);
      else members.set(m.story, [m.id]);
    }
    const stories = rows<StoryRow>('SELECT * FROM stories ORDER BY articles DESC, seq');
    await writeArray(
      sink,
      'stories',
      mapRows(stories, (r) => toStory(r, members.get(r.id) ?? [])),
      false,
    );
    await sink('\n}\n');
  });
}
