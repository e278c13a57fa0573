import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import type { PloverType } from '../../model/index.js';
import { QUAD_CLASS } from '../../model/plover.js';
import {
  candidateFeatures,
  EVENT_MODEL_PATH,
  type EventModelFile,
  type FeatureGroup,
  Linear,
  type LinearFile,
} from '../model.js';
import { type Candidate, trainingCandidates } from './collect.js';
import { DEFAULT_LINEAR, type Example, trainLinear } from './linear.js';

/**
 * `npm run train:events`: trains the events model's gate and type chooser on the candidates the rules emit on the
 * tuning parts of the events bench's gold sets, chooses feature groups, L2, the gate's threshold and the chooser's
 * margin by 5-fold cross-validation grouped by story on those candidates alone, prints the CV table, and writes
 * `models/events.candidate.json` with the table as provenance when the best model beats the rules in CV. The stage
 * never loads a candidate: it is shipped by renaming it to `models/events.json` only when `npx vitest run src/events`
 * also passes with it in place (the tests state behaviour on invented sentences that a model must keep; see
 * docs/events.md). Deterministic: the same data gives the same file.
 */
const FOLDS = 5;
const TYPES = Object.keys(QUAD_CLASS).sort() as PloverType[];
const GROUP_SETS: FeatureGroup[][] = [
  ['trigger'],
  ['trigger', 'object'],
  ['trigger', 'object', 'context'],
  ['trigger', 'object', 'context', 'actors'],
  ['trigger', 'object', 'context', 'actors', 'sentence'],
];
const L2S = [1e-4, 1e-3, 1e-2, 1e-1];
const MARGINS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
const THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];

/** A model is adopted only when its CV accuracy beats the rules' by this much (about three candidates of the gate's). */
const MIN_GAIN = 0.01;
// `-- --force --out FILE`: write the best configuration even when it does not beat the rules, to FILE (to measure
// what it would change and cost; such a file is not committed). `-- --dry-run`: print the CV table only.
const FORCE = process.argv.includes('--force');
const OUT = process.argv.includes('--out')
  ? process.argv[process.argv.indexOf('--out') + 1]!
  : EVENT_MODEL_PATH.replace(/\.json$/, '.candidate.json');

const foldOf = (group: string) =>
  createHash('sha256').update(`sitrep-events-model-cv:${group}`, 'utf8').digest().readUInt32BE(0) % FOLDS;

const all = await trainingCandidates();
// The models judge what the rules emit; the candidates the rules' list of non-events rejected may join the gate's
// training (an option the CV weighs), never its evaluation.
const gateData = all.filter((c) => c.event !== null && !c.c.rejected);
const gateRejected = all.filter((c) => c.event !== null && c.c.rejected);
const chooserData = all.filter((c) => c.type !== null && !c.c.rejected);
const count = (xs: Candidate[], p: (c: Candidate) => boolean) => xs.filter(p).length;
console.log(
  `training candidates ${all.length}: gate-labelled ${gateData.length} (${count(gateData, (c) => !!c.event)} events; and ${gateRejected.length} the rules rejected, ${count(gateRejected, (c) => !!c.event)} events), type-labelled ${chooserData.length}`,
);
for (const set of [...new Set(all.map((c) => c.set))])
  console.log(
    `  ${set.padEnd(20)} gate ${count(gateData, (c) => c.set === set)}  events ${count(gateData, (c) => c.set === set && !!c.event)}  typed ${count(chooserData, (c) => c.set === set)}`,
  );

/** Held-out probabilities for every example, each predicted by the model trained on the other folds. */
function crossValidate(
  data: Candidate[],
  groups: FeatureGroup[],
  l2: number,
  labels: readonly string[],
  label: (c: Candidate) => number,
  extra: Candidate[] = [],
): number[][] {
  const set = new Set(groups);
  const feats = data.map((c) => candidateFeatures(c.c.view, set));
  const extraFeats = extra.map((c) => candidateFeatures(c.c.view, set));
  const out: number[][] = new Array(data.length);
  for (let f = 0; f < FOLDS; f++) {
    const train: Example[] = [];
    for (const [i, c] of data.entries())
      if (foldOf(c.group) !== f) train.push({ features: feats[i]!, label: label(c) });
    for (const [i, c] of extra.entries())
      if (foldOf(c.group) !== f) train.push({ features: extraFeats[i]!, label: label(c) });
    const model = new Linear(trainLinear(train, labels, { ...DEFAULT_LINEAR, l2 }));
    for (const [i, c] of data.entries()) if (foldOf(c.group) === f) out[i] = model.probabilities(feats[i]!);
  }
  return out;
}

const r3 = (x: number) => x.toFixed(3);
const table: Array<Record<string, unknown>> = [];

// ---- the type chooser
const typeIndex = (t: string) => TYPES.indexOf(t as PloverType);
const ruleAcc = count(chooserData, (c) => c.c.view.type === c.type) / chooserData.length;
console.log(`\nchooser: ${chooserData.length} candidates, rules' type right ${r3(ruleAcc)}`);
// Where the rules' type differs from the label: how many distinct confusions, and how often each occurs.
const confusions = new Map<string, number>();
for (const c of chooserData)
  if (c.c.view.type !== c.type) {
    const key = `${c.c.view.type}→${c.type}`;
    confusions.set(key, (confusions.get(key) ?? 0) + 1);
  }
console.log(
  `  rules' type differs on ${count(chooserData, (c) => c.c.view.type !== c.type)}: ${[...confusions]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
console.log('  groups                                   l2      margin  CV acc  changed  right→wrong  wrong→right');
let bestChooser = { acc: FORCE ? -1 : ruleAcc, groups: null as FeatureGroup[] | null, l2: 0, margin: 0 };
for (const groups of GROUP_SETS)
  for (const l2 of L2S) {
    const probs = crossValidate(chooserData, groups, l2, TYPES, (c) => typeIndex(c.type!));
    for (const margin of MARGINS) {
      let right = 0;
      let changed = 0;
      let broke = 0;
      let fixed = 0;
      for (const [i, c] of chooserData.entries()) {
        const p = probs[i]!;
        let best = 0;
        for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
        const rule = typeIndex(c.c.view.type);
        const chosen = p[best]! - (rule < 0 ? 0 : p[rule]!) > margin ? TYPES[best]! : c.c.view.type;
        if (chosen !== c.c.view.type) changed++;
        if (chosen === c.type) right++;
        if (chosen !== c.type && c.c.view.type === c.type) broke++;
        if (chosen === c.type && c.c.view.type !== c.type) fixed++;
      }
      const acc = right / chooserData.length;
      table.push({ model: 'chooser', groups: groups.join('+'), l2, margin, acc, changed, broke, fixed });
      console.log(
        `  ${groups.join('+').padEnd(40)} ${String(l2).padEnd(7)} ${String(margin).padEnd(7)} ${r3(acc)}   ${String(changed).padStart(5)}   ${String(broke).padStart(6)}       ${String(fixed).padStart(6)}`,
      );
      if (acc > Math.max(bestChooser.acc, FORCE ? -1 : ruleAcc + MIN_GAIN) + 1e-9)
        bestChooser = { acc, groups, l2, margin };
    }
  }

// What the chosen chooser changes in CV (training candidates only).
if (bestChooser.groups) {
  const probs = crossValidate(chooserData, bestChooser.groups, bestChooser.l2, TYPES, (c) => typeIndex(c.type!));
  const moves = new Map<string, number>();
  for (const [i, c] of chooserData.entries()) {
    const p = probs[i]!;
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
    const rule = typeIndex(c.c.view.type);
    if (p[best]! - (rule < 0 ? 0 : p[rule]!) <= bestChooser.margin) continue;
    const key = `${c.set} ${c.c.view.type}→${TYPES[best]} (gold ${c.type}) ${c.c.view.words.slice(c.c.view.ts, c.c.view.te).join(' ')}`;
    moves.set(key, (moves.get(key) ?? 0) + 1);
  }
  if (process.argv.includes('--moves')) for (const [k, n] of [...moves].sort()) console.log(`  move ${k} ×${n}`);
}

// ---- the gate
const positives = count(gateData, (c) => !!c.event);
const keepAll = positives / gateData.length;
console.log(`\ngate: ${gateData.length} candidates, ${positives} events; keeping all is right on ${r3(keepAll)}`);
console.log(
  '  groups                                   rejected l2      thresh  CV acc  dropped  events dropped  kept P  kept R',
);
let bestGate = {
  acc: FORCE ? -1 : keepAll,
  groups: null as FeatureGroup[] | null,
  l2: 0,
  threshold: 0,
  withRejected: false,
};
for (const withRejected of [false, true])
  for (const groups of GROUP_SETS)
    for (const l2 of L2S) {
      const probs = crossValidate(
        gateData,
        groups,
        l2,
        ['no', 'yes'],
        (c) => (c.event ? 1 : 0),
        withRejected ? gateRejected : [],
      );
      for (const threshold of THRESHOLDS) {
        let right = 0;
        let dropped = 0;
        let droppedEvents = 0;
        for (const [i, c] of gateData.entries()) {
          const keep = probs[i]![1]! >= threshold;
          if (keep === c.event) right++;
          if (!keep) dropped++;
          if (!keep && c.event) droppedEvents++;
        }
        const acc = right / gateData.length;
        const keptP = (positives - droppedEvents) / Math.max(1, gateData.length - dropped);
        const keptR = (positives - droppedEvents) / positives;
        table.push({
          model: 'gate',
          groups: groups.join('+'),
          withRejected,
          l2,
          threshold,
          acc,
          dropped,
          droppedEvents,
          keptP,
          keptR,
        });
        console.log(
          `  ${groups.join('+').padEnd(40)} ${String(withRejected).padEnd(8)} ${String(l2).padEnd(7)} ${String(threshold).padEnd(7)} ${r3(acc)}   ${String(dropped).padStart(5)}   ${String(droppedEvents).padStart(9)}       ${r3(keptP)}   ${r3(keptR)}`,
        );
        if (acc > Math.max(bestGate.acc, FORCE ? -1 : keepAll + MIN_GAIN) + 1e-9)
          bestGate = { acc, groups, l2, threshold, withRejected };
      }
    }

// ---- the final models, on all training candidates, with the options the CV chose
const finalModel = (
  data: Candidate[],
  groups: FeatureGroup[],
  l2: number,
  labels: readonly string[],
  label: (c: Candidate) => number,
): LinearFile => {
  const set = new Set(groups);
  return trainLinear(
    data.map((c) => ({ features: candidateFeatures(c.c.view, set), label: label(c) })),
    labels,
    { ...DEFAULT_LINEAR, l2 },
  );
};
const file: EventModelFile = {
  version: 1,
  gateGroups: bestGate.groups ?? [],
  chooserGroups: bestChooser.groups ?? [],
  gate: bestGate.groups
    ? finalModel(
        bestGate.withRejected ? [...gateData, ...gateRejected] : gateData,
        bestGate.groups,
        bestGate.l2,
        ['no', 'yes'],
        (c) => (c.event ? 1 : 0),
      )
    : null,
  gateThreshold: bestGate.threshold,
  chooser: bestChooser.groups
    ? finalModel(chooserData, bestChooser.groups, bestChooser.l2, TYPES, (c) => typeIndex(c.type!))
    : null,
  chooserMargin: bestChooser.margin,
  provenance: {
    trainedBy: 'npm run train:events',
    data: 'candidates the rules emit on the tuning parts of the events bench (PLOVER dev half, PETRARCH-2 validation and unit-test sentences split by bench/events/gold.js; bench/devsets/events-realnews.jsonl tune split); check parts never read',
    candidates: {
      all: all.length,
      gate: gateData.length,
      gateEvents: positives,
      gateRejected: gateRejected.length,
      chooser: chooserData.length,
    },
    cv: `${FOLDS}-fold grouped by story; chooser metric: type accuracy on type-labelled candidates (rules ${r3(ruleAcc)}); gate metric: keep/drop accuracy (keep all ${r3(keepAll)})`,
    linear: DEFAULT_LINEAR,
    chosen: { chooser: bestChooser, gate: bestGate },
    table,
  },
};
console.log(
  `\nchosen: chooser ${bestChooser.groups ? `${bestChooser.groups.join('+')} l2 ${bestChooser.l2} margin ${bestChooser.margin} CV ${r3(bestChooser.acc)} (rules ${r3(ruleAcc)})` : 'none (rules not beaten)'}; gate ${bestGate.groups ? `${bestGate.groups.join('+')} l2 ${bestGate.l2} threshold ${bestGate.threshold} CV ${r3(bestGate.acc)} (keep all ${r3(keepAll)})` : 'none (keep-all not beaten)'}`,
);
if (process.argv.includes('--dry-run')) process.exit(0);
if (!file.gate && !file.chooser) {
  // Nothing learned beats the rules: no file, and the stage runs on its rules (a file left from an earlier run is
  // named so that it can be removed by hand).
  console.log(
    `no model written: the stage keeps its rules${existsSync(OUT) ? ` (${OUT} is from an earlier run)` : ''}`,
  );
} else {
  writeFileSync(OUT, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${OUT}`);
}
