import type { Claim, ClaimStance, Doc, Quote } from '../model/index.js';
import { ORGANIZATIONS } from '../language/data/organizations.js';
import {
  AIDS_GROUP,
  ARMED_GROUP_WORDS,
  ARMED_SECTORS,
  AUXILIARY,
  BEHIND,
  CAUSE,
  COMMITMENT,
  COMPLIANCE,
  COUNTERFACTUAL,
  DEDICATION,
  DEDICATION_MAX_WORDS,
  DENIAL,
  DIRECTIVE,
  EVALUATION_OPENING,
  EVALUATIVE_EXCLAMATION,
  EXCLAMATION_MAX_WORDS,
  EXHORTATION_OPENING,
  EXPRESSIVE_OPENING,
  FIRST_PERSON_SUBJECT,
  FRAGMENT_MAX_WORDS,
  GENERIC_CONDITION,
  HARM,
  HARM_NOUN,
  NAMING_CUE,
  NEGATED_BEFORE,
  NONDISCLOSURE,
  OPINION_OPENING,
  QUANTITY,
  REPORTED_COMMITMENT,
  SIMILE,
  hasVerbMark,
  VOLITION,
  WHETHER,
  WRONGDOING,
  WRONGFUL_ACT,
} from './data/claim-words.js';
import { CUE_STANCE } from './data/cues.js';
import { firstAtOrAfter } from './speakers.js';
import type { QuoteContext } from './context.js';

/**
 * Claims from attributed quotes and reported speech: what is said (the proposition), by whom, with which
 * stance (the speech verbs of the sentence: denied > accused > threatened > promised > asked > said; then the
 * statement's own words, see `claimKind`), about which actors. Statements that are no claims are left out. A denial
 * of "this" or "the allegations" takes the proposition it answers: the last accusation of the article aimed at the
 * denier, else the last accusation.
 */

const STANCE_RANK: Readonly<Record<ClaimStance, number>> = {
  asserts: 0,
  questions: 1,
  promises: 2,
  threatens: 3,
  accuses: 4,
  denies: 5,
};
/** A tag after a statement that asks for agreement, not for an answer (English grammar: a question tag). */
const TAG_QUESTION =
  /\S[^?]{10,},\s*(?:ok(?:ay)?|right|yes|yeah|correct|(?:is|are|was|were|do|does|did|has|have|had|can|will|would|should)n['’]t\s+(?:it|he|she|they|we|you|i|there))\?\s*$/iu;
const QUESTION_OPENING =
  /^(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|who|what|when|where|why|how|which)\b/i;
/** Up to this many words, a quoted phrase inside a sentence is a label or a name unless it carries a charge. */
const LABEL_WORDS = 4;
/** Third persons a charge can be aimed at when no actor is named. */
const THIRD_PERSON = /\b(?:he|she|they|him|her|them|his|their|you|your|the company|the government)\b/i;
const ANAPHOR =
  /^(?:this|it|these|those|them|the (?:allegations?|accusations?|claims?|charges?|reports?|suggestion|report))\b/i;
/**
 * "his claims were sarcasm", "her remarks were a joke": a possessive determiner before a noun of something said points
 * back to a statement made before, the possessor's — the speaker's own (a walk-back) or another's.
 */
const POSSESSIVE_ANAPHOR =
  /^(?:his|her|its|their|my|our)\s+(?:own\s+)?(?:allegations?|accusations?|claims?|charges?|remarks?|comments?|statements?|words|suggestion)\b/i;
const MARKS = /["“”«»„]|``|''/g;
/**
 * "there was no evidence (of Y's involvement)", "no proof": a denial that says only that the charge is unsupported
 * points back to the charge, as "the allegations" does.
 */
const NO_EVIDENCE =
  /^(?:there\s+(?:is|was|are|were|has been|had been)\s+)?no\s+(?:\p{L}+\s+){0,2}?(?:evidence|proof|indication|basis)\b/iu;
/**
 * "He denied that X had done Y, calling the claim “…”": the that-clause is the object of the verb of denial (English
 * grammar: "deny that S" denies S), so it is what "the claim" after it refers to. Read in the sentence up to the cue.
 */
const DENIED_CLAUSE =
  /\b(?:denied|denies|deny|denying|rejected|rejects|disputed|disputes)\s+that\s+([^;:"“”]{8,}?)\s*,?\s*(?:and\s+)?$/u;
/** Paragraph reach of an anaphoric denial back to the accusation it answers. */
const ANAPHOR_REACH = 2500;

/**
 * After a subject, a predicate of attitude ("is deeply concerned about", "remains worried", "was disappointed"):
 * the subject holds the view — it is the claimant's side, not whom the claim is about. An apposition may stand
 * between ("X, the U.S. envoy, is concerned").
 */
const HOLDS_VIEW =
  /^(?:\s*,[^,.;]{1,80},)?\s+(?:is|are|was|were|remains?|remained|has been|have been|had been|feels?|felt|seems?|seemed)\s+(?:\p{L}+ly\s+)?(?:concerned|worried|alarmed|troubled|disturbed|dismayed|disappointed|saddened|pleased|encouraged|grateful|hopeful|confident|determined|committed)\b/u;

/** Reporting words left at the head of a proposition ("saying the ship …", "adding that …"). */
const LEADING_REPORT =
  /^(?:saying|adding|arguing|noting|insisting|claiming|warning|telling \S+|calling)\s+(?:that\s+)?/i;

function clean(s: string): string {
  return s
    .replace(MARKS, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:]+|[\s,.;:]+$/g, '')
    .replace(LEADING_REPORT, '')
    .trim();
}

/** "X denied this", "rejected the allegations": a denial whose object points back to an accusation. */
const DENIES_ANAPHOR =
  /\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|disputed)\s+(?:this|it|these|those|them|the\s+(?:allegations?|accusations?|claims?|charges?|reports?|suggestion))\b/i;

/**
 * Words after which a stance word is a noun, not a verb: a determiner opens a noun phrase ("the charges", "his
 * denial") and a preposition takes one ("a line of attack", "before charges were filed"). "to" is left out (an
 * infinitive: "to deny").
 */
const NOUN_BEFORE: ReadonlySet<string> = new Set(
  'the a an his her its their our my your these those no any every of for against on in with after before over under without'.split(
    ' ',
  ),
);

/** The stance a token gives as a speech verb, or undefined (no stance word, or a noun: "the charges"). */
function verbStance(v: QuoteContext, i: number): ClaimStance | undefined {
  const s = CUE_STANCE.get(v.ix.lower[i]!);
  if (!s || (i > 0 && NOUN_BEFORE.has(v.ix.lower[i - 1]!))) return undefined;
  return s;
}

/**
 * The stance of the speech verbs around a statement: its cue's own ("claimed", "denied"), raised by another speech
 * verb of its sentences when that one accuses, denies, threatens or promises (denied > accused > threatened >
 * promised > said: "denied the charge, saying …"). The statement's own words are read apart (`claimKind`), reported
 * speech included ("said the company denied it" is the speaker's assertion), and a question asked elsewhere in the
 * sentence (an interviewer's) does not make the answer a question.
 */
function stanceOf(v: QuoteContext, q: Quote): ClaimStance {
  const [a, b] = v.ix.tokensIn(q);
  if (b <= a) return 'asserts';
  const lo = v.ix.sentLo[a]!;
  const hi = v.ix.sentHi[b - 1]!;
  let best: ClaimStance = (q.cue && CUE_STANCE.get(q.cue.text.toLowerCase().split(/\s+/)[0] ?? '')) || 'asserts';
  for (let i = lo; i < hi; i++) {
    if (i >= a && i < b) continue;
    if (v.quoteOf[i] !== -1) continue;
    const s = verbStance(v, i);
    if (s && s !== 'questions' && STANCE_RANK[s] > STANCE_RANK[best]) best = s;
  }
  return best;
}

/** Up to this "that", a few words of time, place, occasion or addressee after the cue, no clause of their own. */
const THAT_AFTER_CUE = /^\s*(?:[^\s.;:!?"“”]+\s+){0,9}?that\b/u;

/** A partial quote inside reported speech: the proposition is the reported clause after the cue. */
function propositionOf(v: QuoteContext, q: Quote): string {
  const reported = q.direct && !!q.cue && q.cue.end <= q.start;
  // An interrupted quote is its parts; fragments of one reported clause ("called it “a sham” and “a fraud”") are
  // read with the clause.
  if (q.parts && !reported) return clean(q.parts.map((p) => p.text).join(' '));
  if (!reported || !q.cue) return clean(q.text);
  const [a] = v.ix.tokensIn(q);
  const hi = v.ix.sentHi[a]!;
  const sentEnd = v.doc.tokens[hi - 1]!.end;
  let from = q.cue.end;
  const rest = v.doc.text.slice(from, Math.min(q.start, sentEnd));
  // "said at the Portavel dock on Tuesday that …", "told the River Post that …": the report starts after "that"
  // when only a time, place, occasion or addressee stand before it.
  const that = THAT_AFTER_CUE.exec(rest);
  // "wrote in the guest book: “…”", "said on Saturday: “…”": a colon introduces the words themselves.
  const colon = rest.lastIndexOf(':');
  from += colon >= 0 && !/["“”]/u.test(rest.slice(0, colon)) ? colon + 1 : that ? that[0].length : 0;
  return clean(v.doc.text.slice(from, Math.max(sentEnd, q.end)));
}

/** `WRONGFUL_ACT`, every match (compiled once: `matchAll` works on a copy). */
const WRONGFUL_ACTS = new RegExp(WRONGFUL_ACT.source, 'giu');

/**
 * Whether the statement charges someone with a wrongful or hostile act (`WRONGFUL_ACT`: "they shelled the
 * village", "the council violated the accord"), a withholding ("she never mentioned the drug") or being behind a
 * harmful act: an act verb not done by the speaker's own side ("we attacked" admits) and not negated ("did not
 * attack" denies).
 */
export function chargedAct(text: string): boolean {
  if (BEHIND.test(text)) return true;
  for (const m of text.matchAll(WRONGFUL_ACTS)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (!FIRST_PERSON_SUBJECT.test(before) && !NEGATED_BEFORE.test(before)) return true;
  }
  const nd = NONDISCLOSURE.exec(text);
  return !!nd && !FIRST_PERSON_SUBJECT.test(text.slice(Math.max(0, nd.index - 40), nd.index));
}

/**
 * What kind of statement it is: a claim with its stance, or null for a statement that is no claim (a question put,
 * thanks, a greeting, a feeling, an exhortation, a quoted label without a charge). The speech verb decides first
 * (denied, accused, promised, threatened); an assertion is read further from its own words: a rejection as untrue
 * is a denial, a commitment of the speaker's side a promise (a threat when it is harm), a charge of wrongdoing aimed
 * at someone an accusation.
 */
export function claimKind(
  cueStance: ClaimStance,
  proposition: string,
  opts: {
    hasTarget: boolean;
    label: boolean;
    naming?: boolean;
    /** Reported speech (no quotation marks): "he would …" is the speaker's own commitment told in the third person. */
    reported?: boolean;
    /** An armed non-state group is named in the statement (by its actor or a common noun). */
    armedGroup?: boolean;
    /** A target other than an armed group. */
    otherTarget?: boolean;
    /** A charge is in play: the sentence before frames an accusation, or the statement's sentence names one. */
    charged?: boolean;
  },
): ClaimStance | null {
  const text = proposition.replace(/\s+/g, ' ').trim();
  if (EXPRESSIVE_OPENING.test(text) || EXHORTATION_OPENING.test(text) || VOLITION.test(text)) return null;
  if (DIRECTIVE.test(text)) return null;
  // "if you sail in winter, a storm is no surprise": a maxim about anyone; with an actor named, "you" is whom it warns.
  if (GENERIC_CONDITION.test(text) && !opts.hasTarget) return null;
  const oneSentence = !/[.!?;]\s+\S/.test(text);
  if (oneSentence && SIMILE.test(text)) return null;
  if (
    EVALUATIVE_EXCLAMATION.test(text) &&
    text.split(' ').length <= EXCLAMATION_MAX_WORDS &&
    !/\bthat\b/i.test(text.slice(4))
  )
    return null;
  if (DEDICATION.test(text) && text.split(' ').length <= DEDICATION_MAX_WORDS && !AUXILIARY.test(text)) return null;
  // A question put ("Mistake?", "But why?") asks; one that casts doubt is reported with a verb ("questioned whether").
  // A tag question ("…, OK?", "…, isn't it?") asks only to be agreed with: the sentence before it is asserted.
  if (/\?\s*$/.test(text) && !(TAG_QUESTION.test(text) && !QUESTION_OPENING.test(text))) return null;
  // A counterfactual of one sentence ("he would have sailed home") muses on what did not happen.
  if (cueStance === 'asserts' && COUNTERFACTUAL.test(text) && oneSentence) return null;
  // "said whether …" / "raised whether …": an indirect question casts doubt whatever the verb, short of a denial.
  if (WHETHER.test(text) && cueStance !== 'denies') return 'questions';
  if (cueStance !== 'asserts') return cueStance;
  if (DENIAL.test(text)) return 'denies';
  if (COMMITMENT.test(text) || (opts.reported && REPORTED_COMMITMENT.test(text)))
    return HARM.test(text) ? 'threatens' : 'promises';
  const aimed = opts.hasTarget || THIRD_PERSON.test(text);
  const charge = aimed && (WRONGDOING.test(text) || chargedAct(text));
  if (charge) return 'accuses';
  // Founding, recruiting for, funding an armed group, charged to someone other than the group: aiding it.
  if (opts.armedGroup && AIDS_GROUP.test(text) && (opts.otherTarget || THIRD_PERSON.test(text))) return 'accuses';
  // A harm with its cause ("the mayor's remarks made the port a danger to sailors") and an actor: blame.
  if (opts.hasTarget && HARM_NOUN.test(text) && CAUSE.test(text)) return 'accuses';
  // Work done as prescribed or at another's direction: the defence of compliance rejects a charge of fault.
  // Only against a charge: without one, "entered at the request of X" or "cut emissions in line with the standards"
  // reports what was done, it rejects nothing.
  if (opts.charged && COMPLIANCE.test(text)) return 'denies';
  if (opts.label) return null;
  // A few words with no verb ("quite carefully", "a shaky state of the harbour") assert nothing checkable.
  if (!opts.naming && text.split(' ').length <= FRAGMENT_MAX_WORDS && !hasVerbMark(text)) return null;
  return 'asserts';
}

/** A capitalized word inside a sentence other than "I" (a name: a person, a place, an organization, a day). */
function namesSomething(text: string): boolean {
  for (const sentence of text.split(/(?<=[.!?;:])\s+/)) {
    const words = sentence.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w !== '');
    for (let i = 1; i < words.length; i++)
      if (/^\p{Lu}/u.test(words[i]!) && !/^I(?:['’]|$)/u.test(words[i]!)) return true;
  }
  return false;
}

/**
 * Whether a claim is worth checking, after the claim-detection literature (ClaimBuster's check-worthy factual
 * sentences, Hassan et al. 2015/2017: factual claims the public would want checked, apart from non-factual sentences —
 * opinions, beliefs, feelings — and unimportant factual ones; the CheckThat! lab's verifiable factual claims). An
 * accusation, a denial, a promise, a threat or a question put to a proposition is a charge or a commitment others can
 * hold the claimant to. An assertion is when it carries something checkable — a number or quantity, a named actor (a
 * target, or a name in its words) — or when it is neither a first-person opinion or feeling ("I think …", "we love
 * …") nor an evaluation of "it" / "this" with no other verb ("it's a great dish", "that was wonderful").
 */
export function checkworthy(stance: ClaimStance, proposition: string, hasTarget: boolean): boolean {
  if (stance !== 'asserts') return true;
  const text = proposition.replace(/\s+/g, ' ').trim();
  if (hasTarget || QUANTITY.test(text) || namesSomething(text)) return true;
  if (OPINION_OPENING.test(text)) return false;
  const evaluation = EVALUATION_OPENING.exec(text);
  if (evaluation && !hasVerbMark(text.slice(evaluation[0].length))) return false;
  return true;
}

/**
 * "Holm placed the blame on the shipyard. “…,” he said.": a quote that goes on from the sentence just before (in
 * its paragraph or the one before) in which its speaker accuses or denies takes that stance — the sentence frames
 * what the quote does.
 */
function framingStance(v: QuoteContext, qa: number, claimantKey: string | null): ClaimStance | null {
  if (!claimantKey || qa <= 0) return null;
  const lo = v.ix.sentLo[qa]!;
  if (lo === 0 || v.paragraphOf[lo]! - v.paragraphOf[lo - 1]! > 1) return null;
  const plo = v.ix.sentLo[lo - 1]!;
  let stance: ClaimStance | null = null;
  let speaks = false;
  for (let i = plo; i < lo; i++) {
    if (v.quoteOf[i] !== -1) continue;
    const e = v.ix.entityOf[i]!;
    if (e >= 0 && v.doc.entities[e]!.actorKey === claimantKey) speaks = true;
    const s = verbStance(v, i);
    if ((s === 'accuses' || s === 'denies') && stance === null) stance = s;
    if (v.ix.lower[i] === 'blame' && stance === null) stance = 'accuses';
  }
  return speaks ? stance : null;
}

const NO_SIDE: ReadonlySet<string> = new Set();

/** Actor keys of the armed non-state groups in the organization list (CAMEO sectors REB, INS, UAF). */
const ARMED_ORGS: ReadonlySet<string> = new Set(
  ORGANIZATIONS.filter((o) => o.sector && ARMED_SECTORS.includes(o.sector)).map((o) => `org:${o.key}`),
);

/**
 * The armed non-state groups named in a statement's words, `[from, to)`: by their actor key or their CAMEO code's
 * sector.
 */
function armedIn(doc: Doc, from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (let k = firstAtOrAfter(doc.entities, from); k < doc.entities.length; k++) {
    const e = doc.entities[k]!;
    if (e.start >= to) break;
    if (!e.actorKey) continue;
    const code = e.code ?? '';
    if (ARMED_ORGS.has(e.actorKey) || ARMED_SECTORS.some((s) => code.length > 3 && code.endsWith(s)))
      out.add(e.actorKey);
  }
  return out;
}

/** Words that name a charge or its making ("accused", "the charges", "blamed", "negligence", "allegations"). */
const CHARGE_WORDS =
  /\b(?:accus(?:e|es|ed|ing|ation|ations)|charges?|charged|blam(?:e|es|ed|ing)|fault|negligen(?:t|ce)|alleg(?:e|es|ed|ing|ation|ations)|critici[sz](?:e|es|ed|ing|m))\b/i;

/** The text of the sentence before the one token `qa` is in, or "" for the first. */
function sentenceBefore(doc: Doc, v: QuoteContext, qa: number): string {
  const lo = v.ix.sentLo[qa];
  if (lo === undefined || lo === 0) return '';
  const plo = v.ix.sentLo[lo - 1]!;
  return doc.text.slice(doc.tokens[plo]!.start, doc.tokens[lo - 1]!.end);
}

/** A sentence that raises a toast: the quoted words in it are what is toasted. */
const TOAST = /\b(?:toast(?:s|ed|ing)?|dr[ai]nk to)\b/i;

/** Words toasted ("to the friendship of our peoples"): "to" and a short phrase with no verb of being or auxiliary. */
function toasted(text: string): boolean {
  return /^to\s/i.test(text) && text.split(' ').length <= DEDICATION_MAX_WORDS && !AUXILIARY.test(text);
}

export function buildClaims(doc: Doc, v: QuoteContext, quotes: readonly Quote[]): Claim[] {
  const claims: Claim[] = [];
  // The affiliations written with each actor ("the U.S. envoy" → country:USA), read once per article.
  const sides = new Map<string, Set<string>>();
  for (const e of doc.entities) {
    if (!e.actorKey || !e.affiliation) continue;
    let set = sides.get(e.actorKey);
    if (!set) {
      set = new Set();
      sides.set(e.actorKey, set);
    }
    set.add(e.affiliation);
  }
  quotes.forEach((q, index) => {
    if (!q.speaker) return;
    const cueStance = stanceOf(v, q);
    let proposition = propositionOf(v, q);
    const claimantKey = q.speakerKey;
    let targets: string[] = [];
    // The claimant's own side is not a target: the organization or country it speaks for ("the U.S. envoy").
    const side = (claimantKey && sides.get(claimantKey)) || NO_SIDE;
    for (
      let k = firstAtOrAfter(doc.entities, Math.min(q.start, q.cue?.start ?? q.start));
      k < doc.entities.length;
      k++
    ) {
      const e = doc.entities[k]!;
      if (e.start >= q.end) break;
      // The one told ("told the Harbour Gazette") is the addressee, not a target.
      const told = !!q.addressee && e.start >= q.addressee.start && e.end <= q.addressee.end;
      if (!(e.end <= q.end && e.actorKey && e.actorKey !== claimantKey && e.type !== 'LOC' && !told)) continue;
      if (side.has(e.actorKey) || HOLDS_VIEW.test(doc.text.slice(e.end, e.end + 140))) continue;
      targets.push(e.actorKey);
    }
    const [qa, qe] = v.ix.tokensIn(q);
    const sentence =
      qe > qa ? doc.text.slice(doc.tokens[v.ix.sentLo[qa]!]!.start, doc.tokens[v.ix.sentHi[qe - 1]! - 1]!.end) : '';
    // A short quoted phrase inside a sentence without a speech verb ("her “lucky boat”", a dish's name) is a label
    // or a name, not a statement.
    const label =
      q.direct &&
      !q.cue &&
      !q.parts &&
      qe > qa &&
      v.ix.sentLo[qa] !== qa &&
      clean(q.text).split(' ').length <= LABEL_WORDS;
    // "raised a toast “to the friendship of our nations” and “to the health of our guest”": what is toasted.
    if (TOAST.test(sentence) && (q.parts ?? [q]).every((p) => toasted(clean(p.text)))) return;
    const framed = cueStance === 'asserts' ? framingStance(v, qa, claimantKey) : null;
    const naming = !!q.cue && NAMING_CUE.test(q.cue.text.split(/\s+/)[0] ?? '');
    // A partial quote inside reported speech says its proposition up to the end of its sentence.
    const reportedPart = q.direct && !!q.cue && q.cue.end <= q.start && !q.parts;
    const wordsEnd = reportedPart && qe > qa ? doc.tokens[v.ix.sentHi[qa]! - 1]!.end : q.end;
    const armedKeys = armedIn(doc, Math.min(q.start, q.cue?.start ?? q.start), Math.max(q.end, wordsEnd));
    const kindOpts = {
      hasTarget: targets.length > 0,
      label,
      naming,
      reported: !q.direct,
      armedGroup: armedKeys.size > 0 || ARMED_GROUP_WORDS.test(proposition),
      otherTarget: targets.some((t) => !armedKeys.has(t)),
      charged: framed === 'accuses' || CHARGE_WORDS.test(sentence) || CHARGE_WORDS.test(sentenceBefore(doc, v, qa)),
    };
    // The frame of the sentence before is weaker than the statement's own words: a statement that itself rejects a
    // charge ("it followed the specifications") denies, whatever the frame, and one whose words are no claim (a request,
    // an exhortation) does not become one because its speaker denied something in the sentence before.
    const own = claimKind(cueStance, proposition, kindOpts);
    const stance = framed && own !== null && own !== 'denies' ? claimKind(framed, proposition, kindOpts) : own;
    if (!stance) return;
    if (
      stance === 'denies' &&
      (ANAPHOR.test(proposition) ||
        POSSESSIVE_ANAPHOR.test(proposition) ||
        NO_EVIDENCE.test(proposition) ||
        proposition.split(' ').length < 3 ||
        DENIES_ANAPHOR.test(sentence))
    ) {
      // What it denies, when its own sentence says it before the cue ("denied that …, calling the claim …").
      const sentenceStart = qe > qa ? doc.tokens[v.ix.sentLo[qa]!]!.start : q.start;
      const before = doc.text.slice(sentenceStart, Math.min(q.start, q.cue?.start ?? q.start));
      const clause = ANAPHOR.test(proposition) ? DENIED_CLAUSE.exec(before) : null;
      if (clause) {
        const from = sentenceStart + clause.index + clause[0].indexOf(clause[1]!);
        const to = from + clause[1]!.length;
        proposition = clean(clause[1]!);
        for (let k = firstAtOrAfter(doc.entities, from); k < doc.entities.length; k++) {
          const e = doc.entities[k]!;
          if (e.start >= to) break;
          if (e.actorKey && e.actorKey !== claimantKey && e.type !== 'LOC' && !side.has(e.actorKey))
            targets.push(e.actorKey);
        }
      }
      // The charge it answers: the last accusation within reach aimed at the denier ("Y called the charge
      // baseless" answers the charge against Y, not a later one against someone else), else the last accusation.
      // "his claims were sarcasm" may be the speaker's own claims, walked back.
      const own = POSSESSIVE_ANAPHOR.test(proposition);
      const within = [...claims]
        .reverse()
        .filter(
          (c) => c.stance === 'accuses' && q.start - c.end < ANAPHOR_REACH && (own || c.claimantKey !== claimantKey),
        );
      // A third party's "no evidence of Y's involvement" answers the charge against Y.
      const answered =
        (claimantKey !== null && within.find((c) => c.targetKeys.includes(claimantKey))) ||
        within.find((c) => c.targetKeys.some((t) => targets.includes(t))) ||
        within[0];
      if (answered && !clause) {
        proposition = answered.proposition;
        targets = answered.targetKeys;
      }
    }
    if (!proposition) return;
    const start = Math.min(q.start, q.speaker.start, q.cue?.start ?? q.start);
    const end = Math.max(q.end, q.speaker.end, q.cue?.end ?? q.end);
    claims.push({
      start,
      end,
      proposition,
      claimantKey,
      claimant: q.speakerName ?? q.speaker.text,
      stance,
      targetKeys: [...new Set(targets)],
      date: q.date ?? null,
      dateFrom: q.dateFrom ?? null,
      dateRange: q.dateRange ?? null,
      reported: q.reported ?? null,
      quote: index,
      checkworthy: checkworthy(stance, proposition, targets.length > 0),
    });
  });
  return claims;
}
