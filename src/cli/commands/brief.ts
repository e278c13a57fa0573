import type { Command } from '../commands.js';
import { parseArgs, UsageError } from '../args.js';
import { stringifyLine } from '../jsonl.js';
import { brief, briefMarkdown } from '../../analyze/index.js';
import { articleDetail, openDb, storeLocation } from '../../store/index.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const command: Command = {
  usage:
    'sitrep brief [--story ID | --query Q] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--db FILE] --json|--md' +
    '   (a situation report of the stored stories, every sentence cited)',
  async run(argv, ctx) {
    const args = parseArgs(argv, { booleans: ['json', 'md'], values: ['db', 'story', 'query', 'from', 'to'] });
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const json = args.booleans.has('json');
    if (json === args.booleans.has('md')) throw new UsageError('sitrep brief needs one of --json or --md');
    const story = args.values.get('story');
    const query = args.values.get('query');
    if (story !== undefined && query !== undefined) throw new UsageError('give --story or --query, not both');
    for (const name of ['from', 'to'])
      if (args.values.has(name) && !DAY.test(args.values.get(name)!))
        throw new UsageError(`--${name} must be "YYYY-MM-DD"`);
    const db = openDb(storeLocation(args.values.get('db')), { readonly: true });
    try {
      const b = brief(db, { story, query, from: args.values.get('from'), to: args.values.get('to') });
      if (story !== undefined && b.stories.length === 0) {
        ctx.stderr.write(`sitrep brief: no story "${story}" (or none of its articles in the period)\n`);
        return 1;
      }
      if (json) ctx.stdout.write(`${stringifyLine(b)}\n`);
      else
        ctx.stdout.write(
          briefMarkdown(b, (id) => {
            const a = articleDetail(db, id);
            return a
              ? `${a.outlet ?? 'unknown outlet'}, "${a.title}" (${a.published ?? 'undated'}), article ${id}`
              : id;
          }),
        );
      return 0;
    } finally {
      db.close();
    }
  },
};
