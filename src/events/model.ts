import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PloverType } from '../model/index.js';
import type { ActorCandidate } from './actors.js';
import {
  ABSTRACT_TARGETS,
  DISASTERS,
  DISSENT_WORDS,
  NON_MATERIAL_OBJECTS,
  SPORTS_WORDS,
  VIOLENCE_WORDS,
  WEAPONS,
} from './data/not-events.js';
import { DETERMINERS, REPORTING } from './data/words.js';
import type { CompiledTrigger } from './lexicon.js';

/**
 * The learned part of the events stage (optional): a gate that tells a candidate the rules propose from no event
 * at all, and a chooser of its PLOVER type. Both are linear models (multinomial logistic regression) over sparse
 * string features of the candidate, trained by `npm run train:events` and committed as `models/events.json`; when
 * the file is missing the stage runs on its rules alone. See docs/events.md for the features and how they were chosen.
 */

/** What the features are read from: one candidate at the point where its type and modality are known. */
export interface CandidateView {
  words: readonly string[];
  s0: number;
  s1: number;
  ts: number;
  te: number;
  trigger: Pick<CompiledTrigger, 'pattern' | 'cameo' | 'verb' | 'kind'>;
  /** The type the rules give the act (before an intention is coded AGREE/THREATEN). */
  type: PloverType;
  source: readonly ActorCandidate[];
  target: readonly ActorCandidate[];
  mode: string | null;
  negated: boolean;
  hypothetical: boolean;
  passive: boolean;
}

/** Feature groups a model may use; the training script chooses among them by cross-validation. */
export type FeatureGroup = 'trigger' | 'object' | 'context' | 'actors' | 'sentence';
export const FEATURE_GROUPS: readonly FeatureGroup[] = ['trigger', 'object', 'context', 'actors', 'sentence'];

/** A crude stem, enough to join inflections of a trigger word ("attacked", "attacks" → "attack"). */
export function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && /(s|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** A short key for a lexicon pattern (a CAMEO pattern lists dozens of synonyms): FNV-1a of its text, in hex. */
function patternKey(pattern: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < pattern.length; i++) h = Math.imul(h ^ pattern.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/** The class of an actor candidate: a person, a state, a group by its sector code, a place, a pronoun. */
function actorClass(c: ActorCandidate): string {
  if (c.kind === 'pronoun') return 'pron';
  if (c.kind === 'place') return 'place';
  if (c.media) return 'media';
  if (c.person) return 'person';
  if (c.actorKey?.startsWith('country:')) return 'state';
  if (c.actorKey) return c.code.length > 3 ? `named:${c.code.slice(-3)}` : 'named';
  return c.code.length >= 3 ? `group:${c.code.slice(-3)}` : 'group';
}

function sideClass(side: readonly ActorCandidate[]): string {
  return side.length === 0 ? 'none' : actorClass(side[0]!);
}

/** The head of the object after the trigger: the first word past determiners and up to two modifiers. */
function objectHead(words: readonly string[], te: number, s1: number): string | null {
  let j = te;
  while (j < s1 && DETERMINERS.has(words[j]!)) j++;
  if (j >= s1 || !/^[a-z]/.test(words[j]!)) return null;
  // Take the last of a short run of words before a preposition or punctuation: "a new military base" → base.
  let k = j;
  while (k + 1 < s1 && k - j < 2 && /^[a-z][a-z-]*$/.test(words[k + 1]!) && !STOP_AFTER.has(words[k + 1]!)) k++;
  return words[k]!;
}

const STOP_AFTER: ReadonlySet<string> = new Set([
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'and',
  'or',
  'but',
  'that',
  'which',
  'who',
  'as',
  'after',
  'before',
  'over',
  'into',
  'against',
  'said',
  'says',
  'is',
  'was',
  'were',
  'are',
]);

function wordClass(word: string | null): string | null {
  if (!word) return null;
  const w = word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  const has = (set: ReadonlySet<string>) => set.has(word) || set.has(w);
  if (has(ABSTRACT_TARGETS) || has(NON_MATERIAL_OBJECTS)) return 'abstract';
  if (has(WEAPONS)) return 'weapon';
  if (has(VIOLENCE_WORDS)) return 'violence';
  if (has(SPORTS_WORDS)) return 'sport';
  if (has(DISASTERS)) return 'disaster';
  return null;
}

/** The sparse features of one candidate, for the groups asked. */
export function candidateFeatures(c: CandidateView, groups: ReadonlySet<FeatureGroup>): string[] {
  const { words, ts, te, s0, s1 } = c;
  const f: string[] = ['bias', `t=${c.type}`];
  const w0 = stem(words[ts]!);
  if (groups.has('trigger')) {
    f.push(`w=${w0}`, `t|w=${c.type}|${w0}`, `v=${c.trigger.verb}`, `k=${c.trigger.kind ?? '-'}`);
    if (te - ts > 1) f.push(`wl=${stem(words[te - 1]!)}`);
    f.push(`pat=${patternKey(c.trigger.pattern)}`);
    if (c.trigger.cameo) f.push(`c2=${c.trigger.cameo.slice(0, 2)}`, `c3=${c.trigger.cameo}`);
    else f.push('own');
  }
  if (groups.has('object')) {
    const head = objectHead(words, te, s1);
    const cls = wordClass(head);
    f.push(`o=${head ? stem(head) : '-'}`, `w|o=${w0}|${head ? stem(head) : '-'}`);
    if (cls) f.push(`oc=${cls}`, `t|oc=${c.type}|${cls}`);
    if (te < s1) f.push(`n1=${words[te]}`);
  }
  if (groups.has('context')) {
    f.push(`p1=${ts > s0 ? words[ts - 1] : '<s>'}`, `p2=${ts - 1 > s0 ? words[ts - 2] : '<s>'}`);
    f.push(`m=${c.mode ?? '-'}`, `t|m=${c.type}|${c.mode ?? '-'}`);
    if (c.negated) f.push('neg');
    if (c.hypothetical) f.push('hyp');
    if (c.passive) f.push('pass');
  }
  if (groups.has('actors')) {
    const s = sideClass(c.source);
    const o = sideClass(c.target);
    f.push(`s=${s}`, `tg=${o}`, `s|tg=${s}|${o}`, `t|s=${c.type}|${s}`, `t|tg=${c.type}|${o}`);
    if (c.source.length > 1) f.push('s+');
    if (c.target.length > 1) f.push('tg+');
  }
  if (groups.has('sentence')) {
    const seen = new Set<string>();
    for (let j = s0; j < s1; j++) {
      if (j >= ts && j < te) continue;
      const cls = wordClass(words[j]!) ?? (DISSENT_WORDS.has(words[j]!) ? 'dissent' : null);
      if (cls) seen.add(`sc=${cls}`);
      if (REPORTING.has(words[j]!)) seen.add('sc=reporting');
      if (words[j] === '?') seen.add('sc=question');
      if (words[j] === '"' || words[j] === '“') seen.add('sc=quote');
    }
    for (const x of seen) f.push(x, `t|${x}=${c.type}`);
    f.push(`len=${Math.min(4, Math.floor((s1 - s0) / 10))}`);
  }
  return f;
}

/** One linear model: weights per feature per label, with `bias` as a feature. */
export interface LinearFile {
  labels: string[];
  /** feature → weight per label (same order as `labels`), rounded. */
  weights: Record<string, number[]>;
}

export class Linear {
  readonly labels: readonly string[];
  private readonly rows: Map<string, readonly number[]>;
  constructor(file: LinearFile) {
    this.labels = file.labels;
    this.rows = new Map(Object.entries(file.weights));
  }
  probabilities(features: readonly string[]): number[] {
    const k = this.labels.length;
    const s = new Array<number>(k).fill(0);
    for (const x of features) {
      const row = this.rows.get(x);
      if (row) for (let i = 0; i < k; i++) s[i]! += row[i]!;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (const v of s) if (v > max) max = v;
    let sum = 0;
    for (let i = 0; i < k; i++) {
      s[i] = Math.exp(s[i]! - max);
      sum += s[i]!;
    }
    for (let i = 0; i < k; i++) s[i] = s[i]! / sum;
    return s;
  }
}

export interface EventModelFile {
  version: 1;
  /** The feature groups each model reads. */
  gateGroups: FeatureGroup[];
  chooserGroups: FeatureGroup[];
  /** Gate: labels ["no", "yes"]; a candidate is dropped when P(yes) < gateThreshold. null: no gate. */
  gate: LinearFile | null;
  gateThreshold: number;
  /** Chooser: labels are PLOVER types; the rule's type is replaced when another is likelier by `chooserMargin`. null: no chooser. */
  chooser: LinearFile | null;
  chooserMargin: number;
  provenance: Record<string, unknown>;
}

/** The verdict on one candidate. */
export interface Verdict {
  keep: boolean;
  type: PloverType;
}

export class EventModel {
  readonly gate: Linear | null;
  readonly chooser: Linear | null;
  private readonly gateGroups: ReadonlySet<FeatureGroup>;
  private readonly chooserGroups: ReadonlySet<FeatureGroup>;
  constructor(readonly file: EventModelFile) {
    this.gate = file.gate ? new Linear(file.gate) : null;
    this.chooser = file.chooser ? new Linear(file.chooser) : null;
    this.gateGroups = new Set(file.gateGroups);
    this.chooserGroups = new Set(file.chooserGroups);
  }

  /** The type to code: the chooser's when it is surer of another type than of the rule's by the margin. */
  chooseType(c: CandidateView): PloverType {
    if (!this.chooser) return c.type;
    const p = this.chooser.probabilities(candidateFeatures(c, this.chooserGroups));
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
    const rule = this.chooser.labels.indexOf(c.type);
    const ruleP = rule < 0 ? 0 : p[rule]!;
    return p[best]! - ruleP > this.file.chooserMargin ? (this.chooser.labels[best] as PloverType) : c.type;
  }

  /** P(the candidate reports an event, asserted or flagged), 1 without a gate. */
  eventProbability(c: CandidateView): number {
    if (!this.gate) return 1;
    return this.gate.probabilities(candidateFeatures(c, this.gateGroups))[1]!;
  }

  keep(c: CandidateView): boolean {
    return this.eventProbability(c) >= this.file.gateThreshold;
  }
}

export const EVENT_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../models/events.json');

/** The model in `path`; null when there is no such file. */
export function loadEventModel(path: string): EventModel | null {
  return existsSync(path) ? new EventModel(JSON.parse(readFileSync(path, 'utf8')) as EventModelFile) : null;
}

let cached: EventModel | null | undefined;

/** The committed model, loaded once; null when the file is missing (the stage then uses its rules alone). */
export function eventModel(): EventModel | null {
  if (cached === undefined) cached = loadEventModel(EVENT_MODEL_PATH);
  return cached;
}
