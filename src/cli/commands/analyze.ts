import type { Writable } from 'node:stream';
import { aliasFileFor, analyzePaths, STAGES, type AnalyzeProgress } from '../../analyze/index.js';
import { openStore, redactUrl, storeLocation } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from '../commands.js';
import { openSink } from '../output.js';

export const command: Command = {
  usage:
    'sitrep analyze <paths|URLs…> [--db FILE|postgres://…] [--json FILE|-] [--threads N] [--aliases FILE] [--allow-private]',
  stages: `${STAGES.map((s) => s.name).join(' → ')} per article, then cross-article resolution in the store`,
  async run(argv, ctx) {
    const args = parseArgs(argv, { values: ['db', 'json', 'threads', 'aliases'], booleans: ['allow-private'] });
    if (args.positionals.length === 0) throw new UsageError('give at least one file, folder or URL to analyze');
    const dbPath = storeLocation(args.values.get('db'));
    const threadsFlag = args.values.get('threads');
    const threads = threadsFlag === undefined ? undefined : Number(threadsFlag);
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 0))
      throw new UsageError('--threads takes a whole number ≥ 0');

    const aliases = aliasFileFor(args.values.get('aliases'));
    const tty = (ctx.stderr as Writable & { isTTY?: boolean }).isTTY === true;
    const started = Date.now();
    let lastDraw = 0;
    const draw = (p: AnalyzeProgress): void => {
      const now = Date.now();
      if (!tty || now - lastDraw < 100) return;
      lastDraw = now;
      const rate = p.seen / Math.max(0.001, (now - started) / 1000);
      ctx.stderr.write(
        `\r\x1b[K  ${p.seen} articles · ${p.added} new · ${p.skipped} already stored · ${p.failed} failed · ${rate.toFixed(0)}/s`,
      );
    };
    // SITREP_TRACE=1: phases and stored ids on stderr, for the crash test (`npm run test:crash`).
    const trace = process.env.SITREP_TRACE ? (line: string) => ctx.stderr.write(`sitrep-trace: ${line}\n`) : null;
    const summary = await analyzePaths(args.positionals, dbPath, {
      threads,
      aliases,
      allowPrivate: args.booleans.has('allow-private'),
      onPhase: trace ? (phase) => trace(`phase ${phase}`) : undefined,
      onStored: trace ? (id) => trace(`stored ${id}`) : undefined,
      onProgress: draw,
      onProblem: (origin, message) => {
        if (tty) ctx.stderr.write('\r\x1b[K');
        ctx.stderr.write(`sitrep analyze: ${origin}: ${message}\n`);
      },
    });
    if (tty) ctx.stderr.write('\r\x1b[K');
    const secs = (Date.now() - started) / 1000;
    ctx.stderr.write(
      `analyzed ${summary.seen} article(s) from ${summary.inputs} input(s) in ${secs.toFixed(1)} s: ` +
        `${summary.added} new, ${summary.skipped} already stored${summary.exactDuplicates > 0 ? ` (${summary.exactDuplicates} exact duplicate(s))` : ''}, ` +
        `${summary.nearDuplicates > 0 ? `${summary.nearDuplicates} near-duplicate(s) linked, ` : ''}${summary.failed} failed; ` +
        `store ${redactUrl(dbPath)} holds ${summary.totalArticles} article(s), ${summary.entities} actor(s), ${summary.events} event(s)\n`,
    );
    const jsonOut = args.values.get('json');
    if (jsonOut !== undefined) {
      const store = await openStore(dbPath);
      try {
        const sink = await openSink(jsonOut, ctx.stdout);
        await store.writeJsonExport(sink.write);
        await sink.close();
      } finally {
        await store.close();
      }
    }
    if (summary.seen === 0 && summary.inputErrors.length > 0) return 1;
    return 0;
  },
};
