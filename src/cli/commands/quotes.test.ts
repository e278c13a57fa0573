import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../args.js';
import { command } from './quotes.js';

async function run(lines: string[]): Promise<Record<string, any>[]> {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const code = await command.run(['--jsonl'], {
    stdin: Readable.from(lines.map((l) => `${l}\n`)),
    stdout,
    stderr: new PassThrough(),
  });
  expect(code).toBe(0);
  return chunks
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);
}

describe('sitrep quotes --jsonl', () => {
  it('writes one line per input line with the quote contract, and an error line for bad records', async () => {
    const text =
      'Prime Minister Sofia Renner visited the harbour on Monday. “We will not be intimidated,” she told reporters.\n\n' +
      'The minister said the ferries would run again on Saturday.';
    const out = await run([
      JSON.stringify({ id: 'q1', text }),
      'not json',
      JSON.stringify({ id: 'q3', text: 7 }),
      JSON.stringify({ id: 'q4', text: 'No one spoke.' }),
    ]);
    expect(out.map((o) => o.id)).toEqual(['q1', null, 'q3', 'q4']);
    expect(out[1]!.error).toBeTruthy();
    expect(out[2]!.error).toMatch(/text/);
    expect(out[3]!.quotes).toEqual([]);
    const [direct, reported] = out[0]!.quotes;
    // `addressee` (and `parts` for an interrupted quote) are written only when the text gives them.
    expect(Object.keys(direct).sort()).toEqual([
      'addressee',
      'cue',
      'direct',
      'end',
      'speaker',
      'speakerName',
      'start',
      'text',
    ]);
    expect(direct.addressee.text).toBe('reporters');
    expect(Object.keys(reported)).not.toContain('addressee');
    expect(direct).toMatchObject({ text: '“We will not be intimidated,”', direct: true, speakerName: 'Sofia Renner' });
    expect(direct.speaker).toEqual({ start: text.indexOf('she told'), end: text.indexOf('she told') + 3, text: 'she' });
    expect(direct.cue.text).toBe('told');
    expect(text.slice(direct.start, direct.end)).toBe(direct.text);
    expect(reported).toMatchObject({ text: 'the ferries would run again on Saturday', direct: false });
    expect(reported.speaker.text).toBe('The minister');
  });

  it('refuses to run without --jsonl', async () => {
    await expect(
      command.run([], { stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough() }),
    ).rejects.toBeInstanceOf(UsageError);
  });
});
