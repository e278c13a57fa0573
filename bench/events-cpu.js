// CPU time of the events stage, this build beside another checkout's build, in one process alternating the two
// (paired rounds, the order swapped every round), over the documents of the real-news events dev set. Each document
// is prepared once (language, time, quotes) by this build; only the events stage is timed. Run it both ways round
// (`--other` swapped with this checkout) and read the two ratios together: the build loaded first can be favoured.
// Usage: node bench/events-cpu.js --other /path/to/other/dist [--rounds 9]
import { pathToFileURL } from 'node:url';
import { median, pairedOptions, pairedRounds } from './paired-rounds.js';
import { loadDevset } from './devsets/load.js';

const { other, here, rounds } = pairedOptions(9);
const url = (dist, path) => pathToFileURL(`${dist}/${path}`).href;

const { annotateLanguage } = await import(url(here, 'language/index.js'));
const { loadTagger } = await import(url(here, 'language/ner/index.js'));
const { createDoc, publishedOn, textArticle } = await import(url(here, 'model/index.js'));
const { annotateTime } = await import(url(here, 'time/index.js'));
const { annotateQuotes } = await import(url(here, 'quotes/index.js'));
const thisEvents = (await import(url(here, 'events/index.js'))).annotateEvents;
const otherEvents = (await import(url(other, 'events/index.js'))).annotateEvents;

const tagger = loadTagger();
const byDoc = new Map();
for (const r of loadDevset()) if (!byDoc.has(r.doc)) byDoc.set(r.doc, r);
const docs = [];
for (const [id, r] of byDoc) {
  const doc = createDoc(id, textArticle(r.text, id, publishedOn(r.published, 'bench')));
  annotateLanguage(doc, tagger);
  annotateTime(doc);
  annotateQuotes(doc);
  docs.push(doc);
}
const words = docs.reduce((n, d) => n + d.tokens.filter((t) => /\w/.test(t.text)).length, 0);
/** CPU milliseconds per 600 words of one pass of `annotate` over every document. */
const pass = (annotate) => {
  const t0 = process.cpuUsage();
  for (const d of docs) annotate(d);
  const t = process.cpuUsage(t0);
  return ((t.user + t.system) / 1000 / words) * 600;
};
const [mine, theirs] = pairedRounds(
  rounds,
  () => pass(thisEvents),
  () => pass(otherEvents),
  (k, a, b) => console.log(`round ${k + 1}: this ${a.toFixed(3)} ms, other ${b.toFixed(3)} ms per 600 words`),
);
const ratios = mine.map((x, i) => x / theirs[i]);
console.log(
  `events stage: this ${median(mine).toFixed(3)} ms, other ${median(theirs).toFixed(3)} ms of CPU per 600 words; ` +
    `median paired ratio ${median(ratios).toFixed(3)} (${docs.length} documents, ${words} words, ${rounds} rounds)`,
);
