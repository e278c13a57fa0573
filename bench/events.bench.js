// Event-coding benchmark on PLOVER gold records (one sentence each, human-coded source, target and type).
// Type accuracy: a record is right when one of its coded events has the gold type.
// Type+source+target: that event's source (and target, unless the gold target is empty) shares a content word
// with the gold actor text. Old PLOVER type names are mapped to the 16 current ones.
// Usage: npm run bench:events [-- FILE.jsonl] [--errors]
import { readFileSync } from 'node:fs';
import { annotateEvents } from '../dist/events/index.js';
import { annotateLanguage } from '../dist/language/index.js';
import { annotateTime } from '../dist/time/index.js';
import { loadTagger } from '../dist/language/ner/index.js';
import { createDoc } from '../dist/model/index.js';

const args = process.argv.slice(2);
const file =
  args.find((a) => !a.startsWith('--')) ?? '/work/shared/data/event-coding/plover-gsr/PLOVER_GSR_CAMEO.dev.jsonl';
const showErrors = args.includes('--errors');
const OLD = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };
const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'and',
  'for',
  'to',
  'on',
  'at',
  'by',
  'from',
  'with',
  's',
  'its',
  'their',
]);

const contentWords = (s) =>
  new Set(
    String(s)
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !STOP.has(w)),
  );
const actorTexts = (v) => (Array.isArray(v) ? v.map((a) => a.actorText ?? '') : []);
function shares(found, gold) {
  const g = new Set(gold.flatMap((t) => [...contentWords(t)]));
  return found.some((a) => [...contentWords(a.text), ...contentWords(a.name)].some((w) => g.has(w)));
}

const tagger = loadTagger();
const records = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((r) => typeof r.text === 'string' && r.event);
let typeOk = 0;
let fullOk = 0;
const byType = new Map();
const t0 = performance.now();
for (const r of records) {
  const gold = OLD[r.event] ?? r.event;
  const doc = createDoc(r.id, {
    title: '',
    url: null,
    outlet: null,
    text: r.text,
    captions: [],
    dateEvidence: [],
    origin: r.id,
    warnings: [],
  });
  annotateLanguage(doc, tagger);
  annotateTime(doc);
  annotateEvents(doc);
  const typed = doc.events.filter((e) => e.type === gold);
  const goldSource = actorTexts(r.source);
  const goldTarget = actorTexts(r.target);
  const full = typed.some(
    (e) => shares(e.source, goldSource) && (goldTarget.length === 0 || shares(e.target, goldTarget)),
  );
  if (typed.length) typeOk++;
  if (full) fullOk++;
  const s = byType.get(gold) ?? { n: 0, type: 0, full: 0 };
  s.n++;
  if (typed.length) s.type++;
  if (full) s.full++;
  byType.set(gold, s);
  if (showErrors && !full) {
    console.log(
      `${typed.length ? 'ACTORS' : 'TYPE  '} gold ${gold} src=${JSON.stringify(goldSource)} tgt=${JSON.stringify(goldTarget)}\n  ${r.text.trim()}`,
    );
    for (const e of doc.events)
      console.log(
        `  → ${e.type}${e.mode ? `/${e.mode}` : ''}${e.negated ? ' NEG' : ''}${e.hypothetical ? ' HYP' : ''} [${e.trigger.text}] ${e.source.map((a) => a.text).join('+')} → ${e.target.map((a) => a.text).join('+')}`,
      );
  }
}
const ms = performance.now() - t0;
console.log(`records ${records.length}  (${file})`);
console.log(`type accuracy            ${(typeOk / records.length).toFixed(3)}  (${typeOk}/${records.length})`);
console.log(`type+source+target       ${(fullOk / records.length).toFixed(3)}  (${fullOk}/${records.length})`);
for (const [t, s] of [...byType].sort())
  console.log(
    `  ${t.padEnd(10)} n=${String(s.n).padStart(3)}  type ${(s.type / s.n).toFixed(2)}  full ${(s.full / s.n).toFixed(2)}`,
  );
console.log(`${(ms / records.length).toFixed(2)} ms/record (language + events)`);
