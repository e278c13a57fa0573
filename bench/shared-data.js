// Where the shared data sets are, for every bench: $SITREP_SHARED_DATA (or $SITREP_DATA), else the first
// `shared/data` folder beside the repository or above it. The benches read the data there at run time; none of it is
// kept in the repository.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The path of `sub` (a data set's folder or file) in the shared data, or null when it is not there and `optional`
 * is set; otherwise a missing data set is an error that says how to point at it.
 */
export function sharedData(sub = '', { optional = false } = {}) {
  const env = process.env.SITREP_SHARED_DATA ?? process.env.SITREP_DATA;
  const found = (dir) => (existsSync(join(dir, sub)) ? join(dir, sub) : null);
  let path = null;
  if (env) path = found(resolve(env));
  else
    for (let dir = ROOT; path === null; dir = dirname(dir)) {
      path = found(resolve(dir, '../shared/data'));
      if (dirname(dir) === dir) break;
    }
  if (path === null && !optional)
    throw new Error(`shared data ${sub || 'folder'} not found: set SITREP_SHARED_DATA to the shared data folder`);
  return path;
}

/** The objects of a JSON Lines file, one a non-blank line. */
export function readJsonLines(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}
