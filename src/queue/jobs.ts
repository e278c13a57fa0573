import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isUrlInput, readWarc, sourceKind, walk } from '../ingest/index.js';

/**
 * The units of work the queue hands to workers, and how `sitrep enqueue` cuts its inputs into them. A job names
 * its input (an absolute path, a byte range of one, or a URL): every worker must see the same files, as on a
 * shared disk. What a job stores is decided by the store's content dedup, so a job run twice stores nothing new.
 */
export type JobInput =
  /** A whole file of any kind `sitrep analyze` reads (a dump, an HTML page, JSONL, a gzipped WARC). */
  | { kind: 'file'; path: string }
  /** The records of a plain WARC file that start in the byte range [start, end). */
  | { kind: 'warc'; path: string; start: number; end: number; records: number }
  /** A page URL, fetched by the worker. */
  | { kind: 'page'; url: string }
  /** One poll of an RSS/Atom feed (the feed is then watched by the store). */
  | { kind: 'feed'; url: string };

/** A job ready to send: its input and a key that is the same whenever the input's content is. */
export interface PlannedJob {
  input: JobInput;
  /** sha256 of the input's bytes (files, ranges) or of its URL (pages); random-free, so enqueuing twice agrees. */
  key: string;
}

export interface SplitOptions {
  /** Records per WARC job (default 200). */
  warcRecords?: number;
  /** URLs enqueued as feed polls rather than pages. */
  feeds?: boolean;
}

export const DEFAULT_WARC_RECORDS = 200;

function sha256(...parts: Array<string | Buffer>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

async function fileHash(path: string, start = 0, end?: number): Promise<string> {
  const h = createHash('sha256');
  const stream = createReadStream(path, end === undefined ? { start } : { start, end: end - 1 });
  for await (const chunk of stream) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Offsets of the records of a plain WARC file, in file order (a damaged record is left to the job that meets it). */
async function warcRecordOffsets(path: string): Promise<number[]> {
  const offsets: number[] = [];
  for await (const ev of readWarc(createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>)) {
    if (ev.kind === 'record') offsets.push(ev.record.offset);
  }
  return offsets;
}

/** Cut record offsets into ranges of `per` records; the last range runs to the file's end. */
export function warcRanges(
  offsets: readonly number[],
  size: number,
  per: number,
): Array<{ start: number; end: number; records: number }> {
  const ranges: Array<{ start: number; end: number; records: number }> = [];
  for (let i = 0; i < offsets.length; i += per) {
    const next = offsets[i + per];
    ranges.push({ start: i === 0 ? 0 : offsets[i]!, end: next ?? size, records: Math.min(per, offsets.length - i) });
  }
  return ranges;
}

async function* fileJobs(path: string, options: SplitOptions): AsyncGenerator<PlannedJob> {
  // Gzipped WARC records are addressed by decoded offsets, not file ones: such a file is one job.
  if (sourceKind(path) === 'warc' && !/\.gz$/i.test(path)) {
    const size = (await stat(path)).size;
    const ranges = warcRanges(await warcRecordOffsets(path), size, options.warcRecords ?? DEFAULT_WARC_RECORDS);
    if (ranges.length > 1) {
      for (const r of ranges)
        yield { input: { kind: 'warc', path, ...r }, key: sha256('warc\0', await fileHash(path, r.start, r.end)) };
      return;
    }
  }
  yield { input: { kind: 'file', path }, key: sha256(`${sourceKind(path)}\0`, await fileHash(path)) };
}

/**
 * Cut inputs into jobs: each file (folders walked as `sitrep analyze` walks them) is one job, a plain WARC one job
 * per `warcRecords` records, a URL one page fetch (or feed poll). A missing input throws, naming it.
 */
export async function* planJobs(inputs: readonly string[], options: SplitOptions = {}): AsyncGenerator<PlannedJob> {
  for (const input of inputs) {
    if (isUrlInput(input)) {
      const url = new URL(input).href;
      const kind = options.feeds ? 'feed' : 'page';
      yield { input: { kind, url }, key: sha256(`${kind}\0`, url) };
      continue;
    }
    for await (const file of walk(resolve(input))) yield* fileJobs(file, options);
  }
}

/** The job's pg-boss id: the key's first 128 bits written as a UUID, so the same content is one job. */
export function jobId(key: string): string {
  const h = key.slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** One line naming a job's input (status lists, the UI). */
export function describeInput(input: JobInput): string {
  switch (input.kind) {
    case 'file':
      return input.path;
    case 'warc':
      return `${input.path} bytes ${input.start}–${input.end} (${input.records} records)`;
    case 'page':
      return input.url;
    case 'feed':
      return `feed ${input.url}`;
  }
}
