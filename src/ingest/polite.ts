import { createRequire } from 'node:module';
import { guardedFetch, FetchError, USER_AGENT, type FetchOptions, type FetchResult } from './fetch.js';

/**
 * A polite fetcher for crawling feeds and their pages: at most one request at a time per host with a
 * minimum delay between them (or the robots.txt Crawl-delay, if longer), robots.txt obeyed, and
 * retryable failures retried with exponential backoff.
 */
export interface PoliteOptions extends FetchOptions {
  /** Least milliseconds between two requests to one host (default 1000). */
  delayMs?: number;
  /** Attempts per request for retryable failures (default 3). */
  attempts?: number;
  /** First backoff in ms, doubled per attempt (default 1000). */
  backoffMs?: number;
  /** Longest wait honoured from a Crawl-delay line (default 30 s). */
  maxCrawlDelayMs?: number;
}

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

const ROBOTS_AGENT = 'sitrep';
// robots-parser is CommonJS with a module.exports function its typings do not describe for ESM.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robot;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class PoliteFetcher {
  private readonly nextSlot = new Map<string, number>();
  private readonly robots = new Map<string, Promise<Robot | null>>();

  constructor(private readonly options: PoliteOptions = {}) {}

  private async turn(host: string, delay: number): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, at + delay);
    if (at > now) await sleep(at - now);
  }

  private robotsFor(url: URL): Promise<Robot | null> {
    const origin = url.origin;
    let r = this.robots.get(origin);
    if (!r) {
      r = (async () => {
        try {
          await this.turn(url.host, this.options.delayMs ?? 1000);
          const res = await guardedFetch(`${origin}/robots.txt`, {
            ...this.options,
            accept: 'any',
            maxBytes: 512 * 1024,
            headers: undefined,
          });
          return robotsParser(`${origin}/robots.txt`, res.body.toString('utf8'));
        } catch (err) {
          // No robots.txt (4xx) means no rules; an unreachable one is no reason to refuse the feed itself.
          if (err instanceof FetchError && err.code === 'blocked') throw err;
          return null;
        }
      })();
      this.robots.set(origin, r);
    }
    return r;
  }

  /** Whether robots.txt lets sitrep fetch this URL. */
  async allowed(raw: string): Promise<boolean> {
    const robot = await this.robotsFor(new URL(raw));
    return robot?.isAllowed(raw, ROBOTS_AGENT) ?? true;
  }

  async fetch(raw: string, options: FetchOptions = {}): Promise<FetchResult> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new FetchError('bad-url', `not a URL: ${raw}`);
    }
    const robot = await this.robotsFor(url);
    if (robot && robot.isAllowed(raw, ROBOTS_AGENT) === false)
      throw new FetchError('status', `${raw}: disallowed by robots.txt`, 403);
    const crawlDelay = Math.min(
      (robot?.getCrawlDelay(ROBOTS_AGENT) ?? 0) * 1000,
      this.options.maxCrawlDelayMs ?? 30_000,
    );
    const delay = Math.max(this.options.delayMs ?? 1000, crawlDelay);
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      await this.turn(url.host, delay);
      try {
        return await guardedFetch(raw, {
          ...this.options,
          ...options,
          headers: { 'user-agent': USER_AGENT, ...options.headers },
        });
      } catch (err) {
        if (!(err instanceof FetchError) || !err.retryable || attempt >= attempts) throw err;
        await sleep((this.options.backoffMs ?? 1000) * 2 ** (attempt - 1));
      }
    }
  }
}
