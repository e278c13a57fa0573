// npm run test:crash [-- --kills N --seed S --articles N]: the full kill test (see crash-test.js); prints what it did.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crashTest } from './crash-test.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    articles: { type: 'string', default: '1500' },
  },
});
const started = performance.now();
const report = await crashTest({
  kills: Number(values.kills),
  seed: Number(values.seed),
  articles: Number(values.articles),
  dir: join(tmpdir(), `sitrep-crash-${process.pid}`),
  log: (line) => console.log(line),
});
console.log(
  `crash test: ${report.kills} SIGKILLs survived in ${report.cycles} cycles (landed in: ${Object.entries(report.byPhase)
    .map(([p, n]) => `${p} ${n}`)
    .join(', ')}), ${report.completedReruns} completing reruns, ${report.checks} store checks passed, ` +
    `0 articles lost, 0 duplicated, derived tables equal to a clean run's (seed ${report.seed}, ${report.articles} articles, ` +
    `${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
