// What a write to a PostgreSQL store costs beyond the analysis itself, on a store of a given size, old way against
// new way, in alternating rounds:
//   working copy: every table copied out (COPY … TO) into a temporary SQLite file and written back (TRUNCATE + COPY);
//   native:       the sink opened (`pgArticleSink`: it read every stored id and fingerprint before migration 017's
//                 look-ups; now nothing), the tables the corpus steps read copied out in one snapshot, and the
//                 derived tables replaced (DELETE + COPY). The look-ups per job: bench/pg-writer-start.js.
// Neither includes analysis or the resolve's own work (the same code on both paths). Client CPU from
// process.cpuUsage, the server's from /proc/<pid>/stat of this database's backends (only this process connects).
//
//   node bench/pg-writer-overhead.js STORE.db [ROUNDS]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../dist/store/index.js';
import { pgArticleSink } from '../dist/store/pg/article-writer.js';
import { openPool } from '../dist/store/pg/connect.js';
import { CORPUS_TABLES, pullStore, pushDerived, pushStore } from '../dist/store/pg/mirror.js';
import { benchDatabase, costMeter } from './pg-database.js';

const source = process.argv[2];
if (!source) throw new Error('usage: node bench/pg-writer-overhead.js STORE.db [ROUNDS]');
const ROUNDS = Number(process.argv[3] ?? 3);

const database = await benchDatabase();
const pool = await openPool(database.url);
const measure = costMeter(pool, database.url, 1);

async function withCopy(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-overhead-'));
  const db = openDb(join(dir, 'copy.db'));
  try {
    await fn(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  const client = await pool.connect();
  try {
    const src = openDb(source, { readonly: true });
    const rows = await pushStore(client, src);
    const articles = src.prepare('SELECT COUNT(*) FROM articles').pluck().get();
    src.close();
    console.log(`loaded ${source}: ${articles} articles, ${rows} rows`);
    const ways = {
      'working copy': () =>
        withCopy(async (db) => {
          await pullStore(client, db);
          await pushStore(client, db);
        }),
      native: async () => {
        const sink = await pgArticleSink(pool);
        await sink.close();
        await withCopy(async (db) => {
          await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
          await pullStore(client, db, CORPUS_TABLES);
          await client.query('COMMIT');
          await pushDerived(client, db);
        });
      },
    };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? Object.keys(ways) : Object.keys(ways).reverse();
      for (const way of order) console.log(`round ${round + 1} ${way}: ${await measure(ways[way])}`);
    }
  } finally {
    client.release();
  }
} finally {
  await pool.end();
  await database.drop();
}
