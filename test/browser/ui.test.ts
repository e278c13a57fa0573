import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUi, ROOT, type UiSession, settled } from './harness.js';

const HOSTILE = `Officials <img src=x onerror="window.__pwned=1"> deny everything

Reporters found <script>window.__pwned = 1</script> in the ministry's statement on Monday, officials said.

A link to javascript:window.__pwned=1 was also circulated, along with <a href="javascript:window.__pwned=1">this</a>.

The ministry said it would investigate the incident within the week, a spokesman said.

Source: javascript:window.__pwned=1
`;

let ui: UiSession;
let page: Page;
let base: string;

beforeAll(async () => {
  ui = await openUi([`${ROOT}examples/dump-harbour`], { 'hostile.txt': HOSTILE });
  ({ page, base } = ui);
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

/** From the article list to the network view, whose answer is held back 1.5 s (undone by `unroute`). */
async function toSlowNetwork(): Promise<void> {
  await page.goto(`${base}/#/articles`);
  await settled(page);
  await page.route('**/api/network**', async (r) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await r.continue();
  });
  await page.evaluate(() => {
    location.hash = '#/network';
  });
}

describe('web UI', () => {
  it('draws only the latest address: a slow view left behind never writes over the next one', async () => {
    await toSlowNetwork();
    await page.evaluate(() => {
      location.hash = '#/stories';
    });
    await settled(page);
    // Long enough for the slow network answer to arrive and its view to finish drawing.
    await page.waitForTimeout(2500);
    expect(await page.locator('#main h2').first().textContent()).toBe('Stories');
    expect(await page.evaluate(() => document.getElementById('main')?.dataset.shown)).toBe('#/stories');
    await page.unroute('**/api/network**');
  });

  it('says a view is loading while the old one is still on screen', async () => {
    await toSlowNetwork();
    await page.waitForTimeout(800);
    const busy = await page.evaluate(() => {
      const main = document.getElementById('main')!;
      return {
        busy: main.getAttribute('aria-busy'),
        label: getComputedStyle(main, '::before').content,
        shown: Number(getComputedStyle(main, '::before').opacity),
        dimmed: Number(getComputedStyle(main.firstElementChild!).opacity),
      };
    });
    expect(busy).toEqual({ busy: 'true', label: '"Loading…"', shown: 1, dimmed: 0.45 });
    await settled(page);
    await page.waitForTimeout(2000);
    expect(await page.evaluate(() => document.getElementById('main')?.getAttribute('aria-busy'))).toBeNull();
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('main')!, '::before').content)).toBe(
      'none',
    );
    await page.unroute('**/api/network**');
  });

  it('reports a malformed address as a view that could not load, and is ready for the next one', async () => {
    await page.goto(`${base}/#/search/100%`);
    await settled(page);
    expect(await page.locator('#main .warning').textContent()).toContain('Could not load');
    await page.goto(`${base}/#/stories`);
    await settled(page);
    expect(await page.locator('#main h2').first().textContent()).toBe('Stories');
  });

  it('goes from the article list to the reader, with captions apart and entities highlighted', async () => {
    await page.goto(`${base}/`);
    await settled(page);
    await page.waitForSelector('#article-list li');
    const count = await page.locator('#article-list li').count();
    expect(count).toBe(17);
    const link = page.locator('#article-list a.article-link', { hasText: 'U.S. sanctions Veskarian shipping firms' });
    await link.click();
    await page.waitForSelector('#article-title');
    expect(await page.textContent('#article-title')).toBe(
      'U.S. sanctions Veskarian shipping firms, navy chief over strait blockade',
    );
    const captions = await page.textContent('#article-captions');
    expect(captions).toContain('Getty Images');
    const body = await page.textContent('#article-body');
    expect(body).not.toContain('Getty Images');
    expect(await page.locator('#article-body mark.ent').count()).toBeGreaterThan(0);
  });

  it('searches from the header box', async () => {
    await page.fill('#search-input', 'hotline');
    await page.press('#search-input', 'Enter');
    await page.waitForSelector('#search-results li');
    const first = await page.locator('#search-results li a').first().textContent();
    expect(first).toMatch(/hotline/i);
  });

  it('shows the timeline view', async () => {
    await page.click('nav a[data-route="timeline"]');
    await page.waitForSelector('main h2:text("Timeline")');
    expect(await page.locator('nav a.active').textContent()).toBe('Timeline');
  });

  it('shows the claims ledger: an accusation with its denials, who takes which side and since when', async () => {
    await page.goto(`${base}/#/ledger`);
    await settled(page);
    await page.waitForSelector('#ledger .ledger-group');
    const group = page.locator('#ledger .ledger-group', { hasText: 'jamming' }).first();
    expect(await group.locator('h3').textContent()).toMatch(/jamming/);
    expect(await group.locator('.stance-accuses').textContent()).toContain('Norvessa');
    expect(await group.locator('.stance-denies').textContent()).toContain('Dragan Ilic');
    expect(await group.locator('.side-for').textContent()).toMatch(/Norvessa \(since 2026-03-\d\d\)/);
    expect(await group.locator('.side-against').textContent()).toContain('Dragan Ilic');
    expect(await group.locator('a', { hasText: 'evidence' }).count()).toBeGreaterThan(1);
    // Paged in SQL: the pager offers the next page of propositions.
    const res: { items: unknown[]; total: number } = await page.evaluate(async () =>
      (await fetch('/api/ledger?offset=0&limit=2')).json(),
    );
    expect(res.items).toHaveLength(2);
    expect(res.total).toBeGreaterThan(2);
  });

  it('renders a hostile article as inert text', async () => {
    await page.goto(`${base}/#/articles`);
    await settled(page);
    await page.waitForSelector('#article-list li');
    await page.locator('#article-list a.article-link', { hasText: 'deny everything' }).click();
    await page.waitForSelector('#article-body');
    expect(await page.textContent('#article-title')).toContain('<img src=x onerror=');
    expect(await page.textContent('#article-body')).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('#article-body script, #article-body img, #article-title img').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
