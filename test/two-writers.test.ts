import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain-JS bench helper shared with the benchmark
import { writeSyntheticDump } from '../bench/synthetic.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');

function analyze(dump: string, db: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'analyze', dump, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('two analyze processes on one store', () => {
  it('both finish: the second waits for the write lock instead of failing with "database is locked"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-two-'));
    const dumps = [11, 12].map((seed) => {
      const path = join(dir, `in-${seed}.txt`);
      const fd = openSync(path, 'w');
      writeSyntheticDump(80, (s: string) => writeSync(fd, s), { seed, median: 200 });
      closeSync(fd);
      return path;
    });
    const db = join(dir, 'shared.db');
    const runs = await Promise.all(dumps.map((d) => analyze(d, db)));
    for (const r of runs) {
      expect(r.stderr).not.toMatch(/locked/);
      expect(r.code, r.stderr).toBe(0);
    }
    const store = new Database(db, { readonly: true });
    expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.prepare('SELECT COUNT(*) FROM articles').pluck().get()).toBe(160);
    // The derived tables come from a resolve that saw all 160 articles (the later one is kept).
    expect(Number(store.prepare("SELECT value FROM meta WHERE key = 'resolved_seq'").pluck().get())).toBe(160);
    store.close();
  });
});
