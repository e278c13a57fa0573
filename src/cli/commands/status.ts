import { WorkQueue, type QueueStatus, type QueuedJob } from '../../queue/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from '../commands.js';
import { queueUrl, wholeFlag } from '../queue-url.js';

function describe(s: QueueStatus): string {
  const rate =
    s.articlesPerSecond === null
      ? 'no job finished in the last 10 minutes'
      : `${s.articlesPerSecond.toFixed(1)} articles/s (${s.recentArticles} article(s) stored by the jobs finished in the last ${s.windowSeconds / 60} minutes)`;
  return `queued ${s.queued} · running ${s.running} · done ${s.done} · failed ${s.failed}\n${rate}\n`;
}

export const command: Command = {
  usage: 'sitrep status [--queue postgres://…] [--db FILE] [--json] [--failed N]',
  async run(argv, ctx) {
    const args = parseArgs(argv, { values: ['queue', 'db', 'failed'], booleans: ['json'] });
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const shown = wholeFlag(args, 'failed', 10);
    const queue = await WorkQueue.open(queueUrl(args), {
      onError: (e) => ctx.stderr.write(`sitrep status: ${e.message}\n`),
    });
    try {
      const status = await queue.status();
      const failed: QueuedJob[] =
        shown > 0 ? (await queue.list(shown)).filter((j) => j.state === 'failed').slice(0, shown) : [];
      if (args.booleans.has('json')) {
        ctx.stdout.write(`${JSON.stringify({ ...status, quarantined: failed })}\n`);
      } else {
        ctx.stdout.write(describe(status));
        for (const j of failed) ctx.stdout.write(`failed\t${j.id}\t${j.label}\t${j.error ?? ''}\n`);
      }
    } finally {
      await queue.stop(1000);
    }
    return 0;
  },
};
