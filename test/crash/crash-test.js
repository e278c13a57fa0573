// The kill test: SIGKILL `sitrep analyze` at seeded random points of a large ingest — during the bulk load, the
// index rebuild, the corpus resolve, the story placement and start-up (which finishes an abandoned bulk load) — and
// check the store after every kill and after the rerun that completes it. `npm run test:crash` runs the full
// version; a short one runs in `npm test` (test/crash.test.ts).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { rng, writeSyntheticDump } from '../../bench/synthetic.js';
import { openDb } from '../../dist/store/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');

/** Each derived table in key order (as bench/resolve.bench.js hashes them): equal hashes, equal tables. */
const DERIVED = {
  entities: 'SELECT * FROM entities ORDER BY id',
  actor_keys: 'SELECT * FROM actor_keys ORDER BY actor_key',
  events: 'SELECT id, type, date, data FROM events ORDER BY id',
  event_articles: 'SELECT event_id, article_id FROM event_articles ORDER BY article_id, event_id',
  claim_groups: 'SELECT * FROM claim_groups ORDER BY id',
  claim_group_members: 'SELECT article_seq, idx, group_id, rank FROM claim_group_members ORDER BY article_seq, idx',
  event_actors: 'SELECT entity_id, event_id, side, date FROM event_actors ORDER BY entity_id, event_id, side',
  stories: 'SELECT * FROM stories ORDER BY id',
  story_members: 'SELECT article_seq, story_id FROM story_members ORDER BY article_seq',
  story_keys: 'SELECT key, article_seq FROM story_keys ORDER BY key, article_seq',
  story_frequencies: 'SELECT key, df FROM story_frequencies ORDER BY key',
  story_documents: "SELECT key, value FROM meta WHERE key = 'story_documents' ORDER BY key",
};
const LAYERS = ['mentions', 'quotes', 'claims', 'event_mentions', 'article_fingerprints'];

/** Run `sitrep analyze` with tracing; kill it `delayMs` after `phase` starts (never, with phase null). */
function analyze(dump, db, { phase = null, delayMs = 0 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'analyze', dump, '--db', db], {
      cwd: ROOT,
      env: { ...process.env, SITREP_TRACE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const started = performance.now();
    const stored = [];
    const phases = [];
    let stderr = '';
    let buffered = '';
    let killedIn = null;
    let timer = null;
    const kill = () => {
      killedIn = phases.at(-1)?.name ?? 'start';
      child.kill('SIGKILL');
    };
    if (phase === 'start') timer = setTimeout(kill, delayMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      buffered += chunk;
      let nl = buffered.indexOf('\n');
      for (; nl >= 0; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const m = /^sitrep-trace: (phase|stored) (\S+)$/.exec(line);
        if (!m) stderr += `${line}\n`;
        else if (m[1] === 'stored') stored.push(m[2]);
        else {
          phases.push({ name: m[2], at: performance.now() - started });
          if (m[2] === phase && !killedIn && !timer) timer = setTimeout(kill, delayMs);
        }
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, killedIn: signal === 'SIGKILL' ? killedIn : null, stored, phases, stderr });
    });
  });
}

function hashes(db) {
  const out = {};
  for (const [name, sql] of Object.entries(DERIVED)) {
    const h = createHash('sha256');
    for (const row of db.prepare(sql).raw().iterate()) h.update(`${JSON.stringify(row)}\n`);
    out[name] = h.digest('hex').slice(0, 16);
  }
  return out;
}

/**
 * What must hold of a store after any crash, once opened as every sitrep command opens it (which finishes a
 * bulk load whose process is gone). Returns the stored ids; throws on the first violation.
 */
function checkStore(path, { reported, expectedIds }) {
  const db = openDb(path);
  try {
    const fail = (what) => {
      throw new Error(`${path}: ${what}`);
    };
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') fail(`integrity_check: ${integrity}`);
    // FTS5's own check of an external-content index against its table (rank 1: compare with the content).
    db.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)").run();
    const rows = db.prepare('SELECT seq, id, text FROM articles').all();
    const ids = new Set(rows.map((r) => r.id));
    if (ids.size !== rows.length) fail('duplicate article ids');
    for (const id of reported) if (!ids.has(id)) fail(`article ${id} was reported stored but is not there`);
    for (const id of ids) if (!expectedIds.has(id)) fail(`article ${id} is not one of the input's`);
    const match = db.prepare('SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?').pluck();
    for (const r of rows) {
      const word = /\b[A-Za-z]{4,}\b/.exec(r.text)?.[0];
      if (word && !match.get(`"${word}"`, r.seq)) fail(`full-text search does not find article ${r.id} by "${word}"`);
    }
    for (const t of LAYERS) {
      const orphans = db.prepare(`SELECT COUNT(*) FROM ${t} WHERE article_seq NOT IN (SELECT seq FROM articles)`);
      if (orphans.pluck().get() !== 0) fail(`rows of ${t} without their article`);
    }
    return { ids, hashes: hashes(db) };
  } finally {
    db.close();
  }
}

function removeStore(path) {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
}

/**
 * Cycles of: a fresh store, a run killed in a chosen phase, sometimes its rerun killed too, then a rerun that
 * completes. After each kill the store is checked (`checkStore`); after each completing rerun also: nothing lost,
 * nothing duplicated, derived tables equal to a clean run's.
 */
export async function crashTest({ kills = 50, seed = 1, articles = 1500, median = 250, dir, log = () => {} }) {
  mkdirSync(dir, { recursive: true });
  const dump = join(dir, 'input.txt');
  const fd = openSync(dump, 'w');
  writeSyntheticDump(articles, (s) => writeSync(fd, s), { seed, median });
  closeSync(fd);

  const cleanPath = join(dir, 'clean.db');
  removeStore(cleanPath);
  const clean = await analyze(dump, cleanPath);
  if (clean.code !== 0) throw new Error(`clean run failed: ${clean.stderr}`);
  const cleanStore = new Database(cleanPath, { readonly: true });
  const expectedIds = new Set(cleanStore.prepare('SELECT id FROM articles').pluck().all());
  const expectedHashes = hashes(cleanStore);
  cleanStore.close();
  // How long each phase of a whole run lasts, to draw kill times inside it.
  const span = {};
  const marks = [{ name: 'start', at: 0 }, ...clean.phases];
  for (let i = 0; i + 1 < marks.length; i++) span[marks[i].name] = marks[i + 1].at - marks[i].at;
  log(
    `clean run: ${expectedIds.size} articles, phases ${JSON.stringify(span, (_, v) => (typeof v === 'number' ? Math.round(v) : v))} ms`,
  );

  const r = rng(seed);
  const firstTargets = ['bulk-load', 'bulk-load', 'rebuild', 'resolve', 'start'];
  const laterTargets = ['start', 'store', 'bulk-load', 'resolve', 'stories'];
  const report = { kills: 0, byPhase: {}, cycles: 0, completedReruns: 0, checks: 0, missedKills: 0, seed, articles };
  const store = join(dir, 'crash.db');
  while (report.kills < kills) {
    report.cycles++;
    removeStore(store);
    let reported = new Set();
    for (let k = 0; report.kills < kills && (k === 0 || (k < 3 && r() < 0.5)); k++) {
      const targets = k === 0 ? firstTargets : laterTargets;
      const phase = targets[Math.floor(r() * targets.length)];
      const delayMs = Math.floor(r() * (span[phase] ?? span.store ?? 1000));
      const run = await analyze(dump, store, { phase, delayMs });
      for (const id of run.stored) reported.add(id);
      if (run.killedIn === null) {
        // The run ended before the kill (the phase did not happen in a rerun, or the delay outlasted the run).
        report.missedKills++;
        if (run.code !== 0) throw new Error(`run failed without a kill: ${run.stderr}`);
        break;
      }
      report.kills++;
      report.byPhase[run.killedIn] = (report.byPhase[run.killedIn] ?? 0) + 1;
      const after = checkStore(store, { reported, expectedIds });
      report.checks++;
      reported = after.ids;
      log(
        `kill ${report.kills}: aimed at ${phase} +${delayMs} ms, landed in ${run.killedIn}; ${after.ids.size} articles stored, store sound`,
      );
    }
    const before = checkStore(store, { reported, expectedIds }).ids.size;
    const rerun = await analyze(dump, store);
    if (rerun.code !== 0) throw new Error(`rerun failed (exit ${rerun.code}): ${rerun.stderr}`);
    const summary = new RegExp(`${expectedIds.size - before} new, ${before} already stored`);
    if (!summary.test(rerun.stderr)) throw new Error(`rerun summary unexpected: ${rerun.stderr}`);
    const done = checkStore(store, { reported, expectedIds });
    report.checks++;
    if (done.ids.size !== expectedIds.size) throw new Error(`${expectedIds.size - done.ids.size} article(s) lost`);
    for (const [name, h] of Object.entries(expectedHashes))
      if (done.hashes[name] !== h) throw new Error(`derived table ${name} differs from the clean run's`);
    report.completedReruns++;
  }
  removeStore(store);
  return report;
}
