import { writeFileSync } from 'node:fs';
import type { Command } from '../commands.js';
import { parseArgs, UsageError } from '../args.js';
import { stringifyLine } from '../jsonl.js';
import { brief, briefMarkdown } from '../../analyze/index.js';
import { briefHtml } from '../../analyze/brief-html.js';
import { articleDetail, openStore, storeLocation } from '../../store/index.js';
import { isIsoDay } from '../../time/index.js';

const FORMATS = ['json', 'md', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export const command: Command = {
  usage:
    'sitrep brief [--story ID | --query Q] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--since YYYY-MM-DD] [--db FILE|postgres://…]' +
    ' --json|--md|--format md|html|pdf [--out FILE]' +
    '   (a situation report of the stored stories, every sentence cited; --out is required for pdf)',
  async run(argv, ctx) {
    const args = parseArgs(argv, {
      booleans: ['json', 'md'],
      values: ['db', 'story', 'query', 'from', 'to', 'since', 'format', 'out'],
    });
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const asked = [args.booleans.has('json'), args.booleans.has('md'), args.values.has('format')].filter(Boolean);
    if (asked.length !== 1) throw new UsageError('sitrep brief needs one of --json, --md or --format md|html|pdf');
    const given = args.values.get('format');
    if (given !== undefined && !(['md', 'html', 'pdf'] as string[]).includes(given))
      throw new UsageError(`--format must be md, html or pdf, not "${given}"`);
    const format: Format = args.booleans.has('json') ? 'json' : args.booleans.has('md') ? 'md' : (given as Format);
    const out = args.values.get('out');
    if (format === 'pdf' && out === undefined) throw new UsageError('--format pdf needs --out FILE');
    const story = args.values.get('story');
    const query = args.values.get('query');
    if (story !== undefined && query !== undefined) throw new UsageError('give --story or --query, not both');
    for (const name of ['from', 'to', 'since'])
      if (args.values.has(name) && !isIsoDay(args.values.get(name)!))
        throw new UsageError(`--${name} must be "YYYY-MM-DD"`);
    const store = await openStore(storeLocation(args.values.get('db')));
    let result: string | null;
    try {
      // On PostgreSQL the brief is made from a working copy of the store (docs/scale.md).
      result = await store.read((db): string | null => {
        const b = brief(db, {
          story,
          query,
          from: args.values.get('from'),
          to: args.values.get('to'),
          since: args.values.get('since'),
        });
        if (story !== undefined && b.stories.length === 0) {
          ctx.stderr.write(`sitrep brief: no story "${story}" (or none of its articles in the period)\n`);
          return null;
        }
        if (format === 'json') return `${stringifyLine(b)}\n`;
        if (format === 'md')
          return briefMarkdown(b, (id) => {
            const a = articleDetail(db, id);
            return a
              ? `${a.outlet ?? 'unknown outlet'}, "${a.title}" (${a.published ?? 'undated'}), article ${id}`
              : id;
          });
        return briefHtml(b, (id) => {
          const a = articleDetail(db, id);
          return a ? { outlet: a.outlet, title: a.title, published: a.published } : null;
        });
      });
    } finally {
      await store.close();
    }
    if (result === null) return 1;
    if (format === 'pdf') {
      const { htmlToPdf, PdfUnavailableError } = await import('../../analyze/brief-pdf.js');
      try {
        writeFileSync(out!, await htmlToPdf(result));
      } catch (e) {
        if (!(e instanceof PdfUnavailableError)) throw e;
        ctx.stderr.write(`sitrep brief: cannot print the PDF: ${e.message}\n`);
        return 1;
      }
    } else if (out !== undefined) writeFileSync(out, result);
    else ctx.stdout.write(result);
    return 0;
  },
};
