import { immediate, type Db } from './db.js';

/** The state of watched feeds (`sitrep watch`, the UI's Sources view), kept across restarts. */
export interface FeedState {
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  lastChecked: string | null;
  lastOk: string | null;
  lastError: string | null;
  failures: number;
  nextCheck: string | null;
  itemsSeen: number;
  articlesAdded: number;
  addedAt: string;
}

export type FeedItemStatus = 'stored' | 'skipped' | 'error';

const FEED_COLUMNS = `url, title, etag, last_modified AS lastModified, last_checked AS lastChecked, last_ok AS lastOk,
  last_error AS lastError, failures, next_check AS nextCheck, items_seen AS itemsSeen, articles_added AS articlesAdded, added_at AS addedAt`;

export function addFeed(db: Db, url: string): boolean {
  return db.prepare('INSERT INTO feeds (url) VALUES (?) ON CONFLICT(url) DO NOTHING').run(url).changes > 0;
}

export function removeFeed(db: Db, url: string): boolean {
  return immediate(db, () => {
    db.prepare('DELETE FROM feed_items WHERE feed_url = ?').run(url);
    return db.prepare('DELETE FROM feeds WHERE url = ?').run(url).changes > 0;
  });
}

export function listFeeds(db: Db): FeedState[] {
  return db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY added_at, url`).all() as FeedState[];
}

export function getFeed(db: Db, url: string): FeedState | null {
  return (db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE url = ?`).get(url) as FeedState | undefined) ?? null;
}

/** Record the outcome of one poll of a feed. */
export function updateFeed(db: Db, url: string, patch: Partial<Omit<FeedState, 'url' | 'addedAt'>>): void {
  const cols: Record<string, string> = {
    title: 'title',
    etag: 'etag',
    lastModified: 'last_modified',
    lastChecked: 'last_checked',
    lastOk: 'last_ok',
    lastError: 'last_error',
    failures: 'failures',
    nextCheck: 'next_check',
    itemsSeen: 'items_seen',
    articlesAdded: 'articles_added',
  };
  const keys = Object.keys(patch).filter((k) => k in cols);
  if (keys.length === 0) return;
  const sql = `UPDATE feeds SET ${keys.map((k) => `${cols[k]} = @${k}`).join(', ')} WHERE url = @url`;
  db.prepare(sql).run({
    ...Object.fromEntries(keys.map((k) => [k, (patch as Record<string, unknown>)[k] ?? null])),
    url,
  });
}

/** Item keys already handled for a feed (stored or skipped for good); errored ones are tried again. */
export function handledItemKeys(db: Db, feedUrl: string): Set<string> {
  const rows = db
    .prepare("SELECT item_key FROM feed_items WHERE feed_url = ? AND status != 'error'")
    .pluck()
    .all(feedUrl) as string[];
  return new Set(rows);
}

export function recordFeedItem(
  db: Db,
  feedUrl: string,
  item: { key: string; url: string | null; status: FeedItemStatus; articleId?: string | null; error?: string | null },
): void {
  db.prepare(`INSERT INTO feed_items (feed_url, item_key, url, article_id, status, error) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(feed_url, item_key) DO UPDATE SET url = excluded.url, article_id = excluded.article_id, status = excluded.status, error = excluded.error,
    seen_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`).run(
    feedUrl,
    item.key,
    item.url,
    item.articleId ?? null,
    item.status,
    item.error ?? null,
  );
}

export interface FeedItemRow {
  key: string;
  url: string | null;
  articleId: string | null;
  status: FeedItemStatus;
  error: string | null;
  seenAt: string;
}

export function recentFeedItems(db: Db, feedUrl: string, limit = 50): FeedItemRow[] {
  return db
    .prepare(`SELECT item_key AS key, url, article_id AS articleId, status, error, seen_at AS seenAt FROM feed_items
    WHERE feed_url = ? ORDER BY seen_at DESC LIMIT ?`)
    .all(feedUrl, limit) as FeedItemRow[];
}

/** The newest stored article that came from an origin (a page URL), if any. */
export function articleIdByOrigin(db: Db, origin: string): string | null {
  return (
    (db.prepare('SELECT id FROM articles WHERE origin = ? ORDER BY seq DESC LIMIT 1').pluck().get(origin) as
      | string
      | undefined) ?? null
  );
}
