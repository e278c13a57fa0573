// Fuzz targets for `npm run fuzz` (main.js) and its short run in `npm test` (test/fuzz.test.ts): seeded
// fast-check properties over every parser of outside input. Each case must finish without a throw (other than a
// target's own clear refusal), keep the target's invariants, and use under 1 s of CPU.
import { readdirSync, readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { eventsRecord } from '../../dist/cli/commands/events.js';
import { extractRecord } from '../../dist/cli/commands/extract-html.js';
import { quotesOf } from '../../dist/cli/commands/quotes.js';
import { timexRecord } from '../../dist/cli/commands/timex.js';
import { requireText, runJsonl } from '../../dist/cli/jsonl.js';
import { extractHtml, jsonlItem, parseFeedEntries, readWarc } from '../../dist/ingest/index.js';
import { gunzipMembers } from '../../dist/ingest/gzip-members.js';
import { loadTagger } from '../../dist/language/ner/index.js';
import { segmentText } from '../../dist/segment/index.js';

const ROOT = new URL('../..', import.meta.url);
const HARBOUR = new URL('examples/dump-harbour/', ROOT);
const DUMP_LINES = readdirSync(HARBOUR)
  .flatMap((f) => readFileSync(new URL(f, HARBOUR), 'utf8').split('\n'))
  .filter((l) => l.trim() !== '');
/** Sentences of the bundled example corpus (original fiction written for sitrep). */
const SENTENCES = DUMP_LINES.flatMap((l) => l.split(/(?<=[.!?”"])\s+/)).filter((s) => s.length > 20);

const NOISE = [
  '',
  ' ',
  '\t',
  '\r',
  '\u0000',
  '\uFFFD',
  '\u2028',
  '\u202E',
  '\u200B',
  'â€™',
  '“',
  '”',
  '"',
  "'",
  '—',
  '|',
  'Source:',
  'Source: http://',
  'Photo:',
  'By',
  'SKIP TO CONTENT',
  'Updated 16:40, 14 MAR 2026',
  '(part 2)',
  '\\',
  '<',
  '&amp;',
  'said',
  'on Friday',
  'last week',
  'March 10',
  '2026-02-30',
  'the 1990s',
  'every two weeks',
  'ago',
  'next',
  'Tuesday (Jan 17)',
  'imposed sanctions on',
  'did not attack',
  'threatened to',
  'according to',
  ', officials said',
];

const HTML_BITS = [
  '<',
  '>',
  '</',
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<article>',
  '<script>',
  '</script>',
  '<style>',
  '<!--',
  '-->',
  '<![CDATA[',
  '<table><tr><td>',
  '<br>',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&nbsp;',
  '<a href="javascript:x">',
  '<figure><figcaption>',
  '<script type="application/ld+json">{"@type":"NewsArticle","articleBody":',
  '{"@graph":[[',
  '<meta property="article:published_time" content="9999-99-99">',
  '<time datetime="2024-02-30">',
  '<svg><foreignObject>',
  '<noscript>',
  '<template>',
  '<title>',
  '<h1>',
  '<meta charset="x-unknown">',
  '<li>',
  '<link rel="canonical" href="data:x">',
];

const text = (bits, maxLength) =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...bits) },
        fc.string({ maxLength: 12 }),
        fc.string({ unit: 'binary', maxLength: 6 }),
      ),
      { maxLength },
    )
    .map((a) => a.join(''));

/** A text built from corpus sentences with noise between and inside them: close enough to news to reach deep code. */
const newsText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SENTENCES) },
      fc.constantFrom(...NOISE),
      fc.string({ maxLength: 20 }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .chain((parts) => fc.constantFrom(' ', '\n', '\n\n', '').map((sep) => parts.join(sep)));

const dct = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('2026-03-10', '2023-09-13T10:30', '1999-12-31', '2026-02-30', 'x'),
);

function checkSpans(spans, source, label) {
  for (const s of spans) {
    if (!s) continue;
    if (!(s.start >= 0 && s.end <= source.length && s.start <= s.end)) throw new Error(`${label}: span out of range`);
    if (source.slice(s.start, s.end) !== s.text) throw new Error(`${label}: span text differs from the source`);
  }
}

async function* chunks(bytes, size) {
  for (let i = 0; i < bytes.length; i += size) yield Buffer.from(bytes.subarray(i, i + size));
}

function warcRecord(i, body) {
  const http = Buffer.from(
    `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>${body}</p></body></html>`,
  );
  return Buffer.concat([
    Buffer.from(
      `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://n.example/${i}\r\nContent-Length: ${http.length}\r\n\r\n`,
    ),
    http,
    Buffer.from('\r\n\r\n'),
  ]);
}

/** Bytes with splices of random bytes, cuts and duplications, applied to a base. */
const mutated = (base) =>
  fc
    .array(fc.tuple(fc.nat({ max: base.length }), fc.nat({ max: 3 }), fc.uint8Array({ maxLength: 24 })), {
      maxLength: 5,
    })
    .map((ops) => {
      let b = Buffer.from(base);
      for (const [at, op, bytes] of ops) {
        const i = Math.min(at, b.length);
        if (op === 0) b = b.subarray(0, i);
        else if (op === 1) b = Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i)]);
        else if (op === 2) b = Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + bytes.length))]);
        else b = Buffer.concat([b.subarray(0, i), b.subarray(i, i + 200), b.subarray(i)]);
      }
      return b;
    });

const WARC_BASE = Buffer.concat([1, 2, 3].map((i) => warcRecord(i, `Story ${i} of the harbour.`)));
const GZ_BASE = Buffer.concat([1, 2, 3].map((i) => gzipSync(warcRecord(i, `Story ${i}.`))));
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://n.example/</link>${[1, 2]
  .map(
    (i) =>
      `<item><title>Item ${i}</title><link>/news/${i}</link><guid>id-${i}</guid><pubDate>Mon, 0${i} Apr 2024 08:00:00 GMT</pubDate><description><![CDATA[<p>Teaser</p>]]></description></item>`,
  )
  .join('')}</channel></rss>`;

let tagger;
const ner = () => {
  tagger ??= loadTagger();
  return tagger;
};

/** One JSONL sub-command's handler run through the real contract: one output line per input line, ids echoed. */
async function jsonlContract(handler, lines) {
  const input = Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l), Buffer.from('\n')])));
  const out = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      out.push(String(chunk));
      done();
    },
  });
  await runJsonl(handler, Readable.from([input]), sink);
  const answers = out.join('').split('\n');
  if (answers.pop() !== '') throw new Error('output does not end with a line break');
  if (answers.length !== lines.length) throw new Error(`${lines.length} line(s) in, ${answers.length} out`);
  for (const a of answers) {
    const r = JSON.parse(a);
    if (!('id' in r) || !('error' in r || Object.keys(r).length > 1))
      throw new Error(`answer without id or result: ${a}`);
  }
}

const jsonlLine = (fields) =>
  fc.oneof(
    fields.map((f) => JSON.stringify(f)),
    fc.tuple(fields, fc.string({ maxLength: 8 })).map(([f, junk]) => JSON.stringify(f).replace(/.$/, junk)),
    fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('latin1').replace(/\n/g, ' ')),
    fc.constantFrom('', '{}', '[]', 'null', '{"id":1}', '{"id":"x","text":5}', '\r', '{"id":"\u2028"}'),
  );

/** The targets: name, weight in a run's share of cases, and the property. */
export const TARGETS = [
  {
    name: 'segment',
    weight: 3,
    arbitrary: fc
      .array(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...DUMP_LINES) },
          fc.constantFrom(...NOISE),
          fc.string({ maxLength: 30 }),
        ),
        { maxLength: 40 },
      )
      .chain((lines) => fc.constantFrom('\n', '\r\n', '\n\n').map((sep) => lines.join(sep))),
    async check(input) {
      for (const a of await segmentText(input, 'fuzz')) {
        if (!a.title || !a.text || a.text.includes('\r')) throw new Error('article without title or text, or with CR');
        for (const p of a.paragraphs ?? [])
          if (p.start < 0 || p.end > a.text.length || p.end <= p.start) throw new Error('paragraph out of range');
        if (a.url !== null && !/^https?:\/\//.test(a.url)) throw new Error(`non-http URL ${a.url}`);
      }
    },
  },
  {
    name: 'html',
    weight: 3,
    arbitrary: fc.tuple(
      text(HTML_BITS, 60),
      fc.constantFrom(null, 'https://news.example/2024/01/02/story', 'javascript:x'),
    ),
    async check([html, url]) {
      const p = extractHtml(html, url);
      if (typeof p.text !== 'string' || typeof p.title !== 'string' || /\n{3,}/.test(p.text))
        throw new Error('bad page text');
      if (p.published !== null && !/^\d{4}-\d\d-\d\d$/.test(p.published)) throw new Error(`bad date ${p.published}`);
    },
  },
  {
    name: 'feed',
    weight: 2,
    arbitrary: mutated(Buffer.from(RSS)).map((b) => b.toString('utf8')),
    async check(input) {
      let feed;
      try {
        feed = parseFeedEntries(input, 'https://n.example/feed.xml');
      } catch (err) {
        if (/not an RSS or Atom feed/.test(err.message)) return;
        throw err;
      }
      for (const e of feed.entries)
        if (typeof e.key !== 'string' || (e.url && !/^https?:\/\//.test(e.url))) throw new Error('bad entry');
    },
  },
  {
    name: 'warc',
    weight: 2,
    arbitrary: fc.tuple(mutated(WARC_BASE), fc.integer({ min: 1, max: 400 })),
    async check([bytes, size]) {
      for await (const ev of readWarc(chunks(bytes, size), { maxRecordBytes: 1 << 20 })) {
        if (ev.kind === 'record' && ev.record.block.length !== Number(ev.record.headers.get('content-length')))
          throw new Error('block length');
      }
    },
  },
  {
    name: 'gzip',
    weight: 1,
    arbitrary: fc.tuple(mutated(GZ_BASE), fc.integer({ min: 1, max: 400 })),
    async check([bytes, size]) {
      for await (const p of gunzipMembers(chunks(bytes, size)))
        if (p.kind === 'damage' && !p.message) throw new Error('silent damage');
    },
  },
  {
    name: 'jsonl-ingest',
    weight: 2,
    arbitrary: jsonlLine(
      fc.record(
        {
          url: fc.oneof(fc.string(), fc.constantFrom('https://n.example/1', 'javascript:alert(1)')),
          title: fc.string(),
          text: newsText,
          html: fc.option(text(HTML_BITS, 10)),
          published: fc.option(fc.string()),
        },
        { requiredKeys: [] },
      ),
    ),
    async check(line) {
      const item = jsonlItem(line, 'fuzz:1');
      if (item?.kind === 'error' && !item.error) throw new Error('error item without a message');
      if (item?.kind === 'article' && item.article.url !== null && !/^https?:/i.test(item.article.url))
        throw new Error('non-http URL kept');
    },
  },
  {
    name: 'jsonl-contract',
    weight: 2,
    arbitrary: fc.tuple(
      fc.constantFrom('timex', 'extract-html', 'text'),
      fc.array(
        jsonlLine(
          fc.record({
            id: fc.oneof(fc.string(), fc.integer()),
            text: newsText,
            html: text(HTML_BITS, 10),
            dct,
            date: dct,
          }),
        ),
        { minLength: 1, maxLength: 4 },
      ),
    ),
    async check([command, lines]) {
      const handlers = {
        timex: timexRecord,
        'extract-html': extractRecord,
        text: (r) => ({ length: requireText(r).length }),
      };
      await jsonlContract(handlers[command], lines);
    },
  },
  {
    name: 'timex',
    weight: 3,
    arbitrary: fc.record({ id: fc.string(), text: newsText, dct }),
    async check(record) {
      let out;
      try {
        out = timexRecord(record);
      } catch (err) {
        if (/dct/.test(err.message)) return;
        throw err;
      }
      checkSpans(out.timexes, record.text, 'timex');
      for (const t of out.timexes)
        if (typeof t.value !== 'string' || !['DATE', 'TIME', 'DURATION', 'SET'].includes(t.type))
          throw new Error('bad timex');
    },
  },
  {
    name: 'quotes',
    weight: 2,
    arbitrary: newsText,
    async check(input) {
      const quotes = quotesOf(input, ner());
      checkSpans(quotes, input, 'quote');
      checkSpans(
        quotes.map((q) => q.cue),
        input,
        'cue',
      );
      checkSpans(
        quotes.map((q) => q.speaker),
        input,
        'speaker',
      );
    },
  },
  {
    name: 'events',
    weight: 2,
    arbitrary: fc.record({ id: fc.string(), text: newsText, date: fc.constantFrom('2026-03-10', '1999-12-31') }),
    async check(record) {
      const { events } = eventsRecord(record, ner());
      for (const e of events) {
        checkSpans([e.trigger, e.location, ...e.source, ...e.target], record.text, 'event');
        if (typeof e.type !== 'string') throw new Error('event without type');
      }
    },
  },
];

/** A CPU-time budget per input (CPU, not wall time: a loaded machine must not turn a case into a "hang"). */
const BUDGET_MS = 1000;

let sinceTurn = 0;

async function timed(target, input) {
  // Let the event loop turn now and then: a test worker that never does cannot answer vitest's RPC in time.
  if (++sinceTurn >= 20) {
    sinceTurn = 0;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const before = process.cpuUsage();
  await target.check(input);
  const used = process.cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  if (ms > BUDGET_MS) throw new Error(`hang: ${Math.round(ms)} ms of CPU on one input (budget ${BUDGET_MS})`);
}

/**
 * Run `cases` cases split across the targets by weight, seeded, in rounds of `round` cases (each round logged, so a
 * long run shows how far it got). Returns per-target counts; throws with the shrunk counterexample (and hands it to
 * `onFound`) when a property fails.
 */
export async function runFuzz({ cases, seed, round = 20_000, only = null, log = () => {}, onFound = () => {} }) {
  const targets = only ? TARGETS.filter((t) => only.includes(t.name)) : TARGETS;
  const total = targets.reduce((n, t) => n + t.weight, 0);
  const counts = Object.fromEntries(targets.map((t) => [t.name, 0]));
  const started = performance.now();
  for (let done = 0, r = 0; done < cases; r++) {
    const size = Math.min(round, cases - done);
    for (const [i, target] of targets.entries()) {
      const numRuns = Math.max(1, Math.round((size * target.weight) / total));
      const result = await fc.check(
        fc.asyncProperty(target.arbitrary, (input) => timed(target, input)),
        {
          numRuns,
          seed: seed + r * 1000 + i,
          endOnFailure: false,
        },
      );
      if (result.failed) {
        onFound(target.name, result.counterexample?.[0], String(result.errorInstance ?? result.error));
        throw new Error(`${target.name}: ${fc.defaultReportMessage(result)}`);
      }
      counts[target.name] += result.numRuns;
      done += result.numRuns;
    }
    log(
      `round ${r + 1}: ${done} cases, ${((performance.now() - started) / 1000).toFixed(0)} s, ${JSON.stringify(counts)}`,
    );
  }
  return counts;
}

/** Replay a kept counterexample (a regression fixture). */
export async function replay(name, input) {
  const target = TARGETS.find((t) => t.name === name);
  if (!target) throw new Error(`no fuzz target ${name}`);
  await timed(target, input);
}

/** Inputs as JSON (bytes as base64), so a found case is kept as a written file and replayed as it was. */
export function encodeInput(input) {
  return JSON.stringify(input, (_, v) =>
    v && typeof v === 'object' && v.type === 'Buffer' && Array.isArray(v.data)
      ? { base64: Buffer.from(v.data).toString('base64') }
      : v,
  );
}

export function decodeInput(json) {
  return JSON.parse(json, (_, v) =>
    v && typeof v === 'object' && typeof v.base64 === 'string' ? Buffer.from(v.base64, 'base64') : v,
  );
}
