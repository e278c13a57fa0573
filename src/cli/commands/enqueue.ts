import { JOB_DEFAULTS, planJobs, WorkQueue } from '../../queue/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from '../commands.js';
import { queueUrl, wholeFlag } from '../queue-url.js';

export const command: Command = {
  usage:
    'sitrep enqueue <paths|URLs…> [--queue postgres://…] [--db FILE] [--feeds] [--warc-records N] [--retries N] [--retry-delay S] [--timeout S]',
  async run(argv, ctx) {
    const args = parseArgs(argv, {
      values: ['queue', 'db', 'warc-records', 'retries', 'retry-delay', 'timeout'],
      booleans: ['feeds'],
    });
    if (args.positionals.length === 0) throw new UsageError('give at least one file, folder or URL to enqueue');
    const url = queueUrl(args);
    const settings = {
      retries: wholeFlag(args, 'retries', JOB_DEFAULTS.retries),
      retryDelaySeconds: wholeFlag(args, 'retry-delay', JOB_DEFAULTS.retryDelaySeconds),
      timeoutSeconds: wholeFlag(args, 'timeout', JOB_DEFAULTS.timeoutSeconds, 1),
    };
    const split = { warcRecords: wholeFlag(args, 'warc-records', 200, 1), feeds: args.booleans.has('feeds') };
    const queue = await WorkQueue.open(url, { onError: (e) => ctx.stderr.write(`sitrep enqueue: ${e.message}\n`) });
    let sent = 0;
    let known = 0;
    try {
      for await (const job of planJobs(args.positionals, split)) {
        if (await queue.enqueue(job, settings)) sent++;
        else known++;
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const path = (err as NodeJS.ErrnoException).path;
      if (code === 'ENOENT') throw new UsageError(`no such file or directory: ${path}`);
      throw err;
    } finally {
      await queue.stop(1000);
    }
    ctx.stderr.write(`enqueued ${sent} job(s)${known > 0 ? `; ${known} already in the queue (same content)` : ''}\n`);
    return 0;
  },
};
