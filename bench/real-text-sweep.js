// Real text through the analysis: every text of the shared data sets run through the per-article pipeline as
// `sitrep analyze` runs it (a JSONL text record, or an HTML page through the extractor), and a sample through the
// record handlers of the `--jsonl` commands. Lists every record that throws (with the first frames of its stack) and
// every one that takes over 1 s of CPU, then the counts per set. A record is named by its set and line (or page) and,
// for the analysis, by its article id, so it can be found again; no text of the data is printed or kept.
// Usage: npm run bench:sweep [-- --sets timeline17,polnear,… --every N]   (--every: one record in N for the
//        `--jsonl` handlers, default 3)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { analyzeArticle } from '../dist/analyze/pipeline.js';
import { eventsRecord } from '../dist/cli/commands/events.js';
import { extractRecord } from '../dist/cli/commands/extract-html.js';
import { quotesOf } from '../dist/cli/commands/quotes.js';
import { timexRecord } from '../dist/cli/commands/timex.js';
import { extractPage, httpUrl, jsonlItem } from '../dist/ingest/index.js';
import { loadTagger } from '../dist/language/ner/index.js';
import { articleId } from '../dist/store/index.js';
import { sharedData } from './shared-data.js';
import { TIMELINE17 } from './timeline17-input.js';

const SLOW_MS = 1000;
const { values } = parseArgs({ options: { sets: { type: 'string' }, every: { type: 'string', default: '3' } } });
const every = Math.max(1, Number(values.every));

const lines = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
const dayOf = (s) => (typeof s === 'string' && /^\d{4}-\d\d-\d\d/.test(s) ? s.slice(0, 10) : undefined);

/** Each set: its records as `{text, published?}` or `{html, url?}`. */
const SETS = {
  timeline17() {
    const out = [];
    for (const collection of readdirSync(TIMELINE17).sort()) {
      const dir = join(TIMELINE17, collection, 'InputDocs');
      for (const day of safeList(dir))
        for (const f of safeList(join(dir, day))) {
          const text = readFileSync(join(dir, day, f), 'utf8');
          if (text.trim()) out.push({ text, published: day });
        }
    }
    return out;
  },
  polnear() {
    const root = sharedData('polnear/data');
    const published = new Map(
      lines(join(root, 'metadata.tsv'))
        .slice(1)
        .map((l) => l.split('\t'))
        .map((c) => [c[1], dayOf(c[5])]),
    );
    return ['train', 'dev'].flatMap((part) =>
      readdirSync(join(root, part, 'text'))
        .sort()
        .map((f) => ({
          text: readFileSync(join(root, part, 'text', f), 'utf8'),
          published: published.get(f.replace(/\.txt$/, '')),
        })),
    );
  },
  ecbplus: () => lines(sharedData('ecbplus/ecbplus_documents.dev.jsonl')).map((l) => ({ text: JSON.parse(l).text })),
  semeval: () =>
    lines(sharedData('semeval2022-task8-en/semeval2022_task8_en_en_pairs.jsonl')).flatMap((l) => {
      const r = JSON.parse(l);
      return [{ text: r.text1 }, { text: r.text2 }];
    }),
  tempeval3() {
    const root = sharedData('tempeval3/TBAQ-cleaned');
    const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    return ['AQUAINT', 'TimeBank'].flatMap((sub) =>
      readdirSync(join(root, sub))
        .sort()
        .map((f) => {
          const x = readFileSync(join(root, sub, f), 'utf8');
          const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(x)?.[1] ?? '';
          const dct = /<TIMEX3[^>]*value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"/.exec(x)?.[1];
          const text = body.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => entities[e]);
          return { text, published: dayOf(dct) };
        }),
    );
  },
  /** CoNLL-2003 documents joined as text: tokens by spaces, sentences by line breaks. */
  conll() {
    const docs = [];
    for (const file of ['train.txt', 'valid_testa.txt']) {
      let doc = [];
      let sentence = [];
      const endSentence = () => {
        if (sentence.length) doc.push(sentence.join(' '));
        sentence = [];
      };
      const endDoc = () => {
        endSentence();
        if (doc.length) docs.push({ text: doc.join('\n') });
        doc = [];
      };
      for (const l of readFileSync(sharedData(`conll2003/${file}`), 'utf8').split('\n')) {
        if (l.startsWith('-DOCSTART-')) endDoc();
        else if (l.trim() === '') endSentence();
        else sentence.push(l.split(' ')[0]);
      }
      endDoc();
    }
    return docs;
  },
  'article-extraction'() {
    const dir = sharedData('article-extraction/html');
    return readdirSync(dir)
      .sort()
      .map((f) => ({ html: gunzipSync(readFileSync(join(dir, f))).toString('utf8') }));
  },
};

function safeList(dir) {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

const tagger = loadTagger();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const frames = (err) =>
  String(err?.stack ?? err)
    .split('\n')
    .slice(0, 4)
    .map((s) => s.trim())
    .join(' | ');

/** Run `fn`, timed in CPU; a throw or a slow run is printed as `kind name`. Returns whether it threw. */
function timed(kind, name, fn, tally) {
  tally.records++;
  const t0 = cpuMs();
  let failed = false;
  try {
    fn();
  } catch (err) {
    failed = true;
    tally.failures++;
    console.log(`FAIL ${kind} ${name}: ${frames(err)}`);
  }
  const ms = cpuMs() - t0;
  tally.cpu += ms;
  if (ms > SLOW_MS) {
    tally.slow++;
    console.log(`SLOW ${kind} ${name}: ${ms.toFixed(0)} ms of CPU`);
  }
  return failed;
}

const HANDLERS = {
  events: (r) => eventsRecord(r, tagger),
  quotes: (r) => quotesOf(r.text, tagger),
  timex: (r) => timexRecord(r),
};

// A first record warms the model and the compiled code, so no record is charged for them.
analyzeArticle(
  jsonlItem(JSON.stringify({ text: 'Mayor Tovin Hask of Veskaria said the harbour will reopen.' }), 'w').article,
);

const rows = [];
for (const [set, read] of Object.entries(SETS)) {
  if (values.sets && !values.sets.split(',').includes(set)) continue;
  const records = read().filter((r) => (r.text ?? r.html)?.trim());
  const analysis = { records: 0, failures: 0, slow: 0, cpu: 0 };
  const jsonl = { records: 0, failures: 0, slow: 0, cpu: 0 };
  records.forEach((rec, i) => {
    const name = `${set}:${i + 1}`;
    const item = jsonlItem(JSON.stringify(rec), name);
    if (item?.kind === 'error') throw new Error(`${name}: ${item.error}`);
    let raw = null;
    // A page's extraction is timed with its analysis: the record is one input of `analyze`.
    if (item.kind === 'page') {
      const t0 = cpuMs();
      try {
        raw = extractPage(item);
      } catch (err) {
        analysis.records++;
        analysis.failures++;
        analysis.cpu += cpuMs() - t0;
        console.log(`FAIL extract ${name}: ${frames(err)}`);
        return;
      }
    } else raw = item.article;
    if (httpUrl(raw.url).warning) raw.url = null;
    const id = articleId(raw);
    timed('analyze', `${name} ${id}`, () => analyzeArticle(raw, id), analysis);
    if (i % every !== 0) return;
    if (rec.html) timed('extract-html', name, () => extractRecord({ id: name, html: rec.html }), jsonl);
    else {
      const date = dayOf(rec.published) ?? '2020-01-01';
      for (const [command, handler] of Object.entries(HANDLERS))
        timed(command, name, () => handler({ id: name, text: rec.text, date, dct: date }), jsonl);
    }
  });
  rows.push([set, analysis, jsonl]);
}
console.log(
  '\nset | analysis: records, failures, over 1 s, CPU s | --jsonl handlers (1 in N): runs, failures, over 1 s',
);
for (const [set, a, j] of rows)
  console.log(
    `${set} | ${a.records}, ${a.failures}, ${a.slow}, ${(a.cpu / 1000).toFixed(1)} | ${j.records}, ${j.failures}, ${j.slow}`,
  );
