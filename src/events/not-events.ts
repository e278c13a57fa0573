import type { PloverType } from '../model/index.js';
import { type ActorCandidate, isModifier } from './actors.js';
import {
  APPEALED_IN_COURT,
  ARGUMENT_CONCESSIONS,
  BARE_VERBS,
  COMPOUND_HEADS,
  DENIED_CHARGES,
  DISASTERS,
  DISSENT_WORDS,
  GIVING_VERBS,
  COPULAS,
  DEGREE_ADVERBS,
  EVALUATIVE_ADJECTIVES,
  FIRED_OFF_MESSAGES,
  HABITUAL_ADVERBS,
  LATER_CONDITIONS,
  MET_REQUIREMENTS,
  NATURAL_DISASTERS,
  NON_MATERIAL_OBJECTS,
  PUBLISHED_THINGS,
  PUSH_PARTICLES,
  QUESTION_WORDS,
  RETURN_MOTION,
  SPORTS_WORDS,
  STRUGGLE_OBJECTS,
  VIOLENCE_WORDS,
  WEAPONS,
  WITHDRAWN_PROPOSALS,
} from './data/not-events.js';
import { VERBS } from './data/triggers.js';
import { DENY, DETERMINERS, PASSIVE_AUX, PREPOSITIONS, REPORTING, STATE_ADJECTIVES } from './data/words.js';

/** Bare verbs: everyday ones and the first word of every verb trigger ("rally", "evacuate"). */
const BARE: ReadonlySet<string> = new Set([...BARE_VERBS, ...VERBS.map(([p]) => p.split(' ')[0]!)]);

/**
 * What looks like an event but is not one: the coder has found a trigger and its roles, and these checks say why
 * the sentence does not report that act (PLOVER codes deliberate acts of political actors). Each returns a short
 * reason, or null when the event stands.
 */
export interface Candidate {
  words: readonly string[];
  /** Sentence token range. */
  s0: number;
  s1: number;
  /** Trigger token range. */
  ts: number;
  te: number;
  /** The trigger is a verb (else an event noun). */
  verb: boolean;
  type: PloverType;
  kind: string | null;
  clauseStart: number;
  source: readonly ActorCandidate[];
  target: readonly ActorCandidate[];
  /** Whether the article names a natural disaster (an earthquake, a flood …); asked only when needed. */
  naturalDisaster?: () => boolean;
}

/** Words of violence that name force used (shot, stabbed, gunmen, troops), not only harm suffered (killed, dead). */
const FORCE_WORDS: ReadonlySet<string> = new Set(
  [...VIOLENCE_WORDS].filter((w) => !/^(kill|wound|injur|hospital|dead|died|death|bleed)/.test(w)),
);

/** Whether an article's words name a natural disaster (NATURAL_DISASTERS). */
export function namesNaturalDisaster(words: readonly string[]): boolean {
  for (const w of words) if (NATURAL_DISASTERS.has(w)) return true;
  return false;
}

/** A generic noun ("police", "the military") with no state or group named: a sector code and no actor key. */
export const isGeneric = (c: ActorCandidate): boolean =>
  c.kind === 'actor' && c.actorKey === null && c.code.length <= 3;

function within(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (set.has(words[k]!)) return true;
  return false;
}

export function notAnEvent(e: Candidate): string | null {
  const { words, s0, s1, ts, te, type } = e;
  const first = words[ts]!;
  // "provided insight", "offered no details", "delivered an appeal": giving words is speech.
  if (
    (type === 'AID' || type === 'AGREE') &&
    GIVING_VERBS.has(first) &&
    (within(words, te, Math.min(s1, te + 4), NON_MATERIAL_OBJECTS) || nominalOfSpeech(words, ts, te, s1))
  )
    return 'verbal object';
  // "Will the envoy ever ask for talks?": a question asks, it reports no act (general English: an interrogative asserts nothing).
  if (interrogative(words, s0, s1) && te - 1 >= questionStart(words, s0, s1)) return 'question';
  // "agrees that Obama has not done enough": agreeing with a proposition is sharing an opinion; PLOVER AGREE is a
  // commitment to a course of action, which a that-clause states only with a modal of obligation or the future
  // ("agreed that talks should resume").
  if (type === 'AGREE' && e.verb && /^agree(s|d|ing)?$/.test(first) && words[te] === 'that' && !modalIn(words, te, s1))
    return 'opinion';
  // "she opposes privatization", "the party favours lower taxes": a verb of attitude in the simple present is a state
  // (stative verbs in the simple present describe a standing state, not an occurrence: Vendler 1957, Comrie 1976),
  // and with no actor as its object it is a position on an issue, no interaction between actors.
  if (
    (type === 'REJECT' || type === 'SUPPORT') &&
    e.verb &&
    STATIVE_PRESENT.test(first) &&
    !e.target.some((t) => t.kind === 'actor')
  )
    return 'stance';
  // "brought up the Lima bombing", "marked the anniversary of the victory over X": an event noun that is the
  // object of a verb of mentioning or remembering is a topic talked about or a past event remembered (the verb
  // presupposes it happened before), no act reported.
  if ((!e.verb || /ing$/.test(first)) && mentionedEvent(words, ts, s0)) return 'topic';
  // "helped prepare the concerts", "help to sort the files", "help with the claims": "help" with a bare or
  // to-infinitive or a task, and no beneficiary, is a catenative verb — the act is the governed verb's (coded on its own if it is one), not material aid given to
  // a party (PLOVER AID).
  // "helped rebuild the Syrian army" names the party helped as the governed verb's object: that stays aid.
  if (
    type === 'AID' &&
    e.verb &&
    /^help/.test(first) &&
    (catenativeHelp(words, te, s1) || words[te] === 'with') &&
    !(words[te] !== 'with' && codedObjectAfter(words, e.target, te, s1, false))
  )
    return 'catenative';
  // "contributed to the decline": "contribute to" + a noun phrase is causing, not giving (AID contributes something).
  // A coded party in the object ("contributed to the reconstruction of Ukraine") receives the contribution.
  if (
    type === 'AID' &&
    e.verb &&
    /^contribut/.test(first) &&
    te === ts + 1 &&
    words[te] === 'to' &&
    !codedObjectAfter(words, e.target, te, s1, true)
  )
    return 'cause';
  // "is funding research", "the film was financed by a studio": paying for a thing, no actor receiving it, is no aid
  // (PLOVER AID is aid given to another actor).
  if (type === 'AID' && /^(fund|financ)/.test(first) && e.target.length === 0) return 'no recipient';
  // "appealed the ruling", "will appeal to a higher court": a legal appeal is court procedure (CAMEO codes "appeal" +
  // court as no event), not a REQUEST to an actor; "appealed to France for help" stays one.
  if (type === 'REQUEST' && /^appeal/.test(first) && legalAppeal(words, te, s1)) return 'legal appeal';
  // "released a video", "a statement released by the agency": publishing is no RETREAT, which frees persons or
  // property (CAMEO 084; the CAMEO verb dictionary codes "release" + report, recording, statement as no such act).
  if (type === 'RETREAT' && /^(releas|free)/.test(first) && publishedObject(words, ts, te, s0, s1)) return 'published';
  // "was captured on video", "captured the moment on camera": recording, not seizing anyone (CAMEO 17 seizes persons).
  if (type === 'COERCE' && /^captur/.test(first) && recordedOn(words, te, s1)) return 'recorded';
  // "is capturing oil", "captured the market": capturing a thing, with no person or place taken, seizes no one (CAMEO
  // 17 codes the capture of persons, the taking of a place is an assault); "captured two rebels" stays.
  if (
    type === 'COERCE' &&
    /^captur/.test(first) &&
    e.target.length === 0 &&
    /^[a-z]/.test(words[te] ?? '') &&
    !PREPOSITIONS.has(words[te]!) &&
    !(first.endsWith('ed') && PASSIVE_AUX.has(words[ts - 1] ?? ''))
  )
    return 'thing captured';
  // "returned to the capital", "life is returning to normal": intransitive "return" is coming back, not the return
  // of persons or property (CAMEO 084, transitive or passive: "were returned to their families") nor a withdrawal,
  // unless armed forces come back.
  if (
    type === 'RETREAT' &&
    e.verb &&
    /^return/.test(first) &&
    te === ts + 1 &&
    RETURN_MOTION.has(words[te] ?? '') &&
    !(first === 'returned' && (PASSIVE_AUX.has(words[ts - 1] ?? '') || PASSIVE_AUX.has(words[ts - 2] ?? ''))) &&
    ![...e.source, ...e.target].some((c) => c.code.endsWith('MIL'))
  )
    return 'motion';
  // "pushed back on the notion", "push through the measures": a phrasal verb of its own, not a demand (REQUEST).
  if (type === 'REQUEST' && /^push/.test(first) && te === ts + 1 && PUSH_PARTICLES.has(words[te] ?? ''))
    return 'phrasal';
  // "denied sending envoys", "denies that it sent troops": denying having done something is a denial of a claim
  // (the act itself is coded with mode "denied"), not a rejection of a proposal or demand (PLOVER REJECT).
  if (type === 'REJECT' && DENY.has(first) && te === ts + 1 && deniedClaim(words, te, s1)) return 'denied claim';
  // "talked about the attacks": talking about a topic is speech, not a meeting of parties (CONSULT), unless a
  // partner follows ("talked about trade with X").
  // Two or more actors as the subject ("Russian and Ukrainian negotiators talked about …") talk with each other.
  if (
    type === 'CONSULT' &&
    /^talk/.test(first) &&
    words[te] === 'about' &&
    !partnerAfter(words, te, s1) &&
    e.source.length < 2
  )
    return 'topic';
  // "denied any wrongdoing", "denies manslaughter": a denial of a charge is a comment, not a rejection.
  if (type === 'REJECT' && DENY.has(first) && within(words, te, Math.min(s1, te + 3), DENIED_CHARGES))
    return 'denied charge';
  // "conceded that …", "conceded the point": a concession in argument.
  if (
    type === 'CONCEDE' &&
    /^(concede|admit|acknowledg|accept)/.test(first) &&
    within(words, te, Math.min(s1, te + 3), ARGUMENT_CONCESSIONS)
  )
    return 'argument';
  // "was asked about the rally", "asked whether troops would stay": a question, not a request (PLOVER REQUEST asks
  // someone to act or for something).
  if (type === 'REQUEST' && /^ask/.test(first) && askedQuestion(words, te, s1)) return 'question';
  // "to meet demand", "met the deadline": meeting a requirement is no meeting of parties.
  if (type === 'CONSULT' && /^(meet|meets|met|meeting)$/.test(first)) {
    for (let k = te; k < Math.min(s1, te + 4) && words[k] !== 'with'; k++)
      if (MET_REQUIREMENTS.has(words[k]!)) return 'requirement';
  }
  // Particle verbs of "fire" (general English): "fire up" is to excite ("fired up supporters", "were fired up"), "fire
  // off" a letter is to send it quickly; neither shoots. "fired up into the air" and "fired off rounds" stay.
  if (type === 'ASSAULT' && /^fir(e|es|ed|ing)$/.test(first) && te === ts + 1) {
    if (words[te] === 'up' && !/^(into|at|on|in|toward|towards|over|through|from)$/.test(words[te + 1] ?? ''))
      return 'particle verb';
    if (words[te] === 'off' && objectHead(words, te + 1, s1, FIRED_OFF_MESSAGES)) return 'particle verb';
  }
  // "withdrew the bill", "withdrew its candidacy": withdrawing a document or proposal takes it back, no one pulls
  // back (PLOVER RETREAT is withdrawing forces, envoys or presence); "withdrew its troops" stays.
  if (type === 'RETREAT' && /^withdr[ae]w/.test(first) && objectHead(words, te, s1, WITHDRAWN_PROPOSALS))
    return 'withdrawn proposal';
  // "fighting corruption", "battled the blaze", "will fight the charges": a problem, a fire or a legal matter is no
  // party to violence.
  if (type === 'ASSAULT' && /^(fight|battl|combat|tackl|struggl)/.test(first)) {
    for (let k = te; k < Math.min(s1, te + 4); k++) {
      if (STRUGGLE_OBJECTS.has(words[k]!)) return 'figurative';
      if (words[k] === ',' || words[k] === 'and') break;
    }
  }
  // "the recession is partly to blame", "X was not to blame": "be to blame" is a predicative idiom saying who is
  // responsible (general English: be to blame = be responsible for a fault), no act of accusing anyone (PLOVER ACCUSE).
  if (type === 'ACCUSE' && e.verb && first === 'blame' && predicativeBlame(words, ts, s0)) return 'predicative';
  // "sought to restore the deal": "seek to" + a verb is trying to do it (general English), not asking anyone for
  // something (PLOVER REQUEST); the act tried is coded on its own if it is one. "sought talks with X" stays a request.
  if (type === 'REQUEST' && /^(seek|seeks|sought|seeking)$/.test(first) && te === ts + 1 && words[te] === 'to')
    return 'attempt';
  // "have carried out about 100 attacks since January": a count of acts over a period sums up many occurrences, it
  // reports no one act with one date and one set of parties (an aggregate statement; TimeML and ACE tell such
  // generic/habitual mentions from specific events). "carried out two attacks on Monday" stays an event.
  // A verb pattern's object noun is counted the same way ("carried out about 100 attacks since …": the pattern's last
  // word, which matches in either number).
  const counted = e.verb ? (te - ts >= 2 ? te - 1 : -1) : ts;
  if (counted >= 0 && aggregateCount(words, counted, te, s0, s1)) return 'aggregate';
  // "airdrops were too costly", "sanctions rarely work": a bare plural event noun as the subject of a generic
  // statement names a kind of act, not one that happened.
  if (genericPlural(words, ts, te, s0, s1, e.clauseStart)) return 'generic';
  // "talking is better than shooting", "shooting is wrong": a bare gerund with no subject or object of its own, as
  // the subject of an evaluation or the term of a comparison, names a kind of activity (a maxim), no act that happened.
  if (e.verb && te === ts + 1 && genericGerund(words, ts, s0, e.clauseStart)) return 'generic';
  // 'known as "the man who killed X"': a quoted designation names someone, it reports no act.
  if (quotedDesignation(words, ts, s0)) return 'designation';
  // "a country under sanction", "sanctions bill", "protest leaders": a state or a compound, not an act.
  if (!e.verb || !/(ed|ing)$/.test(first)) {
    if (underBefore(words, ts, s0)) return 'state';
    // "would violate UN sanctions", "in breach of the ceasefire", "complied with the embargo": the object of a verb
    // of violating or complying is a regime or agreement already in force (the verb presupposes it), not an act.
    if (presupposedObject(words, ts, s0)) return 'state';
    if (te < s1 && COMPOUND_HEADS.has(words[te]!)) return 'compound';
    // "the longstanding embargo against Cuba", "ongoing sanctions": an adjective of duration makes it a state.
    for (let j = ts - 1, n = 0; j >= s0 && n < 4 && !DETERMINERS.has(words[j]!); j--, n++)
      if (STATE_ADJECTIVES.has(words[j]!)) return 'state';
  }
  // "under a stricter permitting regime": an -ing form between the determiner of "under"'s noun phrase and its head
  // noun is a premodifier (English noun-phrase structure), and the phrase names a state, no act.
  if (e.verb && /ing$/.test(first) && underPremodifier(words, ts, te, s0)) return 'state';
  // A campaign rally is not dissent: "rally" is a protest only with a sign of dissent in the sentence.
  if (
    type === 'PROTEST' &&
    words.slice(ts, te).some((w) => /^rall(y|ies|ied|ying)$/.test(w)) &&
    !within(words, s0, s1, DISSENT_WORDS)
  )
    return 'rally';
  // Sports results and staff moves: "blasted", "beat", "fired the coach" among sports words.
  const sportsVerb = type === 'ASSAULT' || type === 'ACCUSE' || (type === 'COERCE' && e.kind === 'personnel');
  if (sportsVerb && (within(words, s0, s1, SPORTS_WORDS) || scoreIn(words, s0, s1))) return 'sports';
  // Teams, clubs, referees and players: with sports words in the sentence and no political actor coded on either side,
  // any act is a game or a club's business (PLOVER codes political actors).
  // The acts sports verbs code (beat, attack, fire, rally, blast) are read so anywhere in such a sentence; any other act
  // only when sports words come before it, in its subject or the sentence's setting ("the referee asked …", "the
  // championship …, but the sponsor declined …"), not when they merely follow ("asked X to lend him money for the match
  // tickets").
  if (
    (SPORTS_TYPES.has(type) ? within(words, s0, s1, SPORTS_WORDS) : within(words, s0, ts, SPORTS_WORDS)) &&
    [...e.source, ...e.target].every((c) => !c.code)
  )
    return 'sports';
  // Disasters and accidents: "the quake killed", "an explosion on the rig killed" — the subject is no actor.
  // A participle clause after a comma (", killing 20") has the main clause's subject (general English), so the main
  // clause is read too: "a bus crashed into a ravine, killing 20".
  if (type === 'ASSAULT' && e.verb) {
    const firstActor = e.source[0]?.ts ?? ts;
    const before = Math.min(firstActor, ts);
    const from = words[ts - 1] === ',' && /ing$/.test(first) ? s0 : e.clauseStart;
    if (disasterIn(words, from, before, -1) && !within(words, from, before, WEAPONS)) return 'disaster';
    // "were killed in the floods", "died when the bus crashed": the cause named right after the verb.
    if (/^(in|by|during|when)$/.test(words[te] ?? '')) {
      const end = Math.min(s1, te + 6);
      if (disasterIn(words, te + 1, end, te) && !within(words, te + 1, end, WEAPONS)) return 'disaster';
    }
  }
  // "forty villagers were killed", in a report of an earthquake or a flood: an agentless passive death with no
  // weapon or violence in its sentence is the disaster's toll; PLOVER's ASSAULT is force used by an actor.
  if (
    type === 'ASSAULT' &&
    e.verb &&
    e.source.length === 0 &&
    /^(killed|slain|injured|wounded|hurt)$/.test(first) &&
    PASSIVE_AUX.has(words[ts - 1] ?? '') &&
    words[te] !== 'by' &&
    !within(words, s0, s1, WEAPONS) &&
    !within(words, s0, s1, FORCE_WORDS) &&
    e.naturalDisaster?.() === true
  )
    return 'disaster toll';
  // "forcing thousands to evacuate": intransitive "evacuate" is leaving; evacuating others (transitive) is the aid.
  if (type === 'AID' && e.verb && /^evacuat/.test(first) && te === ts + 1 && !objectFollows(words, te, s1))
    return 'leaving';
  // A staff change between people no one codes (a coach fired, a manager named) is business or sports, not politics.
  if (e.kind === 'personnel' && [...e.source, ...e.target].every((c) => !c.code)) return 'staff change';
  // A meeting, visit or call takes two parties: "would not discuss a motive", "hosting the awards".
  if (type === 'CONSULT' && e.target.length === 0 && e.source.length < 2) return 'one party';
  // "military → military": a generic noun on both sides, the same one, is no dyad.
  if (
    e.source.length &&
    e.target.length &&
    [...e.source, ...e.target].every(isGeneric) &&
    e.source.every((s) => e.target.some((t) => t.code === s.code))
  )
    return 'generic both sides';
  return null;
}

/** The event types sports verbs produce: beating, attacking, firing (ASSAULT, COERCE), rallying (MOBILIZE,
 * PROTEST), blasting (ACCUSE). */
const SPORTS_TYPES: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'MOBILIZE', 'PROTEST', 'ACCUSE']);

/** Verbs that introduce a name or epithet. */
const NAMING: ReadonlySet<string> = new Set(['known', 'dubbed', 'nicknamed', 'branded', 'labelled', 'labeled']);
const OPEN_QUOTES: ReadonlySet<string> = new Set(['"', '“', '``', '`', "'", '‘']);

/** The trigger stands in a quoted epithet after a naming verb ("known as 'the man who …'", "dubbed 'the …'"). */
/** The head of the noun phrase at `from` (past determiners and modifiers, up to four words) is one of `heads`. */
function objectHead(words: readonly string[], from: number, s1: number, heads: ReadonlySet<string>): boolean {
  for (let k = from; k < Math.min(s1, from + 4); k++) {
    const w = words[k]!;
    if (heads.has(w)) return true;
    if (!DETERMINERS.has(w) && !/^(its|his|her|their|our|my|your)$/.test(w) && !isModifier(w)) return false;
  }
  return false;
}

function quotedDesignation(words: readonly string[], ts: number, from: number): boolean {
  let quoted = false;
  for (let j = ts - 1; j >= Math.max(from, ts - 8); j--) {
    const w = words[j]!;
    if (OPEN_QUOTES.has(w)) quoted = true;
    else if (quoted && (NAMING.has(w) || (w === 'as' && NAMING.has(words[j - 1] ?? '')))) return true;
  }
  return false;
}

/** After "ask": "about"/"whether"/a wh-word before any "to"/"for"/"that" (which make it a request). */
function askedQuestion(words: readonly string[], te: number, s1: number): boolean {
  for (let k = te; k < Math.min(s1, te + 6); k++) {
    const w = words[k]!;
    if (QUESTION_WORDS.has(w)) return true;
    if (w === 'to' || w === 'for' || w === 'that' || !/^[\p{L}'’.-]+$/u.test(w)) return false;
  }
  return false;
}

/** Words a bare noun phrase may follow at the start of its clause: nothing, a conjunction, a verb of saying. */
const CLAUSE_INITIAL: ReadonlySet<string> = new Set([
  ',',
  'that',
  'and',
  'but',
  'because',
  'while',
  'since',
  'as',
  'though',
  'although',
]);

/**
 * A bare plural event noun (no determiner, owner or modifier) opening its clause, followed by a copula and no
 * participle ("airdrops were too costly") or by a habitual adverb ("strikes rarely work"): a generic statement.
 */
function genericPlural(
  words: readonly string[],
  ts: number,
  te: number,
  s0: number,
  s1: number,
  clauseStart: number,
): boolean {
  // The noun is the trigger, or the object slot of a verb of saying's pattern ("said sanctions rarely work": after a
  // verb of saying, a noun before a verb of its own is the subject of the reported clause, not an object).
  const n = te - 1;
  if (!(n === ts || (n === ts + 1 && REPORTING.has(words[ts]!)))) return false;
  if (!/[a-z]s$/.test(words[n]!) || te + 1 >= s1) return false;
  const prev = words[n - 1];
  if (!(n === s0 || n === clauseStart || (prev && (CLAUSE_INITIAL.has(prev) || REPORTING.has(prev))))) return false;
  const next = words[te]!;
  if (HABITUAL_ADVERBS.has(next)) return true;
  if (!COPULAS.has(next)) return false;
  let k = te + 1;
  while (k < s1 && (words[k] === 'not' || words[k] === "n't" || words[k] === 'also' || words[k] === 'still')) k++;
  const pred = words[k] ?? '';
  return DEGREE_ADVERBS.has(pred) || EVALUATIVE_ADJECTIVES.has(pred) || pred === 'a' || pred === 'an';
}

/** Predicates of a comparison or evaluation after a copula ("is better", "was worse", "is preferable"). */
const COMPARATIVES = /^(better|worse|preferable|safer|cheaper|easier|harder|wiser|more|less|best|worst)$/;

/**
 * A bare gerund (the trigger, an -ing verb form) naming an activity in general: the term after "than" with nothing
 * after it ("better than shooting", "rather than fighting."), or the subject opening its clause before a copula and an
 * evaluative or comparative predicate ("Shooting is wrong", "talking is better"). A gerund with its own object or a
 * subject before it ("kept shooting at police", "than shooting the hostages") is not bare.
 */
function genericGerund(words: readonly string[], ts: number, s0: number, clauseStart: number): boolean {
  const g = words[ts]!;
  if (!/[a-z]ing$/.test(g)) return false;
  const next = words[ts + 1] ?? '';
  if (words[ts - 1] === 'than') return next === '' || !/^[\p{L}\p{N}]/u.test(next);
  const prev = words[ts - 1] ?? '';
  if (!(ts === s0 || ts === clauseStart || OPEN_QUOTES.has(prev) || prev === ',')) return false;
  // A maxim is stated in the generic present; "looting was worse" reports an occasion.
  if (!GENERIC_COPULAS.test(next)) return false;
  let k = ts + 2;
  while (words[k] === 'not' || words[k] === "n't" || words[k] === 'never' || words[k] === 'always') k++;
  const pred = words[k] ?? '';
  // "is worse than ever", "is heavier than last week": a comparison with another time measures an activity going on;
  // a maxim compares activities ("better than shooting", "better than to fight").
  if (COMPARATIVES.test(pred) && words[k + 1] === 'than' && !/^(to|[a-z]+ing)$/.test(words[k + 2] ?? '')) return false;
  return COMPARATIVES.test(pred) || EVALUATIVE_ADJECTIVES.has(pred) || DEGREE_ADVERBS.has(pred);
}

/** Copulas of the generic present, the tense of a maxim. */
const GENERIC_COPULAS = /^(is|are|'s)$/;

/** Adverbs that may stand between "be" and "to blame" ("is partly to blame", "was not entirely to blame"). */
const BLAME_ADVERBS =
  /^(not|n't|never|also|partly|partially|largely|mostly|mainly|entirely|wholly|solely|fully|in|part|at|equally|much|more|most|less|least|primarily|chiefly|really|ultimately|somewhat|even|still)$/;

/** "is (partly) to blame": "to blame" after a form of "be", adverbs between. */
function predicativeBlame(words: readonly string[], ts: number, s0: number): boolean {
  if (words[ts - 1] !== 'to') return false;
  for (let j = ts - 2, n = 0; j >= s0 && n < 4; j--, n++) {
    const w = words[j]!;
    if (BE_FORMS.has(w)) return true;
    if (!BLAME_ADVERBS.test(w)) return false;
  }
  return false;
}

const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'am']);

/** Modals of obligation and the future: a that-clause with one states a course of action. */
const OBLIGATION_MODALS = /^(should|must|will|would|shall|ought|need|needs|'ll|can|could)$/;

/** A modal of obligation or the future in the clause after `from`, before a comma or the sentence's end. */
function modalIn(words: readonly string[], from: number, s1: number): boolean {
  for (let k = from; k < s1; k++) {
    const w = words[k]!;
    if (w === ',' || w === ';') return false;
    if (OBLIGATION_MODALS.test(w)) return true;
  }
  return false;
}

/** Verbs of attitude in the simple present, third person (stative: "opposes", "supports", "favors"). */
const STATIVE_PRESENT = /^(opposes|supports|favors|favours|prefers|dislikes|likes)$/;

/** Verbs of mentioning and remembering whose object is an event talked about or remembered. */
const MENTIONING =
  /^(mention|mentions|mentioned|mentioning|recall|recalls|recalled|recalling|remember|remembers|remembered|remembering|commemorate|commemorates|commemorated|commemorating|invoke|invokes|invoked|invoking|evoke|evokes|evoked|evoking|cite|cites|cited|citing)$/;
/** Nouns of remembrance before "of": "the anniversary of", "the memory of", "a memorial to". */
const REMEMBRANCE = /^(anniversary|anniversaries|memory|memories|memorial|commemoration|commemorations|legacy)$/;

/**
 * The event noun at `ts` heads the object of a verb of mentioning or remembering ("recalled the 2006 attack",
 * "brought up the Lima bombing") or follows a noun of remembrance ("the anniversary of the victory"): at
 * most five words of its noun phrase between (a determiner, modifiers, names), no punctuation.
 */
function mentionedEvent(words: readonly string[], ts: number, s0: number): boolean {
  for (let j = ts - 1; j >= s0 && j >= ts - 6; j--) {
    const w = words[j]!;
    if (MENTIONING.test(w)) return true;
    if (w === 'up' && /^(bring|brings|brought|bringing)$/.test(words[j - 1] ?? '')) return true;
    if ((w === 'of' || w === 'to') && REMEMBRANCE.test(words[j - 1] ?? '')) return true;
    if (!/^[\p{L}\p{N}'’.-]+$/u.test(w) || PREPOSITIONS.has(w) || REPORTING.has(w) || w === 'and' || w === 'that')
      return false;
  }
  return false;
}

/**
 * Verbs (and their nouns before "of") whose object is presupposed to be in force: violating, breaching, evading,
 * defying or complying with sanctions, a ban or a truce (English presupposition: "X violated the embargo" takes the
 * embargo as existing; the act reported is the violation or the compliance, not the imposing of the embargo).
 */
const PRESUPPOSING =
  /^(violat(e|es|ed|ing|ion|ions)|breach(es|ed|ing)?|evad(e|es|ed|ing)|evasion|circumvent(s|ed|ing)?|circumvention|flout(s|ed|ing)?|defy|defies|defied|defying|defiance|skirt(s|ed|ing)?|dodg(e|es|ed|ing)|bust(s|ed|ing)?|contraven(e|es|ed|ing)|contravention)$/;
/** The same with a preposition: "comply with", "abide by", "in compliance with", "adhere to". */
const PRESUPPOSING_WITH =
  /^(compl(y|ies|ied|ying)|compliance|abid(e|es|ing)|abided|abode|adher(e|es|ed|ing)|adherence|conform(s|ed|ing)?)$/;

/**
 * The noun trigger at `ts` heads the object of a verb of violating or complying: that verb (or "violation of",
 * "compliance with", "abide by") stands before it with at most a determiner and three modifiers between
 * ("would violate UN Security Council sanctions").
 */
function presupposedObject(words: readonly string[], ts: number, s0: number): boolean {
  for (let j = ts - 1; j >= s0 && j >= ts - 5; j--) {
    const w = words[j]!;
    if (PRESUPPOSING.test(w)) return true;
    if (
      w === 'of' &&
      /^(violations?|breach(es)?|evasion|circumvention|defiance|contravention)$/.test(words[j - 1] ?? '')
    )
      return true;
    if ((w === 'with' || w === 'by' || w === 'to') && PRESUPPOSING_WITH.test(words[j - 1] ?? '')) return true;
    if (w === ',' || w === ';' || w === 'and' || w === 'or' || PREPOSITIONS.has(w) || REPORTING.has(w)) return false;
  }
  return false;
}

/**
 * Verbs of communication and of judging (Levin 1993, classes 37 "verbs of communication" and 29/34 "verbs of
 * assessment and characterization", base forms): a noun derived from one names something said or thought, so
 * giving it is speech ("provided an assessment", "gave a description", "offered assurances").
 */
const SPEECH_BASES: ReadonlySet<string> = new Set([
  'announce',
  'explain',
  'describe',
  'clarify',
  'indicate',
  'inform',
  'assure',
  'reassure',
  'suggest',
  'comment',
  'declare',
  'mention',
  'express',
  'elaborate',
  'speculate',
  'assess',
  'evaluate',
  'interpret',
  'analyse',
  'analyze',
  'estimate',
  'predict',
  'forecast',
  'observe',
  'acknowledge',
  'justify',
  'recount',
  'narrate',
  'illustrate',
  'summarize',
  'summarise',
  'characterize',
  'characterise',
  'argue',
  'define',
  'specify',
  'confirm',
  'recommend',
  'reflect',
  'present',
  'depict',
  'portray',
  'report',
  'brief',
  'testify',
  'remark',
  'note',
  'verify',
  'elucidate',
  'detail',
]);

/** Bases a derived noun may come from: -ment, -ation/-ition/-ion, -ance/-ence, -al stripped, with the usual respellings. */
function nounBases(noun: string): string[] {
  const n = noun.endsWith('s') && !noun.endsWith('ss') ? noun.slice(0, -1) : noun;
  const out: string[] = [];
  const add = (stem: string) => out.push(stem, `${stem}e`);
  if (n.endsWith('ment')) add(n.slice(0, -4));
  if (n.endsWith('ification')) out.push(`${n.slice(0, -9)}ify`);
  if (n.endsWith('ation')) add(n.slice(0, -5));
  if (n.endsWith('ption')) out.push(`${n.slice(0, -5)}be`);
  if (n.endsWith('ion')) add(n.slice(0, -3));
  if (n.endsWith('ance') || n.endsWith('ence')) add(n.slice(0, -4));
  if (n.endsWith('al')) add(n.slice(0, -2));
  if (n.endsWith('ing')) add(n.slice(0, -3));
  return out;
}

/**
 * The object of a giving verb is a noun derived from a verb of communication or judging ("gave a description of the
 * talks", "offered an assessment", "provided confirmation"): the head of the noun phrase after the trigger (past a
 * determiner and at most two modifiers), or the trigger's own last word when the pattern holds the object.
 */
function nominalOfSpeech(words: readonly string[], ts: number, te: number, s1: number): boolean {
  const heads: string[] = words.slice(ts + 1, te) as string[];
  for (let k = te; k < Math.min(s1, te + 4); k++) {
    const w = words[k]!;
    if (!/^[a-z][a-z-]*$/.test(w) || PREPOSITIONS.has(w)) break;
    if (DETERMINERS.has(w)) continue;
    heads.push(w);
  }
  return heads.some((h) => nounBases(h).some((b) => SPEECH_BASES.has(b)));
}

/** "under sanctions", "under a French trade embargo": the noun phrase after "under" names a state. */
function underBefore(words: readonly string[], ts: number, s0: number): boolean {
  for (let j = ts - 1; j >= s0 && j >= ts - 5; j--) {
    const w = words[j]!;
    if (w === 'under') return true;
    if (w === ',' || w === ';' || w === 'that' || w === 'which' || w === 'who' || REPORTING.has(w)) return false;
  }
  return false;
}

/**
 * "under a (stricter) permitting (and licensing) system": the trigger follows "under", a determiner and at most two
 * modifiers, and a word of the noun phrase (its head or a coordinated modifier) follows it.
 */
function underPremodifier(words: readonly string[], ts: number, te: number, s0: number): boolean {
  const next = words[te] ?? '';
  if (!/^[a-z][a-z-]*$/.test(next) || DETERMINERS.has(next) || PREPOSITIONS.has(next)) return false;
  for (let j = ts - 1; j >= Math.max(s0 + 1, ts - 3); j--) {
    const w = words[j]!;
    if (DETERMINERS.has(w)) return words[j - 1] === 'under';
    if (!/^[a-z][a-z-]*$/.test(w) || PREPOSITIONS.has(w) || REPORTING.has(w) || /(ing|ed)$/.test(w)) return false;
  }
  return false;
}

/** Vague large quantities before a plural noun ("dozens of attacks"). */
const LARGE_QUANTITIES = /^(dozens|hundreds|thousands|scores|numerous|countless)$/;

/** Phrases that give a span of time a count of acts is summed over. */
function spanAdverbial(words: readonly string[], s0: number, s1: number): boolean {
  for (let k = s0; k < s1; k++) {
    const w = words[k]!;
    if (w === 'since' && words[k + 1] !== 'then') return true;
    if (w === 'so' && words[k + 1] === 'far') return true;
    if (
      (w === 'over' || w === 'in' || w === 'during') &&
      words[k + 1] === 'the' &&
      /^(past|last)$/.test(words[k + 2] ?? '')
    )
      return true;
  }
  return false;
}

/**
 * A plural event noun counted with a number of three or more or a vague large quantity ("about 100 attacks", "dozens
 * of raids"), in a sentence that gives the span the count covers ("since January", "so far", "over the past year").
 */
function aggregateCount(words: readonly string[], ts: number, te: number, s0: number, s1: number): boolean {
  const head = words[te - 1]!;
  if (!/s$/.test(head) || te - ts > 2) return false;
  let j = ts - 1;
  if (words[j] === 'of') j--;
  while (j > s0 && DEGREE_WORDS.has(words[j]!)) j--;
  const q = words[j] ?? '';
  const n = Number(q.replace(/,/g, ''));
  const counted =
    (Number.isFinite(n) && n >= 3) ||
    LARGE_QUANTITIES.test(q) ||
    /^(three|four|five|six|seven|eight|nine|ten|dozen|hundred)$/.test(q);
  return counted && spanAdverbial(words, s0, s1);
}

/** Words allowed between a count and its noun ("about 100", "more than 40", "some 30 new"). */
const DEGREE_WORDS: ReadonlySet<string> = new Set([
  'new',
  'separate',
  'major',
  'deadly',
  'armed',
  'fresh',
  'further',
  'more',
  'other',
]);

/** A condition after the trigger in its sentence ("won't hesitate to impose sanctions if …"), not across a reporting verb. */
export function laterCondition(words: readonly string[], te: number, s1: number): boolean {
  for (let k = te; k < s1; k++) {
    if (REPORTING.has(words[k]!) || words[k] === ';') return false;
    if (LATER_CONDITIONS.has(words[k]!)) return true;
    // "marched …, raising questions about whether X will … if …": a condition inside a later clause (a participle
    // clause after a comma, a "whether"/"because"/"when" clause) is that clause's, not the act's.
    if (CLAUSE_OPENERS.has(words[k]!) || (words[k] === ',' && /^[a-z]{3,}ing$/.test(words[k + 1] ?? ''))) return false;
  }
  return false;
}

/** Words that open a new clause after the trigger. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'whether',
  'because',
  'although',
  'though',
  'while',
  'when',
  'after',
  'before',
]);

/**
 * Actors that only report: the subject of a reporting verb ("Yonhap reported", "the agency said") or the object of
 * "according to". They are never a party to another event of the sentence.
 */
export function reporters(words: readonly string[], cands: readonly ActorCandidate[]): Set<ActorCandidate> {
  const out = new Set<ActorCandidate>();
  for (const c of cands) {
    let k = c.te;
    if (words[k] === 'news' && words[k + 1] === 'agency') k += 2;
    else if (words[k] === 'agency' || words[k] === 'media' || words[k] === 'newspaper') k += 1;
    const reports = REPORTING.has(words[k]!) || (words[k] === ',' && REPORTING.has(words[k + 1]!) && c.media);
    const according = words[c.ts - 1] === 'to' && words[c.ts - 2] === 'according';
    if ((reports && c.media) || according) out.add(c);
  }
  return out;
}

/** Closing quotes and brackets that may follow a sentence's last punctuation. */
const CLOSERS: ReadonlySet<string> = new Set(['"', '”', "''", "'", '’', ')', '-rrb-']);

/** The sentence ends in a question mark. */
function interrogative(words: readonly string[], s0: number, s1: number): boolean {
  let k = s1 - 1;
  while (k > s0 && CLOSERS.has(words[k]!)) k--;
  return words[k] === '?';
}

/**
 * Where the question of a sentence ending in "?" begins: after its last colon or opening quote, else the sentence
 * start ("…, prompting the question: who will stop this?" asks only after the colon).
 */
function questionStart(words: readonly string[], s0: number, s1: number): number {
  let start = s0;
  let straight = 0;
  for (let k = s0; k < s1; k++) {
    const w = words[k]!;
    // A straight quote opens when it is the first, third, … of the sentence.
    const opens = w === '"' ? straight++ % 2 === 0 : OPENING_QUOTES.has(w);
    if (w === ':' || opens) start = k + 1;
  }
  return start;
}

/** Typographic and tokenised opening quotes. */
const OPENING_QUOTES: ReadonlySet<string> = new Set(['“', '``', '‘']);

/**
 * Right after "help": a bare verb or "to" + a verb, with no beneficiary between ("helped prepare", "help to sort").
 * With a beneficiary ("helped Chile rebuild") the help is given to a party, which may be aid.
 */
function catenativeHelp(words: readonly string[], te: number, s1: number): boolean {
  return te < s1 && (BARE.has(words[te]!) || (words[te] === 'to' && BARE.has(words[te + 1] ?? '')));
}

/** Function words that may follow the head of a noun phrase: prepositions, relatives, conjunctions, time words. */
const AFTER_HEAD = new Set(
  'of by from to on in at with about for as after before over into that which who whose where when while and or but late earlier yesterday today tonight last this next'.split(
    ' ',
  ),
);

/** The word after a noun makes it the head of its phrase: punctuation, the sentence end, a function word, a name,
 * or a participle or adverb ("a video showing", "a statement late Monday") — anything but another common noun. */
function headAt(words: readonly string[], k: number, s1: number): boolean {
  const next = words[k + 1];
  if (k + 1 >= s1 || next === undefined) return true;
  return !/^[a-z]+$/.test(next) || AFTER_HEAD.has(next) || /(ing|ed|ly)$/.test(next);
}

/**
 * The object of "release"/"free" (or the noun a reduced relative "released" follows) is something published. The
 * published word must head the object ("released a video of", "released the report."), not modify it ("freed the
 * film crew", "a video journalist"): a noun before another noun is a modifier (general English).
 */
function publishedObject(words: readonly string[], ts: number, te: number, s0: number, s1: number): boolean {
  if (ts > s0 && PUBLISHED_THINGS.has(words[ts - 1]!)) return true;
  for (let k = te; k < Math.min(s1, te + 4); k++) {
    const w = words[k]!;
    if (PUBLISHED_THINGS.has(w) && headAt(words, k, s1)) return true;
    if (w === ',' || w === 'to' || w === 'from' || w === 'by' || w === 'and') return false;
  }
  return false;
}

/** After a verb of denial: a gerund, "having" or "that" (adverbs skipped) — the denial of a claim. */
function deniedClaim(words: readonly string[], te: number, s1: number): boolean {
  let k = te;
  while (k < s1 && /ly$/.test(words[k]!)) k++;
  const w = words[k] ?? '';
  return w === 'that' || w === 'having' || /^[a-z]{2,}ing$/.test(w);
}

/** A "with" phrase later in the clause names a partner of the talk. */
function partnerAfter(words: readonly string[], te: number, s1: number): boolean {
  for (let k = te; k < Math.min(s1, te + 10); k++) {
    if (words[k] === 'with') return true;
    if (words[k] === ',' || words[k] === ';') return false;
  }
  return false;
}

/** A score ("2-1", "3 - 0", "104-98") in the sentence: a game's result. */
function scoreIn(words: readonly string[], s0: number, s1: number): boolean {
  for (let k = s0; k < s1; k++) {
    const w = words[k]!;
    if (/^\d{1,3}[-–]\d{1,3}$/.test(w)) return true;
    if (/^\d{1,3}$/.test(w) && (words[k + 1] === '-' || words[k + 1] === '–') && /^\d{1,3}$/.test(words[k + 2] ?? ''))
      return true;
  }
  return false;
}

/** Words that end a verb phrase with no object: punctuation, a preposition or a conjunction. */
const NO_OBJECT = /^([,.;:!?)]|and|or|but|as|after|before|from|to|in|on|at|by|with|when|while|because|amid|ahead)$/;

/** Something other than the end of the clause follows the verb (its object). */
function objectFollows(words: readonly string[], te: number, s1: number): boolean {
  return te < s1 && !NO_OBJECT.test(words[te]!);
}

/** Accident verbs: with an object they are someone's act ("rebels sank their patrol boat"), not an accident. */
const ACCIDENT_VERBS: ReadonlySet<string> = new Set(['crashed', 'collided', 'capsized', 'derailed', 'sank']);
/** Words that open an object noun phrase. */
const OBJECT_OPENERS = /^(the|a|an|their|its|his|her|our|my|your|two|three|four|five|several|dozens)$/;
/** Prepositions that make "the fire" a circumstance, not the subject ("under cover of the fire", "after the fire"). */
const FIRE_PREPOSITIONS = /^(of|under|after|before|despite|amid|during|through|with|from|into|to|at|near|over)$/;

/**
 * A disaster word, or "fire" after an article as the cause of the death ("a fire swept through", never "opened
 * fire"): in the main clause the fire is its subject, not in a prepositional phrase ("under cover of the fire"); after
 * the verb ("killed in the fire", `cause` the index of the preposition) it is the cause unless a clause names who set
 * it ("the fire that police started"). An accident verb with an object has an agent (general English).
 */
function disasterIn(words: readonly string[], from: number, to: number, cause: number): boolean {
  for (let k = from; k < to; k++) {
    const w = words[k]!;
    if (ACCIDENT_VERBS.has(w) && OBJECT_OPENERS.test(words[k + 1] ?? '')) continue;
    if (DISASTERS.has(w)) return true;
    if ((w === 'fire' || w === 'fires') && (words[k - 1] === 'a' || words[k - 1] === 'the')) {
      const agentClause = /^(that|which|set|started|lit)$/.test(words[k + 1] ?? '');
      if (cause >= 0 ? k - 2 === cause && !agentClause : !FIRE_PREPOSITIONS.test(words[k - 2] ?? '')) return true;
    }
  }
  return false;
}

/** After "appeal": the decision or court appealed, within a few words ("the lower court's ruling", "against the verdict"). */
function legalAppeal(words: readonly string[], te: number, s1: number): boolean {
  for (let k = te; k < Math.min(s1, te + 5); k++) {
    const w = words[k]!;
    if (APPEALED_IN_COURT.has(w)) return true;
    if (w === ',' || w === 'for' || w === 'that' || w === 'on') return false;
  }
  return false;
}

/** "on video", "on camera", "on film" within the few words after the verb. */
function recordedOn(words: readonly string[], te: number, s1: number): boolean {
  for (let k = te; k < Math.min(s1, te + 5); k++)
    if (words[k] === 'on' && /^(video|videos|camera|cameras|film|tape|cctv|footage)$/i.test(words[k + 1] ?? ''))
      return true;
  return false;
}

/**
 * A coded actor heads a noun phrase in the object after `te` (within a few words, before any comma): "rebuild the
 * Syrian army", "the reconstruction of Ukraine" — not a name modifying another noun ("the French economy") nor one
 * after another preposition ("prepare the summit with Chile"), nor an owner ("sort Chile's files"); an "of" phrase
 * only when `ofPhrase` ("the reconstruction of Ukraine" names who gets the contribution).
 */
function codedObjectAfter(
  words: readonly string[],
  target: readonly ActorCandidate[],
  te: number,
  s1: number,
  ofPhrase: boolean,
): boolean {
  return target.some((t) => {
    if (!t.code || t.kind === 'pronoun' || t.ts < te || t.ts > te + 6) return false;
    for (let k = te; k < t.ts; k++) {
      const w = words[k]!;
      if (w === ',' || w === ';' || (k > te && PREPOSITIONS.has(w) && !(ofPhrase && w === 'of'))) return false;
    }
    const next = words[t.te] ?? '';
    return t.te >= s1 || (!isModifier(next) && !/^['’]s?$/.test(next));
  });
}
