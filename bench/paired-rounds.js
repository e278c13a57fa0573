// The paired-rounds CPU scripts' common part (bench/extract-cpu.js, bench/events-cpu.js, bench/quotes-cpu.js): their
// options and the loop that alternates two builds in one process, the order swapped every round.
import { fileURLToPath } from 'node:url';

/**
 * The command line: `opt(name, dflt)` reads `--name VALUE`; `--other DIST` (required) is the other build's dist,
 * `here` this checkout's, `rounds` is `--rounds` (else `defaultRounds`).
 */
export function pairedOptions(defaultRounds) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const other = opt('other', null);
  if (!other) throw new Error('--other DIST is required');
  const here = fileURLToPath(new URL('../dist', import.meta.url));
  return { opt, other, here, rounds: Number(opt('rounds', defaultRounds)) };
}

/**
 * `first` and `second` (each a pass returning its cost) once each to warm up, then `rounds` rounds of both, `first`
 * leading in even rounds and `second` in odd ones; `onRound(k, a, b)` after each. Returns both series of costs.
 */
export function pairedRounds(rounds, first, second, onRound = () => undefined) {
  first();
  second();
  const a = [];
  const b = [];
  for (let k = 0; k < rounds; k++) {
    if (k % 2) {
      b.push(second());
      a.push(first());
    } else {
      a.push(first());
      b.push(second());
    }
    onRound(k, a[k], b[k]);
  }
  return [a, b];
}

/** The middle value (the upper one of an even count). */
export const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
