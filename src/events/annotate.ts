import type { Doc, EventActor, EventMention, PloverType } from '../model/index.js';
import { docIndex, textSpan } from '../model/index.js';
import { QUAD_CLASS } from '../model/plover.js';
import { factDateFields, SAME_FORM_PAST } from '../time/index.js';
import { INDIVIDUAL_ROLES, isModifier, sentenceActors, type ActorCandidate, type EventContext } from './actors.js';
import { domainAttributes } from './attributes.js';
import {
  AUXILIARIES,
  CARRIER_SEARCH_BREAKS,
  CLAUSE_BREAKS,
  COMMISSIVE_VERBS,
  COMMITMENT_NOUNS,
  COORDINATED_VERB_GAP,
  DESIRE_VERBS,
  DENY,
  DETERMINERS,
  GROUP_NOUNS,
  LOCATIVE,
  NOUN_ROLE_PREPOSITIONS,
  PREPOSITIONS,
  PERSONNEL_VERB,
  PROPOSAL_VERBS,
  REPORTING,
  SUBJECT_BLOCKING_PREPOSITIONS,
  UNDERGOING_VERBS,
  VERBAL_CONTEXT,
  PASSIVE_AUX,
} from './data/words.js';
import { isIrregularPast } from './inflect.js';
import { candidatesAt, matchAt, objectAt, triggerLexicon, type CompiledTrigger } from './lexicon.js';
import {
  attributiveModality,
  complementModality,
  epistemicThat,
  forToContent,
  conditionClause,
  headlineInfinitive,
  gerundSubjectOfModal,
  hearsay,
  letGovernsComplement,
  modalGovernsInfinitive,
  readModality,
} from './modality.js';
import {
  claimOfResponsibility,
  dismissedObject,
  FRONTED_OPENERS,
  readRoles,
  reversedRoles,
  speakerOf,
} from './roles.js';
import { articleState, attachGeneric } from './generic.js';
import { DefiniteAntecedents, namedSide } from './named-sides.js';
import { laterCondition, namesNaturalDisaster, notAnEvent, reporters } from './not-events.js';
import { type CandidateView, type EventModel, eventModel } from './model.js';
import { ABSTRACT_TARGETS, RETORT_TARGETS, VIOLENCE_WORDS, WEAPONS } from './data/not-events.js';

/**
 * The events stage: PLOVER events from trigger words and the actors around them.
 *
 * Per sentence: find triggers (lexicon, longest match); drop noun-like verb forms without a verbal context
 * ("the press", "free to leave"); fold a trigger into an earlier one that governs it ("agreed to withdraw" is
 * one AGREE event, "threatened to impose sanctions" one THREATEN); read roles (subject → source, object →
 * target, "by" agent of a passive → source), the place, modality (negation, modals, intent, conditionals);
 * an intention to act is coded AGREE (cooperative acts) or THREATEN (conflictual acts) with `mode: "intent"`.
 * An event needs at least one actor. Its dates are the time stage's for the trigger (`factDateFields`).
 */

interface Found {
  /** For a reported demand ("X said that Y must …"): the candidates for speaker and addressee. */
  demand?: { source: ActorCandidate; target: ActorCandidate };
  trigger: CompiledTrigger;
  ts: number;
  te: number;
  absorbed: boolean;
  /** Where the verb group to read modality from ends: the trigger, or the verb carrying an event noun. */
  modalAt: number;
  action: PloverType | null;
  deniedComplement: boolean;
  /** A passive whose subject is negated by its determiner ("no sanctions were imposed"): the act did not happen. */
  negatedSubject?: boolean;
}

/**
 * A trigger found at tokens `ts`..`te`, its modality read at `modalAt`: not yet folded into another, no action or
 * denied complement yet (the later passes set them); `extra` for what only some finders know.
 */
function foundAt(
  trigger: CompiledTrigger,
  ts: number,
  te: number,
  modalAt: number,
  extra: Pick<Found, 'demand' | 'negatedSubject'> = {},
): Found {
  return { trigger, ts, te, absorbed: false, action: null, deniedComplement: false, modalAt, ...extra };
}

const MAX_GOVERN_DISTANCE = 9;

/** Prepositions of place that end the search for the verb carrying an event noun. */
const LOCATIVE_BREAKS: ReadonlySet<string> = new Set(['in', 'at', 'inside', 'outside', 'near']);

/** Prepositions after which an -ed form is a participle modifying a noun, never a finite verb (a preposition takes a
 * noun phrase: "founded by freed slaves", "a shortfall in pledged funds", "talks on occupied land"). */
const ATTRIBUTIVE_AFTER: ReadonlySet<string> = new Set([
  'by',
  'of',
  'for',
  'with',
  'from',
  'among',
  'against',
  'into',
  'at',
  'in',
  'on',
  'over',
  'about',
  'under',
  'between',
]);

function findTriggers(view: EventContext, s0: number, s1: number, cands: readonly ActorCandidate[]): Found[] {
  const words = view.ix.lower;
  const lex = triggerLexicon();
  const tokens = view.doc.tokens;
  const actorEnds = new Set(cands.filter((c) => c.kind !== 'place').map((c) => c.te));
  const found: Found[] = [];
  const masked = boilerplateMask(words, s0, s1);
  for (let i = s0; i < s1; i++) {
    if (view.ix.entityOf[i]! >= 0 || masked.has(i)) continue;
    const list = candidatesAt(lex, words, i, s1);
    // Capitalized mid-sentence words are names ("Strike Force", "March"), not triggers.
    const first = tokens[i]!.text;
    if (i > s0 && /^[A-Z]/.test(first) && first !== first.toUpperCase()) continue;
    if (!list) {
      const passive = passiveObjectTrigger(lex, words, i, s0);
      if (passive) found.push(passive);
      continue;
    }
    // Of the patterns that match here, the one whose first word after the verb comes soonest (its object
    // rather than a later phrase: "hold drills for days" is about drills), then the longest.
    let best: { t: CompiledTrigger; end: number; carrier: number; object: number } | null = null;
    for (const t of list) {
      if (best && t.words.length < best.t.words.length && best.object === i + 1) break;
      const end = matchAt(t, words, i, s1);
      if (end < 0) continue;
      // "claimed responsibility for the plot": no allegation pattern of "claim"; the act claimed is coded on its own.
      if (t.cameo && t.type === 'ACCUSE' && claimOfResponsibility(words, i)) continue;
      if (t.nounLikeBase?.has(words[i]!) && !verbalContext(words, i, s0, actorEnds)) continue;
      // "the press", "the planned demonstration": after a determiner a verb form is a noun or an attributive participle.
      if (t.verb && i > s0 && DETERMINERS.has(words[i - 1]!) && (t.words.length === 1 || /ed$/.test(words[i]!)))
        continue;
      // "the coastal blockade", "a harbour prison": a bare verb form after a determiner and a singular modifier is a noun
      // (subject-verb agreement: a singular subject takes the -s form, "the petition accuses"; a plural one may take
      // the bare form, "the rebels attack", and so may a collective group noun after "the", "the police attack").
      if (
        t.verb &&
        i > s0 + 1 &&
        !/(ed|ing|s)$/.test(words[i]!) &&
        DETERMINERS.has(words[i - 2]!) &&
        /^[a-z][a-z-]*[a-z]$/.test(words[i - 1]!) &&
        !/(ly|s)$/.test(words[i - 1]!) &&
        !SAME_FORM_PAST.has(words[i]!) &&
        !isIrregularPast(words[i]!) &&
        (!actorEnds.has(i) || words[i - 2] === 'a' || words[i - 2] === 'an')
      )
        continue;
      // "founded by freed slaves": a participle right after a preposition modifies the noun after it.
      if (
        t.verb &&
        i > s0 &&
        ATTRIBUTIVE_AFTER.has(words[i - 1]!) &&
        /ed$/.test(words[i]!) &&
        /^[a-z]+$/.test(words[i + 1] ?? '')
      )
        continue;
      const carrier = t.verb ? i : nounLicensed(view, i, end, s0, s1, cands);
      if (carrier < 0) continue;
      // "Ousted president X …": a sentence-initial participle is an adjective.
      if (t.verb && i === s0 && /ed$/.test(words[i]!)) continue;
      const object = objectAt(t, words, i, s1);
      if (!best || object < best.object) best = { t, end, carrier, object };
      if (object >= s1) break;
    }
    if (best) {
      found.push(foundAt(realizedMeeting(best.t, list), i, best.end, best.carrier));
      i = best.end - 1;
    } else {
      const passive = passiveObjectTrigger(lex, words, i, s0);
      if (passive) found.push(passive);
    }
  }
  found.push(...reportedDemands(view, s0, s1, cands));
  found.push(...directives(view, s0, s1, cands, found));
  found.sort((a, b) => a.ts - b.ts);
  // Fold governed triggers into the trigger that governs them.
  for (let a = 0; a < found.length; a++) {
    const gov = found[a]!;
    if (!gov.trigger.governs || gov.absorbed) continue;
    // "sought to impose sanctions": "seek to" is trying (no request, see notAnEvent); the act tried stands alone.
    if (SEEK_TO.test(words[gov.ts]!) && words[gov.te] === 'to') continue;
    let beyond = false;
    for (let b = a + 1; b < found.length; b++) {
      const sub = found[b]!;
      // "pressed for experts to rescue the animals or at least to give them access", "asked X to pray and ask for
      // forgiveness": an infinitive coordinated with the governed infinitive belongs to the same complement, however far
      // it stands (English coordinates infinitives as one complement); a finite verb after "and" does not.
      // Past the reach of a governed word, only such coordinated infinitives are looked for.
      const chained = sub.trigger.verb && coordinatedInfinitive(words, gov.te, sub.ts);
      if (!chained && (beyond || sub.ts - gov.te > MAX_GOVERN_DISTANCE || breaksBetween(words, gov.te, sub.ts))) {
        beyond = true;
        continue;
      }
      // "accused X of piracy and sent warships": a coordinated verb is an event of its own.
      if (!chained && sub.trigger.verb && words[sub.ts - 1] === 'and') break;
      // "urged X to apologize for accusing Y": "for" + a gerund after the governing word gives a reason, an act the
      // sentence takes as done, not the content of the demand (general English); "called for ending" keeps its "for".
      if (sub.ts - 1 >= gov.te && words[sub.ts - 1] === 'for' && /ing$/.test(words[sub.ts]!)) break;
      // "Despite warnings from X, Y attacked …": a complement does not start after a comma and a new subject, and a
      // noun's complement does not cross a comma at all.
      if (!chained && newClauseBetween(words, cands, gov, sub)) break;
      // "denied supplying weapons": the denial negates the act rather than rejecting something.
      if (
        gov.trigger.type === 'REJECT' &&
        DENY.has(words[gov.ts]!) &&
        (sub.ts === gov.te || words[gov.te] === 'that')
      ) {
        gov.absorbed = true;
        sub.deniedComplement = true;
        break;
      }
      // "offered an apology", "extended condolences": offering a speech act performs it; the apology is the event.
      if (COMMISSIVE_VERBS.test(words[gov.ts]!) && !sub.trigger.verb && sub.trigger.type === 'CONCEDE') {
        gov.absorbed = true;
        sub.modalAt = gov.ts;
        break;
      }
      sub.absorbed = true;
      gov.action ??= sub.trigger.type;
    }
  }
  absorbContents(words, found, s1);
  return found.filter((f) => !f.absorbed);
}

/**
 * A clause of its own opens at `k`: a short subject noun phrase (letters only, or none) and then a finite verb
 * trigger (not an -ing form, not an infinitive): "[and] its marines seized", "[as] police detained", "[and] then sent".
 */
function newClauseAt(words: readonly string[], found: readonly Found[], k: number, s1: number): boolean {
  for (let j = k; j < Math.min(s1, k + 5); j++) {
    const w = words[j]!;
    if (found.some((f) => f.ts === j && f.trigger.verb && !/ing$/.test(w))) return words[j - 1] !== 'to';
    if (!/^[\p{L}'’-]+$/u.test(w) || PREPOSITIONS.has(w) || w === 'to') return false;
  }
  return false;
}

/** Finite auxiliaries and forms of "be": a clause's verb group. */
const FINITE_AUX = /^(has|have|had|is|are|was|were|will|would|shall|should|can|could|may|might|must|did|does|do)$/;

/** Speech acts whose content clause states what the speaker charges, asks for or warns of. */
const CONTENT_GOVERNORS: ReadonlySet<string> = new Set(['ACCUSE', 'REQUEST', 'THREATEN']);
/** Verbs of a verdict: "convicted of …", "found guilty of …". */
const VERDICT = /^(convict|convicts|convicted|convicting|guilty)$/;

/**
 * Where the content of an accusation, demand, warning or verdict opens after the trigger ending at `te`: "that" or
 * "whether" (a content clause), or for a verb "of"/"with" ("accused X of …", "charged with …", "convicted of …"),
 * past at most an object noun phrase of a few words; -1 when none follows.
 */
function contentOpener(words: readonly string[], f: Found, s1: number): number {
  const verdict = VERDICT.test(words[f.te - 1]!);
  if (!CONTENT_GOVERNORS.has(f.trigger.type) && !verdict) return -1;
  // A pattern that spans its content's opener ("accused … of bombing").
  if (f.trigger.verb) for (let k = f.ts + 1; k < f.te; k++) if (words[k] === 'of' || words[k] === 'with') return k;
  for (let k = f.te; k < Math.min(s1, f.te + 6); k++) {
    const w = words[k]!;
    // "that" right after the trigger opens its content clause; after an object it is mostly a relative ("condemned
    // the group that …"), except after a verb of warning, which takes an object and a clause ("warned Y that …").
    if (w === 'whether' || (w === 'that' && (k === f.te || (f.trigger.verb && f.trigger.type === 'THREATEN'))))
      return k;
    if (w === 'that') return -1;
    if ((w === 'of' || w === 'with') && (f.trigger.verb || verdict)) return k;
    // Only an object noun phrase stands between: no punctuation, report, conjunction or preposition ("clashed over
    // the efforts of X": that "of" is inside a prepositional phrase, not the content of the verb).
    if (!/^[\p{L}.'’-]+$/u.test(w) || REPORTING.has(w) || w === 'and' || PREPOSITIONS.has(w)) return -1;
  }
  return -1;
}

/**
 * The content of another act is not an act of its own (PLOVER codes the accusation, the demand, the warning or the
 * verdict; the content-of-speech-act convention of the dev-set guidelines: "charged with killing X" is one ACCUSE):
 * a trigger inside the content clause of an accusation, demand, warning or verdict ("accused X of giving him a drug,
 * which killed him", "criticism that Y was urging …", "convicted of stabbing …") is folded into it. A finite clause
 * ("that …") runs to the end of its sentence or a clause break, its own adjuncts included ("allegations that Y lobbied
 * … while attempting to …"); a noun-phrase or gerund content ("of …", "with …") ends where an adjunct of the governing
 * verb opens ("charged with murder after opening fire": the shooting is reported, not charged) or at a verb
 * coordinated by "and" ("accused X of piracy and sent warships").
 */
function absorbContents(words: readonly string[], found: Found[], s1: number): void {
  for (const gov of found) {
    if (gov.absorbed) continue;
    const at = contentOpener(words, gov, s1);
    if (at < 0) continue;
    const finite = words[at] === 'that' || words[at] === 'whether';
    let end = at + 1;
    let relative = false;
    for (; end < Math.min(s1, at + 25); end++) {
      const w = words[end]!;
      // A noun-phrase or gerund content holds no finite verb but in a relative clause of its own ("of giving him a
      // drug, which killed him"): an auxiliary outside one opens the next clause.
      if (/^(which|who|whom|whose|that)$/.test(w)) relative = true;
      if (!finite && !relative && FINITE_AUX.test(w)) break;
      // A clause break or a new report ends the content; a comma too, unless a relative clause on the content's
      // last noun follows (", which killed him").
      if (w === ';' || w === '.' || w === ':' || w === 'but' || w === '--' || REPORTING.has(w)) break;
      if (w === ',' && !/^(which|who|whom|whose)$/.test(words[end + 1] ?? '')) break;
      if (!finite && ADJUNCT_OPENERS.has(w)) break;
      if (!finite && w === 'and' && found.some((f) => f.ts === end + 1 && f.trigger.verb && !/ing$/.test(words[f.ts]!)))
        break;
      // A relative clause on a participant of a noun-phrase content ("attacks by militias, who burned …", "the release
      // of the sailors that X seized", "the raid in which …") asserts an act of its own: the one charged, asked for or
      // warned of is the noun's, not the participant's. Only ", which" on the content's act (its consequence) stays.
      if (!finite && (/^(who|whom|whose|that|where)$/.test(w) || (w === 'which' && PREPOSITIONS.has(words[end - 1]!))))
        break;
      // "and"/"as" + a subject + a finite verb opens a clause of its own ("threatened X with fines and its marines
      // seized …", "convicted X of fraud as police detained …").
      if (!finite && (w === 'and' || w === 'as') && newClauseAt(words, found, end + 1, s1)) break;
    }
    for (const sub of found) {
      if (sub === gov || sub.absorbed || sub.ts <= at || sub.ts >= end) continue;
      sub.absorbed = true;
      gov.action ??= sub.trigger.type;
    }
  }
}

/** Verbs whose own meaning is an intention or a commitment ("plans", "intends", "promised", "vowed"). */
const INTENDING = /^(plan|intend|mean|meant|promis|pledg|vow|propos|offer|announc|agree|commit|undert)/;

/** PLOVER event types that are speech acts: their source is someone who speaks, never a thing. */
const SPEECH_ACTS = /^(ACCUSE|REQUEST|REJECT|THREATEN|AGREE|SUPPORT|CONCEDE|CONSULT)$/;

/**
 * The verb at `ts`, joined by "and" to a reported clause with no comma, is a speech act of the speaker: a PLOVER verbal
 * type (done by someone with a voice), in the active (an object follows it, not a preposition: "blamed Y", not "charged
 * with …", which shares the passive), after a reported clause whose subject undergoes its act (a passive) or is no
 * actor ("rockets were fired"), so cannot be the one who speaks.
 */
function speakersAct(
  words: readonly string[],
  prev: { subject: readonly unknown[]; passive: boolean },
  ts: number,
  type: string,
): boolean {
  const next = words[ts + 1] ?? '';
  if (!SPEECH_ACTS.test(type) || !/^[\p{L}\p{N}]/u.test(next) || PREPOSITIONS.has(next)) return false;
  return prev.subject.length === 0 || prev.passive;
}

/** Forms of "seek", which before "to" + a verb means trying to do it. */
const SEEK_TO = /^(seek|seeks|sought|seeking)$/;

/** Patterns of one verb and one object word ("impose … sanctions", "dispatch … warships"), in either lexicon. */
function verbObjectPatterns(t: CompiledTrigger): ReadonlySet<string> | null {
  if (!t.verb) return null;
  const rest = t.words.slice(1).filter((x) => x !== null);
  return rest.length === 1 ? rest[0]! : null;
}

/**
 * A verb + object pattern in the passive (English grammar: the passive's subject is the active verb's object):
 * "sanctions were imposed on X", "the warship was dispatched to Y", "a curfew was imposed". The participle at `i`
 * follows a form of "be" or "get" (an adverb between allowed); its object is a word of the subject before it, the
 * nearest one that completes a pattern of the verb, at most eight words back and not past a clause break.
 */
function passiveObjectTrigger(
  lex: ReturnType<typeof triggerLexicon>,
  words: readonly string[],
  i: number,
  s0: number,
): Found | null {
  const verb = words[i]!;
  if ((!lex.anchoredVerbs.has(verb) && !lex.byFirst.has(verb)) || !PARTICIPLE.test(verb)) return null;
  let aux = i - 1;
  // "were not imposed", "were never formally imposed": a negator or an adverb may stand between; the negation is read
  // with the verb group (readModality from the participle).
  if (aux > s0 && /^[a-z]+ly$/.test(words[aux]!)) aux--;
  if (aux > s0 && /^(not|n't|never)$/.test(words[aux]!)) aux--;
  if (aux <= s0 || !PASSIVE_FORMS.has(words[aux]!)) return null;
  if (words[aux - 1] === 'been' || words[aux - 1] === 'be') aux--;
  if (PASSIVE_FORMS.has(words[aux - 1] ?? '')) aux--;
  const own = (lex.byFirst.get(verb) ?? []).filter((t) => verbObjectPatterns(t));
  for (let k = aux - 1; k >= s0 && k >= aux - 8; k--) {
    const w = words[k]!;
    // A clause break, a subordinator ("once it is lodged"), or a pronoun subject: the object is not in reach.
    if (/^[;:.!?]$/.test(w) || w === 'that' || REPORTING.has(w) || CLAUSE_BREAKS.has(w)) break;
    if (/^(it|they|he|she|we|this|these)$/.test(w)) break;
    const cameo = (lex.anchored.get(w) ?? []).filter((t) => t.words[0]!.has(verb) && verbObjectPatterns(t));
    const hit = [...own.filter((t) => verbObjectPatterns(t)!.has(w)), ...cameo][0];
    if (hit) return foundAt(hit, i, i + 1, i, { negatedSubject: negatedNounPhrase(words, k, s0) });
  }
  return null;
}

/**
 * "No sanctions were imposed", "none of the troops were withdrawn": a subject whose determiner is "no", "none (of)"
 * or "neither (of)" says the act did not happen (English negative determiners). `k` is the subject's head noun.
 */
function negatedNounPhrase(words: readonly string[], k: number, s0: number): boolean {
  for (let j = k - 1, n = 0; j >= s0 && n < 5; j--, n++) {
    const w = words[j]!;
    if (w === 'no' || w === 'none' || w === 'neither') return true;
    if (/^[;:,.!?]$/.test(w) || CLAUSE_BREAKS.has(w) || REPORTING.has(w) || PASSIVE_FORMS.has(w)) return false;
  }
  return false;
}

/** Forms of "be" and "get" that make a passive (`PASSIVE_AUX`), and "'s" ("it's been imposed"). */
const PASSIVE_FORMS: ReadonlySet<string> = new Set([...PASSIVE_AUX, "'s"]);

const ADJUNCT_OPENERS: ReadonlySet<string> = new Set([
  'after',
  'before',
  'when',
  'while',
  'since',
  'because',
  'although',
  'though',
  'until',
  'unless',
  'if',
  'whereas',
  'despite',
  'amid',
]);

/** Words that may stand between a subject and its verb: auxiliaries and a few adverbs ("Y has agreed", "Y then agreed"). */
const SUBJECT_VERB_GAP = /^(has|have|had|was|were|is|are|will|would|did|does|also|then|later|quickly|soon)$/;

/**
 * The "and" at `k` is followed by a named actor or group (not a place) and then, past only auxiliaries or adverbs, the
 * verb at `ts`, which no "to" marks as an infinitive: the actor is the subject of a new clause.
 */
function ownSubjectAfterAnd(
  words: readonly string[],
  cands: readonly ActorCandidate[],
  k: number,
  ts: number,
): boolean {
  const subj = cands.find((c) => c.ts === k + 1 && c.kind !== 'place' && c.kind !== 'pronoun');
  if (!subj || subj.te > ts || ts - subj.te > 2) return false;
  for (let j = subj.te; j < ts; j++) if (!SUBJECT_VERB_GAP.test(words[j]!)) return false;
  return words[ts - 1] !== 'to';
}

function newClauseBetween(words: readonly string[], cands: readonly ActorCandidate[], gov: Found, sub: Found): boolean {
  for (let k = gov.te; k < sub.ts; k++) {
    // "drew criticism after sinking a trawler that had been commandeered": a subordinator opens an adjunct clause,
    // not the governing word's complement.
    if (ADJUNCT_OPENERS.has(words[k]!)) return true;
    // "urged X to talk and Y agreed to …": "and" + a subject of its own + a verb that is not an infinitive opens a
    // coordinated main clause (English coordination of clauses needs no comma), not more of the complement.
    if (words[k] === 'and' && sub.trigger.verb && ownSubjectAfterAnd(words, cands, k, sub.ts)) return true;
    if (words[k] !== ',') continue;
    if (!gov.trigger.verb) return true;
    if (cands.some((c) => c.ts > k && c.te <= sub.ts && c.kind !== 'place')) return true;
  }
  return false;
}

/**
 * CAMEO 036 is the *intention* to meet or negotiate ("plans talks", "proposed a summit"); on a verb whose own meaning
 * is the meeting ("met with the leaders"), the pattern reports the meeting itself (CAMEO 04, PLOVER CONSULT), and an
 * intention, if any, is read from the verb group ("will meet") like any other.
 */
function realizedMeeting(t: CompiledTrigger, list: readonly CompiledTrigger[]): CompiledTrigger {
  if (t.cameo !== '036') return t;
  const own = list.find((o) => o.cameo === null && o.verb && o.words.length === 1 && o.type === 'CONSULT');
  return own ? { ...t, type: own.type, kind: own.kind } : t;
}

const INSIST = /^(insist|insists|insisted|insisting|demand|demands|demanded|demanding)$/;

/** "must" as a trigger: a demand reported as "X said/warned/reminded Y that Y must …". */
const MUST: CompiledTrigger = {
  words: [new Set(['must'])],
  type: 'REQUEST',
  governs: true,
  kind: null,
  pattern: 'must',
  nounLikeBase: null,
  verb: true,
  cameo: null,
};

/**
 * "The administration declared that China must drop barriers", "reminded Iraq that it must cooperate": a
 * statement that someone must act is a demand on them by the speaker.
 */
function reportedDemands(view: EventContext, s0: number, s1: number, cands: readonly ActorCandidate[]): Found[] {
  const words = view.ix.lower;
  const out: Found[] = [];
  for (let i = s0 + 3; i < s1; i++) {
    // "must" after any verb of saying; "should" only after a verb of proposal or insistence ("suggested that X
    // should …", "insisted that X should …"), where it carries the speaker's demand rather than an opinion.
    if (words[i] !== 'must' && words[i] !== 'should') continue;
    const k = cands.findIndex((c) => c.te === i);
    if (k <= 0) continue;
    let addressee = cands[k]!;
    let j = addressee.ts - 1;
    while (j > s0 && (words[j] === 'the' || isModifier(words[j]!))) j--;
    if (words[j] !== 'that') continue;
    if (words[i] === 'should' && !(PROPOSAL_VERBS.test(words[j - 1] ?? '') || INSIST.test(words[j - 1] ?? '')))
      continue;
    if (addressee.kind === 'pronoun') {
      const before = cands
        .slice(0, k)
        .reverse()
        .find((c) => c.kind === 'actor' && c.te <= j);
      if (!before) continue;
      addressee = before;
    }
    const speaker = cands.find((c) => c.kind === 'actor' && c.te <= j && c !== addressee && !c.media);
    if (!speaker || addressee.kind !== 'actor') continue;
    out.push(foundAt(MUST, i, i + 1, i, { demand: { source: speaker, target: addressee } }));
  }
  return out;
}

/**
 * Verbs that direct someone to act when they take an object and a to-infinitive ("advised X to close the border",
 * "ordered the troops to withdraw", "told them to leave"): general English (a dictionary's sense of each: advise,
 * counsel = recommend a course of action to someone; order, instruct, tell = direct someone to do something) and CAMEO
 * (advise, counsel among the appeal verbs, order among the demands), both a REQUEST in PLOVER. Only in that frame:
 * "told reporters that …", "ordered a review" are not directives.
 */
const DIRECTIVE_VERBS: ReadonlySet<string> = new Set(
  'advise advises advised advising counsel counsels counseled counselled counseling counselling order orders ordered ordering instruct instructs instructed instructing tell tells told telling'.split(
    ' ',
  ),
);
const OBJECT_PRONOUNS = /^(him|her|them|us|me|it)$/;

const DIRECTIVE: CompiledTrigger = {
  words: [new Set(['advise'])],
  type: 'REQUEST',
  governs: true,
  kind: null,
  pattern: 'advise … to',
  nounLikeBase: null,
  verb: true,
  cameo: null,
};

/**
 * A directive verb with no trigger of its own, its object (a named or group actor, an object pronoun, or a short
 * noun phrase opened by a determiner) and "to" + a verb: a REQUEST at the verb, which governs the infinitive's act
 * (folded into it as its content, like "urged X to …").
 */
function directives(
  view: EventContext,
  s0: number,
  s1: number,
  cands: readonly ActorCandidate[],
  found: readonly Found[],
): Found[] {
  const words = view.ix.lower;
  const out: Found[] = [];
  for (let i = s0 + 1; i < s1 - 3; i++) {
    if (!DIRECTIVE_VERBS.has(words[i]!) || DETERMINERS.has(words[i - 1]!)) continue;
    if (found.some((f) => f.ts <= i && f.te > i)) continue;
    let to = -1;
    if (OBJECT_PRONOUNS.test(words[i + 1]!)) to = i + 2;
    else {
      // The object's phrase: a determiner or capitalized title words ("President") may stand before the candidate.
      const tokens = view.doc.tokens;
      const obj = cands.find((c) => {
        if (c.kind === 'place' || c.ts <= i || c.ts > i + 3) return false;
        for (let j = i + 1; j < c.ts; j++)
          if (!DETERMINERS.has(words[j]!) && !/^[A-Z]/.test(tokens[j]!.text)) return false;
        return true;
      });
      if (obj) to = obj.te;
      else if (DETERMINERS.has(words[i + 1]!)) {
        let k = i + 2;
        while (k < Math.min(s1, i + 5) && /^[a-z][a-z'-]*$/.test(words[k]!) && words[k] !== 'to') k++;
        if (k > i + 2) to = k;
      }
    }
    if (to < 0 || words[to] !== 'to') continue;
    const next = words[to + 1] ?? '';
    if (!/^[a-z][a-z-]*$/.test(next) || DETERMINERS.has(next) || PREPOSITIONS.has(next)) continue;
    out.push(foundAt(DIRECTIVE, i, i + 1, i));
  }
  return out;
}

const NONE: ReadonlySet<number> = new Set();

function boilerplateMask(words: readonly string[], s0: number, s1: number): ReadonlySet<number> {
  let masked: Set<number> | null = null;
  const lists = triggerLexicon().boilerplate;
  for (let i = s0; i < s1; i++) {
    const phrases = lists.get(words[i]!);
    if (!phrases) continue;
    for (const phrase of phrases) {
      if (!phrase.every((w, k) => words[i + k] === w)) continue;
      masked ??= new Set();
      for (let k = 0; k < phrase.length + 2 && i + k < s1; k++) masked.add(i + k);
    }
  }
  return masked ?? NONE;
}

/**
 * An event noun reports an event when a verb carries it ("staged a protest"), its actor owns it ("Iraq's
 * offer"), or its agent or target follows ("an attack by rebels on X", "sanctions against Y").
 */
function nounLicensed(
  view: EventContext,
  ts: number,
  te: number,
  s0: number,
  s1: number,
  cands: readonly ActorCandidate[],
): number {
  const words = view.ix.lower;
  const light = triggerLexicon().lightVerbs;
  for (let j = ts - 1, n = 0; j >= s0 && n < 5; j--, n++) {
    const w = words[j]!;
    if (
      light.has(w) ||
      triggerLexicon()
        .byFirst.get(w)
        ?.some((t) => t.verb && t.governs)
    )
      return j;
    if (w === "'s" && cands.some((c) => c.te === j && c.kind === 'actor')) return ts;
    // "locked in a harbour prison": a noun inside a phrase of place is not the object of the verb before
    // it ("took part in a protest" is: taking part in names the act).
    if (
      LOCATIVE_BREAKS.has(w) &&
      !/^(part|participate|participated|participates|participating|engaged|involved)$/.test(words[j - 1] ?? '')
    )
      break;
    if (w === '-') n--;
    else if (!(DETERMINERS.has(w) || /^[0-9a-z][0-9a-z,.-]*$/.test(w)) || CARRIER_SEARCH_BREAKS.has(w)) break;
  }
  const role = roleAfterAdjunct(words, te, s1);
  if (role < s1 && NOUN_ROLE_PREPOSITIONS.has(words[role]!)) {
    const next = cands.find((c) => c.ts > role && c.ts <= role + 3 && c.kind === 'actor');
    if (next) return ts;
  }
  return -1;
}

/**
 * Where a noun's complement starts: right after it, or after one short adjunct of place or time ("talks in London
 * with X", "talks on Monday with X": the "with" phrase still completes "talks").
 */
function roleAfterAdjunct(words: readonly string[], te: number, s1: number): number {
  if (!ADJUNCT_PREPOSITIONS.has(words[te] ?? '')) return te;
  for (let k = te + 1; k < Math.min(s1, te + 5); k++) {
    if (words[k] === 'with' || words[k] === 'between') return k;
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(words[k]!)) break;
  }
  return te;
}

const ADJUNCT_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'on', 'last', 'this']);

function verbalContext(words: readonly string[], i: number, s0: number, actorEnds: ReadonlySet<number>): boolean {
  if (words[i]!.endsWith('ed') || words[i]!.endsWith('ing')) return true;
  if (i === s0) return false;
  return VERBAL_CONTEXT.has(words[i - 1]!) || (actorEnds.has(i) && !singularNounPhrase(words, i, s0));
}

/**
 * "in a Chilean police jail": the actor before a bare form opens with "a"/"an", so the phrase is singular and the
 * bare form (a plural subject's verb form) is the head noun of that phrase, not its verb (subject-verb agreement).
 */
function singularNounPhrase(words: readonly string[], i: number, s0: number): boolean {
  for (let j = i - 1; j >= Math.max(s0, i - 5); j--) {
    const w = words[j]!;
    if (w === 'a' || w === 'an') return true;
    if (w === 'of' || !/^[\p{L}.'’-]+$/u.test(w)) return false;
  }
  return false;
}

/** Verbs of hindering: "prevented/stopped/barred X from doing". */
const HINDER =
  /^(prevent|prevents|prevented|preventing|stop|stops|stopped|stopping|bar|bars|barred|barring|block|blocks|blocked|blocking|keep|keeps|kept|keeping|deter|deters|deterred|deterring|ban|bans|banned|banning)$/;

/** "prevented pirates from attacking": the candidate between a verb of hindering and "from" + the trigger, or -1. */
function hinderedAgent(words: readonly string[], cands: readonly ActorCandidate[], ts: number): number {
  if (words[ts - 1] !== 'from' || !/ing$/.test(words[ts]!)) return -1;
  const k = cands.findIndex((c) => c.te === ts - 1);
  if (k < 0 || cands[k]!.kind !== 'actor') return -1;
  let j = cands[k]!.ts - 1;
  while (j >= 0 && /^(the|a|an|some|its|their|his|her)$/.test(words[j]!)) j--;
  return j >= 0 && HINDER.test(words[j]!) ? k : -1;
}

/** Words between an event noun's "from"/"by" and its agent ("from his American counterpart"). */
const AGENT_GAP = /^(the|a|an|his|her|their|its|own)$/;

/** The candidate after "from"/"by" right after an event noun, when it is an actor (not a reporter), else -1. */
function nounAgent(words: readonly string[], cands: readonly ActorCandidate[], te: number): number {
  // "the attack on X by Y", "sanctions against X from Y": the agent may follow the noun's target phrase.
  if (words[te] === 'on' || words[te] === 'against') {
    const k = cands.find((c) => c.ts > te && c.ts <= te + 3 && c.kind !== 'place');
    const gap = k ? words.slice(te + 1, k.ts).every((w) => AGENT_GAP.test(w)) : false;
    if (k && gap && (words[k.te] === 'by' || words[k.te] === 'from')) te = k.te;
  }
  if (words[te] !== 'from' && words[te] !== 'by') return -1;
  for (let k = te + 1; k < te + 5; k++) {
    const i = cands.findIndex((c) => c.ts === k);
    // "warnings from Russia": a polity read as a place after "from" is the noun's agent (withdrawals and deployments,
    // where "from" names a place, never get here).
    const c = cands[i];
    if (c?.kind === 'place' && c.actorKey && /^[A-Z]{3}$/.test(c.code) && !c.media) return i;
    if (i >= 0) return c!.kind === 'actor' && !c!.media ? i : -1;
    if (!AGENT_GAP.test(words[k] ?? '') && !isModifier(words[k] ?? '')) break;
  }
  return -1;
}

/** Past participles: regular ones and the irregular ones event verbs have. */
const PARTICIPLE =
  /^([a-z]+ed|held|sent|shot|struck|hit|cut|put|shut|taken|beaten|given|thrown|left|paid|slain|freed|caught|sought|bought|brought|kept|found|blown|built|made|withdrawn)$/;

function coordinatedVerb(words: readonly string[], prevEnd: number, ts: number): boolean {
  let k = ts - 1;
  while (k >= prevEnd && COORDINATED_VERB_GAP.has(words[k]!)) k--;
  return k >= prevEnd && words[k] === 'and';
}

/** Words that end an infinitive complement: a new clause, a relative or a report. */
const COMPLEMENT_ENDS = /^(;|:|\.|but|that|which|who|whom|whose)$/;

/** Subordinators of an adverbial clause inside the complement ("to rescue them before the oil is lit"): past one, only
 * a marked infinitive ("or to give …") still coordinates with the governed one. */
const ADVERBIAL_OPENERS = /^(because|while|although|though|when|after|before|since|until|if|unless|as)$/;

/**
 * The verb at `ts` is an infinitive coordinated with the infinitive complement of the governing word ending at `gte`:
 * the complement opens with "to" + a verb within a few words ("urged X to …", "pressed for X to …"), an "and"/"or"
 * joins it to the verb at `ts`, which is a bare form right after "to", "and" or "or", and nothing between ends the
 * complement (a clause break, a relative, a report; an adverbial clause, unless the verb is marked by "to").
 */
function coordinatedInfinitive(words: readonly string[], gte: number, ts: number): boolean {
  const before = words[ts - 1] ?? '';
  if (before !== 'to' && before !== 'and' && before !== 'or') return false;
  const verb = words[ts]!;
  if (/(ed|ing)$/.test(verb) || /[^s]s$/.test(verb) || isIrregularPast(verb)) return false;
  let opened = -1;
  for (let k = gte; k < Math.min(ts, gte + 6); k++)
    if (words[k] === 'to' && /^[a-z]+$/.test(words[k + 1] ?? '') && words[k + 1] !== 'the') {
      opened = k;
      break;
    }
  if (opened < 0 || opened + 1 >= ts) return false;
  let joined = false;
  for (let k = opened + 2; k < ts; k++) {
    const w = words[k]!;
    if (COMPLEMENT_ENDS.test(w) || REPORTING.has(w) || (before !== 'to' && ADVERBIAL_OPENERS.test(w))) return false;
    if (w === 'and' || w === 'or') joined = true;
  }
  return joined;
}

/**
 * The verb at `ts` follows "and" (past auxiliaries or adverbs; a comma before "and" allowed), and before the "and" lies
 * a clause reported by a verb of saying in the same sentence with no actor, pronoun or clause break in it: the index
 * of that verb of saying, else -1.
 */
function sayingBeforeAnd(words: readonly string[], cands: readonly ActorCandidate[], ts: number, s0: number): number {
  let k = ts - 1;
  while (k > s0 && COORDINATED_VERB_GAP.has(words[k]!) && words[k] !== 'to') k--;
  if (words[k] !== 'and') return -1;
  const and = words[k - 1] === ',' ? k - 1 : k;
  for (let j = and - 1; j > s0; j--) {
    const w = words[j]!;
    if (/^[,;:.!?"“”]$/.test(w) || w === '``' || w === "''") return -1;
    if (!REPORTING.has(w) || PASSIVE_AUX.has(words[j - 1]!)) continue;
    if (j + 1 >= and || cands.some((c) => c.ts > j && c.te <= and && c.kind !== 'place')) return -1;
    return copularClause(words, j + 1, and) ? j : -1;
  }
  return -1;
}

/**
 * The clause from `a` to `b` predicates with "be" and no verb of its own: a form of "be" followed by a word that is no
 * participle ("the raid was illegal", "the plan is a provocation"), so it has no act to coordinate with; "the missiles
 * were launched" (a passive) has one.
 */
function copularClause(words: readonly string[], a: number, b: number): boolean {
  for (let k = a; k < b - 1; k++) {
    if (!/^(is|are|was|were)$/.test(words[k]!)) continue;
    let n = k + 1;
    while (n < b && /ly$/.test(words[n]!)) n++;
    const w = words[n] ?? '';
    return n < b && !PARTICIPLE.test(w) && !/ing$/.test(w) && !isIrregularPast(w);
  }
  return false;
}

/** The "and" that coordinates the verb at `ts` follows a comma (", and accused …"). */
function commaAnd(words: readonly string[], prevEnd: number, ts: number): boolean {
  let k = ts - 1;
  while (k >= prevEnd && COORDINATED_VERB_GAP.has(words[k]!)) k--;
  return words[k] === 'and' && words[k - 1] === ',';
}

function breaksBetween(words: readonly string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++)
    if (words[k] === ';' || words[k] === '.' || REPORTING.has(words[k]!) || words[k] === 'but') return true;
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

/**
 * "protested that …", or the reporting tail ", a group protested (on Wednesday)." with nothing protested against
 * after a complete clause: a closing quote or a finite verb before the comma. The comma of a fronted adverbial
 * ("After the verdict, students protested …") or before a coordinator (", and students protested") opens no
 * reporting tail, and a phrase of place after the verb ("protested in Paris") is a protest in the street.
 */
function verbalProtest(
  words: readonly string[],
  cands: readonly ActorCandidate[],
  f: Found,
  s0: number,
  s1: number,
): boolean {
  if (words[f.te] === 'that') return true;
  let comma = -1;
  for (let k = f.ts - 1; k >= Math.max(s0 + 3, f.ts - 7); k--)
    if (words[k] === ',') {
      comma = k;
      break;
    }
  if (comma < 0) return false;
  if (COORDINATORS_AFTER_COMMA.has(words[comma + 1]!)) return false;
  const opener = words[s0]!.toLowerCase();
  if (FRONTED_OPENERS.has(opener) || ADJUNCT_OPENERS.has(opener)) {
    let earlier = false;
    for (let k = s0 + 1; k < comma; k++) if (words[k] === ',' || words[k] === ';') earlier = true;
    if (!earlier) return false;
  }
  if (!completeClause(words, s0, comma)) return false;
  for (let k = f.te; k < s1; k++) {
    const w = words[k]!;
    if (w === '.' || w === '!') return true;
    if (
      w === 'against' ||
      w === 'over' ||
      w === ',' ||
      LOCATIVE.has(w) ||
      cands.some((c) => c.ts === k && c.kind === 'actor')
    )
      return false;
  }
  return true;
}

const COORDINATORS_AFTER_COMMA: ReadonlySet<string> = new Set(['and', 'but', 'or', 'nor', 'yet', 'so']);

/** A closing quote just before `end`, or a finite verb (an auxiliary, a past form) between `from` and `end`. */
function completeClause(words: readonly string[], from: number, end: number): boolean {
  if (/^[”"’']$/.test(words[end - 1] ?? '')) return true;
  for (let k = from + 1; k < end; k++) {
    const w = words[k]!;
    if (AUXILIARIES.has(w) || isIrregularPast(w)) return true;
    if (/^[a-z]{2,}ed$/.test(w) && !DETERMINERS.has(words[k - 1]!.toLowerCase())) return true;
  }
  return false;
}

/** "fired back at critics", "fired back, saying …": "fire back" answering words, with no weapon or violence near. */
function firedBack(words: readonly string[], f: Found, s0: number, s1: number): boolean {
  if (!/^fir(e|es|ed|ing)$/.test(words[f.ts]!) || words[f.ts + 1] !== 'back') return false;
  if (weaponIn(words, s0, s1) || within(words, s0, s1, VIOLENCE_WORDS)) return false;
  let k = f.ts + 2;
  if (words[k] === 'at') {
    k++;
    while (
      k < s1 &&
      k < f.ts + 6 &&
      (DETERMINERS.has(words[k]!) || isModifier(words[k]!)) &&
      !RETORT_TARGETS.has(words[k]!)
    )
      k++;
    if (RETORT_TARGETS.has(words[k] ?? '')) return true;
  }
  return verbalSignal(words, f, s0, s1);
}

/** Words that make "on" or "at" a time, not a target ("was fired on Monday", "fired at 3 pm"). */
const TIME_AFTER_ON =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|[0-9].*)$/;

function figurativeAssault(
  words: readonly string[],
  f: Found,
  s0: number,
  s1: number,
  source: readonly ActorCandidate[],
  target: readonly ActorCandidate[],
): PloverType {
  const verb = words[f.ts]!;
  let abstract = false;
  for (let k = f.te; k < Math.min(s1, f.te + 5); k++) {
    const w = words[k]!;
    if (ABSTRACT_TARGETS.has(w)) abstract = true;
    if (w === ',' || w === '.' || w === 'and') break;
  }
  if (
    /^(kill|kills|killed|killing|torpedo|torpedoes|torpedoed|torpedoing)$/.test(verb) ||
    (/^(shoot|shoots|shot|shooting)$/.test(verb) && words[f.ts + 1] === 'down')
  ) {
    if (abstract) return 'REJECT';
    return 'ASSAULT';
  }
  if (!/^(attack|attacks|attacked|attacking|assail|assails|assailed|assailing)$/.test(verb)) return 'ASSAULT';
  if (abstract && !weaponIn(words, s0, s1)) return 'ACCUSE';
  const persons = source.length > 0 && target.length > 0 && [...source, ...target].every((c) => c.person);
  if (persons && !weaponIn(words, s0, s1) && !within(words, s0, s1, VIOLENCE_WORDS) && verbalSignal(words, f, s0, s1))
    return 'ACCUSE';
  return 'ASSAULT';
}

/** Words of speech that make "attacked" a person criticism: a quote, a verb of saying, a speech or a debate. */
const SPEECH_SIGNS: ReadonlySet<string> = new Set([
  '“',
  '”',
  '"',
  'called',
  'calling',
  'accused',
  'accusing',
  'tweeted',
  'interview',
  'speech',
  'debate',
  'remarks',
  'statement',
  'rally',
  'column',
  'post',
  'letter',
]);

/**
 * "attacked X over her record", "for his remarks", "as weak": an over/for/as complement after the trigger, or a
 * quote or a verb of saying in the sentence. Without one, a person attacking a person ("outside a bar") is bodily.
 */
function verbalSignal(words: readonly string[], f: Found, s0: number, s1: number): boolean {
  for (let k = f.te; k < s1; k++) {
    const w = words[k]!;
    if (w === '.' || w === ';') break;
    if ((w === 'over' || w === 'for' || w === 'as') && !/^(?:a|the)$/.test(words[k + 1] ?? '')) return true;
    if ((w === 'over' || w === 'for' || w === 'as') && ABSTRACT_TARGETS.has(words[k + 2] ?? '')) return true;
  }
  for (let k = s0; k < s1; k++) {
    const w = words[k]!;
    if (REPORTING.has(w) || SPEECH_SIGNS.has(w)) return true;
  }
  return false;
}

function within(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (set.has(words[k]!)) return true;
  return false;
}

function weaponIn(words: readonly string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (WEAPONS.has(words[k]!)) return true;
  return false;
}

/**
 * Verbs that take an object and an infinitive as their complement, not as a purpose: directives ("urged X to"),
 * causatives and implicatives ("forced X to", "prompted X to", "helped X to"), wanting and expecting.
 */
const OBJECT_CONTROL =
  /^(ask|asks|asked|asking|urge|urges|urged|urging|call|calls|called|calling|tell|tells|told|telling|order|orders|ordered|ordering|force|forces|forced|forcing|compel|compels|compelled|compelling|allow|allows|allowed|allowing|permit|permits|permitted|permitting|invite|invites|invited|inviting|encourage|encourages|encouraged|encouraging|persuade|persuades|persuaded|persuading|prompt|prompts|prompted|prompting|lead|leads|led|leading|cause|causes|caused|causing|help|helps|helped|helping|enable|enables|enabled|enabling|pressure|pressures|pressured|pressuring|press|presses|pressed|pressing|push|pushes|pushed|pushing|want|wants|wanted|wanting|expect|expects|expected|expecting|require|requires|required|requiring|authorize|authorizes|authorized|authorizing|authorise|authorised|empower|empowers|empowered|empowering|get|gets|got|getting|convince|convinces|convinced|convincing|warn|warns|warned|warning|advise|advises|advised|advising|instruct|instructs|instructed|instructing|appeal|appeals|appealed|appealing|challenge|challenges|challenged|challenging|train|trains|trained|training)$/;

/**
 * A purpose infinitive (English grammar: "to" + verb after a complete verb phrase gives the act's aim): the trigger
 * follows "to", an earlier verb trigger of the same clause acts on an object between them ("sent a team to help",
 * "mobilized groups in X to help support"), and that verb does not take the infinitive as its complement.
 */
function purposeInfinitive(
  words: readonly string[],
  triggers: readonly Found[],
  f: Found,
  clauseStart: number,
): boolean {
  if (!f.trigger.verb || f.modalAt !== f.ts || words[f.ts - 1] !== 'to') return false;
  const to = f.ts - 1;
  for (const g of triggers) {
    if (g === f || !g.trigger.verb || g.ts < clauseStart || g.te > to || to - g.te > 8) continue;
    // The object sits between the verb and "to", or inside the trigger ("send a team").
    if (g.te === to && g.te - g.ts < 2) continue;
    if (OBJECT_CONTROL.test(words[g.ts]!) || g.trigger.type === 'REQUEST' || g.trigger.type === 'THREATEN') continue;
    // "met to discuss": talks are what a meeting is, not an aim beyond it.
    if (g.trigger.type === 'CONSULT' && f.trigger.type === 'CONSULT') continue;
    let clean = true;
    for (let k = g.te; k < to; k++)
      if (/^[,;:]$/.test(words[k]!) || words[k] === 'and' || words[k] === 'that') clean = false;
    if (clean) return true;
  }
  return false;
}

/** Intentions are coded as the commitment (AGREE) or the threat (THREATEN), the intended act kept as `action`. */
function intentType(type: PloverType): PloverType {
  if (
    type === 'MOBILIZE' ||
    type === 'AGREE' ||
    type === 'THREATEN' ||
    type === 'REQUEST' ||
    type === 'REJECT' ||
    type === 'ACCUSE' ||
    type === 'PROTEST'
  )
    return type;
  return QUAD_CLASS[type] <= 2 ? 'AGREE' : 'THREATEN';
}

/** A candidate as the rules leave it, for training the model: its features' view, and what the rules emit. */
export interface CollectedCandidate {
  view: CandidateView;
  /** The trigger's character span in the document. */
  start: number;
  end: number;
  /** The type the rules emit (after an intention is coded AGREE/THREATEN). */
  emitted: PloverType;
  /** The rules' list of non-events rejected it (`not-events.ts`); the gate never sees these, training may. */
  rejected: boolean;
}

export interface EventOptions {
  /** The learned gate and type chooser; default the committed model (`models/events.json`), `null` for rules alone. */
  model?: EventModel | null;
  /** Called with every candidate the rules would emit (training only). */
  collect?: (c: CollectedCandidate) => void;
}

export function annotateEvents(doc: Doc, options: EventOptions = {}): void {
  const model = options.model === undefined ? eventModel() : options.model;
  doc.events = [];
  if (doc.tokens.length === 0) return;
  const view: EventContext = { doc, ix: docIndex(doc) };
  const words = view.ix.lower;
  const state = articleState(doc);
  // Read once, and only when a candidate needs it.
  let disaster: boolean | undefined;
  const naturalDisaster = (): boolean => (disaster ??= namesNaturalDisaster(words));
  const titled = new DefiniteAntecedents();
  let previousSubject: ActorCandidate[] = [];
  for (let s = 0; s + 1 < view.ix.sentenceStart.length; s++) {
    const s0 = view.ix.sentenceStart[s]!;
    const s1 = view.ix.sentenceStart[s + 1]!;
    const sentence = doc.sentences[doc.tokens[s0]!.sentence] ?? {
      start: doc.tokens[s0]!.start,
      end: doc.tokens[s1 - 1]!.end,
    };
    const cands = sentenceActors(view, s0, s1);
    titled.note(cands, words, view.ix.entityOf, (w) => GROUP_NOUNS.has(w));
    const triggers = findTriggers(view, s0, s1, cands);
    const reporting = reporters(words, cands);
    const events: EventMention[] = [];
    let prev: { te: number; subject: ActorCandidate[]; passive: boolean; sayer: ActorCandidate[] | null } | null = null;
    for (const f of triggers) {
      const { start: clauseStart, opener } = clauseStartOf(words, f.ts, s0);
      const roles = readRoles(view, cands, f.ts, f.te, s0, s1, clauseStart, previousSubject, f.trigger.verb);
      // "complaints from his counterpart", "a request by Iraq": an event noun's own agent is its source.
      const agent = f.trigger.verb || /^(RETREAT|MOBILIZE)$/.test(f.trigger.type) ? -1 : nounAgent(words, cands, f.te);
      // "the navy drew criticism (from X)", "Iran faces sanctions": the subject of a verb of undergoing is the target.
      if (!f.trigger.verb && !roles.passive && f.modalAt < f.ts && UNDERGOING_VERBS.test(words[f.modalAt]!)) {
        const undergoer = roles.source;
        roles.source = [];
        roles.target = undergoer.length ? undergoer : roles.target;
      }
      if (agent >= 0 && !roles.passive) {
        const a = cands[agent]!;
        roles.source = [a];
        roles.target = roles.target.filter((t) => t !== a);
      }
      // "the warship was dispatched to the gulf", "troops were withdrawn": forces moved with no agent named are the
      // side that mobilizes or retreats, not its target.
      // With an agent named, what it moved stays the target unless it is armed forces (its own, not a party acted
      // on): "the prisoners were returned … by the Red Cross".
      // "the fishermen were released", "were freed": people let go undergo the release (its target), as they do in
      // the active ("Dravia released the fishermen"); only forces moved away are the side that retreats.
      if (roles.passive && /^(MOBILIZE|RETREAT)$/.test(f.trigger.type) && !/^(released|freed)$/.test(words[f.ts]!)) {
        const moved = roles.target.filter((c) => c.ts < f.ts);
        if (!roles.source.length) roles.source = moved;
        roles.target = roles.target.filter(
          (c) => c.ts > f.ts || (roles.source !== moved && (c.actorKey !== null || !c.code.endsWith('MIL'))),
        );
      }
      if (f.demand) {
        roles.source = [f.demand.source];
        roles.target = [f.demand.target];
        roles.passive = false;
      }
      // "X accused Y of piracy and sent warships": a coordinated verb shares the first verb's subject.
      // "X said hundreds were killed, and accused Y": a verb outside the reported clause that follows it is coordinated
      // with the verb of saying and shares its subject, the speaker.
      // Without the comma ("said the missiles were launched and struck …") the verb is coordinated with the nearest
      // verb, the reported one (English coordination joins the closest conjuncts unless punctuation sets them apart);
      // but a speech act with an object of its own after a reported passive or a reported clause with no actor for a
      // subject ("said two rockets were fired and accused Y", "said two soldiers were killed and blamed Y") is the
      // speaker's (see speakersAct).
      if (
        prev?.sayer?.length &&
        !roles.sayer &&
        f.trigger.verb &&
        coordinatedVerb(words, prev.te, f.ts) &&
        (commaAnd(words, prev.te, f.ts) || speakersAct(words, prev, f.ts, f.trigger.type))
      ) {
        if (!roles.passive && (roles.source.length === 0 || roles.source[0]!.ts < prev.te)) roles.source = prev.sayer;
      } else if (prev?.subject.length && coordinatedVerb(words, prev.te, f.ts)) {
        // "were arrested and held": a participle coordinated with a passive shares its auxiliary, so is passive too.
        if (
          !roles.passive &&
          prev.passive &&
          PARTICIPLE.test(words[f.ts]!) &&
          !((roles.source[0]?.ts ?? -1) >= prev.te)
        ) {
          roles.passive = true;
          roles.source = [];
        }
        if (roles.passive) roles.target = prev.subject;
        else if (roles.source.length === 0 || roles.source[0]!.ts >= prev.te) roles.source = prev.subject;
      }
      // "X said the raid was illegal and expelled two envoys": a verb after "and" that has no subject of its own, after a
      // reported clause with no actor in it, is coordinated with the verb of saying (nothing nearer can do the act) and
      // shares its subject, the speaker. A reported clause with an actor ("said Y was hostile and expelled …") keeps
      // the nearest-conjunct reading above.
      if (f.trigger.verb && !roles.passive && roles.source.length === 0) {
        const say = sayingBeforeAnd(words, cands, f.ts, s0);
        if (say >= 0) {
          const { start } = clauseStartOf(words, say, s0);
          const speaker = speakerOf(view, cands, say, start, s1, previousSubject);
          roles.source = speaker.filter((c) => c.kind !== 'place');
          roles.target = roles.target.filter((c) => !roles.source.includes(c));
        }
      }
      // "came under fire from X", "received a letter from X": the subject undergoes the act of the party named after it.
      const reversed = f.trigger.reversed === true && !roles.passive;
      if (reversed) Object.assign(roles, reversedRoles(view, cands, roles, f.ts, f.te, s1));
      // The subject a coordinated verb shares: of a passive or reversed pattern, the undergoer before the verb, never a
      // place ("were launched from the city of X and struck …": X is where, not who).
      const undergoer = roles.passive || reversed;
      prev = {
        te: f.te,
        subject: (undergoer ? roles.target : roles.source).filter(
          (c) => c.kind !== 'place' && (!undergoer || c.ts < f.ts),
        ),
        passive: roles.passive,
        sayer: roles.sayer,
      };
      const modality = readModality(words, f.modalAt, clauseStart, opener);
      // "prevented pirates from attacking a ship": the object of a verb of hindering does the act, which did not happen.
      const hindered = hinderedAgent(words, cands, f.ts);
      if (hindered >= 0 && !roles.passive) {
        roles.source = [cands[hindered]!];
        roles.target = roles.target.filter((t) => t !== cands[hindered]);
        modality.negated = true;
      }
      if (f.negatedSubject) modality.negated = true;
      if (f.deniedComplement) {
        modality.negated = true;
        modality.mode = 'denied';
      }
      // "the planned demonstration", "potential sanctions": the noun's own modifier says the act has not happened.
      const attributive = f.trigger.verb ? null : attributiveModality(words, f.ts, s0);
      if (attributive && modality.mode === null) {
        modality.mode = attributive;
        modality.hypothetical = attributive === 'possible';
      }
      // "would empower the secretary to deny": the complement of a hypothetical verb is the content of that verb, not
      // an act anyone reports or commits to (an intention reported with "would" is the speaker's, and stays).
      const governing = modality.mode === null ? modalGovernsInfinitive(words, f.modalAt, clauseStart) : null;
      // An act dropped as the content of another act still names its subject, the antecedent a later "it" or "they"
      // with none in its own sentence stands for ("the only option was for the army to retreat, and it retreated").
      const content = (): true => {
        if (roles.source.length && roles.source[0]!.kind === 'actor') previousSubject = roles.source;
        return true;
      };
      if (governing && governing !== 'intent' && content()) continue;
      if (governing) modality.mode = governing;
      // "will not let a navy board ships": the act that is (not) let happen takes the modality of its "let".
      const let_ =
        !modality.negated && !modality.hypothetical && modality.mode === null
          ? letGovernsComplement(words, f.modalAt, clauseStart, opener)
          : null;
      if (let_) Object.assign(modality, let_);
      // "attacking the ports would not be effective": an act weighed as an option, with no subject of its own: the
      // content of the judgement, which no actor reports or commits to.
      if (modality.mode === null && gerundSubjectOfModal(words, f.ts, f.te, clauseStart, s1) && content()) continue;
      // "an invitation to visit", "would discuss providing weapons": an act that is the content of a plan, a
      // request or a deliberation has not happened.
      if (modality.mode === null && !modality.negated && forToContent(words, f.modalAt, clauseStart) && content())
        continue;
      if (modality.mode === null && !modality.negated) {
        const c = complementModality(words, f.modalAt, clauseStart);
        if (c) Object.assign(modality, c);
      }
      // "sent a team to help", "provided loans to help it recover": an act's purpose is intended, not reported as done.
      if (modality.mode === null && !modality.negated && purposeInfinitive(words, triggers, f, clauseStart))
        modality.mode = 'intent';
      // "offered to mediate", "pledged aid": a commitment, the promised act still to come.
      if (modality.mode === null && f.trigger.verb && COMMISSIVE_VERBS.test(words[f.ts]!)) modality.mode = 'intent';
      // "accepted an invitation to visit": accepting an invitation commits the one who accepts to the act it invites
      // to (speech-act theory: the acceptance of a directive is a commissive), which is still to come, as "promised to".
      if (modality.mode === null && f.trigger.verb && acceptedInvitation(words, f.ts, s1)) modality.mode = 'intent';
      // "extended an offer", "made a pledge": the commitment noun itself, its act still to come.
      if (modality.mode === null && !f.trigger.verb && COMMITMENT_NOUNS.has(words[f.te - 1]!)) modality.mode = 'intent';
      // "wants to attack" as one pattern: wanting or planning an act is not doing it.
      if (modality.mode === null && f.te - f.ts > 1 && DESIRE_VERBS.test(words[f.ts]!) && words[f.ts + 1] === 'to')
        modality.mode = 'intent';
      // "on condition that X contribute …": the act a condition asks for is the content of the condition (a demand of the
      // one who sets it), not an act of its own.
      if (modality.mode === null && !modality.negated && conditionClause(words, f.modalAt, clauseStart) && content())
        continue;
      // "Democrats to sue state": in a headline, a subject followed by "to" + verb announces a future act.
      if (
        modality.mode === null &&
        headlineInfinitive(words, cands, f.modalAt, s0, /^[A-Z]/.test(doc.tokens[s0]!.text))
      )
        modality.mode = 'intent';
      // "rumours say …", "unconfirmed reports": hearsay the text does not vouch for; "it is possible that …", "the
      // possibility that …": an epistemic predicate over the act's clause does not assert it either.
      if (
        modality.mode === null &&
        !modality.negated &&
        (hearsay(words, s0, s1, clauseStart, f.ts) || epistemicThat(words, f.modalAt, clauseStart))
      ) {
        modality.mode = 'possible';
        modality.hypothetical = true;
      }
      // "held elections", "holds a referendum": CAMEO 034 is the *expressed intent* to reform or change leadership (PLOVER
      // AGREE); the reform carried out, with no intention in the verb group ("will hold elections") nor a verb of
      // intending ("plans early elections"), expresses no intent and commits no one to another party.
      if (
        f.trigger.cameo?.startsWith('034') &&
        modality.mode === null &&
        !modality.hypothetical &&
        !INTENDING.test(words[f.ts]!)
      )
        continue;
      let type: PloverType = f.trigger.type;
      let kind = f.trigger.kind;
      // "dismissed the navy chief" is a personnel change; "dismissed the claims" a rejection.
      // "fired three employees", "dismissed staff": a human object of "fire" is dismissed, not shot at.
      const dismissed = roles.passive ? null : dismissedObject(view, cands, f.ts, s1);
      // "fired on the crowd", "shots were fired at the minister", "was fired upon": "fire" with "on" or "at" is
      // shooting whatever its object (general English), never a dismissal.
      const firedAt =
        /^fir(e|es|ed|ing)$/.test(words[f.ts]!) &&
        /^(on|at|upon)$/.test(words[f.ts + 1] ?? '') &&
        !TIME_AFTER_ON.test(words[f.ts + 2] ?? '');
      if (dismissed) {
        roles.target = dismissed;
        type = 'COERCE';
        kind = 'personnel';
      } else if (!firedAt && PERSONNEL_VERB.test(words[f.ts]!) && roles.target[0]?.person) {
        type = 'COERCE';
        kind = 'personnel';
      } else if (
        !firedAt &&
        roles.passive &&
        /^(fired|sacked|dismissed)$/.test(words[f.ts]!) &&
        roles.target[0] &&
        roles.target[0].te <= f.ts &&
        INDIVIDUAL_ROLES.has(words[roles.target[0].te - 1]!)
      ) {
        // "Chile's interior minister was fired": a passive of a dismissal verb whose subject names a person by office
        // is a dismissal of that person (general English), not an attack.
        type = 'COERCE';
        kind = 'personnel';
      } else if (kind === 'personnel' && type === 'COERCE' && !roles.target[0]?.person) kind = null;
      // "captured the city", "captured Chile's border post": taking a place by force is an assault as "occupy" and
      // "storm" are (PLOVER ASSAULT); capturing persons stays seizure or arrest (COERCE, CAMEO 17).
      if (type === 'COERCE' && /^captur/.test(words[f.ts]!) && capturedPlace(words, f.te, s1, roles.target))
        type = 'ASSAULT';
      // "…, a rights group protested", "protested that …": a protest made in words is a complaint (ACCUSE); PLOVER
      // PROTEST is demonstrating, striking, boycotting.
      if (
        type === 'PROTEST' &&
        f.trigger.verb &&
        /^protest/.test(words[f.ts]!) &&
        verbalProtest(words, cands, f, s0, s1)
      )
        type = 'ACCUSE';
      // Figurative violence (general English): "attacked the plan", a politician "attacked" another with no sign of
      // bodily violence in the sentence, is criticism; "killed the bill", "shot down the proposal" a rejection.
      if (type === 'ASSAULT' && f.trigger.verb) type = figurativeAssault(words, f, s0, s1, roles.source, roles.target);
      // "fired back at critics": "fire back" with a sign of speech and no weapon or violence is a retort (general
      // English: fire back = reply sharply), criticism (PLOVER ACCUSE); "troops fired back at rebels" stays.
      if (type === 'ASSAULT' && firedBack(words, f, s0, s1)) type = 'ACCUSE';
      // "bombs blasted the bridge": with a weapon in its clause, "blast" is the explosion, not criticism.
      if (type === 'ACCUSE' && /^blast/.test(words[f.ts]!) && weaponIn(words, clauseStart, s1)) type = 'ASSAULT';
      const candidateView: CandidateView = {
        words,
        s0,
        s1,
        ts: f.ts,
        te: f.te,
        trigger: f.trigger,
        type,
        source: roles.source,
        target: roles.target,
        mode: modality.mode,
        negated: modality.negated,
        hypothetical: modality.hypothetical,
        passive: roles.passive,
      };
      // The learned chooser may prefer another type for the act (a kind tied to the rule's type no longer holds).
      if (model) {
        const chosen = model.chooseType(candidateView);
        if (chosen !== type) {
          type = chosen;
          kind = null;
        }
      }
      const attributes: Record<string, unknown> = {};
      if (f.action) attributes.action = f.action;
      let planned: PloverType | null = null;
      if (modality.mode === 'intent' && !modality.hypothetical) {
        const coded = modality.negated && QUAD_CLASS[type] <= 2 && type !== 'AGREE' ? 'REJECT' : intentType(type);
        if (coded !== type) {
          attributes.action = planned = type;
          if (coded === 'REJECT') modality.negated = false;
          type = coded;
        }
      }
      // "vowed to retaliate", "offered to strike": a commitment to a conflictual act is a threat (PLOVER THREATEN).
      if (
        modality.mode === 'intent' &&
        type === 'AGREE' &&
        f.action &&
        QUAD_CLASS[f.action] > 2 &&
        COMMISSIVE_VERBS.test(words[f.ts]!)
      )
        type = 'THREATEN';
      // A meeting's place is its venue, not a party to it.
      let target =
        kind === 'meeting' || kind === 'call' ? roles.target.filter((t) => t.kind !== 'place') : roles.target;
      // A reporter is never a party to the act it reports.
      if (reporting.size) {
        roles.source = roles.source.filter((c) => !reporting.has(c));
        target = target.filter((c) => !reporting.has(c));
      }
      if (roles.source.length === 0 && target.length === 0) continue;
      // "handed over to face trial": an act still to come done to the subject by no one named has nobody to hold to it.
      // So is one in a to-infinitive ("sent to Karst to face charges"): the infinitive asserts no act.
      if (reversed && roles.source.length === 0 && (modality.mode !== null || words[f.ts - 1] === 'to')) continue;
      const candidate = {
        words,
        s0,
        s1,
        ts: f.ts,
        te: f.te,
        verb: f.trigger.verb,
        type,
        kind,
        clauseStart,
        source: roles.source,
        target,
        naturalDisaster,
      };
      // A plan is checked as the act it plans too: "will be hosting the awards" is no meeting, planned or not.
      if (notAnEvent(candidate) || (planned && notAnEvent({ ...candidate, type: planned }))) {
        if (options.collect) {
          const t = textSpan(doc.text, doc.tokens[f.ts]!.start, doc.tokens[f.te - 1]!.end);
          options.collect({ view: candidateView, start: t.start, end: t.end, emitted: type, rejected: true });
        }
        continue;
      }
      // "will impose sanctions if …": an act on a condition is not asserted.
      if (!modality.hypothetical && modality.mode !== 'denied' && laterCondition(words, f.te, s1)) {
        modality.hypothetical = true;
        modality.mode = 'conditional';
      }
      const targetCands = target.filter((t) => !roles.source.includes(t));
      // "troops", "the government": the state the sentence or article is about, when that is unambiguous.
      const named = namedSide(
        attachGeneric(doc.tokens, roles.source, targetCands, cands, state, f.ts),
        words,
        titled,
        cands,
        f.ts,
        view.ix.entityOf,
      );
      const namedTarget = namedSide(
        attachGeneric(doc.tokens, targetCands, roles.source, cands, state, f.ts),
        words,
        titled,
        cands,
        f.ts,
        view.ix.entityOf,
      );
      // No side names an actor: nothing a reader could place in the picture ("people were arrested by police").
      if (named.side.length === 0 && namedTarget.side.length === 0) continue;
      const trigger = textSpan(doc.text, doc.tokens[f.ts]!.start, doc.tokens[f.te - 1]!.end);
      options.collect?.({
        view: candidateView,
        start: trigger.start,
        end: trigger.end,
        emitted: type,
        rejected: false,
      });
      // The learned gate: a candidate the rules let through that reads as no event at all.
      if (model && !model.keep(candidateView)) continue;
      if (named.dropped.length) attributes.unnamedSource = named.dropped;
      if (namedTarget.dropped.length) attributes.unnamedTarget = namedTarget.dropped;
      const source = named.side.map((c) => toActor(doc, c));
      const targetActors = namedTarget.side.map((c) => toActor(doc, c));
      const place = roles.place;
      const dates = factDateFields(doc, trigger);
      // "executed his uncle years ago", "in the past": a time before the telling with no calendar value (TimeML's
      // PAST_REF) is no date the text gives, and never the article's day.
      if (dates.dateFrom === 'anchor' && remotePast(words, clauseStart, f.te, s1)) {
        dates.date = null;
        dates.dateFrom = null;
        dates.dateRange = null;
      }
      const event: EventMention = {
        type,
        mode: modality.mode,
        source,
        target: targetActors,
        ...dates,
        location: place ? { ...textSpan(doc.text, place.start, place.end), name: place.placeName ?? place.name } : null,
        trigger,
        negated: modality.negated,
        hypothetical: modality.hypothetical,
        attributes,
        evidence: { start: sentence.start, end: sentence.end },
      };
      // Domain attributes read the sides as written ("dismissed the defence minister": the person is the minister).
      const written = {
        ...event,
        source: named.dropped.length ? roles.source.map((c) => toActor(doc, c)) : source,
        target: namedTarget.dropped.length ? targetCands.map((c) => toActor(doc, c)) : targetActors,
      };
      Object.assign(event.attributes, domainAttributes(view, kind, written, s0, s1, f.ts, f.te));
      if (
        events.some(
          // "ordered troops to withdraw, and they withdrew": an act asked for and the act done are two records.
          (e) =>
            e.type === event.type &&
            e.hypothetical === event.hypothetical &&
            sameActors(e.source, event.source) &&
            sameActors(e.target, event.target),
        )
      )
        continue;
      // "opened fire on the crowd, killing two": a participle clause after an attack tells its result, the same act;
      // its victims are the attack's target when the attack names none ("returned fire, killing three militants").
      // Abducting or kidnapping people is a second act (PLOVER codes abduction apart from the attack).
      const attack =
        type === 'ASSAULT' &&
        f.trigger.verb &&
        words[f.ts - 1] === ',' &&
        /ing$/.test(words[f.ts]!) &&
        !/^(abduct|kidnap)/.test(words[f.ts]!)
          ? events.findLast((e) => e.type === 'ASSAULT' && e.trigger.end <= doc.tokens[f.ts]!.start)
          : undefined;
      if (attack) {
        if (!attack.target.length && event.target.length) attack.target = event.target;
        continue;
      }
      events.push(event);
      if (roles.source.length && roles.source[0]!.kind === 'actor') previousSubject = roles.source;
    }
    doc.events.push(...events);
    const subject = cands.find(
      (c) => c.kind === 'actor' && !c.media && !(c.ts > s0 && SUBJECT_BLOCKING_PREPOSITIONS.has(words[c.ts - 1]!)),
    );
    if (subject && !events.length) previousSubject = [subject];
  }
}

/** Quantities of a long time before "ago" ("years ago", "many decades ago", "long ago"). */
const LONG_SPANS = /^(years|decades|centuries|generations|long)$/;

/**
 * The act's clause (from its start to the first clause break after the trigger) holds a past time with no calendar
 * value: "years/decades ago", "long ago", "in the past", "in years past" (TimeML PAST_REF).
 */
function remotePast(words: readonly string[], clauseStart: number, te: number, s1: number): boolean {
  for (let k = clauseStart; k < s1; k++) {
    const w = words[k]!;
    if (k >= te && (w === ';' || (CLAUSE_BREAKS.has(w) && w !== '"'))) return false;
    if (w === 'ago' && LONG_SPANS.test(words[k - 1] ?? '')) return true;
    if (
      w === 'past' &&
      words[k - 1] === 'the' &&
      words[k - 2] === 'in' &&
      !/^(few|two|three|several|week|month|year|decade|days|weeks|months|24|48)$/.test(words[k + 1] ?? '')
    )
      return true;
    if (w === 'past' && words[k - 1] === 'years' && words[k - 2] === 'in') return true;
  }
  return false;
}

/** "accepted an invitation", "accepts the invitations from X": a form of "accept" with an invitation as its object. */
function acceptedInvitation(words: readonly string[], ts: number, s1: number): boolean {
  if (!/^accept(s|ed|ing)?$/.test(words[ts]!)) return false;
  for (let k = ts + 1; k < Math.min(s1, ts + 5); k++) {
    const w = words[k]!;
    if (w === 'invitation' || w === 'invitations') return true;
    // A determiner, a possessive ("Putin's", "his") or an adjective of formality before the noun.
    const possessor = /^('s|’s)$/.test(words[k + 1] ?? '');
    if (!(possessor || DETERMINERS.has(w) || /^('s|’s|his|her|their|its|our|formal|official|personal)$/.test(w)))
      return false;
  }
  return false;
}

/** Nouns that name a place taken by force ("captured the city", "the airport", "rebel positions"). */
const CAPTURED_PLACES =
  /^(city|cities|town|towns|village|villages|capital|territory|province|region|district|airport|port|base|bases|hill|bridge|crossing|stronghold|strongholds|positions?|outpost|checkpoint|headquarters|area|areas)$/;

/** The object of "capture" is a place: a place actor is its first target, or a place noun heads the object. */
function capturedPlace(words: readonly string[], te: number, s1: number, target: readonly ActorCandidate[]): boolean {
  if (target[0]?.kind === 'place' && target[0].ts <= te + 2) return true;
  for (let k = Math.max(te - 2, 0); k < Math.min(s1, te + 4); k++) {
    if (CAPTURED_PLACES.test(words[k]!)) return true;
    if (words[k] === ',' || words[k] === 'and' || words[k] === 'of') break;
  }
  return false;
}
