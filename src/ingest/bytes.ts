/**
 * A pull reader over a stream of byte chunks: look ahead, take and skip exact byte counts without
 * concatenating more than one record's worth. Stream errors (a truncated gzip member …) surface as
 * `failure` once the bytes before them are used up.
 */
export class ByteReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private ended = false;
  /** Bytes consumed so far (taken or skipped). */
  offset = 0;
  failure: Error | null = null;

  /** `offset` is where the stream starts in a larger one, for the offsets it reports. */
  constructor(
    private readonly source: AsyncIterator<Buffer>,
    offset = 0,
  ) {
    this.offset = offset;
  }

  get available(): number {
    return this.length;
  }

  get atEnd(): boolean {
    return this.ended && this.length === 0;
  }

  /** Read until at least `n` bytes are buffered or the stream ends. Returns whether `n` are there. */
  async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.ended) {
      let r: IteratorResult<Buffer>;
      try {
        r = await this.source.next();
      } catch (err) {
        this.failure = err instanceof Error ? err : new Error(String(err));
        this.ended = true;
        break;
      }
      if (r.done) {
        this.ended = true;
        break;
      }
      const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
      if (chunk.length === 0) continue;
      this.chunks.push(chunk);
      this.length += chunk.length;
    }
    return this.length >= n;
  }

  /** The first `n` buffered bytes (or fewer, if fewer are buffered), without consuming them. */
  peek(n: number): Buffer {
    n = Math.min(n, this.length);
    if (this.chunks.length > 0 && this.chunks[0]!.length >= n) return this.chunks[0]!.subarray(0, n);
    const all = Buffer.concat(this.chunks);
    this.chunks = [all];
    return all.subarray(0, n);
  }

  /** Put bytes just consumed back in front (the reader's offset moves back by their length). */
  unshift(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.chunks.unshift(bytes);
    this.length += bytes.length;
    this.offset -= bytes.length;
  }

  take(n: number): Buffer {
    const out = Buffer.from(this.peek(n));
    this.skipBuffered(out.length);
    return out;
  }

  private skipBuffered(n: number): void {
    n = Math.min(n, this.length);
    this.length -= n;
    this.offset += n;
    while (n > 0) {
      const c = this.chunks[0]!;
      if (c.length <= n) {
        this.chunks.shift();
        n -= c.length;
      } else {
        this.chunks[0] = c.subarray(n);
        n = 0;
      }
    }
  }

  /** Consume `n` bytes, reading (and dropping) as needed. Returns how many were skipped. */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if (this.length === 0 && !(await this.fill(1))) break;
      const k = Math.min(left, this.length);
      this.skipBuffered(k);
      left -= k;
    }
    return n - left;
  }

  /**
   * Find `needle` in the buffered stream, reading up to `limit` bytes ahead. Returns its offset from the
   * current position, or -1.
   */
  async find(needle: Buffer, limit: number): Promise<number> {
    let searched = 0;
    for (;;) {
      const buf = this.peek(Math.min(this.length, limit));
      const at = buf.indexOf(needle, Math.max(0, searched - needle.length + 1));
      if (at >= 0) return at;
      searched = buf.length;
      if (searched >= limit || this.ended) return -1;
      if (!(await this.fill(this.length + 1))) {
        const again = this.peek(Math.min(this.length, limit)).indexOf(
          needle,
          Math.max(0, searched - needle.length + 1),
        );
        return again;
      }
    }
  }
}
