import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { IngestItem } from '../model/index.js';

/**
 * Minimal input reader for plain-text dumps (files and folders). The ingest stage's `readSources`
 * supersedes it once HTML, feeds, JSONL and WARC land.
 */
async function* walk(path: string): AsyncGenerator<string> {
  const s = await stat(path);
  if (s.isDirectory()) {
    const entries = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    for (const e of entries) yield* walk(join(path, e));
  } else {
    yield path;
  }
}

export function decodeText(bytes: Buffer): { text: string; warnings: string[] } | { error: string } {
  if (bytes.length === 0) return { error: 'empty file' };
  const head = bytes.subarray(0, 8192);
  if (head[0] === 0xff && head[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), warnings: [] };
  if (head[0] === 0xfe && head[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf16-be'), warnings: [] };
  let controls = 0;
  for (const b of head) if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) controls++;
  if (controls > head.length * 0.01 || head.includes(0)) return { error: 'binary file (not text)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), warnings: [] };
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252'), warnings: ['not valid UTF-8: decoded as Windows-1252'] };
  }
}

async function* linesOf(text: string): AsyncGenerator<string> {
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    yield text.slice(start, i);
    start = i + 1;
  }
  if (start < text.length) yield text.slice(start);
}

export async function* readInputs(paths: readonly string[]): AsyncGenerator<IngestItem> {
  for (const p of paths) {
    let files: AsyncGenerator<string>;
    try {
      files = walk(p);
      for await (const file of files) {
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch (err) {
          yield { kind: 'error', origin: file, error: err instanceof Error ? err.message : String(err) };
          continue;
        }
        const decoded = decodeText(bytes);
        if ('error' in decoded) yield { kind: 'error', origin: file, error: decoded.error };
        else yield { kind: 'dump', origin: file, lines: linesOf(decoded.text), warnings: decoded.warnings };
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      yield { kind: 'error', origin: p, error: code === 'ENOENT' ? 'no such file or directory' : err instanceof Error ? err.message : String(err) };
    }
  }
}
