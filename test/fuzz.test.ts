import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain-JS fuzzer shared with `npm run fuzz`
import { decodeInput, replay, runFuzz } from './fuzz/targets.js';

const REGRESSIONS = new URL('./fuzz/regressions/', import.meta.url);

describe('fuzzing (short run; `npm run fuzz` runs 1,000,000 cases)', () => {
  it('every parser of outside input survives 2,000 seeded cases: no throw, no input over 1 s of CPU', async () => {
    const counts = (await runFuzz({ cases: 2000, seed: 7 })) as Record<string, number>;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2000);
    for (const target of ['segment', 'html', 'feed', 'warc', 'gzip', 'jsonl-contract', 'timex', 'quotes', 'events'])
      expect(counts[target], target).toBeGreaterThan(0);
  });

  it('replays every case the fuzzer found (kept as written inputs)', async () => {
    const files = readdirSync(REGRESSIONS).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const found = JSON.parse(readFileSync(new URL(file, REGRESSIONS), 'utf8')) as { target: string; input: unknown };
      await expect(replay(found.target, decodeInput(JSON.stringify(found.input))), file).resolves.toBeUndefined();
    }
  });
});
