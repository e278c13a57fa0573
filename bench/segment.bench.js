// Dump segmentation benchmark: real articles from the shared data (PolNeAR, ECB+) pasted back to back by
// src/segment/train/dumps.ts in several conventions, with captions, credits, subheads, bylines, stamps and
// scraper chrome injected; split by source article (train / tune / check). Scores the segmenter on the tune
// and check splits: article boundaries (strict: one-to-one, title and body exact, mojibake in the gold repaired as the segmenter repairs it; lenient: title), URLs,
// outlets, captions kept out of bodies, injected junk left in bodies, articles dated; and ms per article (wall and
// CPU time of this process; with --other, the paired CPU ratio).
// Usage: npm run bench:segment [-- --split tune|check|both] [-- --other DIST_DIR] [-- --runs N] [-- --size N]
//   [-- --by-convention]: also each split with every dump in one convention (plain, wire, web, bare).
//   [-- --seeds 101,303,505]: the larger run: for each seed, the mixed dumps, every convention and story-ordered
//   plain dumps, each scored, then totals per split over all of them (one run each unless --runs is given).
//   --other: a second build (e.g. a copy of main's dist/) scored on the same dumps, side by side.
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSourceArticles } from '../dist/segment/train/corpora.js';
import { CONVENTIONS, makeDumps } from '../dist/segment/train/dumps.js';
import { repairMojibake } from '../dist/segment/mojibake.js';
import { documentDates } from '../dist/time/document-date.js';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const splits = opt('split', 'both') === 'both' ? ['tune', 'check'] : [opt('split')];
const runs = Number(opt('runs', argv.includes('--seeds') ? 1 : 3));
const size = Number(opt('size', 20));
const other = opt('other', null);
const byConvention = argv.includes('--by-convention');
const seeds = opt('seeds', null)?.split(',').map(Number) ?? null;

const here = await import('../dist/segment/index.js');
const systems = [{ name: 'this build', seg: here.segmentText }];
if (other) {
  const mod = await import(pathToFileURL(resolve(other, 'segment/index.js')).href);
  systems.unshift({ name: `other (${other})`, seg: mod.segmentText });
}

const norm = (s) =>
  s.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
const compact = (s) => (s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

function score(dumps, outputs) {
  const m = {
    gold: 0,
    predicted: 0,
    lenient: 0,
    strict: 0,
    urlsGold: 0,
    urls: 0,
    outletsGold: 0,
    outlets: 0,
    outletsWrong: 0,
    captions: 0,
    captionsOut: 0,
    junk: 0,
    junkIn: 0,
    datable: 0,
    dated: 0,
    uncertain: 0,
    hard: 0,
    hardFound: 0,
    // Extra articles by what their title line is in the dump (caption, subhead, byline…; body: a paragraph, lead:
    // an article's first paragraph, live: a live-blog time stamp).
    extraAs: {},
  };
  dumps.forEach((dump, di) => {
    const arts = outputs[di];
    m.gold += dump.articles.length;
    m.predicted += arts.length;
    const allText = arts.map((a) => norm(a.text)).join('\n');
    const allParas = new Set();
    for (const a of arts) for (const p of a.text.split('\n\n')) allParas.add(norm(p));
    const used = new Set();
    for (const g of dump.articles) {
      const t = norm(g.title);
      const j = arts.findIndex((a, k) => !used.has(k) && norm(a.title) === t);
      if (g.url) m.urlsGold++;
      if (g.outlet) m.outletsGold++;
      for (const c of g.captions) {
        m.captions++;
        if (!allParas.has(norm(c)) && !allText.includes(norm(c))) m.captionsOut++;
      }
      for (const c of g.junk) {
        m.junk++;
        if (allParas.has(norm(c))) m.junkIn++;
      }
      if (g.datedAs) m.datable++;
      // The hard boundary: the article before has no Source line and this one no dateline.
      const gi = dump.articles.indexOf(g);
      const hard = gi > 0 && !dump.articles[gi - 1].url && !g.dateline;
      if (hard) m.hard++;
      if (j < 0) continue;
      if (hard) m.hardFound++;
      used.add(j);
      const a = arts[j];
      m.lenient++;
      const body = a.text
        .split('\n\n')
        .map(norm)
        .filter((p) => !g.junk.some((x) => norm(x) === p));
      // The segmenter repairs mojibake (documented behaviour): the gold paragraphs are compared as repaired.
      const goldBody = g.body.map((p) => norm(repairMojibake(p).text));
      const sameBody = body.length === goldBody.length && body.every((p, k) => p === goldBody[k]);
      if (sameBody) m.strict++;
      if (a.boundaryConfidence !== undefined && a.boundaryConfidence !== null && a.boundaryConfidence < 0.75)
        m.uncertain++;
      if (g.url && a.url && compact(a.url) === compact(g.url)) m.urls++;
      if (g.outlet && compact(a.outlet) === compact(g.outlet)) m.outlets++;
      if (!g.outlet && a.outlet && !g.url) m.outletsWrong++;
      // Dated as the time stage would date it from what segmentation hands over (full dates of the text aside).
      const dates = documentDates({ ...a, published: a.published ?? null }, () => []);
      if (g.datedAs && dates.published?.value === g.datedAs) m.dated++;
    }
    arts.forEach((a, k) => {
      if (used.has(k)) return;
      const t = norm(a.title);
      const li = dump.lines.findIndex((l) => norm(l.text).startsWith(t.replace(/…$/, '')));
      const l = dump.lines[li];
      let as = l ? l.label : 'none';
      if (as === 'body' && /^\d{1,2}:\d\d/.test(l.text)) as = 'live';
      else if (as === 'body' && !dump.lines.slice(0, li).some((x) => x.article === l.article && x.label === 'body'))
        as = 'lead';
      m.extraAs[as] = (m.extraAs[as] ?? 0) + 1;
    });
  });
  return m;
}

const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

const all = loadSourceArticles();
if (all.length === 0) {
  console.error('no source articles found: set SITREP_SHARED_DATA to the shared data folder');
  process.exit(1);
}
async function measure(label, dumps, nArticles) {
  console.log(`\n## ${label}: ${nArticles} articles in ${dumps.length} dumps of ${size}`);
  // Runs interleaved across systems, so load on the machine falls on each alike.
  const times = systems.map(() => []);
  const cpuTimes = systems.map(() => []);
  const outputsOf = systems.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [si, sys] of systems.entries()) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const outputs = [];
      for (const d of dumps) outputs.push(await sys.seg(d.text, 'bench'));
      const cpu = process.cpuUsage(cpu0);
      times[si].push(performance.now() - t0);
      cpuTimes[si].push((cpu.user + cpu.system) / 1000);
      outputsOf[si] = outputs;
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [si, sys] of systems.entries()) {
    const ms = median(times[si]);
    const cpuMs = median(cpuTimes[si]);
    const outputs = outputsOf[si];
    const s = score(dumps, outputs);
    const pS = s.strict / s.predicted;
    const rS = s.strict / s.gold;
    const pL = s.lenient / s.predicted;
    const rL = s.lenient / s.gold;
    console.log(`### ${sys.name}`);
    console.log(
      `articles: gold ${s.gold}, predicted ${s.predicted}; strict P ${pct(s.strict, s.predicted)} R ${pct(s.strict, s.gold)} F1 ${(100 * f1(pS, rS)).toFixed(1)}; lenient (title) P ${pct(s.lenient, s.predicted)} R ${pct(s.lenient, s.gold)} F1 ${(100 * f1(pL, rL)).toFixed(1)}; found ${s.lenient}/${s.gold}, extra ${s.predicted - s.lenient}`,
    );
    console.log(
      `hard boundaries (no Source line before, no dateline) found ${s.hardFound}/${s.hard} (${pct(s.hardFound, s.hard)})`,
    );
    console.log(
      `URLs ${s.urls}/${s.urlsGold}; outlets ${s.outlets}/${s.outletsGold} (named without evidence: ${s.outletsWrong}); captions out ${s.captionsOut}/${s.captions} (${pct(s.captionsOut, s.captions)}); junk lines left in bodies ${s.junkIn}/${s.junk}; dated ${s.dated}/${s.datable}; flagged uncertain ${s.uncertain}`,
    );
    console.log(
      `speed: ${(ms / s.gold).toFixed(3)} ms/article wall, ${(cpuMs / s.gold).toFixed(3)} ms/article CPU (medians of ${runs} runs)`,
    );
  }
  const totals = systems.map((_, si) => ({ ...score(dumps, outputsOf[si]), cpuMs: median(cpuTimes[si]) }));
  if (systems.length === 2) {
    // Paired: run by run, this build's CPU time over the other's (the machine's load drifts alike for both).
    const ratios = cpuTimes[1].map((t, i) => t / cpuTimes[0][i]);
    console.log(`CPU time this build / other: ${median(ratios).toFixed(2)} (median of ${runs} paired runs)`);
  }
  return totals;
}

/** Sums of score fields over several measurements, printed as one line per system. */
function printTotals(label, list) {
  console.log(`\n## ${label}: totals over ${list.length} dump sets`);
  for (const [si, sys] of systems.entries()) {
    const t = {};
    const extraAs = {};
    for (const m of list)
      for (const [k, v] of Object.entries(m[si]))
        if (k === 'extraAs') for (const [c, n] of Object.entries(v)) extraAs[c] = (extraAs[c] ?? 0) + n;
        else t[k] = (t[k] ?? 0) + v;
    const pS = t.strict / t.predicted;
    const rS = t.strict / t.gold;
    console.log(
      `### ${sys.name}\nfound ${t.lenient}/${t.gold}, extra ${t.predicted - t.lenient}; strict P ${pct(t.strict, t.predicted)} R ${pct(t.strict, t.gold)} F1 ${(100 * f1(pS, rS)).toFixed(1)}; lenient F1 ${(100 * f1(t.lenient / t.predicted, t.lenient / t.gold)).toFixed(1)}; hard ${t.hardFound}/${t.hard}; URLs ${t.urls}/${t.urlsGold}; outlets ${t.outlets}/${t.outletsGold} (without evidence ${t.outletsWrong}); captions out ${t.captionsOut}/${t.captions} (${pct(t.captionsOut, t.captions)}); junk left ${t.junkIn}/${t.junk}; dated ${t.dated}/${t.datable}; CPU ${(t.cpuMs / t.gold).toFixed(3)} ms/article`,
    );
    console.log(
      `extra articles by their title line: ${Object.entries(extraAs)
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
    );
  }
}

if (seeds) {
  for (const split of splits) {
    const articles = all.filter((a) => a.split === split);
    const list = [];
    const plain = CONVENTIONS.find((c) => c.name === 'plain');
    for (const seed of seeds) {
      list.push(await measure(`${split}, seed ${seed}, mixed`, makeDumps(articles, size, seed), articles.length));
      for (const conv of CONVENTIONS)
        list.push(
          await measure(
            `${split}, seed ${seed}, all ${conv.name}`,
            makeDumps(articles, size, seed, conv),
            articles.length,
          ),
        );
      list.push(
        await measure(
          `${split}, seed ${seed}, plain by story`,
          makeDumps(articles, size, seed, plain, true),
          articles.length,
        ),
      );
    }
    printTotals(`${split}, seeds ${seeds.join(', ')}`, list);
  }
  process.exit(0);
}

for (const split of splits) {
  const articles = all.filter((a) => a.split === split);
  const seed = split === 'tune' ? 101 : 202;
  await measure(split, makeDumps(articles, size, seed), articles.length);
  // Each convention over the whole split (plain: the shape of real pasted dumps, headline + blank line + body,
  // a third without a Source line and none with a dateline).
  if (byConvention)
    for (const conv of CONVENTIONS)
      await measure(`${split}, all ${conv.name}`, makeDumps(articles, size, seed, conv), articles.length);
}
