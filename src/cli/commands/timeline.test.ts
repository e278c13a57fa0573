import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');

// A collection written for this test: a dam repair announced, started and finished.
const LINES = [
  {
    id: 'd1',
    published: '2031-06-01',
    text: 'The water board said on Monday that repairs to the old dam will begin next week.',
  },
  {
    id: 'd2',
    published: '2031-06-09',
    text: 'Repairs to the old dam began on Monday, the water board said, and the lake will be lowered.',
  },
  {
    id: 'd3',
    published: '2031-06-10',
    text: 'Crews lowered the lake behind the old dam after repairs began on June 8.',
  },
  {
    id: 'd4',
    published: '2031-07-02',
    text: 'The water board said repairs to the old dam, begun on June 8, were finished on Tuesday.',
  },
];

function timeline(lines: string[], ...flags: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-timeline-'));
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const r = spawnSync(process.execPath, [CLI, 'timeline', '--input', file, ...flags], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sitrep timeline --json', () => {
  it('prints the timeline as one JSON object: dates, sentences, citations; bad lines reported', () => {
    const r = timeline(
      [
        JSON.stringify(LINES[0]),
        '{broken',
        ...LINES.slice(1).map((l) => JSON.stringify(l)),
        JSON.stringify({ id: 'x', text: 'No date.' }),
      ],
      '--dates',
      '2',
      '--sentences',
      '1',
      '--json',
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      timeline: { date: string; sentences: string[]; citations: { id: string; start: number; end: number }[] }[];
      errors: { id: unknown; error: string }[];
    };
    expect(out.timeline).toHaveLength(2);
    expect(out.timeline.map((e) => e.date)).toContain('2031-06-08');
    for (const e of out.timeline) {
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.sentences).toHaveLength(1);
      const c = e.citations[0]!;
      const source = LINES.find((l) => l.id === c.id)!;
      expect(source.text.slice(c.start, c.end)).toBe(e.sentences[0]);
    }
    expect(out.errors.map((e) => e.id)).toEqual([null, 'x']);
    expect(out.errors[1]!.error).toMatch(/published/);
    expect(r.stderr).toMatch(/skipped/);
  });

  it('keeps to --from/--to, and refuses bad usage with exit code 2', () => {
    const r = timeline(
      LINES.map((l) => JSON.stringify(l)),
      '--dates',
      '3',
      '--from',
      '2031-06-20',
      '--to',
      '2031-07-31',
      '--json',
    );
    const out = JSON.parse(r.stdout) as { timeline: { date: string }[] };
    for (const e of out.timeline) expect(e.date >= '2031-06-20' && e.date <= '2031-07-31').toBe(true);
    expect(
      timeline(
        LINES.map((l) => JSON.stringify(l)),
        '--dates',
        'many',
        '--json',
      ).status,
    ).toBe(2);
    expect(
      timeline(
        LINES.map((l) => JSON.stringify(l)),
        '--from',
        'June',
        '--json',
      ).status,
    ).toBe(2);
    expect(timeline(LINES.map((l) => JSON.stringify(l))).status).toBe(2);
  });
});
