import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The shared data folder: `$SITREP_DATA`, else `../shared/data` beside the repository (walking up, so git
 * worktrees nested deeper find it too).
 */
export function sharedDataDir(): string {
  if (process.env.SITREP_DATA) return resolve(process.env.SITREP_DATA);
  for (let dir = repoRoot; ; dir = dirname(dir)) {
    const candidate = resolve(dir, '../shared/data');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return resolve(repoRoot, '../shared/data');
  }
}
