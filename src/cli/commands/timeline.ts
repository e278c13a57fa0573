import { createReadStream } from 'node:fs';
import type { Command } from '../commands.js';
import { parseArgs, UsageError } from '../args.js';
import { readJsonlRecords } from '../jsonl-batch.js';
import { requireText, stringifyLine } from '../jsonl.js';
import { chronology, type ChronologyArticle } from '../../analyze/chronology.js';

const DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function day(value: unknown, what: string): string {
  const m = typeof value === 'string' ? DAY.exec(value.trim()) : null;
  if (!m || Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`))) throw new Error(`${what} must be "YYYY-MM-DD"`);
  return m[1]!;
}

/** One `{"id","text","published"}` record as an article of the collection. */
export function timelineArticle(record: Record<string, unknown>): ChronologyArticle {
  const text = requireText(record);
  if (record.id === undefined || record.id === null) throw new Error('field "id" is missing');
  return { id: String(record.id), text, published: day(record.published, 'field "published"') };
}

function positive(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number ≥ 1`);
  return n;
}

export const command: Command = {
  usage:
    'sitrep timeline --input FILE.jsonl [--dates N] [--sentences K] [--from YYYY-MM-DD] [--to YYYY-MM-DD] --json' +
    '   (lines {"id","text","published":"YYYY-MM-DD"})',
  async run(argv, ctx) {
    const args = parseArgs(argv, {
      booleans: ['json'],
      values: ['input', 'dates', 'sentences', 'from', 'to'],
    });
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    if (!args.booleans.has('json')) throw new UsageError('sitrep timeline needs --json');
    const input = args.values.get('input');
    if (!input) throw new UsageError('sitrep timeline needs --input FILE.jsonl');
    const dates = positive(args.values.get('dates'), 'dates', 10);
    const sentences = positive(args.values.get('sentences'), 'sentences', 1);
    const range = (name: 'from' | 'to'): string | null => {
      const v = args.values.get(name);
      if (v === undefined) return null;
      try {
        return day(v, `--${name}`);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    };
    const from = range('from');
    const to = range('to');
    const stream = createReadStream(input);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    const rows = await readJsonlRecords(stream, timelineArticle, input);
    const articles = rows.flatMap((r) => ('value' in r ? [r.value] : []));
    const errors = rows.flatMap((r) => ('error' in r ? [{ id: r.id, error: r.error }] : []));
    for (const e of errors) ctx.stderr.write(`sitrep timeline: skipped ${JSON.stringify(e.id)}: ${e.error}\n`);
    const timeline = chronology(articles, { dates, sentences, from, to });
    ctx.stdout.write(`${stringifyLine({ timeline, ...(errors.length ? { errors } : {}) })}\n`);
    return 0;
  },
};
