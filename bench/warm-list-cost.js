// CPU time of list pages once a reader's caches are warm, in-process, this build or another's: for each list named,
// WARM random pages of 50 among the first 5,000 rows are asked first (the span, article and count caches fill as in
// the load bench, which asks those rows again and again), then N more random pages are timed (distinct URLs: no
// response cache here). `process.cpuUsage()` around the timed pages.
//
//   node bench/warm-list-cost.js STORE.db [DIST] [LISTS]   (after npm run build; LISTS comma-separated, default
//   timeline; WARM default 400, N default 300 in the environment)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Hono } from 'hono';

const [store, distArg = new URL('../dist', import.meta.url).pathname, listsArg = 'timeline'] = process.argv.slice(2);
if (!store) {
  console.error('usage: node bench/warm-list-cost.js STORE.db [DIST] [LISTS]');
  process.exit(2);
}
const { openDb } = await import(pathToFileURL(resolve(distArg, 'store/index.js')).href);
const { readRoutes } = await import(pathToFileURL(resolve(distArg, 'serve/api.js')).href);
const app = new Hono().route('/api', readRoutes(openDb(store, { readonly: true })));
const WARM = Number(process.env.WARM ?? 400);
const N = Number(process.env.N ?? 300);
// A seeded random: every build and run asks the same pages.
let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const ask = async (list) => {
  const res = await app.request(`http://127.0.0.1/api/${list}?offset=${Math.floor(random() * 5000)}&limit=50`);
  if (res.status !== 200) throw new Error(`${list}: ${res.status}`);
  await res.arrayBuffer();
};
for (const list of listsArg.split(',')) {
  for (let i = 0; i < WARM; i++) await ask(list);
  const t = process.cpuUsage();
  for (let i = 0; i < N; i++) await ask(list);
  const u = process.cpuUsage(t);
  console.log(
    `${distArg} ${list}: ${((u.user + u.system) / 1000 / N).toFixed(2)} ms of CPU a page, warm (${N} pages after ${WARM})`,
  );
}
