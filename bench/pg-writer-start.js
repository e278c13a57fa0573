// What a job's duplicate and id checks cost on a PostgreSQL store of a given size, another build against this one,
// in alternating rounds, one process. A store of N articles with real fingerprints (the synthetic articles of
// `npm run bench:pg`, nothing analyzed) is made once; then each round, for each build, a job of J new articles:
//   the sink opened (`pgArticleSink`), the duplicate detector made (`new Deduplicator(sink.known())`), and the J
//   texts judged: by `check` when the build has no `lookup` (it read every stored id and fingerprint when the sink
//   opened), else a chunk of 64 at a time through `sink.lookup` and `judge` (what `sitrep analyze` does).
// Nothing is written. Client CPU from process.cpuUsage, the server's from /proc/<pid>/stat of this database's
// backends (only this process connects).
//
//   node bench/pg-writer-start.js BASE_DIST [SIZES=2000,4000] [ROUNDS=3] [JOB=200]
//   (BASE_DIST: another build's dist folder, e.g. main's; this build's is ./dist)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Deduplicator } from '../dist/resolve/index.js';
import { pgArticleSink } from '../dist/store/pg/article-writer.js';
import { openPool } from '../dist/store/pg/connect.js';
import { benchDatabase, costMeter } from './pg-database.js';
import { articleWords, rng, syntheticArticle } from './synthetic.js';

const baseDist = process.argv[2];
if (!baseDist) throw new Error('usage: node bench/pg-writer-start.js BASE_DIST [SIZES] [ROUNDS] [JOB]');
const SIZES = (process.argv[3] ?? '2000,4000').split(',').map(Number);
const ROUNDS = Number(process.argv[4] ?? 3);
const JOB = Number(process.argv[5] ?? 200);
const base = {
  sink: (await import(pathToFileURL(resolve(baseDist, 'store/pg/article-writer.js')).href)).pgArticleSink,
  Deduplicator: (await import(pathToFileURL(resolve(baseDist, 'resolve/index.js')).href)).Deduplicator,
};

// The synthetic articles `npm run bench:pg` analyzes (bench/synthetic.js, seed 2026), their texts only.
const r = rng(2026);
let made = 0;
const text = () => syntheticArticle(r, made++, articleWords(r, 600));

const database = await benchDatabase();
const pool = await openPool(database.url);
const measure = costMeter(pool, database.url, 2);

/** Add articles with fingerprints until the store holds `n`. */
async function fill(n) {
  const have = Number((await pool.query('SELECT COUNT(*) AS n FROM articles')).rows[0].n);
  for (let at = have; at < n; at += 500) {
    const ids = [];
    const texts = [];
    const hashes = [];
    const minhashes = [];
    for (let i = at; i < Math.min(n, at + 500); i++) {
      const t = text();
      const f = Deduplicator.fingerprint(t);
      ids.push(`bench-${i}`);
      texts.push(t);
      hashes.push(f.textHash);
      minhashes.push(Buffer.from(f.minhash.buffer, f.minhash.byteOffset, f.minhash.byteLength));
    }
    await pool.query(
      `WITH a AS (INSERT INTO articles (id, title, text, origin)
                  SELECT id, 'Bench', t, 'bench' FROM unnest($1::text[], $2::text[]) AS x(id, t) RETURNING seq, id)
       INSERT INTO article_fingerprints (article_seq, text_hash, minhash)
       SELECT a.seq, x.h, x.m FROM unnest($1::text[], $3::text[], $4::bytea[]) AS x(id, h, m) JOIN a USING (id)`,
      [ids, texts, hashes, minhashes],
    );
  }
}

/** One job of `texts` judged by a build: its sink opened, its detector made, each text judged. */
async function job(build, texts) {
  const sink = await build.sink(pool);
  try {
    const dedup = new build.Deduplicator(sink.known());
    let verdicts = 0;
    if (!sink.lookup) {
      for (const t of texts) if (dedup.check(t)) verdicts++;
      return `${verdicts} judged, detector of ${dedup.size}`;
    }
    for (let i = 0; i < texts.length; i += 64) {
      const chunk = texts
        .slice(i, i + 64)
        .map((t, k) => ({ id: `new-${i + k}`, fingerprint: Deduplicator.fingerprint(t) }));
      const stored = (await sink.lookup(chunk)).map((k) => dedup.candidate(k));
      for (const c of chunk) if (!sink.has(c.id) && dedup.judge(c.fingerprint, stored)) verdicts++;
    }
    return `${verdicts} judged, detector of ${dedup.size}`;
  } finally {
    await sink.close();
  }
}

try {
  const builds = { base, this: { sink: pgArticleSink, Deduplicator } };
  for (const n of SIZES) {
    await fill(n);
    await pool.query('VACUUM ANALYZE articles, article_fingerprints');
    const texts = Array.from({ length: JOB }, text);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['base', 'this'] : ['this', 'base'];
      for (const b of order)
        console.log(`${n} stored, round ${round + 1} ${b}: ${await measure(() => job(builds[b], texts))}`);
    }
  }
} finally {
  await pool.end();
  await database.drop();
}
