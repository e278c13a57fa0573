import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { LIMITS, type IngestItem } from '../model/index.js';
import { decodeFileStream, detectFileEncoding } from './decode.js';
import { guardedFetch, FetchError, MAX_FETCH_BYTES, type FetchOptions } from './fetch.js';
import { decodedBody, isHtml, parseHttpResponse } from './http-message.js';
import { jsonlItem } from './jsonl.js';
import { byteLinesOf, decodeUtf8Line, linesOf, overlongMessage } from './lines.js';
import { httpUrl } from './url.js';
import { readWarc, type WarcEvent } from './warc.js';
import { decodedRuns } from './gzip-members.js';

/**
 * The ingest stage's front door: every kind of input sitrep reads, streamed as ingest items in input
 * order. Nothing here throws for bad input: each problem is an `error` item naming its origin.
 */
export interface SourceOptions {
  /** Allow fetching from private, loopback and link-local addresses. */
  allowPrivate?: boolean;
  /** Overrides for URL fetching (limits, time-outs). */
  fetch?: FetchOptions;
}

export type SourceKind = 'url' | 'warc' | 'jsonl' | 'html' | 'dump';

const MAX_HTML_FILE = LIMITS.htmlFileBytes;

export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** The kind of a file input, by its name. */
export function sourceKind(path: string): SourceKind {
  if (isUrlInput(path)) return 'url';
  const name = basename(path).toLowerCase();
  if (/\.warc(?:\.gz)?$/.test(name)) return 'warc';
  if (/\.(?:jsonl|ndjson)$/.test(name)) return 'jsonl';
  if (/\.(?:html?|xhtml)$/.test(name)) return 'html';
  return 'dump';
}

function message(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** The files of an input: the file itself, or a folder's files (recursive, hidden ones left out) in name order. */
export async function* walk(path: string): AsyncGenerator<string> {
  const s = await stat(path);
  if (s.isDirectory()) {
    const entries = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    for (const e of entries) yield* walk(join(path, e));
  } else {
    yield path;
  }
}

async function* dumpItems(file: string): AsyncGenerator<IngestItem> {
  const enc = await detectFileEncoding(file);
  if ('error' in enc) yield { kind: 'error', origin: file, error: enc.error };
  else yield { kind: 'dump', origin: file, lines: linesOf(decodeFileStream(file, enc)), warnings: enc.warnings };
}

async function* htmlFileItems(file: string): AsyncGenerator<IngestItem> {
  const s = await stat(file);
  if (s.size === 0) return yield { kind: 'error', origin: file, error: 'empty file' };
  if (s.size > MAX_HTML_FILE)
    return yield {
      kind: 'error',
      origin: file,
      error: `HTML file too large (${s.size} bytes, limit ${MAX_HTML_FILE})`,
    };
  yield { kind: 'page', origin: file, url: null, html: new Uint8Array(await readFile(file)) };
}

async function* jsonlItems(file: string): AsyncGenerator<IngestItem> {
  let n = 0;
  let any = false;
  for await (const bytes of byteLinesOf(createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>)) {
    n++;
    if ('overlong' in bytes) {
      yield { kind: 'error', origin: `${file}:${n}`, error: overlongMessage(bytes.overlong) };
      continue;
    }
    const line = decodeUtf8Line(bytes);
    if (typeof line !== 'string') {
      yield { kind: 'error', origin: `${file}:${n}`, error: line.error };
      continue;
    }
    const item = jsonlItem(line.replace(/^\uFEFF/, ''), `${file}:${n}`);
    if (item) {
      any = true;
      yield item;
    }
  }
  if (!any) yield { kind: 'error', origin: file, error: 'empty file (no JSON lines)' };
}

async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/**
 * WARC records of a file, plain or gzipped (one member per record or one overall). A damaged gzip file loses only
 * what the damage touches: the record it cuts is reported, and reading goes on at the next gzip member.
 */
async function* warcEvents(file: string): AsyncGenerator<WarcEvent> {
  const raw = createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer> & NodeJS.ReadableStream;
  if (!(await isGzip(file)) && !/\.gz$/i.test(file)) return yield* readWarc(raw);
  for await (const run of decodedRuns(raw)) yield* readWarc(run.data, { startOffset: run.offset });
}

/**
 * HTML responses (and resources) out of a WARC file (or of `source`, its bytes, when given: a plain WARC's byte
 * range read from `startOffset`, so origins name offsets in the file).
 */
export async function* warcItems(
  file: string,
  source?: AsyncIterable<Buffer>,
  startOffset = 0,
): AsyncGenerator<IngestItem> {
  let records = 0;
  let pages = 0;
  let skipped = 0;
  for await (const ev of source ? readWarc(source, { startOffset }) : warcEvents(file)) {
    if (ev.kind === 'problem') {
      yield { kind: 'error', origin: `${file}@${ev.offset}`, error: ev.message };
      continue;
    }
    records++;
    const { headers, block, offset } = ev.record;
    const type = (headers.get('warc-type') ?? '').toLowerCase();
    const { url, warning } = httpUrl(headers.get('warc-target-uri')?.replace(/^<|>$/g, ''));
    const hints = warning ? { warnings: [warning] } : undefined;
    const origin = `${file}@${offset}`;
    if (type === 'response') {
      const msg = parseHttpResponse(block);
      if (!msg) {
        if (/^application\/http/i.test(headers.get('content-type') ?? 'application/http')) {
          yield { kind: 'error', origin, error: 'response record does not hold an HTTP response' };
        } else skipped++;
        continue;
      }
      const contentType = msg.headers.get('content-type') ?? null;
      if (msg.status < 200 || msg.status >= 300 || !isHtml(contentType, msg.body)) {
        skipped++;
        continue;
      }
      let body: Buffer;
      try {
        body = decodedBody(msg);
      } catch (err) {
        yield { kind: 'error', origin, error: `cannot decode the response body: ${message(err)}` };
        continue;
      }
      pages++;
      yield {
        kind: 'page',
        origin,
        url,
        html: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        contentType,
        hints,
      };
    } else if (type === 'resource' && isHtml(headers.get('content-type'), block)) {
      pages++;
      yield {
        kind: 'page',
        origin,
        url,
        html: new Uint8Array(block.buffer, block.byteOffset, block.byteLength),
        contentType: headers.get('content-type') ?? null,
        hints,
      };
    } else skipped++;
  }
  if (pages === 0) {
    yield {
      kind: 'error',
      origin: file,
      error:
        records === 0
          ? 'no WARC records found'
          : `no HTML responses among ${records} WARC record(s) (${skipped} other)`,
    };
  }
}

async function* urlItems(url: string, options: SourceOptions): AsyncGenerator<IngestItem> {
  try {
    const res = await guardedFetch(url, {
      maxBytes: MAX_FETCH_BYTES,
      ...options.fetch,
      allowPrivate: options.allowPrivate ?? options.fetch?.allowPrivate ?? false,
      accept: 'html',
    });
    yield {
      kind: 'page',
      origin: url,
      url: res.url,
      html: new Uint8Array(res.body.buffer, res.body.byteOffset, res.body.byteLength),
      contentType: res.contentType,
    };
  } catch (err) {
    yield { kind: 'error', origin: url, error: err instanceof FetchError ? err.message : message(err) };
  }
}

async function* fileItems(file: string): AsyncGenerator<IngestItem> {
  switch (sourceKind(file)) {
    case 'warc':
      return yield* warcItems(file);
    case 'jsonl':
      return yield* jsonlItems(file);
    case 'html':
      return yield* htmlFileItems(file);
    default:
      return yield* dumpItems(file);
  }
}

/** Read every input (files, folders, URLs) as a stream of ingest items. */
export async function* readSources(inputs: readonly string[], options: SourceOptions = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    if (isUrlInput(input)) {
      yield* urlItems(input, options);
      continue;
    }
    try {
      for await (const file of walk(input)) {
        try {
          yield* fileItems(file);
        } catch (err) {
          yield { kind: 'error', origin: file, error: message(err) };
        }
      }
    } catch (err) {
      yield { kind: 'error', origin: input, error: message(err) };
    }
  }
}
