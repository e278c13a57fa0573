// Loader for the stand-off event dev sets in this folder. The annotations carry document ids, a hash of the
// document text and UTF-16 offsets, never text: this module reads the documents from the shared data folder,
// checks that each is byte-for-byte the one annotated, and hands out sentences with their spans resolved.
// Data folder: $SITREP_SHARED_DATA, else $SITREP_DATA, else the first ../shared/data found walking up from the
// repository root.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedData } from '../shared-data.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_FILE = join(HERE, 'events-realnews.jsonl');

/** The split rule: a story group (ECB+ cluster, Timeline17 topic and day, PolNeAR article) hashed with this salt. */
export const SPLIT_SALT = 'sitrep-events-realnews/4855:';

/** The shared data folder (bench/shared-data.js). */
export function sharedDataDir() {
  return sharedData();
}

export function textSha(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** Reads documents by annotation id and caches them; knows each corpus's layout and publication dates. */
export class DocumentStore {
  constructor(dataDir = sharedDataDir()) {
    this.dataDir = dataDir;
    this.texts = new Map();
    this.ecb = null;
    this.polnearDates = null;
  }

  ecbplus() {
    if (!this.ecb) {
      this.ecb = new Map();
      const file = join(this.dataDir, 'ecbplus/ecbplus_documents.dev.jsonl');
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue;
        const d = JSON.parse(line);
        this.ecb.set(d.doc_id, { text: d.text, cluster: d.cluster });
      }
    }
    return this.ecb;
  }

  text(doc) {
    let text = this.texts.get(doc);
    if (text !== undefined) return text;
    const [corpus, path] = splitId(doc);
    if (corpus === 'ecbplus') {
      const d = this.ecbplus().get(path);
      if (!d) throw new Error(`${doc}: no such ECB+ document`);
      text = d.text;
    } else if (corpus === 'polnear') text = readFileSync(join(this.dataDir, 'polnear', path), 'utf8');
    else if (corpus === 'timeline17') text = readFileSync(join(this.dataDir, 'timeline17', path), 'utf8');
    else throw new Error(`${doc}: unknown corpus ${corpus}`);
    this.texts.set(doc, text);
    return text;
  }

  /** Publication date from corpus metadata: PolNeAR's metadata.tsv, Timeline17's folder; ECB+ has none. */
  published(doc) {
    const [corpus, path] = splitId(doc);
    if (corpus === 'timeline17') return path.split('/')[2] ?? null;
    if (corpus !== 'polnear') return null;
    if (!this.polnearDates) {
      this.polnearDates = new Map();
      const rows = readFileSync(join(this.dataDir, 'polnear/data/metadata.tsv'), 'utf8').split('\n');
      const header = rows[0].split('\t');
      const name = header.indexOf('filename');
      const date = header.indexOf('publication_date');
      for (const row of rows.slice(1)) {
        const cells = row.split('\t');
        if (cells.length > date) this.polnearDates.set(cells[name], cells[date]);
      }
    }
    const file = path
      .split('/')
      .pop()
      .replace(/\.txt$/, '');
    return this.polnearDates.get(file) ?? null;
  }

  /** The story group a document belongs to; the split is decided per group so a story never straddles both. */
  group(doc) {
    const [corpus, path] = splitId(doc);
    if (corpus === 'ecbplus') return `ecbplus:${this.ecbplus().get(path)?.cluster}`;
    if (corpus === 'timeline17') {
      const [collection, , day] = path.split('/');
      return `timeline17:${collection.split('_')[0]}/${day}`;
    }
    return doc;
  }

  splitOf(doc) {
    const first = createHash('sha256')
      .update(SPLIT_SALT + this.group(doc), 'utf8')
      .digest()[0];
    return first < 128 ? 'tune' : 'check';
  }
}

function splitId(doc) {
  const i = doc.indexOf(':');
  if (i < 0) throw new Error(`bad document id ${doc}`);
  return [doc.slice(0, i), doc.slice(i + 1)];
}

const resolveSpan = (text, [start, end]) => ({ start, end, text: text.slice(start, end) });

/**
 * Yields one record per annotated sentence: `{doc, split, published, text, sentence: {start, end, text},
 * events}` where each event's `trigger`, `source[]` and `target[]` are `{start, end, text}` into `text`.
 * Throws, naming the document, when a document is missing or its text no longer hashes to the annotated sha.
 */
export function* readDevset({ file = DEFAULT_FILE, store = new DocumentStore(), split } = {}) {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const [n, line] of lines.entries()) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    if (split && record.split !== split) continue;
    const text = store.text(record.doc);
    const sha = textSha(text);
    if (sha !== record.sha) {
      throw new Error(
        `${file}:${n + 1}: ${record.doc} changed (sha ${sha}, annotated ${record.sha}): its annotations no longer fit`,
      );
    }
    yield {
      doc: record.doc,
      split: record.split,
      published: store.published(record.doc),
      text,
      sentence: resolveSpan(text, [record.start, record.end]),
      events: record.events.map((e) => ({
        ...e,
        trigger: resolveSpan(text, e.trigger),
        source: e.source.map((s) => resolveSpan(text, s)),
        target: e.target.map((s) => resolveSpan(text, s)),
      })),
    };
  }
}

export function loadDevset(options) {
  return [...readDevset(options)];
}
