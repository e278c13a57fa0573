// Loads the text of a dev-set document from the shared data folder, by a corpus-prefixed id:
//   ecbplus:<doc_id>                      ecbplus/ecbplus_documents.dev.jsonl, the row with that doc_id
//   polnear:<train|dev>/<name>            polnear/data/<split>/text/<name>.txt
//   timeline17:<collection>/<date>/<n>    timeline17/<collection>/InputDocs/<date>/<n>.htm.txt
// Dev-set files hold only these ids, offsets and labels; the text stays in the shared folder. Offsets are UTF-16
// code units into the text exactly as read here (UTF-8 file, no normalisation), end-exclusive.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '../shared-data.js';

/** The shared data folder (bench/shared-data.js). */
export function sharedDataDir() {
  return sharedData();
}

let ecbRows = null;
function ecbText(docId, base) {
  if (!ecbRows) {
    ecbRows = new Map();
    const lines = readFileSync(join(base, 'ecbplus/ecbplus_documents.dev.jsonl'), 'utf8').split('\n');
    for (const line of lines) {
      if (!line.trim()) continue;
      const row = JSON.parse(line);
      ecbRows.set(row.doc_id, row.text);
    }
  }
  const text = ecbRows.get(docId);
  if (text === undefined) throw new Error(`ecbplus: no document ${docId}`);
  return text;
}

/** The text of one document; throws on an unknown corpus, a malformed id or a missing file. */
export function loadDocText(id, base = sharedDataDir()) {
  const colon = id.indexOf(':');
  const corpus = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (corpus === 'ecbplus') return ecbText(rest, base);
  if (corpus === 'polnear') {
    const m = /^(train|dev)\/([\w.-]+)$/.exec(rest);
    if (!m) throw new Error(`polnear id must be <train|dev>/<name>: ${id}`);
    return readFileSync(join(base, 'polnear/data', m[1], 'text', `${m[2]}.txt`), 'utf8');
  }
  if (corpus === 'timeline17') {
    const m = /^([\w-]+)\/(\d{4}-\d{2}-\d{2})\/(\d+)$/.exec(rest);
    if (!m) throw new Error(`timeline17 id must be <collection>/<date>/<n>: ${id}`);
    return readFileSync(join(base, 'timeline17', m[1], 'InputDocs', m[2], `${m[3]}.htm.txt`), 'utf8');
  }
  throw new Error(`unknown corpus in document id: ${id}`);
}

/** Hex sha256 of the text's UTF-8 bytes; dev sets keep its first 12 characters to catch a changed text. */
export function textSha(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `tune` or `check`: the split a document belongs to, from a hash of its id (about half each). */
export function splitOf(id) {
  const first = createHash('sha256').update(id, 'utf8').digest()[0];
  return first % 2 === 0 ? 'tune' : 'check';
}
