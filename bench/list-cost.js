// CPU time of one list page, in-process, on one store (read-only): each list of the API at offset 0, at a deep
// offset, and at the same depth reached by cursor (keyset paging), through the app's routes (`app.request`, no
// sockets; the response cache is bypassed by distinct URLs). Counts are warmed first, so the figures are the
// page's own cost. `process.cpuUsage()` around each request: what a page costs whatever share of the machine the
// process gets.
//
//   node bench/list-cost.js STORE.db [DEPTH] [REPEATS]   (after npm run build; default depth 4,000, 20 repeats)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpuMs } from './answer-cpu.js';

const [store, depthArg = '4000', repeatsArg = '20'] = process.argv.slice(2);
if (!store) {
  console.error('usage: node bench/list-cost.js STORE.db [DEPTH] [REPEATS]');
  process.exit(2);
}
const dist = new URL('../dist', import.meta.url).pathname;
const { openDb } = await import(pathToFileURL(resolve(dist, 'store/index.js')).href);
const { readRoutes } = await import(pathToFileURL(resolve(dist, 'serve/api.js')).href);
const { Hono } = await import('hono');
const db = openDb(store, { readonly: true });
const app = new Hono().route('/api', readRoutes(db));
const DEPTH = Number(depthArg);
const REPEATS = Number(repeatsArg);
const get = async (path) => {
  const res = await app.request(`http://127.0.0.1${path}`);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const lists = ['/api/articles', '/api/entities', '/api/events', '/api/quotes', '/api/timeline'];
console.log(`store ${store}; ${DEPTH} rows deep; median of ${REPEATS} pages of 50 each`);
for (const list of lists) {
  // The cursor of the page that ends at DEPTH: the cursor paging reaches it by walking, as a client would.
  let body = await get(`${list}?limit=500`);
  for (let at = 500; at < DEPTH; at += 500) body = await get(`${list}?cursor=${body.next}&limit=500`);
  const cursor = body.next;
  const time = async (path) => {
    const ms = [];
    for (let i = 0; i < REPEATS; i++) {
      // A different limit each time: a distinct query, the same work.
      const t = cpuMs();
      await get(`${path}&limit=${50 - (i % 2)}`);
      ms.push(cpuMs() - t);
    }
    return median(ms).toFixed(2);
  };
  console.log(
    `  ${list.padEnd(14)} first page ${await time(`${list}?offset=0`)} ms, offset ${DEPTH} ${await time(
      `${list}?offset=${DEPTH}`,
    )} ms, cursor at ${DEPTH} ${await time(`${list}?cursor=${cursor}`)} ms`,
  );
}
