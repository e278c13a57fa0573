// Story clustering on ECB+ with distractors: the documents of the tuning topics (odd) and, separately, of the check
// topics (even), as in bench/stories.bench.js, clustered together with N articles that belong to no ECB+ story,
// each its own gold story. ECB+ has no report alone in its story; real feeds have many, so this measures what a
// rule that joins lone articles to stories costs when unrelated reports are in the collection.
// Distractors: bench/distractor-pool.js (Timeline17 collection-days, PolNeAR texts, SemEval-2022 texts, in turn,
// fixed seed), read at bench time from the shared data folder, never kept in the repository.
// Reported per split and N: B³ P/R/F1 over all documents, and how many distractors were put in a story holding an
// ECB+ document ("pulled in").
// Usage: npm run bench:stories-distractors [-- --distractors 0,100,300] [-- --lone 0.25,0.15] [-- --seed 1]
import { clusterFeatures } from '../dist/cli/commands/cluster.js';
import { loadTagger } from '../dist/language/ner/index.js';
import { clusterStories } from '../dist/resolve/index.js';
import { distractorPool } from './distractor-pool.js';
import { readJsonLines, sharedData } from './shared-data.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const COUNTS = arg('distractors', '0,100,300').split(',').map(Number);
const LONE = arg('lone', '0.25,0.15').split(',').map(Number);
const SEED = Number(arg('seed', '1'));

const ECB = sharedData('ecbplus/ecbplus_documents.dev.jsonl', { optional: true });
if (!ECB) {
  console.log('no ECB+ data (set SITREP_SHARED_DATA): skipped');
  process.exit(0);
}
const { pool, sources } = distractorPool(Math.max(...COUNTS), SEED);

const tagger = loadTagger();
const t0 = performance.now();
const ecb = readJsonLines(ECB).map((d) => ({
  topic: d.topic,
  gold: `ecb:${d.cluster}`,
  f: clusterFeatures({ id: d.doc_name, text: d.text }, tagger),
}));
const distractors = pool.map((d) => ({ gold: d.id, f: clusterFeatures({ id: d.id, text: d.text() }, tagger) }));
console.log(
  `ECB+ ${ecb.length} documents, ${distractors.length} distractors (${sources.map((s) => s.length).join(' / ')} ` +
    `available: Timeline17 collection-days / PolNeAR / SemEval); features ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);

/** B³ over items: mean over items of |C∩G|/|C| and |C∩G|/|G|. */
function bcubed(pred, gold) {
  const key = (a, b) => `${a}\u0000${b}`;
  const count = (xs) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map());
  const cp = count(pred);
  const cg = count(gold);
  const both = count(pred.map((p, i) => key(p, gold[i])));
  let p = 0;
  let r = 0;
  for (let i = 0; i < pred.length; i++) {
    const c = both.get(key(pred[i], gold[i]));
    p += c / cp.get(pred[i]);
    r += c / cg.get(gold[i]);
  }
  p /= pred.length;
  r /= pred.length;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function run(set, options) {
  const { assignment } = clusterStories(
    set.map((d) => d.f),
    options,
  );
  const ecbStories = new Set(assignment.filter((_, i) => set[i].gold.startsWith('ecb:')));
  const pulled = assignment.filter((s, i) => !set[i].gold.startsWith('ecb:') && ecbStories.has(s)).length;
  // Pairs of distractors put in one story, by kind: one Timeline17 topic (its collections of one event, e.g. two
  // outlets' or two days' reports of it), two PolNeAR texts, other.
  const kinds = { t17: 0, polnear: 0, other: 0 };
  const byStory = new Map();
  assignment.forEach((s, i) => {
    if (!set[i].gold.startsWith('ecb:')) byStory.set(s, [...(byStory.get(s) ?? []), set[i].gold]);
  });
  for (const ids of byStory.values())
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++) {
        const topic = (id) => (id.startsWith('t17:') ? id.split(':')[1].split('_')[0] : null);
        if (topic(ids[a]) && topic(ids[a]) === topic(ids[b])) kinds.t17++;
        else if (ids[a].startsWith('polnear:') && ids[b].startsWith('polnear:')) kinds.polnear++;
        else kinds.other++;
      }
  // Lenient gold: a Timeline17 topic's collection-days are one story.
  const lenient = set.map((d) => (d.gold.startsWith('t17:') ? `t17:${d.gold.split(':')[1].split('_')[0]}` : d.gold));
  const ecbOnly = bcubed(
    assignment.filter((_, i) => set[i].gold.startsWith('ecb:')),
    set.filter((d) => d.gold.startsWith('ecb:')).map((d) => d.gold),
  );
  return {
    ...bcubed(
      assignment,
      set.map((d) => d.gold),
    ),
    lenient: bcubed(assignment, lenient),
    ecbOnly,
    pulled,
    kinds,
  };
}

if (process.argv.includes('--cv')) {
  // 3-fold leave-topics-out CV over the tuning topics (every third tuning topic a fold, as in
  // bench/stories.bench.js), each fold with its own third of the N distractors: the lone threshold chosen on the
  // other two folds (F1 weighted by their sizes), scored on the fold left out.
  const tune = ecb.filter((d) => d.topic % 2 === 1);
  const topics = [...new Set(tune.map((d) => d.topic))].sort((a, b) => a - b);
  for (const n of COUNTS)
    for (const gold of ['strict', 'lenient']) {
      const folds = [0, 1, 2].map((k) => [
        ...tune.filter((d) => topics.indexOf(d.topic) % 3 === k),
        ...distractors.slice(0, n).filter((_, i) => i % 3 === k),
      ]);
      const scores = LONE.map((loneThreshold) =>
        folds.map((set) => {
          const s = run(set, { loneThreshold });
          return gold === 'strict' ? s.f1 : s.lenient.f1;
        }),
      );
      let cv = 0;
      const picks = [];
      for (let k = 0; k < 3; k++) {
        const within = (x) => [0, 1, 2].filter((j) => j !== k).reduce((sum, j) => sum + x[j] * folds[j].length, 0);
        const best = scores.reduce((a, b, i) => (within(b) > within(scores[a]) ? i : a), 0);
        picks.push(LONE[best]);
        cv += scores[best][k] * folds[k].length;
      }
      const size = folds.reduce((sum, f) => sum + f.length, 0);
      console.log(
        `CV N=${n} ${gold}: F1 ${(cv / size).toFixed(3)}, lone thresholds chosen ${picks.join(' ')}; per lone threshold ` +
          LONE.map(
            (t, i) => `${t}: ${(scores[i].reduce((sum, f, k) => sum + f * folds[k].length, 0) / size).toFixed(3)}`,
          ).join('  '),
      );
    }
  process.exit(0);
}

const splits = [
  ['tune', ecb.filter((d) => d.topic % 2 === 1)],
  ['check', ecb.filter((d) => d.topic % 2 === 0)],
];
console.log(
  'split  N    lone   P      R      F1     | lenient P R F1    | ECB+ docs P R F1  | pulled in | distractor pairs t17/polnear/other',
);
for (const [name, docs] of splits)
  for (const n of COUNTS)
    for (const loneThreshold of LONE) {
      const s = run([...docs, ...distractors.slice(0, n)], { loneThreshold });
      console.log(
        `${name.padEnd(6)} ${String(n).padEnd(4)} ${loneThreshold.toFixed(3)}  ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ` +
          `${s.f1.toFixed(3)}  | ${[s.lenient.p, s.lenient.r, s.lenient.f1].map((x) => x.toFixed(3)).join(' ')} | ` +
          `${[s.ecbOnly.p, s.ecbOnly.r, s.ecbOnly.f1].map((x) => x.toFixed(3)).join(' ')} | ${s.pulled} | ` +
          `${s.kinds.t17}/${s.kinds.polnear}/${s.kinds.other}`,
      );
    }
