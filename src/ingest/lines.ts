import { LIMITS } from '../model/index.js';

/**
 * Split a stream of text chunks into lines (without their `\n`; a trailing `\r` is kept for the consumer).
 * Only each new chunk is searched, so a file with no line breaks costs linear time; a line longer than
 * `maxChars` is given out in pieces, cut at a space when there is one in its second half (a runaway line,
 * not prose: the segmenter cuts such paragraphs at word boundaries anyway).
 */
export async function* linesOf(
  chunks: AsyncIterable<string>,
  maxChars: number = LIMITS.dumpLineChars,
): AsyncGenerator<string> {
  let parts: string[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', start)) {
      parts.push(chunk.slice(start, i));
      yield parts.join('');
      parts = [];
      length = 0;
      start = i + 1;
    }
    if (start === chunk.length) continue;
    parts.push(start === 0 ? chunk : chunk.slice(start));
    length += chunk.length - start;
    while (length > maxChars) {
      const text = parts.join('');
      let cut = text.lastIndexOf(' ', maxChars);
      if (cut < maxChars / 2) cut = maxChars;
      yield text.slice(0, cut);
      parts = [text.slice(cut)];
      length = text.length - cut;
    }
  }
  if (length > 0) yield parts.join('');
}

/** A line over the byte limit: its bytes were skipped, never buffered. */
export interface OverlongLine {
  overlong: number;
}

/**
 * Split a stream of byte chunks into lines of bytes (for JSONL, decoded line by line). A line longer than
 * `maxBytes` is not kept: it is answered by an `OverlongLine` with its length once its end is reached.
 */
export async function* byteLinesOf(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number = LIMITS.jsonlLineBytes,
): AsyncGenerator<Buffer | OverlongLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let overlong = false;
  const line = (): Buffer | OverlongLine =>
    overlong ? { overlong: length } : parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  for await (const chunk of chunks) {
    let start = 0;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, start)) {
      length += i - start;
      if (!overlong && length <= maxBytes) parts.push(chunk.subarray(start, i));
      else overlong = true;
      yield line();
      parts = [];
      length = 0;
      overlong = false;
      start = i + 1;
    }
    if (start === chunk.length) continue;
    length += chunk.length - start;
    if (length > maxBytes) {
      overlong = true;
      parts = [];
    } else parts.push(chunk.subarray(start));
  }
  if (length > 0) yield line();
}

export function overlongMessage(bytes: number): string {
  return `line of ${bytes} bytes is over the ${LIMITS.jsonlLineBytes}-byte limit of a JSONL record: skipped`;
}

/** A line of bytes as UTF-8 text, or where it stops being UTF-8 (never replaced silently). */
export function decodeUtf8Line(bytes: Buffer): string | { error: string } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: `not valid UTF-8 (first bad byte at column ${firstInvalidUtf8(bytes) + 1})` };
  }
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    if (!Buffer.from(b.subarray(i, i + n)).equals(Buffer.from(b.subarray(i, i + n).toString('utf8'), 'utf8'))) return i;
    i += n;
  }
  return b.length;
}
