// CPU time of a list answer as a reader thread makes it, in-process, this build against another build's (paired,
// URL by URL, the same read-only store): for each list of the load bench (articles, entities, events, quotes,
// claims, timeline), pages of 50 at random offsets among the first 5,000 rows and after the cursors of random rows
// among them (the load bench's lists scenarios), each through the read routes (`app.request`, as a reader does)
// and its body read as bytes. Every URL is asked once per build (distinct URLs: no response cache), alternating
// which build goes first. `process.cpuUsage()` around each answer; the first 20 answers of each build warm up.
//
//   node bench/list-answer-cost.js STORE.db [PAGES_PER_ROUTE] [OTHER_BUILD_DIST]   (after npm run build)
import { resolve } from 'node:path';
import { rng } from '../dist/model/random.js';
import { pathToFileURL } from 'node:url';
import { askCpu } from './answer-cpu.js';
import { listCursors } from './list-cursors.js';

const [store, pagesArg = '200', other] = process.argv.slice(2);
if (!store) {
  console.error('usage: node bench/list-answer-cost.js STORE.db [PAGES_PER_ROUTE] [OTHER_BUILD_DIST]');
  process.exit(2);
}
const PAGES = Number(pagesArg);
const DEPTH = 5000;
const { Hono } = await import('hono');
const load = async (dist) => {
  const { openDb } = await import(pathToFileURL(resolve(dist, 'store/index.js')).href);
  const { readRoutes } = await import(pathToFileURL(resolve(dist, 'serve/api.js')).href);
  const db = openDb(store, { readonly: true });
  return { app: new Hono().route('/api', readRoutes(db)) };
};
const builds = { this: await load(new URL('../dist', import.meta.url).pathname) };
if (other) builds.other = await load(other);

// A seeded random (mulberry32), so both builds and every run ask the same URLs.
const random = rng(20261207);
const pick = (list) => list[Math.floor(random() * list.length)];

const c = await listCursors(store, DEPTH, ['articles', 'entities', 'dated', 'quotes', 'claims']);
const cursors = { ...c, events: c.dated, timeline: c.dated };

const routes = ['articles', 'entities', 'events', 'quotes', 'claims', 'timeline'];
const urls = [];
for (const mode of ['offset', 'cursor'])
  for (const r of routes)
    for (let i = 0; i < PAGES; i++)
      urls.push({
        route: `${r} by ${mode}`,
        url:
          mode === 'offset'
            ? `/api/${r}?offset=${Math.floor(random() * DEPTH)}&limit=50`
            : `/api/${r}?cursor=${pick(cursors[r])}&limit=50`,
      });
// Shuffled, so that no route always follows another (caches warm and cool as in the load bench).
for (let i = urls.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [urls[i], urls[j]] = [urls[j], urls[i]];
}

const ask = (b, url) => askCpu(b.app, url);
const names = Object.keys(builds);
// Warm-up: each build compiles its statements and counts its lists.
for (const r of routes)
  for (const n of names) for (let i = 0; i < 10; i++) await ask(builds[n], `/api/${r}?offset=${i}&limit=50`);
const spent = Object.fromEntries(names.map((n) => [n, new Map()]));
let i = 0;
for (const u of urls) {
  const order = i++ % 2 === 0 ? names : [...names].reverse();
  for (const n of order) {
    const { ms, bytes } = await ask(builds[n], u.url);
    const s = spent[n].get(u.route) ?? { ms: [], bytes: 0 };
    s.ms.push(ms);
    s.bytes += bytes;
    spent[n].set(u.route, s);
  }
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`store ${store}; ${PAGES} random pages of 50 per route and mode (first ${DEPTH} rows); CPU ms per answer`);
for (const route of spent[names[0]].keys()) {
  const cells = names.map((n) => {
    const s = spent[n].get(route);
    return `${n} mean ${mean(s.ms).toFixed(2)} median ${median(s.ms).toFixed(2)} (${(s.bytes / s.ms.length / 1024).toFixed(0)} KB)`;
  });
  console.log(`  ${route.padEnd(20)} ${cells.join('   ')}`);
}
for (const n of names) {
  const all = [...spent[n].values()].flatMap((s) => s.ms);
  console.log(`${n}: mean ${mean(all).toFixed(3)} ms of CPU an answer over ${all.length} answers`);
}
