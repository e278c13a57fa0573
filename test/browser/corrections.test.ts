import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUi, ROOT, type UiSession, settled } from './harness.js';

let ui: UiSession;

beforeAll(async () => {
  ui = await openUi([`${ROOT}examples/dump-harbour`]);
}, 120_000);

afterAll(async () => {
  await ui?.close();
});

describe('corrections in the UI', () => {
  it('renames an actor from its page, lists the correction and undoes it', async () => {
    const { page, base } = ui;
    await page.goto(`${base}/#/entities`);
    await settled(page);
    await page.waitForSelector('#entity-table tbody tr a');
    await page.click('#entity-table tbody tr a >> text=Norvessa');
    await page.waitForSelector('#actor-corrections [data-open="Rename"]');
    await page.click('#actor-corrections [data-open="Rename"]');
    await page.fill('#actor-corrections input[name="name"]', 'Kingdom of Norvessa');
    await page.click('#actor-corrections button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('actor-name')?.textContent === 'Kingdom of Norvessa');
    await page.goto(`${base}/#/corrections`);
    await settled(page);
    await page.waitForSelector('#corrections-table tbody tr');
    expect(await page.textContent('#corrections-table tbody tr')).toContain('actor.rename');
    await page.click('#corrections-table tbody tr button >> text=Undo');
    await page.waitForFunction(() =>
      document.querySelector('#corrections-table tbody tr')?.textContent?.includes('undone'),
    );
    await page.goto(`${base}/#/entities`);
    await settled(page);
    await page.waitForSelector('#entity-table tbody tr a >> text=/^Norvessa$/');
  });

  it('marks an event wrong from the network’s edge list', async () => {
    const { page, base } = ui;
    await page.goto(`${base}/#/network`);
    await settled(page);
    await page.waitForSelector('#network-edges tbody tr button');
    await page.click('#network-edges tbody tr button');
    await page.waitForSelector('#network-edge-events li [data-open="Wrong"]');
    // The edge is found again by its actors: with one event fewer it may no longer be the strongest.
    const edge = await page.$$eval('#network-edges tbody tr:first-child td', (tds) =>
      tds.map((td) => td.textContent ?? ''),
    );
    await page.click('#network-edge-events li [data-open="Wrong"]');
    await page.waitForFunction(
      ([source, target, events]) =>
        [...document.querySelectorAll('#network-edges tbody tr')].some((tr) => {
          const tds = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
          return tds[0] === source && tds[1] === target && tds[6] !== events;
        }),
      [edge[0], edge[1], edge[6]],
    );
    await page.goto(`${base}/#/corrections`);
    await settled(page);
    await page.waitForSelector('#corrections-table tbody tr');
    expect(await page.textContent('#corrections-table tbody tr')).toContain('event.wrong');
  });
});

describe('corrections in a UI that needs the token for reads', () => {
  let open: UiSession;
  beforeAll(async () => {
    open = await openUi([`${ROOT}examples/dump-harbour`], {}, { tokenForReads: true });
  }, 120_000);
  afterAll(async () => {
    await open?.close();
  });

  it('downloads the alias file', async () => {
    const { page, base, token } = open;
    await page.goto(`${base}/?token=${token}#/corrections`);
    await settled(page);
    await page.waitForSelector('#corrections-aliases');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#corrections-aliases')]);
    expect(download.suggestedFilename()).toBe('sitrep.aliases.json');
    const { readFileSync } = await import('node:fs');
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(expect.arrayContaining(['merge', 'split', 'rename']));
  });
});
