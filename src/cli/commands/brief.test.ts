import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');
let db: string;

function sitrep(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'sitrep-brief-')), 'brief.db');
  expect(sitrep('analyze', join(ROOT, 'test/fixtures/stories/summit.txt'), '--db', db).status).toBe(0);
}, 120_000);

describe('sitrep brief', () => {
  it('prints the brief as JSON and as Markdown, every sentence cited', () => {
    const json = sitrep('brief', '--db', db, '--json');
    expect(json.status).toBe(0);
    const b = JSON.parse(json.stdout) as {
      stories: Array<{ id: string; developments: Array<{ sentences: Array<{ cite: number }> }> }>;
      citations: Array<{ n: number }>;
    };
    expect(b.stories).toHaveLength(2);
    const cited = b.stories.flatMap((s) => s.developments.flatMap((d) => d.sentences.map((x) => x.cite)));
    for (const n of cited) expect(b.citations.some((c) => c.n === n)).toBe(true);
    const md = sitrep('brief', '--db', db, '--md', '--story', b.stories[0]!.id);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Situation report/);
    expect(md.stdout).toMatch(/### In conflict/);
    for (const line of md.stdout.split('\n').filter((l) => l.startsWith('- **'))) expect(line).toMatch(/\[\d+\]$/);
  });

  it('refuses bad arguments with a usage error', () => {
    expect(sitrep('brief', '--db', db).status).toBe(2);
    expect(sitrep('brief', '--db', db, '--json', '--from', 'May').status).toBe(2);
    expect(sitrep('brief', '--db', db, '--json', '--story', 'a', '--query', 'b').status).toBe(2);
    expect(sitrep('brief', '--db', db, '--json', '--story', 'nope').status).toBe(1);
  });
});
