import type { EventActor, PloverType } from '../model/index.js';
import { EVENT_MODEL, type EventModel } from './data/event-model.js';

export type { EventModel };

/**
 * The learned step of the coder: every event the rules code is described by a few features (what kind of pattern
 * found it, its type, which sides have a named actor, its modality, where it stands in the sentence) and a logistic
 * model trained on the tuning halves of the dev sets says how likely it is a real event of that type. Events below
 * the model's threshold are dropped and the rest of a sentence are ranked by it, so the best-supported reading comes
 * first. The model and how it was chosen: `src/events/data/event-model.ts`, `npm run train:events`, docs/events.md.
 */
export interface EventDescription {
  words: readonly string[];
  s0: number;
  s1: number;
  ts: number;
  te: number;
  type: PloverType;
  /** Where the pattern came from: the CAMEO dictionary (with its code), sitrep's own lexicon, a reported demand. */
  origin: 'cameo' | 'own' | 'must';
  cameo: string | null;
  verb: boolean;
  kind: string | null;
  /** The governed act ("threatened to cut off" → SANCTION), if a trigger was folded in. */
  action: PloverType | null;
  mode: string | null;
  negated: boolean;
  hypothetical: boolean;
  passive: boolean;
  clauseStart: number;
  opener: string | null;
  /** This trigger's place among the sentence's triggers, and how many there are. */
  nth: number;
  triggers: number;
  reported: boolean;
  pronounSource: boolean;
  source: readonly EventActor[];
  target: readonly EventActor[];
}

/** What stands on one side: nothing, a pronoun, a generic noun, a name the coder cannot place, a known actor. */
function side(actors: readonly EventActor[], pronoun: boolean): string {
  if (actors.length === 0) return 'none';
  if (pronoun) return 'pron';
  if (actors.some((a) => a.actorKey || a.code.length > 3)) return 'known';
  if (actors.some((a) => a.code === '')) return 'name';
  return 'generic';
}

const bucket = (n: number, top: number): string => (n >= top ? `${top}+` : String(n));

/** The inflection of the trigger's head word: a gerund or participle often heads an adjunct, not the reported act. */
function form(word: string): string {
  if (/ing$/.test(word)) return 'ing';
  if (/ed$/.test(word)) return 'ed';
  if (/[^s]s$/.test(word)) return 's';
  return 'base';
}

/** Feature names of one coded event; groups beyond the base set are switched on by the model. */
export function eventFeatures(d: EventDescription, groups: readonly string[]): string[] {
  const s = side(d.source, d.pronounSource);
  const t = side(d.target, false);
  const pos = d.verb ? 'verb' : 'noun';
  const f = [
    'bias',
    `t=${d.type}`,
    `o=${d.origin}`,
    `pos=${pos}`,
    `t=${d.type}|${pos}`,
    `t=${d.type}|o=${d.origin}`,
    `len=${bucket(d.te - d.ts, 3)}`,
    `S=${s}`,
    `T=${t}`,
    `S=${s}|T=${t}`,
    `t=${d.type}|S=${s}`,
    `t=${d.type}|T=${t}`,
    `mode=${d.mode ?? 'none'}`,
    `clause=${d.clauseStart === d.s0 ? 'main' : (d.opener ?? 'sub')}`,
    `form=${form(d.words[d.ts]!)}|${pos}`,
  ];
  if (groups.includes('position')) {
    f.push(
      `nth=${bucket(d.nth, 2)}`,
      `n=${bucket(d.triggers, 3)}`,
      `at=${Math.min(3, Math.floor((4 * (d.ts - d.s0)) / Math.max(1, d.s1 - d.s0)))}`,
    );
  }
  if (d.cameo) f.push(`cameo=${d.cameo.slice(0, 2)}`);
  if (d.kind) f.push(`kind=${d.kind}`);
  if (d.action) f.push('governs');
  if (d.negated) f.push('neg');
  if (d.hypothetical) f.push('hyp');
  if (d.passive) f.push('passive');
  if (d.reported) f.push('reported');

  if (groups.includes('lemma')) f.push(`w=${d.words[d.ts]}`, `w=${d.words[d.ts]}|t=${d.type}`);
  if (groups.includes('context')) {
    f.push(`prev=${d.ts > d.s0 ? d.words[d.ts - 1] : '<s>'}`, `next=${d.te < d.s1 ? d.words[d.te] : '</s>'}`);
  }
  return f;
}

/** The model's probability that the described event is real and of its type. */
export function eventScore(features: readonly string[], model: EventModel = EVENT_MODEL): number {
  let z = 0;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

export function currentModel(): EventModel {
  return EVENT_MODEL;
}
