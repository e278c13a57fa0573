import { parseFeed } from '@rowanmanning/feed-parser';

/** One entry of an RSS or Atom feed, as sitrep needs it. */
export interface FeedEntry {
  /** Stable identity within the feed: guid/id, else link, else title + date. */
  key: string;
  url: string | null;
  title: string | null;
  /** ISO date-time, when the feed gives one. */
  published: string | null;
  /** Inline HTML (content:encoded / Atom content, else description), used when the page cannot be fetched. */
  html: string | null;
}

export interface ParsedFeed {
  title: string | null;
  entries: FeedEntry[];
}

function absolute(url: string | null, base: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Parse RSS/Atom with a lenient, well-tested parser. Throws with a clear message when it is not a feed. */
export function parseFeedEntries(xml: string, feedUrl: string): ParsedFeed {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (err) {
    throw new Error(`not an RSS or Atom feed (${err instanceof Error ? err.message.slice(0, 120) : String(err)})`);
  }
  const entries: FeedEntry[] = [];
  const keys = new Set<string>();
  for (const item of feed.items) {
    const url = absolute(item.url, feedUrl);
    const published = item.published && !Number.isNaN(item.published.getTime()) ? item.published.toISOString() : null;
    const key = item.id?.trim() || url || (item.title ? `${item.title}|${published ?? ''}` : null);
    if (!key || keys.has(key)) continue;
    keys.add(key);
    entries.push({
      key,
      url,
      title: item.title?.trim() || null,
      published,
      html: item.content ?? item.description ?? null,
    });
  }
  return { title: feed.title?.trim() || null, entries };
}
