// node bench/devsets/sample-coder.js BEFORE.jsonl [N] [--text] — redoes the fifth batch's draw (README.md, "How the
// sentences were chosen"). Needs dist/ (`npx tsc -p tsconfig.json`). Pool: ECB+ dev documents, PolNeAR train/dev
// articles and Timeline17 input articles not in BEFORE.jsonl (the set before the batch, from git), each corpus in
// ascending sha256(SALT + id), taken round-robin ECB+, PolNeAR, Timeline17. Each drawn document runs through the
// pipeline as the events bench runs it (language, time, quotes, events). Units: ECB+ and Timeline17 lines after the
// first (the first carries the headline), PolNeAR sentences of the segmenter that stay within one line; a unit has
// at least 6 tokens. From each document: the first unit, in ascending sha256(SALT + id + ':' + start), on which the
// coder emits an event (an event whose trigger lies in the unit), and the first other unit in the same order
// whatever the coder does on it (the plain sample). Stops at N units (default 200). Prints one JSON line per unit:
// {doc, sha, start, end, split, why: "coder" | "plain", emitted: [summaries]}; `--text` adds the unit's text and
// the publication date, for the annotator's terminal only (never store that output in the repository).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateEvents } from '../../dist/events/index.js';
import { annotateLanguage } from '../../dist/language/index.js';
import { loadTagger } from '../../dist/language/ner/index.js';
import { createDoc, publishedOn, textArticle } from '../../dist/model/index.js';
import { annotateQuotes } from '../../dist/quotes/index.js';
import { annotateTime } from '../../dist/time/index.js';
import { DocumentStore, textSha } from './load.js';

const SALT = 'sitrep-events-coder-sample/16:';
const MIN_TOKENS = 6;

const args = process.argv.slice(2);
const withText = args.includes('--text');
const [beforeFile, sizeArg] = args.filter((a) => !a.startsWith('--'));
if (!beforeFile) {
  console.error('usage: node bench/devsets/sample-coder.js BEFORE.jsonl [N] [--text]');
  process.exit(2);
}
const SIZE = Number(sizeArg ?? 200);
const have = new Set(
  readFileSync(beforeFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).doc),
);

const store = new DocumentStore();
const hash = (s) => createHash('sha256').update(s, 'utf8').digest('hex');
const ordered = (ids) =>
  ids
    .filter((id) => !have.has(id))
    .map((id) => [hash(SALT + id), id])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([, id]) => id);

const ecb = ordered([...store.ecbplus().keys()].map((k) => `ecbplus:${k}`));
const polnear = ordered(
  ['train', 'dev'].flatMap((part) =>
    readdirSync(join(store.dataDir, 'polnear/data', part, 'text'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `polnear:data/${part}/text/${f}`),
  ),
);
const t17base = join(store.dataDir, 'timeline17');
const t17 = [];
for (const collection of readdirSync(t17base)) {
  if (collection.endsWith('.txt')) continue;
  for (const day of readdirSync(join(t17base, collection, 'InputDocs'))) {
    for (const file of readdirSync(join(t17base, collection, 'InputDocs', day))) {
      if (file.endsWith('.htm.txt')) t17.push(`timeline17:${collection}/InputDocs/${day}/${file}`);
    }
  }
}
const timeline = ordered(t17);

const tagger = loadTagger();
function run(id, text, date) {
  const doc = createDoc(id, textArticle(text, id, publishedOn(date, 'bench')));
  annotateLanguage(doc, tagger);
  annotateTime(doc);
  annotateQuotes(doc);
  // The coder's rules alone: a learned gate (models/events.json, should one ever ship) would change the draw.
  annotateEvents(doc, { model: null });
  return doc;
}

const tokens = (s) => s.trim().split(/\s+/).filter(Boolean).length;
const trimSpan = (text, start, end) => {
  const s = text.slice(start, end);
  const lead = s.length - s.trimStart().length;
  return [start + lead, start + lead + s.trim().length];
};

function units(id, text, doc) {
  const out = [];
  if (id.startsWith('polnear:')) {
    for (const s of doc.sentences) {
      const [a, b] = trimSpan(text, s.start, s.end);
      if (b > a && !text.slice(a, b).includes('\n') && tokens(text.slice(a, b)) >= MIN_TOKENS) out.push([a, b]);
    }
    return out;
  }
  let offset = 0;
  text.split('\n').forEach((line, k) => {
    const [a, b] = trimSpan(text, offset, offset + line.length);
    if (k > 0 && b > a && tokens(line) >= MIN_TOKENS) out.push([a, b]);
    offset += line.length + 1;
  });
  return out;
}

const summary = (e) =>
  `${e.type}${e.mode ? `/${e.mode}` : ''}${e.negated ? ' NEG' : ''}${e.hypothetical ? ' HYP' : ''} [${e.trigger.start},${e.trigger.end}] ${e.source.map((a) => `[${a.start},${a.end}]`).join('+')} -> ${e.target.map((a) => `[${a.start},${a.end}]`).join('+')} ${e.date?.value ?? '-'}`;
const summaryText = (e) =>
  `${e.type}${e.mode ? `/${e.mode}` : ''}${e.negated ? ' NEG' : ''}${e.hypothetical ? ' HYP' : ''} [${e.trigger.text}] ${e.source.map((a) => a.text).join('+')} -> ${e.target.map((a) => a.text).join('+')} ${e.date?.value ?? '-'}`;

const queues = [ecb, polnear, timeline];
let count = 0;
for (let round = 0; count < SIZE && queues.some((q) => round < q.length); round++) {
  for (const q of queues) {
    if (count >= SIZE || round >= q.length) continue;
    const id = q[round];
    const text = store.text(id);
    const published = store.published(id);
    const doc = run(id, text, published);
    const us = units(id, text, doc)
      .map(([a, b]) => ({ a, b, key: hash(`${SALT}${id}:${a}`) }))
      .sort((x, y) => (x.key < y.key ? -1 : 1));
    const emitted = (u) => doc.events.filter((e) => e.trigger.start >= u.a && e.trigger.end <= u.b);
    const coder = us.find((u) => emitted(u).length > 0);
    const plain = us.find((u) => u !== coder);
    const picked = [...(coder ? [[coder, 'coder']] : []), ...(plain ? [[plain, 'plain']] : [])].sort(
      (x, y) => x[0].a - y[0].a,
    );
    for (const [u, why] of picked) {
      if (count >= SIZE) break;
      const line = {
        doc: id,
        sha: textSha(text),
        start: u.a,
        end: u.b,
        split: store.splitOf(id),
        why,
        emitted: emitted(u).map(withText ? summaryText : summary),
      };
      if (withText) Object.assign(line, { published, text: text.slice(u.a, u.b) });
      console.log(JSON.stringify(line));
      count++;
    }
  }
}
