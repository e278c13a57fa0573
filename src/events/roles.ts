import { isModifier, type ActorCandidate, type EventContext } from './actors.js';
import {
  CLAUSE_BREAKS,
  COORDINATORS,
  GROUP_COUNTS,
  PASSIVE_AUX,
  POSSESSIVES,
  PREPOSITIONS,
  REPORTER_GAP,
  REPORTING,
} from './data/words.js';

/** Who did it and to whom, read from where actors stand around the trigger. */
export interface Roles {
  source: ActorCandidate[];
  target: ActorCandidate[];
  /** A place the event happened at, if one is named in its clause. */
  place: ActorCandidate | null;
  passive: boolean;
  /** The speaker when the trigger stands in the complement of a verb of saying ("X said troops fired"), else null. */
  sayer: ActorCandidate[] | null;
}

const ADVERB_GAP: ReadonlySet<string> = new Set([
  'also',
  'reportedly',
  'allegedly',
  'not',
  "n't",
  'never',
  'again',
  'already',
  'then',
  'later',
  'all',
  'both',
  'recently',
  'previously',
  'earlier',
  'now',
  'still',
  'just',
  'since',
  'once',
  'twice',
]);

/** "was dismissed", "have been accused": a passive participle after a form of "be". */
export function isPassive(view: EventContext, ts: number, s0: number): boolean {
  const w = view.ix.lower[ts]!;
  // "the navy chief sanctioned by the United States": a participle with its agent, no auxiliary.
  if (/ed$/.test(w) && view.ix.lower[ts + 1] === 'by' && ts > s0 && !PASSIVE_AUX.has(view.ix.lower[ts - 1]!))
    return true;
  // "…, charged with murder", "…, accused of spying": a participle opening a clause after a comma, with no subject of
  // its own, describes the noun before it (a reduced passive).
  if (/ed$/.test(w) && ts > s0 && view.ix.lower[ts - 1] === ',' && /^(with|of|over)$/.test(view.ix.lower[ts + 1] ?? ''))
    return true;
  if (
    w.endsWith('ing') ||
    (!w.endsWith('ed') &&
      !w.endsWith('en') &&
      !/^(met|held|sent|shot|struck|hit|cut|put|shut|seized|led|fought|taken|beaten|given|thrown|left|paid|slain|freed|found|made|built|kept|sought|brought|caught|bought|sold|told|blown|drawn|withdrawn)$/.test(
        w,
      ))
  )
    return false;
  for (let j = ts - 1; j >= s0 && j >= ts - 4; j--) {
    const x = view.ix.lower[j]!;
    if (PASSIVE_AUX.has(x)) return true;
    if (!ADVERB_GAP.has(x) && !/^[a-z]+ly$/.test(x)) return false;
  }
  return false;
}

/** An actor is a reporter when a reporting verb follows it ("state media reported", "X said") or "according to" precedes it. */
function isReporter(view: EventContext, c: ActorCandidate, s1: number, trigger = -1): boolean {
  const w = view.ix.lower;
  for (let k = c.te; k < Math.min(s1, c.te + 3); k++) {
    // "Police told the crowd to leave": the verb is the trigger itself, a directive, whose subject is its source.
    if (k === trigger) return false;
    // "X said …" always reports; "X announced/confirmed/wrote …" only when a clause follows ("announced that …"):
    // "wrote a letter to Y" sends a message, its writer the sender.
    if (
      REPORTING.has(w[k]!) &&
      (SPEECH.has(w[k]!) || /^(that|it|he|she|they|on|in|,|"|“)$/.test(w[k + 1] ?? '') || k + 1 >= s1)
    )
      return true;
    if (!ADVERB_GAP.has(w[k]!) && !REPORTER_GAP.has(w[k]!)) break;
  }
  return c.ts >= 2 && w[c.ts - 1] === 'to' && w[c.ts - 2] === 'according';
}

/** Verbs that only ever attribute speech. */
const SPEECH: ReadonlySet<string> = new Set([
  'said',
  'says',
  'say',
  'saying',
  'told',
  'tells',
  'reported',
  'reports',
  'stated',
  'added',
  'noted',
  'quoted',
  'according',
  'cited',
  'explained',
]);

function inPrepPhrase(view: EventContext, c: ActorCandidate, s0: number): boolean {
  const w = view.ix.lower;
  let j = c.ts - 1;
  for (
    let n = 0;
    j >= s0 &&
    n < 4 &&
    (w[j] === 'the' ||
      w[j] === 'a' ||
      /^[0-9][0-9,.]*$/.test(w[j]!) ||
      ((isModifier(w[j]!) || /^[a-z]+(ing|ed)$/.test(w[j]!)) && !PREPOSITIONS.has(w[j]!)));
    n++
  )
    j--;
  return j >= s0 && PREPOSITIONS.has(w[j]!) && w[j] !== 'by';
}

/**
 * Extend a found actor with actors coordinated to it ("Jordan and Britain", "X, Y and Z", "A, 20, and B, 24,");
 * a comma alone is an apposition, and two names joined by ", and" are two clauses ("at Athens, and demonstrators
 * tried …"), not one list.
 */
function coordinated(view: EventContext, cands: readonly ActorCandidate[], idx: number, dir: 1 | -1): ActorCandidate[] {
  const out = [cands[idx]!];
  const w = view.ix.lower;
  let cur = cands[idx]!;
  let sawAnd = false;
  let clauseLink = false;
  for (let k = idx + dir; k >= 0 && k < cands.length; k += dir) {
    const next = cands[k]!;
    if (next.kind !== 'actor') break;
    const [a, b] = dir === 1 ? [cur.te, next.ts] : [next.te, cur.ts];
    if (b - a < 1 || b - a > 5) break;
    let joined = false;
    let ok = true;
    for (let t = a; t < b; t++) {
      // An age or a count set off by commas after a name ("Hernandez, 20, and …") is part of the name's phrase.
      const age = /^[0-9]{1,3}$/.test(w[t]!) && w[t - 1] === ',' && w[t + 1] === ',';
      if (!COORDINATORS.has(w[t]!) && !age) ok = false;
      if (w[t] === 'and' || w[t] === '&') sawAnd = joined = true;
      if (w[t] === ',') joined = true;
    }
    if (!ok || !joined || (b - a > 3 && !sawAnd)) break;
    if (out.length === 1 && b - a === 2 && w[a] === ',' && (w[a + 1] === 'and' || w[a + 1] === '&')) clauseLink = true;
    out.push(next);
    cur = next;
  }
  const list = sawAnd && !(clauseLink && out.length === 2) ? out : out.slice(0, 1);
  return dir === 1 ? list : list.reverse();
}

/** The subject of a sentence: its first actor outside a prepositional phrase ("Iraq said it would …" → Iraq). */
function sentenceSubject(
  view: EventContext,
  cands: readonly ActorCandidate[],
  before: number,
  s0: number,
  person: boolean,
): ActorCandidate[] {
  const opening = openingParticiple(view.ix.lower, s0, view.ix.lower.length);
  for (let k = 0; k < cands.length && cands[k]!.ts < before; k++) {
    const c = cands[k]!;
    if (c.kind !== 'actor' || c.media || (person && !c.person)) continue;
    // "Seeing the commandos, the pirates surrendered …": the object of an opening participle is not the subject.
    if (c.ts < opening) continue;
    if (inPrepPhrase(view, c, s0)) continue;
    return coordinated(view, cands, k, 1);
  }
  return [];
}

function resolvePronoun(
  cands: readonly ActorCandidate[],
  idx: number,
  view: EventContext,
  s0: number,
  s1: number,
  fallback: ActorCandidate[],
): ActorCandidate[] {
  const p = cands[idx]!;
  void s1;
  // A relative pronoun stands for the actor right before it ("Dobrev, who was dismissed").
  if (view.ix.lower[p.ts] === 'who') {
    const prev = cands[idx - 1];
    return prev && prev.kind === 'actor' && p.ts - prev.te <= 2 ? [prev] : [];
  }
  // "the prosecutors announced they would …", "X says it is sending …": the subject of a clause reported by a verb
  // of saying is, as a pronoun, the sayer (the nearest subject before the verb), not the sentence's first actor.
  const sayer = reportedSubjectOf(view, cands, idx, s0, p.person);
  if (sayer.length) return sayer;
  const subject = sentenceSubject(view, cands, p.ts, s0, p.person);
  if (subject.length) return subject;
  // An antecedent from an earlier sentence is mentioned here by the pronoun: the actor keeps its name and key, and its
  // span is the pronoun's, so the event's evidence stays inside its own sentence (as "the president" does).
  return fallback
    .filter((f) => f.person === p.person)
    .map((f) => (f.ts < s0 ? { ...f, start: p.start, end: p.end } : f));
}

/** Words that open a non-restrictive modifier after a comma: a participle or a relative pronoun. */
const ASIDE_OPENER = /^([a-z]+ing|[a-z]+ed|who|which|whose)$/;
const VERB_GAP = /^(has|have|had|is|are|was|were|will|would|did|does|do)$/;

/**
 * A modifier set off by commas or brackets right before the verb at `ts` ("X, addressing supporters in Lima, Peru,
 * accused …", "X, who met Y on Monday, said …", "ten sailors (four A and six B) surrendered"): English puts a
 * non-restrictive participle or relative clause, or a bracketed aside, between a subject and its verb, so the subject
 * stands before it. The aside's token range [open, close], or null when there is none or nothing stands before it.
 */
function parentheticalBefore(w: readonly string[], ts: number, clauseStart: number): [number, number] | null {
  let close = ts - 1;
  while (close > clauseStart && (ADVERB_GAP.has(w[close]!) || VERB_GAP.test(w[close]!))) close--;
  let open = -1;
  if (w[close] === ')' || w[close] === '-RRB-') {
    for (let j = close - 1; j > clauseStart && j >= close - 15; j--)
      if (w[j] === '(' || w[j] === '-LRB-') {
        open = j;
        break;
      }
  } else if (w[close] === ',') {
    for (let j = close - 2; j > clauseStart && j >= close - 20; j--) {
      if (w[j] === ';' || w[j] === '"' || w[j] === '“') break;
      if (w[j] === ',' && ASIDE_OPENER.test(w[j + 1]!)) {
        open = j;
        break;
      }
    }
  }
  // Words before it (the subject, named or not: "The senator, speaking …, accused") make it an aside.
  return open > clauseStart ? [open, close] : null;
}

/** Verbs of saying whose clause complement may open with a pronoun subject ("said (that) they would …"). */
const SAYING =
  /^(said|says|say|told|tells|announced|confirmed|declared|stated|added|insisted|warned|promised|vowed|pledged|threatened)$/;

/**
 * The antecedent of a pronoun that opens the complement of a verb of saying: "A was charged, and the authorities said
 * they …" → the authorities. The sayer is the nearest actor before the verb (a pronoun's own antecedent for "he said
 * he"), with at most two words between it and the verb and no comma or clause break. The pronoun must agree with it
 * (English agreement: "he"/"she" a person; "they", "it", "we" a group, never one person such as "the governor"), and
 * when an earlier clause of the sentence has an acting subject ("Rebels stormed the town, and the governor said they
 * …") the pronoun may as well be that subject: no answer here, the sentence's subject decides.
 */
function reportedSubjectOf(
  view: EventContext,
  cands: readonly ActorCandidate[],
  idx: number,
  s0: number,
  person: boolean,
): ActorCandidate[] {
  const w = view.ix.lower;
  const p = cands[idx]!;
  let v = p.ts - 1;
  if (w[v] === 'that') v--;
  if (v <= s0 || !SAYING.test(w[v]!)) return [];
  let k = idx - 1;
  while (k >= 0 && cands[k]!.te > v) k--;
  if (k < 0) return [];
  const c = cands[k]!;
  if (c.kind !== 'actor' || c.media || v - c.te > 2 || person !== c.person) return [];
  for (let j = c.te; j < v; j++) if (w[j] === ',' || CLAUSE_BREAKS.has(w[j]!)) return [];
  if (inPrepPhrase(view, c, s0)) return [];
  if (earlierAgentClause(view, cands, k, s0, person)) return [];
  return coordinated(view, cands, appositionHead(view, cands, k), -1);
}

/**
 * Whether a clause before the one candidate `k` opens has an acting subject the pronoun agrees with (a person for
 * "he"/"she", a group for "they"/"it"): an actor (or pronoun) outside a prepositional phrase, followed by a clause
 * break (";", ", and", "but" …) before `k`, whose verb is not a passive ("A was charged, and …" has an undergoer).
 */
function earlierAgentClause(
  view: EventContext,
  cands: readonly ActorCandidate[],
  k: number,
  s0: number,
  person: boolean,
): boolean {
  const w = view.ix.lower;
  const sayer = cands[k]!;
  let brk = -1;
  for (let j = sayer.ts - 1; j > s0; j--)
    if (w[j] === ';' || (w[j] === ',' && /^(and|but|while|whereas|yet)$/.test(w[j + 1]!)) || CLAUSE_BREAKS.has(w[j]!)) {
      brk = j;
      break;
    }
  if (brk < 0) return false;
  for (let m = 0; m < k; m++) {
    const a = cands[m]!;
    if (a.te > brk) break;
    if (a.kind === 'place' || a.media || inPrepPhrase(view, a, s0)) continue;
    let j = a.te;
    while (j < brk && (w[j] === 'has' || w[j] === 'have' || w[j] === 'had' || ADVERB_GAP.has(w[j]!))) j++;
    if (j >= brk || w[j] === ',') return false;
    if (PASSIVE_AUX.has(w[j]!) && /^[a-z]+(ed|en)$/.test(w[j + 1] ?? '')) return false;
    // Only a subject the pronoun agrees with competes: "Ivo Brandt paid a fine; the prosecutors said they …".
    return a.person === person;
  }
  return false;
}

/** Group nouns too vague to beat a named place as a target. */
const GENERIC: ReadonlySet<string> = new Set(['people', 'civilians', 'residents', 'citizens']);

/** Words that end the stretch after a trigger its target is looked for in. */
const RIGHT_BREAKS: ReadonlySet<string> = new Set([
  'who',
  'which',
  'where',
  'following',
  'amid',
  'despite',
  'citing',
  'saying',
  'leaving',
  'raising',
  'killing',
  'whose',
]);

/** Water and terrain: places an event happens at, never its target. */
const NOT_A_TARGET_PLACE =
  /\b(sea|ocean|strait|straits|gulf|bay|river|lake|mountains?|channel|waters|coast|island|islands|peninsula)\b/i;

/** The end of the clause after a trigger: a clause break, a reporting tail (", officials said"), or 18 words. */
function rightEnd(w: readonly string[], te: number, s1: number, fronted = false): number {
  let end = te;
  while (
    end < s1 &&
    end < te + 18 &&
    !(CLAUSE_BREAKS.has(w[end]!) && w[end] !== 'as') &&
    !REPORTING.has(w[end]!) &&
    !RIGHT_BREAKS.has(w[end]!)
  ) {
    if (w[end] === ',') {
      // "Despite disclaimers urging calm, Mr. X …": the comma closes a fronted adverbial phrase; the main clause after
      // it is outside the phrase the trigger is in.
      if (fronted) break;
      // ", sharply escalating a standoff with X": a participle clause about the event, not its target.
      const next = /ly$/.test(w[end + 1] ?? '') ? w[end + 2] : w[end + 1];
      if (next && /^[a-z]+ing$/.test(next)) break;
      let k = end + 1;
      while (k < s1 && k < end + 9 && w[k] !== ',' && !REPORTING.has(w[k]!)) k++;
      if (k < s1 && REPORTING.has(w[k]!)) break;
    }
    end++;
  }
  return end;
}

/** Prepositions and subordinators that open a fronted adverbial ("Despite …,", "After …,", "If …,"). */
export const FRONTED_OPENERS: ReadonlySet<string> = new Set([
  'despite',
  'after',
  'before',
  'amid',
  'following',
  'during',
  'since',
  'while',
  'although',
  'though',
  'when',
  'if',
  'unless',
  'because',
  'without',
  'unlike',
  'like',
  'in',
  'with',
]);

/** The trigger at `ts` is inside a sentence-opening adverbial phrase: the sentence opens with one of the words above
 * and no comma stands between it and the trigger. */
function frontedAdverbial(w: readonly string[], s0: number, ts: number): boolean {
  if (!FRONTED_OPENERS.has(w[s0]!)) return false;
  for (let k = s0 + 1; k < ts; k++) if (w[k] === ',' || w[k] === ';') return false;
  return true;
}

/**
 * Prepositions of a route: "marched through X", "drove along X" name where the act went, not whom it was done to
 * ("across X", "throughout X" spread the act over X, which then undergoes it: "airdrops across Vell").
 */
const PATH_PREPOSITIONS = /^(through|along|past)$/;

function alongPath(w: readonly string[], ts: number, floor: number): boolean {
  for (let j = ts - 1, n = 0; j >= floor && n < 4; j--, n++) {
    if (PATH_PREPOSITIONS.test(w[j]!)) return true;
    if (!(w[j] === 'the' || isModifier(w[j]!))) return false;
  }
  return false;
}

/** A group noun after "its/their" is the actor's own means ("offered its troops"), not a target. */
function ownMeans(view: EventContext, c: ActorCandidate): boolean {
  if (c.actorKey !== null || c.person) return false;
  const w = view.ix.lower;
  let j = c.ts - 1;
  while (
    j >= 0 &&
    j > c.ts - 4 &&
    (isModifier(w[j]!) || /^[a-z]+(ing|ed)$/.test(w[j]!)) &&
    !(POSSESSIVES.has(w[j]!) || /^(some|all|more)$/.test(w[j]!) || GROUP_COUNTS.has(w[j]!))
  )
    j--;
  if (j < 0) return false;
  if (POSSESSIVES.has(w[j]!)) return true;
  // "contribute 4,000 troops", "withdraw some forces": a number of soldiers or ships is what is sent, not whom it is done to.
  return (
    c.code === 'MIL' &&
    (/^(some|more|additional|extra|all)$/.test(w[j]!) || /^[0-9][0-9,.]*$/.test(w[j]!) || GROUP_COUNTS.has(w[j]!))
  );
}

/**
 * "Under pressure from President X, the company agreed …": the candidate sits in a sentence-opening prepositional
 * phrase closed by a comma before the trigger; it is never the subject, not even as a last resort.
 */
function inFrontedPhrase(w: readonly string[], s0: number, c: ActorCandidate, ts: number): boolean {
  if (!PREPOSITIONS.has(w[s0]!) && !FRONTED_OPENERS.has(w[s0]!)) return false;
  for (let j = s0 + 1; j < c.ts; j++) if (w[j] === ',' || w[j] === ';') return false;
  for (let j = c.te; j < ts; j++) if (w[j] === ',') return true;
  return false;
}

/** Participles of verbs of transfer (give, hand, send, deliver, return, transfer) in the passive. */
const TRANSFER_PASSIVE = /^(handed|given|sent|delivered|returned|transferred|shipped|passed)$/;

/** The first actor or place after "to" ("to Kenya", "to the authorities") in [from, end). */
function recipientAfter(
  w: readonly string[],
  cands: readonly ActorCandidate[],
  from: number,
  end: number,
): ActorCandidate | null {
  for (const c of cands) {
    if (c.ts < from || c.ts >= end || c.kind === 'pronoun' || c.media) continue;
    let j = c.ts - 1;
    while (j >= from && j > c.ts - 4 && (w[j] === 'the' || isModifier(w[j]!) || /^[a-z]+(ing|ed)$/.test(w[j]!))) j--;
    if (w[j] === 'to') return c;
  }
  return null;
}

/** A form of "be" or "get" before the participle at `ts`, past adverbs ("was quickly", "have not been"). */
function auxiliaryBefore(w: readonly string[], ts: number, floor: number): boolean {
  for (let j = ts - 1; j >= floor && j >= ts - 4; j--) {
    const x = w[j]!;
    if (PASSIVE_AUX.has(x)) return true;
    if (!ADVERB_GAP.has(x) && !/^[a-z]+ly$/.test(x)) return false;
  }
  return false;
}

/** "by the current government": the candidate is the agent of a "by" phrase. */
function afterBy(w: readonly string[], ts: number, floor: number): boolean {
  for (let j = ts - 1, n = 0; j >= floor && n < 4; j--, n++) {
    if (w[j] === 'by') return true;
    if (!(w[j] === 'the' || w[j] === 'a' || w[j] === 'an' || isModifier(w[j]!))) return false;
  }
  return false;
}

/** "X, the minister of Y, said": the actor inside an apposition stands for the name before it. */
function appositionHead(view: EventContext, cands: readonly ActorCandidate[], k: number): number {
  const w = view.ix.lower;
  const c = cands[k]!;
  const prev = cands[k - 1];
  if (prev?.kind !== 'actor') return k;
  // "the Coastal Fisheries Council (CFC) forum": the acronym in brackets repeats the name before it.
  if (w[c.ts - 1] === '(' && w[c.te] === ')' && prev.te === c.ts - 1) return k - 1;
  // "Sidhoum, Algeria's leading rights activist, staged …": a description set off by commas after a name.
  // A past tense right after the candidate is its own verb ("Seeing the boats, the pirates surrendered quickly, …").
  if (/^[a-z]+ed$/.test(w[c.te] ?? '')) return k;
  let e = c.te;
  for (let n = 0; e < w.length && n < 6 && w[e] !== ','; n++, e++) {
    if (!(w[e] === "'s" || isModifier(w[e]!) || /^[a-z]+(ing|ed)$/.test(w[e]!))) return k;
  }
  if (w[e] !== ',') return k;
  let j = c.ts - 1;
  const describes = (x: string) =>
    x === 'the' || x === 'a' || x === "'s" || isModifier(x) || /^[a-z]+(ing|ed)$/.test(x);
  while (j > prev.te && describes(w[j]!)) j--;
  if (j === prev.te && w[j] === ',') return k - 1;
  // "Ruiz, Bolivia's leading rights activist,": the possessor inside the description is not the head.
  const head = cands[k - 2];
  if (j === prev.te && w[j] === "'s" && head?.kind === 'actor' && w[prev.ts - 1] === ',' && head.te === prev.ts - 1)
    return k - 2;
  return k;
}

/**
 * The name an apposition holding a reduced passive's noun describes: "Holdings, the state shipping company
 * sanctioned by …" (the noun phrase before the participle at `at`, or the candidate starting at `at`, opens with a
 * determiner right after a comma that follows an actor). The actor's candidate index, or -1.
 */
function reducedApposition(view: EventContext, cands: readonly ActorCandidate[], at: number, floor: number): number {
  const w = view.ix.lower;
  let j = at - 1;
  // The noun phrase's nouns and modifiers, back to its determiner.
  for (let n = 0; j > floor && n < 6 && (isModifier(w[j]!) || /^[a-z]+ing$/.test(w[j]!)); n++) j--;
  if (!/^(the|a|an)$/.test(w[j] ?? '') || w[j - 1] !== ',' || j - 1 <= floor) return -1;
  const k = cands.findIndex((c) => c.te === j - 1);
  return k >= 0 && cands[k]!.kind === 'actor' && !cands[k]!.media ? k : -1;
}

/** Finite auxiliaries: one between a "by" agent and the trigger belongs to the main verb, not to the agent's clause. */
const FINITE_AUX: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'should',
]);

function finiteBetween(w: readonly string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (FINITE_AUX.has(w[k]!)) return true;
  return false;
}

/**
 * The owner of an event noun is its actor: "the Navy's request", "Iraq's latest offer" (a possessive "'s" right
 * before the noun, at most two modifiers between). Returns the owner's candidate index or -1.
 */
function possessorOf(view: EventContext, cands: readonly ActorCandidate[], ts: number, floor: number): number {
  const w = view.ix.lower;
  let j = ts - 1;
  for (let n = 0; n < 2 && j > floor && isModifier(w[j]!) && w[j] !== "'s"; n++) j--;
  if (j <= floor || (w[j] !== "'s" && w[j] !== "'")) return -1;
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    if (c.te === j) return c.kind === 'actor' && !c.media ? k : -1;
    if (c.te < j) break;
  }
  return -1;
}

/** Temporal prepositions whose noun or gerund takes the main clause's subject ("after talks with X"). */
const SUBJECTLESS_OPENERS = /^(after|before|since|following|during|without|while|when)$/;

/**
 * The subject of the clause before token `at`: its nearest actor outside a prepositional phrase (with the names
 * coordinated before it), or a pronoun's antecedent. With `saying`, the speaker of the verb of saying at `at`: sought
 * no further left than `s0`, a news medium or reporter included ("Chile, in a statement, said …" → Chile), a pronoun
 * in a prepositional phrase passed over; without, news media and reporters are passed over.
 */
function subjectBefore(
  view: EventContext,
  cands: readonly ActorCandidate[],
  at: number,
  s0: number,
  s1: number,
  previousSubject: ActorCandidate[],
  saying: boolean,
): ActorCandidate[] {
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    if (c.te > at) continue;
    if (saying && c.ts < s0) break;
    if (c.kind === 'place' || (saying ? inPrepPhrase(view, c, s0) : c.media)) continue;
    if (c.kind === 'pronoun') return resolvePronoun(cands, k, view, s0, s1, previousSubject);
    if (!saying && (isReporter(view, c, s1) || inPrepPhrase(view, c, s0))) continue;
    return coordinated(view, cands, appositionHead(view, cands, k), -1);
  }
  return [];
}

/** The speaker of the verb of saying at `at`: its subject, sought no further left than `s0` (see subjectBefore). */
export function speakerOf(
  view: EventContext,
  cands: readonly ActorCandidate[],
  at: number,
  s0: number,
  s1: number,
  previousSubject: ActorCandidate[],
): ActorCandidate[] {
  return subjectBefore(view, cands, at, s0, s1, previousSubject, true);
}

/** The comma that closes a sentence-opening participle clause ("Emerging from the talks, …"), or -1. */
export function openingParticiple(w: readonly string[], s0: number, s1: number): number {
  let i = s0;
  while (i < s1 && /^(``|"|“|')$/.test(w[i]!)) i++;
  if (!/^[a-z]{3,}ing$/.test(w[i] ?? '')) return -1;
  for (let k = i + 1; k < Math.min(s1, i + 16); k++) if (w[k] === ',') return k;
  return -1;
}

/** Verbs that report speech or belief: their clause complement's act is not the speaker's. */
const SAYER_VERBS: ReadonlySet<string> = new Set([
  'said',
  'says',
  'say',
  'saying',
  'told',
  'tells',
  'tell',
  'telling',
  'reported',
  'reports',
  'stated',
  'added',
  'noted',
  'claimed',
  'claims',
  'insisted',
  'insists',
  'asserted',
  'explained',
  'estimated',
  'believes',
  'believed',
]);

/** Verbs of saying that also take an act as their object ("announced sanctions"): a barrier only before "that". */
const SAYER_THAT_VERBS: ReadonlySet<string> = new Set([
  'announced',
  'announces',
  'confirmed',
  'confirms',
  'declared',
  'declares',
  'wrote',
  'writes',
]);

/** Verbs of telling whose first object is the hearer ("told reporters …", "told the council that …"). */
const TELL_VERBS = /^(told|tells|tell|telling)$/;

/**
 * The speech verb whose clause complement holds the trigger at `ts`, if any: "the leadership says people were killed",
 * "officials told reporters troops fired", "X has repeatedly claimed that …". The speaker (every actor before the verb)
 * and, after a verb of telling, the hearer are parties to the act of saying, not to the act said: a report of an act
 * does not make its speaker the act's agent or its undergoer (PLOVER/CAMEO code the reported act between its own
 * parties; general English: the subject of "say" is the source of the utterance). The text makes the speaker the agent
 * only through a subject of its own in the complement ("said it attacked"), which lies after the verb and is read as
 * usual. Not a barrier: a passive or raised "is said to", "reported by"; a directive "told X to …" (X is the
 * infinitive's agent); a verb across a comma, which closes a parenthetical ("the man, who police said was armed, fired").
 */
export function sayerBarrier(
  view: EventContext,
  cands: readonly ActorCandidate[],
  ts: number,
  clauseStart: number,
  verb: boolean,
): { at: number; verb: number; hearer: ActorCandidate | null } | null {
  const w = view.ix.lower;
  // "X said the plan was sound and rejected the offer": a verb after "and" may be coordinated with the verb of
  // saying; the coordination rules decide its subject.
  if (verb && w[ts - 1] === 'and') return null;
  for (let k = ts - 1; k >= clauseStart && k >= ts - 30; k--) {
    const x = w[k]!;
    // A direct quotation after a colon or an opening quote is the speaker's own words ("saying: 'I beg you …'").
    if (x === ',' || x === ';' || x === ':' || x === '``' || x === '“') return null;
    const speech = SAYER_VERBS.has(x) || (w[k + 1] === 'that' && SAYER_THAT_VERBS.has(x));
    if (!speech) continue;
    // "X claimed responsibility for the attack": the claimer names itself the act's agent; nothing is reported.
    if (claimOfResponsibility(w, k)) return null;
    const before = w[k - 1] ?? '';
    // "was said to", "is reported", "to tell": not the speaker's own report.
    if (PASSIVE_AUX.has(before) || before === 'to' || w[k + 1] === 'to' || w[k + 1] === 'by') return null;
    // "rebels who claimed the town attacked …", "soldiers who reported for duty fired …": a verb in a relative clause
    // modifies the noun before it; the clause's verb after it is the main verb, whose subject is that noun.
    if (relativeBefore(w, k, clauseStart)) return null;
    let hearer: ActorCandidate | null = null;
    if (TELL_VERBS.test(x)) {
      const h = cands.find((c) => c.ts > k && c.ts <= k + 4 && c.te <= ts);
      if (h) {
        let ok = true;
        // "told reporters police arrested …": a plural noun before the candidate is the hearer itself, and the
        // candidate after it the complement's subject.
        for (let j = k + 1; j < h.ts; j++)
          if (!(w[j] === 'the' || w[j] === 'a' || (isModifier(w[j]!) && !/[^su]s$/.test(w[j]!)))) ok = false;
        if (ok) {
          // "told Chile to withdraw": a directive, whose infinitive's agent is the hearer.
          if (w[h.te] === 'to' && w[h.te + 1] !== 'the') return null;
          hearer = h;
        }
      }
    }
    // "said at a hearing on Tuesday that …", "told the council that …": the words between the verb and the "that" that
    // opens its complement (a hearer, a place or time of the saying) belong to the saying.
    let at = k;
    if (hearer || PREPOSITIONS.has(w[k + 1] ?? '') || WEEKDAY_OR_TIME.test(w[k + 1] ?? '')) {
      for (let j = k + 1; j < ts && j <= k + 12; j++) {
        if (w[j] === ',' || REPORTING.has(w[j]!)) break;
        if (w[j] === 'that') {
          at = j;
          break;
        }
      }
    }
    return { at, verb: k, hearer };
  }
  return null;
}

/** Relative pronouns and the words that may stand between one and its verb ("who has repeatedly claimed"). */
const RELATIVE = /^(who|which|that)$/;
const RELATIVE_GAP = /^(has|have|had|also|repeatedly|later|then|first|previously|publicly|openly|once|often|never)$/;

/** The verb at `k` opens a relative clause: a relative pronoun right before it, past auxiliaries and adverbs. */
function relativeBefore(w: readonly string[], k: number, clauseStart: number): boolean {
  let j = k - 1;
  while (j >= clauseStart && RELATIVE_GAP.test(w[j]!)) j--;
  return j >= clauseStart && RELATIVE.test(w[j]!) && j > 0 && w[j - 1] !== 'said' && !SAYER_VERBS.has(w[j - 1]!);
}

/** Words that open a time adverbial after a verb of saying ("said Monday that", "said yesterday"). */
const WEEKDAY_OR_TIME =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|last|this|recently)$/;

/** Adjectival participles that are not passives ("is opposed to", "were engaged in"). */
const ADJECTIVAL =
  /^(opposed|engaged|committed|involved|prepared|determined|interested|concerned|poised|set|scheduled|expected|due|ready|willing|supposed|entitled|allowed|forced)$/;

/**
 * Source and target of a trigger at tokens [ts, te) of sentence [s0, s1). `clauseStart` bounds the search
 * to the left; `previousSubject` stands in for a pronoun with no antecedent in the sentence.
 */
export function readRoles(
  view: EventContext,
  cands: readonly ActorCandidate[],
  ts: number,
  te: number,
  s0: number,
  s1: number,
  clauseStart: number,
  previousSubject: ActorCandidate[],
  verb = false,
): Roles {
  const w = view.ix.lower;
  const passive = isPassive(view, ts, s0) && !(ADJECTIVAL.test(w[ts]!) && /^(to|in|with)$/.test(w[ts + 1] ?? ''));
  // Left: the owner of an event noun ("the Navy's request"), else the nearest actor in subject position.
  const owner = passive ? -1 : possessorOf(view, cands, ts, clauseStart);
  let left: ActorCandidate[] = owner >= 0 ? coordinated(view, cands, owner, -1) : [];
  let fallbackLeft: ActorCandidate[] = [];
  // "victims killed by the crash", "the chief sanctioned by X": a participle with no auxiliary modifies the noun right
  // before it, which undergoes the act; an actor further left belongs to another clause.
  const reduced = passive && ts > s0 && w[ts - 1] !== ',' && !auxiliaryBefore(w, ts, clauseStart);
  const aside = verb ? parentheticalBefore(w, ts, clauseStart) : null;
  const barrier = sayerBarrier(view, cands, ts, clauseStart, verb);
  const sayer = barrier ? subjectBefore(view, cands, barrier.verb, clauseStart, s1, previousSubject, true) : null;
  for (let k = cands.length - 1; k >= 0 && !left.length; k--) {
    const c = cands[k]!;
    if (c.te > ts || c.ts < clauseStart) continue;
    // The speaker of a report and its hearer are no party to the act reported.
    if (barrier && c.te <= barrier.at) break;
    if (c === barrier?.hearer) continue;
    if (reduced && c.te !== ts) break;
    // "Ivo Brandt, addressing supporters in Lima, Peru, accused …": what the aside names is not the subject.
    if (aside && c.ts >= aside[0] && c.te <= aside[1]) continue;
    // "a group led by Senator X is introducing …": the agent inside a reduced relative is not the main verb's subject.
    if (c.kind === 'actor' && afterBy(w, c.ts, clauseStart) && finiteBetween(w, c.te, ts)) continue;
    if (c.kind === 'place') continue;
    if (c.kind === 'pronoun') {
      left = resolvePronoun(cands, k, view, s0, s1, previousSubject);
      break;
    }
    if (c.media || isReporter(view, c, s1, verb ? ts : -1)) continue;
    // "to count the villagers killed by rebels": the noun a reduced passive modifies undergoes it wherever it stands.
    if (reduced) {
      left = coordinated(view, cands, k, -1);
      break;
    }
    if (inPrepPhrase(view, c, s0)) {
      if (!fallbackLeft.length && !inFrontedPhrase(w, s0, c, ts)) fallbackLeft = [c];
      continue;
    }
    left = coordinated(view, cands, appositionHead(view, cands, k), -1);
    break;
  }
  if (!left.length && !reduced) left = fallbackLeft;
  // "He spoke after talks with X", "… before meeting X": a noun or gerund after a temporal preposition, with no
  // subject of its own, has the main clause's subject as its agent.
  if (!left.length && !reduced && !barrier && clauseStart > s0 && SUBJECTLESS_OPENERS.test(w[clauseStart - 1]!))
    left = subjectBefore(view, cands, clauseStart - 1, s0, s1, previousSubject, false);
  // "Emerging from a meeting with X, the chairman promised …": an opening participle clause has the subject after it.
  const opening = openingParticiple(w, s0, s1);
  if (!left.length && !reduced && opening > ts) {
    let k = cands.findIndex((c) => c.ts > opening && c.kind === 'actor' && !c.media);
    // "BP Chairman Carl Svanberg": of names run together (at most a capitalized title between), the last is the head.
    const runsOn = (a: ActorCandidate, b: ActorCandidate | undefined) =>
      b?.kind === 'actor' && (b.ts === a.te || (b.ts === a.te + 1 && view.doc.tokens[a.te]!.text !== w[a.te]));
    while (k >= 0 && runsOn(cands[k]!, cands[k + 1])) k++;
    if (k >= 0 && cands[k]!.ts - opening <= 8) left = coordinated(view, cands, k, 1);
  }
  // "Holdings, the company sanctioned by X, charters …", "the navy chief sanctioned by X": a reduced passive's
  // undergoer is the noun right before it; set off in an apposition, the name the apposition describes.
  if (reduced && !left.length) {
    const head = reducedApposition(view, cands, ts, s0);
    if (head >= 0) left = coordinated(view, cands, head, -1);
  } else if (reduced && left.length === 1) {
    const head = reducedApposition(view, cands, left[0]!.ts, s0);
    if (head >= 0 && cands[head]!.person === left[0]!.person) left = coordinated(view, cands, head, -1);
  }
  // Right: a named actor after the trigger in its clause, else a place where it happened, else a group noun.
  let end = rightEnd(w, te, s1, frontedAdverbial(w, s0, ts));
  // A reduced relative ends at its comma: what follows is the main clause ("…, charters tankers").
  if (reduced) for (let k = te; k < end; k++) if (w[k] === ',') end = k;
  let named: ActorCandidate[] = [];
  let group: ActorCandidate[] = [];
  let agent: ActorCandidate[] = [];
  let place: ActorCandidate | null = null;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    // Actors inside a gapped trigger count too ("took three activists into custody").
    if (c.ts <= ts || c.ts >= end) continue;
    if (c.kind === 'place') {
      place ??= c;
      continue;
    }
    if (c.kind !== 'actor' || isReporter(view, c, s1)) continue;
    const byAgent = afterBy(w, c.ts, te);
    if (byAgent && !agent.length) {
      agent = coordinated(view, cands, k, 1);
      if (passive) continue;
    }
    if (ownMeans(view, c)) continue;
    if (c.actorKey !== null) {
      if (!named.length) named = coordinated(view, cands, k, 1);
    } else if (!group.length) group = coordinated(view, cands, k, 1);
  }
  // A place before the trigger in its clause when none follows ("in Baku, police detained …").
  if (!place)
    for (let k = cands.length - 1; k >= 0; k--) {
      const c = cands[k]!;
      if (c.kind === 'place' && c.te <= ts && c.ts >= clauseStart) {
        place = c;
        break;
      }
    }
  const placeTarget =
    place && place.te > ts && !NOT_A_TARGET_PLACE.test(place.name) && !alongPath(w, place.ts, te) ? [place] : [];
  const right = named.length
    ? named
    : group.length && !GENERIC.has(view.ix.lower[group[0]!.te - 1]!)
      ? group
      : placeTarget.length
        ? placeTarget
        : group;
  if (passive) {
    // "were handed over to Kenya", "troops were sent to X": the subject of a passive verb of transfer is what is
    // transferred; the party it goes to (the "to" phrase) is the target.
    const recipient = TRANSFER_PASSIVE.test(w[ts]!) ? recipientAfter(w, cands, te, end) : null;
    // "sanctions were imposed on X": a subject that names no actor leaves the target to the verb's own phrase — not a
    // place after the agent, which says where the agent is ("by a court in Paris"), and, for a reduced passive, only
    // an actor in a prepositional phrase (its own complement, not the main clause's object).
    const agentAt = agent.length ? agent[0]!.ts : s1;
    const after = right.filter(
      (r) =>
        !agent.includes(r) &&
        !(r.kind === 'place' && r.ts > agentAt) &&
        (!reduced || inPrepPhrase(view, r, clauseStart)),
    );
    return { source: agent, target: recipient ? [recipient] : left.length ? left : after, place, passive, sayer };
  }
  // Without a subject, a "by" agent right after the trigger is its source ("an attack by rebels").
  const nearAgent = agent.length && w[te] === 'by' ? agent : [];
  return {
    source: left.length ? left : nearAgent,
    target: right.filter((r) => !left.includes(r)),
    place,
    passive,
    sayer,
  };
}

/**
 * Roles for a reversed pattern (`CompiledTrigger.reversed`: "came under fire from X", "received a letter from X",
 * "died in an airstrike by X"): the verb's subject undergoes the act, and its source is the party the words after the
 * verb name after "from", "by" or "of", or the owner of its object ("won X's backing"); none named, the act has no
 * source. `roles` are the active reading (subject as source); a passive reading is returned as it is.
 */
export function reversedRoles(
  view: EventContext,
  cands: readonly ActorCandidate[],
  roles: Roles,
  ts: number,
  te: number,
  s1: number,
): Roles {
  if (roles.passive) return roles;
  const w = view.ix.lower;
  const end = rightEnd(w, te, s1);
  let source: ActorCandidate[] = [];
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.ts <= ts || c.ts >= end || c.kind === 'pronoun' || c.media) continue;
    // A polity read as a place ("a loan from Ostrel") is a party; a place that is only a place is not.
    if (c.kind === 'place' && !(c.actorKey && /^[A-Z]{3}$/.test(c.code))) continue;
    let j = c.ts - 1;
    while (j > ts && j > c.ts - 4 && (w[j] === 'the' || isModifier(w[j]!))) j--;
    // "of" names the party only right after the pattern's object ("the backing of X"), not after a noun of its own
    // ("a trial in the town of X").
    const agentPrep = w[j] === 'from' || w[j] === 'by' || (w[j] === 'of' && j === te && c.kind === 'actor');
    if (agentPrep || w[c.te] === "'s") {
      source = coordinated(view, cands, k, 1);
      break;
    }
  }
  return { ...roles, source, target: roles.source };
}

/** Verbs whose human direct object is dismissed from employment ("fired three employees", "sacked the coach"). */
const DISMISS_VERB = /^(fire|fires|fired|firing|sack|sacks|sacked|sacking|dismiss|dismisses|dismissed|dismissing)$/;

/** Nouns that name people by their employment: "dismissed staff", "fired two aides". */
const EMPLOYMENT_NOUNS =
  /^(employees?|staff|staffers?|workers?|aides?|personnel|managers?|executives?|officials?|teachers?|officers?|crew|clerks?|guards?)$/;

/**
 * The direct object of "fire", "sack" or "dismiss" at `ts` when it names people (general English: "fire" with a
 * human object means dismiss from employment; shooting at people takes "at" or "on"): the candidate or noun right
 * after the verb, past determiners, numbers and modifiers. Returns the candidates it names ([] for a bare noun of
 * employment such as "staff"), or null when the object is no person ("fired shots", "dismissed the claims").
 */
export function dismissedObject(
  view: EventContext,
  cands: readonly ActorCandidate[],
  ts: number,
  s1: number,
): ActorCandidate[] | null {
  const w = view.ix.lower;
  if (!DISMISS_VERB.test(w[ts]!)) return null;
  let j = ts + 1;
  while (
    j < s1 &&
    j < ts + 5 &&
    (OBJECT_OPENERS.test(w[j]!) || /^[0-9][0-9,]*$/.test(w[j]!) || (w[j] === 'of' && /s$/.test(w[j - 1]!)))
  )
    j++;
  const k = cands.findIndex((c) => c.ts >= ts + 1 && c.ts <= j && c.te > j - 1);
  const c = cands[k];
  if (c && c.kind === 'actor' && (c.person || c.actorKey === null) && w[c.te] !== "'s")
    return coordinated(view, cands, k, 1);
  // A bare noun of employment, after its modifiers ("fired 40 factory workers").
  for (let m = j; m < s1 && m < j + 3; m++) {
    if (EMPLOYMENT_NOUNS.test(w[m]!)) {
      if (w[m + 1] === "'s") return null;
      // The noun is the target when it stands as an actor of its own ("40 factory workers": workers).
      const at = cands.findIndex((c) => c.kind === 'actor' && c.ts <= m && m < c.te);
      return at >= 0 ? coordinated(view, cands, at, 1) : [];
    }
    if (!isModifier(w[m]!)) break;
  }
  return null;
}

/** Determiners and counts that open a noun phrase ("its", "three", "dozens of"). */
const OBJECT_OPENERS =
  /^(the|a|an|its|their|his|her|our|some|all|several|many|dozens|hundreds|thousands|two|three|four|five|six|seven|eight|nine|ten|more|about|nearly)$/;

/**
 * "claimed responsibility for", "claims credit for": a claim of responsibility declares the claimer the agent of the
 * act it names (general English; CAMEO 015, "claim responsibility"), it reports no act of another's and accuses no
 * one. True when the verb at `k` is a form of "claim" followed by "responsibility" or "credit".
 */
export function claimOfResponsibility(w: readonly string[], k: number): boolean {
  return /^claim(s|ed|ing)?$/.test(w[k]!) && /^(responsibility|credit)$/.test(w[k + 1] ?? '');
}
