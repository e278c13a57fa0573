// CPU time of a search answer through the read routes (as a reader thread makes it: `app.request`, body read as
// bytes), this build against another build's, paired query by query on one read-only store: each query asked twice
// of each build — the first answer runs the search, the second comes from the route's search cache — alternating
// which build goes first. Prints the mean CPU of a first and of a repeated answer, and answers per CPU-second.
//
//   node bench/search-answer-cost.js STORE.db [QUERIES] [OTHER_BUILD_DIST]   (after npm run build)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { searchQueries } from './synthetic.js';
import { askCpu } from './answer-cpu.js';

const [store, count = '100', other] = process.argv.slice(2);
if (!store) {
  console.error('usage: node bench/search-answer-cost.js STORE.db [QUERIES] [OTHER_BUILD_DIST]');
  process.exit(2);
}
const { Hono } = await import('hono');
const load = async (dist) => {
  const { openDb } = await import(pathToFileURL(resolve(dist, 'store/index.js')).href);
  const { readRoutes } = await import(pathToFileURL(resolve(dist, 'serve/api.js')).href);
  const db = openDb(store, { readonly: true });
  // No time budget: on a loaded machine a search past the server's 1 s would answer 503 and measure nothing.
  return { app: new Hono().route('/api', readRoutes(db, { searchBudgetMs: 600_000 })), db };
};
const builds = { this: await load(new URL('../dist', import.meta.url).pathname) };
if (other) builds.other = await load(other);
const n = builds.this.db.prepare('SELECT COUNT(*) FROM articles').pluck().get();
const ask = (b, url) => askCpu(b.app, url);
const names = Object.keys(builds);
for (const b of names) for (let i = 0; i < 5; i++) await ask(builds[b], `/api/search?q=warmup${i}&limit=20`);
const spent = Object.fromEntries(names.map((k) => [k, { first: [], again: [], bytes: 0 }]));
let turn = 0;
for (const q of searchQueries(Number(count), 13, n)) {
  const url = `/api/search?q=${encodeURIComponent(q)}&limit=20`;
  for (const k of turn++ % 2 === 0 ? names : [...names].reverse()) {
    const a = await ask(builds[k], url);
    const b = await ask(builds[k], url);
    spent[k].first.push(a.ms);
    spent[k].again.push(b.ms);
    spent[k].bytes += a.bytes;
  }
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const [k, s] of Object.entries(spent))
  console.log(
    `${k}: first answer ${mean(s.first).toFixed(2)} ms, repeated ${mean(s.again).toFixed(3)} ms of CPU ` +
      `(${(1000 / mean(s.again)).toFixed(0)} repeated answers a CPU-second; ${(s.bytes / s.first.length / 1024).toFixed(0)} KB an answer), ` +
      `${s.first.length} queries of a ${n}-article store`,
  );
