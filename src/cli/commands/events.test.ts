import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../args.js';
import { command } from './events.js';

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

describe('sitrep events --jsonl', () => {
  it('writes one line per input line with the event contract, and an error line for bad records', async () => {
    const out = await run([
      JSON.stringify({
        id: 'r1',
        text: 'Germany imposed sanctions on Iran on Friday. Russia on Tuesday denied supplying weapons to the rebels.',
        date: '2026-03-13',
      }),
      'not json',
      JSON.stringify({ id: 'r3', text: 42 }),
      JSON.stringify({ id: 'r4', text: 'Nothing happened here.', dct: '2026-01-01' }),
    ]);
    expect(out.map((o) => o.id)).toEqual(['r1', null, 'r3', 'r4']);
    expect(out[1]!.error).toBeTruthy();
    expect(out[2]!.error).toMatch(/text/);
    expect(out[3]!.events).toEqual([]);
    const [sanction, aid] = out[0]!.events;
    expect(sanction.type).toBe('SANCTION');
    expect(sanction.source[0]).toMatchObject({ text: 'Germany', name: 'Germany', code: 'DEU' });
    expect(sanction.target[0].text).toBe('Iran');
    expect(sanction.trigger.text).toBe('imposed sanctions');
    expect(sanction.date).toBe('2026-03-13');
    expect(Object.keys(sanction).sort()).toEqual([
      'attributes',
      'date',
      'hypothetical',
      'location',
      'mode',
      'negated',
      'source',
      'target',
      'trigger',
      'type',
    ]);
    expect(aid).toMatchObject({ type: 'AID', negated: true, hypothetical: false, date: '2026-03-10' });
  });

  it('refuses to run without --jsonl', async () => {
    await expect(
      command.run([], { stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough() }),
    ).rejects.toBeInstanceOf(UsageError);
  });
});
