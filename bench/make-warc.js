// Builds a WARC of real news pages for the streaming benchmark: the 88 pages of
// ../shared/data/article-extraction cycled to N records (default 10,000), one gzip member per record
// like Common Crawl's CC-NEWS. Each copy gets its own URL and a record number appended to its
// paragraphs, so copies are distinct articles (near-duplicates of each other, not exact ones) and the
// whole pipeline runs on every record. Written to bench/out/ (git-ignored), never committed.
import { createWriteStream, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sharedData } from './shared-data.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = sharedData('article-extraction');

export function loadPages() {
  const truth = JSON.parse(readFileSync(join(DATA, 'ground-truth.json'), 'utf8'));
  return readdirSync(join(DATA, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.html\.gz$/, '');
      return {
        url: truth[id]?.url ?? `https://example.org/${id}`,
        html: gunzipSync(readFileSync(join(DATA, 'html', f))),
      };
    });
}

function record(url, html, n) {
  const marked = Buffer.from(html.toString('latin1').replace(/<\/p>/gi, ` [${n}]</p>`), 'latin1');
  const http = Buffer.concat([
    Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${marked.length}\r\n\r\n`),
    marked,
  ]);
  const sep = url.includes('?') ? '&' : '?';
  const head =
    `WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}>\r\n` +
    `WARC-Target-URI: ${url}${sep}copy=${n}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
  return gzipSync(Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]), { level: 1 });
}

/** Write an N-record .warc.gz; returns its path. */
export async function makeWarc(n, path) {
  const pages = loadPages();
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  for (let i = 0; i < n; i++) {
    const p = pages[i % pages.length];
    if (!out.write(record(p.url, p.html, i + 1))) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r, j) => out.end((err) => (err ? j(err) : r())));
  renameSync(tmp, path);
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 10000);
  const path = process.argv[3] ?? join(ROOT, `bench/out/news-${n}.warc.gz`);
  const t0 = Date.now();
  await makeWarc(n, path);
  console.log(`wrote ${path}: ${n} records in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
