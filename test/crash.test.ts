import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain-JS harness shared with `npm run test:crash`
import { crashTest } from './crash/crash-test.js';

describe('crash safety (short kill test; `npm run test:crash` runs 50 kills)', () => {
  it('survives SIGKILLs in the bulk load, index rebuild and resolve: store sound, nothing lost, same results', async () => {
    const report = (await crashTest({
      kills: 3,
      seed: 3,
      articles: 200,
      median: 150,
      dir: mkdtempSync(join(tmpdir(), 'sitrep-crash-')),
    })) as { kills: number; completedReruns: number; checks: number };
    expect(report.kills).toBe(3);
    expect(report.completedReruns).toBeGreaterThanOrEqual(1);
    expect(report.checks).toBeGreaterThanOrEqual(report.kills + report.completedReruns);
  }, 600_000);
});
