import { openStore, storeLocation } from '../../store/index.js';
import { stringifyLine } from '../jsonl.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from '../commands.js';

export const command: Command = {
  usage: 'sitrep search <query> [--db FILE|postgres://…] [--json] [--limit N]',
  async run(argv, ctx) {
    const args = parseArgs(argv, { values: ['db', 'limit'], booleans: ['json'] });
    const query = args.positionals.join(' ').trim();
    if (query.length === 0) throw new UsageError('give a query');
    const limit = Number(args.values.get('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number ≥ 1');
    const store = await openStore(storeLocation(args.values.get('db')));
    try {
      const hits = await store.search(query, 0, limit);
      if (args.booleans.has('json')) {
        ctx.stdout.write(`${stringifyLine({ query, total: hits.total, hits: hits.items })}\n`);
      } else {
        for (const h of hits.items) {
          ctx.stdout.write(
            `${h.score.toPrecision(3)}\t${h.published ?? '-'}\t${h.outlet ?? '-'}\t${h.title.replace(/\s+/g, ' ')}\t${h.id}\n`,
          );
        }
        if (hits.items.length === 0) ctx.stderr.write(`no articles match "${query}"\n`);
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};
