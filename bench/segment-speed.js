// Segmentation speed, paired: the Timeline17 input articles (real news; one sentence a line) pasted back to back as
// one dump (blank line between articles) and the segment bench's generated dumps (PolNeAR, ECB+; tune split), each
// segmented by this build and by another build (`--other DIST`, e.g. main's dist/ in a second worktree), runs
// alternating A B B A…, CPU time of this process per run (process.cpuUsage). Prints medians and the median of
// the run-by-run ratios. The texts are read from the shared data folder at run time and never kept.
// Usage: npm run bench:segment-speed -- --other DIST [--runs N] [--articles N] [--no-timeline17] [--profile]
//   --profile: one more pass of this build alone (run under node --cpu-prof to see where the time goes).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSourceArticles } from '../dist/segment/train/corpora.js';
import { makeDumps } from '../dist/segment/train/dumps.js';
import { TIMELINE17 } from './timeline17-input.js';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const runs = Number(opt('runs', 21));
const limit = Number(opt('articles', 100000));
const other = opt('other', null);

const here = await import('../dist/segment/index.js');
const systems = [{ name: 'this build', seg: here.segmentText }];
if (other) {
  const mod = await import(pathToFileURL(resolve(other, 'segment/index.js')).href);
  systems.push({ name: `other (${other})`, seg: mod.segmentText });
}

/** Timeline17 input articles as one dump: each article's lines as they are, a blank line between articles. */
function timeline17Dump() {
  const texts = [];
  if (!TIMELINE17) return null;
  for (const collection of readdirSync(TIMELINE17).sort()) {
    const dir = join(TIMELINE17, collection, 'InputDocs');
    if (!existsSync(dir)) continue;
    for (const day of readdirSync(dir).sort())
      for (const f of readdirSync(join(dir, day)).sort()) {
        const text = readFileSync(join(dir, day, f), 'utf8').trim();
        if (text && texts.length < limit) texts.push(text);
      }
  }
  return { name: `Timeline17 (${texts.length} articles)`, texts: [texts.join('\n\n')], articles: texts.length };
}

const inputs = [];
const t17 = timeline17Dump();
if (t17 && !argv.includes('--no-timeline17')) inputs.push(t17);
const tune = loadSourceArticles().filter((a) => a.split === 'tune');
if (tune.length > 0) {
  const dumps = makeDumps(tune, 20, 101);
  inputs.push({
    name: `generated dumps, tune (${tune.length} articles)`,
    texts: dumps.map((d) => d.text),
    articles: tune.length,
  });
}
if (inputs.length === 0) {
  console.error('no shared data: set SITREP_SHARED_DATA');
  process.exit(1);
}

async function cpuOf(seg, texts) {
  const t0 = process.cpuUsage();
  for (const t of texts) await seg(t, 'bench');
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const input of inputs) {
  // Warm-up: one pass each (JIT, model load).
  for (const s of systems) await cpuOf(s.seg, input.texts);
  if (argv.includes('--profile')) {
    for (let i = 0; i < runs; i++) await cpuOf(systems[0].seg, input.texts);
    continue;
  }
  const cpu = systems.map(() => []);
  for (let run = 0; run < runs; run++) {
    // Alternating order (A B, B A, …) so that drift in the machine's load falls on both alike.
    const order = run % 2 === 0 ? systems.map((_, i) => i) : systems.map((_, i) => systems.length - 1 - i);
    for (const si of order) cpu[si].push(await cpuOf(systems[si].seg, input.texts));
  }
  console.log(`\n## ${input.name}, ${runs} runs`);
  for (const [si, s] of systems.entries())
    console.log(`${s.name}: ${((1000 * median(cpu[si])) / input.articles).toFixed(1)} µs/article CPU (median)`);
  if (systems.length === 2) {
    const ratios = cpu[0].map((t, i) => t / cpu[1][i]);
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(
      `CPU this / other: median ${median(ratios).toFixed(3)} (quartiles ${sorted[Math.floor(runs / 4)].toFixed(3)}–${sorted[Math.floor((3 * runs) / 4)].toFixed(3)}, ${runs} paired runs)`,
    );
  }
}
