import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timexRecord } from './timex.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');

describe('sitrep timex --jsonl', () => {
  it('resolves against "dct" or "date", with offsets into the text', () => {
    const text = 'The envoy arrived on Friday and will leave next week.';
    const r = timexRecord({ id: 'a', text, dct: '2023-09-13' }) as {
      timexes: Array<{ start: number; end: number; text: string; type: string; value: string }>;
    };
    expect(r.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['Friday', 'DATE', '2023-09-08'],
      ['next week', 'DATE', '2023-W38'],
    ]);
    for (const t of r.timexes) expect(text.slice(t.start, t.end)).toBe(t.text);
    const viaDate = timexRecord({ id: 'b', text, date: '2023-09-13T10:30' }) as { timexes: unknown[] };
    expect(viaDate.timexes).toEqual(r.timexes);
  });
  it('rejects a malformed dct clearly', () => {
    expect(() => timexRecord({ id: 'c', text: 'x', dct: '13/09/2023' })).toThrow(/YYYY-MM-DD/);
    expect(() => timexRecord({ id: 'c', text: 'x', dct: '2023-02-30' })).toThrow(/bad dct/);
  });
  it('writes one line per input line, echoing ids, and goes on after a bad record', () => {
    const input = `${[
      JSON.stringify({ id: 1, text: 'It rained yesterday.', dct: '2023-09-13' }),
      '{broken',
      JSON.stringify({ id: 3, text: 'No dates here.' }),
    ].join('\n')}\n`;
    const r = spawnSync(process.execPath, [CLI, 'timex', '--jsonl'], { cwd: ROOT, input, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      id: 1,
      timexes: [{ start: 10, end: 19, text: 'yesterday', type: 'DATE', value: '2023-09-12' }],
    });
    expect(lines[1]!.error).toBeTruthy();
    expect(lines[2]).toEqual({ id: 3, timexes: [] });
  });
});
