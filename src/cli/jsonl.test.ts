import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../model/index.js';
import { requireText, runJsonl } from './jsonl.js';

async function run(input: Buffer): Promise<Array<Record<string, unknown>>> {
  const out: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      out.push(String(chunk));
      done();
    },
  });
  await runJsonl((r) => ({ length: requireText(r).length }), Readable.from([input]), sink);
  return out
    .join('')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('runJsonl', () => {
  it('reports invalid UTF-8 on its line, echoing the id, and answers every line once', async () => {
    const input = Buffer.concat([
      Buffer.from('{"id":"a","text":"fine"}\n{"id":"b","text":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\r\n{"id":"c","text":"also fine"}\r\n\n'),
    ]);
    expect(await run(input)).toEqual([
      { id: 'a', length: 4 },
      { id: 'b', error: 'stdin:2: not valid UTF-8 (first bad byte at column 22)' },
      { id: 'c', length: 9 },
      { id: null, error: expect.stringMatching(/JSON/) },
    ]);
  });

  it('refuses a text over the record limit with a clear error, and goes on', async () => {
    const long = JSON.stringify({ id: 'big', text: 'word '.repeat(LIMITS.recordTextChars / 5 + 1) });
    const out = await run(Buffer.from(`${long}\n{"id":"small","text":"ok"}\n`));
    expect(out).toEqual([
      { id: 'big', error: expect.stringMatching(/^field "text" has 400005 characters, over the limit of 400000/) },
      { id: 'small', length: 2 },
    ]);
  });
});
