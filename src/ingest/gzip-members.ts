import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { ByteReader } from './bytes.js';

/**
 * A gzip (RFC 1952) decoder that survives damage, streaming, one member at a time. zlib's gunzip stream
 * throws away what it decoded when it meets garbage between members or a damaged member, and stops there;
 * `gzip -dc` keeps what came before but stops too. A WARC file is a series of members, one per record, so
 * here a damaged stretch costs only the members it touches: the decoder reports it and goes on at the next
 * gzip member header (`1f 8b 08`).
 */
export type GzipPiece =
  | { kind: 'data'; data: Buffer }
  /** A discontinuity in the decoded data: what came before it may end mid-record. `offset` is in the file. */
  | { kind: 'damage'; offset: number; message: string };

const MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const MAX_NAME = 64 * 1024;
/** Compressed bytes fed to the inflater at a time: also bounds what one step can expand to (~16 MB). */
const PIECE = 16 * 1024;
/** Compressed bytes of the current member kept to rescan after it fails (members are records: usually small). */
const REWIND = 4 * 1024 * 1024;
const SCAN_WINDOW = 1 << 20;

/** Decoded bytes and damage reports out of a stream of gzip members, in order. */
export async function* gunzipMembers(source: AsyncIterable<Buffer>): AsyncGenerator<GzipPiece> {
  const r = new ByteReader(source[Symbol.asyncIterator]());
  let members = 0;
  while (await r.fill(1)) {
    const start = r.offset;
    await r.fill(MAGIC.length);
    if (!r.peek(MAGIC.length).equals(MAGIC)) {
      const skipped = (await r.skip(1)) + (await skipToMember(r));
      const what = members === 0 ? 'before the first gzip member' : 'that are not a gzip member';
      yield { kind: 'damage', offset: start, message: `skipped ${skipped} byte(s) at byte ${start} ${what}` };
      continue;
    }
    const kept: Buffer[] = [];
    const error = yield* member(r, kept);
    if (error === null) {
      members++;
      continue;
    }
    // An inserted or damaged stretch can make the inflater read on into the next member before it fails:
    // look for that member from just after this one's start, when its bytes are still at hand.
    const keptBytes = kept.reduce((n, b) => n + b.length, 0);
    if (r.offset === start) await r.skip(1);
    else if (keptBytes === r.offset - start) r.unshift(Buffer.concat(kept).subarray(1));
    await skipToMember(r);
    const next = r.atEnd ? 'no member follows' : `the next member is at byte ${r.offset}`;
    yield { kind: 'damage', offset: start, message: `gzip member at byte ${start}: ${error}; ${next}` };
  }
  if (r.failure) yield { kind: 'damage', offset: r.offset, message: `read error: ${r.failure.message}` };
}

/** Skip to the next gzip member header at or after the current byte; returns how many bytes were skipped. */
async function skipToMember(r: ByteReader): Promise<number> {
  let skipped = 0;
  for (;;) {
    const full = await r.fill(SCAN_WINDOW);
    const window = r.peek(SCAN_WINDOW);
    const at = window.indexOf(MAGIC);
    if (at >= 0) return skipped + (await r.skip(at));
    if (!full) return skipped + (await r.skip(r.available));
    // The window's last bytes may be the start of a header that continues past it.
    skipped += await r.skip(window.length - (MAGIC.length - 1));
  }
}

/** Consume a member header; returns why it is not one, or null. */
async function readHeader(r: ByteReader, kept: Buffer[]): Promise<string | null> {
  if (!(await r.fill(10))) return 'the file ends inside a member header';
  const fixed = r.take(10);
  kept.push(fixed);
  const flags = fixed[3]!;
  if (flags & 0xe0) return 'reserved header flags set (not a gzip member)';
  if (flags & FEXTRA) {
    if (!(await r.fill(2))) return 'the file ends inside a member header';
    const xlen = r.peek(2).readUInt16LE(0);
    if (!(await r.fill(2 + xlen))) return 'the file ends inside a member header';
    kept.push(r.take(2 + xlen));
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const end = await r.find(Buffer.from([0]), MAX_NAME);
    if (end < 0) return 'unterminated file name or comment in a member header';
    kept.push(r.take(end + 1));
  }
  if (flags & FHCRC) {
    if (!(await r.fill(2))) return 'the file ends inside a member header';
    kept.push(r.take(2));
  }
  return null;
}

/**
 * Decode one member, yielding its data as it comes; returns null when it ended with a matching trailer, else
 * what went wrong. `kept` collects its compressed bytes (up to `REWIND`) so the caller can rescan them.
 */
async function* member(r: ByteReader, kept: Buffer[]): AsyncGenerator<GzipPiece, string | null> {
  const headerError = await readHeader(r, kept);
  if (headerError) return headerError;
  const sum = { crc: 0, size: 0 };
  const whole = inflateBuffered(r, kept);
  if (whole) {
    sum.crc = crc32(whole);
    sum.size = whole.length;
    if (whole.length > 0) yield { kind: 'data', data: whole };
  } else {
    const error = yield* inflateStreaming(r, kept, sum);
    if (error) return error;
  }
  if (!(await r.fill(8))) return 'the file ends before the member trailer (CRC and length)';
  const trailer = r.take(8);
  kept.push(trailer);
  if (trailer.readUInt32LE(0) !== sum.crc >>> 0) return 'CRC mismatch: the member is damaged';
  if (trailer.readUInt32LE(4) !== sum.size % 2 ** 32) return 'length mismatch: the member is damaged';
  return null;
}

/**
 * A member whose compressed data is already buffered (the usual case: one small member per record) is
 * decoded in one synchronous call, which costs far less than driving a stream; null when it is not all there,
 * is damaged or expands past a piece's worth (the streaming path then does it, and reports what went wrong).
 */
function inflateBuffered(r: ByteReader, kept: Buffer[]): Buffer | null {
  if (r.available === 0) return null;
  let result: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    result = inflateRawSync(r.peek(r.available), { info: true, maxOutputLength: PIECE * 1032 }) as unknown as {
      buffer: Buffer;
      engine: { bytesWritten: number };
    };
  } catch {
    return null;
  }
  kept.push(r.take(result.engine.bytesWritten));
  return result.buffer;
}

/** Decode a member's compressed data piece by piece (see `member`); returns what went wrong, or null. */
async function* inflateStreaming(
  r: ByteReader,
  kept: Buffer[],
  sum: { crc: number; size: number },
): AsyncGenerator<GzipPiece, string | null> {
  const inflater = createInflateRaw();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const out: Buffer[] = [];
  inflater.on('data', (b: Buffer) => out.push(b));
  inflater.on('error', (err) => {
    failure = err;
    wake?.();
  });
  /** Write a piece (or, with null, the end) and wait until the inflater has taken it or failed. */
  const feed = (piece: Buffer | null): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
      if (piece) inflater.write(piece, () => resolve());
      else {
        inflater.once('end', resolve);
        inflater.end();
      }
    });
  let keptBytes = kept.reduce((n, b) => n + b.length, 0);
  let written = 0;
  const flush = function* (): Generator<GzipPiece> {
    for (const data of out.splice(0)) {
      sum.crc = crc32(data, sum.crc);
      sum.size += data.length;
      yield { kind: 'data', data };
    }
  };
  try {
    for (;;) {
      if (!(await r.fill(1))) {
        await feed(null);
        await nextTurn();
        yield* flush();
        return `the file ends inside the member's compressed data${failure ? ` (${(failure as Error).message})` : ''}`;
      }
      const piece = r.take(Math.min(r.available, PIECE));
      if (keptBytes + piece.length <= REWIND) {
        kept.push(piece);
        keptBytes += piece.length;
      }
      written += piece.length;
      await feed(piece);
      // Output pushed while the inflater ran is emitted by the next turn of the event loop.
      await nextTurn();
      yield* flush();
      if (failure) return (failure as Error).message;
      const unused = written - inflater.bytesWritten;
      if (unused > 0) {
        r.unshift(piece.subarray(piece.length - unused));
        if (kept.at(-1) === piece) kept[kept.length - 1] = piece.subarray(0, piece.length - unused);
        return null;
      }
    }
  } finally {
    inflater.destroy();
  }
}

/** Damage met in a gzip stream (see `decodedRuns`); `offset` is in the compressed file. */
export class GzipDamageError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The decoded data as runs without a gap: a reader of one run (a record parser) sees its stream end with a
 * `GzipDamageError` where damage cut it, so it can say which record was cut, and starts the next run afresh.
 * `offset` counts decoded bytes before the run. Each run must be read to its end before the next is taken.
 */
export async function* decodedRuns(
  source: AsyncIterable<Buffer>,
): AsyncGenerator<{ offset: number; data: AsyncIterable<Buffer> }> {
  const pieces = gunzipMembers(source)[Symbol.asyncIterator]();
  let decoded = 0;
  let done = false;
  async function* run(): AsyncGenerator<Buffer> {
    for (;;) {
      const next = await pieces.next();
      if (next.done) {
        done = true;
        return;
      }
      const piece = next.value;
      if (piece.kind === 'damage') throw new GzipDamageError(piece.offset, piece.message);
      decoded += piece.data.length;
      yield piece.data;
    }
  }
  while (!done) {
    const data = run();
    yield { offset: decoded, data };
    // Whatever the reader left of this run (it may stop early) is dropped up to its end.
    try {
      for await (const _ of data);
    } catch {
      // The damage that ended the run: the reader has reported it.
    }
  }
}
