import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A compiled worker script of this folder, whether we run from dist/ or from sources under a test runner. */
export function workerScript(name: string): string | null {
  const here = fileURLToPath(new URL(`./${name}`, import.meta.url));
  if (existsSync(here)) return here;
  const dist = here.replace(/([/\\])src([/\\])serve([/\\])([^/\\]+)$/, '$1dist$2serve$3$4');
  return existsSync(dist) ? dist : null;
}
