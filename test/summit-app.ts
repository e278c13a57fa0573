import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePaths } from '../src/analyze/index.js';
import { createApp, type ServedApp } from '../src/serve/app.js';
import { openDb, type Db } from '../src/store/index.js';

const ROOT = new URL('..', import.meta.url).pathname;

/** A served store of the invented summit reports (test/fixtures/stories/summit.txt: two stories, three outlets). */
export interface SummitApp {
  db: Db;
  app: ServedApp;
  close(): void;
}

/** Analyzes the summit fixture into a fresh store in a temporary folder and serves it in-process. */
export async function summitApp(): Promise<SummitApp> {
  const path = join(mkdtempSync(join(tmpdir(), 'sitrep-summit-')), 'api.db');
  await analyzePaths([join(ROOT, 'test/fixtures/stories/summit.txt')], path, { threads: 0 });
  const db = openDb(path);
  const app = createApp(db);
  return {
    db,
    app,
    close() {
      app.stopWorkers();
      db.close();
    },
  };
}
