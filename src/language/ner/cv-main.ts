/**
 * `npm run cv:ner` — model selection for the NER model by k-fold cross-validation on CoNLL-2003 `train`
 * (contiguous document blocks; see `cross-validate.ts`). Never reads the dev or test files.
 *
 *   node dist/language/ner/cv-main.js [--folds 5] [--epochs 10] [--bits 20] [--json results.jsonl]
 *        --setting NAME[:OPTION[;OPTION…]] …
 *
 * Options of a setting: `aggregate=200` (context aggregation window), `history` (extended prediction
 * history), `clusters2` (word-class prefixes of the words two to the left and right too), `gazcase` (gazetteer
 * match codes conjoined with the token's casing), `gaztypes` (gazetteer lists pooled by entity type, with
 * the neighbours' types), `chars=all` / `chars=rare` (character 3- and 4-grams of every word / of words without a
 * word class), `gazdrop=0.5` (share of training documents per epoch trained without their gazetteer
 * rows), `worddrop=0.3` (share of capitalized training tokens per epoch trained without their word-identity rows), `drop=bigL+bigR` (templates left out), `stage2=0` (first pass only), `epochs=N`,
 * `gazetteer=0`, `phoenix` (Phoenix actor names in the gazetteer), `clusters=0`, `clusters=built` (the
 * context-vector clusters built from the unlabelled text at run time instead of the committed file),
 * `clusters=FILE` (another cluster file, as written by `npm run train:clusters`), `gmb=1` (GMB sentences mapped to
 * CoNLL types as extra first-pass training text in every fold, `gmb.ts`; a number below 1 takes that share of the
 * corpus from its start), `gmbweight=0.5` (size of their perceptron updates). Prints, per setting and epoch, mean ± sd of held-out entity F1 over folds.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseConll, countTokens } from './conll.js';
import { buildGazetteer } from './build-gazetteer.js';
import { buildClusters } from './build-clusters.js';
import { crossValidate, meanSd, type CvSetting } from './cross-validate.js';
import type { FeatureResources } from './features.js';
import type { Gazetteer, WordClusters } from './resources.js';
import { repoRoot, sharedDataDir } from './data-dir.js';
import { DEFAULT_CLUSTER_FILE, loadClusterFile } from './cluster-file.js';
import { gmbTrainingDocuments, readGmb, type GmbSentence } from './gmb.js';

interface ParsedSetting extends CvSetting {
  gazetteer: boolean;
  /** Phoenix actor names in the gazetteer (`buildGazetteer`'s `phoenix`). */
  phoenix: boolean;
  /** Where the word clusters come from: none, built at run time, or a cluster file (path). */
  clusters: 'none' | 'built' | string;
  /** Share of the GMB sentences (`gmb.ts`) added to the first pass's training blocks (0 = none). */
  gmb: number;
}

function parseSetting(spec: string, epochs: number, bits: number): ParsedSetting {
  const [name, opts = ''] = spec.split(':', 2) as [string, string?];
  const s: ParsedSetting = {
    name,
    features: {},
    epochs,
    stage2: true,
    bits,
    minCount: 1,
    gazetteer: true,
    phoenix: false,
    clusters: DEFAULT_CLUSTER_FILE,
    gmb: 0,
  };
  for (const opt of opts.split(';').filter(Boolean)) {
    const [key, value = ''] = opt.split('=', 2) as [string, string?];
    if (key === 'aggregate') s.features.aggregate = Number(value);
    else if (key === 'history') s.features.history = value !== '0';
    else if (key === 'clusters2') s.features.clusters2 = value !== '0';
    else if (key === 'gazcase') s.features.gazCase = value !== '0';
    else if (key === 'gaztypes') s.features.gazTypes = value !== '0';
    else if (key === 'chars') {
      if (value !== 'all' && value !== 'rare') throw new Error('chars=all or chars=rare');
      s.features.charGrams = value;
    } else if (key === 'gazdrop') s.gazDropout = Number(value);
    else if (key === 'worddrop') s.wordDropout = Number(value);
    else if (key === 'drop') s.features.drop = value.split('+');
    else if (key === 'stage2') s.stage2 = value !== '0';
    else if (key === 'epochs') s.epochs = Number(value);
    else if (key === 'mincount') s.minCount = Number(value);
    else if (key === 'gazetteer') s.gazetteer = value !== '0';
    else if (key === 'phoenix') s.phoenix = value !== '0';
    else if (key === 'clusters') s.clusters = value === '0' ? 'none' : value;
    else if (key === 'gmb') s.gmb = value === '' ? 1 : Number(value);
    else if (key === 'gmbweight') s.extraWeight = Number(value);
    else throw new Error(`unknown setting option "${key}"`);
  }
  return s;
}

const pct = (xs: readonly number[]): string => {
  const { mean, sd } = meanSd(xs);
  return `${(100 * mean).toFixed(2)} ± ${(100 * sd).toFixed(2)}`;
};

function main(argv: string[]): void {
  const value = (name: string, def: string): string => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : def;
  };
  const folds = Number(value('folds', '5'));
  const epochs = Number(value('epochs', '10'));
  const bits = Number(value('bits', '20'));
  const json = argv.includes('--json') ? resolve(value('json', '')) : null;
  const settings = argv.flatMap((a, i) => (a === '--setting' && argv[i + 1] ? [argv[i + 1]!] : []));
  if (settings.length === 0) throw new Error('give at least one --setting NAME[:OPTIONS]');
  const parsed = settings.map((s) => parseSetting(s, epochs, bits));
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  const dataDir = sharedDataDir();
  const trainPath = resolve(dataDir, 'conll2003/train.txt');
  if (!existsSync(trainPath)) throw new Error(`training data not found: ${trainPath} (set SITREP_DATA)`);
  const train = parseConll(readFileSync(trainPath, 'utf8'));
  log(`train: ${train.length} documents, ${countTokens(train)} tokens; ${folds} contiguous folds`);
  const gazetteers = new Map<boolean, Gazetteer>();
  const gazetteerFor = (phoenix: boolean): Gazetteer => {
    let g = gazetteers.get(phoenix);
    if (!g) gazetteers.set(phoenix, (g = buildGazetteer(dataDir, { phoenix })));
    return g;
  };
  let gmb: GmbSentence[] | null = null;
  const gmbSentences = (): GmbSentence[] => {
    gmb ??= readGmb(dataDir);
    if (gmb.length === 0) throw new Error('GMB data not found (gmb-ner/ner_dataset.csv.gz)');
    return gmb;
  };
  const clusterSets = new Map<string, WordClusters | null>([['none', null]]);
  const clustersFor = (source: string): WordClusters | null => {
    if (!clusterSets.has(source))
      clusterSets.set(
        source,
        source === 'built' ? buildClusters(dataDir, log).clusters : loadClusterFile(resolve(repoRoot, source)),
      );
    return clusterSets.get(source)!;
  };
  for (const s of parsed) {
    const resources: FeatureResources = {
      gazetteer: s.gazetteer ? gazetteerFor(s.phoenix) : null,
      clusters: clustersFor(s.clusters),
    };
    const extra = s.gmb > 0 ? gmbTrainingDocuments(gmbSentences(), { share: s.gmb }) : [];
    if (extra.length) log(`  ${s.name}: ${extra.length} GMB pseudo-documents, ${countTokens(extra)} tokens`);
    const r = crossValidate(train, resources, s, folds, log, extra);
    const last = s.epochs - 1;
    const best = (rows: number[][]): number =>
      rows.reduce((b, xs, e) => (xs.length && meanSd(xs).mean > meanSd(rows[b]!).mean ? e : b), 0);
    const b1 = best(r.stage1);
    let line = `${s.name}: first pass ${pct(r.stage1[last]!)} (best epoch ${b1 + 1}: ${pct(r.stage1[b1]!)}; train ${pct(r.train1)})`;
    if (s.stage2) {
      const b2 = best(r.stage2);
      line += `; second pass ${pct(r.stage2[last]!)} (best epoch ${b2 + 1}: ${pct(r.stage2[b2]!)}; train ${pct(r.train2)})`;
    }
    line += `; entities unseen in the training blocks: first pass ${pct(r.unseen1)}`;
    if (s.stage2) line += `, second pass ${pct(r.unseen2)}`;
    process.stdout.write(`${line}; ${r.seconds.toFixed(0)} s\n`);
    for (let e = 0; e < s.epochs; e++)
      log(`  epoch ${e + 1}: ${pct(r.stage1[e]!)}${s.stage2 ? ` / ${pct(r.stage2[e]!)}` : ''}`);
    if (json) appendFileSync(json, `${JSON.stringify({ ...r, spec: settings[parsed.indexOf(s)] })}\n`);
  }
}

try {
  main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`cv:ner: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
