import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Page } from 'playwright-core';
import { analyzePaths } from '../../src/analyze/index.js';
import { type AppOptions, createApp, storeToken } from '../../src/serve/index.js';
import { openDb } from '../../src/store/index.js';
import { CHROMIUM_FLAGS } from '../../src/chromium.js';

export { CHROMIUM_FLAGS } from '../../src/chromium.js';

export const ROOT = new URL('../..', import.meta.url).pathname;

export interface UiSession {
  page: Page;
  base: string;
  /** The store's API token. */
  token: string;
  close(): Promise<void>;
}

/**
 * A store analyzed from `inputs` (paths; `extra` are written as dump files first), served on a free
 * 127.0.0.1 port, and a Chromium page to drive it. Each browser test file opens its own session.
 */
export async function openUi(
  inputs: string[],
  extra: Record<string, string> = {},
  app: AppOptions = {},
): Promise<UiSession> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ui-'));
  const paths = [...inputs];
  for (const [name, text] of Object.entries(extra)) {
    writeFileSync(join(dir, name), text);
    paths.push(join(dir, name));
  }
  const dbPath = join(dir, 'ui.db');
  await analyzePaths(paths, dbPath, { threads: 0 });
  const db = openDb(dbPath);
  const server = serve({ fetch: createApp(db, app).fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const page = await browser.newPage();
  page.on('dialog', (d) => void d.dismiss());
  return {
    page,
    base,
    token: storeToken(db),
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

/**
 * Waits until the view of the page's current address is drawn. A change of the hash alone (a `goto` to another view
 * of the same page, a filter, a click) leaves the old view on screen until the new one has loaded, so a selector the
 * old view also has would be found at once: wait for this first.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main !== null && main.dataset.shown === location.hash && !main.hasAttribute('aria-busy');
  });
}
