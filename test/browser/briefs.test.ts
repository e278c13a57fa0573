import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUi, ROOT, type UiSession } from './harness.js';

let ui: UiSession;
let page: Page;
let base: string;

// An invented report whose text is markup: the brief must show it as text.
const HOSTILE = `<img src=x onerror="window.__pwned=1"> Flood & "levee" <script>window.__pwned=1</script>

QUAYSIDE, May 9 (Lantern Daily) — The river at Quayside rose <b>two metres</b> on Friday, officials said, and the levee held.
`;

beforeAll(async () => {
  ui = await openUi([`${ROOT}test/fixtures/stories/summit.txt`], { 'hostile.txt': HOSTILE });
  ({ page, base } = ui);
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

describe('briefs view', () => {
  it("shows a story's brief as text, each citation opening the cited sentence", async () => {
    await page.goto(`${base}/#/briefs`);
    await page.waitForSelector('#brief .brief-story');
    expect(await page.locator('#nav a[data-route="briefs"]').textContent()).toBe('Brief');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#brief script, #brief img, #brief b').count()).toBe(0);
    const text = (await page.textContent('#brief'))!;
    // The hostile report is a story of its own: its title is shown as the text it is.
    expect(text).toContain('<img src=x onerror="window.__pwned=1"> Flood & "levee" <script>window.__pwned=1</script>');
    // Pick the summit story and a "new since" day.
    const option = page.locator('#brief-story option', { hasText: 'Corvel' }).first();
    await page.selectOption('#brief-story', (await option.getAttribute('value'))!);
    await page.fill('#brief-since', '2031-05-05');
    await page.click('#brief-form button');
    await page.waitForFunction(() => location.hash.includes('since=2031-05-05'));
    await page.waitForSelector('#brief .brief-new');
    expect(await page.locator('#brief .brief-story').count()).toBe(1);
    const link = page.locator('#brief .brief-developments .citation').first();
    expect(await link.getAttribute('href')).toMatch(/^#\/article\/[0-9a-f]{16}\?span=\d+-\d+$/);
    await link.click();
    await page.waitForSelector('#article-body mark.hl');
  });

  it('downloads the brief as an HTML document', async () => {
    await page.goto(`${base}/#/briefs`);
    await page.waitForSelector('#brief-download');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#brief-download')]);
    expect(download.suggestedFilename()).toBe('sitrep-brief.html');
  });
});
