// Whether two builds of `sitrep serve` give the same answers on the same store: a server of each build (on copies of
// one store, no ingest) is asked the same URLs — every list (articles, entities, events, quotes, claims, timeline) at
// many offsets, limits, cursors and filters, cursor walks that follow `next`, and the other read routes (search,
// stats, ledger, stories, an article, an actor, 400s and 404s) — each URL twice (a miss, then the response cache's
// hit), and their status, Content-Type, ETag and body bytes are compared. Prints the number of URLs, the bytes
// compared and every difference; exit status 1 when any.
//
//   node bench/same-answers.js STORE.db OTHER_BUILD_CLI [URLS_PER_LIST]   (after npm run build)
import { copyFileSync, rmSync } from 'node:fs';
import { rng } from '../dist/model/random.js';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { listCursors } from './list-cursors.js';
import { startServe } from './start-serve.js';

const [store, other, perListArg = '40'] = process.argv.slice(2);
if (!store || !other) {
  console.error('usage: node bench/same-answers.js STORE.db OTHER_BUILD_CLI [URLS_PER_LIST]');
  process.exit(2);
}
const PER_LIST = Number(perListArg);
const builds = { this: fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)), other };

// A seeded random (mulberry32): every run asks the same URLs.
const random = rng(424242);
const pick = (list) => list[Math.floor(random() * list.length)];

const raw = new Database(store, { readonly: true });
const all = (sql, ...args) =>
  raw
    .prepare(sql)
    .raw()
    .all(...args);
const one = (sql) => raw.prepare(sql).pluck().get();
const totals = {
  articles: one('SELECT COUNT(*) FROM articles'),
  entities: one('SELECT COUNT(*) FROM entities'),
  events: one('SELECT COUNT(*) FROM events'),
  quotes: one('SELECT COUNT(*) FROM quotes'),
  claims: one('SELECT COUNT(*) FROM claims'),
};
totals.timeline = one('SELECT COUNT(*) FROM events WHERE date IS NOT NULL');
// Each list's first 20,000 rows and the last 30 (undated articles and events come last), so that the ends are asked too.
const cursors = await listCursors(store, 20000, ['articles', 'entities', 'events', 'quotes', 'claims'], { last: 30 });
cursors.timeline = cursors.events;
const ids = {
  articles: all('SELECT id FROM articles ORDER BY random() LIMIT 20').map((r) => r[0]),
  entities: all('SELECT id FROM entities ORDER BY mentions DESC LIMIT 10').map((r) => r[0]),
  outlets: all(
    'SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 4',
  ).map((r) => r[0]),
  types: all('SELECT type FROM events GROUP BY type ORDER BY COUNT(*) DESC LIMIT 4').map((r) => r[0]),
  entityTypes: all('SELECT type FROM entities GROUP BY type').map((r) => r[0]),
  stories: all('SELECT id FROM stories LIMIT 3').map((r) => r[0]),
  years: all(
    'SELECT substr(date, 1, 7) FROM events WHERE date IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 3',
  ).map((r) => r[0]),
};
raw.close();

const LISTS = ['articles', 'entities', 'events', 'quotes', 'claims', 'timeline'];
const urls = [];
for (const list of LISTS) {
  const n = totals[list];
  const maxLimit = list === 'timeline' ? 1000 : 500;
  const offsets = [0, 1, 49, 50, 123, 999, 4999, 9999, 10000, n - 1, n, n + 7];
  for (const o of offsets) urls.push(`/api/${list}?offset=${Math.max(0, o)}&limit=50`);
  for (const l of [1, 7, 200, maxLimit]) urls.push(`/api/${list}?offset=${Math.floor(random() * 5000)}&limit=${l}`);
  urls.push(`/api/${list}`, `/api/${list}?count=exact&limit=20`, `/api/${list}?limit=0`, `/api/${list}?offset=-1`);
  urls.push(`/api/${list}?cursor=bogus`, `/api/${list}?cursor=${cursors.quotes[3]}&offset=5`);
  for (let i = 0; i < PER_LIST; i++) {
    urls.push(`/api/${list}?offset=${Math.floor(random() * Math.min(n, 5000))}&limit=50`);
    urls.push(`/api/${list}?cursor=${pick(cursors[list])}&limit=${pick([20, 50, 50, 100])}`);
  }
  for (const c of cursors[list].slice(-30)) urls.push(`/api/${list}?cursor=${c}&limit=50`);
}
for (const t of ids.entityTypes) urls.push(`/api/entities?type=${t}&limit=50`, `/api/entities?type=${t}&offset=77`);
for (const list of ['articles', 'events', 'quotes', 'claims', 'timeline']) {
  for (const o of ids.outlets) urls.push(`/api/${list}?outlet=${encodeURIComponent(o)}&limit=50`);
  for (const e of ids.entities.slice(0, 4)) urls.push(`/api/${list}?actor=${e}&limit=50`);
  for (const s of ids.stories) urls.push(`/api/${list}?story=${s}&limit=50`);
  for (const y of ids.years) urls.push(`/api/${list}?from=${y}&to=${y}&limit=50`);
  if (list !== 'articles') for (const t of ids.types) urls.push(`/api/${list}?type=${t}&limit=50&offset=10`);
}
for (const id of ids.articles) urls.push(`/api/articles/${id}`);
for (const id of ids.entities) urls.push(`/api/entities/${id}?limit=20`, `/api/entities/${id}/profile`);
urls.push('/api/articles/nosuch', '/api/entities/nosuch', '/api/stats', '/api/outlets', '/api/filter-choices');
urls.push('/api/ledger?limit=20', '/api/stories?limit=20', '/api/quotes/speakers');
for (const q of ['government', 'police said', 'the minister', 'flood water', 'election']) {
  urls.push(`/api/search?q=${encodeURIComponent(q)}&limit=20`, `/api/search?q=${encodeURIComponent(q)}&offset=20`);
}

async function answers(cli, walkFrom) {
  // The copy's own name, never the store's (a store not named *.db would otherwise be the copy, and removed).
  const db = `${store}.same.db`;
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  copyFileSync(store, db);
  const { child, base } = await startServe({ cli, db });
  const out = new Map();
  const get = async (url) => {
    const res = await fetch(base + url);
    const body = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      etag: res.headers.get('etag'),
      body,
    };
  };
  try {
    for (const url of urls) out.set(url, [await get(url), await get(url)]);
    // Cursor walks: the `next` of each page, as this build answered it (the same URLs asked of both).
    for (const start of walkFrom) {
      let url = start;
      for (let i = 0; i < 8 && url; i++) {
        const a = [await get(url), await get(url)];
        out.set(url, a);
        const next = a[0].status === 200 ? JSON.parse(a[0].body.toString('utf8')).next : null;
        url = next ? `${start.split('?')[0]}?cursor=${next}&limit=50` : null;
      }
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  }
  return out;
}

const walks = LISTS.map((l) => `/api/${l}?limit=50`);
const a = await answers(builds.this, walks);
const b = await answers(builds.other, walks);
let bytes = 0;
let diffs = 0;
for (const [url, ours] of a) {
  const theirs = b.get(url);
  for (const [i, x] of ours.entries()) {
    const y = theirs?.[i];
    bytes += x.body.length;
    const same = y && x.status === y.status && x.type === y.type && x.etag === y.etag && x.body.equals(y.body);
    if (!same) {
      diffs++;
      if (diffs <= 20)
        console.log(
          `DIFFERENT ${i === 0 ? 'miss' : 'hit'} ${url}: ${x.status} ${x.type} ${x.body.length} B against ${y?.status} ${y?.type} ${y?.body.length} B`,
        );
    }
  }
}
console.log(
  `${a.size} URLs, each asked twice of each build: ${diffs} answers different, ${(bytes / 1e6).toFixed(1)} MB compared`,
);
process.exit(diffs > 0 ? 1 : 0);
