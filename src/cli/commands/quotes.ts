import type { Command } from '../commands.js';
import { parseArgs, UsageError } from '../args.js';
import { requireText, runJsonl } from '../jsonl.js';
import type { NerTagger } from '../../language/index.js';
import { loadTagger } from '../../language/ner/index.js';
import { createDoc, textArticle } from '../../model/index.js';
import { runStages, stagesFor } from '../../analyze/stages.js';

/**
 * The stages a text goes through: what the quotes layer needs (tokenize, entities, quotes). The time
 * stage is not among them: the contract prints no dates.
 */
const STAGES = stagesFor(['quotes']);

/** One record of `sitrep quotes --jsonl`. */
export function quotesOf(text: string, tagger: NerTagger | undefined): Record<string, unknown>[] {
  const doc = createDoc('jsonl', textArticle(text, 'jsonl'));
  runStages(doc, STAGES, { tagger: () => tagger });
  return doc.quotes.map((q) => ({
    start: q.start,
    end: q.end,
    text: q.text,
    direct: q.direct,
    cue: q.cue ? { start: q.cue.start, end: q.cue.end, text: q.cue.text } : null,
    speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text } : null,
    speakerName: q.speakerName,
    ...(q.parts ? { parts: q.parts.map((p) => ({ start: p.start, end: p.end, text: p.text })) } : {}),
    ...(q.addressee ? { addressee: { start: q.addressee.start, end: q.addressee.end, text: q.addressee.text } } : {}),
  }));
}

export const command: Command = {
  usage: 'sitrep quotes --jsonl [--model PATH] < input.jsonl   (lines {"id","text"} → {"id","quotes":[…]})',
  stages: STAGES.map((s) => s.name).join(' → '),
  async run(argv, ctx) {
    const args = parseArgs(argv, { values: ['model'], booleans: ['jsonl'] });
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    if (!args.booleans.has('jsonl')) throw new UsageError('sitrep quotes needs --jsonl');
    const tagger = loadTagger(args.values.get('model'));
    await runJsonl((record) => ({ quotes: quotesOf(requireText(record), tagger) }), ctx.stdin, ctx.stdout);
    return 0;
  },
};
