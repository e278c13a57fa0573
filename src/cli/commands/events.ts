import type { Command } from '../commands.js';
import { parseArgs, UsageError } from '../args.js';
import { requireText, runJsonl } from '../jsonl.js';
import type { NerTagger } from '../../language/index.js';
import { loadTagger } from '../../language/ner/index.js';
import { runStages, stagesFor } from '../../analyze/stages.js';
import { createDoc, type Doc, type EventActor, type EventMention } from '../../model/index.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function actorOut(a: EventActor): Record<string, unknown> {
  return { start: a.start, end: a.end, text: a.text, name: a.name, code: a.code };
}

/** One event in the `sitrep events --jsonl` contract. */
export function eventOut(e: EventMention): Record<string, unknown> {
  return {
    type: e.type,
    mode: e.mode,
    source: e.source.map(actorOut),
    target: e.target.map(actorOut),
    date: e.date?.value ?? null,
    location: e.location
      ? { start: e.location.start, end: e.location.end, text: e.location.text, name: e.location.name }
      : null,
    trigger: { start: e.trigger.start, end: e.trigger.end, text: e.trigger.text },
    negated: e.negated,
    hypothetical: e.hypothetical,
    attributes: e.attributes,
  };
}

/** Build a Doc for one JSONL record: the text is the body; `date` (or `dct`) is the document date. */
export function recordDoc(record: Record<string, unknown>): Doc {
  const text = requireText(record);
  const date = record.date ?? record.dct;
  if (date !== undefined && date !== null && (typeof date !== 'string' || !DATE.test(date)))
    throw new Error('field "date" must be YYYY-MM-DD');
  return createDoc(String(record.id ?? ''), {
    title: '',
    url: null,
    outlet: null,
    text,
    captions: [],
    origin: String(record.id ?? 'stdin'),
    warnings: [],
    dateEvidence:
      typeof date === 'string'
        ? [{ value: date, precision: 'day', from: 'metadata', kind: 'published', evidence: 'input record' }]
        : [],
    published: typeof date === 'string' ? { value: date, precision: 'day', from: 'metadata' } : null,
  });
}

/** The stages a record goes through: what the events layer needs (tokenize, entities, time, events). */
const STAGES = stagesFor(['events']);

/** One record of `sitrep events --jsonl`. */
export function eventsRecord(record: Record<string, unknown>, tagger: NerTagger | undefined): Record<string, unknown> {
  const doc = runStages(recordDoc(record), STAGES, { tagger: () => tagger });
  return { events: doc.events.map(eventOut) };
}

export const command: Command = {
  usage: 'sitrep events --jsonl < records.jsonl   (lines {"id","text","date":"YYYY-MM-DD"})',
  stages: STAGES.map((s) => s.name).join(' → '),
  async run(argv, ctx) {
    const args = parseArgs(argv, { booleans: ['jsonl'] });
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    if (!args.booleans.has('jsonl')) throw new UsageError('sitrep events needs --jsonl');
    const tagger = loadTagger();
    await runJsonl((record) => eventsRecord(record, tagger), ctx.stdin, ctx.stdout);
    return 0;
  },
};
