// npm run bench:ner — CoNLL-2003 dev (valid_testa) entity F1, speed and model load time of sitrep's NER
// model, side by side with compromise (People/Places/Organizations → PER/LOC/ORG; it has no MISC).
// Data: $SITREP_SHARED_DATA, $SITREP_DATA or ../shared/data beside the repository. Prints its figures; asserts nothing.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sharedData } from './shared-data.js';

const devPath = sharedData('conll2003/valid_testa.txt');

const t0 = performance.now();
const ner = await import('../dist/language/ner/index.js');
const tImport = performance.now() - t0;
const t1 = performance.now();
const model = ner.loadModel();
const tLoad = performance.now() - t1;

const docs = ner.parseConll(readFileSync(devPath, 'utf8'));
const tokens = ner.countTokens(docs);
const gold = docs.flatMap((d) => d.sentences.map((s) => s.tags));

function tagAll(tagger) {
  return docs.flatMap((d) => tagger.tagSentences(d.sentences.map((s) => s.tokens)));
}

// Median wall-clock and CPU (user+system) time of `runs` runs. On a busy shared machine the CPU figure is the
// steadier measure of single-thread throughput; both are printed.
function timeRuns(fn, runs) {
  const wall = [];
  const cpu = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    const c = process.cpuUsage();
    out = fn();
    const d = process.cpuUsage(c);
    wall.push(performance.now() - s);
    cpu.push((d.user + d.system) / 1000);
  }
  const median = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { out, ms: median(wall), cpuMs: median(cpu) };
}

tagAll(model); // warm-up (JIT)
const ours = timeRuns(() => tagAll(model), 5);
const evOurs = ner.evaluateTags(gold, ours.out);

// compromise, one sentence at a time (tokens joined by spaces; entity character spans mapped back to tokens).
const nlp = (await import('compromise')).default;
const compromiseTagger = {
  tagSentences(sentences) {
    return sentences.map((toks) => {
      const starts = [];
      let text = '';
      for (const t of toks) {
        if (text) text += ' ';
        starts.push(text.length);
        text += t;
      }
      const tags = toks.map(() => 'O');
      const doc = nlp(text);
      for (const [type, view] of [
        ['PER', doc.people()],
        ['ORG', doc.organizations()],
        ['LOC', doc.places()],
      ]) {
        for (const m of view.json({ offset: true })) {
          const s = m.offset.start;
          const e = s + m.offset.length;
          const idx = [];
          for (let i = 0; i < toks.length; i++) if (starts[i] >= s && starts[i] + toks[i].length <= e) idx.push(i);
          if (idx.length === 0 || idx.some((i) => tags[i] !== 'O')) continue;
          idx.forEach((i, k) => {
            tags[i] = (k === 0 ? 'B-' : 'I-') + type;
          });
        }
      }
      return tags;
    });
  },
};
tagAll(compromiseTagger); // warm-up
const theirs = timeRuns(() => tagAll(compromiseTagger), 3);
const evTheirs = ner.evaluateTags(gold, theirs.out);

const pct = (x) => (100 * x).toFixed(2).padStart(6);
const row = (label, a, b) => console.log(`${label.padEnd(26)}${String(a).padStart(14)}${String(b).padStart(14)}`);
console.log(`CoNLL-2003 dev (valid_testa): ${docs.length} documents, ${gold.length} sentences, ${tokens} tokens`);
// The model loadModel() read: $SITREP_NER_MODEL when set, else the committed one.
const modelPath = process.env.SITREP_NER_MODEL ?? ner.DEFAULT_MODEL_PATH;
console.log(`sitrep model: ${modelPath} (${(readFileSync(modelPath).length / 1e6).toFixed(2)} MB)`);
console.log(`  provenance: ${JSON.stringify(model.provenance)}`);
console.log('');
row('', 'sitrep', 'compromise');
row('entity F1 (conlleval)', pct(evOurs.f1), pct(evTheirs.f1));
row('precision', pct(evOurs.precision), pct(evTheirs.precision));
row('recall', pct(evOurs.recall), pct(evTheirs.recall));
for (const t of ['PER', 'LOC', 'ORG', 'MISC']) row(`  ${t} F1`, pct(evOurs.perType[t].f1), pct(evTheirs.perType[t].f1));
row('tokens/s (wall clock)', Math.round(tokens / (ours.ms / 1000)), Math.round(tokens / (theirs.ms / 1000)));
row('tokens/s (CPU time)', Math.round(tokens / (ours.cpuMs / 1000)), Math.round(tokens / (theirs.cpuMs / 1000)));
row('model load ms', tLoad.toFixed(0), '-');
row('module import ms', tImport.toFixed(0), '-');
console.log(
  `(load average ${(await import('node:os')).loadavg()[0].toFixed(2)} on ${(await import('node:os')).cpus().length} cores while measuring)`,
);
