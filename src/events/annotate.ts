import type { Doc, EventActor, EventMention, PloverType } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { QUAD_CLASS } from '../model/plover.js';
import { docView, sentenceActors, type ActorCandidate, type DocView } from './actors.js';
import { domainAttributes } from './attributes.js';
import { CLAUSE_BREAKS, DETERMINERS, REPORTING, VERBAL_CONTEXT } from './data/words.js';
import { matchAt, triggerLexicon, type CompiledTrigger } from './lexicon.js';
import { readModality } from './modality.js';
import { readRoles } from './roles.js';

/**
 * The events stage: PLOVER events from trigger words and the actors around them.
 *
 * Per sentence: find triggers (lexicon, longest match); drop noun-like verb forms without a verbal context
 * ("the press", "free to leave"); fold a trigger into an earlier one that governs it ("agreed to withdraw" is
 * one AGREE event, "threatened to impose sanctions" one THREATEN); read roles (subject → source, object →
 * target, "by" agent of a passive → source), the place, modality (negation, modals, intent, conditionals);
 * an intention to act is coded AGREE (cooperative acts) or THREATEN (conflictual acts) with `mode: "intent"`.
 * An event needs at least one actor. Dates are left to the time stage's `dateOfSpan` when it is available.
 */

export type DateOf = (doc: Doc, span: { start: number; end: number }) => EventMention['date'];

let dateOfSpan: DateOf | null = null;

/** Let the pipeline supply the time stage's date lookup (kept injectable so this stage stays independent). */
export function setEventDating(fn: DateOf | null): void {
  dateOfSpan = fn;
}

interface Found {
  trigger: CompiledTrigger;
  ts: number;
  te: number;
  absorbed: boolean;
  action: PloverType | null;
  deniedComplement: boolean;
}

const MAX_GOVERN_DISTANCE = 9;

/** Verbs that remove a person from office when their object is a person. */
const PERSONNEL_VERB = /^(dismiss|sack|fir(e|ed|es|ing)$|oust|remov)/;

function findTriggers(view: DocView, s0: number, s1: number, cands: readonly ActorCandidate[]): Found[] {
  const { words } = view;
  const lex = triggerLexicon();
  const tokens = view.doc.tokens;
  const actorEnds = new Set(cands.filter((c) => c.kind !== 'place').map((c) => c.te));
  const found: Found[] = [];
  for (let i = s0; i < s1; i++) {
    if (view.entityOf[i]! >= 0) continue;
    const list = lex.byFirst.get(words[i]!);
    if (!list) continue;
    // Capitalized mid-sentence words are names ("Strike Force", "March"), not triggers.
    const first = tokens[i]!.text;
    if (i > s0 && /^[A-Z]/.test(first) && first !== first.toUpperCase()) continue;
    for (const t of list) {
      const end = matchAt(t, words, i, s1);
      if (end < 0) continue;
      if (t.nounLikeBase?.has(words[i]!) && !verbalContext(words, i, s0, actorEnds)) continue;
      if (t.verb && t.words.length === 1 && i > s0 && DETERMINERS.has(words[i - 1]!)) continue;
      found.push({ trigger: t, ts: i, te: end, absorbed: false, action: null, deniedComplement: false });
      i = end - 1;
      break;
    }
  }
  // Fold governed triggers into the trigger that governs them.
  for (let a = 0; a < found.length; a++) {
    const gov = found[a]!;
    if (!gov.trigger.governs || gov.absorbed) continue;
    for (let b = a + 1; b < found.length; b++) {
      const sub = found[b]!;
      if (sub.ts - gov.te > MAX_GOVERN_DISTANCE || breaksBetween(words, gov.te, sub.ts)) break;
      // "accused X of piracy and sent warships": a coordinated verb is an event of its own.
      if (sub.trigger.verb && words[sub.ts - 1] === 'and') break;
      // "denied supplying weapons": the denial negates the act rather than rejecting something.
      if (gov.trigger.type === 'REJECT' && /^den(y|ies|ied|ying)$/.test(words[gov.ts]!) && sub.ts === gov.te) {
        gov.absorbed = true;
        sub.deniedComplement = true;
        break;
      }
      sub.absorbed = true;
      gov.action ??= sub.trigger.type;
    }
  }
  return found.filter((f) => !f.absorbed);
}

function verbalContext(words: readonly string[], i: number, s0: number, actorEnds: ReadonlySet<number>): boolean {
  if (words[i]!.endsWith('ed') || words[i]!.endsWith('ing')) return true;
  if (i === s0) return false;
  return VERBAL_CONTEXT.has(words[i - 1]!) || actorEnds.has(i);
}

function coordinatedVerb(words: readonly string[], prevEnd: number, ts: number): boolean {
  let k = ts - 1;
  while (k >= prevEnd && /^(also|then|later|has|have|had|was|were|is|are|will|would|to)$/.test(words[k]!)) k--;
  return k >= prevEnd && words[k] === 'and';
}

function breaksBetween(words: readonly string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (words[k] === ';' || words[k] === '.' || REPORTING.has(words[k]!) || words[k] === 'but') return true;
  return false;
}

function clauseStartOf(words: readonly string[], ts: number, s0: number): { start: number; opener: string | null } {
  for (let k = ts - 1; k >= s0; k--) {
    const w = words[k]!;
    if (w === ';' || (CLAUSE_BREAKS.has(w) && /^[a-z]+$/.test(w))) return { start: k + 1, opener: w };
  }
  return { start: s0, opener: null };
}

function toActor(doc: Doc, c: ActorCandidate): EventActor {
  return { ...textSpan(doc.text, c.start, c.end), name: c.name, code: c.code, actorKey: c.actorKey };
}

function sameActors(a: readonly EventActor[], b: readonly EventActor[]): boolean {
  return a.length === b.length && a.every((x, i) => (x.actorKey ?? x.name) === (b[i]!.actorKey ?? b[i]!.name));
}

/** Intentions are coded as the commitment (AGREE) or the threat (THREATEN), the intended act kept as `action`. */
function intentType(type: PloverType): PloverType {
  if (type === 'MOBILIZE' || type === 'AGREE' || type === 'THREATEN' || type === 'REQUEST' || type === 'REJECT' || type === 'ACCUSE' || type === 'PROTEST') return type;
  return QUAD_CLASS[type] <= 2 ? 'AGREE' : 'THREATEN';
}

export function annotateEvents(doc: Doc): void {
  doc.events = [];
  if (doc.tokens.length === 0) return;
  const view = docView(doc);
  const { words } = view;
  let previousSubject: ActorCandidate[] = [];
  for (let s = 0; s + 1 < view.sentenceStart.length; s++) {
    const s0 = view.sentenceStart[s]!;
    const s1 = view.sentenceStart[s + 1]!;
    const sentence = doc.sentences[doc.tokens[s0]!.sentence] ?? { start: doc.tokens[s0]!.start, end: doc.tokens[s1 - 1]!.end };
    const cands = sentenceActors(view, s0, s1);
    const triggers = findTriggers(view, s0, s1, cands);
    const events: EventMention[] = [];
    let prev: { te: number; source: ActorCandidate[] } | null = null;
    for (const f of triggers) {
      const { start: clauseStart, opener } = clauseStartOf(words, f.ts, s0);
      const roles = readRoles(view, cands, f.ts, f.te, s0, s1, clauseStart, previousSubject);
      // "X accused Y of piracy and sent warships": a coordinated verb shares the first verb's subject.
      if (prev && !roles.passive && prev.source.length && coordinatedVerb(words, prev.te, f.ts) && (roles.source.length === 0 || roles.source[0]!.ts >= prev.te)) {
        roles.source = prev.source;
      }
      prev = { te: f.te, source: roles.source };
      if (roles.source.length === 0 && roles.target.length === 0) continue;
      const modality = readModality(words, f.ts, clauseStart, opener);
      if (f.deniedComplement) {
        modality.negated = true;
        modality.mode = 'denied';
      }
      let type: PloverType = f.trigger.type;
      let kind = f.trigger.kind;
      // "dismissed the navy chief" is a personnel change; "dismissed the claims" a rejection.
      if (PERSONNEL_VERB.test(words[f.ts]!) && roles.target[0]?.person) {
        type = 'COERCE';
        kind = 'personnel';
      } else if (kind === 'personnel' && type === 'COERCE' && !roles.target[0]?.person) kind = null;
      const attributes: Record<string, unknown> = {};
      if (f.action) attributes.action = f.action;
      if (modality.mode === 'intent' && !modality.hypothetical) {
        const coded = modality.negated && QUAD_CLASS[type] <= 2 && type !== 'AGREE' ? 'REJECT' : intentType(type);
        if (coded !== type) {
          attributes.action = type;
          if (coded === 'REJECT') modality.negated = false;
          type = coded;
        }
      }
      let target = roles.target;
      if (target.length === 0 && roles.place?.placeName) target = [roles.place];
      const source = roles.source.map((c) => toActor(doc, c));
      const targetActors = target.filter((t) => !roles.source.includes(t)).map((c) => toActor(doc, c));
      const trigger = textSpan(doc.text, doc.tokens[f.ts]!.start, doc.tokens[f.te - 1]!.end);
      const place = roles.place;
      const event: EventMention = {
        type,
        mode: modality.mode,
        source,
        target: targetActors,
        date: dateOfSpan ? dateOfSpan(doc, trigger) : null,
        location: place ? { ...textSpan(doc.text, place.start, place.end), name: place.placeName ?? place.name } : null,
        trigger,
        negated: modality.negated,
        hypothetical: modality.hypothetical,
        attributes,
        evidence: { start: sentence.start, end: sentence.end },
      };
      Object.assign(event.attributes, domainAttributes(view, kind, event, s0, s1, f.ts, f.te));
      if (events.some((e) => e.type === event.type && sameActors(e.source, event.source) && sameActors(e.target, event.target))) continue;
      events.push(event);
      if (roles.source.length && roles.source[0]!.kind === 'actor') previousSubject = roles.source;
    }
    doc.events.push(...events);
  }
}
