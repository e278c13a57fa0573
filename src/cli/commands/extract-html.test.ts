import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runJsonl } from '../jsonl.js';
import { storyPage } from '../../ingest/html/testdata/page.js';
import { extractRecord } from './extract-html.js';

async function run(lines: string[]): Promise<Array<Record<string, unknown>>> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  await runJsonl(extractRecord, Readable.from(lines.map((l) => `${l}\n`)), out);
  return chunks
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('sitrep extract-html --jsonl', () => {
  it('writes one line per input, a bad record gives {id, error} and the run goes on', async () => {
    const out = await run([
      JSON.stringify({ id: 'a', html: storyPage(), url: 'https://www.ellerygazette.example/2024/03/12/breakwater' }),
      JSON.stringify({ id: 'b', url: 'https://x.example/' }),
      '{"id": "c", "html": ',
      JSON.stringify({ id: 7, html: '<p>tiny</p>' }),
    ]);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({
      id: 'a',
      title: 'Breakwater to stay shut for weeks after storm damage',
      published: '2024-03-12',
      authors: ['Jonas Whitlow'],
      outlet: 'Ellery Gazette',
    });
    expect(Object.keys(out[0]!).sort()).toEqual(['authors', 'id', 'outlet', 'published', 'text', 'title']);
    expect(String(out[0]!.text).split('\n\n')).toHaveLength(5);
    expect(out[1]).toEqual({ id: 'b', error: 'field "html" must be a string' });
    expect(out[2]).toMatchObject({ id: 'c' });
    expect(out[2]!.error).toBeTruthy();
    expect(out[3]).toMatchObject({ id: 7 });
    expect(out[3]!.error).toBeUndefined();
  });
});
