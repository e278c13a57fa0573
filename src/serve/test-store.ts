import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePaths } from '../analyze/index.js';
import { type Db, openDb } from '../store/index.js';
import type { ServedApp } from './app.js';

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

/** GET `path` of the app: the status and the parsed JSON body. */
export async function getJson(app: ServedApp, path: string): Promise<{ status: number; body: any }> {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
}

/** POST `body` as JSON to `path` of the app with `headers` (content type, token): the status and the parsed body. */
export async function postJson(
  app: ServedApp,
  headers: Record<string, string>,
  path: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, any> }> {
  const res = await app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
