import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One UI file as served: its text and a strong ETag of it. */
export interface StaticFile {
  body: string;
  etag: string;
}

interface Held extends StaticFile {
  path: string;
  mtimeMs: number;
  size: number;
}

/**
 * The UI's built files (`dist/serve/ui/*.js`), read once and kept with their ETag, so a request costs a `stat`
 * rather than reading and hashing the file again (the graph bundle is ~0.6 MB). A file changed on disk (a rebuild
 * while the server runs) is read again on its next request, so its tag changes as before.
 */
export class StaticFiles {
  private readonly held = new Map<string, Held>();

  constructor(private readonly dirs: URL[]) {}

  /** The file `name` from the first directory that has it, or null. */
  get(name: string): StaticFile | null {
    const kept = this.held.get(name);
    if (kept) {
      const now = statOf(kept.path);
      if (now && now.mtimeMs === kept.mtimeMs && now.size === kept.size) return kept;
      this.held.delete(name);
    }
    for (const dir of this.dirs) {
      const path = fileURLToPath(new URL(name, dir));
      const before = statOf(path);
      if (!before) continue;
      let body: string;
      try {
        body = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      const file: Held = { path, mtimeMs: before.mtimeMs, size: before.size, body, etag: etagOf(body) };
      this.held.set(name, file);
      return file;
    }
    return null;
  }
}

/** A strong ETag of a text: the quoted SHA-1 of its UTF-8 bytes. */
export function etagOf(text: string): string {
  return `"${createHash('sha1').update(text).digest('hex')}"`;
}

/** Whether an If-None-Match header names `etag` (a list, weak forms and `*` included, per RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

function statOf(path: string): { mtimeMs: number; size: number } | null {
  try {
    const s = statSync(path);
    return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : null;
  } catch {
    return null;
  }
}
