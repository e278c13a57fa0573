// Event-coding benchmark. Two kinds of gold, each split by story into a tuning part and a check part:
//  1. coder gold sets (shared data, event-coding/): the PLOVER dev half, PETRARCH-2 validation sentences and
//     PETRARCH-2 unit-test sentences (CAMEO codes mapped to PLOVER with CAMEO2PLOVER-2021.txt);
//  2. the stand-off real-news set bench/devsets/events-realnews.jsonl (split stored in it).
// Strict: the best-ranked event only (asserted events first, then the coder's order) and one-to-one matching;
// lenient: any emitted event, and on real news the annotation's `alt` types and intended `action` count too.
// Usage: npm run bench:events [-- --errors] [--json FILE] [--runs N]
// `--errors` prints the errors of the TUNING part only: the check part's errors are never printed.
import { writeFileSync } from 'node:fs';
import { annotateEvents } from '../dist/events/index.js';
import { annotateLanguage } from '../dist/language/index.js';
import { loadTagger } from '../dist/language/ner/index.js';
import { createDoc, publishedOn, textArticle } from '../dist/model/index.js';
import { annotateQuotes } from '../dist/quotes/index.js';
import { annotateTime } from '../dist/time/index.js';
import { loadDevset } from './devsets/load.js';
import { goldRecords } from './events/gold.js';
import { asserted, ranked, scoreGold, scoreRealnews, Tally } from './events/score.js';

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const tagger = loadTagger();

function makeDoc(id, text, date) {
  return createDoc(id, textArticle(text, id, publishedOn(date, 'bench')));
}

const fmtEvent = (e) =>
  `${e.type}${e.mode ? `/${e.mode}` : ''}${e.negated ? ' NEG' : ''}${e.hypothetical ? ' HYP' : ''} [${e.trigger.text}] ${e.source.map((a) => `${a.text}(${a.code})`).join('+')} → ${e.target.map((a) => `${a.text}(${a.code})`).join('+')}`;

const r3 = (a, b) => (b ? (a / b).toFixed(3) : '  -  ');
const report = {};

// ---- 1. coder gold sets
const gold = goldRecords();
const tallies = new Map();
const tally = (key) => {
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = new Tally()));
  return t;
};
for (const r of gold) {
  const doc = makeDoc(r.id, r.text, r.date);
  annotateLanguage(doc, tagger);
  annotateTime(doc);
  annotateEvents(doc);
  const res = scoreGold(tally(`${r.set}/${r.split}`), r, doc.events);
  scoreGold(tally(`all/${r.split}`), r, doc.events);
  if (showErrors && r.split === 'tune') {
    const wrong =
      r.events.length === 1
        ? res.best?.type !== r.events[0].type || res.mf[0] < 0
        : res.m.some((k) => k < 0) || res.m.length !== r.events.length;
    if (wrong) {
      console.log(
        `${r.set} ${r.id}: gold ${r.events.map((g) => `${g.type} ${g.source.join('+')} → ${g.target.join('+')}`).join('; ') || '(none)'}\n  ${r.text.trim()}`,
      );
      for (const e of ranked(doc.events)) console.log(`  → ${fmtEvent(e)}`);
    }
  }
}

function printTally(name, t, realnews) {
  const line = [];
  if (!realnews && t.get('single')) {
    line.push(
      `type acc strict ${r3(t.get('acc.strict'), t.get('single'))} lenient ${r3(t.get('acc.lenient'), t.get('single'))}`,
    );
    line.push(
      `type+src+tgt strict ${r3(t.get('full.strict'), t.get('single'))} lenient ${r3(t.get('full.lenient'), t.get('single'))}`,
    );
  }
  if (realnews) {
    line.push(
      `P(type) strict ${r3(t.get('hit.strict'), t.get('sys'))} lenient ${r3(t.get('hit.lenient'), t.get('sys'))}`,
    );
    line.push(`R strict ${r3(t.get('hit.strict'), t.get('gold'))} lenient ${r3(t.get('hit.lenient'), t.get('gold'))}`);
    line.push(
      `type+actors strict ${r3(t.get('full.strict'), t.get('gold'))} lenient ${r3(t.get('full.lenient'), t.get('gold'))}`,
    );
  } else {
    line.push(
      `P ${r3(t.get('hit'), t.get('sys'))} R ${r3(t.get('hit'), t.get('gold'))} (1:1)  R lenient ${r3(t.get('hit.lenient'), t.get('gold'))}  R type+actors ${r3(t.get('hit.full'), t.get('gold'))}`,
    );
  }
  if (t.get('noevent'))
    line.push(
      `asserted on no-event ${r3(t.get('noevent.asserted'), t.get('noevent'))} (${t.get('noevent.asserted')}/${t.get('noevent')})`,
    );
  console.log(`${name.padEnd(26)} n=${String(t.n).padStart(3)}  ${line.join('  |  ')}`);
  report[name] = { n: t.n, counts: Object.fromEntries(t.c), types: Object.fromEntries(t.types) };
}

function printTypes(name, t) {
  console.log(`  per type (${name}, strict 1:1): type gold sys P R`);
  for (const [ty, s] of [...t.types].sort())
    console.log(
      `    ${ty.padEnd(10)} ${String(s.gold).padStart(3)} ${String(s.sys).padStart(3)}  ${r3(s.hit, s.sys)} ${r3(s.hit, s.gold)}`,
    );
  const conf = [...t.confusions].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`  main confusions (gold → coded): ${conf.map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

console.log('== coder gold sets (event-coding/)');
for (const split of ['tune', 'check'])
  for (const set of ['plover', 'petrarch2-gsr', 'petrarch2-unittest', 'all']) {
    const t = tallies.get(`${set}/${split}`);
    if (t) printTally(`${set}/${split}`, t, false);
  }
for (const split of ['tune', 'check']) printTypes(`all/${split}`, tallies.get(`all/${split}`));

// ---- 2. real news
const records = loadDevset();
const docs = new Map();
for (const r of records) if (!docs.has(r.doc)) docs.set(r.doc, { text: r.text, published: r.published });
const analyzed = new Map();
for (const [id, d] of docs) {
  const doc = makeDoc(id, d.text, d.published);
  annotateLanguage(doc, tagger);
  annotateTime(doc);
  annotateQuotes(doc);
  annotateEvents(doc);
  analyzed.set(id, doc);
}
const rn = new Map();
for (const r of records) {
  const events = analyzed
    .get(r.doc)
    .events.filter((e) => e.trigger.start < r.sentence.end && e.trigger.end > r.sentence.start);
  for (const key of [`realnews/${r.split}`]) {
    if (!rn.has(key)) rn.set(key, new Tally());
    scoreRealnews(rn.get(key), r, events);
  }
  // The sentence on its own, to tell a role error from a right sentence.
  const one = new Tally();
  if (showErrors && r.split === 'tune') scoreRealnews(one, r, events);
  if (showErrors && r.split === 'tune') {
    const g = r.events.map(
      (e) =>
        `${e.type}${e.mode ? `/${e.mode}` : ''}${e.negated ? ' NEG' : ''} [${e.trigger.text}] ${e.source.map((s) => s.text).join('+')} → ${e.target.map((s) => s.text).join('+')}`,
    );
    const s = ranked(events).map(fmtEvent);
    if (
      g.length !== s.length ||
      events.some(asserted) !== r.events.some((e) => !e.mode && !e.negated && !e.hypothetical) ||
      g.some((x, i) => !s[i]?.startsWith(x.split(' ')[0].split('/')[0])) ||
      one.get('full.strict') < r.events.length
    )
      console.log(
        `realnews ${r.doc} [${r.sentence.start},${r.sentence.end})\n  ${r.sentence.text.replace(/\s+/g, ' ')}\n  gold: ${g.join('; ') || '(none)'}\n${s.map((x) => `  → ${x}`).join('\n')}`,
      );
  }
}
console.log('== real news (bench/devsets/events-realnews.jsonl)');
for (const split of ['tune', 'check']) printTally(`realnews/${split}`, rn.get(`realnews/${split}`), true);
for (const split of ['tune', 'check']) printTypes(`realnews/${split}`, rn.get(`realnews/${split}`));
// Events one of whose sides is only a generic noun ("troops", "the government") with no state or group attached.
const genericSide = (side) => side.length > 0 && side.every((a) => !a.actorKey && a.code.length <= 3);
for (const split of ['tune', 'check']) {
  const ids = new Set(records.filter((r) => r.split === split).map((r) => r.doc));
  const evs = [...analyzed].filter(([id]) => ids.has(id)).flatMap(([, d]) => d.events);
  const n = evs.filter((e) => genericSide(e.source) || genericSide(e.target)).length;
  console.log(
    `realnews/${split} events with a generic-only side: ${n}/${evs.length} (${r3(n, evs.length)}), whole articles`,
  );
  report[`realnews/${split}`] = { ...report[`realnews/${split}`], genericOnlySide: n, events: evs.length };
}

// ---- 3. speed of the events stage alone, per 600 words of article text
const prepared = [...analyzed.values()];
const words = prepared.reduce((n, d) => n + d.tokens.filter((t) => /\w/.test(t.text)).length, 0);
const times = [];
// CPU time of this process, not wall time: on a shared machine wall time measures the neighbours.
for (let k = 0; k < runs; k++) {
  const t0 = process.cpuUsage();
  for (const d of prepared) annotateEvents(d);
  const u = process.cpuUsage(t0);
  times.push((u.user + u.system) / 1000);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `events stage: ${((median / words) * 600).toFixed(3)} ms CPU per 600 words (median of ${runs} runs, ${prepared.length} articles, ${words} words)`,
);
report.speedMsPer600Words = (median / words) * 600;
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 1)}\n`);
