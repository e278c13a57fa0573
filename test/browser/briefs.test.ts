import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUi, ROOT, type UiSession, settled } from './harness.js';

let ui: UiSession;
let page: Page;
let base: string;
/** With SITREP_SCREENSHOTS=<dir>, the Brief view of the summit story is saved there as briefs.png. */
const shots = process.env.SITREP_SCREENSHOTS;

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
    await settled(page);
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
    await settled(page);
    await page.waitForSelector('#brief .brief-new');
    expect(await page.locator('#brief .brief-story').count()).toBe(1);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: `${shots}/briefs.png`, fullPage: true });
    }
    const link = page.locator('#brief .brief-developments .citation').first();
    expect(await link.getAttribute('href')).toMatch(/^#\/article\/[0-9a-f]{16}\?span=\d+-\d+$/);
    await link.click();
    await page.waitForSelector('#article-body mark.hl');
  });

  it('downloads the brief as an HTML document', async () => {
    await page.goto(`${base}/#/briefs`);
    await settled(page);
    await page.waitForSelector('#brief-download');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#brief-download')]);
    expect(download.suggestedFilename()).toBe('sitrep-brief.html');
  });

  it('says so when the download fails', async () => {
    await page.goto(`${base}/#/briefs`);
    await settled(page);
    await page.waitForSelector('#brief-download');
    await page.route('**/api/brief.html*', (route) => route.abort());
    try {
      await page.click('#brief-download');
      await page.waitForFunction(() => document.body.textContent?.includes('The brief could not be downloaded.'));
    } finally {
      await page.unroute('**/api/brief.html*');
    }
  });

  it('keeps an asked story that is not listed, and the query and period, when shown again', async () => {
    await page.goto(`${base}/#/briefs`);
    await settled(page);
    await page.waitForSelector('#brief-story');
    const option = page.locator('#brief-story option', { hasText: 'Corvel' }).first();
    const id = (await option.getAttribute('value'))!;
    const title = (await option.textContent())!;
    // The story is not among the listed ones (as one past the largest 200 would not be).
    await page.route('**/api/stories?*', (route) =>
      route.fulfill({ json: { offset: 0, limit: 200, total: 0, items: [] } }),
    );
    try {
      await page.goto(`${base}/#/briefs?story=${id}&from=2031-01-01&to=2031-12-31`);
      await settled(page);
      // Only the hash changes, so the previous brief is still on screen until the view is drawn again: wait for
      // the redrawn form (a story picked), not for any brief.
      await page.waitForFunction(
        (id) => (document.querySelector('#brief-story') as HTMLSelectElement | null)?.value === id,
        id,
      );
      await page.waitForSelector('#brief .brief-story');
      expect(await page.locator('#brief-story').inputValue()).toBe(id);
      expect(await page.locator('#brief-story option:checked').textContent()).toBe(title);
      await page.fill('#brief-since', '2031-05-05');
      await page.click('#brief-form button');
      await page.waitForFunction(() => location.hash.includes('since=2031-05-05'));
      await settled(page);
      const asked = new URLSearchParams(await page.evaluate(() => location.hash.split('?')[1] ?? ''));
      expect(Object.fromEntries(asked)).toEqual({
        story: id,
        from: '2031-01-01',
        to: '2031-12-31',
        since: '2031-05-05',
      });
    } finally {
      await page.unroute('**/api/stories?*');
    }
    // A query is kept when no story is picked.
    await page.goto(`${base}/#/briefs?query=summit&from=2031-01-01`);
    await settled(page);
    await page.waitForFunction(() =>
      document.querySelector('#brief-story option[value=""]')?.textContent?.includes('summit'),
    );
    await page.waitForSelector('#brief .brief-story');
    await page.fill('#brief-since', '2031-05-06');
    await page.click('#brief-form button');
    await page.waitForFunction(() => location.hash.includes('since=2031-05-06'));
    await settled(page);
    const asked = new URLSearchParams(await page.evaluate(() => location.hash.split('?')[1] ?? ''));
    expect(Object.fromEntries(asked)).toEqual({ query: 'summit', from: '2031-01-01', since: '2031-05-06' });
  });
});
