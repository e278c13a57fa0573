// CPU time of page extraction (`extractHtml`), this build beside another checkout's build, in one process
// alternating the two (paired rounds, the order swapped every round), over the 88 article-extraction dev pages.
// Run it both ways round (`--this` and `--other` swapped) and read the two ratios together: the build loaded first
// can be favoured.
// Usage: node bench/extract-cpu.js --other /path/to/other/dist [--this /path/to/dist] [--rounds 9] [--data DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sharedData } from './shared-data.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const other = opt('other', null);
if (!other) throw new Error('--other DIST is required');
const here = opt('this', fileURLToPath(new URL('../dist', import.meta.url)));
const rounds = Number(opt('rounds', 9));
const DATA = opt('data') ?? sharedData('article-extraction');
const url = (dist, path) => pathToFileURL(`${dist}/${path}`).href;
const thisExtract = (await import(url(here, 'ingest/index.js'))).extractHtml;
const otherExtract = (await import(url(other, 'ingest/index.js'))).extractHtml;

const gold = JSON.parse(readFileSync(join(DATA, 'ground-truth.json'), 'utf8'));
const pages = readdirSync(join(DATA, 'html'))
  .filter((f) => f.endsWith('.html.gz'))
  .sort()
  .map((f) => {
    const id = f.replace(/\.html\.gz$/, '');
    return { html: gunzipSync(readFileSync(join(DATA, 'html', f))).toString('utf8'), url: gold[id]?.url ?? null };
  });
/** CPU milliseconds per page of one pass of `extract` over every page, three times. */
const pass = (extract) => {
  const t0 = process.cpuUsage();
  for (let k = 0; k < 3; k++) for (const p of pages) extract(p.html, p.url);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000 / (3 * pages.length);
};
pass(thisExtract);
pass(otherExtract);
const mine = [];
const theirs = [];
for (let k = 0; k < rounds; k++) {
  if (k % 2) {
    theirs.push(pass(otherExtract));
    mine.push(pass(thisExtract));
  } else {
    mine.push(pass(thisExtract));
    theirs.push(pass(otherExtract));
  }
  console.log(`round ${k + 1}: this ${mine[k].toFixed(3)} ms, other ${theirs[k].toFixed(3)} ms of CPU per page`);
}
const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
const ratios = mine.map((x, i) => x / theirs[i]);
console.log(
  `extractHtml: this ${median(mine).toFixed(3)} ms, other ${median(theirs).toFixed(3)} ms of CPU per page; ` +
    `median paired ratio ${median(ratios).toFixed(3)} (${pages.length} pages, ${rounds} rounds)`,
);
