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

describe('actors view', () => {
  it('lists canonical actors with their aliases and filters by type', async () => {
    await page.goto(`${base}/#/entities`);
    await settled(page);
    await page.waitForSelector('#entity-table tbody tr');
    const us = page.locator('#entity-table tbody tr', { hasText: 'United States' }).first();
    expect(await us.locator('td.aliases').textContent()).toMatch(/U\.S\..*US|US.*U\.S\./);
    await page.selectOption('#entity-type', 'PERSON');
    await page.waitForFunction(() => location.hash === '#/entities/PERSON');
    await settled(page);
    await page.waitForSelector('#entity-table tbody tr');
    const types = await page.locator('#entity-table tbody tr td:nth-child(2)').allTextContents();
    expect(types.length).toBeGreaterThan(3);
    expect(new Set(types)).toEqual(new Set(['PERSON']));
  });

  it('opens an actor with its names and every article that mentions it, in context', async () => {
    await page.goto(`${base}/#/entities/PERSON`);
    await settled(page);
    await page.waitForSelector('#entity-table tbody tr');
    await page.locator('#entity-table a', { hasText: 'Park Ji-hoon' }).click();
    await page.waitForSelector('#actor-articles li');
    expect(await page.textContent('#actor-name')).toBe('Park Ji-hoon');
    expect(await page.textContent('#actor-aliases')).toContain('Park');
    const marks = await page.locator('#actor-articles mark').allTextContents();
    expect(marks.length).toBeGreaterThan(1);
    for (const m of marks) expect(m).toMatch(/Park/);
    await page.locator('#actor-articles li a').first().click();
    await page.waitForSelector('#article-title');
  });
});
