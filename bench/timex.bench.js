// npm run bench:timex — TempEval-3 dev (TBAQ-cleaned: TimeBank + AQUAINT, TimeML with the document creation
// time) time-expression extent F1 (relaxed: any overlap; strict: same span), value and type F1 (lenient: on
// overlapping matches, as TempEval-3 scores them; strict: on same-span matches) and type accuracy of
// sitrep's time grammar, on two parts split by document (a hash of the file name): `tune`, to read errors
// from while editing rules, and `check`, reported only as figures. Per gold type, the value accuracy of the
// matched expressions; for tune, the largest error classes. Then the real-news fact-dating set (tune/check).
// Data: $SITREP_SHARED_DATA, $SITREP_DATA or ../shared/data beside the repository. Prints its figures;
// asserts nothing. `--errors N` prints N tune errors of each kind (`--kind TEXT`: only value errors of the classes
// containing TEXT, with their context), `--dir PATH` another corpus (all of it
// scored as one part), `--chrono` adds chrono-node alone for comparison.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as chrono from 'chrono-node';
import { sharedData } from './shared-data.js';
import { classTable, extentClass, missedClass, spuriousClass, valueErrorClass } from './timex-classes.js';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const otherDir = opt('dir', null);
const corpus = resolve(otherDir ?? sharedData('tempeval3/TBAQ-cleaned'));
const showErrors = Number(opt('errors', 0));

const time = await import('../dist/time/index.js');
const { timexesOfText } = time;
const { annotateLanguage } = await import('../dist/language/index.js');
const { loadTagger } = await import('../dist/language/ner/index.js');
const { createDoc } = await import('../dist/model/index.js');
const { benchFactDates } = await import('./fact-dates.js');

/** `tune` or `check`, from the first byte of the sha256 of the file name (even: tune). */
const splitOf = (path) =>
  createHash('sha256').update(path.split('/').pop(), 'utf8').digest()[0] % 2 === 0 ? 'tune' : 'check';

function tmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'testpipeline') out.push(...tmlFiles(p));
    } else if (name.endsWith('.tml')) out.push(p);
  }
  return out;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ENTITIES[e]);
const attrs = (s) => Object.fromEntries([...s.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** Plain text of the TEXT element and its gold TIMEX3 spans; the DCT from the CREATION_TIME timex. */
function readTml(path) {
  const xml = readFileSync(path, 'utf8');
  const dctTag = /<TIMEX3([^>]*functionInDocument="CREATION_TIME"[^>]*)>/.exec(xml);
  const dct = dctTag ? attrs(dctTag[1]).value : null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)[1];
  let text = '';
  const gold = [];
  const open = [];
  const re = /<(\/?)(\w+)([^>]*)>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[4] !== undefined) {
      text += unescapeXml(m[4]);
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (!m[1]) open.push({ start: text.length, ...attrs(m[3]) });
    else {
      const t = open.pop();
      if (t.functionInDocument !== 'CREATION_TIME')
        gold.push({
          start: t.start,
          end: text.length,
          type: t.type,
          value: t.value,
          text: text.slice(t.start, text.length),
        });
    }
  }
  return { path, text, dct: dct ? dct.slice(0, 10) : null, gold };
}

/** chrono-node alone: every parse result, valued at the precision chrono is certain of. */
function chronoTimexes(text, dct) {
  const [y, mo, d] = dct.split('-').map(Number);
  const ref = new Date(y, mo - 1, d, 12);
  return chrono.parse(text, ref).map((r) => {
    const c = r.start;
    const date = c.date();
    const p2 = (n) => String(n).padStart(2, '0');
    const ymd = `${date.getFullYear()}-${p2(date.getMonth() + 1)}-${p2(date.getDate())}`;
    let value = String(date.getFullYear());
    let type = 'DATE';
    if (c.isCertain('day') || c.isCertain('weekday')) value = ymd;
    else if (c.isCertain('month')) value = ymd.slice(0, 7);
    if (c.isCertain('hour')) {
      type = 'TIME';
      value = `${ymd}T${p2(date.getHours())}:${p2(date.getMinutes())}`;
    }
    return { start: r.index, end: r.index + r.text.length, type, value, text: r.text };
  });
}

/** The kind of a value error, for the largest-classes table. */
function errorClass(g, s) {
  const gv = g.value;
  const sv = s.value;
  if (/_REF$/.test(gv)) return `${g.type} gold ${gv}`;
  if (g.type !== s.type) return `type ${g.type} read as ${s.type}`;
  if (/X/.test(sv) && !/X/.test(gv)) return `${g.type} left unresolved (X)`;
  if (/X/.test(gv) && !/X/.test(sv)) return `${g.type} resolved where gold has X`;
  if (gv.startsWith(sv) || sv.startsWith(gv))
    return `${g.type} ${sv.length < gv.length ? 'coarser' : 'finer'} than gold`;
  const gd = /^(\d{4})-(\d{2})-(\d{2})/.exec(gv);
  const sd = /^(\d{4})-(\d{2})-(\d{2})/.exec(sv);
  if (gd && sd) {
    if (gd[2] === sd[2] && gd[3] === sd[3]) return `${g.type} day, wrong year`;
    const days = Math.round((Date.UTC(+sd[1], sd[2] - 1, +sd[3]) - Date.UTC(+gd[1], gd[2] - 1, +gd[3])) / 864e5);
    if (days % 7 === 0) return `${g.type} day off by ${days / 7} week(s)`;
    if (Math.abs(days) === 1) return `${g.type} day off by one`;
    return `${g.type} day, other`;
  }
  if (/^\d{4}/.test(gv) && /^\d{4}/.test(sv) && gv.length === sv.length && gv.slice(4) === sv.slice(4))
    return `${g.type} wrong year`;
  if (gv.startsWith('P') && sv.startsWith('P')) return `${g.type} other duration`;
  return `${g.type} other (gold ${gv.replace(/\d/g, '9')}, got ${sv.replace(/\d/g, '9')})`;
}

function score(docs, system) {
  let sys = 0,
    gold = 0,
    relaxed = 0,
    strict = 0,
    valueOk = 0,
    valueStrict = 0,
    typeOk = 0,
    typeStrict = 0;
  const byType = {};
  const classes = new Map();
  const errors = [];
  const misses = [];
  const spurious = [];
  const boundaries = [];
  const guideline = [];
  for (const doc of docs) {
    const found = system(doc);
    sys += found.length;
    gold += doc.gold.length;
    const used = new Set();
    for (const g of doc.gold) {
      const i = found.findIndex((s, k) => !used.has(k) && s.start < g.end && g.start < s.end);
      if (i < 0) {
        guideline.push(missedClass(g));
        misses.push({
          doc: doc.path.split('/').pop(),
          gold: `${g.text} → ${g.type} ${g.value}`,
          context: doc.text.slice(Math.max(0, g.start - 40), g.end + 30).replace(/\s+/g, ' '),
        });
        continue;
      }
      used.add(i);
      const s = found[i];
      relaxed++;
      const exact = s.start === g.start && s.end === g.end;
      if (exact) strict++;
      if (exact && s.value === g.value) valueStrict++;
      if (exact && s.type === g.type) typeStrict++;
      if (!exact) {
        guideline.push(extentClass(g, s));
        boundaries.push({ doc: doc.path.split('/').pop(), gold: g.text, got: s.text });
      }
      const t = (byType[g.type] ??= { n: 0, ok: 0 });
      t.n++;
      if (s.value === g.value) t.ok++;
      if (s.value === g.value) valueOk++;
      else {
        const k = errorClass(g, s);
        guideline.push(valueErrorClass(g, s));
        classes.set(k, (classes.get(k) ?? 0) + 1);
        errors.push({
          doc: doc.path.split('/').pop(),
          dct: doc.dct,
          kind: k,
          gold: `${g.text} → ${g.type} ${g.value}`,
          got: `${s.text} → ${s.type} ${s.value}`,
          context: doc.text.slice(Math.max(0, g.start - 80), g.end + 40).replace(/\s+/g, ' '),
        });
      }
      if (s.type === g.type) typeOk++;
    }
    found.forEach((s, k) => {
      if (used.has(k)) return;
      guideline.push(spuriousClass(s));
      spurious.push({
        doc: doc.path.split('/').pop(),
        got: `${s.text} → ${s.type} ${s.value}`,
        context: doc.text.slice(Math.max(0, s.start - 40), s.end + 30).replace(/\s+/g, ' '),
      });
    });
  }
  const f1 = (hit) => {
    const p = hit / sys,
      r = hit / gold;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  return {
    sys,
    gold,
    relaxed: f1(relaxed),
    strict: f1(strict),
    // Value F1 on relaxed matches: 2·correct/(sys+gold), which is TempEval-3's evaluate_entities.py value F1
    // (value accuracy on relaxed matches × relaxed extent F1) by algebra.
    value: f1(valueOk),
    valueStrict: f1(valueStrict),
    type: f1(typeOk),
    typeStrict: f1(typeStrict),
    typeAcc: relaxed ? typeOk / relaxed : 0,
    guideline: classTable(guideline),
    byType,
    classes: [...classes].sort((a, b) => b[1] - a[1]),
    errors,
    misses,
    spurious,
    boundaries,
  };
}

const docs = tmlFiles(corpus)
  .map(readTml)
  .filter((d) => d.dct)
  .map((d) => ({ ...d, split: otherDir ? 'all' : splitOf(d.path) }));
const fmt = (x) => x.toFixed(3);
const line = (name, r, ms) =>
  `${name.padEnd(18)} extent F1 ${fmt(r.relaxed.f)} (P ${fmt(r.relaxed.p)} R ${fmt(r.relaxed.r)}) · strict ${fmt(r.strict.f)} · ` +
  `value F1 ${fmt(r.value.f)} (P ${fmt(r.value.p)} R ${fmt(r.value.r)}) · type acc ${fmt(r.typeAcc)} · ${r.sys} found / ${r.gold} gold · ${ms.toFixed(0)} ms`;
const perType = (r) =>
  Object.entries(r.byType)
    .map(([k, v]) => `${k} ${fmt(v.ok / v.n)} (${v.ok}/${v.n})`)
    .join(' · ');

console.log(
  `${otherDir ? corpus : 'TBAQ-cleaned'}: ${docs.length} documents, ${docs.reduce((n, d) => n + d.gold.length, 0)} gold TIMEX3`,
);
for (const split of otherDir ? ['all'] : ['tune', 'check']) {
  const part = docs.filter((d) => d.split === split);
  const t = performance.now();
  const mine = score(part, (d) => timexesOfText(d.text, d.dct));
  console.log(line(`sitrep ${split} (${part.length})`, mine, performance.now() - t));
  console.log(
    `${''.padEnd(18)} value F1 lenient ${fmt(mine.value.f)} · strict (same extent) ${fmt(mine.valueStrict.f)} · ` +
      `type F1 lenient ${fmt(mine.type.f)} · strict ${fmt(mine.typeStrict.f)}`,
  );
  console.log(`${''.padEnd(18)} value accuracy by gold type: ${perType(mine)}`);
  if (argv.includes('--chrono')) {
    const t2 = performance.now();
    console.log(
      line(
        `chrono ${split}`,
        score(part, (d) => chronoTimexes(d.text, d.dct)),
        performance.now() - t2,
      ),
    );
  }
  // Error detail only for the part rules are tuned on: the check part is read as figures.
  if (split === 'check') continue;
  console.log(
    `${''.padEnd(18)} largest value-error classes: ${mine.classes
      .slice(0, 10)
      .map(([k, n]) => `${k} ${n}`)
      .join(' · ')}`,
  );
  console.log(`${''.padEnd(18)} errors by guideline class (value errors, misses, spurious, extent differences):`);
  const single = mine.guideline.filter(([, n]) => n === 1);
  for (const [k, n] of mine.guideline.filter(([, n]) => n > 1))
    console.log(`${''.padEnd(20)}${String(n).padStart(4)}  ${k}`);
  if (single.length) console.log(`${''.padEnd(20)}${String(single.length).padStart(4)}  classes of one error each`);
  const errorKind = opt('kind', '');
  for (const e of mine.errors.filter((x) => x.kind.includes(errorKind)).slice(0, showErrors))
    console.log(`value ${e.doc} [${e.dct}] gold ${e.gold} | got ${e.got}${errorKind ? ` | …${e.context}…` : ''}`);
  for (const e of mine.misses.slice(0, showErrors)) console.log(`missed ${e.doc} ${e.gold} | …${e.context}…`);
  for (const e of mine.spurious.slice(0, showErrors)) console.log(`spurious ${e.doc} ${e.got} | …${e.context}…`);
  for (const e of mine.boundaries.slice(0, showErrors)) console.log(`extent ${e.doc} gold "${e.gold}" got "${e.got}"`);
}

if (!otherDir) {
  const tagger = loadTagger();
  const dateFact = time.factDate
    ? (doc, span) => {
        const f = time.factDate(doc, span);
        return f.date ? { ...f.date, range: f.range, from: f.dateFrom } : null;
      }
    : (doc, span) => time.dateOfSpan(doc, span);
  benchFactDates({
    prepare: (raw, id) => {
      const doc = createDoc(id, raw);
      annotateLanguage(doc, tagger);
      time.annotateTime(doc);
      return doc;
    },
    dateFact,
    showErrors,
  });
}
