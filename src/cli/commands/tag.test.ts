import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { trainTagger } from '../../language/ner/train.js';
import { serializeModel } from '../../language/ner/model-file.js';
import { TINY_CORPUS } from '../../language/ner/fixtures.test-data.js';
import { UsageError } from '../args.js';
import { command, tagConll } from './tag.js';

const model = trainTagger(TINY_CORPUS, { bits: 14, epochs: 10, folds: 2 });
const dir = mkdtempSync(join(tmpdir(), 'sitrep-tag-'));
const modelPath = join(dir, 'tiny.bin');
writeFileSync(modelPath, serializeModel(model));

const INPUT = [
  '-DOCSTART- -X- -X- O',
  '',
  'Teodor NNP B-NP',
  'Vance NNP I-NP',
  'flew VBD B-VP',
  'to TO B-PP',
  'Lisbon NNP B-NP',
  '. . O',
  '',
  'the DT B-NP',
  'talks NNS I-NP',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'Quillmark\tNNP',
  'Holdings\tNNP',
  'denied',
  '',
].join('\n');

async function run(argv: string[], input: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await command.run(argv, {
    stdin: Readable.from([input]) as never,
    stdout: stdout as never,
    stderr: stderr as never,
  });
  return { code, out, err };
}

describe('sitrep tag --format conll', () => {
  it('appends one IOB2 column per token line, keeps line count, passes -DOCSTART- and blank lines through', async () => {
    const { code, out } = await run(['--format', 'conll', '--model', modelPath], INPUT);
    expect(code).toBe(0);
    const inLines = INPUT.split('\n');
    const outLines = out.replace(/\n$/, '').split('\n');
    expect(outLines.length).toBe(inLines.length - 1); // INPUT ends with a newline
    inLines.slice(0, -1).forEach((line, i) => {
      const o = outLines[i]!;
      if (line.startsWith('-DOCSTART-') || line === '') expect(o).toBe(line);
      else {
        expect(o.startsWith(line)).toBe(true);
        expect(o.slice(line.length)).toMatch(/^[ \t](O|[BI]-(PER|LOC|ORG|MISC))$/);
      }
    });
    expect(outLines.slice(2, 8)).toEqual([
      'Teodor NNP B-NP B-PER',
      'Vance NNP I-NP I-PER',
      'flew VBD B-VP O',
      'to TO B-PP O',
      'Lisbon NNP B-NP B-LOC',
      '. . O O',
    ]);
    expect(outLines[14]).toBe('Quillmark\tNNP\tB-ORG');
  });

  it('handles input without a trailing newline, CRLF and without -DOCSTART-', async () => {
    const { out } = await run(['--model', modelPath], 'Marta\r\nOkonkwo\r\n\r\nsaid');
    expect(out.split('\n').slice(0, -1)).toEqual(['Marta B-PER', 'Okonkwo I-PER', '', 'said O']);
  });

  it('streams: the first document is written before the input ends', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    const done = tagConll(model, stdin, stdout);
    stdin.write('-DOCSTART- -X- -X- O\n\nVance NNP\n\n-DOCSTART- -X- -X- O\n');
    await new Promise((r) => setTimeout(r, 50));
    expect(out).toBe('-DOCSTART- -X- -X- O\n\nVance NNP B-PER\n\n-DOCSTART- -X- -X- O\n');
    stdin.end('Lisbon NNP\n');
    await done;
    expect(out.endsWith('Lisbon NNP B-LOC\n')).toBe(true);
  });

  it('rejects unsupported formats and stray arguments as usage errors', async () => {
    await expect(run(['--format', 'json'], '')).rejects.toBeInstanceOf(UsageError);
    await expect(run(['extra'], '')).rejects.toBeInstanceOf(UsageError);
  });
});
