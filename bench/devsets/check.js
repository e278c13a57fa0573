// node bench/devsets/check.js [FILE.jsonl] — validates a stand-off event dev set against the shared data and prints
// its make-up. Checks: every document present and unchanged (sha), the stored split equals the split rule, every
// sentence and span in range, non-empty, without surrounding blanks, every trigger/actor span inside its sentence,
// sentences of a document not overlapping, field values from the guidelines (README.md). Exit 1 on any problem.
import { DEFAULT_FILE, DocumentStore, readDevset } from './load.js';

const TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
];
const MODES = new Set([null, 'intent', 'possible', 'conditional', 'denied']);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const file = process.argv[2] ?? DEFAULT_FILE;
const store = new DocumentStore();
const problems = [];
const seen = new Map();
const count = { tune: new Map(), check: new Map() };
const sentences = { tune: 0, check: 0 };
const negatives = { tune: 0, check: 0 };
const flagged = { tune: 0, check: 0 };
const docs = new Set();

const trimmed = (s) => s.text.length > 0 && s.text === s.text.trim();

let records;
try {
  records = [...readDevset({ file, store })];
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
for (const r of records) {
  const where = `${r.doc} [${r.sentence.start},${r.sentence.end}]`;
  const fail = (msg) => problems.push(`${where}: ${msg}`);
  docs.add(r.doc);
  if (r.split !== store.splitOf(r.doc)) fail(`split ${r.split} but the rule gives ${store.splitOf(r.doc)}`);
  const { start, end } = r.sentence;
  if (!(start >= 0 && end <= r.text.length && start < end) || !trimmed(r.sentence)) fail('bad sentence span');
  for (const [s, e] of seen.get(r.doc) ?? []) if (start < e && s < end) fail('overlaps another sentence');
  seen.set(r.doc, [...(seen.get(r.doc) ?? []), [start, end]]);
  sentences[r.split]++;
  if (r.events.length === 0) negatives[r.split]++;
  for (const e of r.events) {
    if (!TYPES.includes(e.type)) fail(`unknown type ${e.type}`);
    if (!MODES.has(e.mode)) fail(`unknown mode ${e.mode}`);
    if (typeof e.negated !== 'boolean' || typeof e.hypothetical !== 'boolean') fail('flags must be booleans');
    if ((e.mode === 'possible' || e.mode === 'conditional') !== e.hypothetical) fail('hypothetical must match mode');
    if (e.mode === 'denied' && !e.negated) fail('a denied event is negated');
    if (e.action !== undefined && !(TYPES.includes(e.action) && ['AGREE', 'THREATEN'].includes(e.type))) {
      fail(`action ${e.action} only belongs on AGREE/THREATEN`);
    }
    if (e.alt !== undefined && !(Array.isArray(e.alt) && e.alt.every((t) => TYPES.includes(t) && t !== e.type))) {
      fail(`bad alt ${e.alt}`);
    }
    if (e.date !== null && !DATE.test(e.date)) fail(`bad date ${e.date}`);
    if (typeof e.note !== 'string' || !e.note) fail('missing note');
    for (const span of [e.trigger, ...e.source, ...e.target]) {
      if (!(span.start >= start && span.end <= end && span.start < span.end) || !trimmed(span)) {
        fail(`${e.type}: span [${span.start},${span.end}] "${span.text}" not a clean span inside the sentence`);
      }
    }
    count[r.split].set(e.type, (count[r.split].get(e.type) ?? 0) + 1);
    if (e.mode !== null || e.negated || e.hypothetical) flagged[r.split]++;
  }
}

const total = (split) => [...count[split].values()].reduce((a, b) => a + b, 0);
console.log(`${file}: ${docs.size} documents, ${sentences.tune + sentences.check} sentences`);
console.log('split  sentences  no-event  events  flagged');
for (const split of ['tune', 'check']) {
  const row = [sentences[split], negatives[split], total(split), flagged[split]];
  console.log(`${split.padEnd(5)}  ${row.map((v) => String(v).padStart(8)).join(' ')}`);
}
console.log('type        tune  check  total');
for (const t of TYPES) {
  const a = count.tune.get(t) ?? 0;
  const b = count.check.get(t) ?? 0;
  console.log(`${t.padEnd(10)} ${String(a).padStart(5)} ${String(b).padStart(6)} ${String(a + b).padStart(6)}`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log('all spans in range and inside their sentences; documents unchanged');
