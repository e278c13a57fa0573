// Checks the two real-news dev sets of README-voices.md against the shared data and prints their counts:
// every span in range and non-empty, every document's text unchanged (sha256 prefix), every label from its list.
// Usage: node bench/devsets/validate-voices.js [--show]   (--show also prints each span's text, for review only)
// Exit code 1 when anything is wrong. Data: $SITREP_SHARED_DATA (or $SITREP_DATA), else ../shared/data.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDocText, sharedDataDir, splitOf, textSha } from './docs.js';

const here = dirname(fileURLToPath(import.meta.url));
const show = process.argv.includes('--show');
const base = sharedDataDir();
const errors = [];
const texts = new Map();

function readJsonl(name) {
  return readFileSync(join(here, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        errors.push(`${name}:${i + 1}: ${e.message}`);
        return null;
      }
    })
    .filter((r) => r);
}

function textOf(rec) {
  if (!texts.has(rec.doc)) {
    let text = null;
    try {
      text = loadDocText(rec.doc, base);
    } catch (e) {
      errors.push(`${rec.id}: ${e.message}`);
    }
    texts.set(rec.doc, text);
  }
  const text = texts.get(rec.doc);
  if (text !== null && textSha(text).slice(0, rec.sha.length) !== rec.sha) {
    errors.push(`${rec.id}: text of ${rec.doc} changed (sha ${rec.sha})`);
  }
  if (rec.split !== splitOf(rec.doc))
    errors.push(`${rec.id}: split ${rec.split}, its document hashes to ${splitOf(rec.doc)}`);
  return text;
}

/** A span is [start, end), UTF-16 units, inside the text and not blank; null is allowed only where `optional`. */
function checkSpan(rec, field, span, text, optional = false) {
  if (span === null || span === undefined) {
    if (!optional) errors.push(`${rec.id}: ${field} missing`);
    return '';
  }
  const ok =
    Array.isArray(span) &&
    span.length === 2 &&
    Number.isInteger(span[0]) &&
    Number.isInteger(span[1]) &&
    span[0] >= 0 &&
    span[0] < span[1] &&
    (text === null || span[1] <= text.length);
  if (!ok) {
    errors.push(`${rec.id}: ${field} ${JSON.stringify(span)} out of range`);
    return '';
  }
  if (text === null) return '';
  const s = text.slice(span[0], span[1]);
  if (!s.trim()) errors.push(`${rec.id}: ${field} is blank`);
  return s;
}

function oneOf(rec, field, value, allowed) {
  if (!allowed.includes(value)) errors.push(`${rec.id}: ${field} ${JSON.stringify(value)} not in ${allowed.join('|')}`);
}

const count = (items) => {
  const m = new Map();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
};
const fmt = (pairs) => pairs.map(([k, n]) => `${k} ${n}`).join(', ');
const outletOf = (doc) =>
  doc.startsWith('polnear:')
    ? doc.split('/')[1].split('_')[0]
    : doc.startsWith('timeline17:')
      ? doc.split(/[:/]/)[1]
      : doc;

// ---- claims ----
const claims = readJsonl('claims-realnews.jsonl');
const STANCES = ['assert', 'accuse', 'deny', 'question', 'promise', 'threaten'];
for (const r of claims) {
  const text = textOf(r);
  const q = (v) => JSON.stringify(v);
  const spanText = checkSpan(r, 'span', r.span, text);
  oneOf(r, 'kind', r.kind, ['direct', 'indirect', 'mixed']);
  if (typeof r.claim !== 'boolean') errors.push(`${r.id}: claim must be true or false`);
  if (r.claim) {
    oneOf(r, 'stance', r.stance, STANCES);
    checkSpan(r, 'claimant', r.claimant, text, true);
  } else if (r.stance !== null || r.group !== null || r.claimant !== null || r.targets.length > 0) {
    errors.push(`${r.id}: a non-claim has no stance, group, claimant or targets`);
  }
  if (r.group !== null && (typeof r.group !== 'string' || !r.group.startsWith(`${r.story}/`))) {
    errors.push(`${r.id}: group ${q(r.group)} must start with its story`);
  }
  for (const [i, t] of r.targets.entries()) checkSpan(r, `targets[${i}]`, t, text);
  const who = checkSpan(r, 'speaker.mention', r.speaker.mention, text, true);
  const name = checkSpan(r, 'speaker.name', r.speaker.name, text, true);
  checkSpan(r, 'cue', r.cue, text, true);
  const to = checkSpan(r, 'addressee', r.addressee, text, true);
  if (show) {
    const tag = r.claim ? `${r.stance} ${r.group ?? '-'}` : 'not a claim';
    console.log(`${r.id} [${tag}] ${q(spanText)}\n    speaker ${q(who)} -> ${q(name)}${to ? ` to ${q(to)}` : ''}`);
  }
}

// ---- dates ----
const dates = readJsonl('dates-realnews.jsonl');
const DATE = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
  range: /^(\d{4}(-\d{2}){0,2})\/(\d{4}(-\d{2}){0,2})$/,
};
for (const r of dates) {
  const text = textOf(r);
  const spanText = checkSpan(r, 'span', r.span, text);
  const exprText = checkSpan(r, 'expr', r.expr, text, true);
  oneOf(r, 'kind', r.kind, ['event', 'statement']);
  oneOf(r, 'dateFrom', r.dateFrom, ['sentence', 'carried', 'anchor', 'background', 'none']);
  oneOf(r, 'exprKind', r.exprKind, ['absolute', 'deictic', 'anaphoric', 'none']);
  if (!DATE.day.test(r.reported ?? '')) errors.push(`${r.id}: reported ${JSON.stringify(r.reported)} is not a day`);
  if (r.date === null) {
    if (r.precision !== null) errors.push(`${r.id}: an undated fact has no precision`);
    if (!['background', 'none'].includes(r.dateFrom)) errors.push(`${r.id}: an undated fact is background or none`);
  } else {
    oneOf(r, 'precision', r.precision, Object.keys(DATE));
    if (DATE[r.precision] && !DATE[r.precision].test(r.date))
      errors.push(`${r.id}: date ${r.date} is not a ${r.precision}`);
    if (r.dateFrom === 'none') errors.push(`${r.id}: a dated fact needs a source other than none`);
  }
  if ((r.exprKind === 'none') !== (r.expr === null) && r.dateFrom !== 'carried') {
    errors.push(`${r.id}: expr and exprKind disagree`);
  }
  if (show)
    console.log(
      `${r.id} [${r.date} ${r.dateFrom}/${r.exprKind}] ${JSON.stringify(spanText)} <- ${JSON.stringify(exprText)}`,
    );
}

// ---- ids ----
const ids = new Set();
for (const r of [...claims, ...dates]) {
  if (ids.has(r.id)) errors.push(`duplicate id ${r.id}`);
  ids.add(r.id);
}

// ---- counts ----
const claimRecs = claims.filter((r) => r.claim);
const groups = new Map();
for (const r of claimRecs.filter((c) => c.group)) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
const multi = [...groups.values()].filter((g) => g.length >= 2);
const pairs = (split) =>
  [...groups.values()].reduce((n, g) => {
    const k = g.filter((r) => r.split === split).length;
    return n + (k * (k - 1)) / 2;
  }, 0);
const docs = (recs) => new Set(recs.map((r) => r.doc)).size;
// A name outside its mention is one the reader resolves: a pronoun, a role noun, a speaker named elsewhere.
const resolved = claims.filter(
  (r) =>
    r.speaker.mention &&
    r.speaker.name &&
    (r.speaker.name[0] < r.speaker.mention[0] || r.speaker.name[1] > r.speaker.mention[1]),
).length;

console.log(
  `claims-realnews.jsonl: ${claims.length} statements in ${docs(claims)} documents, ${count(claims.map((r) => r.story)).length} stories`,
);
console.log(`  claims ${claimRecs.length}, not claims ${claims.length - claimRecs.length}`);
console.log(`  stances: ${fmt(count(claimRecs.map((r) => r.stance)))}`);
console.log(`  kinds: ${fmt(count(claims.map((r) => r.kind)))}`);
console.log(
  `  groups ${groups.size}; with >= 2 members ${multi.length}; across >= 2 documents ${
    multi.filter((g) => docs(g) >= 2).length
  }; across >= 3 outlets ${multi.filter((g) => new Set(g.map((r) => outletOf(r.doc))).size >= 3).length}`,
);
console.log(
  `  grouped claims ${claimRecs.filter((r) => r.group).length}, ungrouped claims ${claimRecs.filter((r) => !r.group).length}`,
);
console.log(
  `  speaker mention ${claims.filter((r) => r.speaker.mention).length}, named ${
    claims.filter((r) => r.speaker.name).length
  }, named outside the mention (pronoun, role noun) ${resolved}, addressee ${claims.filter((r) => r.addressee).length}`,
);
for (const split of ['tune', 'check']) {
  const s = claims.filter((r) => r.split === split);
  console.log(
    `  ${split}: ${s.length} statements in ${docs(s)} documents, ${s.filter((r) => r.claim).length} claims, ${pairs(
      split,
    )} same-group pairs`,
  );
}
console.log(`dates-realnews.jsonl: ${dates.length} facts in ${docs(dates)} documents`);
console.log(`  kinds: ${fmt(count(dates.map((r) => r.kind)))}`);
console.log(`  dateFrom: ${fmt(count(dates.map((r) => r.dateFrom)))}`);
console.log(`  exprKind: ${fmt(count(dates.map((r) => r.exprKind)))}`);
console.log(`  precision: ${fmt(count(dates.map((r) => r.precision ?? 'undated')))}`);
console.log(
  `  dated on the publication day ${dates.filter((r) => r.date === r.reported).length}, other days or undated ${
    dates.filter((r) => r.date !== r.reported).length
  }`,
);
for (const split of ['tune', 'check']) {
  const s = dates.filter((r) => r.split === split);
  console.log(`  ${split}: ${s.length} facts in ${docs(s)} documents`);
}
if (errors.length) {
  console.log(`\n${errors.length} problem(s):\n${errors.join('\n')}`);
  process.exit(1);
}
console.log('\nall spans in range and non-empty, all document texts unchanged');
