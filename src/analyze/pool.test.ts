import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyzerPool } from './pool.js';

describe('AnalyzerPool', () => {
  it('a worker that dies fails only its own batch and is replaced', async () => {
    // A stand-in worker: answers extract jobs, and dies on a page whose origin is "crash".
    const script = join(mkdtempSync(join(tmpdir(), 'sitrep-pool-')), 'worker.mjs');
    writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (req) => {
  if (req.items.some((i) => i.origin === 'crash')) process.exit(3);
  parentPort.postMessage({ batch: req.batch, results: req.items.map((i) => ({ ok: true, raw: { origin: i.origin } })) });
});`,
    );
    const pool = new AnalyzerPool(1, script);
    try {
      const page = (origin: string) => ({ kind: 'page' as const, origin, url: null, html: '<p>x</p>' });
      const [a, b, c] = await Promise.all([
        pool.extract([page('a')]),
        pool.extract([page('crash'), page('b')]),
        pool.extract([page('c')]),
      ]);
      expect(a).toEqual([{ ok: true, raw: { origin: 'a' } }]);
      expect(b).toEqual([
        { ok: false, origin: 'crash', error: expect.stringMatching(/worker failed: worker exited \(code 3\)/) },
        { ok: false, origin: 'b', error: expect.stringMatching(/worker failed/) },
      ]);
      expect(c).toEqual([{ ok: true, raw: { origin: 'c' } }]);
      expect(pool.threads).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
