// The real-news fact-dating set (bench/devsets/dates-realnews.jsonl, stand-off; see README-voices.md): each
// gold fact's trigger span is dated by the time stage as the pipeline dates events and quotes, and scored
// against the annotated day. The article gets the publication evidence a crawl would give it: the PolNeAR
// metadata date (page metadata), the Timeline17 folder day (as a URL date); ECB+ texts carry only their dateline.
// Then the events dev set (events-realnews.jsonl) read for dates: each gold event's trigger against its date.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDocText, sharedDataDir } from './devsets/docs.js';
import { readDevset } from './devsets/load.js';

const HERE = dirname(fileURLToPath(import.meta.url));

function polnearDates(base) {
  const out = new Map();
  const lines = readFileSync(join(base, 'polnear/data/metadata.tsv'), 'utf8').split('\n');
  const head = lines[0].split('\t');
  const file = head.indexOf('filename');
  const date = head.indexOf('publication_date');
  for (const line of lines.slice(1)) {
    const cols = line.split('\t');
    if (cols[file] && /^\d{4}-\d{2}-\d{2}$/.test(cols[date] ?? '')) out.set(cols[file], cols[date]);
  }
  return out;
}

function evidenceOf(id, pn) {
  const [corpus, rest] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  if (corpus === 'polnear') {
    const d = pn.get(rest.split('/')[1]);
    return d ? [{ value: d, precision: 'day', from: 'metadata', kind: 'published', evidence: 'metadata.tsv' }] : [];
  }
  if (corpus === 'timeline17') {
    const d = rest.split('/')[1];
    return [{ value: d, precision: 'day', from: 'url', evidence: `folder ${d}` }];
  }
  return [];
}

/** Whether a system date (value, or null) is right for a gold record, strict (same value and precision) and lenient. */
function judge(gold, sys) {
  if (gold.date === null) return { strict: sys === null, lenient: sys === null };
  if (sys === null) return { strict: false, lenient: false };
  if (sys.range) {
    // A span of days (a week, a weekend) is right when it lies inside the gold range or is the gold day.
    const [a, b] = gold.precision === 'range' ? gold.date.split('/') : [gold.date, gold.date];
    const inside = sys.range.start.slice(0, a.length) >= a && sys.range.end.slice(0, b.length) <= b;
    const strict = `${sys.range.start}/${sys.range.end}` === gold.date;
    return { strict, lenient: inside };
  }
  const strict = sys.value === gold.date;
  if (gold.precision === 'day') return { strict, lenient: strict };
  if (gold.precision === 'range') {
    const [a, b] = gold.date.split('/');
    // Inside the range: not before its start (at the start's precision), not after its end.
    const lenient = sys.value.slice(0, a.length) >= a && sys.value.slice(0, b.length) <= b;
    return { strict, lenient };
  }
  return { strict, lenient: sys.value.startsWith(gold.date) };
}

/**
 * Scores `dateFact(doc, span)` (→ {value, precision} | null) on both splits. `prepare(raw, id)` runs the
 * pipeline up to the time stage and returns the Doc.
 */
export function benchFactDates({ prepare, dateFact, showErrors = 0 }) {
  const base = sharedDataDir();
  const pn = polnearDates(base);
  const gold = readFileSync(join(HERE, 'devsets/dates-realnews.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const docs = new Map();
  const result = {};
  const errors = [];
  for (const g of gold) {
    let doc = docs.get(g.doc);
    if (!doc) {
      const text = loadDocText(g.doc, base);
      doc = prepare(
        {
          title: '',
          url: null,
          outlet: null,
          text,
          captions: [],
          dateEvidence: evidenceOf(g.doc, pn),
          origin: g.doc,
          warnings: [],
        },
        g.doc,
      );
      docs.set(g.doc, doc);
    }
    const sys = dateFact(doc, { start: g.span[0], end: g.span[1] });
    const r = (result[g.split] ??= { n: 0, strict: 0, lenient: 0, bg: 0, bgOnReported: 0, byFrom: {} });
    const ok = judge(g, sys);
    r.n++;
    if (ok.strict) r.strict++;
    if (ok.lenient) r.lenient++;
    const f = (r.byFrom[g.dateFrom] ??= { n: 0, ok: 0 });
    f.n++;
    if (ok.lenient) f.ok++;
    if (g.dateFrom === 'background' || g.dateFrom === 'none') {
      r.bg++;
      if (sys?.value === g.reported) r.bgOnReported++;
    }
    if (!ok.lenient && g.split === 'tune')
      errors.push(
        `${g.id} ${g.dateFrom}/${g.exprKind} gold ${g.date} (${g.precision}) got ${sys ? `${sys.value} (${sys.from ?? ''})` : 'null'} · ${g.doc} [${g.span}]`,
      );
  }
  for (const split of ['tune', 'check']) {
    const r = result[split];
    if (!r) continue;
    const pct = (k) => (r.n ? k / r.n : 0).toFixed(3);
    const from = Object.entries(r.byFrom)
      .map(([k, v]) => `${k} ${v.ok}/${v.n}`)
      .join(' · ');
    console.log(
      `facts ${split.padEnd(5)} ${r.n} facts · lenient ${pct(r.lenient)} · strict ${pct(r.strict)} · ` +
        `background/undated facts on the reported day ${r.bgOnReported}/${r.bg} · by gold dateFrom: ${from}`,
    );
  }
  for (const e of errors.slice(0, showErrors)) console.log(`fact ${e}`);
  benchEventDates({ prepare, dateFact });
  return result;
}

/**
 * The events dev set (bench/devsets/events-realnews.jsonl, split by story) read for dates: each gold event's
 * trigger dated as above, against its annotated date (a month or year accepts any day inside; null must stay
 * undated). Figures only, for both splits.
 */
function benchEventDates({ prepare, dateFact }) {
  const docs = new Map();
  const result = {};
  for (const r of readDevset()) {
    let doc = docs.get(r.doc);
    if (!doc) {
      const raw = { title: '', url: null, outlet: null, text: r.text, captions: [], origin: r.doc, warnings: [] };
      // The same evidence a crawl gives: the Timeline17 folder day as a URL date, PolNeAR's as page metadata.
      const from = r.doc.startsWith('timeline17:') ? 'url' : 'metadata';
      const dateEvidence = r.published
        ? [{ value: r.published, precision: 'day', from, kind: 'published', evidence: 'corpus' }]
        : [];
      doc = prepare({ ...raw, dateEvidence }, r.doc);
      docs.set(r.doc, doc);
    }
    const s = (result[r.split] ??= { n: 0, ok: 0, undated: 0, undatedOk: 0, onPublished: 0 });
    for (const e of r.events) {
      const sys = dateFact(doc, { start: e.trigger.start, end: e.trigger.end });
      const v = sys?.value ?? null;
      s.n++;
      if (e.date === null) {
        s.undated++;
        if (v === null) s.undatedOk++;
        else if (v === r.published) s.onPublished++;
      }
      if (e.date === null ? v === null : v?.startsWith(e.date) === true) s.ok++;
    }
  }
  for (const split of ['tune', 'check']) {
    const s = result[split];
    if (!s) continue;
    console.log(
      `events ${split.padEnd(4)} ${s.n} events · date right ${(s.ok / s.n).toFixed(3)} (${s.ok}) · ` +
        `undated in gold: left undated ${s.undatedOk}/${s.undated}, on the publication day ${s.onPublished}`,
    );
  }
}
