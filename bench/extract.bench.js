// Main-text extraction benchmark on the dev half of the Zyte article-extraction benchmark
// (../shared/data/article-extraction): sitrep's extractHtml vs Readability.js (on linkedom), scored with the
// benchmark's metric (word 4-gram shingles; per-page precision/recall averaged; F1 of the means), plus ms/page.
// Usage: npm run bench:extract [-- --worst N] [-- --data DIR]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../dist/ingest/index.js';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const here = dirname(fileURLToPath(import.meta.url));
const candidates = [
  opt('data'),
  join(here, '../../shared/data/article-extraction'),
  join(here, '../../../shared/data/article-extraction'),
  '/work/shared/data/article-extraction',
];
const DATA = candidates.find((d) => d && existsSync(join(d, 'ground-truth.json')));
if (!DATA) {
  console.error('article-extraction data not found (pass --data DIR)');
  process.exit(1);
}
const WORST = Number(opt('worst', 0));

const gold = JSON.parse(readFileSync(join(DATA, 'ground-truth.json'), 'utf8'));
const pages = readdirSync(join(DATA, 'html'))
  .filter((f) => f.endsWith('.html.gz'))
  .sort()
  .map((f) => {
    const id = f.replace(/\.html\.gz$/, '');
    return {
      id,
      html: gunzipSync(readFileSync(join(DATA, 'html', f))).toString('utf8'),
      url: gold[id]?.url ?? null,
      truth: gold[id]?.articleBody ?? '',
    };
  })
  .filter((p) => gold[p.id]);

// The benchmark's metric (its evaluate.py): \w+ tokens, 4-gram shingle multisets, tp/fp/fn normalised per page.
const TOKEN = /[\p{L}\p{N}\p{Mn}\p{Mc}_]+/gu;
function shingles(text) {
  const tokens = (text ?? '').match(TOKEN) ?? [];
  const counts = new Map();
  const n = Math.max(1, tokens.length - 3);
  for (let i = 0; i < n; i++) {
    const s = tokens.slice(i, i + 4).join(' ');
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}
function pageScore(truth, pred) {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const [k, c] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(c, tc);
    fp += Math.max(0, c - tc);
  }
  for (const [k, c] of t) fn += Math.max(0, c - (p.get(k) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp: 0, fp: 0, fn: 0 };
}
function score(outputs) {
  const ps = [],
    rs = [],
    perPage = [];
  for (const page of pages) {
    const { tp, fp, fn } = pageScore(page.truth, outputs.get(page.id));
    if (fp === 0 && fn === 0) {
      ps.push(1);
      rs.push(1);
      perPage.push({ id: page.id, f: 1 });
      continue;
    }
    const p = tp + fp > 0 ? tp / (tp + fp) : null;
    const r = tp + fn > 0 ? tp / (tp + fn) : null;
    if (p !== null) ps.push(p);
    if (r !== null) rs.push(r);
    const f = p && r ? (2 * p * r) / (p + r) : 0;
    perPage.push({ id: page.id, p: p ?? 0, r: r ?? 0, f });
  }
  const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
  const P = mean(ps),
    R = mean(rs);
  return { P, R, F: (2 * P * R) / (P + R), perPage };
}

function run(name, fn) {
  for (const page of pages.slice(0, 10)) fn(page); // warm-up
  const outputs = new Map();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let failures = 0;
  for (const page of pages) {
    try {
      outputs.set(page.id, fn(page));
    } catch {
      failures++;
      outputs.set(page.id, '');
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const ms = (performance.now() - t0) / pages.length;
  const cpuMs = (cpu.user + cpu.system) / 1000 / pages.length;
  return { name, ms, cpuMs, failures, ...score(outputs) };
}

const results = [
  run('sitrep', (page) => extractHtml(page.html, page.url).text),
  run('Readability.js', (page) => new Readability(parseHTML(page.html).document, {}).parse()?.textContent ?? ''),
];

console.log(`article-extraction dev: ${pages.length} pages (${DATA})`);
console.log('system           F1      P       R       ms/page  cpu ms/page  failures');
for (const r of results) {
  console.log(
    `${r.name.padEnd(15)}  ${r.F.toFixed(4)}  ${r.P.toFixed(4)}  ${r.R.toFixed(4)}  ${r.ms.toFixed(2).padStart(7)}  ${r.cpuMs.toFixed(2).padStart(11)}  ${r.failures}`,
  );
}
if (WORST > 0) {
  console.log(`\nworst sitrep pages:`);
  for (const p of [...results[0].perPage].sort((a, b) => a.f - b.f).slice(0, WORST)) {
    console.log(
      `${p.id.slice(0, 12)}  F ${p.f.toFixed(3)}  P ${(p.p ?? 1).toFixed(3)}  R ${(p.r ?? 1).toFixed(3)}  ${gold[p.id].url}`,
    );
  }
}
