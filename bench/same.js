// npm run bench:same -- <ref> [--only analyze|jsonl|NAME[,…]] [--keep]
// Checks that the working tree's build gives the same output as git ref <ref>: both builds' `sitrep` run the same
// workloads, every stored table, export and JSONL output is hashed, and one row per check says same or DIFFERENT
// (with the first differing row or line). Exit status 1 when anything differs or fails.
// The ref is extracted with `git archive` into bench/out/same/<sha>/build and compiled with its own tsconfig; its
// hashes and outputs are cached there, so a second comparison against the same commit runs only the working tree.
// Shared data: $SITREP_SHARED_DATA, else ../shared/data beside the repository (or a parent); absent sets are skipped.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { writeSyntheticDump } from './synthetic.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench/out/same');
const THREADS = '2';

/**
 * The only values that legitimately change from run to run: the wall-clock time an article was stored (and the GDELT
 * DATEADDED column made from it) and the time a migration was applied. Everything else must be identical.
 */
const VOLATILE_COLUMNS = { articles: ['added_at'], schema_migrations: ['applied_at'] };
const VOLATILE_GDELT_COLUMN = 'DATEADDED';
const EXPORT_FORMATS = ['json', 'plover', 'gdelt', 'csv'];

// ---------------------------------------------------------------- arguments

function usage(message) {
  if (message) console.error(`bench:same: ${message}`);
  console.error('usage: npm run bench:same -- <git ref> [--only analyze|jsonl|NAME[,…]] [--keep]');
  process.exit(2);
}

const argv = process.argv.slice(2);
let refArg = null;
const only = [];
let keep = false;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--keep') keep = true;
  else if (a === '--only') {
    if (!argv[i + 1]) usage('--only needs a value');
    only.push(...argv[++i].split(',').filter(Boolean));
  } else if (a.startsWith('--only=')) only.push(...a.slice(7).split(',').filter(Boolean));
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else if (refArg === null) refArg = a;
  else usage(`unexpected argument ${a}`);
}
if (!refArg) usage('which git ref to compare with?');

function git(...args) {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

let sha;
try {
  sha = git('rev-parse', '--verify', `${refArg}^{commit}`);
} catch {
  usage(`"${refArg}" is not a commit`);
}
const TREE_MAIN = join(ROOT, 'dist/cli/main.js');
if (!existsSync(TREE_MAIN)) usage('dist/cli/main.js missing: run npm run build first');

// ---------------------------------------------------------------- helpers

const sha256 = () => createHash('sha256');
const short = (h) => (h && /^[0-9a-f]{64}$/.test(h) ? h.slice(0, 12) : (h ?? '-'));
const clip = (s, n = 60) => {
  const t = String(s).replace(/\n/g, '\\n');
  return t.length > n ? `${t.slice(0, n)}…` : t;
};
const seconds = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const log = (msg) => process.stderr.write(`${msg}\n`);

function sharedData() {
  const env = process.env.SITREP_SHARED_DATA ?? process.env.SITREP_DATA;
  if (env) return existsSync(env) ? resolve(env) : null;
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const c = resolve(dir, '../shared/data');
    if (existsSync(c)) return c;
    if (dirname(dir) === dir) return null;
  }
}
const DATA = sharedData();
const DATA_WANTED = process.env.SITREP_SHARED_DATA ?? process.env.SITREP_DATA ?? resolve(ROOT, '../shared/data');

function walkFiles(path, out = []) {
  if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walkFiles(join(path, name), out);
  else out.push(path);
  return out;
}

/** Content fingerprint of the inputs of a workload: every file's path (as passed) and bytes. */
function fingerprint(paths) {
  const h = sha256();
  for (const p of paths) {
    for (const f of walkFiles(p)) {
      h.update(`${p}\0${relative(p, f)}\0`);
      h.update(readFileSync(f));
      h.update('\0');
    }
  }
  return h.digest('hex');
}

/** Run `node <main> args` with stdin/stdout bound to files (or none); resolves to {status, last stderr line, secs}. */
function runCli(main, args, { stdin = null, stdout = null } = {}) {
  return new Promise((done) => {
    const inFd = stdin ? openSync(stdin, 'r') : 'ignore';
    const outFd = stdout ? openSync(stdout, 'w') : 'ignore';
    const t0 = performance.now();
    // One time zone and locale for both builds, so a cached ref run compares with a tree run made elsewhere.
    const env = { ...process.env, TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
    const child = spawn(process.execPath, [main, ...args], { cwd: ROOT, env, stdio: [inFd, outFd, 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err = (err + d).slice(-4000);
    });
    child.on('close', (code, signal) => {
      if (typeof inFd === 'number') closeSync(inFd);
      if (typeof outFd === 'number') closeSync(outFd);
      const status = code ?? signal;
      done({ status, stderr: err.trim().split('\n').slice(-1)[0] ?? '', secs: (performance.now() - t0) / 1000 });
    });
  });
}

/** Run async tasks, `limit` at a time (single-threaded CLI runs: two at once on two cores). */
async function pool(tasks, limit = 2) {
  const results = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------- canonical table dumps

/** One cell as text: integers exactly (BigInt), reals marked, blobs in hex, text JSON-quoted. */
function cell(v) {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return `r${v}`;
  if (Buffer.isBuffer(v)) return `x${v.toString('hex')}`;
  return JSON.stringify(v);
}
const rowText = (row) => row.map(cell).join(',');

const quoteId = (name) => `"${name.replace(/"/g, '""')}"`;

/**
 * What is hashed for each stored table: its columns minus the volatile ones, the primary key first, rows ordered by
 * every selected column. An FTS5 table is hashed by its index content (term, document, column, offset) and its
 * docsize/config shadow tables; its `_data`/`_idx` shadow tables hold the segment b-tree, a layout, not content.
 */
function tableSpecs(db) {
  const master = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  const fts = master.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '') && /USING\s+fts5/i.test(t.sql));
  const layout = new Set(fts.flatMap((t) => [`${t.name}_data`, `${t.name}_idx`]));
  const specs = [
    {
      name: 'schema',
      columns: ['type', 'name', 'tbl_name', 'sql'],
      keyCount: 2,
      sql: 'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY 1, 2, 3, 4',
    },
  ];
  const skipped = [];
  for (const t of master) {
    if (layout.has(t.name)) {
      skipped.push(t.name);
      continue;
    }
    if (fts.includes(t)) {
      specs.push({
        name: `${t.name} (index)`,
        columns: ['term', 'doc', 'col', 'offset'],
        keyCount: 4,
        vocab: t.name,
        sql: 'SELECT term, doc, col, offset FROM temp.same_vocab ORDER BY 1, 2, 3, 4',
      });
      continue;
    }
    if (/^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')) {
      skipped.push(t.name);
      continue;
    }
    const info = db.prepare(`PRAGMA table_info(${quoteId(t.name)})`).all();
    const volatile = VOLATILE_COLUMNS[t.name] ?? [];
    const kept = info.filter((c) => !volatile.includes(c.name));
    const pk = kept.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk));
    const columns = [...pk, ...kept.filter((c) => !(Number(c.pk) > 0))].map((c) => c.name);
    const order = columns.map((_, i) => i + 1).join(', ');
    specs.push({
      name: t.name,
      columns,
      keyCount: pk.length || Math.min(3, columns.length),
      sql: `SELECT ${columns.map(quoteId).join(', ')} FROM ${quoteId(t.name)} ORDER BY ${order}`,
    });
  }
  return { specs, skipped };
}

function openStore(path) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.defaultSafeIntegers(true);
  return db;
}

function tableRows(db, spec) {
  if (spec.vocab) {
    db.exec('DROP TABLE IF EXISTS temp.same_vocab');
    db.exec(`CREATE VIRTUAL TABLE temp.same_vocab USING fts5vocab(main, ${quoteId(spec.vocab)}, 'instance')`);
  }
  return db.prepare(spec.sql).raw(true).iterate();
}

/** Hash every table of a store: [{name, hash, size}] plus the names not hashed. */
function hashStore(path) {
  const db = openStore(path);
  try {
    const { specs, skipped } = tableSpecs(db);
    const checks = specs.map((spec) => {
      const h = sha256().update(`${spec.columns.join(',')}\n`);
      let n = 0;
      for (const row of tableRows(db, spec)) {
        h.update(rowText(row)).update('\n');
        n++;
      }
      return { name: spec.name, hash: h.digest('hex'), size: `${n} rows`, kind: 'table' };
    });
    return { checks, skipped };
  } finally {
    db.close();
  }
}

/** The first row where two stores differ in one table, as a short message. */
function firstTableDifference(refPath, treePath, table) {
  const a = openStore(refPath);
  const b = openStore(treePath);
  try {
    const sa = tableSpecs(a).specs.find((s) => s.name === table);
    const sb = tableSpecs(b).specs.find((s) => s.name === table);
    if (!sa) return 'table missing in ref';
    if (!sb) return 'table missing in tree';
    if (sa.columns.join() !== sb.columns.join()) return `columns differ: ref (${sa.columns}) tree (${sb.columns})`;
    const key = (row) =>
      sa.columns
        .slice(0, sa.keyCount)
        .map((c, i) => `${c}=${clip(cell(row[i]), 30)}`)
        .join(' ');
    const ia = tableRows(a, sa);
    const ib = tableRows(b, sb);
    try {
      return firstRowDifference(ia, ib, sa.columns, key);
    } finally {
      // A connection cannot close while one of its statements is still being iterated.
      ia.return();
      ib.return();
    }
  } finally {
    a.close();
    b.close();
  }
}

function firstRowDifference(ia, ib, columns, key) {
  for (let n = 1; ; n++) {
    const ra = ia.next();
    const rb = ib.next();
    if (ra.done && rb.done) return 'same rows (hash input differs?)';
    if (ra.done) return `row ${n}: only in tree: ${key(rb.value)}`;
    if (rb.done) return `row ${n}: only in ref: ${key(ra.value)}`;
    if (rowText(ra.value) !== rowText(rb.value)) {
      const ka = key(ra.value);
      const kb = key(rb.value);
      if (ka !== kb) return `row ${n}: ref ${ka} | tree ${kb}`;
      const c = columns.findIndex((_, i) => cell(ra.value[i]) !== cell(rb.value[i]));
      return `row ${ka}: ${columns[c]} ref ${clip(cell(ra.value[c]), 40)} | tree ${clip(cell(rb.value[c]), 40)}`;
    }
  }
}

// ---------------------------------------------------------------- canonical file outputs

/** The lines of an output file, with the volatile GDELT column blanked. */
function outputLines(path, mask) {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (mask === 'gdelt' && lines.length) {
    const col = lines[0].split('\t').indexOf(VOLATILE_GDELT_COLUMN);
    if (col >= 0) {
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i]) continue;
        const cols = lines[i].split('\t');
        if (i > 0) cols[col] = '';
        lines[i] = cols.join('\t');
      }
    }
  }
  return lines;
}

function hashFile(path, mask) {
  const lines = outputLines(path, mask);
  const h = sha256();
  for (const l of lines) h.update(l).update('\n');
  const n = lines.length - (lines.at(-1) === '' ? 1 : 0);
  return { hash: h.digest('hex'), size: `${n} lines` };
}

function lineLabel(line) {
  const id = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)/.exec(line);
  if (id) return ` (id ${clip(id[1], 40)})`;
  const first = line.split(/[\t,]/)[0];
  return first ? ` (${clip(first, 30)})` : '';
}

function firstFileDifference(refPath, treePath, mask) {
  const a = outputLines(refPath, mask);
  const b = outputLines(treePath, mask);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === undefined) return `line ${i + 1}: only in tree${lineLabel(b[i])}`;
    if (b[i] === undefined) return `line ${i + 1}: only in ref${lineLabel(a[i])}`;
    let c = 0;
    while (c < a[i].length && a[i][c] === b[i][c]) c++;
    const ctx = (s) => clip(s.slice(Math.max(0, c - 20), c + 30), 50);
    return `line ${i + 1}${lineLabel(a[i])} char ${c + 1}: ref …${ctx(a[i])} | tree …${ctx(b[i])}`;
  }
  return 'same lines';
}

// ---------------------------------------------------------------- workloads and their inputs

const INPUTS = join(OUT, 'inputs');

/** Write `text` to INPUTS/name unless it is already there with the same bytes. */
function writeInput(name, text) {
  mkdirSync(INPUTS, { recursive: true });
  const path = join(INPUTS, name);
  if (!existsSync(path) || !readFileSync(path).equals(Buffer.from(text))) writeFileSync(path, text);
  return path;
}

const jsonl = (records) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
const dataPath = (...parts) => (DATA ? join(DATA, ...parts) : null);
const missing = (what) => ({ skip: `${join(DATA ?? DATA_WANTED, what)} not found (set SITREP_SHARED_DATA)` });

function syntheticInput() {
  const chunks = [];
  writeSyntheticDump(2000, (s) => chunks.push(s), { seed: 2026, median: 600 });
  return { paths: [writeInput('synthetic-2000.txt', chunks.join(''))] };
}

function timeline17Input() {
  const dir = dataPath('timeline17');
  if (!dir || !existsSync(dir)) return missing('timeline17/');
  const paths = readdirSync(dir)
    .sort()
    .map((t) => join(dir, t, 'InputDocs'))
    .filter((p) => existsSync(p));
  return paths.length ? { paths } : missing('timeline17/*/InputDocs');
}

function conllInput() {
  const p = dataPath('conll2003/valid_testa.txt');
  return p && existsSync(p) ? { paths: [p] } : missing('conll2003/valid_testa.txt');
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** TBAQ-cleaned TimeML as {id, text, dct}: the TEXT element's plain text, the CREATION_TIME timex's day. */
function timexInput() {
  const dir = dataPath('tempeval3/TBAQ-cleaned');
  if (!dir || !existsSync(dir)) return missing('tempeval3/TBAQ-cleaned');
  const files = walkFiles(dir).filter(
    (f) => f.endsWith('.tml') && !relative(dir, f).split('/').includes('testpipeline'),
  );
  const records = files.map((f) => {
    const xml = readFileSync(f, 'utf8');
    const tag = /<TIMEX3([^>]*functionInDocument="CREATION_TIME"[^>]*)>/.exec(xml)?.[1] ?? '';
    const dct = /\bvalue="(\d{4}-\d{2}-\d{2})/.exec(tag)?.[1] ?? null;
    const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
    const text = body.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ENTITIES[e]);
    return { id: relative(dir, f), text, dct };
  });
  return { paths: [writeInput('timex-tbaq.jsonl', jsonl(records))] };
}

function quotesInput() {
  const dir = dataPath('polnear/data/dev/text');
  if (!dir || !existsSync(dir)) return missing('polnear/data/dev/text');
  const records = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
  return { paths: [writeInput('quotes-polnear.jsonl', jsonl(records))] };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function ploverInput() {
  const p = dataPath('event-coding/plover-gsr/PLOVER_GSR_CAMEO.dev.jsonl');
  if (!p || !existsSync(p)) return missing('event-coding/plover-gsr');
  const records = readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => typeof r.text === 'string' && r.event)
    .map((r) => ({ id: r.id, text: r.text, ...(DAY.test(r.date ?? '') ? { date: r.date } : {}) }));
  return { paths: [writeInput('events-plover.jsonl', jsonl(records))] };
}

function petrarchInput() {
  const p = dataPath('event-coding/petrarch2-gsr/PETR2_GSR_validation.jsonl');
  if (!p || !existsSync(p)) return missing('event-coding/petrarch2-gsr');
  const records = readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => typeof r.text === 'string')
    .map((r) => {
      const d = String(r.date ?? '').replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
      return { id: r.id, text: r.text, ...(DAY.test(d) ? { date: d } : {}) };
    });
  return { paths: [writeInput('events-petrarch2.jsonl', jsonl(records))] };
}

function extractInput() {
  const dir = dataPath('article-extraction');
  if (!dir || !existsSync(join(dir, 'ground-truth.json'))) return missing('article-extraction/');
  const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
  const records = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => f.replace(/\.html\.gz$/, ''))
    .filter((id) => gold[id])
    .map((id) => {
      const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
      return { id, html, url: gold[id].url ?? null };
    });
  return { paths: [writeInput('extract-html.jsonl', jsonl(records))] };
}

const WORKLOADS = [
  { name: 'harbour', kind: 'analyze', input: () => ({ paths: [join(ROOT, 'examples/dump-harbour')] }) },
  { name: 'second', kind: 'analyze', input: () => ({ paths: [join(ROOT, 'examples/dump-second')] }) },
  { name: 'synthetic-2000', kind: 'analyze', input: syntheticInput },
  { name: 'timeline17', kind: 'analyze', input: timeline17Input },
  { name: 'tag-conll', kind: 'jsonl', args: ['tag', '--format', 'conll'], ext: 'conll', input: conllInput },
  { name: 'timex-tbaq', kind: 'jsonl', args: ['timex', '--jsonl'], ext: 'jsonl', input: timexInput },
  { name: 'quotes-polnear', kind: 'jsonl', args: ['quotes', '--jsonl'], ext: 'jsonl', input: quotesInput },
  { name: 'events-plover', kind: 'jsonl', args: ['events', '--jsonl'], ext: 'jsonl', input: ploverInput },
  { name: 'events-petrarch2', kind: 'jsonl', args: ['events', '--jsonl'], ext: 'jsonl', input: petrarchInput },
  { name: 'extract-html', kind: 'jsonl', args: ['extract-html', '--jsonl'], ext: 'jsonl', input: extractInput },
];

const selected = WORKLOADS.filter((w) => only.length === 0 || only.some((o) => o === w.kind || w.name.includes(o)));
if (selected.length === 0) {
  usage(`--only ${only.join(',')} matches no workload (${WORKLOADS.map((w) => w.name).join(', ')})`);
}

// ---------------------------------------------------------------- running one side

/**
 * Run one workload with one build into `dir`; returns its checks [{name, hash, size, kind, file?, mask?}].
 * A failing command becomes a check whose hash is `exit N` and whose detail is its last stderr line.
 */
async function runWorkload(main, w, input, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const failed = (name, r) => ({ name, hash: `exit ${r.status}`, size: '-', kind: 'failed', detail: r.stderr });
  if (w.kind === 'jsonl') {
    const file = `out.${w.ext}`;
    const r = await runCli(main, w.args, { stdin: input.paths[0], stdout: join(dir, file) });
    if (r.status !== 0) return { checks: [failed(w.name, r)], secs: r.secs };
    return { checks: [{ name: w.name, ...hashFile(join(dir, file)), kind: 'file', file }], secs: r.secs };
  }
  const db = join(dir, 'store.db');
  const r = await runCli(main, ['analyze', ...input.paths, '--db', db, '--threads', THREADS]);
  if (r.status !== 0) return { checks: [failed(`${w.name}: analyze`, r)], secs: r.secs };
  const exportArgs = (f) => ['export', '--db', db, '--format', f, '--out', join(dir, `export.${f}`)];
  const exports = await pool(EXPORT_FORMATS.map((f) => () => runCli(main, exportArgs(f))));
  const { checks, skipped } = hashStore(db);
  const out = checks.map((c) => ({ ...c, name: `${w.name}: ${c.name}`, table: c.name }));
  EXPORT_FORMATS.forEach((f, i) => {
    const name = `${w.name}: export ${f}`;
    const mask = f === 'gdelt' ? 'gdelt' : undefined;
    const file = `export.${f}`;
    if (exports[i].status !== 0) out.push(failed(name, exports[i]));
    else out.push({ name, ...hashFile(join(dir, file), mask), kind: 'file', file, mask });
  });
  return { checks: out, skipped, secs: r.secs };
}

// ---------------------------------------------------------------- the ref: build and cache

const REF_DIR = join(OUT, sha);
const CACHE = join(REF_DIR, 'results.json');
// A cached ref result is reused only for the same tool, Node.js and inputs.
const TOOL = sha256()
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .update(process.version)
  .digest('hex');

function loadCache() {
  try {
    const c = JSON.parse(readFileSync(CACHE, 'utf8'));
    return c.tool === TOOL ? c : { tool: TOOL, workloads: {} };
  } catch {
    return { tool: TOOL, workloads: {} };
  }
}

function saveCache(cache) {
  writeFileSync(`${CACHE}.tmp`, JSON.stringify(cache, null, 1));
  renameSync(`${CACHE}.tmp`, CACHE);
}

/** `git archive <sha>` into REF_DIR/build, node_modules linked, compiled with the ref's tsconfig.json. */
function buildRef() {
  const dir = join(REF_DIR, 'build');
  const main = join(dir, 'dist/cli/main.js');
  if (existsSync(join(dir, '.built'))) return main;
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = spawnSync('git', ['archive', '--format=tar', sha], { cwd: ROOT, maxBuffer: 1 << 30 });
  if (tar.status !== 0) throw new Error(`git archive ${sha}: ${tar.stderr}`);
  const x = spawnSync('tar', ['-x', '-C', dir], { input: tar.stdout });
  if (x.status !== 0) throw new Error(`tar: ${x.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const tscPath = join(dir, 'node_modules/typescript/bin/tsc');
  const tsc = spawnSync(process.execPath, [tscPath, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`building ${sha} failed:\n${tsc.stdout}${tsc.stderr}`);
  writeFileSync(join(dir, '.built'), '');
  log(`built ${sha.slice(0, 12)} in ${dir} (${seconds(t0)})`);
  return main;
}

// ---------------------------------------------------------------- main

const t0 = performance.now();
const TREE_DIR = join(OUT, 'tree');
const head = git('rev-parse', 'HEAD');
const dirty = git('status', '--porcelain', '--untracked-files=no').split('\n').filter(Boolean).length;
const treeName = `${head.slice(0, 12)}${dirty ? ` + ${dirty} changed file(s)` : ''}`;
log(`comparing the working tree (${treeName}) with ${refArg} (${sha.slice(0, 12)})`);
log(`shared data: ${DATA ?? `${DATA_WANTED} not found (set SITREP_SHARED_DATA)`}`);

const cache = loadCache();
mkdirSync(REF_DIR, { recursive: true });
let refMain = null;
const report = [];
const skippedTables = new Set();
const timing = { ref: 0, tree: 0, refCached: 0 };

for (const w of selected) {
  const input = w.input();
  if (input.skip) {
    report.push({ name: w.name, result: 'skipped', detail: input.skip });
    log(`${w.name}: skipped, ${input.skip}`);
    continue;
  }
  const tw = performance.now();
  const fp = fingerprint(input.paths);
  const cached = cache.workloads[w.name];
  const refCached = cached?.input === fp && existsSync(join(REF_DIR, w.name));
  if (!refCached) refMain ??= buildRef();
  const runRef = async () => {
    if (refCached) return cached;
    const r = await runWorkload(refMain, w, input, join(REF_DIR, w.name));
    // A failure may be the machine's (memory, a killed process): it is reported, not cached.
    if (!r.checks.some((c) => c.kind === 'failed')) {
      cache.workloads[w.name] = { ...r, input: fp };
      saveCache(cache);
    }
    return r;
  };
  const runTree = () => runWorkload(TREE_MAIN, w, input, join(TREE_DIR, w.name));
  // A JSONL command is one thread: ref and tree run side by side. Analyze uses both cores, so one at a time.
  const [ref, tree] = w.kind === 'jsonl' ? await Promise.all([runRef(), runTree()]) : [await runRef(), await runTree()];
  if (refCached) timing.refCached++;
  else timing.ref += ref.secs;
  timing.tree += tree.secs;
  for (const s of [...(ref.skipped ?? []), ...(tree.skipped ?? [])]) skippedTables.add(s);
  const refTime = refCached ? 'cached' : `${ref.secs.toFixed(1)} s`;
  log(`${w.name}: ref ${refTime}, tree ${tree.secs.toFixed(1)} s (${seconds(tw)} with exports and hashing)`);

  const names = [...new Set([...ref.checks.map((c) => c.name), ...tree.checks.map((c) => c.name)])];
  for (const name of names) {
    const a = ref.checks.find((c) => c.name === name);
    const b = tree.checks.find((c) => c.name === name);
    const size = a && b && a.size !== b.size ? `${a.size} / ${b.size}` : (b ?? a).size;
    const row = { name, ref: a?.hash, tree: b?.hash, size };
    if (a?.kind === 'failed' || b?.kind === 'failed') {
      row.result = 'FAILED';
      const why = (side, c) => (c?.kind === 'failed' ? `${side}: ${c.detail}` : '');
      row.detail = [why('ref', a), why('tree', b)].filter(Boolean).join(' ');
    } else if (!a || !b) {
      row.result = 'DIFFERENT';
      row.detail = a ? 'only in ref' : 'only in tree';
    } else if (a.hash === b.hash) row.result = 'same';
    else {
      row.result = 'DIFFERENT';
      try {
        row.detail =
          a.kind === 'table'
            ? firstTableDifference(join(REF_DIR, w.name, 'store.db'), join(TREE_DIR, w.name, 'store.db'), a.table)
            : firstFileDifference(join(REF_DIR, w.name, a.file), join(TREE_DIR, w.name, b.file), a.mask);
      } catch (err) {
        row.detail = `(cannot locate: ${err.message})`;
      }
    }
    report.push(row);
  }
}
if (!keep) rmSync(TREE_DIR, { recursive: true, force: true });

const width = Math.max(...report.map((r) => r.name.length), 5);
const sizeWidth = Math.max(...report.map((r) => (r.size ?? '').length), 4);
const line = (name, size, ref, tree, result, detail) =>
  [name.padEnd(width), size.padStart(sizeWidth), ref.padEnd(12), tree.padEnd(12), result.padEnd(9), detail]
    .join('  ')
    .trimEnd();
console.log('');
console.log(line('check', 'size', 'ref', 'tree', 'result', 'first difference'));
for (const r of report) console.log(line(r.name, r.size ?? '', short(r.ref), short(r.tree), r.result, r.detail ?? ''));
console.log('');
const count = (res) => report.filter((r) => r.result === res).length;
const bad = count('DIFFERENT') + count('FAILED');
const counts = ['same', 'DIFFERENT', 'FAILED', 'skipped'].map((res) => `${count(res)} ${res.toLowerCase()}`);
console.log(`${report.length} checks: ${counts.join(', ')}`);
console.log(`ref ${refArg} = ${sha.slice(0, 12)}; working tree = ${treeName}; node ${process.version}`);
const volatile = Object.entries(VOLATILE_COLUMNS).flatMap(([t, cs]) => cs.map((c) => `${t}.${c}`));
console.log(`volatile, not compared: ${[...volatile, `GDELT ${VOLATILE_GDELT_COLUMN}`].join(', ')}`);
if (skippedTables.size) {
  const names = [...skippedTables].sort().join(', ');
  console.log(`not hashed (FTS segment b-trees; the index content is, as "(index)"): ${names}`);
}
const cachedNote = `${timing.refCached} workload(s) cached in ${relative(ROOT, REF_DIR)}`;
const refNote = `ref ${timing.ref.toFixed(1)} s (${cachedNote})`;
console.log(`commands: ${refNote}, tree ${timing.tree.toFixed(1)} s; total ${seconds(t0)}`);
if (bad && !keep) console.log("rerun with --keep to keep the working tree's stores and outputs (bench/out/same/tree)");
process.exit(bad ? 1 : 0);
