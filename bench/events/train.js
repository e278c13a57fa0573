// Trains the events stage's learned step (src/events/learned.ts) and writes src/events/data/event-model.ts.
// Training material: the TUNING halves only — PLOVER dev half, PETRARCH-2 validation sentences, the real-news set
// (the check halves are never read here). Each event the rules code is labelled by one-to-one matching on type with the
// gold events of its sentence (real news: its type, `alt` types or intended `action`). Model selection (feature groups,
// L2 penalty, threshold) by 5-fold cross-validation grouped by story, scored by precision-weighted F (β = 0.5) over
// the gold events of the training sentences.
// Usage: npm run train:events [-- --dry-run]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { annotateEvents } from '../../dist/events/index.js';
import { eventFeatures } from '../../dist/events/learned.js';
import { predict, trainLogistic } from '../../dist/events/train/logistic.js';
import { annotateLanguage } from '../../dist/language/index.js';
import { loadTagger } from '../../dist/language/ner/index.js';
import { annotateQuotes } from '../../dist/quotes/index.js';
import { annotateTime } from '../../dist/time/index.js';
import { DocumentStore, loadDevset } from '../devsets/load.js';
import { makeDoc } from './doc.js';
import { goldRecords } from './gold.js';
import { asserted, matchOneToOne } from './score.js';

const dryRun = process.argv.includes('--dry-run');
/** `--errors`: list the coded events of the training sentences with their out-of-fold probability. */
const showErrors = process.argv.includes('--errors');
const FOLDS = 5;
const OPTIONAL = ['position', 'lemma', 'context'];
const GROUPS = Array.from({ length: 1 << OPTIONAL.length }, (_, m) => OPTIONAL.filter((_, i) => m & (1 << i)));
const L2 = [0.01, 0.03, 0.1];
/**
 * The PLOVER records code one event per sentence, so an event they do not match may still be real: its label is
 * unknown. Training gives such events this weight as negatives (a setting CV chooses); CV scoring leaves them out.
 */
const PLOVER_NEGATIVE_WEIGHTS = [0, 0.25, 0.5];

const tagger = loadTagger();
/** Per training sentence: its story, gold event count and the coded events with descriptions and labels. */
const sentences = [];

function label(story, events, golds, typesOf, unknownNegatives) {
  const ordered = [...events.filter((x) => asserted(x.event)), ...events.filter((x) => !asserted(x.event))];
  const m = matchOneToOne(
    ordered.map((x) => x.event),
    golds,
    (e, g) => typesOf(g).includes(e.type),
  );
  sentences.push({
    story,
    gold: golds.length,
    events: ordered.map((x, i) => ({
      description: x.description,
      shown: showErrors
        ? `${x.event.type}${x.event.mode ? `/${x.event.mode}` : ''} [${x.event.trigger.text}] ${x.event.source.map((a) => a.text).join('+')} → ${x.event.target.map((a) => a.text).join('+')}`
        : '',
      label: m[i] >= 0 ? 1 : 0,
      unknown: m[i] < 0 && unknownNegatives,
    })),
  });
}

function code(doc, quotes) {
  annotateLanguage(doc, tagger);
  annotateTime(doc);
  if (quotes) annotateQuotes(doc);
  const coded = [];
  annotateEvents(doc, { model: null, describe: (event, description) => coded.push({ event, description }) });
  return coded;
}

for (const r of goldRecords()) {
  if (r.split !== 'tune' || r.set === 'petrarch2-unittest') continue;
  const coded = code(makeDoc(r.id, r.text, r.date), false);
  label(`${r.set}:${r.story}`, coded, r.events, (g) => [g.type], r.set === 'plover');
}
const records = loadDevset().filter((r) => r.split === 'tune');
const byDoc = new Map();
for (const r of records) {
  if (!byDoc.has(r.doc)) byDoc.set(r.doc, []);
  byDoc.get(r.doc).push(r);
}
// Folds group real news by story (ECB+ cluster, Timeline17 topic and day, PolNeAR article), as the tune/check split does.
const store = new DocumentStore();
for (const [id, rs] of byDoc) {
  const coded = code(makeDoc(id, rs[0].text, rs[0].published), true);
  for (const r of rs) {
    const inSentence = coded.filter(
      (x) => x.event.trigger.start < r.sentence.end && x.event.trigger.end > r.sentence.start,
    );
    label(
      `realnews:${store.group(id)}`,
      inSentence,
      r.events,
      (g) => [g.type, ...(g.alt ?? []), g.action].filter(Boolean),
      false,
    );
  }
}

const foldOf = (story) => createHash('sha256').update(story).digest()[0] % FOLDS;
const examplesOf = (list, groups, unknownWeight) =>
  list.flatMap((s) =>
    s.events
      .filter((e) => !e.unknown || unknownWeight > 0)
      .map((e) => ({
        features: eventFeatures(e.description, groups),
        label: e.label,
        weight: e.unknown ? unknownWeight : 1,
      })),
  );

/** Precision-weighted F over the gold events of `list` for the kept events at `threshold`. */
const fHalf = (list, probs, threshold) => prf(list, probs, threshold).f;

function prf(list, probs, threshold) {
  let tp = 0;
  let fp = 0;
  let gold = 0;
  let k = 0;
  for (const s of list) {
    gold += s.gold;
    for (const e of s.events) {
      if (probs[k++] >= threshold) {
        if (e.label) tp++;
        else if (!e.unknown) fp++;
      }
    }
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (1.25 * p * r) / (0.25 * p + r) : 0 };
}

const THRESHOLDS = Array.from({ length: 15 }, (_, i) => i * 0.05);
const nEvents = sentences.reduce((n, s) => n + s.events.length, 0);
const nPos = sentences.reduce((n, s) => n + s.events.filter((e) => e.label).length, 0);
const nGold = sentences.reduce((n, s) => n + s.gold, 0);
console.log(
  `training sentences ${sentences.length}, gold events ${nGold}, coded events ${nEvents} (${nPos} right by type)`,
);
console.log(`no model (keep all): F0.5 ${fHalf(sentences, Array(nEvents).fill(1), 0).toFixed(3)}`);
const nUnknown = sentences.reduce((n, s) => n + s.events.filter((e) => e.unknown).length, 0);
console.log(`unmatched events of PLOVER sentences (label unknown): ${nUnknown}`);

let best = null;
for (const groups of GROUPS)
  for (const l2 of L2)
    for (const unknownWeight of PLOVER_NEGATIVE_WEIGHTS) {
      // Out-of-fold probabilities, in the order of `sentences`.
      const probs = new Array(nEvents);
      for (let fold = 0; fold < FOLDS; fold++) {
        const train = sentences.filter((s) => foldOf(s.story) !== fold);
        const weights = trainLogistic(examplesOf(train, groups, unknownWeight), { l2 });
        let k = 0;
        for (const s of sentences)
          for (const e of s.events) {
            if (foldOf(s.story) === fold) probs[k] = predict(weights, eventFeatures(e.description, groups));
            k++;
          }
      }
      const scored = THRESHOLDS.map((t) => ({ t, f: fHalf(sentences, probs, t) }));
      const top = scored.reduce((a, b) => (b.f > a.f ? b : a));
      console.log(
        `groups [${groups.join(',')}] l2 ${l2} unknown ${unknownWeight}: CV F0.5 ${top.f.toFixed(3)} at threshold ${top.t.toFixed(2)}  (t=0.5: ${fHalf(sentences, probs, 0.5).toFixed(3)})`,
      );
      if (!best || top.f > best.f + 1e-9) best = { groups, l2, unknownWeight, threshold: top.t, f: top.f, probs };
    }
console.log(
  `chosen: groups [${best.groups.join(',')}] l2 ${best.l2} unknown ${best.unknownWeight} threshold ${best.threshold.toFixed(2)} (CV F0.5 ${best.f.toFixed(3)})`,
);

if (showErrors) {
  let k = 0;
  for (const s of sentences) {
    const words = s.events[0]?.description.words;
    const d = s.events[0]?.description;
    if (d) console.log(`${s.story} gold ${s.gold}: ${words.slice(d.s0, d.s1).join(' ')}`);
    for (const e of s.events)
      console.log(`   ${e.label ? '+' : e.unknown ? '?' : '-'} ${best.probs[k++].toFixed(2)} ${e.shown}`);
  }
}
// Out-of-fold figures of the chosen setting per training set, beside keeping every event.
for (const set of ['plover', 'petrarch2-gsr', 'realnews']) {
  const probs = [];
  const list = [];
  let k = 0;
  for (const s of sentences) {
    for (const _ of s.events)
      if (s.story.startsWith(`${set}:`)) probs.push(best.probs[k++]);
      else k++;
    if (s.story.startsWith(`${set}:`)) list.push(s);
  }
  const all = prf(
    list,
    probs.map(() => 1),
    0,
  );
  const cv = prf(list, probs, best.threshold);
  console.log(
    `  ${set.padEnd(14)} keep-all P ${all.p.toFixed(3)} R ${all.r.toFixed(3)} F0.5 ${all.f.toFixed(3)}  →  CV P ${cv.p.toFixed(3)} R ${cv.r.toFixed(3)} F0.5 ${cv.f.toFixed(3)}`,
  );
}

const weights = trainLogistic(examplesOf(sentences, best.groups, best.unknownWeight), { l2: best.l2 });
const kept = Object.entries(weights)
  .map(([f, w]) => [f, Math.round(w * 1000) / 1000])
  .filter(([, w]) => w !== 0)
  .sort(([a], [b]) => (a < b ? -1 : 1));
const model = { groups: best.groups, threshold: best.threshold, weights: Object.fromEntries(kept) };
const file = new URL('../../src/events/data/event-model.ts', import.meta.url);
const text = `// Generated by \`npm run train:events\` (bench/events/train.js): do not edit by hand.
// A logistic model over the features of src/events/learned.ts, trained on the tuning halves of the events dev
// sets (PLOVER dev half, PETRARCH-2 validation sentences, the real-news set); provenance in docs/events.md.
// Training: ${sentences.length} sentences, ${nGold} gold events, ${nEvents} coded events; chosen by ${FOLDS}-fold CV
// grouped by story: groups [${best.groups.join(', ')}], L2 ${best.l2}, unmatched PLOVER events weighted
// ${best.unknownWeight}, threshold ${best.threshold.toFixed(2)}, CV F0.5 ${best.f.toFixed(3)}.

export interface EventModel {
  /** Feature groups beyond the base set (see \`eventFeatures\`). */
  groups: string[];
  /** Events scoring below this are dropped. */
  threshold: number;
  weights: Record<string, number>;
}

export const EVENT_MODEL: EventModel = ${JSON.stringify(model)};
`;
if (!dryRun) {
  writeFileSync(file, text);
  console.log(`wrote ${file.pathname} (${kept.length} weights)`);
}
