/**
 * `npm run train:ner` — trains the committed NER model. Never run in CI or tests.
 *
 *   node dist/language/ner/train-main.js [--out models/ner.bin] [--bits 20] [--epochs 14] [--epochs2 N] [--no-stage2]
 *        [--no-dev] [--no-gazetteer] [--no-clusters] [--clusters FILE|built] [--aggregate 1000] [--no-history] [--clusters2] [--gaz-case] [--gaz-types] [--chars all|rare] [--gaz-dropout 0.5] [--word-dropout 0.3] [--min-count 1] [--folds 5]
 *        [--gmb 0.25] [--gmb-weight 0.5]
 *
 * The defaults are the settings chosen by cross-validation on train (`npm run cv:ner`, docs/ner-model-selection.md),
 * never on the dev file: `npm run train:ner` alone rebuilds the committed model.
 *
 * `--gmb SHARE` adds that share of the GMB sentences (from the start of the corpus, mapped to CoNLL types by
 * `gmb.ts`) to the first pass's training text, `--gmb-weight W` sets the size of their updates (default 1).
 *
 * Data: $SITREP_DATA or ../shared/data relative to the repository root (conll2003/train.txt for training,
 * conll2003/valid_testa.txt for the dev figure only; unlabelled text for word clusters).
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseConll, countTokens } from './conll.js';
import { trainTagger } from './train.js';
import { serializeModel, deserializeModel } from './model-file.js';
import { evaluateTags } from './evaluate.js';
import { buildGazetteer } from './build-gazetteer.js';
import { buildClusters } from './build-clusters.js';
import type { FeatureResources } from './features.js';
import { DEFAULT_CLUSTER_FILE, loadClusterFile } from './cluster-file.js';
import { repoRoot, sharedDataDir } from './data-dir.js';
import { gmbTrainingDocuments, readGmb } from './gmb.js';

function charMode(v: string): 'all' | 'rare' {
  if (v !== 'all' && v !== 'rare') throw new Error('--chars all or --chars rare');
  return v;
}

function main(argv: string[]): void {
  const flag = (name: string): boolean => argv.includes(`--${name}`);
  const value = (name: string, def: string): string => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : def;
  };
  const dataDir = sharedDataDir();
  const trainPath = resolve(dataDir, 'conll2003/train.txt');
  const devPath = resolve(dataDir, 'conll2003/valid_testa.txt');
  if (!existsSync(trainPath)) throw new Error(`training data not found: ${trainPath} (set SITREP_DATA)`);
  const out = resolve(repoRoot, value('out', 'models/ner.bin'));
  const bits = Number(value('bits', '20'));
  const epochs = Number(value('epochs', '14'));
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  const t0 = Date.now();

  const train = parseConll(readFileSync(trainPath, 'utf8'));
  log(`train: ${train.length} documents, ${countTokens(train)} tokens`);
  const resources: FeatureResources = { gazetteer: null, clusters: null };
  if (!flag('no-gazetteer')) {
    resources.gazetteer = buildGazetteer(flag('no-gmb') ? undefined : dataDir);
    log(
      `gazetteer: ${resources.gazetteer.entries.size} phrases in ${resources.gazetteer.lists.length} lists (${resources.gazetteer.lists.join(', ')})`,
    );
  }
  const clusterSource = value('clusters', DEFAULT_CLUSTER_FILE);
  if (flag('no-clusters')) resources.clusters = null;
  else if (clusterSource === 'built') {
    const c = buildClusters(dataDir, log);
    resources.clusters = c.clusters;
    log(`clusters: ${c.clusters.paths.size} words from ${c.tokens} unlabelled tokens`);
  } else {
    resources.clusters = loadClusterFile(resolve(repoRoot, clusterSource));
    log(`clusters: ${resources.clusters.paths.size} entries from ${clusterSource}`);
  }
  const features = {
    aggregate: Number(value('aggregate', '1000')),
    history: !flag('no-history'),
    // Only when asked for, so the settings written into a model trained without it stay as before.
    ...(flag('clusters2') && resources.clusters !== null ? { clusters2: true } : {}),
    ...(flag('gaz-case') && resources.gazetteer !== null ? { gazCase: true } : {}),
    ...(flag('gaz-types') && resources.gazetteer !== null ? { gazTypes: true } : {}),
    ...(flag('chars') ? { charGrams: charMode(value('chars', '')) } : {}),
  };
  const settings = {
    bits,
    epochs,
    epochs2: Number(value('epochs2', String(epochs))),
    stage2: !flag('no-stage2'),
    seed: 1,
    folds: Number(value('folds', '5')),
    minCount: Number(value('min-count', '1')),
    // Only when asked for, so the settings written into a model trained without it stay as before.
    ...(flag('gaz-dropout') ? { gazDropout: Number(value('gaz-dropout', '0')) } : {}),
    ...(flag('word-dropout') ? { wordDropout: Number(value('word-dropout', '0')) } : {}),
    ...features,
  };
  const gmbShare = Number(value('gmb', '0'));
  const gmbWeight = Number(value('gmb-weight', '1'));
  const extra =
    gmbShare > 0
      ? { documents: gmbTrainingDocuments(readGmb(dataDir), { share: gmbShare }), weight: gmbWeight }
      : undefined;
  if (extra) {
    if (extra.documents.length === 0) throw new Error('GMB data not found (gmb-ner/ner_dataset.csv.gz)');
    log(
      `GMB: ${extra.documents.length} pseudo-documents, ${countTokens(extra.documents)} tokens, update size ${gmbWeight}`,
    );
  }
  const model = trainTagger(train, { ...settings, features, resources, log, ...(extra ? { extra } : {}) });
  const trainSeconds = (Date.now() - t0) / 1000;

  let devF1: number | null = null;
  if (!flag('no-dev') && existsSync(devPath)) {
    const dev = parseConll(readFileSync(devPath, 'utf8'));
    const gold: string[][] = [];
    const pred: string[][] = [];
    for (const d of dev) {
      const tags = model.tagSentences(d.sentences.map((s) => s.tokens));
      d.sentences.forEach((s, i) => {
        gold.push(s.tags);
        pred.push(tags[i]!);
      });
    }
    const ev = evaluateTags(gold, pred);
    devF1 = ev.f1;
    log(
      `dev (valid_testa): F1 ${(100 * ev.f1).toFixed(2)}  P ${(100 * ev.precision).toFixed(2)}  R ${(100 * ev.recall).toFixed(2)}`,
    );
    for (const [t, s] of Object.entries(ev.perType)) log(`  ${t.padEnd(5)} F1 ${(100 * s.f1).toFixed(2)}`);
  }
  Object.assign(model.provenance, {
    data: extra
      ? `CoNLL-2003 English train.txt (eng.train, 203,621 tokens); first pass also GMB ner_dataset.csv (first ${gmbShare} of the sentences, ${countTokens(extra.documents)} tokens, update size ${gmbWeight}; gmb.ts)`
      : 'CoNLL-2003 English train.txt (eng.train, 203,621 tokens)',
    gazetteer: resources.gazetteer ? resources.gazetteer.lists.join(',') : null,
    clusters: resources.clusters ? `${resources.clusters.paths.size} entries (${clusterSource})` : null,
    command: `npm run train:ner${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    settings: JSON.stringify(settings),
    devF1: devF1 === null ? null : Number(devF1.toFixed(4)),
    trainedSeconds: Math.round(trainSeconds),
  });
  const bytes = serializeModel(model);
  // Round-trip check: the file must load and tag like the trained model (quantization aside).
  deserializeModel(bytes);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

try {
  main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`train:ner: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
