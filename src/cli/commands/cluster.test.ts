import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedDay } from './cluster.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');

// Articles written for this test: two reports of one harbour fire, one of a school opening.
const LINES = [
  {
    id: 'f1',
    title: 'Fire at the harbour warehouse',
    text: 'A fire destroyed a harbour warehouse in Portmere on Friday night. Firefighters fought the blaze for six hours.',
    published: '2031-02-07',
  },
  {
    id: 's1',
    title: 'New school opens',
    text: 'A new primary school opened in Eastvale with two hundred pupils and a library.',
    published: '2031-02-09',
  },
  {
    id: 'f2',
    text: 'Firefighters spent six hours on the blaze that destroyed a Portmere harbour warehouse on Friday night.',
    published: '2031-02-08T09:30:00Z',
  },
];

function run(input: string): { status: number | null; lines: Record<string, unknown>[] } {
  const r = spawnSync(process.execPath, [CLI, 'cluster', '--jsonl'], { input, encoding: 'utf8' });
  return {
    status: r.status,
    lines: r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('sitrep cluster --jsonl', () => {
  it('writes one line per input line, echoing ids, with {id, error} for a bad record', () => {
    const input = `${[
      JSON.stringify(LINES[0]),
      '{broken',
      JSON.stringify(LINES[1]),
      JSON.stringify({ id: 'bad-date', text: 'Some text.', published: 'last week' }),
      JSON.stringify(LINES[2]),
      JSON.stringify({ id: 'no-text' }),
    ].join('\n')}\n`;
    const { status, lines } = run(input);
    expect(status).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['f1', null, 's1', 'bad-date', 'f2', 'no-text']);
    expect(lines[1]!.error).toBeTruthy();
    expect(lines[3]!.error).toMatch(/published/);
    expect(lines[5]!.error).toMatch(/text/);
    expect(lines[0]!.cluster).toBe(lines[4]!.cluster);
    expect(lines[2]!.cluster).not.toBe(lines[0]!.cluster);
    expect(typeof lines[0]!.cluster).toBe('string');
  });

  it('assigns the same clusters whatever the order of the input', () => {
    const forward = run(`${LINES.map((l) => JSON.stringify(l)).join('\n')}\n`).lines;
    const backward = run(
      `${[...LINES]
        .reverse()
        .map((l) => JSON.stringify(l))
        .join('\n')}\n`,
    ).lines;
    const byId = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((r) => [r.id, r.cluster]));
    expect(byId(backward)).toEqual(byId(forward));
  });

  it('reads a publication day or timestamp, and refuses anything else', () => {
    expect(publishedDay({ published: '2031-02-08' })).toBe('2031-02-08');
    expect(publishedDay({ published: '2031-02-08T09:30:00+01:00' })).toBe('2031-02-08');
    expect(publishedDay({})).toBeNull();
    expect(() => publishedDay({ published: '08/02/2031' })).toThrow(/YYYY-MM-DD/);
  });
});
