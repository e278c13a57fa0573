import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real articles from the shared training data (never copied into the repository): the raw material the
 * dump generator pastes back to back. Each article keeps its headline, its paragraphs and where it came from.
 */

export type Split = 'train' | 'tune' | 'check';

export interface SourceArticle {
  /** Corpus-qualified id ("polnear:nyt_2016-03-11_…"), the unit of the train/tune/check split. */
  id: string;
  corpus: 'polnear' | 'ecbplus';
  /** Publisher key (PolNeAR) or host (ECB+). */
  publisher: string;
  title: string;
  paragraphs: string[];
  /** The article's own URL when the corpus has one (ECB+), else null. */
  url: string | null;
  /** Publication date (`YYYY-MM-DD`) when the corpus gives it. */
  date: string | null;
  split: Split;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared data folder: `$SITREP_SHARED_DATA` / `$SITREP_DATA`, else `shared/data` beside a parent folder. */
export function sharedDataDir(): string {
  const env = process.env.SITREP_SHARED_DATA ?? process.env.SITREP_DATA;
  if (env) return resolve(env);
  for (let dir = repoRoot; ; dir = dirname(dir)) {
    const candidate = resolve(dir, '../shared/data');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return resolve(repoRoot, '../shared/data');
  }
}

/** FNV-1a of a string: a stable split by article id, independent of file order. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 70 % train, 15 % tune, 15 % check, by a hash of the source article's id. */
export function splitOf(id: string): Split {
  const r = fnv(id) % 100;
  return r < 70 ? 'train' : r < 85 ? 'tune' : 'check';
}

function polnear(root: string): SourceArticle[] {
  const dir = join(root, 'polnear/data');
  if (!existsSync(dir)) return [];
  const meta = new Map<string, { publisher: string; date: string }>();
  const metaFile = join(dir, 'metadata.tsv');
  if (existsSync(metaFile)) {
    for (const line of readFileSync(metaFile, 'utf8').split('\n').slice(1)) {
      const f = line.split('\t');
      if (f[1] && f[4]) meta.set(f[1], { publisher: f[4], date: f[5] ?? '' });
    }
  }
  const out: SourceArticle[] = [];
  for (const part of ['train', 'dev']) {
    const textDir = join(dir, part, 'text');
    if (!existsSync(textDir)) continue;
    for (const file of readdirSync(textDir).sort()) {
      if (!file.endsWith('.txt')) continue;
      const name = file.replace(/\.txt$/, '');
      const raw = readFileSync(join(textDir, file), 'utf8').replace(/\r\n?/g, '\n');
      const blocks = raw
        .split(/\n\s*\n/)
        .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
        .filter((b) => b.length > 0);
      const [title, ...paragraphs] = blocks;
      if (!title || paragraphs.length < 2 || title.length > 200) continue;
      const m = meta.get(name);
      const publisher = m?.publisher ?? name.split('_')[0] ?? 'unknown';
      const date =
        m?.date && /^\d{4}-\d\d-\d\d$/.test(m.date) ? m.date : (/_(\d{4}-\d\d-\d\d)_/.exec(name)?.[1] ?? null);
      const id = `polnear:${name}`;
      out.push({ id, corpus: 'polnear', publisher, title, paragraphs, url: null, date, split: splitOf(id) });
    }
  }
  return out;
}

/** Undo the corpus's token spacing ("U. S.", " , ", "`` … ''") so lines read like pasted text. */
export function detokenize(s: string): string {
  return s
    .replace(/``\s*/g, '“')
    .replace(/\s*''/g, '”')
    .replace(/\s+([.,;:!?%)\]}])/g, '$1')
    .replace(/([([{$])\s+/g, '$1')
    .replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/gi, '$1')
    .replace(/(\d)\s*:\s*(\d)/g, '$1:$2')
    .replace(/\s+-\s+(?=\p{Ll})/gu, '-')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const DATE_LINE = /\b(?:19|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i;

function ecbplus(root: string): SourceArticle[] {
  const file = join(root, 'ecbplus/ecbplus_documents.dev.jsonl');
  if (!existsSync(file)) return [];
  const out: SourceArticle[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { doc_name: string; url: string | null; text: string };
    if (!d.url) continue;
    const lines = d.text
      .split('\n')
      .map(detokenize)
      .filter((l) => l.length > 0);
    const [title, ...rest] = lines;
    // Only documents that open with a headline: a few words, not a date or a time stamp.
    if (!title || title.split(/\s+/).length < 4 || title.length > 160 || DATE_LINE.test(title)) continue;
    // Short date lines under the headline are the page's stamp: dropped here (the generator adds its own).
    const body = rest.filter((l) => !(l.split(/\s+/).length <= 10 && DATE_LINE.test(l)));
    // The corpus gives one sentence a line: paragraphs of one to three sentences, by a fixed pattern.
    const paragraphs: string[] = [];
    for (let i = 0, k = 0; i < body.length; k++) {
      const n = 1 + ((k * 7 + body.length) % 3);
      paragraphs.push(body.slice(i, i + n).join(' '));
      i += n;
    }
    if (paragraphs.length < 2) continue;
    let host = 'unknown';
    try {
      host = new URL(d.url).hostname.replace(/^www\./, '');
    } catch {
      continue;
    }
    const id = `ecbplus:${d.doc_name}`;
    out.push({
      id,
      corpus: 'ecbplus',
      publisher: host,
      title,
      paragraphs,
      url: d.url,
      date: null,
      split: splitOf(id),
    });
  }
  return out;
}

/** Every usable source article of the shared data, in a stable order. */
export function loadSourceArticles(root = sharedDataDir()): SourceArticle[] {
  return [...polnear(root), ...ecbplus(root)];
}
