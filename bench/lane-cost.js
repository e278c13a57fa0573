// CPU time of list answers as two reader threads make them, in-process: two connections to one read-only store, each
// with the read routes (as each reader of `sitrep serve` has), asked the load bench's list pages (articles, entities,
// events, quotes, timeline; pages of 50 at random offsets among the first 5,000 rows), either each page by whichever
// reader comes next ("any reader", as the pool did) or each list by one reader ("by route", the pool's lanes). Every
// reader keeps per-connection caches (timeline entries, event JSON, evidence, articles, counts), so whether a list's
// pages all meet the same caches is what differs. This build "by route" and "any reader", and another build "any
// reader", in alternating rounds, each round on fresh connections: WARM pages first (not timed), then N timed.
// `process.cpuUsage()` over the timed pages.
//
//   node bench/lane-cost.js STORE.db [OTHER_BUILD_DIST] [ROUNDS]   (after npm run build; WARM, N in the environment,
//   default 3000 each)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [store, other, roundsArg = '2'] = process.argv.slice(2);
if (!store) {
  console.error('usage: node bench/lane-cost.js STORE.db [OTHER_BUILD_DIST] [ROUNDS]');
  process.exit(2);
}
const WARM = Number(process.env.WARM ?? 3000);
const N = Number(process.env.N ?? 3000);
const { Hono } = await import('hono');
const load = async (dist) => {
  const { openDb } = await import(pathToFileURL(resolve(dist, 'store/index.js')).href);
  const { readRoutes } = await import(pathToFileURL(resolve(dist, 'serve/api.js')).href);
  const { useLightResponses, bodyOf } = await import(pathToFileURL(resolve(dist, 'serve/light-response.js')).href);
  useLightResponses();
  return {
    readers: () =>
      [0, 1].map(() => {
        const db = openDb(store, { readonly: true });
        return { db, app: new Hono().route('/api', readRoutes(db)) };
      }),
    bodyOf,
  };
};
const builds = { this: await load(new URL('../dist', import.meta.url).pathname) };
if (other) builds.other = await load(other);

// A seeded random: every mode and round asks the same pages in the same order.
const seeded = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const LISTS = ['articles', 'entities', 'events', 'quotes', 'timeline'];
const random = seeded(20261207);
const pages = Array.from({ length: WARM + N }, () => {
  const list = Math.floor(random() * LISTS.length);
  return { list, url: `/api/${LISTS[list]}?offset=${Math.floor(random() * 5000)}&limit=50` };
});
const pickReader = seeded(7);

async function run(build, byRoute) {
  const readers = build.readers();
  const ask = async (p) => {
    const r = readers[byRoute ? p.list % 2 : Math.floor(pickReader() * 2)];
    const res = await r.app.request(`http://127.0.0.1${p.url}`);
    if (res.status !== 200) throw new Error(`${p.url}: ${res.status}`);
    await build.bodyOf(res);
  };
  for (const p of pages.slice(0, WARM)) await ask(p);
  const t = process.cpuUsage();
  for (const p of pages.slice(WARM)) await ask(p);
  const u = process.cpuUsage(t);
  for (const r of readers) r.db.close();
  return (u.user + u.system) / 1000 / N;
}

const modes = [
  ['this, by route', builds.this, true],
  ['this, any reader', builds.this, false],
  ...(builds.other ? [['other, any reader', builds.other, false]] : []),
];
const spent = new Map(modes.map(([name]) => [name, []]));
for (let round = 0; round < Number(roundsArg); round++)
  for (const [name, build, byRoute] of round % 2 === 0 ? modes : [...modes].reverse()) {
    const ms = await run(build, byRoute);
    spent.get(name).push(ms);
    console.log(`  round ${round + 1} ${name}: ${ms.toFixed(3)} ms of CPU an answer`);
  }
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(
  `store ${store}; ${N} list pages timed after ${WARM}: ${[...spent].map(([n, xs]) => `${n} ${mean(xs).toFixed(3)} ms`).join(', ')}`,
);
