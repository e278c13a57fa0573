// First paint of every workbench view on the example corpora, in Debian's Chromium (headless), for this build and,
// with --other DIR, for another checkout's build side by side (e.g. an older commit in a git worktree, built there).
// Each build analyzes the examples into its own fresh store with its own CLI and serves it on 127.0.0.1; every view
// is then opened ROUNDS times, each in a fresh browser context (nothing cached), and the medians are printed:
//   fcp   first contentful paint (the browser's paint timing);
//   data  when the view's last API answer had arrived (the latest responseEnd of its /api/ requests, read after the
//         view had had 2 s after load), i.e. when the view could show its data.
// Views that a build does not have are shown as "–". With two builds, the loads are interleaved (each round opens
// every view once in each build, the order alternating), and the median of the per-round ratios this/other is
// printed beside the medians: on a shared, loaded machine the pairs see the same load. The load average at the
// start and end is printed too. Prints figures; asserts nothing.
//
//   npm run bench:paint -- [--rounds 7] [--settle 2000] [--trace] [--strip-header NAME] [--from-site] [--other /path/to/other/checkout]
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
// Chromium's path and flags as the PDF brief and the browser tests use them (`npm run bench:paint` builds first).
import { CHROMIUM_FLAGS as FLAGS, CHROMIUM_PATH } from '../dist/chromium.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
// Rounds: each opens every view once in each build (--runs is the older name of the option).
const ROUNDS = Number(opt('rounds', opt('runs', 7)));
const OTHER = opt('other');
/** Time given to a view after load before its timestamps are read, ms. */
const SETTLE = Number(opt('settle', 2000));
/** --trace: print every request of each view's first load (start → end, bytes), for finding where the time goes. */
const TRACE = argv.includes('--trace');
/**
 * --strip-header NAME: also time this build with the response header NAME taken off the view's page by the browser
 * (a third column, paired with the other build like the first). A diagnostic, not the build as served: it is how
 * the headers that cost a renderer process switch (COOP, Origin-Agent-Cluster; now left off) were found. Every
 * build's page then goes through the browser's request interception, whose own cost is large on a loaded machine.
 */
const STRIP = opt('strip-header')?.toLowerCase();
/**
 * --from-site: each fresh context first shows a blank page of another site (http://localhost:PORT/, a site apart from
 * 127.0.0.1) and the view is then opened from it, as an analyst arrives from a new-tab page or another site. That
 * navigation crosses sites, so Chromium's site isolation gives the view a new renderer process whatever its headers;
 * without the option the context's own about:blank renderer may be reused (a COOP header would force a new one). The
 * figures are the view document's own timestamps either way.
 */
const FROM_SITE = argv.includes('--from-site');
const EXAMPLES = ['examples/dump-harbour', 'examples/dump-summit'];
/** Views by hash route; the reader and an actor page are opened on the store's first article and actor. */
const VIEWS = [
  'articles',
  'article',
  'entities',
  'actor',
  'stories',
  'timeline',
  'quotes',
  'network',
  'map',
  'ledger',
  'claims',
  'search/ferry',
  'sources',
  'corrections',
];

async function startServer(checkout, port) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-paint-'));
  const db = join(dir, 'paint.db');
  const cli = join(checkout, 'dist/cli/main.js');
  const inputs = EXAMPLES.map((e) => join(checkout, e));
  const r = spawnSync(process.execPath, [cli, 'analyze', ...inputs, '--db', db], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`analyze failed in ${checkout}: ${r.stderr}`);
  const child = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise((resolve, reject) => {
    // Builds have said so on stdout or on stderr.
    for (const stream of [child.stdout, child.stderr])
      stream.on('data', (b) => String(b).includes('serving') && resolve());
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const first = async (path, key) => (await (await fetch(`${base}${path}`)).json()).items?.[0]?.[key];
  const ids = {
    article: await first('/api/articles?limit=1', 'id'),
    actor: await first('/api/entities?limit=1', 'id'),
  };
  return { base, ids, stop: () => child.kill('SIGTERM') };
}

/** Does this build's UI know the view? (Its router's table names it.) */
async function knows(base, route) {
  const bundle = await (await fetch(`${base}/ui/app.js`)).text();
  const name = route.split(/[?/]/)[0];
  return new RegExp(`route:\\s*["']${name}["']`).test(bundle);
}

async function measure(browser, url, trace, strip = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // With --strip-header every build's page goes through the browser's interception (its cost is large on a loaded
  // machine), and the header is taken off for the diagnostic column only.
  if (STRIP)
    await page.route(url.replace(/#.*$/, ''), async (route) => {
      const res = await route.fetch();
      const headers = { ...res.headers() };
      if (strip) delete headers[STRIP];
      await route.fulfill({ response: res, headers });
    });
  if (FROM_SITE) await page.goto(`http://localhost:${startPort}/`);
  await page.goto(url);
  // Some views poll (Sources, jobs), so the network never goes quiet: give every view the same time after load
  // (SETTLE ms; the figures are the browser's own timestamps, not this wait).
  await page.waitForTimeout(SETTLE);
  const t = await page.evaluate((trace) => {
    const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    const all = performance.getEntriesByType('resource');
    const api = all.filter((e) => e.name.includes('/api/'));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      fcp: fcp?.startTime ?? null,
      data: api.length ? Math.max(...api.map((e) => e.responseEnd)) : null,
      trace: trace
        ? [
            { name: 'document', start: 0, end: nav.responseEnd, bytes: nav.encodedBodySize },
            ...all.map((e) => ({
              name: new URL(e.name).pathname + new URL(e.name).search,
              start: e.startTime,
              end: e.responseEnd,
              bytes: e.encodedBodySize,
            })),
            { name: 'domContentLoaded', start: nav.domContentLoadedEventStart, end: nav.domContentLoadedEventEnd },
          ]
        : null,
    };
  }, trace);
  await context.close();
  return t;
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The view's address in a build's store: the reader and an actor page open the store's first article and actor. */
function viewUrl(server, view) {
  const name = view.split(/[?/]/)[0];
  const hash =
    name === 'article'
      ? `article/${server.ids.article}`
      : name === 'actor'
        ? `actor/${encodeURIComponent(server.ids.actor)}`
        : view;
  return `${server.base}/#/${hash}`;
}

const startPage = createServer((_, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>start</title>');
});
const startPort = 18_399;
if (FROM_SITE) await new Promise((resolve) => startPage.listen(startPort, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
const builds = [['this build', ROOT]];
if (OTHER) builds.push([`other (${OTHER})`, OTHER]);
const servers = [];
let port = 18_400;
for (const [, checkout] of builds) servers.push(await startServer(checkout, port++));
if (STRIP) {
  // The same server as this build's, its pages' header taken off in the browser.
  builds.splice(1, 0, [`this, no ${STRIP}`, ROOT]);
  servers.splice(1, 0, { ...servers[0], stop: () => undefined, strip: true });
}
const load0 = loadavg();
// samples[view][build] = [{fcp, data}, …]; in each round every view is opened once in every build, the builds'
// order alternating from view to view and from round to round, so that a change of load on a shared machine falls
// on both alike, and each round gives one pair per view.
const samples = {};
try {
  const known = [];
  for (const s of servers) known.push(await Promise.all(VIEWS.map((v) => knows(s.base, v))));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [vi, view] of VIEWS.entries()) {
      samples[view] ??= servers.map(() => []);
      // Rotated, so that each build is first, second (and third) equally often.
      const order = servers.map((_, i) => (i + round + vi) % servers.length);
      for (const b of order) {
        if (!known[b][vi]) continue;
        const r = await measure(browser, viewUrl(servers[b], view), TRACE && round === 0, servers[b].strip);
        samples[view][b].push(r);
        if (r.trace) {
          console.log(`\n${builds[b][0]} ${view}: fcp ${r.fcp?.toFixed(0)} ms`);
          for (const e of r.trace)
            console.log(
              `  ${e.start.toFixed(0).padStart(5)} → ${e.end.toFixed(0).padStart(5)} ms  ${String(e.bytes ?? '').padStart(8)}  ${e.name}`,
            );
        }
      }
    }
  }
} finally {
  for (const s of servers) s.stop();
  await browser.close();
  startPage.close();
}
const load1 = loadavg();

const fmt = (x) => (x === null ? '–' : x.toFixed(0));
console.log(
  `\nfirst paint of each view, ms (fcp / data), median of ${ROUNDS} fresh loads per build, builds interleaved; ` +
    `examples: ${EXAMPLES.join(', ')}; load average ${load0.map((x) => x.toFixed(1)).join(' ')} at the start, ` +
    `${load1.map((x) => x.toFixed(1)).join(' ')} at the end`,
);
const head = ['view'.padEnd(16), ...builds.map(([name]) => name.slice(0, 22).padEnd(24))];
const last = servers.length - 1;
if (last > 0) for (let b = 0; b < last; b++) head.push(`ratio ${builds[b][0].slice(0, 14)}/other`.padEnd(28));
console.log(head.join(''));
for (const view of VIEWS) {
  const per = samples[view] ?? [];
  const cells = per.map((xs) =>
    xs.length ? `${fmt(median(xs.map((r) => r.fcp)))} / ${fmt(median(xs.map((r) => r.data)))}` : '–',
  );
  const row = [view.padEnd(16), ...cells.map((c) => c.padEnd(24))];
  // Round r's loads of two builds form a pair; the median of the pairs' ratios (below 1: faster than the other).
  for (let b = 0; b < last; b++) {
    if (!per[b]?.length || !per[last]?.length) continue;
    const ratio = (k) =>
      median(per[b].map((a, i) => (a[k] !== null && per[last][i]?.[k] ? a[k] / per[last][i][k] : null)));
    row.push(`${ratio('fcp')?.toFixed(2) ?? '–'} / ${ratio('data')?.toFixed(2) ?? '–'}`.padEnd(28));
  }
  console.log(row.join(''));
}
