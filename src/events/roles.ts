import type { ActorCandidate, DocView } from './actors.js';
import { CLAUSE_BREAKS, COORDINATORS, PASSIVE_AUX, PREPOSITIONS, REPORTING } from './data/words.js';

/** Who did it and to whom, read from where actors stand around the trigger. */
export interface Roles {
  source: ActorCandidate[];
  target: ActorCandidate[];
  /** A place the event happened at, if one is named in its clause. */
  place: ActorCandidate | null;
  passive: boolean;
}

const ADVERB_GAP: ReadonlySet<string> = new Set(['also', 'reportedly', 'allegedly', 'not', "n't", 'never', 'again', 'already', 'then', 'later', 'all', 'both', 'recently', 'previously', 'earlier']);

/** "was dismissed", "have been accused": a passive participle after a form of "be". */
export function isPassive(view: DocView, ts: number, s0: number): boolean {
  const w = view.words[ts]!;
  if (w.endsWith('ing') || (!w.endsWith('ed') && !w.endsWith('en') && !/^(met|held|sent|shot|struck|hit|cut|put|shut|seized|led|fought|taken|beaten|given|thrown|left|paid|slain|freed)$/.test(w))) return false;
  for (let j = ts - 1; j >= s0 && j >= ts - 4; j--) {
    const x = view.words[j]!;
    if (PASSIVE_AUX.has(x)) return true;
    if (!ADVERB_GAP.has(x)) return false;
  }
  return false;
}

/** An actor is a reporter when a reporting verb follows it ("state media reported", "X said") or "according to" precedes it. */
function isReporter(view: DocView, c: ActorCandidate, s1: number): boolean {
  const w = view.words;
  for (let k = c.te; k < Math.min(s1, c.te + 3); k++) {
    if (REPORTING.has(w[k]!)) return true;
    if (!ADVERB_GAP.has(w[k]!) && !/^(has|had|have|was|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|,)$/.test(w[k]!)) break;
  }
  return c.ts >= 2 && w[c.ts - 1] === 'to' && w[c.ts - 2] === 'according';
}

function inPrepPhrase(view: DocView, c: ActorCandidate, s0: number): boolean {
  const w = view.words;
  let j = c.ts - 1;
  while (j >= s0 && (w[j] === 'the' || w[j] === 'a' || /^[0-9,.]+$/.test(w[j]!))) j--;
  return j >= s0 && PREPOSITIONS.has(w[j]!) && w[j] !== 'by';
}

/** Extend a found actor with actors coordinated to it ("Jordan and Britain", "X, Y and Z"). */
function coordinated(view: DocView, cands: readonly ActorCandidate[], idx: number, dir: 1 | -1): ActorCandidate[] {
  const out = [cands[idx]!];
  const w = view.words;
  let cur = cands[idx]!;
  for (let k = idx + dir; k >= 0 && k < cands.length; k += dir) {
    const next = cands[k]!;
    if (next.kind !== 'actor') break;
    const [a, b] = dir === 1 ? [cur.te, next.ts] : [next.te, cur.ts];
    if (b - a < 1 || b - a > 3) break;
    let joined = false;
    let ok = true;
    for (let t = a; t < b; t++) {
      if (!COORDINATORS.has(w[t]!)) ok = false;
      if (w[t] === 'and' || w[t] === ',' || w[t] === '&') joined = true;
    }
    if (!ok || !joined) break;
    out.push(next);
    cur = next;
  }
  return dir === 1 ? out : out.reverse();
}

function resolvePronoun(cands: readonly ActorCandidate[], idx: number, view: DocView, s0: number, s1: number, fallback: ActorCandidate[]): ActorCandidate[] {
  const p = cands[idx]!;
  for (let k = idx - 1; k >= 0; k--) {
    const c = cands[k]!;
    if (c.kind !== 'actor' || c.media) continue;
    if (p.person && !c.person) continue;
    if (!p.person && c.person && view.words[p.ts] !== 'they') continue;
    if (inPrepPhrase(view, c, s0)) continue;
    return coordinated(view, cands, k, -1);
  }
  void s1;
  return p.person ? fallback.filter((f) => f.person) : fallback.filter((f) => !f.person);
}

/**
 * Source and target of a trigger at tokens [ts, te) of sentence [s0, s1). `clauseStart` bounds the search
 * to the left; `previousSubject` stands in for a pronoun with no antecedent in the sentence.
 */
export function readRoles(view: DocView, cands: readonly ActorCandidate[], ts: number, te: number, s0: number, s1: number, clauseStart: number, previousSubject: ActorCandidate[]): Roles {
  const w = view.words;
  const passive = isPassive(view, ts, s0);
  // Left: the nearest actor in subject position.
  let left: ActorCandidate[] = [];
  let fallbackLeft: ActorCandidate[] = [];
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    if (c.te > ts || c.ts < clauseStart) continue;
    if (c.kind === 'place') continue;
    if (c.kind === 'pronoun') {
      left = resolvePronoun(cands, k, view, s0, s1, previousSubject);
      break;
    }
    if (c.media || isReporter(view, c, s1)) continue;
    if (inPrepPhrase(view, c, s0)) {
      if (!fallbackLeft.length) fallbackLeft = [c];
      continue;
    }
    left = coordinated(view, cands, k, -1);
    break;
  }
  if (!left.length) left = fallbackLeft;
  // Right: the nearest actor after the trigger, within its clause.
  let right: ActorCandidate[] = [];
  let agent: ActorCandidate[] = [];
  let end = te;
  while (end < s1 && end < te + 18 && !CLAUSE_BREAKS.has(w[end]!) && !REPORTING.has(w[end]!)) end++;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.ts < te || c.ts >= end || c.kind !== 'actor') continue;
    if (isReporter(view, c, s1)) continue;
    const byAgent = c.ts > 0 && w[c.ts - 1] === 'by' || (c.ts > 1 && w[c.ts - 2] === 'by' && /^(the|a|an)$/.test(w[c.ts - 1]!));
    if (byAgent && (passive || agent.length === 0)) {
      if (!agent.length) agent = coordinated(view, cands, k, 1);
      if (passive) continue;
    }
    if (!right.length && !byAgent) right = coordinated(view, cands, k, 1);
  }
  // Place: the nearest place after the trigger in its clause, else before it.
  let place: ActorCandidate | null = null;
  for (const c of cands) if (c.kind === 'place' && c.ts >= te && c.ts < end) { place = c; break; }
  if (!place) for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    if (c.kind === 'place' && c.te <= ts && c.ts >= clauseStart) { place = c; break; }
  }
  if (passive) return { source: agent, target: left, place, passive };
  return { source: left.length ? left : agent, target: right, place, passive };
}
