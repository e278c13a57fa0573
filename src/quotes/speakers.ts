import type { Doc, EntityMention, EntityType, Span } from '../model/index.js';
import { isRoleWord } from '../language/index.js';
import { AUTHORED_WORKS, CUE_STANCE, DEPICTIONS, PREPOSITIONS, SPEAKER_PRONOUNS, SPEAKING_NOUNS } from './data/cues.js';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './data/first-names.js';

/**
 * Resolve a speaker phrase as written to the actor it stands for in this article: a named mention inside the
 * phrase; a pronoun to the last compatible person (or organization for "it"/"they"); a description ("the French
 * president", "the ministry") to the person with that role and affiliation, or the organization of that kind.
 */
export interface ResolvedSpeaker {
  name: string | null;
  key: string | null;
}

const NONE: ResolvedSpeaker = { name: null, key: null };
const TYPE_RANK: Readonly<Record<EntityType, number>> = { PERSON: 0, ORG: 1, GPE: 2, NORP: 3, LOC: 5, MISC: 4 };
/** A possessive ending right after a name ("Ivo Sarr's", "the Sarrs'"). */
const POSSESSIVE_AFTER = /^\s?['’]s?\b/u;
/** Heads of descriptions that name an organization ("the ministry", "the company said"). */
const ORG_HEADS = new Set([
  'ministry',
  'agency',
  'company',
  'firm',
  'newspaper',
  'paper',
  'government',
  'police',
  'army',
  'military',
  'department',
  'commission',
  'court',
  'party',
  'group',
  'campaign',
  'committee',
  'council',
  'office',
  'embassy',
  'union',
  'authority',
  'authorities',
  'operator',
  'guard',
  'navy',
  'bank',
  'board',
  'institute',
  'organization',
  'organisation',
  'network',
  'broadcaster',
  'service',
  'club',
  'team',
  'federation',
  'association',
  'coalition',
  'administration',
  'regime',
  'parliament',
  'cabinet',
  'statement',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'owner',
  'owners',
  'insurer',
  'website',
  'outlet',
  'magazine',
  'channel',
  'station',
]);
/** People who speak for an organization rather than as themselves. */
const SPEAKS_FOR = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'official',
  'officials',
  'source',
  'sources',
  'representative',
  'representatives',
  'diplomat',
  'diplomats',
  'envoy',
  'ambassador',
]);
/** Honorifics that tell a person's gender. */
const MALE_TITLES = new Set(['mr', 'mr.', 'sir', 'lord', 'king', 'prince', 'father', 'brother']);
const FEMALE_TITLES = new Set([
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'miss',
  'madam',
  'lady',
  'queen',
  'princess',
  'dame',
  'sister',
]);

let firstNames: Map<string, 'male' | 'female'> | null = null;

/** The gender a person's first name tells, from the name lists (null when the name is unlisted or used for both). */
export function firstNameGender(name: string): 'male' | 'female' | null {
  if (!firstNames) {
    firstNames = new Map();
    for (const n of MALE_FIRST_NAMES.split(/\s+/)) firstNames.set(n, 'male');
    for (const n of FEMALE_FIRST_NAMES.split(/\s+/)) firstNames.set(n, 'female');
  }
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
  // A lone word is a surname as often as a first name ("Murray", "Milan").
  if (words.length < 2) return null;
  return firstNames.get(words[0]!.toLowerCase()) ?? null;
}

function actor(m: EntityMention): ResolvedSpeaker {
  return { name: m.canonical ?? m.text, key: m.actorKey };
}

/** Gender evidence per person key: titles written before a mention, and pronouns already resolved to it. */
export class GenderBook {
  private readonly seen = new Map<string, 'male' | 'female'>();

  constructor(doc: Doc) {
    for (const m of doc.entities) {
      if (m.type !== 'PERSON' || !m.actorKey) continue;
      const before =
        /([A-Za-z.]+)\s*$/.exec(doc.text.slice(Math.max(0, m.start - 12), m.start))?.[1]?.toLowerCase() ?? '';
      const role = (m.role ?? '').toLowerCase();
      if (MALE_TITLES.has(before) || /\b(spokesman|chairman|congressman|king|prince)\b/.test(role))
        this.seen.set(m.actorKey, 'male');
      else if (FEMALE_TITLES.has(before) || /\b(spokeswoman|chairwoman|congresswoman|queen|princess)\b/.test(role))
        this.seen.set(m.actorKey, 'female');
    }
    // A first name tells the gender of a person no title has told it of.
    for (const m of doc.entities) {
      if (m.type !== 'PERSON' || !m.actorKey || this.seen.has(m.actorKey)) continue;
      const g = firstNameGender(m.canonical ?? m.text);
      if (g) this.seen.set(m.actorKey, g);
    }
  }

  compatible(key: string | null, gender: 'male' | 'female'): boolean {
    if (!key) return true;
    const g = this.seen.get(key);
    return g === undefined || g === gender;
  }

  learn(key: string | null, gender: 'male' | 'female'): void {
    if (key && !this.seen.has(key)) this.seen.set(key, gender);
  }
}

export interface SpeakerContext {
  doc: Doc;
  /** Character spans of quotes: mentions inside them are not candidate antecedents. */
  quotes: readonly Span[];
  genders: GenderBook;
  /** Speakers already resolved, in text order: the preferred antecedents of a pronoun. */
  recent: Array<{ at: number; speaker: ResolvedSpeaker; type: EntityType | null }>;
  /** Person mentions that carry a role, gathered on first use. */
  rolePersons?: EntityMention[];
  /** The words describing each person mention, read on first use. */
  descriptions?: Map<EntityMention, Set<string>>;
}

/** Index of the first item whose start is at or after `offset` (items sorted by start). */
function firstAtOrAfter(items: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insideQuote(ctx: SpeakerContext, m: Span): boolean {
  const k = firstAtOrAfter(ctx.quotes, m.start + 1) - 1;
  const q = ctx.quotes[k];
  return q !== undefined && m.start >= q.start && m.end <= q.end;
}

function lastEntityBefore(
  ctx: SpeakerContext,
  at: number,
  ok: (m: EntityMention) => boolean,
  reach = 3000,
): EntityMention | null {
  const ents = ctx.doc.entities;
  for (let k = firstAtOrAfter(ents, at) - 1; k >= 0; k--) {
    const m = ents[k]!;
    if (at - m.end > reach) break;
    if (ok(m) && !insideQuote(ctx, m)) return m;
  }
  return null;
}

/** Words that govern a name as an object ("like Tamm", "with Holm"): such a name is not a sentence's subject. */
const GOVERNING: ReadonlySet<string> = new Set([
  ...PREPOSITIONS,
  'like',
  'unlike',
  'than',
  'as',
  'including',
  'between',
  'among',
  'toward',
  'towards',
  'into',
  'without',
  'behind',
  'since',
  'until',
]);
/** How many sentences back a subject pronoun looks for the subject it continues. */
const SUBJECT_REACH = 6;

/** Index of the sentence holding character `offset`. */
function sentenceAt(doc: Doc, offset: number): number {
  const k = firstAtOrAfter(doc.sentences, offset + 1) - 1;
  return Math.max(0, k);
}

/**
 * The subject of sentence `s` when it is a person: its first actor mention outside quotes that no preposition
 * governs and that is no possessive modifier ("Before Sarr's speech, the cleric Arvo Tamm …" → Arvo Tamm),
 * written before character `before`.
 */
function personSubject(ctx: SpeakerContext, s: number, before: number): EntityMention | null {
  const doc = ctx.doc;
  const sent = doc.sentences[s];
  if (!sent) return null;
  const ents = doc.entities;
  for (let k = firstAtOrAfter(ents, sent.start); k < ents.length; k++) {
    const m = ents[k]!;
    if (m.start >= Math.min(sent.end, before)) break;
    if (m.type === 'LOC' || m.type === 'MISC' || insideQuote(ctx, m)) continue;
    const prev = /([\p{L}]+)[^\p{L}]*$/u.exec(doc.text.slice(Math.max(sent.start, m.start - 16), m.start))?.[1];
    if (prev && GOVERNING.has(prev.toLowerCase()) && !depicted(doc.text.slice(sent.start, m.start))) continue;
    // A capitalized preposition opening the sentence can be read into the name ("Before Sarr").
    if (GOVERNING.has(m.text.split(/\s+/)[0]!.toLowerCase())) continue;
    if (POSSESSIVE_AFTER.test(doc.text.slice(m.end, m.end + 3))) continue;
    if (m.type !== 'PERSON') {
      // A country or organization opening the title of a name ("Veskarian Minister of Ports Arvo Kask",
      // "Eastmark President Holm") is a modifier of the person that follows.
      const next = ents[k + 1];
      if (next?.type === 'PERSON' && next.start < sent.end && titleBetween(doc.text.slice(m.end, next.start))) continue;
      return null;
    }
    return m;
  }
  return null;
}

/** Words between a modifier name and a person that make a title: role words, capitalized words and "of". */
function titleBetween(words: string): boolean {
  const ws = words.trim().split(/\s+/).filter(Boolean);
  if (ws.length === 0 || ws.length > 5) return false;
  return ws.some((w) => isRoleWord(w)) && ws.every((w) => isRoleWord(w) || w === 'of' || /^\p{Lu}[\p{L}.-]*$/u.test(w));
}

/** A sentence opening with a depiction of the name that follows ("Footage of", "A new video of"). */
function depicted(opening: string): boolean {
  const m = /^\W*(?:(?:the|a|an)\s+)?(?:\p{Ll}+\s+)?(\p{L}+)\s+of\s*$/iu.exec(opening);
  return !!m && DEPICTIONS.has(m[1]!.toLowerCase());
}

/**
 * A subject pronoun continues the most salient person before it (centering: the subject of the nearest sentence,
 * or the speaker of a statement there): walking back sentence by sentence, the speaker resolved in that sentence,
 * else its subject, when the gender fits. Names inside reported clauses ("he said Holm …") are not subjects.
 */
function salientPerson(ctx: SpeakerContext, kind: 'male' | 'female', at: number): ResolvedSpeaker | null {
  const doc = ctx.doc;
  if (doc.sentences.length === 0) return null;
  const here = sentenceAt(doc, at);
  let r = ctx.recent.length - 1;
  for (let s = here; s >= 0 && here - s <= SUBJECT_REACH; s--) {
    const sent = doc.sentences[s]!;
    const limit = s === here ? at : sent.end;
    while (r >= 0 && ctx.recent[r]!.at >= limit) r--;
    for (let j = r; j >= 0 && ctx.recent[j]!.at >= sent.start; j--) {
      const prior = ctx.recent[j]!;
      if (prior.type === 'PERSON' && prior.speaker.key && ctx.genders.compatible(prior.speaker.key, kind))
        return prior.speaker;
    }
    // "She told them that when her brother Tomas … came home from sea, she would …": a sentence whose subject is a pronoun of
    // this gender, written before any name, continues whom that pronoun does; a name in its clauses is no subject.
    const opening = OPENING_PRONOUN.exec(doc.text.slice(sent.start, Math.min(limit, sent.start + 40)));
    if (opening && SPEAKER_PRONOUNS.get(opening[1]!.toLowerCase()) === kind) {
      const firstName = firstAtOrAfter(doc.entities, sent.start);
      const name = doc.entities[firstName];
      if (!name || name.start >= sent.start + opening[0].length) return salientPerson(ctx, kind, sent.start);
    }
    const subject = personSubject(ctx, s, limit);
    if (subject && ctx.genders.compatible(subject.actorKey, kind)) return actor(subject);
  }
  return null;
}

/** A sentence opening with a subject pronoun, after an optional connective ("But he", "Later, she"). */
const OPENING_PRONOUN = /^\W*(?:(?:and|but|so|yet|then|later|still|now|however|meanwhile)\W+)?(he|she)\b/i;

/** How many words before a mention a verb of criticism may govern it ("criticised the government of X"). */
const CRITICISM_REACH = 5;

/**
 * Whether a mention is the object of criticism in its sentence ("condemned Veskaria", "accused the ministry of"):
 * the one criticized is who the statement is aimed at, not who goes on speaking.
 */
function criticized(ctx: SpeakerContext, m: EntityMention): boolean {
  const sent = ctx.doc.sentences[sentenceAt(ctx.doc, m.start)];
  const before = ctx.doc.text.slice(Math.max(sent?.start ?? 0, m.start - 60), m.start);
  const words = before
    .toLowerCase()
    .split(/[^\p{L}'’-]+/u)
    .filter(Boolean)
    .slice(-CRITICISM_REACH);
  return words.some((w) => CUE_STANCE.get(w) === 'accuses' || CUE_STANCE.get(w) === 'threatens');
}

function pronounAntecedent(ctx: SpeakerContext, pron: string, at: number): ResolvedSpeaker {
  const kind = SPEAKER_PRONOUNS.get(pron);
  if (kind === 'male' || kind === 'female') {
    const salient = salientPerson(ctx, kind, at);
    if (salient) {
      ctx.genders.learn(salient.key, kind);
      return salient;
    }
    const m = lastEntityBefore(ctx, at, (e) => e.type === 'PERSON' && ctx.genders.compatible(e.actorKey, kind));
    if (!m) return NONE;
    ctx.genders.learn(m.actorKey, kind);
    return actor(m);
  }
  if (kind === 'thing' || kind === 'group') {
    const m = lastEntityBefore(
      ctx,
      at,
      (e) =>
        (e.type === 'ORG' || (e.type === 'GPE' && (e.metonym === true || !!e.actorKey?.startsWith('country:')))) &&
        !criticized(ctx, e),
      1500,
    );
    return m ? actor(m) : NONE;
  }
  return NONE;
}

/** Entity mentions overlapping a span (mentions are sorted and short, so a window from the span's start suffices). */
function entitiesIn(ctx: SpeakerContext, span: Span): EntityMention[] {
  const ents = ctx.doc.entities;
  const out: EntityMention[] = [];
  for (let k = Math.max(0, firstAtOrAfter(ents, span.start) - 1); k < ents.length && ents[k]!.start < span.end; k++) {
    if (ents[k]!.end > span.start) out.push(ents[k]!);
  }
  return out;
}

/** Words that open a definite description or stand before its head, not describing anyone by themselves. */
const DESCRIPTION_FILLER = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'our', 'my']);
/** How far before a name its premodifying description may start ("night-shift nurse Lena Holm"). */
const PREMODIFIER_REACH = 48;
/** How far an apposition after a name may run ("Lena Holm, the chief executive of Portavel Shipping,"). */
const APPOSITION_REACH = 90;

/**
 * The words an article uses to describe a person where it names them: the role words written just before the
 * name in its sentence ("Labour front-runner Anna Berg", "paramedic Ivo Sarr") and an apposition
 * after it ("Lena Holm, the chief executive of Portavel Shipping,"), lower-cased.
 */
function descriptionWords(ctx: SpeakerContext, m: EntityMention): Set<string> {
  ctx.descriptions ??= new Map();
  let out = ctx.descriptions.get(m);
  if (!out) {
    out = readDescription(ctx, m);
    ctx.descriptions.set(m, out);
  }
  return out;
}

function readDescription(ctx: SpeakerContext, m: EntityMention): Set<string> {
  const text = ctx.doc.text;
  const out = new Set<string>();
  const sent = ctx.doc.sentences[sentenceAt(ctx.doc, m.start)];
  const lo = Math.max(sent?.start ?? 0, m.start - PREMODIFIER_REACH);
  const segments = text.slice(lo, m.start).split(/[,;:()"“”]/u);
  let before = segments.pop() ?? '';
  // "the sister of leader Ivo Sarr": the words before a lower-case noun and "of" written right before the name
  // describe someone else.
  const of = /^.*\b\p{Ll}+\s+of\s+/su.exec(before);
  if (of) before = before.slice(of[0].length);
  // A name in apposition to the description before it ("The minister of defence, Arvo Kask,").
  if (!before.trim() && segments.length > 0 && /^[,]\s*$/u.test(text.slice(m.start - before.length - 1, m.start)))
    before = segments.pop() ?? '';
  // A description does not run back over a speech verb ("a doctor said Dr X": "doctor" describes the one who said).
  const pre = before.toLowerCase().split(/[^\p{L}-]+/u);
  let from = 0;
  pre.forEach((w, k) => {
    if (CUE_STANCE.has(w)) from = k + 1;
  });
  for (const w of pre.slice(from)) if (w) out.add(w);
  // "Dr" written before a name is the title of a doctor.
  if (out.has('dr')) out.add('doctor');
  const after = text.slice(m.end, m.end + APPOSITION_REACH);
  const app = /^\s*,\s*((?:the|a|an)\s[^,.;()]+?)\s*[,.;]/u.exec(after) ?? /^\s*,\s*([^,.;()]+?)\s*,/u.exec(after);
  if (app) for (const w of app[1]!.toLowerCase().split(/[^\p{L}-]+/u)) if (w) out.add(w);
  return out;
}

/**
 * A definite description ("the Eastmarker front-runner", "the paramedic") for the last person named before it
 * with that head noun in their description, preferring the one sharing most of its other words.
 */
function describedPerson(ctx: SpeakerContext, span: Span, words: string[]): EntityMention | null {
  const head = words[words.length - 1] ?? '';
  if (head.length < 3 || SPEAKER_PRONOUNS.has(head)) return null;
  const modifiers = words.slice(0, -1).filter((w) => !DESCRIPTION_FILLER.has(w));
  let best: EntityMention | null = null;
  let bestScore = 0;
  const ents = ctx.doc.entities;
  for (let k = firstAtOrAfter(ents, span.start) - 1; k >= 0; k--) {
    const m = ents[k]!;
    if (m.type !== 'PERSON' || !m.actorKey || insideQuote(ctx, m)) continue;
    const desc = descriptionWords(ctx, m);
    if (!desc.has(head)) continue;
    const score = 1 + modifiers.filter((w) => desc.has(w)).length;
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/** Kinship and bare person nouns: "the sister", "the man" name someone new, never an epithet of a named person. */
const NOT_EPITHETS: ReadonlySet<string> = new Set([
  'mother',
  'father',
  'wife',
  'husband',
  'son',
  'daughter',
  'sister',
  'brother',
  'family',
  'relative',
  'neighbor',
  'neighbour',
  'friend',
  'man',
  'woman',
  'person',
  'boy',
  'girl',
  'child',
  'widow',
  'uncle',
  'aunt',
  'cousin',
  'nephew',
  'niece',
  'grandmother',
  'grandfather',
  'fiancee',
  'fiance',
  'partner',
  'stranger',
  'other',
  'victim',
]);

/** How many sentences back an epithet looks for the person it renames. */
const EPITHET_REACH = 2;

/**
 * Nouns that by definition name a person (an office held or a part played only by people) but are not role words of
 * the name reader. Agent nouns in general are not: "lender", "monitor", "operator" are as often organizations.
 */
const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'aide',
  'front-runner',
  'frontrunner',
  'candidate',
  'nominee',
  'lawyer',
  'attorney',
]);

/**
 * Whether a head noun names a person by occupation or standing ("leader", "front-runner", "activist", "minister"):
 * a role word, a noun in -ist or -ian, or a noun naming only people.
 */
function personHead(head: string): boolean {
  if (head.length < 4 || NOT_EPITHETS.has(head) || ORG_HEADS.has(head) || SPEAKS_FOR.has(head)) return false;
  if (AUTHORED_WORKS.has(head) || BUSINESS_HEADS.has(head)) return false;
  return isRoleWord(head) || /(?:ist|ian)$/.test(head) || PERSON_NOUNS.has(head);
}

/** Role nouns English uses for the same part (an epithet may reword one by another). */
const ROLE_SYNONYMS: readonly (readonly string[])[] = [
  ['activist', 'campaigner'],
  ['lawyer', 'attorney'],
  ['doctor', 'physician'],
  ['journalist', 'reporter', 'correspondent'],
  ['front-runner', 'frontrunner'],
];

/** The role nouns an epithet head rewords: itself and its synonyms. */
function sameRoles(head: string): readonly string[] {
  return ROLE_SYNONYMS.find((set) => set.includes(head)) ?? [head];
}

/**
 * Words after a name that make it the subject of a passive ("was killed", "had been arrested") or of a death
 * ("died"): the one spoken about, or no longer alive to speak.
 */
const PASSIVE_OR_DEATH =
  /^(?:\s*,[^,.;]*,)?\s*(?:(?:(?:was|were|is|are|be|been|being|has\s+been|had\s+been|have\s+been|got)\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}+ed|\p{Ll}+en|shot|hit|held|struck|caught|hurt|sent|put|slain|dead)\b)|(?:(?:has|had|have)\s+)?(?:died|dies|drowned|perished)\b)/u;

/**
 * Whether a person mention is an object in its clause ("Police arrested X", "the home of banker X") or the subject
 * of a passive or a death ("X was killed", "X died"): either way the one spoken about, whom an epithet after it does
 * not rename. An object is told by a preposition or a verb form in -ed written before the name in its clause.
 */
function spokenAbout(ctx: SpeakerContext, m: EntityMention): boolean {
  const doc = ctx.doc;
  const sent = doc.sentences[sentenceAt(doc, m.start)];
  const clause =
    doc.text
      .slice(sent?.start ?? 0, m.start)
      .split(/[,;:()—–]/u)
      .pop() ?? '';
  const words = clause
    .toLowerCase()
    .split(/[^\p{L}'’-]+/u)
    .filter(Boolean);
  // A word in -ed opening the clause is an adjective ("Jailed activist X"); after another word, a verb.
  if (words.some((w, k) => GOVERNING.has(w) || w === 'of' || (k > 0 && /.{3,}ed$/.test(w)))) return true;
  // "Ivo Sarr met Lena Holm": a name after another name and a lower-case word of its clause (no possessive) is the
  // object of that word, not a subject.
  const from = m.start - clause.length;
  const ents = doc.entities;
  for (let k = firstAtOrAfter(ents, from); k < ents.length && ents[k]!.end <= m.start; k++) {
    const e = ents[k]!;
    const between = doc.text.slice(e.end, m.start);
    if (!POSSESSIVE_AFTER.test(between) && /^\s+(?:\p{Ll}+\s+)+/u.test(between) && !/^\s+(?:and|or)\s/u.test(between))
      return true;
  }
  const sentEnd = sent?.end ?? doc.text.length;
  return PASSIVE_OR_DEATH.test(doc.text.slice(m.end, Math.min(sentEnd, m.end + APPOSITION_REACH + 40)));
}

/**
 * Whether an epithet with head `head` can rename the person of mention `m`: the article wrote that role (or a
 * synonym) for that person at some mention before `at` (a role or apposition), and `m` is not spoken about.
 */
function renames(ctx: SpeakerContext, m: EntityMention, head: string, at: number): boolean {
  if (spokenAbout(ctx, m)) return false;
  return describedAs(ctx, m.actorKey, head, at);
}

/** Whether the article described the actor `key` by the role `head` (or a synonym) at a mention before `at`. */
function describedAs(ctx: SpeakerContext, key: string | null, head: string, at: number): boolean {
  if (!key) return false;
  const roles = sameRoles(head);
  for (const e of ctx.doc.entities) {
    if (e.start >= at) break;
    if (e.actorKey !== key || insideQuote(ctx, e)) continue;
    const role = (e.role ?? '').toLowerCase().split(/\s+/);
    const desc = descriptionWords(ctx, e);
    if (roles.some((r) => role.includes(r) || desc.has(r))) return true;
  }
  return false;
}

/**
 * An epithet ("the veteran activist said", "after the harbour workers' front-runner had said") no described person
 * matches: news renames a person it has just named by a description of them rather than repeating the name. The
 * one renamed is a person the article described by that role (or a synonym: "campaigner" … "the activist") and who
 * is not spoken about in their own sentence (an object, the subject of a passive or a death): a person named before
 * it in its own sentence other than that sentence's subject (the subject of the same sentence would be "he"),
 * nearest first; else, walking back up to two sentences, the speaker of a statement there or the sentence's subject
 * ("Civil rights campaigner X met … . The veteran activist said …"). A person described otherwise is someone else
 * ("X, a nurse, … . The doctor said …"), and so is one only named ("X was sentenced. The judge said …").
 */
function epithetAntecedent(ctx: SpeakerContext, span: Span, head: string): ResolvedSpeaker | null {
  const doc = ctx.doc;
  if (doc.sentences.length === 0) return null;
  const here = sentenceAt(doc, span.start);
  const sent = doc.sentences[here]!;
  const subject = personSubject(ctx, here, span.start);
  const ents = doc.entities;
  for (let k = firstAtOrAfter(ents, span.start) - 1; k >= 0; k--) {
    const m = ents[k]!;
    if (m.start < sent.start) break;
    if (m.type !== 'PERSON' || !m.actorKey || insideQuote(ctx, m)) continue;
    if (subject && m.actorKey === subject.actorKey) continue;
    if (POSSESSIVE_AFTER.test(doc.text.slice(m.end, m.end + 3))) continue;
    if (renames(ctx, m, head, span.start)) return actor(m);
  }
  let r = ctx.recent.length - 1;
  // Sentences of a quoted statement are its speaker's words, not sentences of the report: they do not count.
  let reach = 0;
  for (let s = here - 1; s >= 0 && reach < EPITHET_REACH; s--) {
    const st = doc.sentences[s]!;
    if (!insideQuote(ctx, st)) reach++;
    while (r >= 0 && ctx.recent[r]!.at >= st.end) r--;
    for (let j = r; j >= 0 && ctx.recent[j]!.at >= st.start; j--) {
      const prior = ctx.recent[j]!;
      if (prior.type === 'PERSON' && prior.speaker.key && describedAs(ctx, prior.speaker.key, head, span.start))
        return prior.speaker;
    }
    const subj = personSubject(ctx, s, st.end);
    if (subj?.actorKey && renames(ctx, subj, head, span.start)) return actor(subj);
  }
  return null;
}

/** Words that set a described person apart from one described before ("another resident"). */
const OTHER_WORDS = ['another', 'other', 'second', 'third', 'fellow'];

/**
 * The one person the article names after an indefinite description with its head noun in their description ("a
 * paramedic" … "paramedic Ivo Sarr"); none when several people fit.
 */
function namedLater(ctx: SpeakerContext, span: Span, words: string[]): EntityMention | null {
  const head = words[words.length - 1] ?? '';
  const modifiers = words.slice(0, -1).filter((w) => !DESCRIPTION_FILLER.has(w) && !OTHER_WORDS.includes(w));
  let found: EntityMention | null = null;
  let bestScore = 0;
  let tied = false;
  const ents = ctx.doc.entities;
  for (let k = firstAtOrAfter(ents, span.end); k < ents.length; k++) {
    const m = ents[k]!;
    if (m.type !== 'PERSON' || !m.actorKey || insideQuote(ctx, m)) continue;
    const desc = descriptionWords(ctx, m);
    if (!desc.has(head)) continue;
    // "another resident, Ivo Sarr," is someone else than the resident who spoke first.
    if (OTHER_WORDS.some((w) => desc.has(w))) return null;
    // The one sharing most of the description's other words ("a night-shift nurse" … "night-shift nurse X").
    const score = 1 + modifiers.filter((w) => desc.has(w)).length;
    if (found && m.actorKey === found.actorKey) continue;
    if (score > bestScore) {
      found = m;
      bestScore = score;
      tied = false;
    } else if (score === bestScore) tied = true;
  }
  return tied ? null : found;
}

/**
 * The author of a work named as the speaker ("the inscription read", "the toast"): the person subject of the
 * nearest sentence, up to the quote's own, that introduces the work by its noun or by a verb that makes one
 * ("wrote in the visitors' book", "raised a toast").
 */
function authorOf(ctx: SpeakerContext, span: Span, head: string): ResolvedSpeaker | null {
  const verbs = AUTHORED_WORKS.get(head);
  if (!verbs) return null;
  const doc = ctx.doc;
  const here = sentenceAt(doc, span.start);
  const introduces = new RegExp(`\\b(?:${[head, ...verbs].join('|')})\\b`, 'i');
  for (let s = here; s >= 0 && here - s <= SUBJECT_REACH; s--) {
    const sent = doc.sentences[s]!;
    const upto = s === here ? span.start : sent.end;
    const words = doc.text.slice(sent.start, upto);
    if (!introduces.test(words)) continue;
    const author = personSubject(ctx, s, upto);
    if (author) return actor(author);
    // "She wrote in the guest book": the pronoun's antecedent.
    const pron = /^\W*(he|she)\b/i.exec(words)?.[1]?.toLowerCase();
    if (pron) return salientPerson(ctx, pron === 'he' ? 'male' : 'female', sent.start);
  }
  return null;
}

/** Heads of a definite description of a business ("the company said", "the oil firm said"). */
const BUSINESS_HEADS = new Set(['company', 'firm', 'insurer', 'operator', 'carrier', 'airline', 'manufacturer']);
/** Words naming a public body or institution, not a business. */
const INSTITUTION_WORDS =
  /\b(?:ministry|agency|government|police|army|military|department|commission|court|party|committee|council|office|embassy|union|authority|parliament|cabinet|university|college|school|congress|senate|house|administration|service|bureau|board|institute|association|federation|league)\b/;

/**
 * Legal-form and trade words that end a business's name ("Veltro Inc.", "Marsk Group", "Halden Airways"): a
 * company's registered form (Inc, Corp, Ltd, PLC, AG, SA, GmbH, NV …) or the trade it is in (Shipping, Mining,
 * Steel …). A public body named after a trade ("Ministry of Energy") is set aside by its institution word.
 */
const BUSINESS_NAME_END =
  /[\s,](?:Inc|Incorporated|Corp|Corporation|Co|Company|Cos|Ltd|Limited|LLC|LLP|PLC|Plc|Group|Holdings?|AG|SA|S\.A|SE|NV|N\.V|BV|GmbH|SpA|S\.p\.A|AB|ASA|Oyj|KK|Bhd|Industries|Enterprises|Airlines|Airways|Motors|Shipping|Logistics|Mining|Steel|Oil|Petroleum|Energy|Chemicals|Pharmaceuticals|Electronics|Foods|Insurance)\.?$/;
/**
 * Common nouns that class an organization as a business when set beside its name ("the carmaker Veltro", "Marsk,
 * the shipping firm,"), a maker of goods among them (carmaker, chipmaker). "Group" is left out ("the rights group")
 * and so is "bank" ("the central bank").
 */
const BUSINESS_NOUNS =
  /^(?:company|firm|corporation|conglomerate|carrier|airline|insurer|lender|retailer|manufacturer|producer|supplier|operator|miner|brewer|distiller|developer|contractor|exporter|importer|shipper|utility|startup|start-up|giant|(?:car|auto|chip|drug|steel|plane|aircraft|toy|phone|tyre|tire|truck|ship|beer|game)maker)$/iu;

/**
 * Positive evidence that an organization mention is a business: a legal-form or trade word ending its name, a
 * business actor code, a business noun in apposition ("the carmaker Veltro", "the oil giant X", "Veltro, the Japanese
 * carmaker,"), or its shares, shareholders or chief executive.
 */
function isBusiness(doc: Doc, e: EntityMention): boolean {
  if (BUSINESS_NAME_END.test(e.text.trim()) || BUSINESS_NAME_END.test((e.canonical ?? '').trim())) return true;
  if (e.code && /BUS$/.test(e.code)) return true;
  const preceding = doc.text.slice(Math.max(0, e.start - 40), e.start);
  // "the (Japanese) carmaker Veltro": the word right before the name.
  const before = /(?:^|[^\p{L}-])(\p{Ll}[\p{Ll}-]*)\s+$/u.exec(preceding);
  if (before && BUSINESS_NOUNS.test(before[1]!)) return true;
  // "shares in Veltro", "Veltro shares", "Veltro's chief executive": only a company has shares, shareholders and a
  // chief executive.
  if (/\bshares\s+(?:in|of)\s+$/i.test(preceding)) return true;
  if (
    /^(?:['’]s)?\s+(?:shares|stock|shareholders|share price|chief executive|ceo)\b/i.test(
      doc.text.slice(e.end, e.end + 30),
    )
  )
    return true;
  // "Veltro, the Japanese carmaker,": an appositive noun phrase right after the name.
  const after = /^\s*,\s*(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)\s*[,.;)]/iu.exec(
    doc.text.slice(e.end, e.end + 60),
  );
  return !!after && BUSINESS_NOUNS.test(after[1]!);
}

/**
 * "the company": the business the article has named most often before the description, among organizations
 * shown to be businesses (a legal-form suffix, a business actor code, a business noun beside the name) and named
 * with no word of a public body or institution. A public body, agency or NGO is never "the company"; two
 * businesses named equally often leave it unresolved.
 */
function salientBusiness(ctx: SpeakerContext, at: number): EntityMention | null {
  const counts = new Map<string, { n: number; last: EntityMention }>();
  const business = new Set<string>();
  for (const e of ctx.doc.entities) {
    if (e.type !== 'ORG' || !e.actorKey) continue;
    if (isBusiness(ctx.doc, e)) business.add(e.actorKey);
    if (e.start >= at || insideQuote(ctx, e)) continue;
    if (INSTITUTION_WORDS.test((e.canonical ?? e.text).toLowerCase())) continue;
    const c = counts.get(e.actorKey);
    if (c) {
      c.n++;
      c.last = e;
    } else counts.set(e.actorKey, { n: 1, last: e });
  }
  let best: { n: number; last: EntityMention } | null = null;
  let tie = false;
  for (const [key, c] of counts) {
    if (!business.has(key)) continue;
    if (!best || c.n > best.n) {
      best = c;
      tie = false;
    } else if (c.n === best.n) tie = true;
  }
  return best && !tie ? best.last : null;
}

/** A description's head word matched against the roles and names of the article's actors. */
function describedActor(ctx: SpeakerContext, span: Span, words: string[], epithet = true): ResolvedSpeaker {
  const head = words[words.length - 1] ?? '';
  const within = entitiesIn(ctx, span).filter((e) => e.start >= span.start && e.end <= span.end);
  const affiliations = new Set(within.filter((e) => e.actorKey).map((e) => e.affiliation ?? e.actorKey!));
  ctx.rolePersons ??= ctx.doc.entities.filter((e) => e.type === 'PERSON' && !!e.role);
  const persons = ctx.rolePersons.filter((e) => {
    if (!e.role) return false;
    const role = e.role.toLowerCase();
    if (!role.split(/\s+/).includes(head)) return false;
    return (
      affiliations.size === 0 ||
      (e.affiliation !== null && e.affiliation !== undefined && affiliations.has(e.affiliation))
    );
  });
  // Only a definite description refers back; "a night-shift nurse" introduces someone the article may name later.
  const introduces = /^(?:a|an|one|another)$/.test(words[0] ?? '') && !SPEAKS_FOR.has(head) && !ORG_HEADS.has(head);
  if (persons.length > 0 && !introduces) {
    const before = persons.filter((p) => p.start < span.start);
    return actor(before.length > 0 ? before[before.length - 1]! : persons[0]!);
  }
  if (within.length === 0) {
    const author = authorOf(ctx, span, head);
    if (author) return author;
  }
  // Only a definite description refers back ("the paramedic"); "a doctor" introduces someone new, whom the
  // article may name further on ("A paramedic testified … . Paramedic Ivo Sarr said …").
  const indefinite = /^(?:a|an|one|another)$/.test(words[0] ?? '');
  if (within.length === 0 && !indefinite && !ORG_HEADS.has(head)) {
    const described = describedPerson(ctx, span, words);
    if (described) return actor(described);
  }
  if (within.length === 0 && indefinite && words.length <= 5 && !ORG_HEADS.has(head) && !SPEAKS_FOR.has(head)) {
    const named = namedLater(ctx, span, words);
    if (named) return actor(named);
  }
  if (ORG_HEADS.has(head)) {
    const named = lastEntityBefore(
      ctx,
      span.start,
      (e) => e.type === 'ORG' && (e.canonical ?? e.text).toLowerCase().includes(head),
      100000,
    );
    if (named) return actor(named);
  }
  if (within.length === 0 && words[0] === 'the' && words.length <= 3 && BUSINESS_HEADS.has(head)) {
    const salient = salientBusiness(ctx, span.start);
    if (salient) return actor(salient);
  }
  // "Veskaria's defence ministry", "a State Department spokesperson": the organization or country it speaks for.
  if (ORG_HEADS.has(head) || SPEAKS_FOR.has(head)) {
    const owner = within.find((e) => e.type === 'ORG' || e.type === 'GPE' || e.type === 'NORP');
    if (owner) return actor(owner);
  }
  if (
    epithet &&
    words[0] === 'the' &&
    words.length <= 5 &&
    personHead(head) &&
    // "the president's lawyer": a possessed head is someone of the possessor's, not the possessor renamed.
    !/['’]s?\s/u.test(ctx.doc.text.slice(span.start, span.end)) &&
    within.every((e) => e.type === 'MISC' || e.type === 'NORP')
  ) {
    const renamed = epithetAntecedent(ctx, span, head);
    if (renamed) return renamed;
  }
  return NONE;
}

export { firstAtOrAfter };

/**
 * "the sister of …", "a spokesman for …", "the lawyer acting for …": a determiner, up to two lower-case words (and a
 * participle after the head), "of" or "for"; group 1 is the head noun.
 */
const OF_COMPLEMENT =
  /^(?:the|a|an|his|her|their|its|our|my)\s+(?:\p{Ll}+\s+)?(\p{Ll}+)(?:\s+\p{Ll}+ing)?\s+(?:of|for)\s+/iu;

/** Index of the link word ("of", "for") after the head of an OF_COMPLEMENT phrase's words. */
function linkIndex(words: readonly string[]): number {
  const k = words.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for'));
  return k < 0 ? words.length : k;
}

/** Possessive pronouns and the subject pronoun whose antecedent they share ("his" → "he"). */
const POSSESSIVE_PRONOUNS: ReadonlyMap<string, string> = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['its', 'it'],
  ['their', 'they'],
]);

/**
 * "his spokesman said", "its foreign ministry said", "her letter reads": a possessive pronoun before a head that
 * speaks for its possessor (a spokesman, an office, a ministry) or is a work of the possessor's. The person the
 * article named with that head comes first (the spokesman named earlier); else the possessor speaks through them,
 * as "Marsk's spokesman" is Marsk: the possessive pronoun's antecedent, read like the subject pronoun it stands beside.
 * A relative ("his sister") speaks for no one but herself and is not resolved this way.
 */
function possessedSpeaker(ctx: SpeakerContext, span: Span, words: string[]): ResolvedSpeaker | null {
  const pron = POSSESSIVE_PRONOUNS.get(words[0] ?? '');
  const head = words[words.length - 1] ?? '';
  if (!pron || words.length < 2 || words.length > 4) return null;
  if (!SPEAKS_FOR.has(head) && !ORG_HEADS.has(head) && !AUTHORED_WORKS.has(head)) return null;
  const described = describedActor(ctx, span, words);
  if (described.key) return described;
  const owner = pronounAntecedent(ctx, pron, span.start);
  return owner.key ? owner : null;
}

/** Speaking nouns that name a person, who speaks for someone wherever they are ("a spokesman in Corvel"). */
const SPEAKING_PERSONS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'source', 'sources']);

/** Prepositions introducing a document's author after its noun ("a statement from/by/of …"). */
const AUTHOR_PREPOSITIONS = new Set(['from', 'by', 'of']);

/** A place mention introduced by "in" or "at" inside a speaker phrase ("… released in Corvel"). */
function locatedIn(ctx: SpeakerContext, span: Span, e: EntityMention): boolean {
  if (e.type !== 'GPE' && e.type !== 'LOC') return false;
  return /(?:^|\s)(?:in|at)\s+(?:the\s+)?$/i.test(ctx.doc.text.slice(span.start, e.start));
}

/**
 * The actor a speaker phrase stands for. `subject`: the phrase is the subject of its report (an epithet renames a
 * person named before it); false for a phrase read through a relative pronoun, which may be any object ("arrested
 * the driver, who told …").
 */
export function resolveSpeaker(ctx: SpeakerContext, span: Span, subject = true): ResolvedSpeaker {
  const inside = entitiesIn(ctx, span).filter((e) => e.type !== 'LOC');
  const text = ctx.doc.text.slice(span.start, span.end);
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
  // "his claim that …": a lone possessive pronoun owns the statement; it stands for what its subject pronoun would.
  const subjectForm = words.length === 1 ? POSSESSIVE_PRONOUNS.get(words[0]!) : undefined;
  if (subjectForm) return pronounAntecedent(ctx, subjectForm, span.start);
  // "Ivo Sarr, who joked, “…”": a relative pronoun stands for the name it directly follows, else for the phrase.
  if (words.length === 1 && (words[0] === 'who' || words[0] === 'which')) {
    const m = lastEntityBefore(ctx, span.start, (e) => e.type !== 'LOC' && e.type !== 'MISC', 8);
    if (m && /^[\s,—–-]*$/u.test(ctx.doc.text.slice(m.end, span.start))) return actor(m);
    // "the harbour master, who told officers, “…”": with no name there, what the phrase it follows stands for.
    const from = ctx.doc.sentences[sentenceAt(ctx.doc, span.start)]?.start ?? 0;
    const before = ctx.doc.text.slice(from, span.start);
    const np = /(?:^|[^\p{L}'’-])((?:the|a|an|his|her|its|their)\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+)[\s,—–-]*$/iu.exec(
      before,
    );
    if (!np) return NONE;
    const start = from + np.index + np[0].indexOf(np[1]!);
    return resolveSpeaker(ctx, { start, end: start + np[1]!.length }, false);
  }
  if (words.length === 1 && SPEAKER_PRONOUNS.has(words[0]!)) {
    const prior = ctx.recent.length > 0 ? ctx.recent[ctx.recent.length - 1]! : null;
    const kind = SPEAKER_PRONOUNS.get(words[0]!)!;
    const resolved = pronounAntecedent(ctx, words[0]!, span.start);
    if (resolved.key && (kind === 'male' || kind === 'female')) return resolved;
    // The previous speaker, when the pronoun fits it and no other person intervened, is the antecedent.
    if (
      prior &&
      prior.type === 'PERSON' &&
      (kind === 'male' || kind === 'female') &&
      prior.speaker.key &&
      ctx.genders.compatible(prior.speaker.key, kind)
    ) {
      const between = lastEntityBefore(
        ctx,
        span.start,
        (e) => e.type === 'PERSON' && e.start > prior.at && e.actorKey !== prior.speaker.key,
      );
      if (!between) return prior.speaker;
    }
    return resolved;
  }
  // A transcript label in capitals ("HOLM") names a person of the article by surname.
  if (inside.length === 0 && /^\p{Lu}[\p{Lu}'’-]+$/u.test(text)) {
    const surname = text.toLowerCase();
    const named = lastEntityBefore(
      ctx,
      ctx.doc.text.length,
      (e) =>
        e.type === 'PERSON' && !!e.actorKey && (e.canonical ?? e.text).toLowerCase().split(/\s+/).pop() === surname,
      Number.POSITIVE_INFINITY,
    );
    if (named) return actor(named);
  }
  // "the sister of the minister", "the sister of leader Ivo Sarr": the noun before "of" heads the phrase.
  const complement = OF_COMPLEMENT.exec(text);
  if (inside.length === 0) {
    const possessed = possessedSpeaker(ctx, span, words);
    if (possessed) return possessed;
    // Its complement speaks only through a head that speaks for it ("a spokesman of the ministry").
    if (complement) {
      const head = complement[1]!.toLowerCase();
      const k = linkIndex(words);
      if (SPEAKS_FOR.has(head) || ORG_HEADS.has(head)) return describedActor(ctx, span, words.slice(k + 1), subject);
      return describedActor(ctx, span, words.slice(0, k), subject);
    }
  }
  // "the Eastmarker front-runner": an adjectival name is a modifier of the description, not the speaker.
  if (inside.length > 0 && inside.every((e) => e.type === 'MISC' || e.type === 'NORP')) {
    const described = describedPerson(ctx, span, words);
    if (described) return actor(described);
    // A person's description with a group adjective names a person, never the group ("the Eastmarker front-runner").
    if (personHead(words[words.length - 1] ?? '') && inside.every((e) => e.end < span.end))
      return describedActor(ctx, span, words, subject);
  }
  // "the sister of leader Ivo Sarr": the name is the complement, not the speaker.
  if (inside.length > 0 && complement && inside.every((e) => e.start >= span.start + complement[0].length)) {
    const head = complement[1]!.toLowerCase();
    // A possessor inside the complement ("the owner of the ship off Velm's coast") owns a thing, not the head.
    const owners = inside.filter((e) => !POSSESSIVE_AFTER.test(ctx.doc.text.slice(e.end, e.end + 3)));
    if (owners.length > 0 && (SPEAKS_FOR.has(head) || ORG_HEADS.has(head) || AUTHORED_WORKS.has(head))) {
      const owner = [...owners].sort((a, b) => TYPE_RANK[a.type] - TYPE_RANK[b.type])[0]!;
      return actor(owner);
    }
    // "a clip of X saying": a depiction of someone speaking shows that person speak.
    const shown = inside.find((e) => e.type === 'PERSON');
    if (DEPICTIONS.has(head) && shown) return actor(shown);
    const described = describedPerson(ctx, span, [...words.slice(0, linkIndex(words))]);
    return described ? actor(described) : NONE;
  }
  // "a joint statement released in Corvel", "a report issued at Geneva": a place after "in" or "at" is where the
  // words were issued (a locative adjunct), not who issued them; the author of a document named by a place alone
  // is unknown. A person speaking from a place ("officials in Corvel") still speaks for it, and so does the author
  // a document phrase names before the place ("a statement from the police in Corvel": the place is the police's).
  if (inside.length > 0 && inside.every((e) => locatedIn(ctx, span, e))) {
    const first = inside[0]!.start - span.start;
    const before = text
      .slice(0, first)
      .toLowerCase()
      .split(/[^\p{L}\p{N}-]+/u);
    const documentAt = before.findLastIndex((w) => SPEAKING_NOUNS.has(w) && !SPEAKING_PERSONS.has(w));
    if (documentAt >= 0 && !before.slice(documentAt + 1).some((w) => AUTHOR_PREPOSITIONS.has(w))) return NONE;
  }
  if (inside.length > 0) {
    const best = [...inside].sort((a, b) => TYPE_RANK[a.type] - TYPE_RANK[b.type] || b.end - a.end)[0]!;
    const head = words[words.length - 1] ?? '';
    // "Kask's sister", "Tamm's lawyer": a possessor names whose relative speaks, not the speaker — unless the
    // head is someone who speaks for the possessor ("Marsk's spokesman", "the ministry's statement").
    if (
      best.end < span.end &&
      POSSESSIVE_AFTER.test(ctx.doc.text.slice(best.end, best.end + 3)) &&
      !ORG_HEADS.has(head) &&
      !SPEAKS_FOR.has(head) &&
      !AUTHORED_WORKS.has(head)
    ) {
      const described = describedPerson(ctx, span, words);
      return described ? actor(described) : NONE;
    }
    if (best.type === 'PERSON') return actor(best);
    const described = describedActor(ctx, span, words, subject);
    // "the French president" names a person, not France: without that person in the article it stays unresolved.
    if (described.name || (isRoleWord(head) && !SPEAKS_FOR.has(head) && !ORG_HEADS.has(head))) return described;
    return actor(best);
  }
  return describedActor(ctx, span, words, subject);
}

/** The type of the actor a resolved speaker stands for, looked up by key. */
export function speakerType(doc: Doc, key: string | null): EntityType | null {
  if (!key) return null;
  return doc.entities.find((e) => e.actorKey === key)?.type ?? null;
}
