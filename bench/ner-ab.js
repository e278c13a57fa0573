// npm run bench:ner-ab -- --a models/ner.bin --b OTHER.bin [--rounds 7]
// Two NER model files compared paired on CoNLL-2003 dev (valid_testa): tagging speed as CPU time of interleaved
// runs (A, B, A, B, …; the ratio of medians is the figure, not one wall-clock number on a loaded machine), model
// load time in fresh processes (interleaved too), and entity F1: strict (conlleval: exact span and type) beside
// lenient (a predicted entity overlapping a gold one of the same type counts), on the whole file and on its first
// and second half of documents, and on the entities whose text never occurs as an entity in `train` (a proxy for
// how the model does on names it has not seen, which unseen news is full of). Asserts nothing.
// Data: $SITREP_SHARED_DATA, $SITREP_DATA or ../shared/data beside the repository.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { sharedData } from './shared-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def;
};
const paths = { A: resolve(arg('a', resolve(root, 'models/ner.bin'))), B: resolve(arg('b', '')) };
if (!argv.includes('--b')) throw new Error('give --b MODEL (and optionally --a MODEL, default models/ner.bin)');
const rounds = Number(arg('rounds', '7'));

const ner = await import('../dist/language/ner/index.js');
const dev = ner.parseConll(readFileSync(sharedData('conll2003/valid_testa.txt'), 'utf8'));
const train = ner.parseConll(readFileSync(sharedData('conll2003/train.txt'), 'utf8'));
const tokens = ner.countTokens(dev);

// Entity texts of train (any type).
const seen = new Set();
for (const d of train)
  for (const s of d.sentences) for (const e of ner.iobSpans(s.tags)) seen.add(s.tokens.slice(e.start, e.end).join(' '));

const models = { A: ner.loadModel(paths.A), B: ner.loadModel(paths.B) };
const tagAll = (m) => dev.flatMap((d) => m.tagSentences(d.sentences.map((s) => s.tokens)));

// Quality.
function scores(pred, docFrom, docTo, filter) {
  let sentence = 0;
  const c = { strict: 0, lenient: 0, predicted: 0, gold: 0, goldLenient: 0 };
  dev.forEach((d, di) => {
    for (const s of d.sentences) {
      const p = pred[sentence++];
      if (di < docFrom || di >= docTo) continue;
      const keep = (e) => !filter || filter(s.tokens.slice(e.start, e.end).join(' '));
      const gs = ner.iobSpans(s.tags).filter(keep);
      const ps = ner.iobSpans(p).filter(keep);
      const overlap = (x, y) => x.type === y.type && x.start < y.end && y.start < x.end;
      c.gold += gs.length;
      c.predicted += ps.length;
      for (const x of ps) {
        if (gs.some((y) => y.start === x.start && y.end === x.end && y.type === x.type)) c.strict++;
        if (gs.some((y) => overlap(x, y))) c.lenient++;
      }
      for (const y of gs) if (ps.some((x) => overlap(x, y))) c.goldLenient++;
    }
  });
  const f = (tp, tr) => {
    const P = c.predicted ? tp / c.predicted : 0;
    const R = c.gold ? tr / c.gold : 0;
    return P + R ? (2 * P * R) / (P + R) : 0;
  };
  return { strict: f(c.strict, c.strict), lenient: f(c.lenient, c.goldLenient), gold: c.gold };
}

// Speed: interleaved CPU time.
tagAll(models.A);
tagAll(models.B);
const cpu = { A: [], B: [] };
const outs = {};
for (let r = 0; r < rounds; r++)
  for (const k of r % 2 ? ['B', 'A'] : ['A', 'B']) {
    const c0 = process.cpuUsage();
    outs[k] = tagAll(models[k]);
    const d = process.cpuUsage(c0);
    cpu[k].push((d.user + d.system) / 1e6);
  }
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

// Load time: a fresh process per load, interleaved; CPU time of loadModel in that process.
const load = { A: [], B: [] };
const loader = `const t=process.cpuUsage();const p=performance.now();const n=await import(${JSON.stringify(
  resolve(root, 'dist/language/ner/index.js'),
)});n.loadModel(process.argv[1]);const d=process.cpuUsage(t);console.log(JSON.stringify({cpu:(d.user+d.system)/1e3,wall:performance.now()-p}));`;
for (let r = 0; r < Math.max(3, Math.min(rounds, 5)); r++)
  for (const k of r % 2 ? ['B', 'A'] : ['A', 'B'])
    load[k].push(
      JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', loader, paths[k]], { encoding: 'utf8' })),
    );

const pct = (x) => (100 * x).toFixed(2);
const half = Math.floor(dev.length / 2);
console.log(`CoNLL-2003 dev: ${dev.length} documents, ${tokens} tokens; A = ${paths.A}, B = ${paths.B}`);
for (const [label, from, to, filter] of [
  ['all dev', 0, dev.length, null],
  [`dev documents 1-${half}`, 0, half, null],
  [`dev documents ${half + 1}-${dev.length}`, half, dev.length, null],
  ['dev entities unseen in train', 0, dev.length, (t) => !seen.has(t)],
  ['dev entities seen in train', 0, dev.length, (t) => seen.has(t)],
]) {
  const a = scores(outs.A, from, to, filter);
  const b = scores(outs.B, from, to, filter);
  console.log(
    `${label.padEnd(30)} (${String(a.gold).padStart(4)} gold)  strict F1 ${pct(a.strict)} -> ${pct(b.strict)}   lenient F1 ${pct(a.lenient)} -> ${pct(b.lenient)}`,
  );
}
const tps = (k) => Math.round(tokens / median(cpu[k]));
console.log(
  `tagging, CPU time, median of ${rounds} interleaved runs: A ${tps('A')} tokens/s, B ${tps('B')} tokens/s (B/A speed ${(median(cpu.A) / median(cpu.B)).toFixed(3)}; per-round ratios ${cpu.A.map((a, i) => (a / cpu.B[i]).toFixed(2)).join(' ')})`,
);
const m = (k, f) => median(load[k].map((x) => x[f])).toFixed(0);
console.log(
  `model load incl. module import, fresh process, median of ${load.A.length}: A ${m('A', 'cpu')} ms CPU / ${m('A', 'wall')} ms wall, B ${m('B', 'cpu')} ms CPU / ${m('B', 'wall')} ms wall`,
);
console.log(`(load average ${(await import('node:os')).loadavg()[0].toFixed(2)} while measuring)`);
