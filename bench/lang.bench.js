// Language-stage benchmark: tokenize + NER + gazetteer + coreference on synthetic ~600-word articles,
// then cross-article actor resolution. Prints articles/s, ms/article and the share of time in the tagger.
// Usage: npm run bench:lang [-- ARTICLES]
import { performance } from 'node:perf_hooks';
import { annotateLanguage } from '../dist/language/index.js';
import { createDoc, textArticle } from '../dist/model/index.js';
import { ActorTally, resolveActors } from '../dist/resolve/index.js';

const N = Number(process.argv[2] ?? 2000);

// Sentence templates written for this benchmark (no corpus text). Slots are filled from small name pools.
const PEOPLE = [
  'Moon Jae-in',
  'Emmanuel Macron',
  'Anna Berg',
  'Kim Yo-jong',
  'Olaf Brandt',
  'Maria Lopes',
  'Chen Wei',
  'Tomas Novak',
  'Sarah Okafor',
  'Lee Min-ho',
];
const PLACES = [
  'Moscow',
  'Seoul',
  'Pyongyang',
  'Washington',
  'Beijing',
  'Paris',
  'Berlin',
  'Kyiv',
  'Tokyo',
  'Harbour City',
];
const COUNTRIES = [
  'the United States',
  'North Korea',
  'South Korea',
  'Russia',
  'China',
  'France',
  'the U.K.',
  'Japan',
  'Germany',
  'Ukraine',
];
const ORGS = [
  'the United Nations',
  'NATO',
  'the EU',
  'the IAEA',
  'Yonhap',
  'KCNA',
  'the Harbour Authority',
  'the Port Workers Union',
];
const TEMPLATES = [
  (p, _q, c, o, _l) => `${p} said on Tuesday that ${c} would not accept the proposal put forward by ${o} last week.`,
  (p, q, _c, _o, l) =>
    `Speaking in ${l}, ${p} told reporters the talks with ${q} had been "frank and useful", but gave no details.`,
  (_p, _q, c, _o, l) => `${l} denied the accusation and said ${c} had no plans to send troops to the border region.`,
  (_p, _q, c, o, _l) => `A spokesman for ${o} said inspectors were ready to return as soon as ${c} allowed them to.`,
  (p, q, _c, _o, _l) =>
    `Mr. ${p.split(' ').pop()} later met ${q} for two hours, according to officials familiar with the meeting.`,
  (_p, _q, c, _o, _l) =>
    `The decision drew criticism from opposition lawmakers, who accused the government of caving in to pressure from ${c}.`,
  (_p, _q, _c, _o, _l) =>
    `Shares in harbour operators fell sharply after the announcement, while analysts warned of further disruption to shipping.`,
  (_p, q, _c, _o, l) =>
    `Foreign Minister ${q} is expected to travel to ${l} next month for a further round of negotiations.`,
  (p, _q, _c, o, _l) =>
    `"We will not be intimidated," ${p} said, adding that ${o} should "look at the facts before it speaks".`,
  (_p, _q, _c, o, _l) =>
    `Russian and Chinese diplomats at ${o} blocked a statement on Friday, according to two people present.`,
];

let seed = 42;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = (a) => a[rnd(a.length)];

function article() {
  const paras = [];
  let words = 0;
  while (words < 600) {
    const sents = [];
    for (let k = 0; k < 3; k++) {
      const s = pick(TEMPLATES)(pick(PEOPLE), pick(PEOPLE), pick(COUNTRIES), pick(ORGS), pick(PLACES));
      sents.push(s);
      words += s.split(' ').length;
    }
    paras.push(sents.join(' '));
  }
  return paras.join('\n\n');
}

const texts = Array.from({ length: N }, article);
const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);

const { loadTagger } = await import('../dist/language/ner/index.js').catch(() => ({ loadTagger: null }));
const t0 = performance.now();
const tagger = loadTagger ? loadTagger() : undefined;
const loadMs = performance.now() - t0;

// Time spent inside the tagger, measured by wrapping it.
let tagMs = 0;
const timed = tagger && {
  tagSentences: (s) => {
    const a = performance.now();
    const r = tagger.tagSentences(s);
    tagMs += performance.now() - a;
    return r;
  },
};

const tally = new ActorTally();
let mentions = 0;
// Warm-up (JIT) on a few articles, not counted.
for (let i = 0; i < Math.min(50, N); i++) annotateLanguage(createDoc('w', raw(texts[i])), timed);
tagMs = 0;
const t1 = performance.now();
for (let i = 0; i < N; i++) {
  const doc = createDoc(`a${i}`, raw(texts[i]));
  annotateLanguage(doc, timed);
  mentions += doc.entities.length;
  tally.addDoc(doc);
}
const annMs = performance.now() - t1;
const t2 = performance.now();
const resolved = resolveActors(tally);
const resMs = performance.now() - t2;

function raw(text) {
  return textArticle(text, 'bench', { title: 'Bench' });
}

const f = (x) => x.toFixed(2);
console.log(
  `language bench: ${N} articles, ${(words / N).toFixed(0)} words/article, tagger ${tagger ? 'ner model' : 'none (gazetteer only)'} (load ${f(loadMs)} ms)`,
);
console.log(
  `annotateLanguage: ${f(annMs / N)} ms/article, ${(N / (annMs / 1000)).toFixed(0)} articles/s on one core; ${(mentions / N).toFixed(1)} mentions/article`,
);
console.log(
  `  of which NER tagger: ${f(tagMs / N)} ms/article (${((100 * tagMs) / annMs).toFixed(0)}%); rest (tokenize, gazetteer, coref, junk): ${f((annMs - tagMs) / N)} ms/article`,
);
console.log(`resolveActors: ${f(resMs)} ms for ${tally.stats.size} keys -> ${resolved.actors.length} actors`);
console.log(`peak RSS: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
