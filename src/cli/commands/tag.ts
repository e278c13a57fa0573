import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from '../commands.js';
import { parseArgs, UsageError } from '../args.js';
import { loadTagger, isDocStart, lineToken } from '../../language/ner/index.js';
import type { NerTagger } from '../../language/tagger.js';

/** Documents without -DOCSTART- separators are tagged in chunks of this many sentences. */
const MAX_SENTENCES_PER_CHUNK = 2000;

/**
 * `sitrep tag --format conll`: CoNLL lines in (`token [POS chunk …]`, blank line between sentences,
 * `-DOCSTART-` between documents), the same lines out with the predicted IOB2 tag appended as one more
 * column. Streams one document at a time.
 */
export async function tagConll(tagger: NerTagger, input: Readable, output: Writable): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lines: string[] = [];
  let sentences = 0;
  let inSentence = false;
  const write = async (text: string): Promise<void> => {
    if (text && !output.write(text)) await new Promise((r) => output.once('drain', r));
  };
  const flush = async (): Promise<void> => {
    if (lines.length === 0) return;
    await write(tagLines(tagger, lines));
    lines = [];
    sentences = 0;
    inSentence = false;
  };
  for await (const line of rl) {
    if (isDocStart(line)) {
      await flush();
      await write(`${line}\n`);
      continue;
    }
    const blank = line.trim() === '';
    if (blank && inSentence) {
      inSentence = false;
      if (++sentences >= MAX_SENTENCES_PER_CHUNK) {
        lines.push(line);
        await flush();
        continue;
      }
    } else if (!blank) inSentence = true;
    lines.push(line);
  }
  await flush();
}

/** Tag the lines of one document (no -DOCSTART- lines); returns them with the tag column, newline-terminated. */
export function tagLines(tagger: NerTagger, lines: readonly string[]): string {
  const sentences: string[][] = [];
  let cur: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (cur.length) sentences.push(cur);
      cur = [];
    } else cur.push(lineToken(line.trimStart()));
  }
  if (cur.length) sentences.push(cur);
  const tags = tagger.tagSentences(sentences);
  let s = 0;
  let i = 0;
  let out = '';
  for (const line of lines) {
    if (line.trim() === '') {
      if (i > 0) {
        s++;
        i = 0;
      }
      out += `${line}\n`;
      continue;
    }
    const body = line.replace(/\s+$/, '');
    out += `${body + (body.includes('\t') ? '\t' : ' ') + tags[s]![i++]}\n`;
  }
  return out;
}

export const command: Command = {
  usage: 'sitrep tag --format conll [--model PATH] < input.conll > output.conll',
  stages: 'none of the article stages: the NER model alone tags the given tokens and sentences',
  async run(argv, ctx) {
    const args = parseArgs(argv, { values: ['format', 'model'] });
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const format = args.values.get('format') ?? 'conll';
    if (format !== 'conll') throw new UsageError(`unsupported --format "${format}" (supported: conll)`);
    const tagger = loadTagger(args.values.get('model'));
    await tagConll(tagger, ctx.stdin, ctx.stdout);
    return 0;
  },
};
