// CPU time of page extraction (`extractHtml`), this build beside another checkout's build, in one process
// alternating the two (paired rounds, the order swapped every round), over the 88 article-extraction dev pages.
// Run it both ways round (`--this` and `--other` swapped) and read the two ratios together: the build loaded first
// can be favoured.
// Usage: node bench/extract-cpu.js --other /path/to/other/dist [--this /path/to/dist] [--rounds 9] [--data DIR]
import { pathToFileURL } from 'node:url';
import { median, pairedOptions, pairedRounds } from './paired-rounds.js';
import { extractionPages } from './extraction-pages.js';
import { sharedData } from './shared-data.js';

const options = pairedOptions(9);
const { opt, other, rounds } = options;
const here = opt('this', options.here);
const DATA = opt('data') ?? sharedData('article-extraction');
const url = (dist, path) => pathToFileURL(`${dist}/${path}`).href;
const thisExtract = (await import(url(here, 'ingest/index.js'))).extractHtml;
const otherExtract = (await import(url(other, 'ingest/index.js'))).extractHtml;

const pages = extractionPages(DATA).map((p) => ({ html: p.html, url: p.gold?.url ?? null }));
/** CPU milliseconds per page of one pass of `extract` over every page, three times. */
const pass = (extract) => {
  const t0 = process.cpuUsage();
  for (let k = 0; k < 3; k++) for (const p of pages) extract(p.html, p.url);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000 / (3 * pages.length);
};
const [mine, theirs] = pairedRounds(
  rounds,
  () => pass(thisExtract),
  () => pass(otherExtract),
  (k, a, b) => console.log(`round ${k + 1}: this ${a.toFixed(3)} ms, other ${b.toFixed(3)} ms of CPU per page`),
);
const ratios = mine.map((x, i) => x / theirs[i]);
console.log(
  `extractHtml: this ${median(mine).toFixed(3)} ms, other ${median(theirs).toFixed(3)} ms of CPU per page; ` +
    `median paired ratio ${median(ratios).toFixed(3)} (${pages.length} pages, ${rounds} rounds)`,
);
