import { existsSync } from 'node:fs';
import { aliasFileFor } from '../../analyze/index.js';
import { redactUrl } from '../../store/index.js';
import { runCorpusJob, runJob, WorkQueue, JOB_DEFAULTS } from '../../queue/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from '../commands.js';
import { queueUrl, storePath, wholeFlag } from '../queue-url.js';

/** How long a stopping worker lets its running jobs finish before it hands them back to the queue, ms. */
const STOP_GRACE_MS = 20_000;
const LOCAL_ALIASES = 'sitrep.aliases.json';
/** How often a `--drain` worker checks whether anything is left, ms. */
const DRAIN_CHECK_MS = 1000;

export const command: Command = {
  usage:
    'sitrep worker [--concurrency N] [--queue postgres://…] [--db FILE|postgres://…] [--threads N] [--aliases FILE] [--allow-private] [--supervise-every S] [--timeout S] [--drain]',
  async run(argv, ctx) {
    const args = parseArgs(argv, {
      values: ['queue', 'db', 'concurrency', 'threads', 'aliases', 'supervise-every', 'timeout'],
      booleans: ['allow-private', 'drain'],
    });
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const dbPath = storePath(args);
    const url = queueUrl(args);
    const concurrency = wholeFlag(args, 'concurrency', 1, 1);
    const threads = wholeFlag(args, 'threads', 0);
    const superviseSeconds = wholeFlag(args, 'supervise-every', 60, 1);
    const timeoutSeconds = wholeFlag(args, 'timeout', JOB_DEFAULTS.timeoutSeconds, 1);
    // Only an alias file named here (or ./sitrep.aliases.json) replaces the store's: without one, the corpus job
    // resolves with the alias file the store keeps, whichever machine runs it.
    const aliasPath = args.values.get('aliases') ?? (existsSync(LOCAL_ALIASES) ? LOCAL_ALIASES : undefined);
    const aliases = aliasPath === undefined ? undefined : aliasFileFor(aliasPath);
    const allowPrivate = args.booleans.has('allow-private');
    const log = (line: string): void => {
      ctx.stderr.write(`sitrep worker: ${line}\n`);
    };
    // SITREP_TRACE=1: each job as it starts and each article as it is stored, for the kill test.
    const trace = process.env.SITREP_TRACE ? (line: string) => ctx.stderr.write(`sitrep-trace: ${line}\n`) : null;

    const queue = await WorkQueue.open(url, { superviseSeconds, onError: (e) => log(`queue: ${e.message}`) });
    let stopping: Promise<void> | null = null;
    const stop = (why: string): Promise<void> => {
      if (!stopping) {
        log(`${why}: finishing the running job(s), then stopping`);
        stopping = queue.stop(STOP_GRACE_MS);
      }
      return stopping;
    };
    const done = new Promise<void>((resolve) => {
      const onSignal = (signal: string) => () => void stop(signal).then(resolve);
      process.once('SIGINT', onSignal('SIGINT'));
      process.once('SIGTERM', onSignal('SIGTERM'));
      if (args.booleans.has('drain')) {
        const check = async (): Promise<void> => {
          if (stopping) return;
          if (await queue.idle().catch(() => false)) return void stop('queue drained').then(resolve);
          setTimeout(() => void check(), DRAIN_CHECK_MS);
        };
        setTimeout(() => void check(), DRAIN_CHECK_MS);
      }
    });
    try {
      await queue.work(
        concurrency,
        async (input) => {
          trace?.(`job ${JSON.stringify(input)}`);
          const outcome = await runJob(input, dbPath, {
            threads,
            allowPrivate,
            onStored: trace ? (id) => trace(`stored ${id}`) : undefined,
          });
          log(
            `${outcome.added} new, ${outcome.skipped} already stored, ${outcome.failed} failed: ${JSON.stringify(input)}`,
          );
          return outcome;
        },
        () => runCorpusJob(dbPath, { aliases }),
        timeoutSeconds,
      );
    } catch (err) {
      // An open queue keeps the process alive (and a --drain check polling it): stop it before giving up.
      await stop('the worker could not start').catch(() => undefined);
      throw err;
    }
    log(`working on ${redactUrl(dbPath)} (${concurrency} job(s) at a time)`);
    await done;
    return 0;
  },
};
