import type { Readable, Writable } from 'node:stream';
import { byteLinesOf, decodeUtf8Line, overlongMessage } from '../ingest/lines.js';
import { recoverId, stringifyLine } from './jsonl.js';

/**
 * The `--jsonl` contract for commands whose answer depends on the whole input (story clusters, a timeline):
 * every line is read and turned into a value first; a line that fails keeps its place as `{id, error}`.
 */
export type JsonlRow<T> = { id: unknown; value: T } | { id: unknown; error: string };

async function* bytesOf(input: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of input) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
}

export async function readJsonlRecords<T>(
  input: Readable,
  handler: (record: Record<string, unknown>) => T,
  origin = 'stdin',
): Promise<JsonlRow<T>[]> {
  const rows: JsonlRow<T>[] = [];
  let n = 0;
  for await (const bytes of byteLinesOf(bytesOf(input))) {
    n++;
    let id: unknown = null;
    let line = '';
    try {
      if ('overlong' in bytes) throw new Error(`${origin}:${n}: ${overlongMessage(bytes.overlong)}`);
      const decoded = decodeUtf8Line(bytes);
      if (typeof decoded !== 'string') {
        line = bytes.toString('utf8');
        throw new Error(`${origin}:${n}: ${decoded.error}`);
      }
      line = decoded.replace(/\r$/, '');
      const parsed: unknown = JSON.parse(line);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('each line must be a JSON object');
      const record = parsed as Record<string, unknown>;
      id = record.id ?? null;
      rows.push({ id, value: handler(record) });
    } catch (err) {
      if (id === null) id = recoverId(line);
      rows.push({ id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return rows;
}

/** One JSON line per value, waiting for the stream to drain. */
export async function writeJsonl(output: Writable, values: readonly unknown[]): Promise<void> {
  for (const v of values) if (!output.write(`${stringifyLine(v)}\n`)) await new Promise((r) => output.once('drain', r));
}
