// The query plans of the list routes: every list endpoint, with each sort and filter it accepts (by offset and by
// cursor), is asked through the read routes (`app.request`, as a reader thread does), every statement it runs is
// recorded with its arguments, and SQLite's EXPLAIN QUERY PLAN of each is printed. A plan step that sorts in a temp
// B-tree or scans a table (not an index) is marked `!`: a page should be read off an index, its keys first, and only
// its own rows after, in the keys' order. Exit status 1 when any statement of an unfiltered page of the six paged
// lists (articles, entities, events, quotes, claims, timeline; by offset or cursor) is marked.
//
//   node bench/list-plans.js STORE.db [--all]   (after npm run build; --all prints the plans without a mark too)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Hono } from 'hono';
import { listCursors } from './list-cursors.js';

const [store, flag] = process.argv.slice(2);
if (!store) {
  console.error('usage: node bench/list-plans.js STORE.db [--all]');
  process.exit(2);
}
const dist = new URL('../dist', import.meta.url).pathname;
const { openDb } = await import(pathToFileURL(resolve(dist, 'store/index.js')).href);
const { readRoutes } = await import(pathToFileURL(resolve(dist, 'serve/api.js')).href);
const db = openDb(store, { readonly: true });

// Every statement prepared on the connection records the SQL and arguments it is run with.
let current = '';
const runs = new Map();
const prepare = db.prepare.bind(db);
db.prepare = (sql) => {
  const st = prepare(sql);
  for (const m of ['all', 'get', 'iterate']) {
    const f = st[m].bind(st);
    st[m] = (...args) => {
      if (!/^\s*SELECT \(SELECT data_version|^\s*SELECT total_changes|FROM meta WHERE/.test(sql)) {
        const key = sql.replace(/\s+/g, ' ').trim();
        if (!runs.has(key)) runs.set(key, { url: current, args, urls: new Set() });
        runs.get(key).urls.add(current.replace(/[?&](offset|cursor|limit)=[^&]*/g, '').replace(/=[^&]*/g, '=…'));
      }
      return f(...args);
    };
  }
  return st;
};
const app = new Hono().route('/api', readRoutes(db));

const one = (sql) => prepare(sql).pluck().get();
const c = await listCursors(store, 200, ['articles', 'entities', 'events', 'dated', 'quotes', 'claims']);
const at = (list) => c[list][Math.min(100, c[list].length - 1)];
const ids = {
  entity: one('SELECT id FROM entities ORDER BY mentions DESC LIMIT 1'),
  entityType: one('SELECT type FROM entities GROUP BY type ORDER BY COUNT(*) DESC LIMIT 1'),
  outlet: one('SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 1'),
  story: one('SELECT id FROM stories ORDER BY articles DESC LIMIT 1'),
  type: one('SELECT type FROM events GROUP BY type ORDER BY COUNT(*) DESC LIMIT 1'),
  month: one('SELECT substr(date, 1, 7) FROM events WHERE date IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1'),
  group: one('SELECT id FROM claim_groups ORDER BY size DESC LIMIT 1'),
  article: one('SELECT id FROM articles LIMIT 1'),
};
const facets = {
  none: '',
  outlet: `outlet=${encodeURIComponent(ids.outlet ?? 'x')}`,
  actor: `actor=${ids.entity}`,
  story: `story=${ids.story ?? 'x'}`,
  dates: `from=${ids.month}&to=${ids.month}`,
  from: `from=${ids.month}`,
  type: `type=${ids.type}`,
  quad: 'quad=conflictual',
  negated: 'flag=negated',
  hypothetical: 'flag=hypothetical',
  asserted: 'flag=asserted',
  stance: 'stance=denies',
};
const accepts = {
  articles: ['none', 'outlet', 'actor', 'story', 'dates', 'from'],
  events: ['none', 'outlet', 'actor', 'story', 'dates', 'type', 'quad', 'negated', 'hypothetical', 'asserted'],
  timeline: ['none', 'outlet', 'actor', 'story', 'dates', 'type', 'quad', 'negated', 'hypothetical', 'asserted'],
  quotes: ['none', 'outlet', 'actor', 'story', 'dates'],
  claims: ['none', 'outlet', 'actor', 'story', 'dates', 'stance'],
};
const urls = [];
for (const [list, fs] of Object.entries(accepts))
  for (const f of fs) {
    const q = facets[f] ? `${facets[f]}&` : '';
    urls.push(`/api/${list}?${q}offset=100&limit=50`, `/api/${list}?${q}offset=0&limit=50`);
    urls.push(`/api/${list}?${q}cursor=${at(list === 'timeline' ? 'dated' : list)}&limit=50`);
  }
for (const t of ['', `type=${ids.entityType}&`])
  urls.push(`/api/entities?${t}offset=100&limit=50`, `/api/entities?${t}cursor=${at('entities')}&limit=50`);
urls.push(
  '/api/ledger?offset=0&limit=20',
  '/api/ledger?offset=100000&limit=20',
  `/api/ledger/${ids.group}?offset=0&limit=20`,
  '/api/stories?offset=0&limit=20',
  `/api/entities/${ids.entity}?offset=0&limit=20`,
  `/api/places/events?location=x&limit=20`,
);
for (const url of urls) {
  current = url;
  const res = await app.request(`http://127.0.0.1${url}`);
  if (res.status !== 200) console.log(`${res.status} ${url}`);
  await res.arrayBuffer();
}

// A step that sorts in a temp B-tree (of the page's rows at the top of a statement, of keys inside a subquery), or
// that scans a whole table rather than a subquery or an index.
const marks = (plan) => {
  const subqueries = new Set(plan.map((p) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(p.detail)?.[1]).filter(Boolean));
  const top = new Set(plan.filter((p) => p.parent === 0).map((p) => p.id));
  return plan.map((p) => {
    if (/USE TEMP B-TREE/.test(p.detail)) return top.has(p.id) ? 'sorts rows' : 'sorts keys';
    const scan = /^SCAN (\S+)(?: AS \S+)?$/.exec(p.detail);
    if (scan && !subqueries.has(scan[1]) && !subqueries.has(`(${scan[1]})`)) return 'scans a table';
    return '';
  });
};
let badUnfiltered = 0;
let marked = 0;
for (const [sql, r] of runs) {
  let plan;
  try {
    plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...r.args);
  } catch (err) {
    console.log(`(no plan: ${err.message}) ${sql}`);
    continue;
  }
  const m = marks(plan);
  const bad = m.some((x) => x !== '');
  if (bad) {
    marked++;
    if ([...r.urls].some((u) => /^\/api\/(articles|entities|events|quotes|claims|timeline)$/.test(u))) badUnfiltered++;
  }
  if (!bad && flag !== '--all') continue;
  console.log(`\n${bad ? '!' : ' '} ${[...r.urls].slice(0, 6).join('  ')}${r.urls.size > 6 ? ' …' : ''}\n  ${sql}`);
  for (const [i, p] of plan.entries()) console.log(`    ${m[i] ? '!' : ' '} ${p.detail}${m[i] ? `  <- ${m[i]}` : ''}`);
}
console.log(
  `\n${runs.size} statements over ${urls.length} URLs; ${marked} with a temp sort or a table scan (marked !), ${badUnfiltered} of them on an unfiltered page of a paged list`,
);
process.exit(badUnfiltered > 0 ? 1 : 0);
