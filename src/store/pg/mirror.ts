import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { keepSeqCounter } from '../corpus.js';
import { beginBulkLoad, finishBulkLoad, type Db } from '../db.js';

/**
 * The store's tables, parents before children, each with the order its rows were written in (which is the order
 * SQLite reads a table without ORDER BY in, and the order the corpus steps see rows in).
 *
 * `rowid`: the tables written in an order of their own (mentions in the order of an article's layer; entities,
 * events and claim groups in the order of the corpus resolve's actors, events and groups) are read by SQLite's
 * `rowid`, which PostgreSQL keeps as an explicit column of that name (migrations 001 and 014): the write-back
 * writes it, the copy reads by it and writes it back as the SQLite rowid. A SQLite copy then numbers these rows as
 * the SQLite store does (the actors' list breaks ties of mentions and name by rowid, and its cursors name it),
 * whatever moved the rows in PostgreSQL since (an UPDATE, CLUSTER, VACUUM FULL, pg_repack: row position, `ctid`,
 * is no order).
 */
export const STORE_TABLES: ReadonlyArray<{ name: string; order: string }> = [
  { name: 'meta', order: 'key' },
  { name: 'articles', order: 'seq' },
  { name: 'article_fingerprints', order: 'article_seq' },
  { name: 'mentions', order: 'rowid' },
  { name: 'quotes', order: 'article_seq, idx' },
  { name: 'claims', order: 'article_seq, idx' },
  { name: 'event_mentions', order: 'article_seq, idx' },
  { name: 'entities', order: 'rowid' },
  { name: 'actor_keys', order: 'actor_key' },
  { name: 'events', order: 'rowid' },
  { name: 'event_articles', order: 'article_id, event_id' },
  { name: 'event_actors', order: 'entity_id, event_id, side' },
  { name: 'claim_groups', order: 'rowid' },
  { name: 'claim_group_members', order: 'article_seq, idx' },
  { name: 'corrections', order: 'id' },
  { name: 'stories', order: 'seq' },
  { name: 'story_members', order: 'article_seq' },
  { name: 'story_keys', order: 'key, article_seq' },
  { name: 'story_frequencies', order: 'key' },
  { name: 'feeds', order: 'url' },
  { name: 'feed_items', order: 'feed_url, item_key' },
];

/**
 * The `meta` key under which the PostgreSQL store's story step notes the seq through which every article is placed in
 * a story (`pgStoryIo`). Never copied: a working copy's write-back (`pushStore`) drops it, and the next story step
 * then looks at every article once more.
 */
export const STORIES_PLACED = 'stories_placed_seq';

/**
 * The `meta` key under which the PostgreSQL store's event step notes the seq through which every article's event
 * mentions are merged in place and listed in `event_members` (src/store/pg/events.ts). Never copied: a working copy's
 * write-back drops it (and empties `event_members`), and the next resolve merges every event once.
 */
export const EVENTS_MERGED = 'events_merged_seq';

/**
 * Rows of `meta` never copied between stores: a process's own (see `beginBulkLoad`), the PostgreSQL store's version
 * (`STORE_VERSION`), which only the write-back moves, and the story and event steps' marks (`STORIES_PLACED`,
 * `EVENTS_MERGED`).
 */
const LOCAL_META = `key NOT IN ('bulk_load', 'store_version', '${STORIES_PLACED}', '${EVENTS_MERGED}')`;

/**
 * The `meta` key of the PostgreSQL store's version: a counter moved by each write-back (`pushStore`), in the same
 * transaction, so a reader that sees new tables sees a new version too. Servers poll it to know when their read copy
 * is out of date (`storeVersion`).
 */
export const STORE_VERSION = 'store_version';

/**
 * How long a version check on its own (from the pool) may wait, ms: it waits while a write-back holds the tables,
 * then fails (and is tried again) rather than hang for ever on a connection that stopped answering.
 */
const VERSION_TIMEOUT_MS = 120_000;

/** The PostgreSQL store's version ('0' before its first write-back). Cheap: one row by its key. */
export async function storeVersion(client: pg.ClientBase | pg.Pool): Promise<string> {
  const { rows } = await client.query<{ value: string }>({
    text: 'SELECT value FROM meta WHERE key = $1',
    values: [STORE_VERSION],
    ...('totalCount' in client ? { query_timeout: VERSION_TIMEOUT_MS } : {}),
  });
  return rows[0]?.value ?? '0';
}

export type Kind = 'number' | 'bytes' | 'text';

interface Column {
  name: string;
  kind: Kind;
}

/**
 * The columns both stores hold, with PostgreSQL's types: PostgreSQL's generated search column is its own; its
 * `rowid` column is SQLite's implicit rowid (the order column of `STORE_TABLES`).
 */
async function columnsOf(client: pg.PoolClient, db: Db, table: string): Promise<Column[]> {
  const { rows } = await client.query<{ name: string; type: string; generated: string }>(
    `SELECT column_name AS name, data_type AS type, is_generated AS generated FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  const local = new Set(
    (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name),
  );
  return rows
    .filter((c) => c.generated !== 'ALWAYS' && (local.has(c.name) || c.name === 'rowid'))
    .map((c) => ({
      name: c.name,
      kind: c.type === 'bytea' ? 'bytes' : /int|double|numeric|real/.test(c.type) ? 'number' : 'text',
    }));
}

const quoteIdent = (name: string): string => `"${name}"`;

/** A value in COPY's text format (`\N` for null; backslash, tab and line breaks escaped). */
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return String(v).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** COPY `rows` as text lines into `target` ("table (col, col)"), in chunks of about 64 KB. */
export async function copyRows(client: pg.ClientBase, target: string, rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const values of rows) {
      chunk += `${values.map(copyField).join('\t')}\n`;
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}

const UNESCAPE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A field of COPY's text format back to its value. */
export function parseField(raw: string, kind: Kind): unknown {
  if (raw === '\\N') return null;
  const text = raw.includes('\\')
    ? raw.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) =>
        e[0] === 'x'
          ? String.fromCharCode(Number.parseInt(e.slice(1), 16))
          : /^[0-7]/.test(e)
            ? String.fromCharCode(Number.parseInt(e, 8))
            : (UNESCAPE[e] ?? e),
      )
    : raw;
  if (kind === 'number') return Number(text);
  if (kind === 'bytes') return Buffer.from(text.slice(2), 'hex');
  return text;
}

/** How to cut short the copy into each SQLite store being filled now (`abortPull`). */
const pulling = new WeakMap<Db, (err: Error) => void>();

/**
 * Cut short a `pullStore` into `db` under way (a server stopping, or a copy past its deadline): its connection is
 * closed (the only way out of a COPY that stalls or a peer that went silent) and the pull rejects with `err`.
 * False when no pull into `db` is under way.
 */
export function abortPull(db: Db, err: Error): boolean {
  const abort = pulling.get(db);
  abort?.(err);
  return abort !== undefined;
}

/**
 * Copy every table of the PostgreSQL store into `db` (a new, empty SQLite store) with COPY … TO STDOUT, rows in
 * the order they were written; the full-text index and the deferrable indexes are built once at the end.
 */
export async function pullStore(
  client: pg.PoolClient,
  db: Db,
  tables: ReadonlyArray<{ name: string; order: string }> = STORE_TABLES,
): Promise<number> {
  let aborted: Error | null = null;
  pulling.set(db, (err) => {
    aborted ??= err;
    // Its socket goes (node-postgres has no other way to drop a query): the client then fails every query, is
    // dropped by the pool when released, and emits 'error', which is this abort's own and is not reported again.
    client.on('error', () => undefined);
    (client as unknown as { connection?: { stream?: { destroy(err?: Error): void } } }).connection?.stream?.destroy(
      err,
    );
  });
  try {
    return await pullTables(client, db, tables, (stream) => {
      if (aborted) throw aborted;
      // An abort fails the COPY under way (its error reaches the loop reading it); once more if emitted twice.
      stream.on('error', () => undefined);
    });
  } catch (err) {
    throw aborted ?? err;
  } finally {
    pulling.delete(db);
  }
}

async function pullTables(
  client: pg.PoolClient,
  db: Db,
  tables: ReadonlyArray<{ name: string; order: string }>,
  reading: (stream: NodeJS.ReadableStream) => void,
): Promise<number> {
  let rows = 0;
  beginBulkLoad(db);
  for (const { name, order } of tables) {
    const columns = await columnsOf(client, db, name);
    const list = columns.map((c) => quoteIdent(c.name)).join(', ');
    const where = name === 'meta' ? ` WHERE ${LOCAL_META}` : '';
    const insert = db.prepare(
      `INSERT INTO ${name} (${list}) VALUES (${columns.map(() => '?').join(', ')})${name === 'meta' ? ' ON CONFLICT(key) DO NOTHING' : ''}`,
    );
    const stream = client.query(copyTo(`COPY (SELECT ${list} FROM ${name}${where} ORDER BY ${order}) TO STDOUT`));
    reading(stream);
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    const batch: unknown[][] = [];
    const flush = db.transaction(() => {
      for (const values of batch) insert.run(values);
      batch.length = 0;
    });
    for await (const line of lines) {
      const fields = line.split('\t');
      batch.push(columns.map((c, i) => parseField(fields[i]!, c.kind)));
      if (batch.length >= 1000) flush();
      rows++;
    }
    flush();
  }
  finishBulkLoad(db);
  // The copy's counter starts at the highest seq it holds; the seq of a removed newest article is never given again.
  keepSeqCounter(db);
  return rows;
}

/** Load `db`'s rows of one table into PostgreSQL's with COPY … FROM STDIN (written order); answers the rows. */
async function copyBack(
  client: pg.PoolClient,
  db: Db,
  { name, order }: { name: string; order: string },
): Promise<number> {
  let rows = 0;
  const columns = await columnsOf(client, db, name);
  const list = columns.map((c) => quoteIdent(c.name)).join(', ');
  const where = name === 'meta' ? ` WHERE ${LOCAL_META}` : '';
  const select = db.prepare(`SELECT ${list} FROM ${name}${where} ORDER BY ${order}`).raw();
  const copy = client.query(copyFrom(`COPY ${name} (${list}) FROM STDIN`));
  function* lines(): Generator<string> {
    let chunk = '';
    for (const values of select.iterate() as Iterable<unknown[]>) {
      chunk += `${values.map(copyField).join('\t')}\n`;
      rows++;
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), copy);
  return rows;
}

/**
 * Replace the PostgreSQL store's tables with `db`'s, in one transaction, each table loaded with COPY … FROM STDIN.
 * The TRUNCATE locks every store table exclusively until the commit: readers wait for it, then see the new tables.
 */
export async function pushStore(client: pg.PoolClient, db: Db): Promise<number> {
  let rows = 0;
  await client.query('BEGIN');
  try {
    const version = Number(await storeVersion(client));
    // The event step's own tables (PostgreSQL-only, migration 018) go with the events they list; its mark is not copied.
    await client.query(`TRUNCATE ${[...STORE_TABLES.map((t) => t.name), ...EVENT_STEP_TABLES].join(', ')}`);
    for (const table of STORE_TABLES) rows += await copyBack(client, db, table);
    // Later writers that take their own seq or id carry on after the copied ones.
    await client.query(
      `SELECT setval(pg_get_serial_sequence('articles', 'seq'), GREATEST(COALESCE((SELECT MAX(seq) FROM articles), 0),
         COALESCE((SELECT value::bigint FROM meta WHERE key = 'article_seq_given'), 0)) + 1, false)`,
    );
    await client.query(
      "SELECT setval(pg_get_serial_sequence('corrections', 'id'), COALESCE((SELECT MAX(id) FROM corrections), 0) + 1, false)",
    );
    // Mentions written natively (`article-writer.ts`) are numbered after the ones copied here (migration 016).
    await client.query(
      "SELECT setval('mentions_rowid_seq', GREATEST(COALESCE((SELECT MAX(rowid) FROM mentions), 0) + 1, nextval('mentions_rowid_seq')), false)",
    );
    await client.query(
      "SELECT setval('events_rowid_seq', GREATEST(COALESCE((SELECT MAX(rowid) FROM events), 0) + 1, nextval('events_rowid_seq')), false)",
    );
    await client.query('INSERT INTO meta (key, value) VALUES ($1, $2)', [STORE_VERSION, String(version + 1)]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return rows;
}

/**
 * The tables the corpus steps (actor resolution, event merge, claim groups) rebuild from the articles, and only they
 * write: what a resolve on PostgreSQL replaces (`pushDerived`), besides `meta`. Not the story tables: the story step
 * places new articles natively in the store (`pgStoryIo`), after the write-back.
 */
export const DERIVED_TABLES: readonly string[] = [
  'entities',
  'actor_keys',
  'events',
  'event_articles',
  'event_actors',
  'claim_groups',
  'claim_group_members',
];

/** The event step's tables (PostgreSQL only): what it keeps beside the events to merge only what changed. */
const EVENT_STEP_TABLES: readonly string[] = ['event_members', 'event_mention_keys'];

/** The events and their links: merged in the store itself by the native resolve (src/store/pg/events.ts). */
export const EVENT_TABLES: readonly string[] = ['events', 'event_articles', 'event_actors'];

/** The story step's tables: read and written in the store itself, never copied out by a resolve. */
const STORY_TABLES: readonly string[] = ['stories', 'story_members', 'story_keys', 'story_frequencies'];

/**
 * What the corpus steps read on a working copy: every table but the sources' (feeds), the duplicate detector's
 * fingerprints and the story tables. The derived tables are copied too: the corpus steps may read what the last
 * resolve wrote.
 */
export const CORPUS_TABLES = STORE_TABLES.filter(
  (t) => !['feeds', 'feed_items', 'article_fingerprints', ...STORY_TABLES].includes(t.name),
);

/**
 * What the native resolve copies out: `CORPUS_TABLES` but the event mentions and the events, which the event step
 * reads and writes in the store itself (only what new articles touch).
 */
export const NATIVE_CORPUS_TABLES = CORPUS_TABLES.filter(
  (t) => t.name !== 'event_mentions' && !EVENT_TABLES.includes(t.name),
);

/** `meta` rows the story step keeps in the store itself: a resolve's write-back leaves them as they are. */
const STORY_META = "key NOT IN ('story_documents')";

/**
 * Replace the derived tables (`tables`, by default `DERIVED_TABLES`) of the PostgreSQL store with `db`'s and set
 * `db`'s `meta` rows, in one transaction (with what `inside` writes: the event step's rows); the articles and their layers are not touched (other processes may be adding articles meanwhile).
 * DELETE, not TRUNCATE: readers go on reading the old rows until the commit, without waiting, and a reader whose
 * snapshot is older than the commit (an export under way) keeps seeing them after it (TRUNCATE is not MVCC-safe: such
 * a reader would find the tables empty). The dead rows are autovacuum's.
 */
export async function pushDerived(
  client: pg.PoolClient,
  db: Db,
  tables: readonly string[] = DERIVED_TABLES,
  inside?: () => Promise<void>,
): Promise<number> {
  let rows = 0;
  await client.query('BEGIN');
  try {
    for (const name of tables) await client.query(`DELETE FROM ${name}`);
    // Events written from the copy: the event step's own rows and mark no longer describe them.
    if (tables.includes('events')) {
      for (const name of EVENT_STEP_TABLES) await client.query(`DELETE FROM ${name}`);
      await client.query('DELETE FROM meta WHERE key = $1', [EVENTS_MERGED]);
    }
    for (const name of tables) rows += await copyBack(client, db, STORE_TABLES.find((t) => t.name === name)!);
    const meta = db
      .prepare(`SELECT key, value FROM meta WHERE ${LOCAL_META} AND ${STORY_META} ORDER BY key`)
      .all() as Array<{
      key: string;
      value: string;
    }>;
    for (const { key, value } of meta)
      await client.query(
        'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [key, value],
      );
    await inside?.();
    await bumpStoreVersion(client);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return rows;
}

/** Move the store's version (`STORE_VERSION`), in the caller's transaction. */
export async function bumpStoreVersion(client: pg.ClientBase): Promise<void> {
  await client.query(
    `INSERT INTO meta (key, value) VALUES ($1, '1') ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text`,
    [STORE_VERSION],
  );
}

/**
 * On a working copy about to run the corpus steps for `pushDerived`: every write to a table that is neither derived
 * nor `meta` fails (TEMP triggers, this connection only), since the write-back would not carry it to PostgreSQL.
 */
export function guardBaseTables(db: Db): void {
  const base = STORE_TABLES.map((t) => t.name).filter((n) => n !== 'meta' && !DERIVED_TABLES.includes(n));
  for (const table of base)
    for (const op of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(`CREATE TEMP TRIGGER guard_${table}_${op.toLowerCase()} BEFORE ${op} ON main.${table}
               BEGIN SELECT RAISE(ABORT, 'the corpus step wrote ${table}, which only derived tables may be'); END`);
}
