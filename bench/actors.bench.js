// Actor precision on real news, stand-off: the language stage over 40 Timeline17 input articles drawn by a seeded
// rule (bench/devsets/README-actors.md), one row per article and actor key, each row labelled by hand in
// bench/devsets/actors-realnews.jsonl (document id, type, first mention's offsets, label; never text: a row's
// actor key is recomputed from the offsets at run time, see labelsByKey).
// Prints, per split (tune, check): rows, labelled rows, good, junk by class, wrong type, should merge, and
// precision strict (good / labelled) and lenient (not junk / labelled); rows the labels do not cover are counted
// apart ("new") and, with --list, printed with the tune split's errors (key, type and label; no text).
// Usage: npm run bench:actors [-- --list] [-- --draft FILE] (--draft writes unlabelled rows as label stubs).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotateLanguage } from '../dist/language/index.js';
import { loadTagger } from '../dist/language/ner/index.js';
import { nameKey } from '../dist/language/normalize.js';
import { createDoc, textArticle } from '../dist/model/index.js';
import { ActorTally, resolveActors } from '../dist/resolve/actors.js';
import { DocumentStore, textSha } from './devsets/load.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const LABELS = join(HERE, 'devsets/actors-realnews.jsonl');
const SALT = 'sitrep-actors-realnews/1:';
const SIZE = 40;
const MIN_WORDS = 150;
const MAX_WORDS = 900;

const args = process.argv.slice(2);
const list = args.includes('--list');
const draftAt = args.indexOf('--draft');
const draft = draftAt >= 0 ? args[draftAt + 1] : null;

/** The draw: Timeline17 input articles ordered by sha256(SALT + id), the first SIZE of 150–900 words; even draw
 *  positions tune, odd check. */
export function drawActorDocs(store = new DocumentStore()) {
  const base = join(store.dataDir, 'timeline17');
  const ids = [];
  for (const collection of readdirSync(base).sort()) {
    const dir = join(base, collection, 'InputDocs');
    if (!existsSync(dir)) continue;
    for (const day of readdirSync(dir).sort())
      for (const f of readdirSync(join(dir, day)).sort())
        if (f.endsWith('.htm.txt')) ids.push(`timeline17:${collection}/InputDocs/${day}/${f}`);
  }
  const h = (id) =>
    createHash('sha256')
      .update(SALT + id, 'utf8')
      .digest('hex');
  const keyed = ids.map((id) => [h(id), id]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const out = [];
  for (const [, id] of keyed) {
    if (out.length >= SIZE) break;
    const words = store.text(id).split(/\s+/).filter(Boolean).length;
    if (words < MIN_WORDS || words > MAX_WORDS) continue;
    out.push({ doc: id, split: out.length % 2 === 0 ? 'tune' : 'check' });
  }
  return out;
}

/** One row per actor key of an article: type by most mentions, the first mention's offsets. */
export function actorRows(doc) {
  const rows = new Map();
  for (const m of doc.entities) {
    if (!m.actorKey) continue;
    let r = rows.get(m.actorKey);
    if (!r) {
      r = { key: m.actorKey, types: new Map(), span: [m.start, m.end], spans: [], n: 0, role: null, code: '' };
      rows.set(m.actorKey, r);
    }
    r.n++;
    r.types.set(m.type, (r.types.get(m.type) ?? 0) + 1);
    r.spans.push([m.start, m.end]);
    r.role ??= m.role;
    if (m.code && m.code.length > r.code.length) r.code = m.code;
  }
  return [...rows.values()].map((r) => {
    let type = '';
    let best = -1;
    for (const [t, n] of r.types) if (n > best) [type, best] = [t, n];
    return { ...r, type };
  });
}

const KEY_PREFIX = { PERSON: 'person', ORG: 'org', GPE: 'loc', LOC: 'loc', MISC: 'misc', NORP: 'misc' };

/**
 * The labels of one document by `doc<TAB>key<TAB>type`. The file stores no key (a key spells the name): a label's
 * key is the actor key the language stage gives the mention at the label's offsets, or, when no mention has those
 * offsets, the key of the text there as the label's type would spell it (prefix and normalized text).
 */
export function labelsByKey(doc, text, labels) {
  const atSpan = new Map(doc.entities.filter((m) => m.actorKey).map((m) => [`${m.start}\t${m.end}`, m.actorKey]));
  const out = new Map();
  for (const l of labels) {
    if (l.doc !== doc.id) continue;
    const key =
      atSpan.get(`${l.span[0]}\t${l.span[1]}`) ??
      `${KEY_PREFIX[l.type] ?? 'misc'}:${nameKey(text.slice(l.span[0], l.span[1]))}`;
    out.set(`${l.doc}\t${key}\t${l.type}`, l);
  }
  return out;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const store = new DocumentStore();
  const labels = existsSync(LABELS)
    ? readFileSync(LABELS, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
  const bySpan = new Map(labels.map((l) => [`${l.doc}\t${l.span[0]}\t${l.span[1]}`, l]));
  const tagger = loadTagger();
  const tally = {};
  const stubs = [];
  let cpu = 0;
  const actorTally = new ActorTally();
  for (const { doc: id, split } of drawActorDocs(store)) {
    const text = store.text(id);
    const sha = textSha(text);
    const doc = createDoc(id, textArticle(text, id));
    const t0 = process.cpuUsage();
    annotateLanguage(doc, loadTagger === null ? undefined : tagger);
    const t = process.cpuUsage(t0);
    cpu += t.user + t.system;
    actorTally.addDoc(doc);
    const byKey = labelsByKey(doc, text, labels);
    const s = (tally[split] ??= {
      rows: 0,
      labelled: 0,
      good: 0,
      type: {},
      merge: 0,
      junk: {},
      fresh: [],
      errors: [],
      lost: [],
    });
    const produced = new Set();
    for (const r of actorRows(doc)) {
      produced.add(`${id}\t${r.key}\t${r.type}`);
      for (const [a, b] of r.spans) produced.add(`${id}\t${a}\t${b}`);
      s.rows++;
      let l = byKey.get(`${id}\t${r.key}\t${r.type}`);
      // A row whose key or type changed keeps its label when one of its mentions is the labelled first mention
      // and the label said the type was wrong or the row should merge (the change is what the label asked for).
      if (!l)
        for (const [a, b] of r.spans) {
          const c = bySpan.get(`${id}\t${a}\t${b}`);
          if (c && (c.label.startsWith('type') || c.label === 'merge')) {
            l = { ...c, label: 'good' };
            break;
          }
        }
      if (l && l.sha !== sha) throw new Error(`${id}: text changed since labelling`);
      if (!l) {
        s.fresh.push(`${id}\t${r.key}\t${r.type}`);
        stubs.push({ doc: id, sha, split, type: r.type, span: r.span, label: '?' });
        continue;
      }
      s.labelled++;
      if (list && split === 'tune' && l.label !== 'good') s.errors.push(`${l.label}\t${id}\t${r.key}\t${r.type}`);
      const [kind, cls = ''] = l.label.split(':');
      if (kind === 'good') s.good++;
      else if (kind === 'type') s.type[cls] = (s.type[cls] ?? 0) + 1;
      else if (kind === 'merge') s.merge++;
      else s.junk[cls] = (s.junk[cls] ?? 0) + 1;
    }
    // Good rows the pipeline no longer gives (neither the key nor the labelled first mention): lost actors.
    for (const [k, l] of byKey)
      if (l.label === 'good')
        if (!produced.has(k) && !produced.has(`${id}\t${l.span[0]}\t${l.span[1]}`)) s.lost.push(`lost\t${k}`);
  }
  for (const split of ['tune', 'check']) {
    const s = tally[split];
    if (!s) continue;
    const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
    const classes = (o) =>
      Object.entries(o)
        .sort()
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    const junk = sum(s.junk);
    const p = (x) => (s.labelled ? (x / s.labelled).toFixed(3) : '-');
    console.log(
      `${split}: rows ${s.rows}, labelled ${s.labelled}, new ${s.fresh.length}; good ${s.good}; junk ${junk} (${classes(s.junk)}); wrong type ${sum(s.type)} (${classes(s.type)}); should merge ${s.merge}; good rows lost ${s.lost.length}; precision strict ${p(s.good)}, lenient ${p(s.labelled - junk)}`,
    );
    if (list && split === 'tune')
      for (const f of [...s.fresh.map((x) => `new\t${x}`), ...s.lost, ...s.errors]) console.log(`  ${f}`);
  }
  // Heads of state or government among the resolved actors of the 40 articles (a person whose roles include
  // such a title): how many carry a code with a country and a sector.
  const HEAD = /^(?:president|prime minister|premier|chancellor|king|queen|emir|sultan|leader|supreme leader)$/i;
  const heads = resolveActors(actorTally).actors.filter(
    (a) => a.type === 'PERSON' && a.roles.some((r) => HEAD.test(r.replace(/^(?:former|then|late|vice) /i, ''))),
  );
  const coded = heads.filter((a) => /^[A-Z]{3}(?:GOV|MIL|LEG)/.test(a.code));
  console.log(
    `heads of state or government (resolved over the 40 articles): ${heads.length}, with role and country code ${coded.length}`,
  );
  if (list) for (const a of heads) console.log(`  head\t${a.key}\t${a.roles.join('/')}\t${a.code}`);
  console.log(`language stage cpu ${(cpu / 1e6).toFixed(2)} s`);
  if (draft) writeFileSync(draft, stubs.map((x) => JSON.stringify(x)).join('\n') + (stubs.length ? '\n' : ''));
}
