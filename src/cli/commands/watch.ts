import { aliasFileFor, nextDueIn, parseInterval, pollFeeds, watchFeeds, type PollRound } from '../../analyze/index.js';
import { listFeeds, openDb, storeLocation } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from '../commands.js';

function describeRound(round: PollRound): string[] {
  return round.feeds
    .filter((f) => f.status !== 'not-due')
    .map((f) => {
      const head =
        f.status === 'error'
          ? `failed: ${f.errors[0]}`
          : f.status === 'not-modified'
            ? 'not modified'
            : `${f.newEntries} new entr${f.newEntries === 1 ? 'y' : 'ies'}, ${f.stored} stored`;
      const extra =
        f.status === 'ok' && f.errors.length > 0
          ? `; ${f.errors.length} problem(s): ${f.errors.slice(0, 3).join('; ')}`
          : '';
      return `${f.feed}: ${head}${extra}`;
    });
}

export const command: Command = {
  usage:
    'sitrep watch [feed-URLs…] [--every 15m] [--db FILE] [--once] [--allow-private] [--delay MS] [--retries N] [--threads N]',
  async run(argv, ctx) {
    const args = parseArgs(argv, {
      values: ['db', 'every', 'delay', 'retries', 'threads', 'aliases'],
      booleans: ['once', 'allow-private'],
    });
    const dbPath = storeLocation(args.values.get('db'));
    const every = parseInterval(args.values.get('every') ?? '15m');
    if (every === null) throw new UsageError('--every takes an interval such as 15m, 90s or 1h');
    const delay = Number(args.values.get('delay') ?? 1000);
    if (!Number.isFinite(delay) || delay < 0) throw new UsageError('--delay takes milliseconds ≥ 0');
    const retries = Number(args.values.get('retries') ?? 3);
    if (!Number.isInteger(retries) || retries < 1) throw new UsageError('--retries takes a whole number ≥ 1');
    const threadsFlag = args.values.get('threads');
    const threads = threadsFlag === undefined ? undefined : Number(threadsFlag);
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 0))
      throw new UsageError('--threads takes a whole number ≥ 0');

    const db = openDb(dbPath);
    try {
      try {
        for (const url of watchFeeds(db, args.positionals)) ctx.stderr.write(`sitrep watch: now watching ${url}\n`);
      } catch (err) {
        throw new UsageError(err instanceof Error ? err.message : String(err));
      }
      if (listFeeds(db).length === 0)
        throw new UsageError('no feeds to watch: give feed URLs (they are remembered in the store)');
      const once = args.booleans.has('once');
      const options = {
        everyMs: every,
        threads,
        aliases: aliasFileFor(args.values.get('aliases')),
        allowPrivate: args.booleans.has('allow-private'),
        polite: { delayMs: delay, attempts: retries, backoffMs: Math.min(1000, Math.max(50, delay)) },
        force: once,
      };
      let stop = false;
      let wake: (() => void) | null = null;
      const onSignal = (): void => {
        stop = true;
        wake?.();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        for (;;) {
          const round = await pollFeeds(db, null, options);
          for (const line of describeRound(round)) ctx.stderr.write(`sitrep watch: ${line}\n`);
          const s = round.summary;
          if (s && s.seen > 0)
            ctx.stderr.write(
              `sitrep watch: ${s.added} new article(s), ${s.skipped} already stored; store holds ${s.totalArticles}\n`,
            );
          if (once) {
            const polled = round.feeds.filter((f) => f.status !== 'not-due');
            return polled.length > 0 && polled.every((f) => f.status === 'error') ? 1 : 0;
          }
          if (stop) return 0;
          const wait = Math.max(1000, nextDueIn(db) ?? every);
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, wait);
            wake = () => {
              clearTimeout(t);
              resolve();
            };
          });
          wake = null;
          if (stop) return 0;
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    } finally {
      db.close();
    }
  },
};
