import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUi, ROOT, type UiSession, settled } from './harness.js';

let ui: UiSession;

beforeAll(async () => {
  ui = await openUi([`${ROOT}examples/dump-harbour`]);
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

describe('map of event places', () => {
  it('draws the world and a circle per place; a circle lists its events with evidence links', async () => {
    const { page, base } = ui;
    await page.goto(`${base}/#/map`);
    await settled(page);
    await page.waitForSelector('#map-svg circle.place');
    expect((await page.getAttribute('#map-svg path.land', 'd'))!.length).toBeGreaterThan(1000);
    const circles = await page.$$eval('#map-svg circle.place', (cs) =>
      cs.map((c) => ({ iso3: c.getAttribute('data-iso3'), r: Number(c.getAttribute('r')) })),
    );
    expect(circles.length).toBeGreaterThan(0);
    // Sized by count: the list is most events first, and so are the radii.
    for (let i = 1; i < circles.length; i++) expect(circles[i - 1]!.r).toBeGreaterThanOrEqual(circles[i]!.r);
    // Smaller circles are drawn over larger ones: the largest is opened by its own click event.
    await page.dispatchEvent(`#map-svg circle.place[data-iso3="${circles[0]!.iso3}"]`, 'click');
    await page.waitForSelector('#map-events li');
    const hrefs = await page.$$eval('#map-events a.evidence', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^#\/article\/[^?]+\?span=\d+-\d+$/);
    expect(await page.locator('#map-unplaced li').count()).toBeGreaterThan(0);
  });

  it('narrows the places by the filter bar: a circle then lists only the events the filter lets through', async () => {
    const { page, base } = ui;
    // The type of an event that is on the map (an event's place name may be one the gazetteer cannot place).
    const top = (await (await page.request.get(`${base}/api/places`)).json()).places[0] as { iso3: string };
    const onMap = await (await page.request.get(`${base}/api/places/events?iso3=${top.iso3}&limit=1`)).json();
    const type = onMap.items[0].type as string;
    // A fresh page: a change of the hash alone would leave the previous test's map on screen for a moment.
    await page.goto('about:blank');
    await page.goto(`${base}/#/map`);
    await settled(page);
    await page.waitForSelector('#filter-bar select[data-filter="type"]');
    await page.selectOption('#filter-bar select[data-filter="type"]', type);
    await page.waitForFunction((t) => location.hash.includes(`type=${t}`), type);
    await settled(page);
    const placed = await (await page.request.get(`${base}/api/places?type=${type}`)).json();
    // The filtered map has replaced the whole one once its filter bar shows the type.
    await page.waitForFunction(
      ([t, n]) =>
        (document.querySelector('#filter-bar select[data-filter="type"]') as HTMLSelectElement | null)?.value === t &&
        document.querySelectorAll('#map-svg circle.place').length === n,
      [type, placed.places.length] as const,
    );
    await page.dispatchEvent('#map-svg circle.place', 'click');
    await page.waitForSelector('#map-events li');
    const total = (placed.places as Array<{ events: number }>).reduce((n, p) => n + p.events, 0);
    expect(total).toBeLessThan(
      ((await (await page.request.get(`${base}/api/places`)).json()).places as Array<{ events: number }>).reduce(
        (n, p) => n + p.events,
        0,
      ),
    );
    expect(await page.locator('#map-svg circle.place').count()).toBe(placed.places.length);
  });
});

describe('search', () => {
  it('finds inflections, marks the matched words, shows no score, and narrows by a facet in the URL', async () => {
    const { page, base } = ui;
    await page.goto(`${base}/#/search/ferries`);
    await settled(page);
    await page.waitForSelector('#search-results li');
    const marks = await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase()).toMatch(/^ferr/);
    expect(await page.textContent('#search-results')).not.toMatch(/score/i);
    const first = page.locator('#facet-outlets a').first();
    const outlet = await first.textContent();
    await first.click();
    await page.waitForFunction(() => location.hash.includes('outlet='));
    await settled(page);
    await page.waitForSelector('#search-narrowed');
    const outlets = await page.$$eval('#search-results li .meta:not(.snippet)', (ds) =>
      ds.map((d) => (d.textContent ?? '').split(' · ')[0]),
    );
    expect(outlets.length).toBeGreaterThan(0);
    for (const o of outlets) expect(o).toBe(outlet);
  });

  it('says what is wrong with a search it cannot read', async () => {
    const { page, base } = ui;
    await page.goto(`${base}/#/search/${encodeURIComponent('"ferry crossings')}`);
    await settled(page);
    await page.waitForSelector('#search-error');
    expect(await page.textContent('#search-error')).toMatch(/phrase is not closed/);
  });
});
