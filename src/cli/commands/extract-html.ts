import type { Command } from '../commands.js';
import { parseArgs, UsageError } from '../args.js';
import { requireString, runJsonl } from '../jsonl.js';
import { extractHtml } from '../../ingest/index.js';
import { LIMITS } from '../../model/index.js';

/** Pages larger than this are refused (a record error), so one runaway input cannot stall the run. */
const MAX_HTML_CHARS = LIMITS.htmlRecordChars;

/** One `{id, html, url?}` record → `{title, text, published, authors, outlet}`. */
export function extractRecord(record: Record<string, unknown>): Record<string, unknown> {
  const html = requireString(record, 'html');
  if (html.length > MAX_HTML_CHARS)
    throw new Error(`html is too large (${html.length} characters; limit ${MAX_HTML_CHARS})`);
  const url = record.url === undefined || record.url === null ? null : requireString(record, 'url');
  const page = extractHtml(html, url);
  return { title: page.title, text: page.text, published: page.published, authors: page.authors, outlet: page.outlet };
}

export const command: Command = {
  usage:
    'sitrep extract-html --jsonl < pages.jsonl   # {"id","html","url"?} → {"id","title","text","published","authors","outlet"}',
  stages: 'none of the article stages: HTML decoding and main-text extraction only (ingest)',
  async run(argv, ctx) {
    const args = parseArgs(argv, { booleans: ['jsonl'] });
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    if (!args.booleans.has('jsonl')) throw new UsageError('extract-html needs --jsonl');
    await runJsonl(extractRecord, ctx.stdin, ctx.stdout);
    return 0;
  },
};
