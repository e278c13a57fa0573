import { LIMITS } from '../model/index.js';
import { ByteReader } from './bytes.js';

/**
 * A streaming WARC (ISO 28500) record parser: each record is a version line, named header fields, a
 * blank line and a block of exactly Content-Length bytes. Truncated or garbled input yields a problem
 * and the parser resynchronises on the next `WARC/1.` line instead of giving up.
 */
export interface WarcRecord {
  /** Header field names in lower case. */
  headers: Map<string, string>;
  block: Buffer;
  /** Byte offset of the record in the (uncompressed) stream. */
  offset: number;
}

export type WarcEvent = { kind: 'record'; record: WarcRecord } | { kind: 'problem'; offset: number; message: string };

export interface WarcOptions {
  /** Records with larger blocks are skipped (reported, never buffered). */
  maxRecordBytes?: number;
  /** Offset of the stream's first byte, when it continues an earlier one (a run of a damaged gzip file). */
  startOffset?: number;
}

const MAGIC = Buffer.from('WARC/1.');
const CRLF2 = Buffer.from('\r\n\r\n');
const LF2 = Buffer.from('\n\n');
const MAX_HEADER = 64 * 1024;
const RESYNC_WINDOW = 1 << 20;

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

/** Skip to the next `WARC/1.` at a line start; returns how many bytes were skipped. */
async function resync(r: ByteReader): Promise<number> {
  let skipped = 0;
  for (;;) {
    await r.fill(RESYNC_WINDOW);
    const window = r.peek(RESYNC_WINDOW);
    let at = -1;
    for (let i = window.indexOf(MAGIC, 1); i >= 0; i = window.indexOf(MAGIC, i + 1)) {
      if (window[i - 1] === 0x0a) {
        at = i;
        break;
      }
    }
    if (at >= 0) return skipped + (await r.skip(at));
    if (r.available <= MAGIC.length) return skipped + (await r.skip(r.available));
    skipped += await r.skip(window.length - MAGIC.length);
  }
}

export async function* readWarc(source: AsyncIterable<Buffer>, options: WarcOptions = {}): AsyncGenerator<WarcEvent> {
  const maxRecord = options.maxRecordBytes ?? LIMITS.warcRecordBytes;
  const r = new ByteReader(source[Symbol.asyncIterator](), options.startOffset ?? 0);
  const cause = (): string => (r.failure ? ` (${r.failure.message})` : '');
  for (;;) {
    // Records are separated by CRLF CRLF; tolerate any run of line breaks.
    while ((await r.fill(1)) && (r.peek(1)[0] === 0x0d || r.peek(1)[0] === 0x0a)) await r.skip(1);
    if (r.atEnd) break;
    const offset = r.offset;
    await r.fill(MAGIC.length);
    if (!r.peek(MAGIC.length).equals(MAGIC)) {
      const skipped = await resync(r);
      yield { kind: 'problem', offset, message: `garbled data: skipped ${skipped} byte(s) that are not a WARC record` };
      continue;
    }
    let end = await r.find(CRLF2, MAX_HEADER);
    let sep = 4;
    if (end < 0) {
      end = await r.find(LF2, MAX_HEADER);
      sep = 2;
    }
    if (end < 0) {
      if (r.available < MAX_HEADER) {
        yield { kind: 'problem', offset, message: `truncated record: the stream ends inside its header${cause()}` };
        return;
      }
      await r.skip(MAGIC.length);
      const skipped = await resync(r);
      yield {
        kind: 'problem',
        offset,
        message: `garbled record header (no end within ${MAX_HEADER} bytes): skipped ${skipped + MAGIC.length} byte(s)`,
      };
      continue;
    }
    const headers = parseHeaders(r.take(end).toString('latin1'));
    await r.skip(sep);
    const lengthField = headers.get('content-length');
    if (lengthField === undefined || !/^\d+$/.test(lengthField)) {
      const skipped = await resync(r);
      yield {
        kind: 'problem',
        offset,
        message: `record without a valid Content-Length${lengthField === undefined ? '' : ` (${JSON.stringify(lengthField.slice(0, 40))})`}: skipped ${skipped} byte(s)`,
      };
      continue;
    }
    const length = Number(lengthField);
    if (length > maxRecord) {
      const skipped = await r.skip(length);
      yield { kind: 'problem', offset, message: `record too large (${length} bytes, limit ${maxRecord}): skipped` };
      if (skipped < length) break;
      continue;
    }
    if (!(await r.fill(length))) {
      yield {
        kind: 'problem',
        offset,
        message: `truncated record: ${r.available} of ${length} bytes before the stream ends${cause()}`,
      };
      return;
    }
    yield { kind: 'record', record: { headers, block: r.take(length), offset } };
  }
  if (r.failure)
    yield { kind: 'problem', offset: r.offset, message: `stream error between records: ${r.failure.message}` };
}
