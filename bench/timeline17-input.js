// The Timeline17 input articles (real news, 17 collections) as a JSONL input of `sitrep analyze`, written at bench
// time from the shared data folder into a scratch path: the texts are read there and never kept in the repository.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from './shared-data.js';

/** The Timeline17 folder of the shared data, or null when it is not there. */
export const TIMELINE17 = sharedData('timeline17', { optional: true });

/**
 * Write every non-empty `InputDocs/<day>/<n>.htm.txt` as `{text, published}` (the folder's day) to `path`.
 * Returns how many were written, or 0 when the data is not there.
 */
export function writeTimeline17Jsonl(path) {
  if (!TIMELINE17) return 0;
  const lines = [];
  for (const collection of readdirSync(TIMELINE17).sort()) {
    const dir = join(TIMELINE17, collection, 'InputDocs');
    if (!existsSync(dir)) continue;
    for (const day of readdirSync(dir).sort())
      for (const f of readdirSync(join(dir, day)).sort()) {
        const text = readFileSync(join(dir, day, f), 'utf8');
        if (text.trim()) lines.push(JSON.stringify({ text, published: day }));
      }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return lines.length;
}
