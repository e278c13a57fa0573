import { docIndex, type Doc, type DocIndex, type EntityMention, type EntityType } from '../model/index.js';
import { capitalize, isAllCaps, isCapitalized, startsLowerCase, WEEKDAY_NAMES } from '../model/lexicon/index.js';
import { actorCode, roleSector } from './actor-code.js';
import { officeHolderCode } from './office-holders.js';
import { KOREAN_CONTEXT } from './data/countries-extra.js';
import { DETERMINERS } from './data/context.js';
import { GEO_FEATURE_WORDS, GROUP_SECTORS, ROLE_SECTORS } from './data/roles.js';
import { gazetteer, type GazetteerEntry } from './gazetteer.js';
import {
  ADJECTIVE_SUFFIXES,
  LEADING_NON_NAME_WORDS,
  NAME_CONNECTORS,
  NON_NAME_WORDS,
  OPENING_PREPOSITIONS,
  PERSON_PARTICLES,
} from './data/junk.js';
import { inCredit, isJunkMentionText, junkSentences } from './junk-filter.js';
import { actsAsActor, placedByPreposition } from './metonymy.js';
import {
  facilityName,
  hyphenatedPair,
  isFeatureName,
  isNumberedLabel,
  isPairingModifier,
  isPartyState,
  isPlaceByContext,
  isPostNominal,
  isTimeZoneLabel,
  isTitleAlone,
  isTitleBeforeName,
  opensWithTitle,
} from './name-context.js';
import { nameKey, personKeyName } from './normalize.js';
import {
  clusterPersons,
  familyFirst,
  isHonorific,
  isRoleWord,
  roleAfter,
  roleBefore,
  type PersonMention,
} from './persons.js';
import type { NerTagger } from './tagger.js';
import { tokenize } from './tokenize.js';

/**
 * Language stage: sentences, tokens and entity mentions.
 *
 * 1. tokenize; 2. tag with the statistical NER model (CoNLL PER/LOC/ORG/MISC); 3. reconcile the model's
 * spans with the gazetteer (well-known names win over a split or missed span); 4. drop junk (site chrome,
 * credits, field labels, all-caps subheads); 5. type mentions PERSON/ORG/GPE/LOC/NORP/MISC and give each
 * an actor key; 6. decide metonymy for capitals and seats of government; 7. read roles and affiliations
 * written beside person names; 8. link person names within the article.
 *
 * What each `EntityMention` field means after this stage:
 * - `type`: PERSON, ORG, GPE (countries, cities, states, and capitals/seats used as actors), LOC (geographic
 *   features, buildings used as places), NORP (demonyms and groups: "South Korean", "Russians"), MISC.
 * - `actorKey`: "country:<ISO3>" for countries, their abbreviations, metonymic capitals/seats, "the North/
 *   South" in Korean context, and demonyms (a NORP mention's key is its country's); "org:<KEY>" for
 *   gazetteer organizations (upper-case key, "org:NATO") and "org:<normalized name>" for others;
 *   "person:<normalized full name>" ("person:moon jae in") — a lone surname that no full name in the article
 *   explains stays "person:<surname>" for the cross-article resolver; "loc:<normalized name>" for places
 *   (including capitals used as places, "loc:moscow"); "misc:<normalized name>" for MISC.
 * - `canonical`: display name of that actor ("United States", "Moon Jae-in", "Moscow").
 * - `role`: role or title written with the name ("President", "Elysee spokesman" → "spokesman"), or, for
 *   person mentions without one, the role an earlier/later mention of the same person in this article
 *   carries; for country and NORP mentions, the group noun that follows ("troops", "officials").
 * - `affiliation`: actor key the mention belongs to: the country/organization written with a person's role
 *   ("country:FRA"), the country of a demonym, or of a national organization; propagated within a person's
 *   cluster like `role`.
 * - `metonym`: true when a capital or seat of government stands for its state ("Moscow denied", "the
 *   Kremlin said"); then `actorKey` is the country and `type` GPE.
 * - `code`: CAMEO-style actor code ("USAGOV", "PRKMED", "IGOUNO", "" when unknown).
 */

type ConllType = 'PER' | 'LOC' | 'ORG' | 'MISC';

interface Candidate {
  s: number;
  e: number;
  conll: ConllType | null;
  gaz: GazetteerEntry | null;
  /** Country or organization named at the start of a longer model span ("Russian Defence Ministry"). */
  innerAffiliation: string | null;
  dead: boolean;
}

interface Built {
  s: number;
  e: number;
  sentence: number;
  mention: EntityMention;
  gaz: GazetteerEntry | null;
  /** Name tokens for person mentions. */
  name: string[] | null;
  /** Role found inside the model's span ("President" in a span "President Moon"). */
  innerRole: [number, number] | null;
}

/** What the passes after mention building share: the doc, its index, token texts, mentions so far. */
interface Context {
  doc: Doc;
  ix: DocIndex;
  /** Token texts as written. */
  words: string[];
  built: Built[];
  /** Per token: index into `built` of the mention covering it, or -1. */
  tokEnt: Int32Array;
}

/** Tokenize, then tag, reconcile, type, link: fills `doc.sentences`, `doc.tokens` and `doc.entities`. */
export function annotateLanguage(doc: Doc, tagger?: NerTagger): void {
  tokenize(doc);
  annotateEntities(doc, tagger);
}

/** Tag, reconcile, type, link the tokens `tokenize` left: fills `doc.entities`. */
export function annotateEntities(doc: Doc, tagger?: NerTagger): void {
  const ix = docIndex(doc);
  const words = doc.tokens.map((t) => t.text);
  const n = words.length;
  const labels = tagger ? runTagger(tagger, words, ix) : fallbackLabels(words, ix);
  const junk = junkSentences(doc, ix);
  const subhead = subheadSentences(doc);
  const cands = reconcile(words, ix, decodeIob(labels, ix));

  const built: Built[] = [];
  const tokEnt = new Int32Array(n).fill(-1);
  const add = (b: Built): void => {
    for (let k = b.s; k < b.e; k++) tokEnt[k] = built.length;
    built.push(b);
  };
  const made: Built[] = [];
  // Last words of the persons named in full so far: a title word that is also one of them is that person's surname
  // ("Alexander Chancellor … Chancellor added").
  const surnames = new Set<string>();
  for (const c of cands) {
    if (c.dead) continue;
    const sentence = doc.tokens[c.s]!.sentence;
    if (junk[sentence] || inCredit(doc, c.s, c.e)) continue;
    // Title-case subheads ("A Pattern of Escalation") capitalize every word: only known names count there.
    if (subhead[sentence] && !c.gaz) continue;
    const b = buildMention(doc, ix, words, c, sentence, surnames);
    if (!b) continue;
    made.push(b);
    if (b.mention.type === 'PERSON' && b.e - b.s > 1) surnames.add(words[b.e - 1]!.toLowerCase());
  }
  for (const b of withoutPairings(surnamesAsPersons(made))) add(b);
  const ctx: Context = { doc, ix, words, built, tokEnt };
  koreanContext(ctx, junk, add);
  acronyms(ctx, add);
  metonymy(ctx);
  personRoles(ctx);
  groupNouns(ctx);
  linkPersons(built);
  for (const b of built) {
    const m = b.mention;
    if (m.type === 'PERSON') officeHolder(m);
    if (m.code === undefined) m.code = actorCode(m.actorKey, m.role, m.affiliation);
  }
  built.sort((a, b) => a.s - b.s);
  doc.entities = built.map((b) => b.mention);
}

function runTagger(tagger: NerTagger, words: string[], ix: DocIndex): string[] {
  const sentences = ix.sentenceRanges.map(([a, b]) => words.slice(a, b));
  const tagged = tagger.tagSentences(sentences);
  if (tagged.length !== sentences.length)
    throw new Error(`NER tagger returned ${tagged.length} sentences for ${sentences.length}`);
  const out: string[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const row = tagged[s]!;
    if (row.length !== sentences[s]!.length)
      throw new Error(`NER tagger returned ${row.length} labels for a sentence of ${sentences[s]!.length} tokens`);
    for (const l of row) out.push(l);
  }
  return out;
}

/**
 * Without a model: only names the gazetteer knows (added later) and capitalized runs introduced by an
 * honorific ("Mr. Moon") or a capitalized role ("President Moon Jae-in") become mentions.
 */
function fallbackLabels(words: string[], ix: DocIndex): string[] {
  const out = new Array<string>(words.length).fill('O');
  for (const [a, b] of ix.sentenceRanges) {
    for (let i = a; i < b - 1; i++) {
      if (!(isHonorific(words[i]!) || (isCapitalized(words[i]!) && isRoleWord(words[i]!)))) continue;
      let j = i + 1;
      while (j < b && isCapitalized(words[j]!) && !isRoleWord(words[j]!) && !isAllCaps(words[j]!)) j++;
      if (j > i + 1 && !isHonorific(words[i + 1]!)) {
        out[i + 1] = 'B-PER';
        for (let k = i + 2; k < j; k++) out[k] = 'I-PER';
        i = j - 1;
      }
    }
  }
  return out;
}

/** IOB2 (lenient: a stray I- starts a span) to token spans, never crossing sentences. */
export function decodeIob(labels: readonly string[], ix: DocIndex): Candidate[] {
  const out: Candidate[] = [];
  for (const [a, b] of ix.sentenceRanges) {
    let cur: Candidate | null = null;
    for (let i = a; i < b; i++) {
      const l = labels[i] ?? 'O';
      const type = l.length > 2 ? (l.slice(2) as ConllType) : null;
      if (l === 'O' || !type || (type !== 'PER' && type !== 'LOC' && type !== 'ORG' && type !== 'MISC')) {
        cur = null;
        continue;
      }
      if (l.startsWith('I-') && cur && cur.conll === type && cur.e === i) cur.e = i + 1;
      else {
        cur = { s: i, e: i + 1, conll: type, gaz: null, innerAffiliation: null, dead: false };
        out.push(cur);
      }
    }
  }
  return out;
}

/** Reconcile model spans with gazetteer matches: join split names, add missed ones, keep longer model names. */
function reconcile(words: string[], ix: DocIndex, spans: Candidate[]): Candidate[] {
  const gz = gazetteer();
  const tokSpan = new Int32Array(words.length).fill(-1);
  spans.forEach((c, k) => {
    for (let i = c.s; i < c.e; i++) tokSpan[i] = k;
  });
  const added: Candidate[] = [];
  for (const [a, b] of ix.sentenceRanges) {
    for (let i = a; i < b; ) {
      const m = gz.match(words, i, b);
      if (!m) {
        i++;
        continue;
      }
      const gs = i;
      const ge = i + m.length;
      i = ge;
      const ov = new Set<number>();
      for (let k = gs; k < ge; k++) if (tokSpan[k]! >= 0) ov.add(tokSpan[k]!);
      if (ov.size === 0) {
        if (!m.entry.ambiguous)
          added.push({ s: gs, e: ge, conll: null, gaz: m.entry, innerAffiliation: null, dead: false });
        continue;
      }
      const over = [...ov].map((k) => spans[k]!);
      const inside = over.every((c) => c.s >= gs && c.e <= ge);
      if (inside) {
        // The model split or clipped a known name ("United Nations" + "Security Council").
        const first = over[0]!;
        for (const c of over) c.dead = c !== first;
        first.s = gs;
        first.e = ge;
        if (!(first.conll === 'PER' && isHonorific(words[gs - 1] ?? '') && m.entry.kind !== 'org')) first.gaz = m.entry;
        continue;
      }
      if (over.length === 1) {
        const c = over[0]!;
        if (gs >= c.s && ge <= c.e && gs === c.s && m.entry.kind !== 'org') {
          if (c.conll === 'PER' && m.entry.kind !== 'capital') {
            // "South Korean President Park Min-jun" tagged as one person: split the affiliation off.
            added.push({ s: gs, e: ge, conll: null, gaz: m.entry, innerAffiliation: null, dead: false });
            c.s = ge;
          } else if (c.conll === 'ORG' || c.conll === 'MISC') {
            c.innerAffiliation = m.entry.actorKey;
          }
        }
      }
    }
  }
  const all = spans.filter((c) => !c.dead && c.e > c.s).concat(added);
  all.sort((x, y) => x.s - y.s);
  return all;
}

function textOf(doc: Doc, s: number, e: number): string {
  return doc.text.slice(doc.tokens[s]!.start, doc.tokens[e - 1]!.end);
}

function mention(
  doc: Doc,
  s: number,
  e: number,
  type: EntityType,
  actorKey: string | null,
  canonical: string | null,
): EntityMention {
  const start = doc.tokens[s]!.start;
  const end = doc.tokens[e - 1]!.end;
  return {
    start,
    end,
    text: doc.text.slice(start, end),
    type,
    actorKey,
    canonical,
    role: null,
    affiliation: null,
    metonym: false,
  };
}

/** A token starting with a lower-case letter. */
/** For each sentence, true when it lies in a paragraph the segmenter marked as a subhead. */
function subheadSentences(doc: Doc): boolean[] {
  const out: boolean[] = new Array<boolean>(doc.sentences.length).fill(false);
  let p = 0;
  const paras = doc.paragraphs;
  doc.sentences.forEach((sent, i) => {
    while (p < paras.length && paras[p]!.end <= sent.start) p++;
    const para = paras[p];
    if (para && para.kind === 'subhead' && para.start <= sent.start) out[i] = true;
  });
  return out;
}

/** "Busan-based", "UN-brokered": a name turned into an adjective. */
function isHyphenatedAdjective(w: string): boolean {
  const dash = w.lastIndexOf('-');
  if (dash <= 0) return false;
  const tail = w.slice(dash + 1);
  return ADJECTIVE_SUFFIXES.has(tail.toLowerCase()) || (startsLowerCase(tail) && /(?:ed|ing)$/.test(tail));
}

/** Weekday names as written in a sentence: one ends a name ("Smith Monday" is not a name). */
const WEEKDAYS: ReadonlySet<string> = new Set(WEEKDAY_NAMES.map(capitalize));
const EDGE_PUNCT: ReadonlySet<string> = new Set([
  '-',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '"',
  '“',
  '”',
  "'",
  '‘',
  '’',
  '(',
  ')',
]);
const TRAILING_CLITICS: ReadonlySet<string> = new Set(["'s", '’s', "n't"]);

/**
 * Document-level consistency: a one-word name the model typed ORG, LOC or MISC that is the surname of a person
 * named in full in the article ("Xi Jinping … Xi said") is that person.
 */
function surnamesAsPersons(made: Built[]): Built[] {
  const surnames = new Set<string>();
  for (const b of made) {
    if (!b.name || b.name.length < 2) continue;
    surnames.add(b.name[b.name.length - 1]!);
    if (familyFirst(b.name)) surnames.add(b.name[0]!);
  }
  for (const b of made) {
    const m = b.mention;
    if (b.gaz || b.name || b.e - b.s !== 1 || m.type === 'PERSON' || !surnames.has(m.text)) continue;
    Object.assign(m, { type: 'PERSON', actorKey: null, canonical: null, affiliation: null });
    b.name = [m.text];
  }
  return made;
}

/**
 * Drop pairings of two people written as one word ("the Trump-Kim summit"): an unknown one-token name whose two
 * halves are both words of person names in the article. The two people are mentioned on their own; the pairing is
 * no actor.
 */
function withoutPairings(made: Built[]): Built[] {
  const nameWords = new Set<string>();
  for (const b of made) if (b.name) for (const w of b.name) nameWords.add(w);
  return made.filter((b) => {
    if (b.gaz || b.e - b.s !== 1) return true;
    const pair = hyphenatedPair(b.mention.text);
    return !(pair && nameWords.has(pair[0]) && nameWords.has(pair[1]));
  });
}

function buildMention(
  doc: Doc,
  ix: DocIndex,
  words: string[],
  c: Candidate,
  sentence: number,
  surnames: ReadonlySet<string>,
): Built | null {
  let { s, e } = c;
  // Leading punctuation or a function word never belongs to a name.
  while (s < e && (EDGE_PUNCT.has(words[s]!) || (e - s > 1 && LEADING_NON_NAME_WORDS.has(words[s]!.toLowerCase()))))
    s++;
  const [lo, hi] = ix.sentenceTokens(sentence);
  if (s === lo && e - s > 1 && OPENING_PREPOSITIONS.has(words[s]!.toLowerCase())) s++;
  // A name ends at a comma, a clitic, or a lower-case word that is not a connector ("of", "de").
  const connectors = c.conll === 'PER' && !c.gaz ? PERSON_PARTICLES : NAME_CONNECTORS;
  for (let k = s + 1; k < e; k++) {
    const w = words[k]!;
    if (w === ',' || w === ';' || w === '(' || w.toLowerCase() === "n't") {
      e = k;
      break;
    }
    if ((startsLowerCase(w) && !connectors.has(w)) || WEEKDAYS.has(w)) {
      e = k;
      break;
    }
  }
  while (
    e > s &&
    (EDGE_PUNCT.has(words[e - 1]!) || TRAILING_CLITICS.has(words[e - 1]!) || NAME_CONNECTORS.has(words[e - 1]!))
  )
    e--;
  // A name turned into an adjective opens no longer name ("the Geneva-based Council for Harbour Safety").
  while (e - s > 1 && isHyphenatedAdjective(words[s]!)) s++;
  if (e <= s) return null;
  // The last word of a title with an "of" phrase of its own ("Chief of Staff", "Secretary of State") is no part of
  // the name after it: "Chief of Staff Kelly" names Kelly, a person.
  const titled = e - s > 1 && s - 2 >= lo && words[s - 1] === 'of' && isTitleWithOf(words[s - 2]!, words[s]!);
  if (titled) s++;
  if (e - s === 1 && (NON_NAME_WORDS.has(words[s]!.toLowerCase()) || isHyphenatedAdjective(words[s]!))) return null;
  const gz = gazetteer();
  const isPlace = (a: number, z: number): boolean => {
    const m = gz.match(words, a, z);
    return m !== null && m.length === z - a && m.entry.kind !== 'org' && m.entry.kind !== 'demonym';
  };
  // A time-zone label, whether the model took in "Time" ("Singapore Time") or stopped before it.
  if (isTimeZoneLabel(words, s, e, isPlace)) return null;
  if ((words[e] === 'Time' || words[e] === 'time') && isTimeZoneLabel(words, s, e + 1, isPlace)) return null;
  if (isPairingModifier(words, s, e)) return null;
  if (words[e + 1] === 'Time' && isTimeZoneLabel(words, s, e + 2, isPlace) && /^\p{Lu}/u.test(words[e]!)) return null;
  if (
    !c.gaz &&
    (isTitleBeforeName(words, s, e, hi) ||
      (isTitleAlone(words, s, e) && !(e - s === 1 && surnames.has(words[s]!.toLowerCase()))) ||
      isPostNominal(words, s, e) ||
      isPartyState(words, s, e) ||
      isNumberedLabel(words, s, e))
  )
    return null;
  const text = textOf(doc, s, e);
  const g = titled ? null : c.gaz;
  const base = { s, e, sentence, gaz: g, name: null, innerRole: null };
  const honorific = isHonorific(words[s - 1] ?? '');
  if (
    g &&
    !(c.conll === 'PER' && (honorific || g.kind === 'country' || g.kind === 'capital') && (honorific || e - s > 1))
  ) {
    if (isJunkMentionText(text) && g.kind !== 'org') return null;
    switch (g.kind) {
      case 'country':
        return { ...base, mention: mention(doc, s, e, 'GPE', g.actorKey, g.canonical) };
      case 'org': {
        const m = mention(doc, s, e, 'ORG', g.actorKey, g.canonical);
        if (g.iso3) m.affiliation = `country:${g.iso3}`;
        return { ...base, mention: m };
      }
      case 'demonym': {
        const m = mention(doc, s, e, 'NORP', g.actorKey, g.canonical);
        m.affiliation = g.actorKey;
        return { ...base, mention: m };
      }
      case 'capital':
      case 'seat':
        // Place or actor is decided by the metonymy pass; start as a place.
        return { ...base, mention: mention(doc, s, e, g.kind === 'seat' ? 'LOC' : 'GPE', g.placeKey, g.placeName) };
    }
  }
  if (isJunkMentionText(text)) return null;
  if (shoutedWords(words, s, e)) return null;
  // Works, firms and buildings named after people or places ("the Gorbenko aviation plant", "Ilse Brandt Arena").
  const fac = c.gaz || c.conll === 'ORG' ? null : facilityName(words, s, e, hi, c.conll === 'LOC');
  if (fac) {
    const ft = textOf(doc, s, fac.end);
    const key = `${fac.type === 'ORG' ? 'org' : 'loc'}:${nameKey(ft)}`;
    return { ...base, e: fac.end, mention: mention(doc, s, fac.end, fac.type, key, ft) };
  }
  // An honorific opens a person's name whatever the model called it ("Ms Muñoz" tagged ORG), and so does a title
  // of two or more words ("Air Marshal Ketut Wirawan" tagged ORG).
  let conll =
    titled || (e - s > 1 && isHonorific(words[s]!)) || (!c.gaz && c.conll !== 'PER' && opensWithTitle(words, s, e))
      ? 'PER'
      : c.conll;
  // A geographic feature named by its noun is a place ("Gulf of Mexico" tagged ORG, "Gulf Coast" tagged MISC).
  if (conll !== 'LOC' && !c.gaz && isFeatureName(words, s, e)) conll = 'LOC';
  // A name right after a person's title is that person ("spokesman Zhao" tagged ORG), and so is the name of an
  // office holder the Phoenix dictionaries list ("Xi Jinping" tagged ORG).
  if (
    (conll === 'ORG' || conll === 'MISC' || conll === 'LOC') &&
    !c.gaz &&
    (namedAfterTitle(words, s, e, lo) || (e - s > 1 && officeHolderCode(personKeyName(words.slice(s, e))) !== null))
  )
    conll = 'PER';
  // A "person" in apposition with a region or followed by "province" is the place ("Kamchatka, a … region").
  if (conll === 'PER' && !c.gaz && isPlaceByContext(words, e, hi)) conll = 'LOC';
  switch (conll) {
    case 'PER': {
      // Peel titles the model swallowed ("President Moon", "Mr. Moon").
      let ns = s;
      for (;;) {
        while (ns < e && (isHonorific(words[ns]!) || (isRoleWord(words[ns]!) && ns + 1 < e))) ns++;
        // A title of two words whose first is no role word of its own ("Air Marshal", "Prime Minister").
        const re = roleAfter(words, ns, e);
        if (re <= ns || re >= e) break;
        ns = re;
      }
      if (ns >= e) return null;
      const name = words.slice(ns, e);
      if (!name.some((w) => isCapitalized(w))) return null;
      const m = mention(doc, ns, e, 'PERSON', null, null);
      return { ...base, s: ns, mention: m, name, innerRole: ns > s && !isHonorific(words[ns - 1]!) ? [s, ns] : null };
    }
    case 'ORG': {
      const m = mention(doc, s, e, 'ORG', `org:${nameKey(text)}`, text);
      m.affiliation = c.innerAffiliation;
      return { ...base, mention: m };
    }
    case 'LOC': {
      const last = words[e - 1]!.toLowerCase();
      const first = words[s]!.toLowerCase();
      const type: EntityType =
        GEO_FEATURE_WORDS.has(last) ||
        first === 'mount' ||
        first === 'lake' ||
        first === 'cape' ||
        isFeatureName(words, s, e)
          ? 'LOC'
          : 'GPE';
      return { ...base, mention: mention(doc, s, e, type, `loc:${nameKey(text)}`, text) };
    }
    case 'MISC':
      return { ...base, mention: mention(doc, s, e, 'MISC', `misc:${nameKey(text)}`, text) };
    default:
      return null;
  }
}

/** True when "<head> of <tail>" is a title of its own ("Chief of Staff", "Secretary of State"). */
function isTitleWithOf(head: string, tail: string): boolean {
  return isCapitalized(head) && ROLE_SECTORS.has(`${head.toLowerCase()} of ${tail.toLowerCase()}`);
}

/** A short capitalized name (not an acronym) written right after a title: "spokesman Zhao", "Colonel Ivanov". */
function namedAfterTitle(words: string[], s: number, e: number, lo: number): boolean {
  if (e - s > 3 || isAllCaps(words[s]!)) return false;
  for (let k = s; k < e; k++) if (!isCapitalized(words[k]!)) return false;
  if (roleBefore(words, s, lo) >= 0) return true;
  // In apposition after the title: "a spokesman, Brel, said", "the minister, Ott."
  const closes = words[e] === ',' || words[e] === '.' || words[e] === undefined;
  return words[s - 1] === ',' && closes && roleBefore(words, s - 1, lo) >= 0;
}

/**
 * All-caps emphasis rather than an acronym: an all-caps span next to another all-caps word ("A DOCK-FIRE
 * alarm", "TWO FERRIES HAVE SUNK"), as leads and shouted quotes are written.
 */
function shoutedWords(words: string[], s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (!isAllCaps(words[k]!)) return false;
  const capsWord = (w: string | undefined): boolean =>
    w !== undefined && w.length >= 2 && isAllCaps(w) && /^\p{Lu}+$/u.test(w);
  let before = words[s - 1];
  if (before === '-') before = words[s - 2];
  let after = words[e];
  if (after === '-') after = words[e + 1];
  return capsWord(before) || capsWord(after);
}

/** "the North" / "the South" stand for the two Koreas in an article that names either. */
function koreanContext({ doc, ix, words, built, tokEnt }: Context, junk: boolean[], add: (b: Built) => void): void {
  const triggers = KOREAN_CONTEXT.triggers.map((t) => `country:${t}`);
  if (!built.some((b) => b.mention.actorKey !== null && triggers.includes(b.mention.actorKey))) return;
  const gz = gazetteer();
  for (const [a, b] of ix.sentenceRanges) {
    for (let i = a + 1; i < b; i++) {
      const w = words[i]!;
      if (w !== 'North' && w !== 'South') continue;
      if (words[i - 1]!.toLowerCase() !== 'the') continue;
      const next = words[i + 1];
      if (i + 1 < b && next !== undefined && (isCapitalized(next) || next === '-')) continue; // "the North Atlantic"
      const sentence = doc.tokens[i]!.sentence;
      if (junk[sentence]) continue;
      const iso = w === 'North' ? KOREAN_CONTEXT.north : KOREAN_CONTEXT.south;
      const actor = gz.country(iso);
      const k = tokEnt[i]!;
      if (k >= 0) {
        // The model tagged the bare word ("North" as LOC): re-read it as the country.
        const other = built[k]!;
        if (other.s !== i || other.e !== i + 1 || other.gaz) continue;
        Object.assign(other.mention, {
          type: 'GPE',
          actorKey: `country:${iso}`,
          canonical: actor?.canonical ?? iso,
          affiliation: null,
        });
        continue;
      }
      add({
        s: i,
        e: i + 1,
        sentence,
        gaz: null,
        name: null,
        innerRole: null,
        mention: mention(doc, i, i + 1, 'GPE', `country:${iso}`, actor?.canonical ?? iso),
      });
    }
  }
}

/** "Korea Institute for National Unification (KINU)": the acronym names the same actor in this article. */
function acronyms({ doc, words, built, tokEnt }: Context, add: (b: Built) => void): void {
  const defs = new Map<string, Built>();
  for (const b of built) {
    if (b.mention.type !== 'ORG' && b.mention.type !== 'MISC') continue;
    const acro = words[b.e + 1];
    if (words[b.e] !== '(' || words[b.e + 2] !== ')' || acro === undefined) continue;
    if (!/^\p{Lu}[\p{Lu}\d&-]{1,9}$/u.test(acro) || !initialsFit(acro, words.slice(b.s, b.e))) continue;
    if (!defs.has(acro)) defs.set(acro, b);
  }
  if (defs.size === 0) return;
  for (let i = 0; i < words.length; i++) {
    const def = defs.get(words[i]!);
    if (!def) continue;
    const k = tokEnt[i]!;
    if (k >= 0) {
      const other = built[k]!;
      if (other.s === i && other.e === i + 1 && other.gaz === null) {
        other.mention.type = def.mention.type;
        other.mention.actorKey = def.mention.actorKey;
        other.mention.canonical = def.mention.canonical;
        other.mention.affiliation = def.mention.affiliation;
      }
      continue;
    }
    const sentence = doc.tokens[i]!.sentence;
    const m = mention(doc, i, i + 1, def.mention.type, def.mention.actorKey, def.mention.canonical);
    m.affiliation = def.mention.affiliation;
    add({ s: i, e: i + 1, sentence, gaz: null, name: null, innerRole: null, mention: m });
  }
}

function initialsFit(acro: string, name: string[]): boolean {
  const initials = name.filter((w) => isCapitalized(w)).map((w) => w[0]!.toUpperCase());
  const letters = acro.replace(/[^\p{Lu}]/gu, '');
  // Every letter of the acronym appears, in order, among the capitalized words' initials.
  let j = 0;
  for (const c of initials) if (c === letters[j]) j++;
  return j === letters.length;
}

/** Capitals and seats of government: actor (metonym, the country) or place (the city)? */
function metonymy({ ix, words, built, tokEnt }: Context): void {
  const acting = new Map<Built, boolean>();
  for (const b of built) {
    const g = b.gaz;
    if (!g || (g.kind !== 'capital' && g.kind !== 'seat')) continue;
    const [lo, hi] = ix.sentenceTokens(b.sentence);
    acting.set(b, actsAsActor(words, b.s, b.e, lo, hi, g.kind === 'seat'));
  }
  // Coordination: the names of a coordination whose first name is a place by its preposition are places ("Hotels in
  // London and Paris are ready": the verb after the last name does not make them act).
  const leftConjunct = (b: Built): Built | undefined =>
    words[b.s - 1] === 'and' || words[b.s - 1] === ',' ? built[tokEnt[b.s - 2] ?? -1] : undefined;
  for (const b of [...acting.keys()]) {
    const chain = [b];
    for (let l = leftConjunct(b); l && acting.has(l) && !chain.includes(l); l = leftConjunct(l)) chain.push(l);
    const first = chain[chain.length - 1]!;
    if (chain.length < 2 || acting.get(first)) continue;
    if (placedByPreposition(words, first.s, ix.sentenceTokens(first.sentence)[0]))
      for (const c of chain) acting.set(c, false);
  }
  // Coordination: "Washington and Beijing agreed" — a place-looking capital joined to an acting one acts too.
  for (let round = 0; round < 2; round++) {
    for (const [b, act] of acting) {
      if (act) continue;
      const right = words[b.e] === 'and' || words[b.e] === ',' ? built[tokEnt[b.e + 1] ?? -1] : undefined;
      const left = words[b.s - 1] === 'and' || words[b.s - 1] === ',' ? built[tokEnt[b.s - 2] ?? -1] : undefined;
      if ((right && acting.get(right)) || (left && acting.get(left))) acting.set(b, true);
    }
  }
  for (const [b, act] of acting) if (act) makeMetonym(b);
}

function makeMetonym(b: Built): void {
  const g = b.gaz!;
  const m = b.mention;
  m.type = 'GPE';
  m.actorKey = g.actorKey;
  m.canonical = g.canonical;
  m.metonym = true;
  if (g.iso3 && g.sector && !m.role) m.code = g.iso3 + g.sector;
}

/** The actor key an affiliating mention stands for (a capital or seat named with a role acts for its country). */
function affiliationOf(b: Built | undefined): string | null {
  if (!b) return null;
  const m = b.mention;
  if (m.type === 'PERSON' || m.type === 'MISC') return null;
  if (b.gaz && (b.gaz.kind === 'capital' || b.gaz.kind === 'seat')) {
    if (!m.metonym) makeMetonym(b);
    return b.gaz.actorKey;
  }
  if (m.type === 'LOC') return null;
  return m.actorKey;
}

/** Entity ending right before token `end` ("France" in "France's", "Elysee" in "Elysee spokesman"). */
function entityEndingAt(
  words: string[],
  built: Built[],
  tokEnt: Int32Array,
  end: number,
  lo: number,
): Built | undefined {
  let j = end - 1;
  if (j >= lo && (words[j] === "'s" || words[j] === '’s')) j--;
  if (j < lo) return undefined;
  const k = tokEnt[j]!;
  if (k < 0) return undefined;
  const b = built[k]!;
  return b.e === j + 1 ? b : undefined;
}

/** Roles and affiliations written beside person names. */
function personRoles({ doc, ix, words, built, tokEnt }: Context): void {
  for (const b of built) {
    if (b.mention.type !== 'PERSON') continue;
    const [lo, hi] = ix.sentenceTokens(b.sentence);
    const m = b.mention;
    let roleS = -1;
    let roleE = -1;
    let end = b.s;
    if (end - 1 >= lo && isHonorific(words[end - 1]!)) end--;
    const written = roleWithOf(words, built, tokEnt, end, lo);
    let ofAff: Built | undefined;
    if (written) {
      [roleS, roleE] = [written.s, end];
      ofAff = written.of >= 0 ? built[written.of] : undefined;
    } else if (b.innerRole) [roleS, roleE] = b.innerRole;
    else if (words[end - 1] === ',' && (words[b.e] === ',' || words[b.e] === '.' || b.e >= hi)) {
      // A role in apposition before the name: "the president's spokesman, Jaan Tamm, said …", "the President of
      // Ruritania, Ana Vidal, …" (the "of" phrase is the affiliation, as before a name without the commas).
      const ap = roleWithOf(words, built, tokEnt, end - 1, lo);
      if (ap) {
        [roleS, roleE] = [ap.s, end - 1];
        ofAff = ap.of >= 0 ? built[ap.of] : undefined;
      }
    }
    if (roleS >= 0) {
      m.role = textOf(doc, roleS, roleE);
      let aff = affiliationOf(ofAff) ?? affiliationOf(entityEndingAt(words, built, tokEnt, roleS, lo));
      if (!aff && words[roleE] === 'of') aff = affiliationOf(built[tokEnt[roleE + 1] ?? -1]);
      // "President Ivo Sarr of Ruritania": the "of" phrase after the name is the title's.
      if (!aff && words[b.e] === 'of') aff = affiliationOf(built[tokEnt[b.e + 1] ?? -1]);
      if (aff) m.affiliation = aff;
      continue;
    }
    // A country's possessive before the name ("Ruritania's Ivo Sarr") is the person's affiliation.
    if (!m.affiliation && (words[end - 1] === "'s" || words[end - 1] === '’s')) {
      const a = affiliationOf(entityEndingAt(words, built, tokEnt, end, lo));
      if (a?.startsWith('country:')) m.affiliation = a;
    }
    // Appositive: "Gabriel Attal, the Elysee spokesman," / "Moon Jae-in, South Korea's president,".
    if (words[b.e] !== ',') continue;
    let j = b.e + 1;
    if (j < hi && DETERMINERS.has(words[j]!.toLowerCase())) j++;
    let aff: string | null = null;
    const k = tokEnt[j] ?? -1;
    if (j < hi && k >= 0 && built[k]!.s === j) {
      aff = affiliationOf(built[k]);
      j = built[k]!.e;
      if (words[j] === "'s" || words[j] === '’s') j++;
    }
    const re = roleAfter(words, j, hi);
    if (re < 0) continue;
    m.role = textOf(doc, j, re);
    if (!aff && words[re] === 'of') aff = affiliationOf(built[tokEnt[re + 1] ?? -1]);
    if (!aff && (words[re] === 'of' || words[re] === 'at') && words[re + 1] === 'the')
      aff = affiliationOf(built[tokEnt[re + 2] ?? -1]);
    if (aff) m.affiliation = aff;
  }
}

/**
 * The role written before token `end`: role words ("former Foreign Minister"), or a role with an "of" phrase of
 * capitalized words ("Chief of the General Staff", "leader of Hamas"). `of` is the mention covering exactly the
 * words after "of" (the role's affiliation), or -1.
 */
function roleWithOf(
  words: string[],
  built: Built[],
  tokEnt: Int32Array,
  end: number,
  lo: number,
): { s: number; of: number } | null {
  const rs = roleBefore(words, end, lo);
  if (rs >= 0) return { s: rs, of: -1 };
  let k = end - 1;
  while (k >= lo && end - k <= 4 && isCapitalized(words[k]!)) k--;
  const first = k + 1;
  if (first === end) return null;
  if (k >= lo && words[k] === 'the') k--;
  if (k < lo || words[k] !== 'of') return null;
  const hs = roleBefore(words, k, lo);
  if (hs < 0) return null;
  const ent = tokEnt[first]!;
  const whole = ent >= 0 && built[ent]!.s === first && built[ent]!.e === end;
  return { s: hs, of: whole ? ent : -1 };
}

/** Country and NORP mentions followed by a group noun ("Russian troops", "China's military"): role = that noun. */
function groupNouns({ ix, words, built, tokEnt }: Context): void {
  // The title of a named person ("North Korean leader Kim Jong Un") is that person's role, not a group's.
  const beforePerson = (k: number): boolean => built[tokEnt[k] ?? -1]?.mention.type === 'PERSON';
  for (const b of built) {
    const m = b.mention;
    if (!(m.type === 'NORP' || (m.type === 'GPE' && m.actorKey?.startsWith('country:')))) continue;
    if (m.role) continue;
    const hi = ix.sentenceTokens(b.sentence)[1];
    let j = b.e;
    if (words[j] === "'s" || words[j] === '’s') j++;
    if (j >= hi) continue;
    const one = words[j]!.toLowerCase();
    const two = j + 1 < hi ? `${one} ${words[j + 1]!.toLowerCase()}` : '';
    if (two && GROUP_SECTORS.has(two) && !beforePerson(j + 2)) m.role = two;
    else if (GROUP_SECTORS.has(one) && /^\p{Ll}/u.test(words[j]!) && !beforePerson(j + 1)) m.role = one;
  }
}

/**
 * A person the Phoenix dictionaries list as an office holder gets their code when the text gives no role with
 * a sector ("Vladimir Putin" alone → RUSGOV), and the code's country as affiliation when the text gives none.
 */
function officeHolder(m: EntityMention): void {
  const key = m.actorKey?.startsWith('person:') ? m.actorKey.slice(7) : null;
  const code = key ? officeHolderCode(key) : null;
  if (!code) return;
  const own = gazetteer().country(code.slice(0, 3)) ? `country:${code.slice(0, 3)}` : null;
  // The text's own affiliation wins over the dictionaries' (a namesake, or an office changed since).
  if (m.affiliation && m.affiliation !== own) return;
  if (own) m.affiliation = own;
  if (!roleSector(m.role)) m.code = code;
}

/** Within-article coreference of person names; role and affiliation shared across a person's mentions. */
function linkPersons(built: Built[]): void {
  const persons: PersonMention[] = [];
  built.forEach((b, index) => {
    if (b.mention.type === 'PERSON' && b.name)
      persons.push({ index, name: b.name, position: b.s, surface: b.mention.text });
  });
  if (persons.length === 0) return;
  const clusters = clusterPersons(persons);
  const seen = new Set<object>();
  for (const c of clusters.values()) {
    if (seen.has(c)) continue;
    seen.add(c);
    let role: string | null = null;
    let aff: string | null = null;
    const members = [...c.members].sort((x, y) => built[x]!.s - built[y]!.s);
    for (const i of members) {
      const m = built[i]!.mention;
      role ??= m.role ?? null;
      aff ??= m.affiliation ?? null;
    }
    for (const i of members) {
      const m = built[i]!.mention;
      m.actorKey = `person:${c.key}`;
      m.canonical = c.canonical;
      if (!m.role && role) m.role = role;
      if (!m.affiliation && aff) m.affiliation = aff;
    }
  }
}
