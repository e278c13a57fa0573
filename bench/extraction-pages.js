// The article-extraction dev pages (bench/extract.bench.js, bench/extract-cpu.js): every page of `dir`/html, in name
// order, unpacked, with its ground-truth record (`dir`/ground-truth.json; undefined for a page it has none for).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** `{ id, html, gold }` for every `*.html.gz` page of the data set at `dir`. */
export function extractionPages(dir) {
  const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
  return readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.html\.gz$/, '');
      return { id, html: gunzipSync(readFileSync(join(dir, 'html', f))).toString('utf8'), gold: gold[id] };
    });
}
