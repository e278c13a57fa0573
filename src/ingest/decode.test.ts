import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { rng } from '../model/random.js';
import { decodeFileStream, decodeText, detectFileEncoding, NOT_UTF8_WARNING } from './decode.js';

const TEXT =
  'Harbour talks resume\r\n\r\nPORTAVEL, March 10 — The minister’s envoy met Ana Brél on Tuesday, officials said.\r\n';

function swap16(b: Buffer): Buffer {
  return Buffer.from(b).swap16();
}

describe('text encodings', () => {
  const le = Buffer.from(TEXT, 'utf16le');
  const be = swap16(le);

  it('reads UTF-16 without a byte-order mark, either byte order, with a warning', () => {
    for (const [bytes, name] of [
      [le, 'UTF-16LE'],
      [be, 'UTF-16BE'],
    ] as const) {
      const r = decodeText(bytes);
      if ('error' in r) throw new Error(r.error);
      expect(r.text).toBe(TEXT);
      expect(r.warnings).toEqual([`no byte-order mark: read as ${name} (from where its NUL bytes fall)`]);
    }
  });

  it('reads a UTF-16 file without a BOM as a stream, as it reads one with a BOM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-enc-'));
    const long = TEXT.repeat(500);
    for (const [name, bytes] of [
      ['le.txt', Buffer.from(long, 'utf16le')],
      ['be.txt', swap16(Buffer.from(long, 'utf16le'))],
      ['bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(long, 'utf16le')])],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const enc = await detectFileEncoding(path);
      if ('error' in enc) throw new Error(enc.error);
      let text = '';
      for await (const s of decodeFileStream(path, enc)) text += s;
      expect(text, name).toBe(long);
    }
  });

  it('still refuses binary data, even with many NULs, and reads UTF-8 and Windows-1252 as before', () => {
    const r = rng(5);
    for (let n = 0; n < 200; n++) {
      const junk = Buffer.from(Array.from({ length: 600 }, () => (r() < 0.4 ? 0 : Math.floor(r() * 256))));
      expect(decodeText(junk), `junk ${n}`).toEqual({ error: 'binary file (not text)' });
    }
    // Integers with zero high bytes: NULs in both positions of a pair.
    const ints = Buffer.alloc(4000);
    for (let i = 0; i < 1000; i++) ints.writeUInt32LE(i * 7, i * 4);
    expect(decodeText(ints)).toEqual({ error: 'binary file (not text)' });
    expect(decodeText(Buffer.from(TEXT))).toEqual({ text: TEXT, warnings: [] });
    expect(decodeText(iconv.encode('Café “quoted”', 'windows-1252'))).toEqual({
      text: 'Café “quoted”',
      warnings: [NOT_UTF8_WARNING],
    });
  });

  it('does not take text in other scripts for UTF-16 (it needs a BOM)', () => {
    const cyrillic = Buffer.from('Переговоры в гавани возобновились во вторник.', 'utf16le');
    expect(decodeText(cyrillic)).toEqual({ error: 'binary file (not text)' });
  });
});
