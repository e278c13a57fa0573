import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentText } from './segmenter.js';
// @ts-expect-error plain-JS bench helper: the seeded PRNG shared with the benchmarks
import { rng } from '../../bench/synthetic.js';

const NOISE = [
  '',
  ' ',
  '\t',
  'Source:',
  'Source: http://',
  'Photo:',
  '(Image: ',
  'Â',
  'â€',
  '\uFFFD',
  '\u2028',
  '\u0000',
  '"',
  '“',
  '|',
  '—',
  'A',
  'SKIP TO CONTENT',
  'By',
  'Updated 99:99, 40 FOO 2026',
  '/',
  'ú',
];

function mutate(lines: string[], r: () => number): string[] {
  const out = [...lines];
  const ops = 1 + Math.floor(r() * 12);
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(r() * (out.length + 1));
    const op = Math.floor(r() * 6);
    if (op === 0) out.splice(i, 1);
    else if (op === 1) out.splice(i, 0, out[Math.floor(r() * out.length)] ?? '');
    else if (op === 2) out.splice(i, 0, NOISE[Math.floor(r() * NOISE.length)]!);
    else if (op === 3 && out[i]) {
      const s = out[i]!;
      const at = Math.floor(r() * s.length);
      out[i] = s.slice(0, at) + NOISE[Math.floor(r() * NOISE.length)]! + s.slice(at + Math.floor(r() * 5));
    } else if (op === 4) out.splice(i, Math.floor(r() * 8));
    else if (out[i]) out[i] = out[i]!.toUpperCase();
  }
  return out;
}

describe('segmenter fuzzing', () => {
  const base = readFileSync(new URL('../../examples/dump-harbour/harbour-crisis.txt', import.meta.url), 'utf8').split(
    '\n',
  );

  it('never crashes and keeps its invariants on 400 mutated dumps', async () => {
    const r = rng(12345);
    let checked = 0;
    for (let round = 0; round < 400; round++) {
      // A turn of the event loop now and then, so the test worker can answer vitest.
      if (round % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      const start = Math.floor(r() * base.length);
      const slice = base.slice(start, start + 20 + Math.floor(r() * 120));
      const input = mutate(slice, r).join(r() < 0.2 ? '\r\n' : '\n');
      const articles = await segmentText(input, `fuzz-${round}`);
      for (const a of articles) {
        checked++;
        expect(a.title.length, `round ${round}`).toBeGreaterThan(0);
        expect(a.text.length).toBeGreaterThan(0);
        expect(a.text).not.toMatch(/\r/);
        for (const p of a.paragraphs!) {
          expect(p.start).toBeGreaterThanOrEqual(0);
          expect(p.end).toBeLessThanOrEqual(a.text.length);
          expect(p.end).toBeGreaterThan(p.start);
        }
        if (a.url !== null) expect(a.url).toMatch(/^https?:\/\//);
      }
    }
    // The invariants above ran on real articles, not on empty results.
    expect(checked).toBeGreaterThan(400);
  });

  it('keeps every body word of an article it segments (nothing silently dropped besides junk)', async () => {
    const r = rng(99);
    for (let round = 0; round < 50; round++) {
      const words = Array.from({ length: 40 + Math.floor(r() * 80) }, (_, i) => `w${round}x${i}`);
      const paras: string[] = [];
      for (let i = 0; i < words.length; i += 10) paras.push(`${words.slice(i, i + 10).join(' ')}.`);
      const dump = `Headline number ${round} about the harbour\n\n${paras.join('\n\n')}\n\nSource: https://example.org/${round}\n`;
      const [a] = await segmentText(dump);
      for (const w of words) expect(a!.text).toContain(w);
    }
  });
});
