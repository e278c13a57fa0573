import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MERGED_DUMP } from '../../src/serve/test-merged-dump.js';
import { openUi, type UiSession, settled } from './harness.js';

let ui: UiSession;
/** With SITREP_SCREENSHOTS=<dir>, the reader's split controls and the Corrections view are saved there. */
const shots = process.env.SITREP_SCREENSHOTS;

beforeAll(async () => {
  ui = await openUi([], { 'merged.txt': MERGED_DUMP });
  await ui.page.setViewportSize({ width: 1000, height: 700 });
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

const bodyText = (page: UiSession['page']) =>
  page.$$eval('#article-body p', (ps) => ps.map((p) => p.textContent).join('\n'));

describe('splitting and joining articles in the reader', () => {
  it('splits an article where the second report starts, then joins it back', async () => {
    const { page, base } = ui;
    await page.goto(`${base}/#/articles`);
    await settled(page);
    await page.click('a >> text=Ferry crews end strike in Port Ellis');
    await page.waitForSelector('#article-body [data-split]');
    const originalUrl = page.url();
    expect(await page.textContent('#article-body')).toContain('The navy of Westmark');
    // One split point before each paragraph but the first.
    expect(await page.locator('#article-body [data-split]').count()).toBe(
      (await page.locator('#article-body p').count()) - 1,
    );
    // The split point before the Westmark paragraph (its text after any event chip in the margin).
    const offsets = await page.$$eval('#article-body .split-point', (points) =>
      points.map((d) => ({
        offset: d.querySelector('button')!.getAttribute('data-split'),
        next: d.nextElementSibling?.textContent ?? '',
      })),
    );
    const at = offsets.find((o) => o.next.includes('The navy of Westmark'))!;
    if (shots) {
      await page.hover(`#article-body [data-split="${at.offset}"]`);
      await page.screenshot({ path: `${shots}/reader-split.png` });
    }
    await page.click(`#article-body [data-split="${at.offset}"]`);
    await page.waitForFunction((url) => location.href !== url, originalUrl);
    await page.waitForSelector('#article-title');
    await page.waitForFunction(() => !document.getElementById('article-body')?.textContent?.includes('Westmark'));
    expect(await page.textContent('#article-title')).toBe('Ferry crews end strike in Port Ellis');
    expect(await page.textContent('#article-body')).toContain('We got what we asked for');

    // The original is gone from the list; the second part is there, titled by its first sentence.
    await page.goto(`${base}/#/articles`);
    await settled(page);
    await page.waitForSelector('a >> text=/^The navy of Westmark held drills/');

    // The correction is listed with links to the new articles.
    await page.goto(`${base}/#/corrections`);
    await settled(page);
    await page.waitForSelector('#corrections-table tbody tr');
    expect(await page.textContent('#corrections-table tbody tr')).toContain('article.split');
    await page.click('#corrections-table tbody tr .article-correction a');
    await page.waitForSelector('#join-next');
    expect(await page.textContent('#article-title')).toBe('Ferry crews end strike in Port Ellis');

    // Join with the next article: the reader shows the one article again.
    const partUrl = page.url();
    await page.click('#join-next');
    await page.waitForFunction((url) => location.href !== url, partUrl);
    await page.waitForFunction(() => document.getElementById('article-body')?.textContent?.includes('Westmark'));
    expect(await page.textContent('#article-title')).toBe('Ferry crews end strike in Port Ellis');
    const text = await bodyText(page);
    expect(text).toContain('Ferry crews in Port Ellis ended');
    expect(text).toContain('summoned the Westmark ambassador');
    await page.goto(`${base}/#/corrections`);
    await settled(page);
    await page.waitForSelector('#corrections-table tbody tr');
    expect(await page.textContent('#corrections-table tbody tr')).toContain('article.join');
    if (shots) await page.screenshot({ path: `${shots}/corrections.png` });
  });
});
