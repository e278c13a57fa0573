// Main-text extraction benchmark on the dev half of the Zyte article-extraction benchmark
// (../shared/data/article-extraction): sitrep's extractHtml vs Readability.js (on linkedom), scored with the
// benchmark's metric (word 4-gram shingles; per-page precision/recall averaged; F1 of the means), plus ms/page,
// and with must / must-not snippets derived from each page (see snippetsOf): pages with every body snippet,
// body snippets found, boilerplate snippets kept out; and whole pages (see completeness, extraText): pages with every
// gold paragraph in our text, gold paragraphs found, pages with no text outside the gold, our words inside the gold.
// The pages are split by id into a tuning half and a check half (tune: second hex digit of the id even).
// Usage: npm run bench:extract [-- --worst N [--strict | --pages]] [-- --split tune|check] [-- --data DIR]
// (--worst lists tuning pages only; --strict lists their misses of the strict snippets, --pages the gold paragraphs
// they miss and the paragraphs outside the gold they keep)
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractionPages } from './extraction-pages.js';
import { sharedData } from './shared-data.js';
import { extractHtml } from '../dist/ingest/index.js';
import { paragraphsOf } from '../dist/ingest/html/blocks.js';
import { parseHtml } from '../dist/ingest/html/dom.js';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const DATA = opt('data') ?? sharedData('article-extraction', { optional: true });
if (!DATA) {
  console.error('article-extraction data not found (pass --data DIR)');
  process.exit(1);
}
const WORST = Number(opt('worst', 0));
const STRICT = argv.includes('--strict');
const PAGES = argv.includes('--pages');
const SPLITS = opt('split') ? [opt('split')] : ['tune', 'check'];

const pages = extractionPages(DATA)
  .filter((p) => p.gold)
  .map(({ id, html, gold }) => ({
    id,
    html,
    url: gold.url ?? null,
    truth: gold.articleBody ?? '',
    split: Number.parseInt(id[1], 16) % 2 === 0 ? 'tune' : 'check',
  }));

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
function score(outputs, split) {
  const ps = [],
    rs = [],
    perPage = [];
  for (const page of pages) {
    if (page.split !== split) continue;
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

// Snippets, in the manner of page sets that list what must and must not be in the extracted text: `must` are
// six-word windows from the gold body's first (the lead), middle and last paragraphs; `mustNot` are six-word
// windows opening up to four text blocks of the page (spread over the page) that share no word 4-gram with the gold.
const SNIPPET_WORDS = 6;
const words = (text) => (text ?? '').match(TOKEN)?.map((w) => w.toLowerCase()) ?? [];
const joined = (ws) => ` ${ws.join(' ')} `;
function snippetsOf(page) {
  const paras = page.truth
    .split(/\n+/)
    .map(words)
    .filter((ws) => ws.length >= SNIPPET_WORDS);
  const must = [];
  for (const i of new Set([0, Math.floor(paras.length / 2), paras.length - 1]))
    if (paras[i]) must.push(paras[i].slice(0, SNIPPET_WORDS).join(' '));
  const goldWords = words(page.truth);
  const gold4 = new Set();
  for (let i = 0; i + 4 <= goldWords.length; i++) gold4.add(goldWords.slice(i, i + 4).join(' '));
  const outside = paragraphsOf(parseHtml(page.html))
    .map(words)
    .filter((ws) => {
      if (ws.length < SNIPPET_WORDS) return false;
      for (let i = 0; i + 4 <= ws.length; i++) if (gold4.has(ws.slice(i, i + 4).join(' '))) return false;
      return true;
    });
  const mustNot = [];
  const take = Math.min(4, outside.length);
  for (let k = 0; k < take; k++) {
    const ws = outside[Math.floor((k * outside.length) / take)];
    const snip = ws.slice(0, SNIPPET_WORDS).join(' ');
    if (!mustNot.includes(snip)) mustNot.push(snip);
  }
  return { must, mustNot };
}
// Strict snippets: the first and the last six words of every gold paragraph (a paragraph cut short or split with
// a part lost misses one), and every text block of the page of four words or more that shares no word 4-gram with
// the gold and does not occur in it (opening six words, or the whole block when shorter).
function strictSnippetsOf(page) {
  const must = [];
  for (const ws of page.truth.split(/\n+/).map(words)) {
    if (ws.length < SNIPPET_WORDS) continue;
    for (const snip of [ws.slice(0, SNIPPET_WORDS).join(' '), ws.slice(-SNIPPET_WORDS).join(' ')])
      if (!must.includes(snip)) must.push(snip);
  }
  const goldWords = words(page.truth);
  const goldText = joined(goldWords);
  const gold4 = new Set();
  for (let i = 0; i + 4 <= goldWords.length; i++) gold4.add(goldWords.slice(i, i + 4).join(' '));
  const mustNot = [];
  for (const ws of paragraphsOf(parseHtml(page.html)).map(words)) {
    if (ws.length < 4) continue;
    let shared = false;
    for (let i = 0; i + 4 <= ws.length && !shared; i++) shared = gold4.has(ws.slice(i, i + 4).join(' '));
    if (shared) continue;
    const snip = ws.slice(0, SNIPPET_WORDS).join(' ');
    if (!goldText.includes(` ${snip} `) && !mustNot.includes(snip)) mustNot.push(snip);
  }
  return { must, mustNot };
}
// Complete pages: every paragraph of the gold body is in our text, whitespace collapsed (strict: character for
// character; lenient: letters and digits only, lower-cased); a paragraph we print in pieces still counts when the
// pieces follow each other. The page-level proxy of "every expected snippet present".
const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
const letters = (s) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
function completeness(page, out) {
  const strictText = squash(out);
  const lenientText = letters(out);
  let strict = 0,
    lenient = 0,
    n = 0;
  const missing = [];
  for (const para of page.truth.split(/\n+/)) {
    const p = squash(para);
    const ws = words(p);
    if (ws.length === 0) continue;
    n++;
    if (strictText.includes(p)) strict++;
    if (lenientText.includes(letters(p))) lenient++;
    else missing.push(ws.slice(0, SNIPPET_WORDS).join(' '));
  }
  return { n, strict, lenient, missing };
}
// Boilerplate proxy: paragraphs of our text that are not in the gold body, by their share of our words (strict: the
// paragraph's words are not a run of the gold's; lenient: fewer than half of its word 4-grams are the gold's, or, under
// four words, not a run of the gold's). The Zyte gold leaves out standfirsts, which sitrep keeps: they count here.
function extraText(page, out) {
  const goldWords = words(page.truth);
  const goldText = joined(goldWords);
  const gold4 = new Set();
  for (let i = 0; i + 4 <= goldWords.length; i++) gold4.add(goldWords.slice(i, i + 4).join(' '));
  let all = 0,
    strict = 0,
    lenient = 0;
  const kept = [];
  for (const para of (out ?? '').split(/\n\s*\n/)) {
    const ws = words(para);
    if (ws.length === 0) continue;
    all += ws.length;
    if (goldText.includes(joined(ws))) continue;
    strict += ws.length;
    let shared = 0;
    for (let i = 0; i + 4 <= ws.length; i++) if (gold4.has(ws.slice(i, i + 4).join(' '))) shared++;
    if (ws.length < 4 || shared < 0.5 * (ws.length - 3)) {
      lenient += ws.length;
      kept.push(ws.slice(0, SNIPPET_WORDS).join(' '));
    }
  }
  return { strict: all ? strict / all : 0, lenient: all ? lenient / all : 0, kept };
}
function pageScores(outputs, split) {
  let n = 0,
    completeStrict = 0,
    completeLenient = 0,
    paras = 0,
    parasFound = 0,
    cleanStrict = 0,
    cleanLenient = 0,
    extraStrict = 0,
    extraLenient = 0;
  const misses = [];
  for (const page of pages) {
    if (page.split !== split) continue;
    n++;
    const out = outputs.get(page.id);
    const c = completeness(page, out);
    if (c.strict === c.n) completeStrict++;
    if (c.lenient === c.n) completeLenient++;
    paras += c.n;
    parasFound += c.lenient;
    const x = extraText(page, out);
    if (x.strict === 0) cleanStrict++;
    if (x.lenient === 0) cleanLenient++;
    extraStrict += x.strict;
    extraLenient += x.lenient;
    if (c.missing.length || x.kept.length) misses.push({ id: page.id, missing: c.missing, kept: x.kept });
  }
  return {
    n,
    completeStrict,
    completeLenient,
    parasFound: parasFound / paras,
    cleanStrict,
    cleanLenient,
    outStrict: 1 - extraStrict / n,
    outLenient: 1 - extraLenient / n,
    misses,
  };
}

for (const page of pages) {
  page.snippets = snippetsOf(page);
  page.strictSnippets = strictSnippetsOf(page);
}

function snippetScore(outputs, split, key = 'snippets') {
  let pagesAll = 0,
    n = 0,
    found = 0,
    mustN = 0,
    out = 0,
    notN = 0;
  const misses = [];
  for (const page of pages) {
    if (page.split !== split) continue;
    n++;
    const text = joined(words(outputs.get(page.id)));
    const { must, mustNot } = page[key];
    const missing = must.filter((m) => !text.includes(` ${m} `));
    const kept = mustNot.filter((m) => text.includes(` ${m} `));
    if (missing.length === 0) pagesAll++;
    found += must.length - missing.length;
    mustN += must.length;
    out += mustNot.length - kept.length;
    notN += mustNot.length;
    if (missing.length || kept.length) misses.push({ id: page.id, missing, kept });
  }
  return { pagesAll, n, found: found / mustN, out: out / notN, misses };
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
  const bySplit = {};
  for (const split of ['tune', 'check'])
    bySplit[split] = {
      ...score(outputs, split),
      snippets: snippetScore(outputs, split),
      strict: snippetScore(outputs, split, 'strictSnippets'),
      pages: pageScores(outputs, split),
    };
  return { name, ms, cpuMs, failures, bySplit };
}

const results = [
  run('sitrep', (page) => extractHtml(page.html, page.url).text),
  run('Readability.js', (page) => new Readability(parseHTML(page.html).document, {}).parse()?.textContent ?? ''),
];

const count = (split) => pages.filter((p) => p.split === split).length;
console.log(`article-extraction dev: ${pages.length} pages, tune ${count('tune')} / check ${count('check')} (${DATA})`);
console.log(
  'system           split  F1      P       R       all-snippets  body found  boilerplate out | strict: all-snippets  body found  boilerplate out',
);
const snipCols = (sn) =>
  `${`${sn.pagesAll}/${sn.n}`.padStart(12)}  ${sn.found.toFixed(3).padStart(10)}  ${sn.out.toFixed(3).padStart(15)}`;
for (const r of results) {
  for (const split of SPLITS) {
    const x = r.bySplit[split];
    console.log(
      `${r.name.padEnd(15)}  ${split.padEnd(5)}  ${x.F.toFixed(4)}  ${x.P.toFixed(4)}  ${x.R.toFixed(4)}  ${snipCols(x.snippets)} |         ${snipCols(x.strict)}`,
    );
  }
}
console.log(
  '\nwhole pages      split  complete pages strict (lenient)  gold paragraphs found  no extra text strict (lenient)  text out strict (lenient)',
);
for (const r of results) {
  for (const split of SPLITS) {
    const x = r.bySplit[split].pages;
    console.log(
      `${r.name.padEnd(15)}  ${split.padEnd(5)}  ${`${x.completeStrict}/${x.n} (${x.completeLenient}/${x.n})`.padStart(30)}  ${x.parasFound.toFixed(3).padStart(21)}  ${`${x.cleanStrict}/${x.n} (${x.cleanLenient}/${x.n})`.padStart(30)}  ${`${x.outStrict.toFixed(3)} (${x.outLenient.toFixed(3)})`.padStart(25)}`,
    );
  }
}
console.log('\nsystem           ms/page  cpu ms/page  failures');
for (const r of results)
  console.log(
    `${r.name.padEnd(15)}  ${r.ms.toFixed(2).padStart(7)}  ${r.cpuMs.toFixed(2).padStart(11)}  ${r.failures}`,
  );
if (WORST > 0) {
  console.log(`\nworst sitrep tuning pages:`);
  for (const p of [...results[0].bySplit.tune.perPage].sort((a, b) => a.f - b.f).slice(0, WORST)) {
    console.log(
      `${p.id.slice(0, 12)}  F ${p.f.toFixed(3)}  P ${(p.p ?? 1).toFixed(3)}  R ${(p.r ?? 1).toFixed(3)}  ${gold[p.id].url}`,
    );
  }
  const which = PAGES ? 'gold paragraphs missed or text kept (lenient)' : STRICT ? 'strict snippets' : 'snippets';
  console.log(`\nsitrep tuning pages with ${which} missed or kept:`);
  for (const m of PAGES
    ? results[0].bySplit.tune.pages.misses
    : results[0].bySplit.tune[STRICT ? 'strict' : 'snippets'].misses)
    console.log(`${m.id.slice(0, 12)}  missing ${JSON.stringify(m.missing)}  kept ${JSON.stringify(m.kept)}`);
}
