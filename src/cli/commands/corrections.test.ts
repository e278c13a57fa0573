import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCorrection, allCorrections, openDb } from '../../store/index.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'corrections', ...args], { encoding: 'utf8' });

describe('sitrep corrections', () => {
  it('lists no corrections, and exits 0, for a SQLite store not made yet (as it always has)', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'sitrep-corrections-')), 'new.db');
    const listed = run('--db', db);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toBe('');
  });

  it('writes the actor corrections as an alias file and imports one as corrections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-corrections-'));
    const db = join(dir, 'c.db');
    const store = openDb(db);
    addCorrection(store, {
      kind: 'actor.rename',
      target: 'ent_x',
      payload: { name: 'Lake Authority', keys: ['org:lake board'] },
    });
    addCorrection(store, { kind: 'event.wrong', target: 'evt_x', payload: { evidence: [] } });
    store.close();
    const out = run('--db', db, '--aliases-out', '-');
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ merge: [], split: [], rename: { 'org:lake board': 'Lake Authority' } });

    const file = join(dir, 'aliases.json');
    writeFileSync(
      file,
      JSON.stringify({ merge: [{ name: 'Water Board', aliases: ['the board', 'org:water board'] }] }),
    );
    const imported = run('--db', db, '--import-aliases', file);
    expect(imported.status, imported.stderr).toBe(0);
    const again = openDb(db);
    expect(allCorrections(again).map((c) => c.kind)).toEqual(['actor.rename', 'event.wrong', 'actor.merge']);
    again.close();
    const listed = run('--db', db).stdout.trim().split('\n');
    expect(listed).toHaveLength(3);
  });

  it('takes the store from SITREP_DB (an unreachable PostgreSQL one: an error, and no ./sitrep.db made)', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sitrep-corrections-'));
    const out = spawnSync(process.execPath, [CLI, 'corrections'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, SITREP_DB: 'postgres://nobody@127.0.0.1:1/none' },
    });
    expect(out.status).not.toBe(0);
    expect(out.stderr).toMatch(/cannot open database postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
    expect(existsSync(join(cwd, 'sitrep.db'))).toBe(false);
  });
});
