import type { Command } from '../commands.js';
import { parseArgs, UsageError } from '../args.js';
import { runJsonl, requireText } from '../jsonl.js';
import { timexesOfText } from '../../time/index.js';
import { parsePartialDay } from '../../time/calendar.js';

/**
 * `sitrep timex --jsonl`: `{"id", "text", "dct"}` in (the date may also be named `date`, as in
 * `sitrep events`; `YYYY-MM-DD` or `YYYY-MM-DDThh:mm`, or absent/null when unknown), `{"id", "timexes":
 * [{"start", "end", "text", "type", "value"}]}` out, values resolved against the dct.
 */
export function timexRecord(record: Record<string, unknown>): Record<string, unknown> {
  const text = requireText(record);
  const raw = record.dct ?? record.date ?? null;
  if (raw !== null && typeof raw !== 'string')
    throw new Error('field "dct" must be a string "YYYY-MM-DD" or "YYYY-MM-DDThh:mm"');
  if (
    raw !== null &&
    (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$/.test(raw.trim()) ||
      !parsePartialDay(raw.trim().replace(' ', 'T')))
  ) {
    throw new Error(`bad dct "${raw}": expected "YYYY-MM-DD" or "YYYY-MM-DDThh:mm"`);
  }
  const dct = raw === null ? null : raw.trim().replace(' ', 'T');
  const timexes = timexesOfText(text, dct).map((t) => ({
    start: t.start,
    end: t.end,
    text: t.text,
    type: t.type,
    value: t.value,
  }));
  return { timexes };
}

export const command: Command = {
  usage: 'sitrep timex --jsonl < input.jsonl   (lines: {"id","text","dct":"YYYY-MM-DD"})',
  stages: "tokenize → time expressions resolved against the record's dct (not the time stage's own document dating)",
  async run(argv, ctx) {
    const args = parseArgs(argv, { booleans: ['jsonl'] });
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    if (!args.booleans.has('jsonl')) throw new UsageError('sitrep timex needs --jsonl');
    await runJsonl(timexRecord, ctx.stdin, ctx.stdout);
    return 0;
  },
};
