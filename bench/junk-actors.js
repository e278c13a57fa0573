// Junk actors on real news: runs the language and quotes stages over a sample of the Timeline17 input articles
// (every `--every`-th file, default 6) and counts entity mentions of kinds an analyst should never see in the
// Actors list, by general patterns (no list of expected answers):
//   rank    a PERSON whose first word is a title or rank ("Staff Smith" from "Chief of Staff Smith")
//   pair    a mention "A-B" whose halves are both surnames of persons of the same article ("Obama-Hayward")
//   tz      a time-zone label as an entity ("Singapore Time", "GMT", "Eastern Standard Time")
//   spokes  a name right after "spokesman"/"spokeswoman"/"spokesperson" that is not a PERSON
//   place   a PERSON whose whole text is a country, capital or seat in the gazetteer
// It also counts speakers: quotes whose speaker as written is a pronoun or a role noun and stayed unresolved.
// The texts are read from the shared data folder and never kept. Usage: npm run bench:junk [-- --every N --list]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateLanguage, gazetteer } from '../dist/language/index.js';
import { loadTagger } from '../dist/language/ner/index.js';
import { createDoc, textArticle } from '../dist/model/index.js';
import { annotateQuotes } from '../dist/quotes/index.js';
import { TIMELINE17 } from './timeline17-input.js';

const args = process.argv.slice(2);
const every = Number(args[args.indexOf('--every') + 1]) || 6;
const list = args.includes('--list');

const files = [];
if (!TIMELINE17) throw new Error('Timeline17 not found in the shared data: set SITREP_SHARED_DATA');
for (const collection of readdirSync(TIMELINE17).sort()) {
  const dir = join(TIMELINE17, collection, 'InputDocs');
  let days;
  try {
    days = readdirSync(dir).sort();
  } catch {
    continue;
  }
  for (const day of days) for (const f of readdirSync(join(dir, day)).sort()) files.push(join(dir, day, f));
}
const sample = files.filter((_, i) => i % every === 0);

const RANKS = new Set(
  `president vice prime minister secretary chancellor governor mayor senator sen rep representative congressman
  congresswoman spokesman spokeswoman spokesperson chief staff sergeant sgt corporal cpl private pte lieutenant lt
  captain capt major maj colonel col general gen admiral adm commander commissioner inspector superintendent
  constable detective officer director chairman chairwoman ambassador envoy judge justice attorney leader king queen
  prince princess ceo executive deputy assistant acting former dr doctor professor prof mr mrs ms sir lord lady`
    .split(/\s+/)
    .filter(Boolean),
);
const TZ_ABBR = /^(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|KST|JST|SGT|AEST|AEDT|HKT)$/;
const TZ_ZONE = /^(Eastern|Central|Mountain|Pacific|Atlantic|Greenwich)(?: (?:Standard|Daylight|Mean))? Time$/;
const TZ_PLACE = /^(.+?)(?: (?:Standard|Daylight|Summer))? Time$/;
const SPOKES = /\b(?:spokesman|spokeswoman|spokesperson)\s+$/i;

const tagger = loadTagger();
const gaz = gazetteer();
const counts = { rank: 0, pair: 0, tz: 0, spokes: 0, place: 0 };
/** A time-zone label: an abbreviation, a named zone, or "<country or capital> [Standard] Time". */
const isTimeZone = (t) => {
  if (TZ_ABBR.test(t) || TZ_ZONE.test(t)) return true;
  const m = TZ_PLACE.exec(t);
  const g = m ? gaz.lookup(m[1]) : null;
  return !!g && (g.kind === 'country' || g.kind === 'capital');
};
const examples = Object.fromEntries(Object.keys(counts).map((k) => [k, new Map()]));
let mentions = 0;
let quotes = 0;
let unresolved = 0;
const t0 = process.cpuUsage();
for (const f of sample) {
  const text = readFileSync(f, 'utf8');
  if (!text.trim()) continue;
  const doc = createDoc(f, textArticle(text, f));
  annotateLanguage(doc, tagger);
  annotateQuotes(doc);
  const surnames = new Set();
  for (const e of doc.entities) if (e.type === 'PERSON') surnames.add(e.text.split(/\s+/).pop());
  const hit = (kind, e) => {
    counts[kind]++;
    const key = `${e.type} ${e.text}`;
    examples[kind].set(key, (examples[kind].get(key) ?? 0) + 1);
  };
  for (const e of doc.entities) {
    mentions++;
    const words = e.text.split(/\s+/);
    if (e.type === 'PERSON' && words.length > 1 && RANKS.has(words[0].toLowerCase().replace(/\.$/, ''))) hit('rank', e);
    const halves = e.text.split('-');
    if (halves.length === 2 && halves.every((h) => /^\p{Lu}/u.test(h) && surnames.has(h)) && halves[0] !== halves[1])
      hit('pair', e);
    if (isTimeZone(e.text)) hit('tz', e);
    if (e.type !== 'PERSON' && SPOKES.test(text.slice(Math.max(0, e.start - 20), e.start))) hit('spokes', e);
    const g = e.type === 'PERSON' ? gaz.lookup(e.text) : null;
    if (g && (g.kind === 'country' || g.kind === 'capital' || g.kind === 'seat')) hit('place', e);
  }
  for (const q of doc.quotes) {
    if (!q.speaker) continue;
    quotes++;
    if (!q.speakerKey && /^(?:he|she|they|it|his|her|its|their|the|a|an)\b/i.test(q.speaker.text)) unresolved++;
  }
}
const cpu = process.cpuUsage(t0);
console.log(
  `junk actors, Timeline17 sample (every ${every}th of ${files.length} files: ${sample.length} articles, ${mentions} mentions)`,
);
console.log(
  `  ${Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join('  ')}   total ${Object.values(counts).reduce((a, b) => a + b, 0)}`,
);
console.log(
  `  quotes with a speaker ${quotes}, pronoun/description speakers left unresolved ${unresolved}   cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
);
if (list)
  for (const [k, m] of Object.entries(examples))
    for (const [key, n] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${k}\t${n}\t${key}`);
