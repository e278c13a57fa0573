// Timings of the workbench's list routes (facets, actor profile, timeline, quotes, claims) on a stored corpus,
// called in-process through the app (`app.request`, no sockets): p50 and p95 over repeated calls of each route,
// after one warm-up call. The store defaults to the synthetic one `npm run bench:serve` builds
// (bench/out/serve-load-10000.db); WORKBENCH_DB=<file> names another. WORKBENCH_DIST=<dist dir> runs another
// build (e.g. main's) on the same store, for a paired before/after of the routes both have.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DB = process.env.WORKBENCH_DB ?? join(ROOT, 'bench/out/serve-load-10000.db');
const DIST = process.env.WORKBENCH_DIST ?? join(ROOT, 'dist');
const REPS = Number(process.env.WORKBENCH_REPS ?? 30);
if (!existsSync(DB)) {
  console.error(`no store at ${DB}: run npm run bench:serve once (it builds it), or set WORKBENCH_DB`);
  process.exit(1);
}
const { openDb } = await import(pathToFileURL(join(DIST, 'store/index.js')).href);
const { createApp } = await import(pathToFileURL(join(DIST, 'serve/index.js')).href);
const db = openDb(DB);
const app = createApp(db);

async function get(path) {
  const res = await app.request(path);
  const body = await res.json();
  return { status: res.status, body };
}

// Facet values from the store itself: the most mentioned actor, the biggest outlet, the most quoted speaker.
const counts = db.prepare('SELECT COUNT(*) AS n FROM articles').get();
const actor = db.prepare('SELECT id, name FROM entities ORDER BY mentions DESC LIMIT 1').get();
const outlet = db
  .prepare('SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 1')
  .get()?.outlet;
const events = db.prepare('SELECT COUNT(*) AS n FROM events').get().n;
const firstDate = db.prepare('SELECT MIN(date) AS d FROM events WHERE date IS NOT NULL').get().d ?? '2026';
const routes = [
  '/api/articles?limit=50',
  `/api/articles?limit=50&outlet=${encodeURIComponent(outlet ?? '')}`,
  `/api/articles?limit=50&actor=${actor.id}`,
  `/api/articles?limit=50&from=${firstDate.slice(0, 7)}&to=${firstDate.slice(0, 7)}`,
  '/api/events?limit=50',
  `/api/events?limit=50&offset=${Math.max(0, events - 50)}`,
  '/api/events?limit=50&type=ASSAULT',
  '/api/events?limit=50&quad=conflictual',
  `/api/events?limit=50&actor=${actor.id}`,
  '/api/events?limit=50&flag=negated',
  `/api/events?limit=50&outlet=${encodeURIComponent(outlet ?? '')}`,
  '/api/timeline?limit=200',
  `/api/timeline?limit=200&actor=${actor.id}`,
  '/api/quotes?limit=50',
  `/api/quotes?limit=50&actor=${actor.id}`,
  '/api/quotes/speakers',
  '/api/claims?limit=50',
  '/api/claims?limit=50&stance=denies',
  `/api/claims?limit=50&actor=${actor.id}`,
  `/api/entities/${actor.id}/profile`,
  '/api/outlets',
];

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
console.log(`store ${DB}: ${counts.n} articles, ${events} events; build ${DIST}; ${REPS} calls per route`);
console.log(`actor facet: ${actor.name} (${actor.id}); outlet facet: ${outlet}`);
for (const path of routes) {
  const first = await get(path);
  if (first.status !== 200) {
    console.log(`${path.padEnd(72)} status ${first.status} (not in this build)`);
    continue;
  }
  const ms = [];
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    await get(path);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const total = first.body.total ?? first.body.items?.length ?? '';
  console.log(
    `${path.padEnd(72)} p50 ${pct(ms, 50).toFixed(1).padStart(7)} ms  p95 ${pct(ms, 95).toFixed(1).padStart(7)} ms  total ${total}`,
  );
}
app.stopWorkers();
db.close();
