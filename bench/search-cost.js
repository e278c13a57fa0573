// CPU time of `search()` per query on one store, this build's against another build's (paired, query by query):
// the bench's queries (`searchQueries` of bench/synthetic.js), `process.cpuUsage()` around each call, read-only;
// which build runs a query first alternates.
//
//   node bench/search-cost.js STORE.db [QUERIES] [OTHER_BUILD_DIST]   (after npm run build)
//   e.g. node bench/search-cost.js bench/out/serve-load-100000-of-4286.db 16 ../main/dist
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { searchQueries } from './synthetic.js';
import { cpuMs } from './answer-cpu.js';

const [store, count = '16', other] = process.argv.slice(2);
if (!store) {
  console.error('usage: node bench/search-cost.js STORE.db [QUERIES] [OTHER_BUILD_DIST]');
  process.exit(2);
}
const load = async (dist) => import(pathToFileURL(resolve(dist, 'store/index.js')).href);
const builds = { this: await load(new URL('../dist', import.meta.url).pathname) };
if (other) builds.other = await load(other);
const dbs = Object.fromEntries(Object.entries(builds).map(([k, m]) => [k, m.openDb(store, { readonly: true })]));
const n = dbs.this.prepare('SELECT COUNT(*) FROM articles').pluck().get();
const spent = Object.fromEntries(Object.keys(builds).map((k) => [k, []]));
let turn = 0;
for (const q of searchQueries(Number(count), 11, n)) {
  const row = [q.padEnd(28)];
  // Which build goes first alternates: the first to read a page of the store pays for bringing it in.
  const order = turn++ % 2 === 0 ? Object.entries(builds) : Object.entries(builds).reverse();
  for (const [k, m] of order) {
    const t = cpuMs();
    const r = m.search(dbs[k], q, 0, 20);
    const ms = cpuMs() - t;
    spent[k].push(ms);
    row.push(`${k} ${ms.toFixed(0).padStart(5)} ms (${r.total} hits)`);
  }
  console.log(row.join('  '));
}
for (const [k, ms] of Object.entries(spent)) {
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(
    `${k}: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted.at(-1).toFixed(0)} ms, ` +
      `${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms of CPU for ${ms.length} searches of a ${n}-article store`,
  );
}
