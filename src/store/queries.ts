import type {
  DateSource,
  EntityType,
  ExportArticle,
  ExportClaim,
  ExportClaimGroup,
  ExportEntity,
  ExportEvent,
  FactDateSource,
  ExportQuote,
  Paragraph,
  Precision,
  Timex,
} from '../model/index.js';
import { ENTRY_BYTES, stringBytes } from './bytes.js';
import { type CappedCount, countCapped, countRows, TOTAL_CAP } from './counts.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Db } from './db.js';
import { articleWhere, clause, eventWhere, type Facets, factWhere, NO_FACETS, type Where } from './facets.js';
import { keptRowJson } from './row-json.js';
import { statement } from './statements.js';
import { keptItems } from './kept-items.js';

/** Read side of the store: the records of the export contract, for the export writers and the HTTP API. */

export interface ArticleRow {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  published_precision: Precision | null;
  published_from: DateSource | null;
  anchor: string | null;
  anchor_from: DateSource | null;
  text: string;
  captions: string;
  authors: string;
  duplicate_of: string | null;
  similarity: number | null;
  boundary_confidence: number | null;
}

export function toArticle(r: ArticleRow): ExportArticle {
  return {
    id: r.id,
    title: r.title,
    url: r.url,
    outlet: r.outlet,
    published: r.published,
    publishedPrecision: r.published_precision,
    publishedFrom: r.published_from,
    text: r.text,
    captions: JSON.parse(r.captions) as string[],
    authors: JSON.parse(r.authors) as string[],
    anchor: r.anchor,
    anchorFrom: r.anchor_from,
    ...(r.duplicate_of ? { duplicateOf: r.duplicate_of, similarity: r.similarity } : {}),
    ...(r.boundary_confidence !== null ? { boundaryConfidence: r.boundary_confidence } : {}),
  };
}

export const ARTICLE_COLUMNS =
  'id, title, url, outlet, published, published_precision, published_from, anchor, anchor_from, text, captions, authors, duplicate_of, similarity, boundary_confidence';

export function* allArticles(db: Db): Generator<ExportArticle> {
  for (const r of db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY seq`).iterate() as Iterable<ArticleRow>)
    yield toArticle(r);
}

export interface ArticleSummary {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  publishedPrecision: Precision | null;
}

/**
 * A page of a list: `total` rows in all (at most `TOTAL_CAP`, when `totalCapped` says there are more), the page's
 * `items`, and `next`, the cursor of the following page (null on the last page).
 */
export interface ListPage<T> {
  total: number;
  totalCapped: boolean;
  items: T[];
  next: string | null;
}

/** A list page whose items come serialized, each the bytes `JSON.stringify` gives it inside the page. */
export type JsonListPage = Omit<ListPage<unknown>, 'items'> & { items: string[] };

/** Where a page starts: after `offset` rows, or after the row whose cursor is `cursor`. */
export type PageStart = { offset: number; cursor?: undefined } | { cursor: string; offset?: undefined };

/** Where a page starts: after `offset` rows, or after a cursor's row. */
const pageStart = (offset: number, cursor: string | undefined): PageStart =>
  cursor === undefined ? { offset } : { cursor };

/**
 * Run `read` on one state of the store: in a read transaction (one snapshot), unless `db` is in one already. A page
 * walks its keys and reads their rows in separate statements; between two statements outside a transaction another
 * connection may commit (a resolve deletes and writes again every entity and event, numbered anew; an article
 * correction removes an article and its quotes), and a key would then name no row, or another row.
 */
export function oneState<T>(db: Db, read: () => T): T {
  return db.inTransaction ? read() : db.transaction(read)();
}

/**
 * A page of `limit` rows from its keys (`keys()`: `limit + 1` read, in the list's order) and its items (`keptItems`,
 * by the page's keys), with the cursor after its last row when more follow. The keys and the rows are read on one
 * state of the store (`oneState`).
 */
function keyedPage<K, T>(
  db: Db,
  keys: () => K[],
  limit: number,
  keyOf: (k: K) => string,
  items: (keys: K[]) => T[],
): { items: T[]; next: string | null } {
  return oneState(db, () => {
    const all = keys();
    const page = all.length > limit ? all.slice(0, limit) : all;
    return { items: items(page), next: all.length > limit ? keyOf(page.at(-1)!) : null };
  });
}

/** Rows of `table` by rowid, in the order given (`SELECT cols FROM json_each(?) j CROSS JOIN table r ON …`). */
function rowsByRowid<R extends { rid: number }>(db: Db, sql: string, rowids: number[]): R[] {
  const rows = statement(db, sql).all(JSON.stringify(rowids)) as R[];
  const byId = new Map(rows.map((r) => [r.rid, r]));
  return rowids.map((id) => byId.get(id)!);
}

/** What a serialized item holds, in bytes. */
const jsonBytes = (json: string): number => stringBytes(json) + ENTRY_BYTES;

/** Each key's item serialized (the bytes `JSON.stringify` gives it in a page), kept under `list` (`keptItems`). */
function keptJson<K>(
  db: Db,
  list: string,
  keys: K[],
  idOf: (key: K) => string | number,
  read: (keys: K[]) => unknown[],
): string[] {
  return keptItems(db, list, keys, idOf, (missing) => read(missing).map((item) => JSON.stringify(item)), jsonBytes);
}

const totalOf = (c: CappedCount): { total: number; totalCapped: boolean } => ({ total: c.n, totalCapped: c.capped });

/**
 * Newest first, undated last (SQLite sorts NULL last in descending order). The page's rows are picked off the
 * `articles_published_seq` index first, so a deep offset skips index entries, not article rows; a page after a
 * `cursor` (the `next` of the page before) seeks its first entry in that index instead of walking to it.
 */
export function articlePage(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): ListPage<ArticleSummary> {
  return articleList(db, offset, limit, facets, cursor, cap, (keys) => articlesBySeq(db, keys));
}

/** `articlePage` with each item serialized (the bytes `JSON.stringify` gives it in the page), kept (`keptItems`). */
export function articlePageJson(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): JsonListPage {
  return articleList(db, offset, limit, facets, cursor, cap, (keys) =>
    keptJson(
      db,
      'articles',
      keys,
      (k) => k.seq,
      (missing) => articlesBySeq(db, missing),
    ),
  );
}

/** A page of the articles list, each row's item built by `items` from the page's keys. */
function articleList<T>(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets,
  cursor: string | undefined,
  cap: number,
  items: (keys: ArticleKey[]) => T[],
): ListPage<T> {
  const count = articleCount(db, facets, cap);
  const keys = () => articleKeys(db, facets, pageStart(offset, cursor), limit + 1);
  return { ...totalOf(count), ...keyedPage(db, keys, limit, articleKey, items) };
}

type ArticleKey = { seq: number; published: string | null };
const articleKey = (k: ArticleKey): string => encodeCursor('articles', [k.published, k.seq]);

/** The table an articles list reads: an actor's or a story's articles come as a set of seqs (see `articleKeys`). */
const articlesFrom = (facets: Facets): string =>
  (facets.actors.length > 0 || facets.story) && !facets.outlet
    ? 'articles a INDEXED BY articles_seq_published'
    : 'articles a';

function articleCount(db: Db, facets: Facets, cap: number): CappedCount {
  const w = articleWhere(facets);
  return countCapped(db, `SELECT 1 FROM ${articlesFrom(facets)} ${clause(w)}`, w.args, cap);
}

/**
 * The keys (seq, published) of `n` rows of the articles list from `at`, in the list's order, off the index: a deep
 * offset skips index entries, not article rows. An actor's or a story's articles come as a set of seqs: their dates
 * are read off articles_seq_published, not off each article's row, and the set's keys sorted (SQLite would otherwise
 * look each row up by its seq).
 */
function articleKeys(db: Db, facets: Facets, at: PageStart, n: number): ArticleKey[] {
  const w = articleWhere(facets);
  const and = clause(w, true);
  const articles = articlesFrom(facets);
  const keys = (sql: string, args: unknown[]): ArticleKey[] => statement(db, sql).all(...args) as ArticleKey[];
  if (at.cursor === undefined)
    return keys(
      `SELECT a.seq, a.published FROM ${articles} ${clause(w)} ORDER BY a.published DESC, a.seq LIMIT ? OFFSET ?`,
      [...w.args, n, at.offset],
    );
  const [published, seq] = decodeCursor('articles', at.cursor) as [string | null, number];
  // The dated rows after the key (a range of the index from its date down), then the undated ones.
  const rows =
    published === null
      ? []
      : keys(
          `SELECT a.seq, a.published FROM ${articles} WHERE a.published <= ? AND (a.published < ? OR a.seq > ?) ${and}
           ORDER BY a.published DESC, a.seq LIMIT ?`,
          [published, published, seq, ...w.args, n],
        );
  if (rows.length < n)
    rows.push(
      ...keys(
        `SELECT a.seq, a.published FROM ${articles} WHERE a.published IS NULL AND a.seq > ? ${and} ORDER BY a.seq LIMIT ?`,
        [published === null ? seq : 0, ...w.args, n - rows.length],
      ),
    );
  return rows;
}

/** The summaries of articles by seq, in the order given. */
function articlesBySeq(db: Db, keys: ArticleKey[]): ArticleSummary[] {
  if (keys.length === 0) return [];
  const rows = statement(
    db,
    `SELECT r.seq, r.id, r.title, r.outlet, r.url, r.published, r.published_precision AS publishedPrecision
     FROM json_each(?) j CROSS JOIN articles r ON r.seq = j.value`,
  ).all(JSON.stringify(keys.map((k) => k.seq))) as Array<ArticleSummary & { seq: number }>;
  const bySeq = new Map(rows.map(({ seq, ...a }) => [seq, a]));
  return keys.map((k) => bySeq.get(k.seq)!);
}

export interface ArticleDetail extends ExportArticle {
  paragraphs: Paragraph[];
  warnings: string[];
  origin: string;
  timexes: Timex[];
  mentions: Array<{
    start: number;
    end: number;
    text: string;
    type: EntityType;
    entityId: string | null;
    name: string | null;
    role: string | null;
  }>;
  quotes: ExportQuote[];
  events: ExportEvent[];
}

export function articleDetail(db: Db, id: string): ArticleDetail | null {
  const r = db
    .prepare(`SELECT seq, ${ARTICLE_COLUMNS}, paragraphs, warnings, origin, timexes FROM articles WHERE id = ?`)
    .get(id) as
    | (ArticleRow & { seq: number; paragraphs: string; warnings: string; origin: string; timexes: string })
    | undefined;
  if (!r) return null;
  const mentions = db
    .prepare(`SELECT m.start, m."end" AS "end", m.text, m.type, k.entity_id AS entityId, e.name, m.role
              FROM mentions m LEFT JOIN actor_keys k ON k.actor_key = m.actor_key LEFT JOIN entities e ON e.id = k.entity_id
              WHERE m.article_seq = ? ORDER BY m.start`)
    .all(r.seq) as ArticleDetail['mentions'];
  const events = (
    db
      .prepare(
        'SELECT e.data FROM event_articles l JOIN events e ON e.id = l.event_id WHERE l.article_id = ? ORDER BY e.date',
      )
      .all(id) as Array<{ data: string }>
  ).map((e) => JSON.parse(e.data) as ExportEvent);
  return {
    ...toArticle(r),
    paragraphs: JSON.parse(r.paragraphs) as Paragraph[],
    warnings: JSON.parse(r.warnings) as string[],
    origin: r.origin,
    timexes: JSON.parse(r.timexes) as Timex[],
    mentions,
    quotes: [...quotesWhere(db, 'q.article_seq = ?', [r.seq])],
    events,
  };
}

export interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  aliases: string;
  mentions: number;
  code: string | null;
  data: string;
}

export function toEntity(r: EntityRow): ExportEntity {
  const data = JSON.parse(r.data) as { roles?: string[] };
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    aliases: JSON.parse(r.aliases) as string[],
    mentions: r.mentions,
    code: r.code,
    roles: data.roles ?? [],
  };
}

export function* allEntities(db: Db): Generator<ExportEntity> {
  for (const r of db
    .prepare('SELECT * FROM entities ORDER BY mentions DESC, name, rowid')
    .iterate() as Iterable<EntityRow>)
    yield toEntity(r);
}

export function entityPage(
  db: Db,
  offset: number,
  limit: number,
  type?: string,
  cursor?: string,
  cap = TOTAL_CAP,
): ListPage<ExportEntity> {
  return entityList(db, offset, limit, type, cursor, cap, (keys) => entitiesByRowid(db, keys).map(toEntity));
}

/** `entityPage` with each item serialized, kept (`keptItems`). */
export function entityPageJson(
  db: Db,
  offset: number,
  limit: number,
  type?: string,
  cursor?: string,
  cap = TOTAL_CAP,
): JsonListPage {
  return entityList(db, offset, limit, type, cursor, cap, (keys) =>
    keptJson(
      db,
      'entities',
      keys,
      (k) => k.id,
      (missing) => entitiesByRowid(db, missing).map(toEntity),
    ),
  );
}

/** A page of the entities list (of one type, if given), each row's item built by `items` from the page's keys. */
function entityList<T>(
  db: Db,
  offset: number,
  limit: number,
  type: string | undefined,
  cursor: string | undefined,
  cap: number,
  items: (keys: EntityKey[]) => T[],
): ListPage<T> {
  const count = entityCount(db, type, cap);
  const keys = () => entityKeys(db, type, pageStart(offset, cursor), limit + 1);
  return { ...totalOf(count), ...keyedPage(db, keys, limit, entityKey, items) };
}

/** An entity's place in the list: its rowid (`id`), mentions and name. */
type EntityKey = { id: number; mentions: number; name: string };
const entityKey = (k: EntityKey): string => encodeCursor('entities', [k.mentions, k.name, k.id]);

function entityCount(db: Db, type: string | undefined, cap: number): CappedCount {
  return countCapped(db, `SELECT 1 FROM entities ${type ? 'WHERE type = ?' : ''}`, type ? [type] : [], cap);
}

/**
 * The keys of `n` rows of the entities list (of one type, if given) from `at`, in the list's order, off an index
 * (entities_rank, entities_type_rank; each entry ends in the rowid, which breaks ties). After a cursor, the walk
 * starts at its key.
 */
function entityKeys(db: Db, type: string | undefined, at: PageStart, n: number): EntityKey[] {
  const where = type ? 'WHERE type = ?' : '';
  const args = type ? [type] : [];
  const after = at.cursor === undefined ? null : (decodeCursor('entities', at.cursor) as [number, string, number]);
  const seek = after
    ? `${where ? `${where} AND` : 'WHERE'} mentions <= ? AND (mentions < ? OR name > ? OR (name = ? AND rowid > ?))`
    : where;
  const seekArgs = after ? [...args, after[0], after[0], after[1], after[1], after[2]] : args;
  return statement(
    db,
    `SELECT rowid AS id, mentions, name FROM entities ${seek} ORDER BY mentions DESC, name, rowid LIMIT ? OFFSET ?`,
  ).all(...seekArgs, n, at.offset ?? 0) as EntityKey[];
}

/** Entity rows by rowid, in the order given. */
function entitiesByRowid(db: Db, keys: EntityKey[]): Array<EntityRow & { rid: number }> {
  if (keys.length === 0) return [];
  return rowsByRowid(
    db,
    'SELECT r.rowid AS rid, r.* FROM json_each(?) j CROSS JOIN entities r ON r.rowid = j.value',
    keys.map((k) => k.id),
  );
}

export interface QuoteRow {
  articleId: string;
  idx: number;
  start: number;
  end: number;
  text: string;
  direct: number;
  cue: string | null;
  speaker: string | null;
  speakerName: string | null;
  speakerId: string | null;
  entityName: string | null;
  date: string | null;
  datePrecision: Precision | null;
  dateFrom: FactDateSource | null;
  dateRange: string | null;
  reported: string | null;
  parts: string | null;
  addressee: string | null;
}

/** The date fields of a quote or claim row (additive in the export: absent when the store predates them). */
function factDateOf(r: {
  datePrecision: Precision | null;
  dateFrom: FactDateSource | null;
  dateRange: string | null;
  reported: string | null;
}): Pick<ExportQuote, 'datePrecision' | 'dateFrom' | 'dateRange' | 'reported'> {
  const [start, end] = r.dateRange?.split('/') ?? [];
  return {
    datePrecision: r.datePrecision,
    dateFrom: r.dateFrom,
    dateRange: start && end ? { start, end } : null,
    reported: r.reported,
  };
}

/** A quote's row with its article id and speaker entity (`toQuote`); SQL both backends run. */
const QUOTE_COLUMNS = `a.id AS "articleId", q.idx, q.start, q."end" AS "end", q.text, q.direct, q.cue, q.speaker,
    q.speaker_name AS "speakerName", k.entity_id AS "speakerId", e.name AS "entityName", q.date,
    q.date_precision AS "datePrecision", q.date_from AS "dateFrom", q.date_range AS "dateRange", q.reported,
    q.parts, q.addressee`;
const QUOTE_JOINS = `JOIN articles a ON a.seq = q.article_seq
  LEFT JOIN actor_keys k ON k.actor_key = q.speaker_key LEFT JOIN entities e ON e.id = k.entity_id`;
export const QUOTE_SELECT = `SELECT ${QUOTE_COLUMNS}
  FROM quotes q ${QUOTE_JOINS}`;

/** Quotes in store order, streamed. */
function* quotesWhere(db: Db, where: string, args: unknown[]): Generator<ExportQuote> {
  const sql = `${QUOTE_SELECT} WHERE ${where} ORDER BY q.article_seq, q.idx`;
  for (const r of db.prepare(sql).iterate(...args) as Iterable<QuoteRow>) yield toQuote(r);
}

/** A quote row (`QUOTE_SELECT`) as the export's quote. */
export function toQuote(r: QuoteRow): ExportQuote {
  return {
    id: `${r.articleId}:q${r.idx}`,
    articleId: r.articleId,
    start: r.start,
    end: r.end,
    text: r.text,
    direct: r.direct === 1,
    speakerId: r.speakerId,
    speaker: r.entityName ?? r.speakerName,
    cue: r.cue ? (JSON.parse(r.cue) as ExportQuote['cue']) : null,
    speakerSpan: r.speaker ? (JSON.parse(r.speaker) as ExportQuote['speakerSpan']) : null,
    date: r.date,
    ...factDateOf(r),
    // Additive: present only when the text gives them.
    ...(r.parts ? { parts: JSON.parse(r.parts) as ExportQuote['parts'] } : {}),
    ...(r.addressee ? { addressee: JSON.parse(r.addressee) as ExportQuote['addressee'] } : {}),
  };
}

export function allQuotes(db: Db): Generator<ExportQuote> {
  return quotesWhere(db, '1 = 1', []);
}

export function quotePage(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): ListPage<ExportQuote> {
  return quoteList(db, offset, limit, facets, cursor, cap, (keys) => quotesByKey(db, keys));
}

/** `quotePage` with each item serialized, kept (`keptItems`, by article seq and position). */
export function quotePageJson(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): JsonListPage {
  return quoteList(db, offset, limit, facets, cursor, cap, (keys) =>
    keptJson(
      db,
      'quotes',
      keys,
      (k) => `${k.seq}:${k.idx}`,
      (missing) => quotesByKey(db, missing),
    ),
  );
}

const quotesByKey = (db: Db, keys: FactKey[]): ExportQuote[] =>
  factRows<QuoteRow>(db, 'quotes', QUOTE_COLUMNS, QUOTE_JOINS, keys).map(toQuote);

/** A page of the quotes list, each row's item built by `items` from the page's keys. */
function quoteList<T>(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets,
  cursor: string | undefined,
  cap: number,
  items: (keys: FactKey[]) => T[],
): ListPage<T> {
  const w = factWhere(facets, 'q', 'speaker_key');
  const count = countCapped(db, `SELECT 1 FROM quotes q ${clause(w)}`, w.args, cap);
  const keys = () => factKeys(db, 'quotes', w, pageStart(offset, cursor), limit + 1);
  return { ...totalOf(count), ...keyedPage(db, keys, limit, factKeyOf('quotes'), items) };
}

export function* allEvents(db: Db): Generator<ExportEvent> {
  for (const r of db.prepare('SELECT data FROM events ORDER BY date IS NULL, date, id').iterate() as Iterable<{
    data: string;
  }>) {
    yield JSON.parse(r.data) as ExportEvent;
  }
}

/** A stored event row as read: its JSON (`data`, an `ExportEvent`), date and id. */
export type EventDataRow = { data: string; date: string | null; id: string };

/**
 * A page of events in the events' order (dated oldest first, then undated, each by id), `limit + 1` rows read to
 * know whether more follow: after `offset` rows, or after a cursor's key (a seek in events_date_id or a facet's
 * index: the dated range from the key's date on, then the undated range from the key's id on). By offset, the
 * undated range is entered where the dated one ends: a page that ends the dated rows tells how many there are, and
 * only a page past them all counts them. The rows are left as stored, their JSON not parsed.
 */
function eventDataRows(
  db: Db,
  w: { sql: string[]; args: unknown[] },
  offset: number,
  limit: number,
  cursor: string | undefined,
  withUndated: boolean,
): { items: EventDataRow[]; next: string | null } {
  const keys = () => eventKeys(db, w, pageStart(offset, cursor), limit + 1, withUndated);
  return keyedPage(db, keys, limit, eventKey, (ks) => eventRowsByKey(db, ks));
}

/** An event's place in the events list: its rowid, date and id. */
type EventKey = { rid: number; date: string | null; id: string };
const eventKey = (k: EventKey): string => encodeCursor('events', [k.date, k.id]);

/** The keys of `n` rows of the events list from `at` (see `eventDataRows`). */
function eventKeys(
  db: Db,
  w: { sql: string[]; args: unknown[] },
  at: PageStart,
  n: number,
  withUndated: boolean,
): EventKey[] {
  const and = clause(w, true);
  const read = (cond: string, args: unknown[], lim: number, off: number): EventKey[] =>
    lim <= 0
      ? []
      : (statement(
          db,
          `SELECT e.rowid AS rid, e.date, e.id FROM events e WHERE ${cond} ${and} ORDER BY e.date, e.id LIMIT ? OFFSET ?`,
        ).all(...args, ...w.args, lim, off) as EventKey[]);
  let keys: EventKey[];
  if (at.cursor === undefined) {
    const offset = at.offset;
    keys = read('e.date IS NOT NULL', [], n, offset);
    if (withUndated && keys.length < n) {
      const dated =
        keys.length > 0 || offset === 0
          ? offset + keys.length
          : countRows(db, `SELECT COUNT(*) FROM events e WHERE e.date IS NOT NULL ${and}`, ...w.args);
      keys.push(...read('e.date IS NULL', [], n - keys.length, Math.max(0, offset - dated)));
    }
  } else {
    const [date, id] = decodeCursor('events', at.cursor) as [string | null, string];
    keys = date === null ? [] : read('e.date >= ? AND (e.date > ? OR e.id > ?)', [date, date, id], n, 0);
    if (withUndated && keys.length < n)
      keys.push(...read('e.date IS NULL AND e.id > ?', [date === null ? id : ''], n - keys.length, 0));
  }
  return keys;
}

/** The stored rows of events by their keys, in the order given. */
function eventRowsByKey(db: Db, keys: EventKey[]): EventDataRow[] {
  if (keys.length === 0) return [];
  const rows = rowsByRowid<{ rid: number; data: string }>(
    db,
    'SELECT r.rowid AS rid, r.data FROM json_each(?) j CROSS JOIN events r ON r.rowid = j.value',
    keys.map((k) => k.rid),
  );
  return rows.map((r, i) => ({ data: r.data, date: keys[i]!.date, id: keys[i]!.id }));
}

/**
 * Each event's item JSON (its stored JSON as `JSON.stringify` writes it: `keptRowJson`, which shares the stored string
 * when it is that already), kept by event id (`keptItems`): the events list's items, and the timeline's rows.
 */
function eventJsonByKey(db: Db, keys: EventKey[]): string[] {
  return keptItems(
    db,
    'events',
    keys,
    (k) => k.id,
    (missing) =>
      keptRowJson(
        db,
        'events',
        eventRowsByKey(db, missing),
        (r) => r.id,
        (r) => JSON.stringify(JSON.parse(r.data)),
      ),
    jsonBytes,
  );
}

export function eventPage(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets | string = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): ListPage<ExportEvent> {
  const f: Facets = typeof facets === 'string' ? { ...NO_FACETS, type: facets as Facets['type'] } : facets;
  const w = eventWhere(f);
  // Dated events first, then undated ones: two index ranges (events_date_id, events_type_date_id), not one sort.
  // (A date range leaves the undated out: its conditions are false on a null date.)
  const count = countCapped(db, `SELECT 1 FROM events e ${clause(w)}`, w.args, cap);
  const page = eventDataRows(db, w, offset, limit, cursor, !(f.from || f.to));
  return { ...totalOf(count), items: page.items.map((r) => JSON.parse(r.data) as ExportEvent), next: page.next };
}

/**
 * `eventPage` with its items serialized (`JSON.stringify` of each item `eventPage` gives): each the row's stored
 * JSON as `JSON.stringify` writes it again (the very string when it was stored so), kept per row while the row reads
 * the same (`keptRowJson`), so a row seen before is not parsed again. The API writes the page around them.
 */
export function eventPageJson(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): JsonListPage {
  const w = eventWhere(facets);
  const count = countCapped(db, `SELECT 1 FROM events e ${clause(w)}`, w.args, cap);
  const keys = () => eventKeys(db, w, pageStart(offset, cursor), limit + 1, !(facets.from || facets.to));
  return { ...totalOf(count), ...keyedPage(db, keys, limit, eventKey, (ks) => eventJsonByKey(db, ks)) };
}

/**
 * Dated events only, oldest first (the timeline's order), a page of them (after `offset` rows or after a cursor)
 * and how many there are; `undated` counts the undated events the same facets select (none when a date range is
 * set). Both counts stop at `cap` (`totalCapped`, `undatedCapped`).
 */
export function datedEventPage(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): ListPage<ExportEvent> & { undated: number; undatedCapped: boolean } {
  const page = datedEventRows(db, offset, limit, facets, cursor, cap);
  return { ...page, items: page.items.map((r) => JSON.parse(r.data) as ExportEvent) };
}

/** `datedEventPage`, the page's rows left as stored (their JSON not parsed). */
export function datedEventRows(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): ListPage<EventDataRow> & { undated: number; undatedCapped: boolean } {
  const w = eventWhere(facets);
  const and = clause(w, true);
  const count = (nulls: boolean): CappedCount =>
    countCapped(db, `SELECT 1 FROM events e WHERE e.date IS ${nulls ? '' : 'NOT '}NULL ${and}`, w.args, cap);
  const undated = facets.from || facets.to ? { n: 0, capped: false } : count(true);
  // An undated key (a cursor of the events list) is past every dated event. Each row's JSON is the kept item of the
  // events list (`eventJsonByKey`): the stored JSON, or what `JSON.stringify` writes of it, which reads the same.
  const keys = () => eventKeys(db, w, pageStart(offset, cursor), limit + 1, false);
  const page = keyedPage(db, keys, limit, eventKey, (ks) => {
    const json = eventJsonByKey(db, ks);
    return ks.map((k, i) => ({ data: json[i]!, date: k.date, id: k.id }));
  });
  return { ...totalOf(count(false)), undated: undated.n, undatedCapped: undated.capped, ...page };
}

/** Undated events the facets select, in id order, at most `limit` of them. */
export function undatedEvents(db: Db, limit: number, facets: Facets = NO_FACETS): ExportEvent[] {
  return undatedEventData(db, limit, facets).map((r) => JSON.parse(r.data) as ExportEvent);
}

/** `undatedEvents`, each row as stored (its JSON not parsed) with its id. */
export function undatedEventData(
  db: Db,
  limit: number,
  facets: Facets = NO_FACETS,
): Array<{ data: string; id: string }> {
  if (facets.from || facets.to) return [];
  const w = eventWhere(facets);
  return db
    .prepare(`SELECT data, id FROM events e WHERE e.date IS NULL ${clause(w, true)} ORDER BY e.date, e.id LIMIT ?`)
    .all(...w.args, limit) as Array<{ data: string; id: string }>;
}

function* claimsWhere(
  db: Db,
  where: string,
  args: unknown[],
  limit = -1,
  offset = 0,
  order = 'c.article_seq, c.idx',
): Generator<ExportClaim> {
  const rows = db
    .prepare(`${CLAIM_SELECT} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .iterate(...args, limit, offset) as Iterable<ClaimRow>;
  const keyToId = db.prepare('SELECT entity_id FROM actor_keys WHERE actor_key = ?').pluck();
  const entityOf = (key: string) => keyToId.get(key) as string | undefined;
  for (const r of rows) yield toClaim(r, entityOf);
}

export interface ClaimRow {
  articleId: string;
  idx: number;
  start: number;
  end: number;
  proposition: string;
  claimantId: string | null;
  claimant: string | null;
  stance: ExportClaim['stance'];
  targetKeys: string;
  date: string | null;
  datePrecision: Precision | null;
  dateFrom: FactDateSource | null;
  dateRange: string | null;
  reported: string | null;
}

/** A claim's row with its article id and claimant entity (`toClaim`); SQL both backends run. */
const CLAIM_COLUMNS = `a.id AS "articleId", c.idx, c.start, c."end" AS "end", c.proposition,
    k.entity_id AS "claimantId", COALESCE(e.name, c.claimant) AS claimant, c.stance, c.target_keys AS "targetKeys",
    c.date, c.date_precision AS "datePrecision", c.date_from AS "dateFrom", c.date_range AS "dateRange", c.reported`;
const CLAIM_JOINS = `JOIN articles a ON a.seq = c.article_seq
  LEFT JOIN actor_keys k ON k.actor_key = c.claimant_key LEFT JOIN entities e ON e.id = k.entity_id`;
export const CLAIM_SELECT = `SELECT ${CLAIM_COLUMNS}
  FROM claims c ${CLAIM_JOINS}`;

/** A quote's or claim's place in its list: its rowid, article seq and position. */
type FactKey = { rid: number; seq: number; idx: number };

/**
 * The keys of `n` quotes or claims from `at` in the list's order (article, then position): the walk of the
 * primary key, or a facet's index, after the cursor's key when there is one; a deep offset skips index entries.
 */
function factKeys(db: Db, table: 'quotes' | 'claims', w: Where, at: PageStart, n: number): FactKey[] {
  const t = table === 'quotes' ? 'q' : 'c';
  const after = at.cursor === undefined ? null : decodeCursor(table, at.cursor);
  const seek = after ? `WHERE (${t}.article_seq, ${t}.idx) > (?, ?) ${clause(w, true)}` : clause(w);
  return statement(
    db,
    `SELECT ${t}.rowid AS rid, ${t}.article_seq AS seq, ${t}.idx FROM ${table} ${t} ${seek}
     ORDER BY ${t}.article_seq, ${t}.idx LIMIT ? OFFSET ?`,
  ).all(...(after ?? []), ...w.args, n, at.offset ?? 0) as FactKey[];
}

/** Quote or claim rows (`columns`, `joins`) by their keys, in the order given, each with its article seq. */
function factRows<R>(
  db: Db,
  table: 'quotes' | 'claims',
  columns: string,
  joins: string,
  keys: FactKey[],
): Array<R & { articleSeq: number }> {
  if (keys.length === 0) return [];
  const t = table === 'quotes' ? 'q' : 'c';
  return rowsByRowid<R & { articleSeq: number; rid: number }>(
    db,
    `SELECT ${t}.rowid AS rid, ${t}.article_seq AS "articleSeq", ${columns}
     FROM json_each(?) j CROSS JOIN ${table} ${t} ON ${t}.rowid = j.value ${joins}`,
    keys.map((k) => k.rid),
  ).map(({ rid: _, ...r }) => r as unknown as R & { articleSeq: number });
}

const factKeyOf =
  (list: 'quotes' | 'claims') =>
  (k: FactKey): string =>
    encodeCursor(list, [k.seq, k.idx]);

/** A claim row (`CLAIM_SELECT`) as the export's claim; `entityOf` maps a target's actor key to its entity. */
export function toClaim(r: ClaimRow, entityOf: (actorKey: string) => string | undefined): ExportClaim {
  const targetIds = (JSON.parse(r.targetKeys) as string[]).map(entityOf).filter((x): x is string => !!x);
  return {
    id: `${r.articleId}:c${r.idx}`,
    proposition: r.proposition,
    claimantId: r.claimantId,
    claimant: r.claimant,
    stance: r.stance,
    targetIds,
    date: r.date,
    ...factDateOf(r),
    evidence: [{ articleId: r.articleId, start: r.start, end: r.end }],
  };
}

export function allClaims(db: Db): Generator<ExportClaim> {
  return claimsWhere(db, '1 = 1', []);
}

export function* allClaimGroups(db: Db): Generator<ExportClaimGroup> {
  for (const r of db.prepare('SELECT data FROM claim_groups ORDER BY id').iterate() as Iterable<{ data: string }>)
    yield JSON.parse(r.data) as ExportClaimGroup;
}

export interface LedgerEntry {
  claimId: string;
  claimantId: string | null;
  claimant: string | null;
  stance: ExportClaim['stance'];
  date: string | null;
  evidence: ExportClaim['evidence'];
  text: string;
}

export interface LedgerGroup {
  id: string;
  proposition: string;
  since: string | null;
  /** The group's claims, earliest first (undated last): the first `LEDGER_MEMBERS` of them in a ledger page. */
  entries: LedgerEntry[];
  /** How many claims the group holds (`entries` may list fewer; `ledgerGroup` pages through all). */
  members: number;
}

/** Claims listed per group in a ledger page; the rest are paged by `ledgerGroup`. */
export const LEDGER_MEMBERS = 20;

const UNGROUPED =
  'NOT EXISTS (SELECT 1 FROM claim_group_members m WHERE m.article_seq = c.article_seq AND m.idx = c.idx)';
const IN_GROUP = '(c.article_seq, c.idx) IN (SELECT article_seq, idx FROM claim_group_members WHERE group_id = ?)';
/** Earliest first, undated last; in article order within a date. */
const BY_DATE = "COALESCE(c.date, '9999'), c.article_seq, c.idx";
/** A page of a group's claims by date: a range of their ranks (`claim_group_members.rank`, kept by the resolve). */
const GROUP_PAGE = `(c.article_seq, c.idx) IN (SELECT article_seq, idx FROM claim_group_members
  WHERE group_id = ? AND rank >= ? AND rank < ?)`;

function ledgerEntries(db: Db, claims: Iterable<ExportClaim>): LedgerEntry[] {
  return withText(db, claims).map((c) => ({
    claimId: c.id,
    claimantId: c.claimantId,
    claimant: c.claimant ?? null,
    stance: c.stance,
    date: c.date,
    evidence: c.evidence,
    text: c.text,
  }));
}

/**
 * The claims ledger: per proposition, who asserts, accuses, denies or questions it, and since when. Groups
 * come first (largest first, off the claim_groups_size index), then claims that belong to no group, each
 * standing as a group of one. Each group lists its first `members` claims by date and says how many it holds.
 */
export function ledger(
  db: Db,
  offset = 0,
  limit = 100,
  members = LEDGER_MEMBERS,
): { total: number; items: LedgerGroup[] } {
  const groupCount = countRows(db, 'SELECT COUNT(*) FROM claim_groups');
  // Every member row is a claim (the resolve writes members from the claims it read), so the claims outside any
  // group are the difference of two counts, not a probe per claim.
  const single = Math.max(
    0,
    countRows(db, 'SELECT COUNT(*) FROM claims') - countRows(db, 'SELECT COUNT(*) FROM claim_group_members'),
  );
  const items: LedgerGroup[] = [];
  if (offset < groupCount) {
    const groups = db
      .prepare(`SELECT id, json_extract(data, '$.proposition') AS proposition, size FROM claim_groups
                ORDER BY size DESC, id LIMIT ? OFFSET ?`)
      .all(limit, offset) as Array<{ id: string; proposition: string; size: number }>;
    for (const g of groups) {
      const entries = ledgerEntries(db, claimsWhere(db, GROUP_PAGE, [g.id, 0, members], -1, 0, BY_DATE));
      const since = entries.find((e) => e.date)?.date ?? null;
      items.push({ id: g.id, proposition: g.proposition, since, entries, members: g.size });
    }
  }
  const room = limit - items.length;
  if (room > 0) {
    for (const c of claimsWhere(db, UNGROUPED, [], room, Math.max(0, offset - groupCount))) {
      const entries = ledgerEntries(db, [c]);
      items.push({ id: c.id, proposition: c.proposition, since: c.date, entries, members: 1 });
    }
  }
  return { total: groupCount + single, items };
}

/** One claim group of the ledger with a page of its claims (earliest first), or null when there is no such group. */
export function ledgerGroup(
  db: Db,
  id: string,
  offset: number,
  limit: number,
): (LedgerGroup & { total: number }) | null {
  const g = db
    .prepare("SELECT id, json_extract(data, '$.proposition') AS proposition, size FROM claim_groups WHERE id = ?")
    .get(id) as { id: string; proposition: string; size: number } | undefined;
  if (!g) return null;
  const since =
    (db.prepare(`SELECT MIN(c.date) FROM claims c WHERE ${IN_GROUP}`).pluck().get(id) as string | null) ?? null;
  const entries = ledgerEntries(db, claimsWhere(db, GROUP_PAGE, [id, offset, offset + limit], -1, 0, BY_DATE));
  return { id: g.id, proposition: g.proposition, since, entries, members: g.size, total: g.size };
}

/** Where an actor is mentioned: one article per row with the mention spans and a little context around each. */
export interface ActorMentions {
  entity: ExportEntity;
  total: number;
  items: Array<{
    id: string;
    title: string;
    outlet: string | null;
    published: string | null;
    mentions: number;
    snippets: Array<{ start: number; end: number; before: string; text: string; after: string }>;
  }>;
}

const SNIPPETS_PER_ARTICLE = 3;
const CONTEXT_CHARS = 80;

export function actorMentions(db: Db, entityId: string, offset: number, limit: number): ActorMentions | null {
  const row = db.prepare('SELECT * FROM entities WHERE id = ?').get(entityId) as EntityRow | undefined;
  if (!row) return null;
  // Mentions by the actor's keys: an IN list read off the mentions_actor_article index, which carries each
  // mention's article. (As a join, SQLite 3.53 prefers to scan every mention in article order to spare the
  // DISTINCT a sort: ~1 s on 10,000 articles.)
  const keys = 'SELECT actor_key FROM actor_keys WHERE entity_id = ?';
  const from = `FROM mentions m WHERE m.actor_key IN (${keys})`;
  const total = countRows(db, `SELECT COUNT(DISTINCT m.article_seq) ${from}`, entityId);
  // The page's articles first, newest first (SQLite sorts NULL last in descending order), each one's date read off
  // the articles_seq_published index rather than its row; then only those articles' text and spans.
  const seqs = db
    .prepare(`SELECT a.seq FROM (SELECT DISTINCT m.article_seq AS seq ${from}) x
              JOIN articles a INDEXED BY articles_seq_published ON a.seq = x.seq
              ORDER BY a.published DESC, a.seq LIMIT ? OFFSET ?`)
    .pluck()
    .all(entityId, limit, offset) as number[];
  const article = db.prepare(`SELECT a.id, a.title, a.outlet, a.published, a.text,
                                (SELECT json_group_array(json_array(m.start, m."end")) FROM mentions m
                                 WHERE m.article_seq = a.seq AND m.actor_key IN (${keys})) AS spans
                              FROM articles a WHERE a.seq = ?`);
  const rows = seqs.map((seq) => {
    const r = article.get(entityId, seq) as {
      id: string;
      title: string;
      outlet: string | null;
      published: string | null;
      text: string;
      spans: string;
    };
    return { ...r, n: (JSON.parse(r.spans) as unknown[]).length };
  });
  const items = rows.map((r) => {
    const spans = (JSON.parse(r.spans) as Array<[number, number]>)
      .sort((a, b) => a[0] - b[0])
      .slice(0, SNIPPETS_PER_ARTICLE);
    return {
      id: r.id,
      title: r.title,
      outlet: r.outlet,
      published: r.published,
      mentions: r.n,
      snippets: spans.map(([start, end]) => ({
        start,
        end,
        before: r.text.slice(Math.max(0, start - CONTEXT_CHARS), start),
        text: r.text.slice(start, end),
        after: r.text.slice(end, end + CONTEXT_CHARS),
      })),
    };
  });
  return { entity: toEntity(row), total, items };
}

/** A claim with the words of its evidence span, as the lists show it. */
export type ClaimWithText = ExportClaim & { text: string };

function withText(db: Db, claims: Iterable<ExportClaim>): ClaimWithText[] {
  const list = [...claims];
  const texts = spanTexts(
    db,
    list.map((c) => c.evidence[0]!),
  );
  return list.map((c, i) => ({ ...c, text: texts[i]! }));
}

/** Claims in store order, filtered by the facets (claimant, stance, dates, outlet), a page at a time. */
export function claimPage(
  db: Db,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
  cursor?: string,
  cap = TOTAL_CAP,
): ListPage<ClaimWithText> {
  const w = factWhere(facets, 'c', 'claimant_key');
  if (facets.stance) {
    w.sql.push('c.stance = ?');
    w.args.push(facets.stance);
  }
  const count = countCapped(db, `SELECT 1 FROM claims c ${clause(w)}`, w.args, cap);
  const page = keyedPage(
    db,
    () => factKeys(db, 'claims', w, pageStart(offset, cursor), limit + 1),
    limit,
    factKeyOf('claims'),
    (ks) => factRows<ClaimRow>(db, 'claims', CLAIM_COLUMNS, CLAIM_JOINS, ks),
  );
  // The entities of every target the page's claims name, looked up in one statement (a statement per key cost more
  // than the lookups).
  const keys = new Set<string>();
  for (const r of page.items) for (const k of JSON.parse(r.targetKeys) as string[]) keys.add(k);
  const ids = new Map(
    keys.size === 0
      ? []
      : (statement(
          db,
          'SELECT j.value, k.entity_id FROM json_each(?) AS j CROSS JOIN actor_keys k ON k.actor_key = j.value',
        )
          .raw()
          .all(JSON.stringify([...keys])) as Array<[string, string | null]>),
  );
  const entityOf = (key: string): string | undefined => ids.get(key) ?? undefined;
  return {
    ...totalOf(count),
    items: withText(
      db,
      page.items.map((r) => toClaim(r, entityOf)),
    ),
    next: page.next,
  };
}

/** How many items of each list an actor's page shows (each list says how many there are in all). */
export const PROFILE_ITEMS = 50;

export interface ActorProfile {
  entity: ExportEntity;
  /** Mentions per day of publication (`YYYY-MM-DD`, or coarser when that is all the article gives). */
  mentionsByDay: Array<{ day: string; mentions: number }>;
  asSource: { total: number; items: ExportEvent[] };
  asTarget: { total: number; items: ExportEvent[] };
  quotes: { total: number; totalCapped: boolean; items: ExportQuote[] };
  claims: { total: number; items: ClaimWithText[] };
  denials: { total: number; items: ClaimWithText[] };
  coActors: Array<{ id: string; name: string; type: EntityType; events: number }>;
}

/**
 * Everything the store knows an actor did or said: its events on either side, its quotes, the claims it made
 * and those it denied, the actors it shares events with, and how often it was mentioned by day. Each list is
 * read off an index (event_actors, quotes_speaker_seq, claims_claimant_seq) and cut at `PROFILE_ITEMS`.
 */
export function actorProfile(db: Db, entityId: string): ActorProfile | null {
  const row = db.prepare('SELECT * FROM entities WHERE id = ?').get(entityId) as EntityRow | undefined;
  if (!row) return null;
  const n = PROFILE_ITEMS;
  const mentionsByDay = db
    .prepare(`SELECT substr(a.published, 1, 10) AS day, COUNT(*) AS mentions
              FROM actor_keys k JOIN mentions m ON m.actor_key = k.actor_key JOIN articles a ON a.seq = m.article_seq
              WHERE k.entity_id = ? AND a.published IS NOT NULL GROUP BY day ORDER BY day LIMIT 5000`)
    .all(entityId) as ActorProfile['mentionsByDay'];
  const events = (side: string): ActorProfile['asSource'] => ({
    total: (
      db.prepare('SELECT COUNT(*) AS n FROM event_actors WHERE entity_id = ? AND side = ?').get(entityId, side) as {
        n: number;
      }
    ).n,
    items: (
      db
        .prepare(`SELECT data FROM events WHERE id IN (SELECT event_id FROM event_actors WHERE entity_id = ? AND side = ?)
                  ORDER BY date IS NULL, date, id LIMIT ?`)
        .all(entityId, side, n) as Array<{ data: string }>
    ).map((r) => JSON.parse(r.data) as ExportEvent),
  });
  const facets: Facets = { ...NO_FACETS, actors: [entityId] };
  const claims = (stance: 'denies' | 'other'): ActorProfile['claims'] => {
    const w = factWhere(facets, 'c', 'claimant_key');
    w.sql.push(stance === 'denies' ? "c.stance = 'denies'" : "c.stance <> 'denies'");
    const where = clause(w);
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM claims c ${where}`).get(...w.args) as { n: number }).n;
    const page = `(c.article_seq, c.idx) IN (SELECT c.article_seq, c.idx FROM claims c ${where}
                  ORDER BY c.article_seq, c.idx LIMIT ?)`;
    return { total, items: withText(db, claimsWhere(db, page, [...w.args, n])) };
  };
  const coActors = db
    .prepare(`SELECT o.entity_id AS id, e.name, e.type, COUNT(DISTINCT o.event_id) AS events
              FROM event_actors s JOIN event_actors o ON o.event_id = s.event_id AND o.entity_id <> s.entity_id
              JOIN entities e ON e.id = o.entity_id
              WHERE s.entity_id = ? GROUP BY o.entity_id ORDER BY events DESC, e.name LIMIT 10`)
    .all(entityId) as ActorProfile['coActors'];
  return {
    entity: toEntity(row),
    mentionsByDay,
    asSource: events('source'),
    asTarget: events('target'),
    quotes: quotePage(db, 0, n, facets),
    claims: claims('other'),
    denials: claims('denies'),
    coActors,
  };
}

/**
 * Outlets of articles already looked up, per connection. An article's outlet is written with its row and never
 * updated; ids only come and go by article corrections (a removal, a restore), which move `meta.article_changes`:
 * the map is dropped when that moves, and when it grows past its bound in bytes (`OUTLET_CACHE_BYTES`).
 */
const outletCaches = new WeakMap<Db, { changes: unknown; outlets: Map<string, string | null>; bytes: number }>();
/**
 * Bytes of kept outlets per connection: an id (64 hex characters), its outlet and the entry, ~200–300 bytes each, so
 * ~30,000–40,000 articles' outlets (it was bounded by 200,000 entries, ~50 MB, before).
 */
export const OUTLET_CACHE_BYTES = 8_000_000;

/** The outlets that reported each of these articles (a kept lookup per article id). */
export function outletsOf(db: Db, articleIds: readonly string[]): Map<string, string | null> {
  const changes = statement(db, "SELECT value FROM meta WHERE key = 'article_changes'", true).get() ?? null;
  let c = outletCaches.get(db);
  if (!c || c.changes !== changes || c.bytes > OUTLET_CACHE_BYTES) {
    c = { changes, outlets: new Map(), bytes: 0 };
    outletCaches.set(db, c);
  }
  const read = statement(db, 'SELECT outlet FROM articles WHERE id = ?', true);
  const out = new Map<string, string | null>();
  for (const id of articleIds) {
    if (out.has(id)) continue;
    let outlet = c.outlets.get(id);
    if (outlet === undefined) {
      const row = read.get(id) as string | null | undefined;
      outlet = row ?? null;
      // An article not (yet) stored is not kept.
      if (row !== undefined) {
        c.outlets.set(id, outlet);
        c.bytes += stringBytes(id) + (outlet === null ? 0 : stringBytes(outlet)) + ENTRY_BYTES;
      }
    }
    out.set(id, outlet);
  }
  return out;
}

/** The text of evidence spans (one statement per span; a page of facts asks for at most a few hundred). */
export function spanTexts(db: Db, spans: ReadonlyArray<{ articleId: string; start: number; end: number }>): string[] {
  return evidenceTexts(db, [...spans]).map((e) => e.text);
}

/** Distinct outlets, most articles first (the facet's choices). */
export function outletList(db: Db, limit = 200): Array<{ outlet: string; articles: number }> {
  return db
    .prepare(`SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT NULL GROUP BY outlet
              ORDER BY articles DESC, outlet LIMIT ?`)
    .all(limit) as Array<{ outlet: string; articles: number }>;
}

/** The actors quoted most, with how many quotes each (the quote browser's speaker choices). */
export function topSpeakers(db: Db, limit = 100): Array<{ id: string; name: string; quotes: number }> {
  return db
    .prepare(`SELECT k.entity_id AS id, e.name, COUNT(*) AS quotes
              FROM quotes q JOIN actor_keys k ON k.actor_key = q.speaker_key JOIN entities e ON e.id = k.entity_id
              GROUP BY k.entity_id ORDER BY quotes DESC, e.name LIMIT ?`)
    .all(limit) as Array<{ id: string; name: string; quotes: number }>;
}

/** The time expressions of each of these articles (one read per article of a page of facts). */
export function timexesOf(db: Db, articleIds: readonly string[]): Map<string, Timex[]> {
  const read = statement(db, 'SELECT timexes FROM articles WHERE id = ?', true);
  const out = new Map<string, Timex[]>();
  for (const id of new Set(articleIds)) out.set(id, JSON.parse(String(read.get(id) ?? '[]')) as Timex[]);
  return out;
}

/** What a timeline entry shows of its evidence span: its text, and the time expression inside it that dates it. */
export interface SpanEvidence {
  text: string;
  timex: { start: number; end: number; text: string } | null;
}

/** What the lists show of an article's row, kept per connection (`articleOf`). */
interface KeptArticle {
  seq: number;
  text: string;
  /** Its time expressions that have a precision (those that can date a fact), as [start, end], read when first asked. */
  dated: Int32Array | null;
  /** The bytes this entry holds (its text, and its time expressions' once read), for the cache's bound. */
  bytes: number;
}

/**
 * Articles already read, per connection, least recently used first, bounded by the characters they hold: the
 * lists' evidence sentences, dating expressions and outlets come from here. An entry is checked against the
 * article's seq on every use (read off the unique index on `articles(id)`): an article row is written once (text
 * and time expressions with it) and never updated, and a seq is given once (AUTOINCREMENT; a PostgreSQL
 * store's working copy sets its counter to the highest seq ever given, `keepSeqCounter`), so a kept entry of the
 * same id and seq is what the row holds. The id alone would not do: a split part made again
 * (`keepArticleCorrections`) can have another text under the same id; it is a new row with a new seq. (An article
 * an undo restores comes back under its old seq with the same row.) Reading an article is what made a page of
 * facts expensive: a sentence is cut from the article's whole text, and the time expressions are stored after the
 * text (reaching them walks the text's pages again) and parsed whole — a long article has hundreds of kB of both.
 */
const articleCaches = new WeakMap<Db, { entries: Map<string, KeptArticle>; bytes: number }>();
/** Bytes of article text and time expressions kept per connection (the 4 million characters of before, at two bytes). */
export const ARTICLE_CACHE_BYTES = 8_000_000;

function articleCache(db: Db): { entries: Map<string, KeptArticle>; bytes: number } {
  let c = articleCaches.get(db);
  if (!c) {
    c = { entries: new Map(), bytes: 0 };
    articleCaches.set(db, c);
  }
  return c;
}

/** The kept article `id` (read on a miss), or null when the store holds no such article (nothing is kept then). */
function articleOf(db: Db, id: string, seqs?: ReadonlyMap<string, number>): KeptArticle | null {
  const c = articleCache(db);
  // `seqs`: the seqs of a page's articles, read for the whole page (`seqsOf`).
  const seq = seqs
    ? seqs.get(id)
    : (statement(db, 'SELECT seq FROM articles WHERE id = ?', true).get(id) as number | undefined);
  if (seq === undefined) return null;
  const hit = c.entries.get(id);
  if (hit && hit.seq === seq) {
    // Most recently used last: the Map's order is the eviction order.
    c.entries.delete(id);
    c.entries.set(id, hit);
    return hit;
  }
  if (hit) {
    c.entries.delete(id);
    c.bytes -= hit.bytes;
  }
  const text = statement(db, 'SELECT text FROM articles WHERE seq = ?', true).get(seq) as string | undefined;
  if (text === undefined) return null;
  const kept: KeptArticle = { seq, text, dated: null, bytes: stringBytes(text) + stringBytes(id) + ENTRY_BYTES };
  c.entries.set(id, kept);
  c.bytes += kept.bytes;
  trim(c);
  return kept;
}

function trim(c: { entries: Map<string, KeptArticle>; bytes: number }): void {
  for (const [key, e] of c.entries) {
    if (c.bytes <= ARTICLE_CACHE_BYTES || c.entries.size <= 1) break;
    c.entries.delete(key);
    c.bytes -= e.bytes;
  }
}

/** The article's time expressions that have a precision, as [start, end] pairs (read and kept on first use). */
function datedTimexes(db: Db, a: KeptArticle): Int32Array {
  if (a.dated) return a.dated;
  const all = JSON.parse(
    String(statement(db, 'SELECT timexes FROM articles WHERE seq = ?', true).get(a.seq) ?? '[]'),
  ) as Timex[];
  const dated = all.filter((t) => t.precision !== null);
  a.dated = new Int32Array(dated.length * 2);
  dated.forEach((t, i) => {
    a.dated![2 * i] = t.start;
    a.dated![2 * i + 1] = t.end;
  });
  // Two 32-bit numbers a time expression.
  const c = articleCache(db);
  a.bytes += a.dated.byteLength;
  c.bytes += a.dated.byteLength;
  trim(c);
  return a.dated;
}

/**
 * Spans already answered, per connection, least recently used first, bounded by the characters they hold: a
 * timeline page shows the sentences of events that other pages showed moments ago. Keyed by the article's id and
 * seq (see `articleCaches`: the same id and seq always hold the same text and time expressions).
 */
const spanCaches = new WeakMap<Db, { entries: Map<string, SpanEvidence>; bytes: number }>();

/**
 * A copy of `s` that holds its own characters. V8 makes a slice of 13 or more characters of a long string a view into
 * it, which keeps the whole string alive: a kept sentence of 150 characters held its article's whole text (tens of
 * kB) long after the article cache had let it go, so the span cache's bound counted a fraction of what it held.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
/** Bytes of evidence kept per connection (sentences and time expressions: the 2 million characters of before). */
export const SPAN_CACHE_BYTES = 4_000_000;

/** What a kept span holds, in bytes. */
const spanBytes = (key: string, e: SpanEvidence): number =>
  stringBytes(key) + stringBytes(e.text) + (e.timex ? stringBytes(e.timex.text) + ENTRY_BYTES : 0) + ENTRY_BYTES;

/**
 * The seq each article of `spans` is stored under (articles the store does not hold are left out), read in one
 * statement for the whole page: a page of 50 spans made 50 lookups, each paying a statement's own overhead.
 */
function seqsOf(db: Db, spans: ReadonlyArray<{ articleId: string }>): Map<string, number> {
  const ids = [...new Set(spans.map((e) => e.articleId).filter((id) => id !== ''))];
  const seqs = new Map<string, number>();
  if (ids.length === 0) return seqs;
  const rows = statement(db, 'SELECT a.id, a.seq FROM json_each(?) AS j CROSS JOIN articles a ON a.id = j.value')
    .raw()
    .all(JSON.stringify(ids)) as Array<[string, number]>;
  for (const [id, seq] of rows) seqs.set(id, seq);
  return seqs;
}

/**
 * For each evidence span: its text, and the first time expression of its article that lies inside it and has a
 * precision (what dates the fact). Spans answered before come from a bounded cache (`spanCaches`), the articles of
 * the others from another (`articleCaches`).
 */
export function evidenceWithTimex(
  db: Db,
  spans: ReadonlyArray<{ articleId: string; start: number; end: number }>,
): SpanEvidence[] {
  let c = spanCaches.get(db);
  if (!c) {
    c = { entries: new Map(), bytes: 0 };
    spanCaches.set(db, c);
  }
  const cache = c;
  const seqs = seqsOf(db, spans);
  const answer = spans.map((e) => {
    const seq = seqs.get(e.articleId);
    if (seq === undefined) return { text: '', timex: null };
    const key = `${e.articleId}:${seq}:${e.start}:${e.end}`;
    const hit = cache.entries.get(key);
    if (hit) {
      // Most recently used last: the Map's order is the eviction order.
      cache.entries.delete(key);
      cache.entries.set(key, hit);
      return hit;
    }
    const a = articleOf(db, e.articleId, seqs);
    if (!a) return { text: '', timex: null };
    const dated = datedTimexes(db, a);
    let timex: SpanEvidence['timex'] = null;
    for (let i = 0; i < dated.length; i += 2) {
      const start = dated[i]!;
      const end = dated[i + 1]!;
      if (start >= e.start && end <= e.end) {
        timex = { start, end, text: ownCopy(a.text.slice(start, end)) };
        break;
      }
    }
    const entry: SpanEvidence = { text: ownCopy(a.text.slice(e.start, e.end)), timex };
    cache.entries.set(key, entry);
    cache.bytes += spanBytes(key, entry);
    return entry;
  });
  for (const [key, e] of cache.entries) {
    if (cache.bytes <= SPAN_CACHE_BYTES) break;
    cache.entries.delete(key);
    cache.bytes -= spanBytes(key, e);
  }
  return answer;
}

/** A fact's evidence with the text it points at (the sentence an analyst reads). */
export type EvidenceText = ExportEvent['evidence'][number] & { text: string };

/**
 * The text of evidence spans, read from their articles (kept: `articleOf`). Cut in JavaScript: the offsets are UTF-16
 * code units, and SQLite's `substr` counts characters (code points), so a span after an astral character (an emoji)
 * would come out shifted.
 */
export function evidenceTexts(db: Db, evidence: ExportEvent['evidence']): EvidenceText[] {
  const seqs = seqsOf(db, evidence);
  return evidence.map((e) => ({ ...e, text: articleOf(db, e.articleId, seqs)?.text.slice(e.start, e.end) ?? '' }));
}

/** Events by id, in the order asked (ids the store does not hold are skipped), each with its evidence sentences. */
export function eventsById(
  db: Db,
  ids: readonly string[],
  sentencesPerEvent = 3,
): Array<ExportEvent & { sentences: EvidenceText[] }> {
  const get = db.prepare('SELECT data FROM events WHERE id = ?').pluck();
  const out: Array<ExportEvent & { sentences: EvidenceText[] }> = [];
  for (const id of ids) {
    const data = get.get(id) as string | undefined;
    if (!data) continue;
    const e = JSON.parse(data) as ExportEvent;
    out.push({ ...e, sentences: evidenceTexts(db, e.evidence.slice(0, sentencesPerEvent)) });
  }
  return out;
}

/** A date range over facts (days, inclusive); a coarser date counts when its month or year overlaps. */
export interface DateRange {
  from?: string | null;
  to?: string | null;
}

/** SQL condition and arguments for `column` within `range` (undated rows out once a bound is set). */
function dateWithin(column: string, range: DateRange): { sql: string; args: string[] } {
  const parts: string[] = [];
  const args: string[] = [];
  if (range.from) {
    parts.push(`${column} >= substr(?, 1, length(${column}))`);
    args.push(range.from);
  }
  if (range.to) {
    parts.push(`${column} <= substr(?, 1, length(${column}))`);
    args.push(range.to);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1 = 1', args };
}

/** Where events happened, as the events name it: each place name and how many events it has in the range. */
export function eventLocations(
  db: Db,
  range: DateRange = {},
  facets: Facets = NO_FACETS,
): Array<{ location: string; events: number }> {
  const when = dateWithin('e.date', range);
  const f = eventWhere({ ...facets, from: null, to: null });
  return db
    .prepare(`SELECT location, COUNT(*) AS events FROM
                (SELECT json_extract(e.data, '$.location') AS location FROM events e WHERE ${when.sql} ${clause(f, true)})
              WHERE location IS NOT NULL GROUP BY location ORDER BY events DESC, location`)
    .all(...when.args, ...f.args) as Array<{ location: string; events: number }>;
}

/** The events at any of `locations` in the range, oldest first (undated last), a page of them. */
export function eventsAt(
  db: Db,
  locations: readonly string[],
  range: DateRange,
  offset: number,
  limit: number,
  facets: Facets = NO_FACETS,
): { total: number; items: ReturnType<typeof eventsById> } {
  if (locations.length === 0) return { total: 0, items: [] };
  const when = dateWithin('e.date', range);
  const f = eventWhere({ ...facets, from: null, to: null });
  const where = `json_extract(e.data, '$.location') IN (SELECT value FROM json_each(?)) AND ${when.sql} ${clause(f, true)}`;
  const args = [JSON.stringify(locations), ...when.args, ...f.args];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM events e WHERE ${where}`).get(...args) as { n: number }).n;
  const ids = db
    .prepare(`SELECT e.id FROM events e WHERE ${where} ORDER BY e.date IS NULL, e.date, e.id LIMIT ? OFFSET ?`)
    .pluck()
    .all(...args, limit, offset) as string[];
  return { total, items: eventsById(db, ids) };
}
