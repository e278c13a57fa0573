import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUi, ROOT, type UiSession, settled } from './harness.js';

/**
 * An analyst's five questions about the example story (the Halder Strait crisis and its summit sequel), answered
 * by clicks in the workbench, each answer checked on screen. With SITREP_SCREENSHOTS=<dir> each view is saved as
 * a PNG there (docs/screenshots holds the ones the docs show).
 */
let ui: UiSession;
let page: Page;
let base: string;
const shots = process.env.SITREP_SCREENSHOTS;

beforeAll(async () => {
  ui = await openUi([`${ROOT}examples/dump-harbour`, `${ROOT}examples/dump-summit`]);
  ({ page, base } = ui);
  await page.setViewportSize({ width: 1000, height: 700 });
  if (shots) mkdirSync(shots, { recursive: true });
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

/** Saves the view (from its top, unless `keepScroll`: the reader is shown where it scrolled to). */
async function shot(name: string, keepScroll = false): Promise<void> {
  if (!shots) return;
  if (!keepScroll) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/${name}.png` });
}

async function nav(route: string): Promise<void> {
  await page.click(`nav a[data-route="${route}"]`);
  await settled(page);
}

/** The reader's highlighted words, once the reader shows them. */
async function highlight(): Promise<string> {
  await page.waitForSelector('#article-body mark.hl');
  return (await page.locator('#article-body mark.hl').allTextContents()).join('');
}

describe('walk-through: five questions answered by clicks', () => {
  it('what was launched, and when', async () => {
    await page.goto(`${base}/`);
    await settled(page);
    await page.waitForSelector('#article-list li');
    await shot('articles');
    await nav('timeline');
    // A launch may be coded as an assault or as a show of force (MOBILIZE): both are conflictual.
    await page.waitForSelector('#filter-bar select[data-filter="quad"]');
    await page.selectOption('#filter-bar select[data-filter="quad"]', 'conflictual');
    await page.waitForFunction(() => location.hash.includes('quad=conflictual'));
    await settled(page);
    await page.waitForSelector('#timeline li.chrono');
    const launch = page
      .locator('#timeline section.day', { has: page.locator('.headline', { hasText: /^Veskaria fires 3 / }) })
      .first();
    expect(await launch.locator('h3').textContent()).toBe('2026-03-11');
    const entry = launch.locator('li.chrono', { has: page.locator('.headline', { hasText: /^Veskaria fires 3 / }) });
    expect(await entry.locator('.headline').textContent()).toMatch(/^Veskaria fires 3 .*ballistic missiles/);
    await shot('timeline');
    await entry.locator('a.evidence').click();
    expect(await highlight()).toMatch(/ballistic/);
    await shot('reader', true);
  });

  it('who accused whom of supplying arms, and who denied it', async () => {
    await nav('ledger');
    await page.waitForSelector('#ledger .ledger-group');
    await shot('ledger');
    await page.click('a[href="#/claims"]');
    await page.waitForSelector('#filter-bar select[data-filter="stance"]');
    await page.selectOption('#filter-bar select[data-filter="stance"]', 'accuses');
    await page.waitForFunction(() => location.hash.includes('stance=accuses'));
    await settled(page);
    const accusation = page.locator('#claim-list li', { hasText: 'supplying weapons' }).first();
    await accusation.waitFor();
    expect(await accusation.locator('strong').textContent()).toBe('Dragan Ilic');
    expect(await accusation.textContent()).toMatch(/accuses: Norvessa of supplying weapons/);
    await page.selectOption('#filter-bar select[data-filter="stance"]', 'denies');
    await page.waitForFunction(() => location.hash.includes('stance=denies'));
    await settled(page);
    // The denial carries its own proposition ("denied that Norvessa had supplied …"), grouped with the charge.
    const denial = page.locator('#claim-list li', { hasText: 'supplied any weapons' }).first();
    await denial.waitFor();
    expect(await denial.locator('strong').textContent()).toBe('Henrik Aalto');
    await shot('claims');
    await denial.locator('a.evidence').click();
    expect(await highlight()).toMatch(/Aalto denied that Norvessa had supplied any weapons/);
  });

  it('what the two leaders agreed, and when', async () => {
    await nav('entities');
    await page.waitForSelector('#entity-table tbody tr');
    await page.locator('#entity-table a', { hasText: 'Tomas Varga' }).first().click();
    await page.waitForSelector('#actor-as-source li');
    expect(await page.textContent('#actor-name')).toBe('Tomas Varga');
    const agreed = page.locator('#actor-as-source li', { hasText: 'AGREE' }).filter({ hasText: '2026-03-27' }).first();
    await shot('actor');
    await agreed.locator('a.evidence').click();
    const words = await highlight();
    expect(words).toMatch(/Eira Solberg and .*Tomas Varga agreed on Friday to reopen the fishing grounds/);
    expect(words).toMatch(/joint commission/);
  });

  it('what a leader wrote in his letters, and to whom', async () => {
    await nav('quotes');
    await page.waitForSelector('#speaker-filter option', { state: 'attached' });
    const varga = await page.locator('#speaker-filter option', { hasText: 'Tomas Varga' }).getAttribute('value');
    await page.selectOption('#speaker-filter', varga!);
    await page.waitForFunction((id) => location.hash.includes(`actor=${id}`), varga);
    await settled(page);
    const letter = page.locator('#quote-list li', { hasText: 'the sea between our countries' }).first();
    await letter.waitFor();
    expect(new Set(await page.locator('#quote-list li .speaker').allTextContents())).toEqual(new Set(['Tomas Varga']));
    await shot('quotes');
    await letter.locator('a.evidence').click();
    expect(await highlight()).toMatch(/place of work and not of warships/);
    // The sentence around the quote says it was a letter and to whom.
    const paragraph = await page.locator('#article-body p', { has: page.locator('mark.hl') }).textContent();
    expect(paragraph).toMatch(/In the letter/);
    expect(paragraph).toMatch(/asked Solberg/);
    // The timeline says who wrote to whom in words.
    await nav('timeline');
    await page.waitForSelector('#timeline li.chrono');
    expect(await page.locator('#timeline .headline', { hasText: 'Eira Solberg writes to Tomas Varga' }).count()).toBe(
      1,
    );
  });

  it('which outlets reported the talks', async () => {
    await nav('timeline');
    await page.waitForSelector('#filter-bar select[data-filter="type"]');
    await page.selectOption('#filter-bar select[data-filter="type"]', 'CONSULT');
    await page.waitForFunction(() => location.hash.includes('type=CONSULT'));
    await settled(page);
    // The talks held on the 19th, which GlobalWire reported with the agreement they produced.
    const talks = page
      .locator('#timeline li.chrono', { has: page.locator('.headline', { hasText: 'Henrik Aalto' }) })
      .filter({ hasText: 'GlobalWire' })
      .filter({ hasText: 'Park Ji' })
      .first();
    await talks.waitFor();
    const meta = (await talks.locator('.meta').first().textContent())!;
    expect(meta).toContain('GlobalWire');
    // The day before, Pacific Ledger wrote that the envoy "is scheduled to chair" these talks: a plan, coded as
    // such, is not a second report of the talks held.
    expect(meta).not.toContain('Pacific Ledger');
  });

  it('shows the same story as stories, a network and a map', async () => {
    await nav('stories');
    await page.waitForSelector('#story-list .story-link');
    expect(await page.locator('#story-list .story-link').count()).toBeGreaterThan(0);
    await shot('stories');
    await nav('network');
    await page.waitForSelector('#network-canvas canvas');
    await page.waitForSelector('#network-edges tbody tr');
    expect(await page.locator('#network-edges tbody tr').count()).toBeGreaterThan(0);
    await page.waitForTimeout(500); // the layout animates into place
    await shot('network');
    await nav('map');
    await page.waitForSelector('#map-svg circle.place');
    expect(await page.locator('#map-svg circle.place').count()).toBeGreaterThan(0);
    await shot('map');
  });

  it('lists the actors, searches the articles and shows the sources', async () => {
    await nav('entities');
    await page.waitForSelector('#entity-table tbody tr a');
    expect(await page.locator('#entity-table tbody tr').count()).toBeGreaterThan(0);
    await shot('actors');
    await page.fill('#search-input', 'missiles');
    await page.press('#search-input', 'Enter');
    await page.waitForSelector('#search-results li');
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    await shot('search');
    await nav('sources');
    await page.waitForSelector('#source-url');
    await shot('sources');
  });
});
