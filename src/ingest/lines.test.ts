import { describe, expect, it } from 'vitest';
import { byteLinesOf, decodeUtf8Line, linesOf, type OverlongLine } from './lines.js';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function* pieces<T extends string | Buffer>(whole: T, size: number): AsyncGenerator<T> {
  for (let i = 0; i < whole.length; i += size) yield whole.slice(i, i + size) as T;
}

describe('linesOf', () => {
  it('splits at \\n whatever the chunking, keeping \\r and the last unterminated line', async () => {
    const text = 'one\r\ntwo\n\nthree';
    for (const size of [1, 2, 5, 100])
      expect(await collect(linesOf(pieces(text, size)))).toEqual(['one\r', 'two', '', 'three']);
  });

  it('gives out a runaway line in pieces, cut at spaces, keeping every character', async () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `w${i}`).join(' ');
    const lines = await collect(linesOf(pieces(`head\n${words}\ntail\n`, 4096), 10_000));
    expect(lines[0]).toBe('head');
    expect(lines.at(-1)).toBe('tail');
    const middle = lines.slice(1, -1);
    expect(middle.length).toBeGreaterThan(20);
    for (const l of middle) expect(l.length).toBeLessThanOrEqual(10_000);
    expect(middle.join('')).toBe(words);
    // Cut at spaces: no word is split between two pieces.
    for (const l of middle.slice(1)) expect(l.startsWith(' ')).toBe(true);
    const unbroken = await collect(linesOf(pieces('x'.repeat(25_000), 999), 10_000));
    expect(unbroken.map((l) => l.length)).toEqual([10_000, 10_000, 5_000]);
  });
});

describe('byteLinesOf', () => {
  it('answers a line over the limit with its length, without keeping it, and goes on', async () => {
    const input = Buffer.from(`short\n${'y'.repeat(5000)}\nnext\n${'z'.repeat(3000)}`);
    for (const size of [1, 7, 1000, 10_000]) {
      const lines = await collect(byteLinesOf(pieces(input, size), 2000));
      expect(lines.map((l) => ('overlong' in l ? l : l.toString()))).toEqual([
        'short',
        { overlong: 5000 } satisfies OverlongLine,
        'next',
        { overlong: 3000 },
      ]);
    }
  });
});

describe('decodeUtf8Line', () => {
  it('says where a line stops being UTF-8 instead of replacing the bytes', () => {
    expect(decodeUtf8Line(Buffer.from('café “x”'))).toBe('café “x”');
    expect(decodeUtf8Line(Buffer.from([0x61, 0x62, 0xe9, 0x20]))).toEqual({
      error: 'not valid UTF-8 (first bad byte at column 3)',
    });
    // An overlong encoding of "/" and a lone surrogate are not UTF-8 either.
    expect(decodeUtf8Line(Buffer.from([0x61, 0xc0, 0xaf]))).toEqual({
      error: 'not valid UTF-8 (first bad byte at column 2)',
    });
    expect(decodeUtf8Line(Buffer.from([0xed, 0xa0, 0x80]))).toEqual({
      error: 'not valid UTF-8 (first bad byte at column 1)',
    });
    expect(decodeUtf8Line(Buffer.from([0x61, 0xe2, 0x80]))).toEqual({
      error: 'not valid UTF-8 (first bad byte at column 2)',
    });
  });
});
