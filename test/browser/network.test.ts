import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../../src/analyze/index.js';
import { createApp } from '../../src/serve/index.js';
import { openDb, type Db } from '../../src/store/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;

// The launch setup of test/browser/ui.test.ts.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

let db: Db;
let server: ServerType;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'sitrep-net-')), 'net.db');
  await analyzePaths([join(ROOT, 'examples/dump-harbour')], dbPath, { threads: 0 });
  db = openDb(dbPath);
  server = serve({ fetch: createApp(db).fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  db?.close();
});

async function edgeRows(): Promise<string[][]> {
  return page.$$eval('#network-edges tbody tr', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
}

describe('actor network view', () => {
  it('shows who acts on whom in the example corpus, cooperative and conflictual, with dates', async () => {
    await page.goto(`${base}/#/network`);
    await page.waitForSelector('#network-edges tbody tr');
    const rows = await edgeRows();
    const sanction = rows.find((r) => r[0] === 'United States' && r[1] === 'Veskaria');
    expect(sanction, JSON.stringify(rows.slice(0, 8))).toBeDefined();
    expect(sanction![4]).toContain('SANCTION');
    expect(Number(sanction![3])).toBeGreaterThan(0);
    expect(sanction![5]).toMatch(/2026-03/);
    const accusation = rows.find((r) => r[0] === 'Veskaria' && r[1] === 'Norvessa');
    expect(accusation![4]).toContain('ACCUSE');
    // Both kinds of edge are drawn: red for conflictual, green for cooperative.
    expect(await page.locator('#network-graph line[stroke="#c33"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#network-graph line[stroke="#2a7"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#network-graph text', { hasText: 'Veskaria' }).count()).toBe(1);
  });

  it('follows the network over time with the date range', async () => {
    await page.goto(`${base}/#/network`);
    await page.waitForSelector('#network-edges tbody tr');
    const all = (await edgeRows()).length;
    await page.fill('#network-from', '2026-03-18');
    await page.dispatchEvent('#network-from', 'change');
    await page.waitForFunction((n) => document.querySelectorAll('#network-edges tbody tr').length < n, all);
    const later = await edgeRows();
    expect(later.length).toBeGreaterThan(0);
    // A date as coarse as a month counts when its month overlaps the range.
    for (const r of later) {
      const first = r[5]!.split(' – ')[0]!;
      expect(first >= '2026-03-18'.slice(0, first.length), r.join(' | ')).toBe(true);
    }
    expect(later.some((r) => r[0] === 'United States' && r[1] === 'Veskaria')).toBe(false);
  });
});
