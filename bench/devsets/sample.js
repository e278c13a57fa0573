// node bench/devsets/sample.js BEFORE.jsonl — redoes the fourth batch's draw (README.md, "How the sentences were
// chosen"): prints one JSON line per drawn sentence, {doc, sha, start, end}, ids and offsets only. BEFORE.jsonl is the
// set as it was before the batch (`git show a398600:bench/devsets/events-realnews.jsonl`): the pool is every Timeline17
// input article not in it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentStore, textSha } from './load.js';

const SALT = 'sitrep-events-sample/7:';
const SIZE = 60;
const PER_ARTICLE = 6;
const STEP = 4;
const MIN_TOKENS = 6;

const store = new DocumentStore();
const base = join(store.dataDir, 'timeline17');
if (!process.argv[2]) {
  console.error('usage: node bench/devsets/sample.js BEFORE.jsonl');
  process.exit(2);
}
const have = new Set(
  readFileSync(process.argv[2], 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).doc),
);

const ids = [];
for (const collection of readdirSync(base)) {
  if (collection.endsWith('.txt')) continue;
  for (const day of readdirSync(join(base, collection, 'InputDocs'))) {
    for (const file of readdirSync(join(base, collection, 'InputDocs', day))) {
      if (file.endsWith('.htm.txt')) ids.push(`timeline17:${collection}/InputDocs/${day}/${file}`);
    }
  }
}
const key = (id) =>
  createHash('sha256')
    .update(SALT + id, 'utf8')
    .digest('hex');
const keys = new Map(ids.map((id) => [id, key(id)]));
const pool = ids.filter((id) => !have.has(id)).sort((a, b) => (keys.get(a) < keys.get(b) ? -1 : 1));
let count = 0;
for (const doc of pool) {
  if (count >= SIZE) break;
  const text = store.text(doc);
  const lines = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lines.push([offset, line]);
    offset += line.length + 1;
  }
  const sentences = lines.slice(1).filter(([, l]) => l.trim().split(/\s+/).filter(Boolean).length >= MIN_TOKENS);
  const taken = [];
  for (let k = 1; k < sentences.length && taken.length < PER_ARTICLE; k += STEP) {
    const [at, line] = sentences[k];
    const start = at + line.length - line.trimStart().length;
    taken.push({ doc, sha: textSha(text), start, end: start + line.trim().length });
  }
  if (taken.length < 2) continue;
  for (const t of taken.slice(0, SIZE - count)) console.log(JSON.stringify(t));
  count += Math.min(taken.length, SIZE - count);
}
