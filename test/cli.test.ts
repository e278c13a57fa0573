import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb } from '../src/store/index.js';
import { runCli } from './run-cli.js';
// @ts-expect-error plain-JS bench helper shared with the benchmark
import { writeSyntheticDump } from '../bench/synthetic.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');
const FIXTURE = join(ROOT, 'test/fixtures/small-dump.txt');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/export.schema.json'), 'utf8')) as object;

function sitrep(args: string[], input?: string, env: Record<string, string> = {}) {
  return runCli(args, { input, env });
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'sitrep-cli-'));

interface Export {
  articles: Array<{ id: string; text: string; title: string; captions: string[] }>;
  entities: Array<{ id: string; aliases: string[] }>;
  quotes: Array<{ articleId: string; start: number; end: number; text: string; speakerId: string | null }>;
  events: Array<{
    evidence: Array<{ articleId: string; start: number; end: number }>;
    sourceIds: string[];
    targetIds: string[];
  }>;
}

function checkExport(out: Export): void {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);
  expect(validate(out), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  // The loops below check every quote and event: they must have some to check.
  expect(out.quotes.length).toBeGreaterThan(0);
  expect(out.events.length).toBeGreaterThan(0);
  const texts = new Map(out.articles.map((a) => [a.id, a.text]));
  const entityIds = new Set(out.entities.map((e) => e.id));
  for (const q of out.quotes) {
    expect(texts.get(q.articleId)!.slice(q.start, q.end)).toBe(q.text);
    if (q.speakerId) expect(entityIds.has(q.speakerId)).toBe(true);
  }
  for (const e of out.events) {
    for (const ev of e.evidence) expect(ev.end).toBeLessThanOrEqual(texts.get(ev.articleId)!.length);
    for (const id of [...e.sourceIds, ...e.targetIds]) expect(entityIds.has(id)).toBe(true);
  }
}

describe('sitrep CLI', () => {
  it('analyzes a dump, writes a schema-valid export to stdout, and is idempotent', async () => {
    const db = join(tmp(), 's.db');
    const first = await sitrep(['analyze', FIXTURE, '--db', db, '--json', '-']);
    expect(first.code, first.stderr).toBe(0);
    const out = JSON.parse(first.stdout) as Export;
    expect(out.articles).toHaveLength(3);
    checkExport(out);
    expect(first.stderr).toMatch(/3 new/);
    const again = await sitrep(['analyze', FIXTURE, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 new, 3 already stored/);
    const exported = await sitrep(['export', '--db', db]);
    expect((JSON.parse(exported.stdout) as Export).articles).toHaveLength(3);
  });

  it('searches with ranked, tab-separated hits or JSON', async () => {
    const db = join(tmp(), 's.db');
    await sitrep(['analyze', FIXTURE, '--db', db]);
    const r = await sitrep(['search', 'reef', '--db', db]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    const cols = lines[0]!.split('\t');
    expect(cols).toHaveLength(5);
    expect(Number.isFinite(Number(cols[0]))).toBe(true);
    const j = JSON.parse((await sitrep(['search', 'reef', '--db', db, '--json'])).stdout) as { hits: unknown[] };
    expect(j.hits.length).toBe(lines.length);
  });

  it('uses exit code 2 for usage errors and 1 for failures, with one clear line', async () => {
    expect((await sitrep([])).code).toBe(2);
    expect((await sitrep(['frobnicate'])).code).toBe(2);
    expect((await sitrep(['analyze'])).code).toBe(2);
    expect((await sitrep(['analyze', FIXTURE, '--bogus'])).code).toBe(2);
    expect((await sitrep(['export', '--format', 'xml', '--db', join(tmp(), 'x.db')])).code).toBe(2);
    const missing = await sitrep(['analyze', join(tmp(), 'nope.txt'), '--db', join(tmp(), 'm.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
    const noDb = await sitrep(['export', '--db', join(tmp(), 'absent.db')]);
    expect(noDb.code).toBe(1);
    expect(noDb.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects empty and binary files clearly and stores nothing for them', async () => {
    const dir = tmp();
    const db = join(dir, 'bad.db');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'junk.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const r = await sitrep(['analyze', join(dir, 'empty.txt'), join(dir, 'junk.bin'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt: empty file/);
    expect(r.stderr).toMatch(/junk\.bin: binary file/);
    const d = new Database(db, { readonly: true });
    expect((d.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(0);
    d.close();
  });

  it('reads CRLF and Latin-1 (Windows-1252) dumps', async () => {
    const dir = tmp();
    const text = readFileSync(FIXTURE, 'utf8').replace('Ana Brel', 'Ana Brél').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from(text.replace(/[’“”—]/g, "'"), 'latin1'));
    const r = await sitrep(['analyze', join(dir, 'latin1.txt'), '--db', join(dir, 'l.db'), '--json', '-']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Export;
    expect(out.articles).toHaveLength(3);
    expect(out.articles.some((a) => a.text.includes('Ana Brél'))).toBe(true);
    expect(out.articles.every((a) => !a.text.includes('\r'))).toBe(true);
  });

  it('reads a UTF-16 dump without a byte-order mark', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'utf16.txt'), Buffer.from(readFileSync(FIXTURE, 'utf8'), 'utf16le'));
    const r = await sitrep(['analyze', join(dir, 'utf16.txt'), '--db', join(dir, 'u.db'), '--json', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Export).articles).toHaveLength(3);
  });

  it('streams a 50 MB dump with bounded memory (repeated articles are stored once)', async () => {
    const dir = tmp();
    const path = join(dir, 'big.txt');
    const unit = `${readFileSync(FIXTURE, 'utf8')}\n\n`;
    const fd = openSync(path, 'w');
    const chunk = unit.repeat(Math.ceil(1_000_000 / unit.length));
    for (let written = 0; written < 50_000_000; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    const r = await sitrep(['analyze', path, '--db', join(dir, 'big.db')], undefined, { SITREP_STATS: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/3 new/);
    // Streamed: ~300 MB peak here (model weights in two workers included); holding the file whole as a
    // buffer and a string would add at least 150 MB.
    const rssKb = Number(/maxRSS=(\d+)KB/.exec(r.stderr)?.[1]);
    expect(rssKb).toBeLessThan(420 * 1024);
  }, 300_000);

  it('survives SIGKILL mid-ingest: the store stays consistent and a rerun finishes without duplicates', async () => {
    const dir = tmp();
    const dump = join(dir, 'many.txt');
    const fd = openSync(dump, 'w');
    writeSyntheticDump(1500, (s: string) => writeSync(fd, s), { seed: 7, median: 300 });
    closeSync(fd);
    const db = join(dir, 'kill.db');
    const child = spawn(process.execPath, [CLI, 'analyze', dump, '--db', db], { cwd: ROOT, stdio: 'ignore' });
    const count = (): number => {
      try {
        const d = new Database(db, { readonly: true, fileMustExist: true });
        try {
          return (d.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
        } finally {
          d.close();
        }
      } catch {
        return 0;
      }
    };
    const deadline = Date.now() + 60_000;
    while (count() < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1500);
    const d = new Database(db);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    const orphans = d
      .prepare('SELECT COUNT(*) AS n FROM mentions WHERE article_seq NOT IN (SELECT seq FROM articles)')
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    d.close();
    // The full-text index is external-content: COUNT(*) on it reads the articles table and passes with an empty
    // index, so every stored article must be found by a word of its own text (after the open that any command
    // does, which finishes a bulk load the killed process left).
    const store = openDb(db);
    const rows = store.prepare('SELECT seq, text FROM articles').all() as Array<{ seq: number; text: string }>;
    const match = store.prepare('SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?').pluck();
    const unfound = rows.filter((r) => !match.get(`"${/\b[A-Za-z]{4,}\b/.exec(r.text)![0]}"`, r.seq));
    expect(rows).toHaveLength(partial);
    expect(unfound.map((r) => r.seq)).toEqual([]);
    store.close();
    const rerun = await sitrep(['analyze', dump, '--db', db]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(new RegExp(`${1500 - partial} new, ${partial} already stored`));
    expect(count()).toBe(1500);
  }, 300_000);
});
