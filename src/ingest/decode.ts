import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';

/**
 * Text encodings of plain dumps: a BOM says UTF-16 (or UTF-8); without one, UTF-16 is recognised by where its
 * NUL bytes fall; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252 (a superset of Latin-1
 * for printable text), with a warning.
 */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows-1252';

export const NOT_UTF8_WARNING = 'not valid UTF-8: decoded as Windows-1252';

/** Why a head of bytes is not text, or null when it looks like text. */
function binaryReason(head: Uint8Array): string | null {
  let controls = 0;
  for (const b of head) if (b === 0 || b < 9 || (b > 13 && b < 32 && b !== 27)) controls++;
  if (controls > head.length * 0.01 || head.includes(0)) return 'binary file (not text)';
  return null;
}

/**
 * UTF-16 without a byte-order mark (Windows tools write it): text in Latin script has a NUL as the high byte
 * of almost every code unit, so NULs fill one byte position of each pair and almost never the other. Binary
 * data has NULs at both positions. Text in other scripts has few NULs and is not recognised (it needs a BOM).
 */
function utf16Encoding(head: Uint8Array): TextEncoding | null {
  const pairs = head.length >> 1;
  if (pairs < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  let encoding: TextEncoding | null = null;
  if (odd >= pairs * 0.5 && even <= pairs * 0.01) encoding = 'utf16le';
  else if (even >= pairs * 0.5 && odd <= pairs * 0.01) encoding = 'utf16be';
  if (!encoding) return null;
  // The code units must read as text too: no NUL characters, few controls.
  const units = iconv.decode(
    Buffer.from(head.subarray(0, pairs * 2)),
    encoding === 'utf16le' ? 'utf16-le' : 'utf16-be',
  );
  let controls = 0;
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    if (c === 0) return null;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) controls++;
  }
  return controls <= units.length * 0.01 ? encoding : null;
}

const utf16Warning = (encoding: TextEncoding): string =>
  `no byte-order mark: read as ${encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} (from where its NUL bytes fall)`;

function bomEncoding(head: Uint8Array): { encoding: TextEncoding; bom: number } | null {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  return null;
}

/** Decode a whole buffer of text (small inputs, tests). */
export function decodeText(bytes: Uint8Array): { text: string; warnings: string[] } | { error: string } {
  if (bytes.length === 0) return { error: 'empty file' };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomEncoding(buf);
  if (bom && bom.encoding !== 'utf8')
    return {
      text: iconv.decode(buf.subarray(bom.bom), bom.encoding === 'utf16le' ? 'utf16-le' : 'utf16-be'),
      warnings: [],
    };
  const utf16 = utf16Encoding(buf.subarray(0, 8192));
  if (utf16)
    return { text: iconv.decode(buf, utf16 === 'utf16le' ? 'utf16-le' : 'utf16-be'), warnings: [utf16Warning(utf16)] };
  const reason = binaryReason(buf.subarray(0, 8192));
  if (reason) return { error: reason };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text: text.replace(/^\uFEFF/, ''), warnings: [] };
  } catch {
    return { text: iconv.decode(buf, 'windows-1252'), warnings: [NOT_UTF8_WARNING] };
  }
}

export interface FileEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  skip: number;
  warnings: string[];
}

/**
 * Sniff a file's text encoding without holding it in memory: BOM, binary check on the head, then one
 * streaming pass validating UTF-8 (stops at the first invalid byte).
 */
export async function detectFileEncoding(path: string): Promise<FileEncoding | { error: string }> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const { bytesRead, buffer } = await fh.read(Buffer.alloc(8192), 0, 8192, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length === 0) return { error: 'empty file' };
  const bom = bomEncoding(head);
  if (bom && bom.encoding !== 'utf8') return { encoding: bom.encoding, skip: bom.bom, warnings: [] };
  const utf16 = utf16Encoding(head);
  if (utf16) return { encoding: utf16, skip: 0, warnings: [utf16Warning(utf16)] };
  const reason = binaryReason(head);
  if (reason) return { error: reason };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
      decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
  } catch {
    return { encoding: 'windows-1252', skip: 0, warnings: [NOT_UTF8_WARNING] };
  }
  return { encoding: 'utf8', skip: bom ? bom.bom : 0, warnings: [] };
}

/** Stream a file's text in the given encoding. */
export async function* decodeFileStream(path: string, enc: FileEncoding): AsyncGenerator<string> {
  const name = enc.encoding === 'utf16le' ? 'utf16-le' : enc.encoding === 'utf16be' ? 'utf16-be' : enc.encoding;
  const decoder = iconv.getDecoder(name);
  for await (const chunk of createReadStream(path, { start: enc.skip, highWaterMark: 1 << 16 })) {
    const s = decoder.write(chunk as Buffer);
    if (s) yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
