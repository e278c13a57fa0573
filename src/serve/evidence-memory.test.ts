import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownCopy } from '../store/queries.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap held by `keep(n)`'s kept strings, MB: what is still used after a full collection. */
function heldMb(keep: (parent: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 300; i++) {
    // A long text of its own (flat, as a row read from the store is), of which a sentence is kept.
    const parent = `Report ${i} from the harbour office. `.repeat(2500);
    kept.push(keep(parent));
  }
  gc();
  const held = (process.memoryUsage().heapUsed - before) / 1e6;
  expect(kept.every((s, i) => s.startsWith(`Report ${i} from`) && s.length === 150)).toBe(true);
  return held;
}

describe('kept evidence holds its own characters', () => {
  it('a slice kept by the span cache does not keep its article text alive', () => {
    // The check can fail: a plain slice keeps every ~90 kB parent (300 of them: ~50 MB and more).
    expect(heldMb((p) => p.slice(0, 150))).toBeGreaterThan(20);
    expect(heldMb((p) => ownCopy(p.slice(0, 150)))).toBeLessThan(5);
    expect(ownCopy('short')).toBe('short');
  });
});
