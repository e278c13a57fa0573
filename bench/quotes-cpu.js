// CPU time of the language and quotes stages, this build beside another checkout's build, in one process
// alternating the two (paired rounds), over the PolNeAR train and dev articles. Prints each round and the medians.
// Usage: node bench/quotes-cpu.js --other /path/to/other/dist [--rounds 5] [--limit N]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, pairedOptions, pairedRounds } from './paired-rounds.js';
import { sharedDataDir } from './devsets/docs.js';

const { opt, other, here, rounds } = pairedOptions(5);
const limit = Number(opt('limit', 0));

async function load(dist) {
  const u = (p) => pathToFileURL(join(resolve(dist), p)).href;
  const lang = await import(u('language/index.js'));
  const ner = await import(u('language/ner/index.js'));
  const model = await import(u('model/index.js'));
  const quotes = await import(u('quotes/index.js'));
  return { lang, tagger: ner.loadTagger(), model, quotes };
}

const texts = [];
for (const split of ['train', 'dev']) {
  const dir = join(sharedDataDir(), 'polnear/data', split, 'text');
  for (const f of readdirSync(dir).sort()) texts.push(readFileSync(join(dir, f), 'utf8'));
}
const docsToRun = limit ? texts.slice(0, limit) : texts;

function run(b) {
  const t0 = process.cpuUsage();
  docsToRun.forEach((text, i) => {
    const doc = b.model.createDoc(`d${i}`, {
      title: '',
      url: null,
      outlet: null,
      text,
      captions: [],
      dateEvidence: [],
      origin: `d${i}`,
      warnings: [],
    });
    b.lang.annotateLanguage(doc, b.tagger);
    b.quotes.annotateQuotes(doc);
  });
  const d = process.cpuUsage(t0);
  return Math.round((d.user + d.system) / 1000);
}

const builds = { other: await load(other), this: await load(here) };
const [otherMs, thisMs] = pairedRounds(
  rounds,
  () => run(builds.other),
  () => run(builds.this),
);
const ms = { other: otherMs, this: thisMs };
console.log(`language + quotes CPU, ${docsToRun.length} PolNeAR train+dev articles, ${rounds} paired rounds:`);
for (const k of ['other', 'this']) console.log(`  ${k}: median ${median(ms[k])} ms (${ms[k].join(' / ')})`);
