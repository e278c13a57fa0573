import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { LIMITS } from '../model/index.js';

/** An HTTP response as archived in a WARC `response` record. */
export interface HttpMessage {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

const MAX_BODY = LIMITS.archivedBodyBytes;

/** Parse a raw HTTP response (status line, headers, body); null when the block is not one. */
export function parseHttpResponse(block: Buffer): HttpMessage | null {
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(block.subarray(0, 32).toString('latin1'));
  if (!status) return null;
  let end = block.indexOf('\r\n\r\n');
  let sep = 4;
  if (end < 0) {
    end = block.indexOf('\n\n');
    sep = 2;
  }
  if (end < 0) return null;
  const headers = new Map<string, string>();
  for (const line of block.subarray(0, end).toString('latin1').split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(status[1]), headers, body: block.subarray(end + sep) };
}

/** Undo chunked transfer coding, leniently: stops at the last complete chunk. */
export function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', pos);
    if (eol < 0) break;
    const size = parseInt(body.subarray(pos, eol).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(eol + 2, Math.min(body.length, eol + 2 + size)));
    pos = eol + 2 + size + 2;
    if (pos > body.length) break;
  }
  return Buffer.concat(parts);
}

/** The payload of a response with transfer and content codings removed. Throws on corrupt compression. */
export function decodedBody(msg: HttpMessage): Buffer {
  let body = msg.body;
  if (/chunked/i.test(msg.headers.get('transfer-encoding') ?? '')) body = dechunk(body);
  const coding = (msg.headers.get('content-encoding') ?? '').trim().toLowerCase();
  const opts = { maxOutputLength: MAX_BODY };
  if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(body, opts);
  if (coding === 'deflate') return inflateSync(body, opts);
  if (coding === 'br') return brotliDecompressSync(body, opts);
  return body;
}

/** Whether a content type (or, without one, the body's first bytes) says HTML. */
export function isHtml(contentType: string | null | undefined, body: Uint8Array): boolean {
  if (contentType && contentType.trim() !== '') return /\b(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType);
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 1024))
    .toString('latin1')
    .trimStart()
    .toLowerCase();
  return (
    head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && head.includes('<body'))
  );
}
