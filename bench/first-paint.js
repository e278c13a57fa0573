// First paint of every workbench view on the example corpora, in Debian's Chromium (headless), for this build and,
// with --other DIR, for another checkout's build side by side (e.g. an older commit in a git worktree, built there).
// Each build analyzes the examples into its own fresh store with its own CLI and serves it on 127.0.0.1; every view
// is then opened RUNS times, each in a fresh browser context (nothing cached), and the medians are printed:
//   fcp   first contentful paint (the browser's paint timing);
//   data  when the view's last API answer had arrived (the latest responseEnd of its /api/ requests, read after the
//         view had had 2 s after load), i.e. when the view could show its data.
// Views that a build does not have are shown as "–". Prints figures; asserts nothing.
//
//   npm run bench:paint -- [--runs 7] [--other /path/to/other/checkout]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const RUNS = Number(opt('runs', 7));
const OTHER = opt('other');
// Chromium's flags as the browser tests launch it (test/browser/harness.ts, CHROMIUM_FLAGS; a TypeScript module
// this script cannot import).
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
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
  'search?q=ferry',
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
  const name = route.split('?')[0];
  return new RegExp(`route:\\s*["']${name}["']`).test(bundle);
}

async function measure(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  // Some views poll (Sources, jobs), so the network never goes quiet: give every view the same 2 s after load (the
  // figures are the browser's own timestamps, not this wait).
  await page.waitForTimeout(2000);
  const t = await page.evaluate(() => {
    const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'));
    return { fcp: fcp?.startTime ?? null, data: api.length ? Math.max(...api.map((e) => e.responseEnd)) : null };
  });
  await context.close();
  return t;
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

async function timeBuild(browser, checkout, port) {
  const server = await startServer(checkout, port);
  const out = {};
  try {
    for (const view of VIEWS) {
      const name = view.split('?')[0];
      if (!(await knows(server.base, view))) {
        out[view] = null;
        continue;
      }
      const hash =
        name === 'article'
          ? `article/${server.ids.article}`
          : name === 'actor'
            ? `actor/${encodeURIComponent(server.ids.actor)}`
            : view;
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, `${server.base}/#/${hash}`));
      out[view] = { fcp: median(runs.map((r) => r.fcp)), data: median(runs.map((r) => r.data)) };
    }
  } finally {
    server.stop();
  }
  return out;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
const builds = [['this build', ROOT]];
if (OTHER) builds.push([`other (${OTHER})`, OTHER]);
const results = [];
let port = 18_400;
for (const [, checkout] of builds) results.push(await timeBuild(browser, checkout, port++));
await browser.close();

const cell = (r) => (r ? `${r.fcp?.toFixed(0) ?? '–'} / ${r.data?.toFixed(0) ?? '–'}` : '–');
console.log(
  `first paint of each view, ms (fcp / data), median of ${RUNS} fresh loads; examples: ${EXAMPLES.join(', ')}`,
);
console.log(['view'.padEnd(16), ...builds.map(([name]) => name.padEnd(24))].join(''));
for (const view of VIEWS) console.log([view.padEnd(16), ...results.map((r) => cell(r[view]).padEnd(24))].join(''));
