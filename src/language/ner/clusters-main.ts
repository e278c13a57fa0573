/**
 * `npm run train:clusters` — builds the committed word classes (`models/word-clusters.tsv.gz`) from the
 * unlabelled text in the shared data folder with the exchange algorithm (see exchange-clusters.ts). Never
 * reads the CoNLL dev file. Deterministic: the same text gives the same file.
 *
 *   node dist/language/ner/clusters-main.js [--out models/word-clusters.tsv.gz] [--classes 256]
 *        [--min-count 3] [--max-words 60000] [--iterations 12]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { unlabelledSentences } from './build-clusters.js';
import { exchangeClusters } from './exchange-clusters.js';
import { writeClusterFile } from './cluster-file.js';
import { repoRoot, sharedDataDir } from './data-dir.js';

function main(argv: string[]): void {
  const value = (name: string, def: string): string => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : def;
  };
  const out = resolve(repoRoot, value('out', 'models/word-clusters.tsv.gz'));
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  const t0 = process.cpuUsage();
  const sents = unlabelledSentences(sharedDataDir());
  let tokens = 0;
  for (const s of sents) tokens += s.length;
  log(`train:clusters: ${sents.length} sentences, ${tokens} tokens of unlabelled text`);
  const r = exchangeClusters(sents, {
    classes: Number(value('classes', '256')),
    minCount: Number(value('min-count', '3')),
    maxWords: Number(value('max-words', '60000')),
    iterations: Number(value('iterations', '12')),
    log,
  });
  const bytes = writeClusterFile(r.words.map((word, i) => ({ word, path: r.paths[i]! })));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  const cpu = process.cpuUsage(t0);
  log(
    `wrote ${out}: ${r.words.length} words, ${(bytes.length / 1e3).toFixed(0)} kB, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU`,
  );
}

try {
  main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`train:clusters: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
