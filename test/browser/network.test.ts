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
import { CHROMIUM_FLAGS, settled } from './harness.js';

const ROOT = new URL('../..', import.meta.url).pathname;

// The launch setup of test/browser/ui.test.ts.

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
    await settled(page);
    await page.waitForSelector('#network-edges tbody tr');
    const rows = await edgeRows();
    const sanction = rows.find((r) => r[0] === 'United States' && r[1] === 'Veskaria');
    expect(sanction, JSON.stringify(rows.slice(0, 8))).toBeDefined();
    expect(sanction![4]).toContain('SANCTION');
    expect(Number(sanction![3])).toBeGreaterThan(0);
    expect(sanction![5]).toMatch(/2026-03/);
    // The cooperative and conflictual columns count events, as the types do, so they add up to the same number.
    for (const r of rows) {
      const typed = r[4]!.split(', ').reduce((n, t) => n + Number(t.split(' ')[1]), 0);
      expect(Number(r[2]) + Number(r[3]), r.join(' | ')).toBe(typed);
      expect(r[6]).toBe(`${typed} events`);
    }
    const accusation = rows.find((r) => r[0] === 'Veskaria' && r[1] === 'Norvessa');
    expect(accusation![4]).toContain('ACCUSE');
    // Drawn by Cytoscape.js: both kinds of edge, every actor once.
    const drawn = await page.evaluate(() => {
      const cy = (document.getElementById('network-canvas') as unknown as { _cyreg: { cy: any } })._cyreg.cy;
      return {
        colors: [...new Set(cy.edges().map((e: any) => e.data('color')))],
        labels: cy.nodes().map((n: any) => n.data('label')),
      };
    });
    expect(drawn.colors.sort()).toEqual(['#2a7', '#c33']);
    expect(drawn.labels.filter((l: string) => l === 'Veskaria')).toHaveLength(1);
    // The date fields start at the corpus's first and last day, not blank.
    expect(await page.inputValue('#network-from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.inputValue('#network-to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lays the actors out with no two labels overlapping', async () => {
    await page.goto(`${base}/#/network`);
    await settled(page);
    await page.waitForSelector('#network-canvas canvas');
    const overlaps = await page.evaluate(() => {
      const cy = (document.getElementById('network-canvas') as unknown as { _cyreg: { cy: any } })._cyreg.cy;
      const boxes = cy.nodes().map((n: any) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
      const out: number[][] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push([i, j]);
        }
      return { nodes: boxes.length, out };
    });
    expect(overlaps.nodes).toBeGreaterThan(5);
    expect(overlaps.out).toEqual([]);
  });

  it('opens an actor from its node and an edge’s events, each with its evidence sentence', async () => {
    await page.goto(`${base}/#/network`);
    await settled(page);
    await page.waitForSelector('#network-canvas canvas');
    const at = async (selector: string): Promise<{ x: number; y: number }> =>
      page.evaluate((sel) => {
        const box = document.getElementById('network-canvas')!;
        const cy = (box as unknown as { _cyreg: { cy: any } })._cyreg.cy;
        const el = cy.$(sel);
        const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
        const r = box.getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      }, selector);
    // The strongest edge, clicked at a point of its line where no node or other edge lies on top of it (the layout is
    // randomized, so another edge may cross its midpoint).
    const mid = await page.evaluate(() => {
      const box = document.getElementById('network-canvas')!;
      const cy = (box as unknown as { _cyreg: { cy: any } })._cyreg.cy;
      const edge = cy.edges()[0];
      const a = edge.source().renderedPosition();
      const b = edge.target().renderedPosition();
      const m = edge.renderedMidpoint();
      // The curve through both ends and the midpoint (a straight edge is the degenerate case).
      const c = { x: 2 * m.x - (a.x + b.x) / 2, y: 2 * m.y - (a.y + b.y) / 2 };
      const r = box.getBoundingClientRect();
      const zoom = cy.zoom();
      const pan = cy.pan();
      for (let i = 0; i < 40; i++) {
        const t = 0.5 + (i % 2 ? 1 : -1) * Math.ceil(i / 2) * 0.01;
        const x = (1 - t) ** 2 * a.x + 2 * t * (1 - t) * c.x + t ** 2 * b.x;
        const y = (1 - t) ** 2 * a.y + 2 * t * (1 - t) * c.y + t ** 2 * b.y;
        // The point and its neighbours two pixels away all hit this edge: a click rounded to whole pixels, or read
        // with the renderer's own tolerance, still lands on it.
        const free = [0, -2, 2].every((dx) =>
          [0, -2, 2].every((dy) => {
            const hit = cy.renderer().findNearestElement((x + dx - pan.x) / zoom, (y + dy - pan.y) / zoom, true, false);
            return hit && hit.id() === edge.id();
          }),
        );
        if (free) return { x: r.left + x, y: r.top + y };
      }
      throw new Error('no point of the strongest edge is free to click');
    });
    await page.mouse.click(mid.x, mid.y);
    await page.waitForSelector('#network-edge-events li');
    const hrefs = await page.$$eval('#network-edge-events a.evidence', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^#\/article\/[^?]+\?span=\d+-\d+$/);
    const rows = await edgeRows();
    const heading = await page.textContent('#network-detail h3');
    expect(heading).toMatch(new RegExp(`${rows[0]![0]} → ${rows[0]![1]}: ${rows[0]![6]!.split(' ')[0]} events`));
    const node = await page.evaluate(() => {
      const cy = (document.getElementById('network-canvas') as unknown as { _cyreg: { cy: any } })._cyreg.cy;
      const n = cy.nodes().filter((x: any) => x.data('label') === 'Veskaria')[0];
      return { sel: `#${CSS.escape(n.id())}`, actor: n.data('actor') as string };
    });
    const p = await at(node.sel);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => location.hash.startsWith('#/actor/'));
    await settled(page);
    expect(decodeURIComponent(await page.evaluate(() => location.hash))).toBe(`#/actor/${node.actor}`);
    await page.waitForSelector('#actor-name');
    expect(await page.textContent('#actor-name')).toBe('Veskaria');
  });

  it('narrows the graph to actors with a minimum of mentions and by the time slider', async () => {
    await page.goto(`${base}/#/network`);
    await settled(page);
    await page.waitForSelector('#network-edges tbody tr');
    const all = (await edgeRows()).length;
    await page.fill('#network-min', '30');
    await page.dispatchEvent('#network-min', 'change');
    await page.waitForFunction(() => location.hash.includes('min=30'));
    await settled(page);
    await page.waitForFunction((n) => document.querySelectorAll('#network-edges tbody tr').length < n, all);
    expect((await edgeRows()).length).toBeGreaterThan(0);
    await page.goto(`${base}/#/network`);
    await settled(page);
    await page.waitForSelector('#network-slider-from');
    await page.$eval('#network-slider-from', (s: HTMLInputElement) => {
      s.value = String(Number(s.value) + 8);
      s.dispatchEvent(new Event('input'));
      s.dispatchEvent(new Event('change'));
    });
    await page.waitForFunction(() => location.hash.includes('from='));
    await settled(page);
    await page.waitForFunction((n) => document.querySelectorAll('#network-edges tbody tr').length < n, all);
  });

  it('follows the network over time with the date range', async () => {
    await page.goto(`${base}/#/network`);
    await settled(page);
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

  it('narrows the graph by the filter bar, keeping the period', async () => {
    // A fresh page: a change of the hash alone would leave the previous test's rows on screen for a moment.
    await page.goto('about:blank');
    await page.goto(`${base}/#/network?from=2026-03-01`);
    await settled(page);
    await page.waitForSelector('#network-edges tbody tr');
    const all = await edgeRows();
    expect(all.some((r) => Number(r[2]) > 0)).toBe(true);
    await page.selectOption('#filter-bar select[data-filter="quad"]', 'conflictual');
    await page.waitForFunction(() => location.hash.includes('quad=conflictual'));
    await settled(page);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#network-edges tbody tr')].every(
        (r) => r.querySelectorAll('td')[2]?.textContent === '0',
      ),
    );
    expect(await page.evaluate(() => location.hash)).toContain('from=2026-03-01');
    const conflictual = await edgeRows();
    expect(conflictual.length).toBeGreaterThan(0);
    expect(conflictual.length).toBeLessThan(all.length);
  });
});
