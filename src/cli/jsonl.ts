import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

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

export async function runJsonl(handler: JsonlHandler, input: Readable, output: Writable): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    let id: unknown = null;
    let result: Record<string, unknown>;
    try {
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
function recoverId(line: string): unknown {
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
