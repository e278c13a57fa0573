import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');
let db: string;
let dir: string;

/** The CLI in a child process, awaited without blocking the test worker (a blocked worker misses its heartbeats). */
function sitrep(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-brief-'));
  db = join(dir, 'brief.db');
  expect((await sitrep('analyze', join(ROOT, 'test/fixtures/stories/summit.txt'), '--db', db)).status).toBe(0);
}, 120_000);

describe('sitrep brief', () => {
  it('prints the brief as JSON and as Markdown, every sentence cited', async () => {
    const json = await sitrep('brief', '--db', db, '--json');
    expect(json.status).toBe(0);
    const b = JSON.parse(json.stdout) as {
      stories: Array<{ id: string; developments: Array<{ sentences: Array<{ cite: number }> }> }>;
      citations: Array<{ n: number }>;
    };
    expect(b.stories).toHaveLength(2);
    const cited = b.stories.flatMap((s) => s.developments.flatMap((d) => d.sentences.map((x) => x.cite)));
    for (const n of cited) expect(b.citations.some((c) => c.n === n)).toBe(true);
    const md = await sitrep('brief', '--db', db, '--md', '--story', b.stories[0]!.id);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Situation report/);
    expect(md.stdout).toMatch(/### In conflict/);
    for (const line of md.stdout.split('\n').filter((l) => l.startsWith('- **'))) expect(line).toMatch(/\[\d+\]$/);
  });

  it('--format md is --md; --format html is a standalone document with the same citations', async () => {
    const md = await sitrep('brief', '--db', db, '--md');
    expect((await sitrep('brief', '--db', db, '--format', 'md')).stdout).toBe(md.stdout);
    const html = await sitrep('brief', '--db', db, '--format', 'html');
    expect(html.status).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html.stdout).toContain('@media print');
    expect(html.stdout).not.toMatch(/<script/i);
    const json = JSON.parse((await sitrep('brief', '--db', db, '--json')).stdout) as {
      citations: Array<{ n: number }>;
    };
    for (const c of json.citations) {
      expect(html.stdout).toContain(`href="#cite-${c.n}"`);
      expect(html.stdout).toContain(`<li id="cite-${c.n}"`);
    }
    const out = join(dir, 'brief.html');
    const written = await sitrep('brief', '--db', db, '--format', 'html', '--out', out);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(html.stdout);
  });

  it('--format pdf --out prints the brief to a PDF through Chromium', async () => {
    const out = join(dir, 'brief.pdf');
    const r = await sitrep('brief', '--db', db, '--format', 'pdf', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('--since marks the sentences reported on or after the day', async () => {
    type J = {
      since?: string;
      stories: Array<{
        developments: Array<{ sentences: Array<{ cite: number; new?: boolean }> }>;
        conflicts: Array<{ sides: Array<{ cite: number; new?: boolean }> }>;
      }>;
      citations: Array<{ n: number; articleId: string }>;
    };
    const sentences = (b: J) =>
      b.stories.flatMap((s) => [...s.developments.flatMap((d) => d.sentences), ...s.conflicts.flatMap((c) => c.sides)]);
    const plain = JSON.parse((await sitrep('brief', '--db', db, '--json')).stdout) as J;
    expect('since' in plain).toBe(false);
    for (const x of sentences(plain)) expect('new' in x).toBe(false);
    const all = JSON.parse((await sitrep('brief', '--db', db, '--json', '--since', '2000-01-01')).stdout) as J;
    expect(all.since).toBe('2000-01-01');
    for (const x of sentences(all)) expect(x.new).toBe(true);
    const none = JSON.parse((await sitrep('brief', '--db', db, '--json', '--since', '2100-01-01')).stdout) as J;
    for (const x of sentences(none)) expect(x.new).toBe(false);
    // The fixture's reports are spread over days: a day in between marks some sentences new, not all.
    const days = sentences(plain).length;
    const mid = JSON.parse((await sitrep('brief', '--db', db, '--json', '--since', '2031-05-05')).stdout) as J;
    const marked = sentences(mid).filter((x) => x.new).length;
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(days);
    const md = await sitrep('brief', '--db', db, '--md', '--since', '2031-05-05');
    expect(md.stdout).toContain('### New since 2031-05-05');
    expect((await sitrep('brief', '--db', db, '--format', 'html', '--since', '2031-05-05')).stdout).toContain(
      '<h3>New since 2031-05-05</h3>',
    );
  });

  it('refuses bad arguments with a usage error', async () => {
    expect((await sitrep('brief', '--db', db, '--format', 'docx')).status).toBe(2);
    expect((await sitrep('brief', '--db', db, '--format', 'pdf')).status).toBe(2);
    expect((await sitrep('brief', '--db', db, '--format', 'html', '--json')).status).toBe(2);
    expect((await sitrep('brief', '--db', db, '--json', '--since', 'yesterday')).status).toBe(2);
    expect((await sitrep('brief', '--db', db, '--json', '--since', '2031-02-30')).status).toBe(2);
    expect((await sitrep('brief', '--db', db)).status).toBe(2);
    expect((await sitrep('brief', '--db', db, '--json', '--from', 'May')).status).toBe(2);
    expect((await sitrep('brief', '--db', db, '--json', '--story', 'a', '--query', 'b')).status).toBe(2);
    expect((await sitrep('brief', '--db', db, '--json', '--story', 'nope')).status).toBe(1);
  });
});
