import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUi, ROOT, type UiSession, settled } from './harness.js';

let ui: UiSession;
let page: Page;
let base: string;

beforeAll(async () => {
  ui = await openUi([`${ROOT}examples/dump-harbour`]);
  ({ page, base } = ui);
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

/** The highlighted evidence in the reader: its words (the marks may be cut by nested marks) and whether it is on screen. */
async function highlighted(): Promise<{ text: string; visible: boolean }> {
  await page.waitForSelector('#article-body mark.hl');
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll('#article-body mark.hl')];
    const box = marks[0]!.getBoundingClientRect();
    return {
      text: marks.map((m) => m.textContent).join(''),
      visible: box.top >= 0 && box.bottom <= window.innerHeight,
    };
  });
}

/** Follows the first link matching `selector` and checks the reader highlights `expected` and scrolled to it. */
async function opensSentence(selector: string, expected: string): Promise<void> {
  const link = page.locator(selector).first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^#\/article\/[^?]+\?span=\d+-\d+$/);
  await link.click();
  const hl = await highlighted();
  expect(hl.text.replace(/\s+/g, ' ').trim()).toBe(expected.replace(/\s+/g, ' ').trim());
  expect(hl.visible).toBe(true);
}

describe('every fact opens its highlighted sentence', () => {
  it('an event, from the timeline', async () => {
    await page.goto(`${base}/#/timeline?type=ASSAULT`);
    await settled(page);
    await page.waitForSelector('#timeline li.chrono');
    const first = page.locator('#timeline li.chrono').first();
    const sentence = (await first.locator('blockquote.sentence').textContent())!;
    await opensSentence('#timeline li.chrono a.evidence', sentence);
    // The reader marks the event's sentence and puts its type in the margin.
    expect(await page.locator('#article-body span.evt[data-type="ASSAULT"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#article-body .margin .chip', { hasText: 'ASSAULT' }).count()).toBeGreaterThan(0);
  });

  it('a date, from the timeline: the time expression that dates an event', async () => {
    await page.goto(`${base}/#/timeline`);
    await settled(page);
    await page.waitForSelector('#timeline li.chrono');
    const link = page.locator('#timeline a.date-evidence').first();
    const words = (await link.textContent())!.replace(/^“|”$/g, '');
    await opensSentence('#timeline a.date-evidence', words);
    expect(
      await page.locator('#article-body time.timex mark.hl, #article-body mark.hl time.timex').count(),
    ).toBeGreaterThan(0);
  });

  it('a quote, from the quote browser, with its speaker on click', async () => {
    await page.goto(`${base}/#/quotes`);
    await settled(page);
    await page.waitForSelector('#quote-list li');
    const item = page.locator('#quote-list li', { has: page.locator('a.speaker') }).first();
    const text = (await item.locator('blockquote').textContent())!;
    const speaker = (await item.locator('a.speaker').textContent())!;
    await item.locator('a.evidence').click();
    const hl = await highlighted();
    expect(hl.text).toBe(text);
    await page.locator('#article-body mark.hl').first().click();
    await page.waitForSelector('#fact-info:not([hidden])');
    expect(await page.textContent('#fact-speaker')).toBe(speaker);
  });

  it('a claim, from the claims list and from the ledger', async () => {
    await page.goto(`${base}/#/claims?stance=denies`);
    await settled(page);
    await page.waitForSelector('#claim-list li');
    const sentence = (await page.locator('#claim-list li a.evidence').first().getAttribute('title'))!;
    await opensSentence('#claim-list li a.evidence', sentence);
    await page.goto(`${base}/#/ledger`);
    await settled(page);
    await page.waitForSelector('#ledger .ledger-group');
    const title = (await page.locator('#ledger a.evidence').first().getAttribute('title'))!;
    await opensSentence('#ledger a.evidence', title);
  });

  it('an actor mention, from the actor page', async () => {
    await page.goto(`${base}/#/entities`);
    await settled(page);
    await page.waitForSelector('#entity-table tbody tr');
    await page.locator('#entity-table a', { hasText: 'Veskaria' }).first().click();
    await page.waitForSelector('#actor-articles a.mention');
    const words = (await page.locator('#actor-articles a.mention').first().textContent())!;
    await opensSentence('#actor-articles a.mention', words);
    expect(
      await page.locator('#article-body mark.hl mark.ent, #article-body mark.ent mark.hl').count(),
    ).toBeGreaterThan(0);
  });

  it("an actor's events, quotes and claims, from its page", async () => {
    await page.goto(`${base}/#/entities`);
    await settled(page);
    await page.waitForSelector('#entity-table tbody tr');
    await page.locator('#entity-table a', { hasText: 'Veskaria' }).first().click();
    await page.waitForSelector('#actor-as-source li');
    expect(await page.locator('#actor-sparkline rect').count()).toBeGreaterThan(0);
    expect(await page.locator('#actor-co li').count()).toBeGreaterThan(0);
    const href = (await page.locator('#actor-as-source a.evidence').first().getAttribute('href'))!;
    await page.locator('#actor-as-source a.evidence').first().click();
    const hl = await highlighted();
    const [, start, end] = /span=(\d+)-(\d+)/.exec(href)!;
    expect(hl.text.length).toBe(Number(end) - Number(start));
  });
});

describe('filters in the address', () => {
  it('the filter bar changes the address, and the address restores the filter', async () => {
    await page.goto(`${base}/#/timeline`);
    await settled(page);
    await page.waitForSelector('#filter-bar select[data-filter="type"]');
    await page.selectOption('#filter-bar select[data-filter="type"]', 'SANCTION');
    await page.waitForFunction(() => location.hash === '#/timeline?type=SANCTION');
    await settled(page);
    // The filtered list replaces the whole one once it has loaded.
    await page.waitForFunction(() => {
      const badges = [...document.querySelectorAll('#timeline li.chrono .badge')];
      return badges.length > 0 && badges.every((b) => b.textContent === 'SANCTION');
    });
    const types = await page.locator('#timeline li.chrono .badge').allTextContents();
    expect(new Set(types)).toEqual(new Set(['SANCTION']));
    await page.reload();
    await page.waitForSelector('#timeline li.chrono');
    expect(await page.locator('#filter-bar select[data-filter="type"]').inputValue()).toBe('SANCTION');
  });

  it('the quote browser filters by speaker and exports what it shows', async () => {
    await page.goto(`${base}/#/quotes`);
    await settled(page);
    await page.waitForSelector('#speaker-filter option:nth-child(2)', { state: 'attached' });
    const value = await page.locator('#speaker-filter option').nth(1).getAttribute('value');
    await page.selectOption('#speaker-filter', value!);
    await page.waitForFunction((v) => location.hash.includes(`actor=${v}`), value);
    await settled(page);
    // The address changes before the list is drawn again: wait for the filtered list, not any list (a broken filter
    // times out here).
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll('#quote-list li .speaker')].map((e) => e.textContent);
      return names.length > 0 && new Set(names).size === 1;
    });
    const speakers = new Set(await page.locator('#quote-list li .speaker').allTextContents());
    expect(speakers.size).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(path!, 'utf8').split('\r\n');
    expect(csv[0]).toContain('speaker');
    expect(csv.length - 1).toBe(await page.locator('#quote-list li').count());
  });

  it('exports the whole filtered list, past the page on screen, from the server', async () => {
    await page.goto(`${base}/#/quotes?limit=5`);
    await settled(page);
    await page.waitForSelector('#quote-list li');
    const total = (await (await page.request.get(`${base}/api/quotes?limit=1`)).json()).total as number;
    expect(total).toBeGreaterThan(await page.locator('#quote-list li').count());
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export-all="json"]')]);
    const { readFileSync } = await import('node:fs');
    const rows = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Array<{ id: string }>;
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(total);
  });
});
