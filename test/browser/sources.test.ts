import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/ingest/test-server.js';
import { createApp, storeToken } from '../../src/serve/index.js';
import { openDb, type Db } from '../../src/store/index.js';
import { CHROMIUM_FLAGS, settled } from './harness.js';

const para = (place: string, n: number): string =>
  `<p>Officials in ${place} said on Monday that repairs to the old harbour wall had reached stage ${n}, and that the ferry ` +
  `service to the islands would resume within three weeks once the engineers had checked the new supports.</p>`;
const page = (title: string, place: string): string =>
  `<html><head><title>${title}</title></head><body><nav>Menu</nav><article><h1>${title}</h1>${[1, 2, 3].map((n) => para(place, n)).join('')}</article></body></html>`;

let site: TestServer;
let db: Db;
let server: ServerType;
let browser: Browser;
let tab: Page;
let base: string;

beforeAll(async () => {
  site = await startTestServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Island Gazette</title>
        <entry><id>urn:g:1</id><title>Ferry returns</title><link href="${site.url}/news/ferry"/><updated>2024-04-02T08:00:00Z</updated></entry></feed>`);
    } else if (path === '/news/ferry') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page('Ferry service to return', 'Westhaven'));
    } else if (path === '/news/wall') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page('Harbour wall repairs near completion', 'Eastbrook'));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  db = openDb(join(mkdtempSync(join(tmpdir(), 'sitrep-ui-src-')), 'ui.db'));
  server = serve({ fetch: createApp(db, { allowPrivate: true, delayMs: 0 }).fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  tab = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  db?.close();
  await site?.close();
});

describe('Sources view', () => {
  it('adds a page by URL and opens the stored article', async () => {
    await tab.goto(`${base}/#/sources`);
    await settled(tab);
    await tab.waitForSelector('#source-url');
    expect(await tab.locator('nav a.active').textContent()).toBe('Sources');
    await tab.fill('#source-url', `${site.url}/news/wall`);
    await tab.click('#add-page');
    await tab.waitForSelector('#sources-message a');
    await tab.click('#sources-message a');
    await tab.waitForSelector('#article-title');
    expect(await tab.textContent('#article-title')).toBe('Harbour wall repairs near completion');
  }, 60_000);

  it('watches a feed: its entries are stored and the feed is listed with its state', async () => {
    await tab.goto(`${base}/#/sources`);
    await settled(tab);
    await tab.waitForSelector('#source-url');
    await tab.fill('#source-url', `${site.url}/feed.xml`);
    await tab.click('#add-feed');
    await tab.waitForSelector('#feeds .feed-row');
    expect(await tab.textContent('#feeds .feed-title')).toBe('Island Gazette');
    expect(await tab.textContent('#feeds .feed-count')).toBe('1 article(s) from 1 entry');
    expect(await tab.textContent('#sources-message')).toMatch(/1 new entry, 1 stored/);
    expect(await tab.textContent('#feeds .feed-state')).toBe('ok');
  }, 60_000);

  it('shows a refused fetch as an error', async () => {
    await tab.goto(`${base}/#/sources`);
    await settled(tab);
    await tab.waitForSelector('#source-url');
    await tab.fill('#source-url', `${site.url}/missing`);
    await tab.click('#add-page');
    await tab.waitForSelector('#sources-message.warning');
    expect(await tab.textContent('#sources-message')).toMatch(/HTTP 404/);
  }, 60_000);
});

describe('Sources API', () => {
  it('refuses private addresses unless allowed, writes without the token, non-JSON posts and cross-origin posts', async () => {
    const strict = createApp(db);
    const token = { 'x-sitrep-token': storeToken(db) };
    const refused = await strict.request('/api/sources/pages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...token },
      body: JSON.stringify({ url: `${site.url}/news/wall` }),
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);
    const anonymous = await strict.request('/api/sources/pages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${site.url}/news/wall` }),
    });
    expect(anonymous.status).toBe(401);
    const form = await strict.request('/api/sources/pages', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...token },
      body: 'url=x',
    });
    expect(form.status).toBe(415);
    const cross = await strict.request('http://127.0.0.1:8080/api/sources/feeds', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', ...token },
      body: '{}',
    });
    expect(cross.status).toBe(403);
  });
});
