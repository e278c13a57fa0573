import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePaths } from '../analyze/index.js';
import { type Db, openDb } from '../store/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * For tests of the server: a fresh store in a temporary folder with the example corpus (`examples/dump-harbour`)
 * analyzed into it, opened for writing. `name` names the folder.
 */
export async function exampleStore(name: string): Promise<{ dir: string; path: string; db: Db }> {
  const dir = mkdtempSync(join(tmpdir(), `sitrep-${name}-`));
  const path = join(dir, `${name}.db`);
  await analyzePaths([join(ROOT, 'examples/dump-harbour')], path, { threads: 0 });
  return { dir, path, db: openDb(path) };
}
