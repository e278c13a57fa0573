import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUi, ROOT, type UiSession, settled } from './harness.js';

let ui: UiSession;
let page: Page;
let base: string;

beforeAll(async () => {
  ui = await openUi([`${ROOT}test/fixtures/stories/summit.txt`]);
  ({ page, base } = ui);
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

describe('stories view', () => {
  it('lists the stories and shows one with its outlets and conflicting claims side by side', async () => {
    await page.goto(`${base}/#/stories`);
    await settled(page);
    await page.waitForSelector('#story-list li');
    const titles = await page.locator('#story-list .story-link').allTextContents();
    expect(titles).toHaveLength(2);
    await page.locator('#story-list .story-link').first().click();
    await page.waitForSelector('#story-conflicts .conflict');
    expect(await page.textContent('#story-title')).toMatch(/Corvel/);
    const outlets = await page.locator('#story-outlets tbody td:first-child').allTextContents();
    expect(outlets).toEqual(['Harbourline', 'River Post', 'East Gazette']);
    const claim = page.locator('#story-conflicts .conflict-claim').first();
    const sides = await claim.locator('.evidence q').allTextContents();
    expect(sides).toHaveLength(3);
    expect(sides[2]).toMatch(/denied that Ardania had supplied/);
    await page.screenshot({ path: join(tmpdir(), 'sitrep-stories-view.png'), fullPage: true });
  });

  it('opens a citation at the cited sentence', async () => {
    const link = page.locator('#story-conflicts .conflict-claim .citation').nth(1);
    const sentence = await page.locator('#story-conflicts .conflict-claim .evidence q').nth(1).textContent();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^#\/article\/[0-9a-f]{16}\?span=\d+-\d+$/);
    await link.click();
    await page.waitForSelector('#article-body mark.hl');
    // The highlight may be cut by marks nested in the sentence (an actor, a date): its parts joined.
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('#article-body mark.hl')].map((m) => m.textContent).join(''),
    );
    expect(marked).toBe(sentence);
  });

  it("opens the workbench's views narrowed to the story, the story shown in their filter bar", async () => {
    await page.goto(`${base}/#/stories`);
    await settled(page);
    await page.waitForSelector('#story-list li');
    await page.locator('#story-list .story-link').first().click();
    await page.waitForSelector('#story-facets a[data-view="timeline"]');
    const href = (await page.getAttribute('#story-facets a[data-view="timeline"]', 'href'))!;
    const id = new URLSearchParams(href.split('?')[1]).get('story')!;
    await page.click('#story-facets a[data-view="timeline"]');
    await page.waitForSelector('#filter-bar select[data-filter="story"]');
    expect(await page.locator('#filter-bar select[data-filter="story"]').inputValue()).toBe(id);
    const get = async (path: string): Promise<{ total: number }> => (await page.request.get(`${base}${path}`)).json();
    expect((await get(`/api/timeline?story=${id}&limit=1000`)).total).toBeGreaterThan(0);
    // The story is some of the store's articles, not all of them.
    const articles = (await get(`/api/articles?story=${id}&limit=500`)).total;
    expect(articles).toBeGreaterThan(0);
    expect(articles).toBeLessThan((await get('/api/articles?limit=500')).total);
    // Choosing "any" story again widens the view back to the whole store.
    await page.selectOption('#filter-bar select[data-filter="story"]', '');
    await page.waitForFunction(() => !location.hash.includes('story='));
    await settled(page);
  });
});
