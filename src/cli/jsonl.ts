import type { Readable, Writable } from 'node:stream';
import { byteLinesOf, decodeUtf8Line, overlongMessage } from '../ingest/lines.js';
import { LIMITS } from '../model/index.js';

/**
 * The `--jsonl` contract shared by every such sub-command: one JSON object per `\n`-terminated line
 * on stdin until EOF, exactly one output line per input line echoing `id`; a failing record gives
 * `{id, error}` and the run goes on. stdout carries only those lines; U+2028/U+2029 are escaped.
 */
export type JsonlHandler = (
  record: Record<string, unknown>,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

export function stringifyLine(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** stdin as bytes (a test may hand strings): lines are decoded one by one, so bad UTF-8 is reported per line. */
async function* bytesOf(input: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of input) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
}

export async function runJsonl(handler: JsonlHandler, input: Readable, output: Writable): Promise<void> {
  let n = 0;
  for await (const bytes of byteLinesOf(bytesOf(input))) {
    n++;
    let id: unknown = null;
    let result: Record<string, unknown>;
    let line = '';
    try {
      if ('overlong' in bytes) throw new Error(`stdin:${n}: ${overlongMessage(bytes.overlong)}`);
      const decoded = decodeUtf8Line(bytes);
      if (typeof decoded !== 'string') {
        line = bytes.toString('utf8');
        throw new Error(`stdin:${n}: ${decoded.error}`);
      }
      line = decoded.replace(/\r$/, '');
      const parsed: unknown = JSON.parse(line);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('each line must be a JSON object');
      const record = parsed as Record<string, unknown>;
      id = record.id ?? null;
      result = { id, ...(await handler(record)) };
    } catch (err) {
      if (id === null) id = recoverId(line);
      result = { id, error: err instanceof Error ? err.message : String(err) };
    }
    if (!output.write(`${stringifyLine(result)}\n`)) await new Promise((r) => output.once('drain', r));
  }
}

/** Best effort to echo the id of a line that does not parse. */
export function recoverId(line: string): unknown {
  const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(line);
  if (!m) return null;
  try {
    return JSON.parse(m[1]!);
  } catch {
    return null;
  }
}

/** Read a required string field of a JSONL record. */
export function requireString(record: Record<string, unknown>, field: string): string {
  const v = record[field];
  if (typeof v !== 'string') throw new Error(`field "${field}" must be a string`);
  return v;
}

/**
 * The `text` of a record for the analysis sub-commands, at most `LIMITS.recordTextChars` long: their cost
 * grows faster than the text (a 5 MB text took minutes), so a longer one is answered with an error.
 */
export function requireText(record: Record<string, unknown>): string {
  const text = requireString(record, 'text');
  if (text.length > LIMITS.recordTextChars)
    throw new Error(
      `field "text" has ${text.length} characters, over the limit of ${LIMITS.recordTextChars} for one record: split it`,
    );
  return text;
}
