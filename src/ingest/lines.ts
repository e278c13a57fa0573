/** Split a stream of text chunks into lines (without their `\n`; a trailing `\r` is kept for the consumer). */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    let text = rest + chunk;
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      yield text.slice(start, i);
      start = i + 1;
    }
    rest = text.slice(start);
    text = '';
  }
  if (rest.length > 0) yield rest;
}

/** Split a stream of byte chunks into lines of bytes (for JSONL, decoded line by line). */
export async function* byteLinesOf(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, start)) {
      parts.push(chunk.subarray(start, i));
      yield parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      parts = [];
      start = i + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length > 0) yield Buffer.concat(parts);
}
