// CPU time of the parts of a list page, in-process, page functions called directly (no route, no HTTP): for articles,
// entities, events and quotes, random pages of 50 among the first 5,000 rows — the page function, the page serialized,
// the quotes' and events' statements alone, and the events' stored JSON parsed (and serialized again). Also whether
// every event row's stored JSON is what `JSON.stringify` writes for it (then an item can be sent as stored).
// `process.cpuUsage()` around N pages after a warm-up of 50.
//
//   node bench/page-parts-cost.js STORE.db [DIST] [N]   (after npm run build; N default 300)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [store, distArg = new URL('../dist', import.meta.url).pathname, nArg = '300'] = process.argv.slice(2);
if (!store) {
  console.error('usage: node bench/page-parts-cost.js STORE.db [DIST] [N]');
  process.exit(2);
}
const S = await import(pathToFileURL(resolve(distArg, 'store/index.js')).href);
const db = S.openDb(store, { readonly: true });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// A seeded random: every run asks the same pages.
let seed = 5;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const N = Number(nArg);
const offsets = Array.from({ length: N }, () => Math.floor(random() * 5000));
const time = (fn) => {
  for (const o of offsets.slice(0, 50)) fn(o);
  const t = cpu();
  for (const o of offsets) fn(o);
  return ((cpu() - t) / N).toFixed(3);
};
const lists = {
  articles: (o) => S.articlePage(db, o, 50),
  entities: (o) => S.entityPage(db, o, 50),
  events: (o) => S.eventPage(db, o, 50),
  quotes: (o) => S.quotePage(db, o, 50),
};
for (const [name, page] of Object.entries(lists))
  console.log(`${name}: page ${time(page)} ms, page serialized ${time((o) => JSON.stringify(page(o)))} ms`);
const quotes = db.prepare(
  `${S.QUOTE_SELECT.replace('SELECT ', 'SELECT q.article_seq AS "articleSeq", ')} WHERE (q.article_seq, q.idx) IN
   (SELECT q.article_seq, q.idx FROM quotes q ORDER BY q.article_seq, q.idx LIMIT ? OFFSET ?) ORDER BY q.article_seq, q.idx`,
);
console.log(`quotes: the page's statement alone ${time((o) => quotes.all(51, o))} ms`);
const keys = db.prepare('SELECT q.article_seq, q.idx FROM quotes q ORDER BY q.article_seq, q.idx LIMIT ? OFFSET ?');
console.log(`quotes: the page's keys alone ${time((o) => keys.all(51, o))} ms`);
const events = db.prepare(
  `SELECT data, date, id FROM events WHERE rowid IN (SELECT e.rowid FROM events e WHERE e.date IS NOT NULL
   ORDER BY e.date, e.id LIMIT ? OFFSET ?) ORDER BY date, id`,
);
console.log(`events: the page's statement alone ${time((o) => events.all(51, o))} ms`);
const rows = new Map(offsets.map((o) => [o, events.all(51, o)]));
console.log(`events: 51 rows' JSON parsed ${time((o) => rows.get(o).map((r) => JSON.parse(r.data)))} ms`);
console.log(
  `events: parsed and serialized again ${time((o) => rows.get(o).map((r) => JSON.stringify(JSON.parse(r.data))))} ms`,
);
let same = 0;
let all = 0;
for (const r of db.prepare('SELECT data FROM events').pluck().iterate()) {
  all++;
  if (JSON.stringify(JSON.parse(r)) === r) same++;
}
console.log(`events: ${same} of ${all} stored JSONs as JSON.stringify writes them`);
