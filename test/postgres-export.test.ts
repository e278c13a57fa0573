import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresUnavailable, throwAwayDatabase } from './pg-database.js';
import { runCli } from './run-cli.js';

/**
 * `sitrep analyze` then `sitrep export` on PostgreSQL gives the very bytes the same runs give on SQLite: on each
 * example corpus into an empty store, and on a second corpus added to a store that holds one (the corpus steps
 * then see both, and the PostgreSQL store is copied out, added to and copied back).
 */
const unavailable = await postgresUnavailable();
if (unavailable) console.warn(unavailable);

const CORPORA = ['dump-harbour', 'dump-second', 'dump-summit'];

describe.skipIf(unavailable !== null)('export from PostgreSQL equals export from SQLite', () => {
  const dropped: Array<() => Promise<void>> = [];
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-export-'));
  afterAll(async () => {
    for (const drop of dropped) await drop();
  });

  async function analyzeAndExport(db: string, corpora: string[]): Promise<string> {
    for (const corpus of corpora) {
      const run = await runCli(['analyze', `examples/${corpus}`, '--db', db, '--threads', '1']);
      expect(run.code, run.stderr).toBe(0);
    }
    const out = await runCli(['export', '--db', db]);
    expect(out.code, out.stderr).toBe(0);
    return out.stdout;
  }

  async function pgUrl(): Promise<string> {
    const { url, drop } = await throwAwayDatabase();
    dropped.push(drop);
    return url;
  }

  for (const corpus of CORPORA) {
    it(`${corpus} into an empty store`, async () => {
      const sqlite = await analyzeAndExport(join(dir, `${corpus}.db`), [corpus]);
      const postgres = await analyzeAndExport(await pgUrl(), [corpus]);
      expect(JSON.parse(sqlite).articles.length).toBeGreaterThan(0);
      expect(postgres === sqlite, 'the two exports differ').toBe(true);
    });
  }

  it('a second corpus added to a store, named by SITREP_DB', async () => {
    const corpora = ['dump-harbour', 'dump-summit'];
    const sqlite = await analyzeAndExport(join(dir, 'two.db'), corpora);
    const url = await pgUrl();
    for (const corpus of corpora) {
      const run = await runCli(['analyze', `examples/${corpus}`, '--threads', '1'], { env: { SITREP_DB: url } });
      expect(run.code, run.stderr).toBe(0);
    }
    const postgres = await runCli(['export'], { env: { SITREP_DB: url } });
    expect(postgres.code, postgres.stderr).toBe(0);
    expect(postgres.stdout === sqlite, 'the two exports differ').toBe(true);
    // Analyzing the same input again adds nothing, and leaves the store as it was.
    await runCli(['analyze', 'examples/dump-summit', '--db', url, '--threads', '1']);
    expect((await runCli(['export', '--db', url])).stdout === sqlite).toBe(true);
  });

  it('refuses a database that does not sort text by bytes, saying how to create one', async () => {
    const { url, drop } = await throwAwayDatabase('C.UTF-8');
    dropped.push(drop);
    const run = await runCli(['export', '--db', url]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/sorts text by "C.UTF-8".*LC_COLLATE 'C'/);
  });
});
