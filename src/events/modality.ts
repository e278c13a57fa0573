import {
  ATTRIBUTIVE_MODALITY,
  COMMISSIVE_NOUNS,
  CONDITIONALS,
  DELIBERATION_VERBS,
  DIRECTIVE_NOUNS,
  HEARSAY,
  PROPOSAL_VERBS,
  TOPIC_VERBS,
  DENIAL,
  DETERMINERS,
  HYPOTHETICAL_MODALS,
  INTENT,
  NEGATORS,
  POSSIBILITY,
  REPORTING,
} from './data/words.js';

/**
 * Negative implicative verbs: "failed to uphold" entails that the act did not happen (English implicatives: fail,
 * neglect and omit to do are not doing it).
 */
const NEGATIVE_IMPLICATIVES =
  /^(fail|fails|failed|failing|neglect|neglects|neglected|neglecting|omit|omits|omitted|omitting)$/;

/** Forms of "have" and "be" before "yet to" ("has yet to", "is yet to"). */
const YET_AUXILIARIES: ReadonlySet<string> = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', "'s", "'re"]);

/** How an event is asserted: negated ("did not attack"), hypothetical ("could supply"), or as an intention. */
export interface Modality {
  negated: boolean;
  hypothetical: boolean;
  /** "intent" (ready to, will, plans to), "possible" (could, may), "conditional" (would, if), "denied", or null. */
  mode: string | null;
}

/** Words that may stand in the verb group before a trigger: auxiliaries, adverbs, modals, intent frames. */
const VERB_GROUP: ReadonlySet<string> = new Set([
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  "'s",
  'did',
  'does',
  'do',
  'to',
  'also',
  'again',
  'already',
  'reportedly',
  'allegedly',
  'then',
  'now',
  'still',
  'just',
  'once',
  'repeatedly',
  'formally',
  'officially',
  'jointly',
  'finally',
  'soon',
  'quickly',
  'immediately',
  'not',
  "n't",
  'never',
  'no',
  'longer',
  // "has not yet withdrawn", "had yet again attacked": "yet" is an adverb inside the verb group.
  'yet',
  'able',
  'about',
  'going',
  'set',
  'likely',
  'unlikely',
  'fully',
  'itself',
  'themselves',
  'further',
  'even',
  'rather',
  'first',
  'publicly',
  'effectively',
  'continue',
  'continued',
  'continues',
  'agreed',
  'begin',
  'began',
  'begun',
  'try',
  'tried',
  'attempt',
  'attempted',
]);

/**
 * Catenative verbs of undertaking ("move to", "act to", "rush to", "hasten to" + a verb: English catenatives that
 * say the subject sets about the act): they carry no modality of their own, so a modal before them reaches the act
 * ("will move to expel" is a plan, "moved to expel" stays done).
 */
const UNDERTAKING =
  /^(move|moves|moved|moving|act|acts|acted|acting|rush|rushes|rushed|rushing|race|races|raced|racing|hurry|hurries|hurried|hurrying|hasten|hastens|hastened|hastening|scramble|scrambles|scrambled|scrambling)$/;

/**
 * Evidential raising verbs ("appear", "seem" + "to"/"ready to"/"poised to"): English evidentiality, the act or the
 * intention is how things look to the writer, not what the text asserts — a possibility.
 */
const EVIDENTIAL = /^(appear|appears|appeared|appearing|seem|seems|seemed|seeming)$/;

/**
 * Read the verb group before trigger token `ts` (back to `clauseStart`): negators, modals, intent frames,
 * a denial verb right before ("denied supplying"), and a conditional opening the clause ("if … would breach").
 */
export function readModality(
  words: readonly string[],
  ts: number,
  clauseStart: number,
  clauseOpener: string | null,
): Modality {
  let negated = false;
  let hypothetical = false;
  let mode: string | null = null;
  let j = ts - 1;
  // A negation before a negative implicative cancels it: "never failed to attack" is attacking.
  let implicative = false;
  for (let n = 0; j >= clauseStart && n < 8; j--, n++) {
    const w = words[j]!;
    if (NEGATORS.has(w)) {
      negated = !implicative;
      implicative = false;
    } else if (HYPOTHETICAL_MODALS.has(w)) {
      // "said it would allow" is reported intention, not a hypothetical.
      if (w === 'would' && reportedBefore(words, j, clauseStart)) mode ??= 'intent';
      else {
        hypothetical = true;
        mode ??= HYPOTHETICAL_MODALS.get(w)!;
      }
    } else if (POSSIBILITY.has(w)) {
      hypothetical = true;
      if (mode === null || mode === 'intent') mode = 'possible';
    } else if (w === 'yet' && words[j + 1] === 'to' && YET_AUXILIARIES.has(words[j - 1] ?? '')) {
      // "has yet to withdraw", "is yet to sign": "have/be yet to" + a verb says the act has not happened so far
      // (English grammar: "yet" with a to-infinitive after "have" or "be" is negative in meaning, "has not withdrawn
      // yet"); a negation before it cancels it ("has not yet to" does not occur in English).
      negated = true;
    } else if (NEGATIVE_IMPLICATIVES.test(w) && words[j + 1] === 'to') {
      negated = true;
      implicative = true;
    } else if (INTENT.has(w)) {
      // "abandoned their plans to seize": a plan given up negates the act planned.
      if (COMMISSIVE_NOUNS.has(w) && abandonedBefore(words, j, clauseStart)) negated = true;
      else mode ??= 'intent';
    } else if (DENIAL.has(w) && j === ts - 1) {
      negated = true;
      mode ??= 'denied';
    } else if (EVIDENTIAL.test(w)) {
      // "appeared ready to lift the ban", "seems to have withdrawn": the writer does not vouch for the act.
      hypothetical = true;
      if (mode === null || mode === 'intent') mode = 'possible';
    } else if (UNDERTAKING.test(w) && (words[j + 1] === 'to' || words[j + 2] === 'to')) {
      // "will move quickly to expel": a catenative verb of undertaking before "to" is part of the verb group.
    } else if (!VERB_GROUP.has(w)) break;
  }
  if (clauseOpener && CONDITIONALS.has(clauseOpener)) {
    hypothetical = true;
    mode = mode === 'intent' || mode === null ? 'conditional' : mode;
  }
  return { negated, hypothetical, mode };
}

function reportedBefore(words: readonly string[], j: number, clauseStart: number): boolean {
  for (let k = j - 1; k >= Math.max(0, clauseStart - 4, j - 4); k--) if (REPORTING.has(words[k]!)) return true;
  return false;
}

/**
 * The modality an adjective gives the event noun it modifies ("the planned demonstration" intent, "potential
 * sanctions" possible), looking back over the noun phrase's other modifiers; null when none does.
 */
export function attributiveModality(words: readonly string[], ts: number, s0: number): 'intent' | 'possible' | null {
  for (let j = ts - 1, n = 0; j >= s0 && n < 3; j--, n++) {
    const w = words[j]!;
    const m = ATTRIBUTIVE_MODALITY.get(w);
    if (m) return m;
    if (DETERMINERS.has(w) || !/^[a-z][a-z-]*$/.test(w)) return null;
  }
  return null;
}

/**
 * A gerund clause that is the subject of a modal predicate is weighed, not reported: "attacking the ports would not
 * be effective", "imposing sanctions could backfire". True when the -ing trigger opens its clause (or follows
 * "that" or a reporting verb) and a modal follows its object before any comma.
 */
export function gerundSubjectOfModal(
  words: readonly string[],
  ts: number,
  te: number,
  clauseStart: number,
  s1: number,
): boolean {
  if (!words[ts]!.endsWith('ing')) return false;
  const before = words[ts - 1];
  if (ts !== clauseStart && before !== 'that' && !(before && REPORTING.has(before))) return false;
  for (let k = te; k < Math.min(s1, te + 8); k++) {
    const w = words[k]!;
    if (w === ',' || w === ';' || w === 'and' || w === 'but') return false;
    if (HYPOTHETICAL_MODALS.has(w) || POSSIBILITY.has(w)) return true;
  }
  return false;
}

/**
 * An infinitive complement takes the modality of the verb that governs it: "would empower the secretary to deny a
 * lease", "could force them to leave" — the complement happens only if the governing act does. The modal's mode
 * when the trigger follows "to" and a modal stands earlier in its clause with no reporting verb between, else null.
 */
export function modalGovernsInfinitive(words: readonly string[], ts: number, clauseStart: number): string | null {
  if (words[ts - 1] !== 'to') return null;
  for (let k = ts - 2; k >= Math.max(clauseStart, ts - 10); k--) {
    const w = words[k]!;
    if (REPORTING.has(w) || w === ',' || w === ';') return null;
    const m = HYPOTHETICAL_MODALS.get(w);
    // "said it would force X to withdraw": a reported "would" is an intention, and so is its complement.
    if (m) return w === 'would' && reportedBefore(words, k, clauseStart) ? 'intent' : m;
  }
  return null;
}

/** Verbs that take an object and a bare infinitive ("let them board"): the infinitive's act happens only if theirs does. */
const BARE_INFINITIVE_GOVERNORS: ReadonlySet<string> = new Set(['let', 'lets', 'letting']);

/** Verbs of permission that take an object and a to-infinitive ("allow X to", "permit X to"). */
const PERMISSION_GOVERNORS = /^(allow|allows|allowed|allowing|permit|permits|permitted|permitting)$/;

/**
 * The complement of "let" takes the modality of its "let" (English grammar: "let" + object + bare infinitive):
 * "we are not going to let a foreign navy board ships" — the boarding is what the speaker will not allow, not an
 * act that took place; "would let troops cross" is as hypothetical as its "would". So is the to-infinitive of "allow"
 * and "permit" ("will not allow the navy to board ships"). The modality of a "let" at most four words (its object)
 * before the trigger, or of an "allow"/"permit" before its "to", when it is negated, hypothetical or an intention;
 * else null.
 */
export function letGovernsComplement(
  words: readonly string[],
  ts: number,
  clauseStart: number,
  clauseOpener: string | null,
): Modality | null {
  let to = false;
  for (let k = ts - 1; k >= Math.max(clauseStart, ts - 7); k--) {
    const w = words[k]!;
    // Its own "to" stands right before the trigger or before a light verb ("to get permits"); a "to" further back
    // belongs to another verb ("did not allow talks to resume and expelled …": the expulsion is asserted).
    if (w === 'to' && k >= ts - 2) to = true;
    // "allow" and "permit" take an object and a to-infinitive (an object of up to four words, "to", and a light verb
    // at most: "should not allow more trawlers to get permits"); "let" a bare infinitive within four words.
    if ((BARE_INFINITIVE_GOVERNORS.has(w) && k >= ts - 5) || (PERMISSION_GOVERNORS.test(w) && to)) {
      if (k === ts - 1) return null;
      const m = readModality(words, k, clauseStart, clauseOpener);
      return m.negated || m.hypothetical || m.mode !== null ? m : null;
    }
    if (!/^[\p{L}'’-]+$/u.test(w)) return null;
  }
  return null;
}

/**
 * The modality an act takes from the word that governs it as a complement (English complementation):
 * - the infinitive after a commissive noun is an intention, after a directive noun a possibility ("accepted an
 *   invitation to visit", "a plan to deploy troops", "calls to resign": the visit, deployment and resignation have
 *   not happened);
 * - the gerund object of a verb of deliberation is a topic, of a verb of proposal a proposal ("would discuss
 *   providing weapons" possible, "suggested sending troops" intent), also after "talk about", "think of".
 * `ts` is the first word of the act (a verb, or the verb carrying an event noun). Null when no such word governs it.
 */
export function complementModality(words: readonly string[], ts: number, clauseStart: number): Modality | null {
  if (ts - 2 >= clauseStart && words[ts - 1] === 'to') {
    const noun = words[ts - 2]!;
    // "in order to", "so as to", "in an effort to": a purpose, the act intended.
    if ((noun === 'order' && words[ts - 3] === 'in') || (noun === 'as' && words[ts - 3] === 'so'))
      return { negated: false, hypothetical: false, mode: 'intent' };
    if (PURPOSE_NOUNS.has(noun)) return { negated: false, hypothetical: false, mode: 'intent' };
    // "the best course is for Paris to object …": an infinitive clause with a "for" subject is irrealis, and so is
    // the infinitive after the object of a verb of wanting or expecting ("wants Chile to withdraw").
    if (
      forSubjectInfinitive(words, ts, clauseStart) ||
      wantedInfinitive(words, ts, clauseStart) ||
      directedInfinitive(words, ts, clauseStart)
    )
      return { negated: false, hypothetical: true, mode: 'possible' };
    if (COMMISSIVE_NOUNS.has(noun))
      return abandonedBefore(words, ts - 2, clauseStart)
        ? { negated: true, hypothetical: false, mode: null }
        : { negated: false, hypothetical: false, mode: 'intent' };
    if (DIRECTIVE_NOUNS.has(noun)) return { negated: false, hypothetical: true, mode: 'possible' };
    return null;
  }
  if (!words[ts]!.endsWith('ing') || ts - 1 < clauseStart) return null;
  // "expected X to respond by releasing the ship": a "by" gerund names the means of the verb before it (English
  // adjunct of means), so it happens only as that verb's act does — an infinitive's modality is the gerund's.
  if (words[ts - 1] === 'by' && ts - 3 >= clauseStart && words[ts - 3] === 'to' && !words[ts - 2]!.endsWith('ing'))
    return complementModality(words, ts - 2, clauseStart);
  // "a visit aimed at pushing Chile toward calm", "with the aim of ending": a purpose, the act intended.
  if (
    (words[ts - 1] === 'at' && /^(aim|aims|aimed|aiming)$/.test(words[ts - 2] ?? '')) ||
    (words[ts - 1] === 'of' && /^(aim|purpose|goal|intention|object)$/.test(words[ts - 2] ?? '')) ||
    (words[ts - 1] === 'to' && words[ts - 2] === 'view' && words[ts - 3] === 'a')
  )
    return { negated: false, hypothetical: false, mode: 'intent' };
  let k = ts - 1;
  if ((words[k] === 'about' || words[k] === 'of') && k - 1 >= clauseStart && TOPIC_VERBS.test(words[k - 1]!)) k--;
  else if (words[k] === 'about' || words[k] === 'of') return null;
  const v = words[k]!;
  if (DELIBERATION_VERBS.test(v) || TOPIC_VERBS.test(v))
    return { negated: false, hypothetical: true, mode: 'possible' };
  if (PROPOSAL_VERBS.test(v)) return { negated: false, hypothetical: false, mode: 'intent' };
  return null;
}

/**
 * Verbs of giving up a plan: "shelved its plans to seize the port", "dropped a proposal to expel": the planned
 * act will not happen (English: abandoning, dropping, scrapping or shelving a plan negates its content, as "fail to"
 * does an act).
 */
const ABANDON =
  /^(abandon|abandons|abandoned|abandoning|drop|drops|dropped|dropping|scrap|scraps|scrapped|scrapping|shelve|shelves|shelved|shelving|cancel|cancels|cancelled|canceled|cancelling|canceling|withdrew|withdrawn|withdraw|withdraws|ditch|ditches|ditched|ditching)$/;

/** A verb of giving up before the commissive noun at `n`, a determiner or possessive (and one modifier) between. */
function abandonedBefore(words: readonly string[], n: number, clauseStart: number): boolean {
  for (let k = n - 1; k >= Math.max(clauseStart, n - 3); k--) {
    const w = words[k]!;
    if (ABANDON.test(w)) return true;
    if (!(DETERMINERS.has(w) || /^(their|its|his|her|our|any|all|earlier|previous|original)$/.test(w))) return false;
  }
  return false;
}

/** Nouns of purpose before an infinitive ("an effort to", "a drive to"): the act is aimed at, not done. */
const PURPOSE_NOUNS: ReadonlySet<string> = new Set(['effort', 'efforts', 'drive', 'push', 'bid', 'campaign', 'quest']);

/**
 * "for Paris to object", "it is time for the army to withdraw": an infinitive whose subject is introduced by
 * "for" (English grammar: a for-to clause names an unrealized situation). True when "for" stands at most five words
 * before the "to", with a noun phrase (no verb of its own, no punctuation) between.
 */
const IRREALIS_FOR =
  /^(is|was|are|were|be|been|'s|hope|hopes|time|need|needs|chance|way|plan|plans|room|wait|waits|waited|waiting|arrange|arranged|arranging|press|pressed|pressing|push|pushed|pushing|call|calls|called|calling|appeal|appealed|appeals|pressure|demand|demands)$/;

/**
 * The act at `ts` is the infinitive of a for-to clause ("the only hope is for Paris to object", "time for the army to
 * withdraw"): the content of a hope, a need or a call, which nobody reports as done or commits to.
 */
export function forToContent(words: readonly string[], ts: number, clauseStart: number): boolean {
  return ts - 2 >= clauseStart && words[ts - 1] === 'to' && forSubjectInfinitive(words, ts, clauseStart);
}

function forSubjectInfinitive(words: readonly string[], ts: number, clauseStart: number): boolean {
  for (let k = ts - 3; k >= Math.max(clauseStart, ts - 7); k--) {
    const w = words[k]!;
    // After a copula, a noun of hope or need, or a verb of waiting or arranging; not after an evaluative adjective,
    // where the clause may report a fact ("it was unfair for X to blame Y").
    if (w === 'for') return IRREALIS_FOR.test(words[k - 1] ?? '');
    if (!/^[\p{L}.'’-]+$/u.test(w) || REPORTING.has(w) || w === 'to' || w === 'and') return false;
  }
  return false;
}

/** Verbs of wanting and expecting that take an object and an infinitive: the infinitive's act is wished for. */
const WANT_OBJECT =
  /^(want|wants|wanted|wanting|wish|wishes|wished|expect|expects|expected|expecting|prefer|prefers|preferred|like|need|needs|needed)$/;

/** "wants Chile to withdraw", "expects the army to leave": a verb of wanting, its object (no verb, no comma), "to". */
function wantedInfinitive(words: readonly string[], ts: number, clauseStart: number): boolean {
  for (let k = ts - 3; k >= Math.max(clauseStart, ts - 7); k--) {
    const w = words[k]!;
    if (WANT_OBJECT.test(w)) return true;
    if (!/^[\p{L}.'’-]+$/u.test(w) || REPORTING.has(w) || w === 'to' || w === 'and' || w === 'that') return false;
  }
  return false;
}

/**
 * Directives that take an object and an infinitive: "told Chile to free the prisoners", "urged the army to
 * withdraw", "was ordered to leave". The infinitive's act is what the speaker asks for, not what happened (speech-act
 * theory: a directive does not entail its content; unlike implicatives such as "forced X to", which are left out).
 */
const DIRECTIVE_OBJECT =
  /^(tell|tells|told|order|orders|ordered|ask|asks|asked|urge|urges|urged|instruct|instructs|instructed|request|requests|requested|beg|begs|begged|implore|implores|implored|advise|advises|advised|press|presses|pressed|pressure|pressures|pressured|invite|invites|invited|encourage|encourages|encouraged|challenge|challenges|challenged|authorize|authorizes|authorized|authorise|authorises|authorised)$/;

/** Particles of verbs of continuing before an infinitive ("went on to", "pressed ahead to"). */
const CONTINUING = /^(on|ahead|forward|onward|onwards)$/;

/** "told Chile to free …": a directive, its object (no verb, no comma), "to"; or a passive directive "was told to". */
function directedInfinitive(words: readonly string[], ts: number, clauseStart: number): boolean {
  // "went on to attack", "pressed ahead to arrest": an aspectual particle before "to" continues the subject's own
  // course; the directive further back, if any, is in another clause.
  if (CONTINUING.test(words[ts - 2] ?? '')) return false;
  if (ts - 2 >= clauseStart && DIRECTIVE_OBJECT.test(words[ts - 2]!) && BE_FORMS.has(words[ts - 3] ?? '')) return true;
  for (let k = ts - 3; k >= Math.max(clauseStart, ts - 7); k--) {
    const w = words[k]!;
    if (DIRECTIVE_OBJECT.test(w)) return true;
    // "called on Chile to …", "appealed to Chile to …".
    if (
      (w === 'on' && /^(call|calls|called)$/.test(words[k - 1] ?? '')) ||
      (w === 'to' && /^appeal/.test(words[k - 1] ?? ''))
    )
      return true;
    if (!/^[\p{L}.'’-]+$/u.test(w) || REPORTING.has(w) || w === 'to' || w === 'and' || w === 'that') return false;
  }
  return false;
}

/** Verbs a report is the subject of when it frames what follows: "rumours say", "unconfirmed reports suggested". */
const FRAME_VERBS =
  /^(say|says|said|suggest|suggests|suggested|claim|claims|claimed|allege|alleges|alleged|indicate|indicates|indicated)$/;
const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Hearsay words that are adjectives: the noun they qualify ("unconfirmed reports") heads the phrase. */
const HEARSAY_ADJECTIVES: ReadonlySet<string> = new Set(['unconfirmed', 'unverified']);
/** Words that end a noun phrase before its verb could come: a conjunction, a preposition, a relative. */
const PHRASE_ENDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'about',
  'of',
  'on',
  'in',
  'over',
  'that',
  'which',
  'who',
  'to',
  'for',
  'from',
  'by',
  'with',
]);

/**
 * Whether the act at `ts` is told as hearsay: a rumour or an unconfirmed report is the source it is attributed
 * to. That holds when the hearsay word heads the reporting frame of the act's own clause (from `clauseStart`)
 * before it ("rumours say that …", "unconfirmed reports said …", "Ardavia is rumoured to have …"), or when the
 * sentence gives it as its source ("according to unconfirmed reports"). A rumour that is itself what an act is
 * about or done to ("arrested for spreading rumours", "dismissed speculation about a coup") frames nothing.
 */
export function hearsay(words: readonly string[], s0: number, s1: number, clauseStart: number, ts: number): boolean {
  for (let k = s0; k + 2 < s1; k++)
    if (words[k] === 'according' && words[k + 1] === 'to')
      for (let j = k + 2; j < Math.min(s1, k + 5); j++) if (HEARSAY.has(words[j]!)) return true;
  for (let k = clauseStart; k < ts; k++) {
    const w = words[k]!;
    if (!HEARSAY.has(w)) continue;
    // "is rumoured to", "it was speculated that": the frame's verb in the passive.
    if (/ed$/.test(w) && !HEARSAY_ADJECTIVES.has(w) && k > clauseStart && BE_FORMS.has(words[k - 1]!)) return true;
    // The noun phrase the word is in ("rumours", "unconfirmed reports") is the subject of a verb of saying; "said
    // to" after it is a participle ("rumours said to be false"), not the frame.
    const reach = HEARSAY_ADJECTIVES.has(w) ? 3 : 1;
    for (let j = k + 1; j <= Math.min(k + reach, ts - 1); j++) {
      const v = words[j]!;
      if (FRAME_VERBS.test(v)) {
        const headed = !HEARSAY_ADJECTIVES.has(w) || j > k + 1;
        if (headed && !(v === 'said' && words[j + 1] === 'to')) return true;
        break;
      }
      if (PHRASE_ENDS.has(v) || !/^\p{L}+$/u.test(v)) break;
    }
  }
  return false;
}

/**
 * The act is the content of a condition ("offered to appear on condition that the network contribute $5 million",
 * "provided that the army withdraw"): a clause after "condition(s) that", "provided that", "on the proviso that" in
 * the act's clause, before it.
 */
export function conditionClause(words: readonly string[], ts: number, clauseStart: number): boolean {
  for (let k = ts - 1; k > Math.max(clauseStart, ts - 10); k--) {
    const w = words[k]!;
    if (w === ';' || w === '.') return false;
    // ", and the army withdrew": a coordinated clause of its own after the condition reports its own act.
    if (w === ',' && /^(and|but|yet|then)$/.test(words[k + 1] ?? '')) return false;
    if (w === 'that' && /^(condition|conditions|provided|providing|proviso)$/.test(words[k - 1] ?? '')) return true;
  }
  return false;
}

/**
 * Headline grammar: "Ardavia to send troops" — a sentence that opens with its subject followed directly by "to" and
 * the verb announces what the subject will do (the infinitive stands for "is to", a future). True when the word
 * before the trigger is "to" and the actor before it opens the sentence (after at most a determiner).
 */
export function headlineInfinitive(
  words: readonly string[],
  cands: readonly { ts: number; te: number; kind: string }[],
  ts: number,
  s0: number,
  firstCapitalized: boolean,
): boolean {
  if (words[ts - 1] !== 'to') return false;
  // A one-word subject the coder has no actor for ("Democrats to sue …").
  if (ts - 2 === s0 && firstCapitalized) return true;
  const subject = cands.find((c) => c.te === ts - 1 && c.kind !== 'place');
  if (!subject) return false;
  return subject.ts === s0 || (subject.ts === s0 + 1 && DETERMINERS.has(words[s0]!));
}

/**
 * Epistemic predicates that take a that-clause (FactBank, Saurí & Pustejovsky 2009: an epistemic adjective or noun
 * over a clause marks its event possible or probable, an adjective of uncertainty leaves it unknown; none asserts
 * it): "it is possible that …", "it is unclear that …", "the possibility that …", "it appears that …".
 */
const EPISTEMIC_HEADS: ReadonlySet<string> = new Set([
  'possible',
  'likely',
  'unlikely',
  'probable',
  'improbable',
  'conceivable',
  'plausible',
  'doubtful',
  'unclear',
  'uncertain',
  'unknown',
  'unconfirmed',
  'possibility',
  'likelihood',
  'probability',
  'prospect',
  'appears',
  'appeared',
  'seems',
  'seemed',
]);

/** Degree adverbs that may stand between an epistemic head and its "that" ("it is quite possible that"). */
const EPISTEMIC_DEGREE =
  /^(very|quite|highly|entirely|perfectly|not|n't|also|still|now|more|less|increasingly|far|clear)$/;

/**
 * The act at `ts` is in the that-clause of an epistemic predicate: scanning back from the trigger over its own
 * clause (no comma, semicolon or verb of saying between), the nearest "that" follows an epistemic adjective, noun or
 * raising verb ("It is possible that Chile supplied arms", "the possibility that troops withdrew"). A that-clause
 * under "not clear" is the same ("it is not clear that …"); "clear" alone asserts and is not one.
 */
export function epistemicThat(words: readonly string[], ts: number, clauseStart: number): boolean {
  for (let k = ts - 1; k >= Math.max(clauseStart, ts - 12); k--) {
    const w = words[k]!;
    if (w === ',' || w === ';' || REPORTING.has(w)) return false;
    if (w !== 'that') continue;
    let j = k - 1;
    if (words[j] === 'clear' && (words[j - 1] === 'not' || words[j - 1] === "n't")) return true;
    while (j > k - 3 && j >= clauseStart && EPISTEMIC_DEGREE.test(words[j]!) && words[j] !== 'clear') j--;
    return j >= 0 && EPISTEMIC_HEADS.has(words[j]!);
  }
  return false;
}
