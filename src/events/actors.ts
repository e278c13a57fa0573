import type { Doc, DocIndex, EntityMention } from '../model/index.js';
import { CAPITALIZED_ROLES, HONORIFICS, ROLE_MODIFIERS, ROLE_SECTORS } from '../language/data/roles.js';
import { triggerLexicon } from './lexicon.js';
import {
  AUXILIARIES,
  DETERMINERS,
  GROUP_COUNTS,
  GROUP_NOUNS,
  LOCATIVE,
  MEDIA_SECTORS,
  MILITARY_ASSETS,
  POSSESSIVES,
  PREPOSITIONS,
  REPORTING,
  SUBJECT_PRONOUNS,
} from './data/words.js';

/** Verbs an expletive "it" is the subject of: "be", "seem", "remain", "take" ("it took weeks to …"). */
const EXPLETIVE_VERBS =
  /^(is|was|'s|’s|has|had|have|been|be|will|would|may|might|could|seems|seemed|appears|appeared|remains|remained|takes|took|taken)$/;
/**
 * Predicates of an extraposed clause or a cleft: "it is the first time …", "it remains unclear whether …". Not the
 * raising adjectives ("it is likely to cut", "certain to"), whose "it" is a real subject, nor participles ("it has
 * reported losses").
 */
const EXTRAPOSED =
  /^(time|times|unclear|clear|possible|impossible|important|necessary|true|hard|easy|difficult|uncertain|obvious|evident|doubtful|unknown|weeks|days|months|years|hours)$/;
/** Words that may stand between the verb and that predicate ("it is not yet clear", "it is the first time"). */
const EXTRAPOSED_GAP =
  /^(been|be|not|n't|yet|still|now|also|so|very|too|far|the|a|first|last|second|only|more|less|seven|two|three|four|five|six|several|many|few)$/;

/**
 * An expletive "it" (English extraposition and clefts: "it was only the second time a robot of that kind was used",
 * "it remains unclear whether …", "it took weeks to …") refers to nothing: it is no actor, and no antecedent stands
 * behind it.
 */
function expletiveIt(words: readonly string[], i: number, end: number): boolean {
  if (words[i] !== 'it') return false;
  // "it's" may come as "it" "'s" or as "it" "'" "s".
  const split = /^['’]$/.test(words[i + 1] ?? '') && words[i + 2] === 's';
  if (!split && !EXPLETIVE_VERBS.test(words[i + 1] ?? '')) return false;
  const from = split ? i + 3 : i + 2;
  for (let k = from; k < Math.min(end, from + 4); k++) {
    const w = words[k]!;
    if (EXTRAPOSED.test(w)) return true;
    if (!EXTRAPOSED_GAP.test(w)) return false;
  }
  return false;
}

/** Something in a sentence that can fill an event role: a named actor, a group noun, a pronoun or a place. */
export interface ActorCandidate {
  /** Token range, end-exclusive. */
  ts: number;
  te: number;
  start: number;
  end: number;
  name: string;
  code: string;
  actorKey: string | null;
  kind: 'actor' | 'place' | 'pronoun';
  /** A place name that may also stand as the target of an event done there ("a curfew in Belmar"). */
  placeName: string | null;
  media: boolean;
  person: boolean;
}

/** What the coder reads: the doc, and its index for sentence bounds, lower-case words and entity per token. */
export interface EventContext {
  doc: Doc;
  ix: DocIndex;
}

function isCountryKey(key: string | null | undefined): boolean {
  return !!key && key.startsWith('country:');
}

/** Nouns of place that take a name in apposition through "of" ("the city of X", "the island of Y"). */
const PLACE_OF_HEADS = /^(city|town|village|port|island|province|region|district|county|enclave|harbour|harbor)$/;

const ARTICLES = /^(the|a|an)$/;

/** Whether the words before token `i` make a name a place ("in central Iraq", "at the port of X"). */
function locativeBefore(words: readonly string[], i: number, s0: number): boolean {
  // "near the southern city of Brask", "from the port of Kellhaven": a name in apposition to a noun of place through
  // "of" is that place when the whole phrase is the object of a locative preposition, however many words the phrase
  // has. As a subject or object ("the port of X was shelled", "accused the town of X of …") the town is what the act
  // is done to or by (CAMEO codes a place that undergoes or does the act as a party), so the phrase decides nothing.
  if (words[i - 1] === 'of' && PLACE_OF_HEADS.test(words[i - 2] ?? '')) {
    let j = i - 3;
    while (j > i - 6 && j > s0 && /^[a-z][a-z-]*$/.test(words[j]!) && !ARTICLES.test(words[j]!)) j--;
    if (ARTICLES.test(words[j] ?? '') && j - 1 >= s0 && LOCATIVE.has(words[j - 1]!)) return true;
  }
  for (let j = i - 1, n = 0; j >= s0 && n < 3; j--, n++) {
    const w = words[j]!;
    if (LOCATIVE.has(w)) return true;
    if (
      w === 'the' ||
      /^(north|south|east|west|central|northern|southern|eastern|western|north-west|north-east|south-west|south-east|northwestern|northeastern|southwestern|southeastern|occupied|capital|city|town|of)$/.test(
        w,
      )
    )
      continue;
    return false;
  }
  return false;
}

/** The longest group noun (one or two words) starting at token i, if any. */
/** First words of two-word group nouns, so most tokens need one map look-up. */
const TWO_WORD_FIRSTS: ReadonlySet<string> = new Set(
  [...GROUP_NOUNS.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!),
);

function groupNounAt(words: readonly string[], i: number, limit: number): { len: number; sector: string } | null {
  if (i + 1 < limit && TWO_WORD_FIRSTS.has(words[i]!)) {
    const two = GROUP_NOUNS.get(`${words[i]} ${words[i + 1]}`);
    if (two !== undefined) return { len: 2, sector: two };
  }
  const one = GROUP_NOUNS.get(words[i]!);
  return one !== undefined ? { len: 1, sector: one } : null;
}

/** Nouns after a name that make it a place ("the Chilean border", "the Peruvian port of Callao"). */
const PLACE_HEADS =
  /^(border|borders|coast|waters|region|province|city|town|village|capital|territory|frontier|side|enclave|airspace)$/;

/** Counts and quantifiers ("two", "dozens", "all"). */
const NUMBER_WORDS: ReadonlySet<string> = new Set([...GROUP_COUNTS, 'several', 'many', 'some', 'all', 'both']);

/** Names of water and terrain: always places. */
const WATER = /\b(Sea|Ocean|Strait|Straits|Gulf|Bay|River|Lake|Channel|Waters|Mountains|Peninsula)\b/;

/** Group nouns that name one person ("the minister", "the army chief"). */
export const INDIVIDUAL_ROLES: ReadonlySet<string> = new Set([
  'president',
  'minister',
  'leader',
  'king',
  'premier',
  'envoy',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'commander',
  'chief',
  'judge',
  'official',
  'head',
  'officer',
  'director',
  'governor',
  'mayor',
  'admiral',
  'manager',
  'coach',
]);

/** Role words that follow a group noun and make it one person ("navy chief", "army commander"). */
const ROLE_TAILS: ReadonlySet<string> = new Set([
  'chief',
  'commander',
  'head',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'minister',
  'chairman',
  'leader',
  'secretary',
]);

function roleTail(words: readonly string[], k: number, s1: number): number {
  if (k < s1 && ROLE_TAILS.has(words[k]!)) return k + 1;
  // "chief medical officer": a role head after a modifier or two.
  for (let m = k; m < Math.min(s1, k + 2) && isModifier(words[m]!); m++) {
    if (m + 1 < s1 && INDIVIDUAL_ROLES.has(words[m + 1]!) && GROUP_NOUNS.has(words[m + 1]!)) return m + 2;
  }
  // "government officials", "security forces": a second group noun heads the phrase.
  if (k < s1 && GROUP_NOUNS.has(words[k]!) && /s$/.test(words[k]!)) return k + 1;
  return k;
}

/** Modifier words allowed between a nationality and its group noun ("Israeli riot police", "Serb armed forces"). */
export function isModifier(w: string): boolean {
  return (
    /^[a-z][a-z-]*$/.test(w) &&
    !PREPOSITIONS.has(w) &&
    w.length > 2 &&
    !/(ed|ing)$/.test(w) &&
    ![
      'and',
      'the',
      'has',
      'have',
      'had',
      'was',
      'were',
      'are',
      'will',
      'would',
      'its',
      'their',
      'who',
      'which',
      'that',
      'not',
    ].includes(w)
  );
}

function withSector(code: string, sector: string): string {
  if (!sector) return code;
  if (/^[A-Z]{3}$/.test(code)) return code + sector;
  return code || sector;
}

function entityCode(e: EntityMention): string {
  if (e.code) return e.code;
  if (isCountryKey(e.actorKey)) return e.actorKey!.slice(8);
  return '';
}

/**
 * Nouns for things and activities that a group noun modifies as an attribute ("military equipment", "police
 * custody", "army exercises"): the compound names the thing, not the group as an actor.
 */
const ATTRIBUTIVE_HEADS: ReadonlySet<string> = new Set([
  'equipment',
  'hardware',
  'exercise',
  'exercises',
  'drill',
  'drills',
  'aid',
  'assistance',
  'support',
  'operation',
  'operations',
  'campaign',
  'intervention',
  'presence',
  'spending',
  'budget',
  'base',
  'bases',
  'facility',
  'facilities',
  'installations',
  'custody',
  'station',
  'stations',
  'vehicle',
  'vehicles',
  'uniform',
  'uniforms',
  'cooperation',
  'ties',
  'action',
  'power',
  'capability',
  'capabilities',
]);

/** Words that make "party" a gathering (general English: a social party), not a political party. */
const SOCIAL_PARTY =
  /^(christmas|birthday|dinner|office|holiday|house|garden|tea|cocktail|wedding|engagement|farewell|welcome|launch|street|block|pool|dance|costume|surprise|retirement|graduation|halloween|bachelor|bachelorette|slumber|pajama|pyjama|dinner|lunch|beach|fraternity|frat|watch|search|rescue|boarding|hunting|landing|working|victory)$/;

/**
 * "military" + a common noun with no determiner or owner before it: the adjective. The next word is a noun when it
 * is a lower-case word that is no function word, no group noun (which would head an actor: "military leaders"), no
 * verb of the lexicons or of saying, no auxiliary and no -ed form.
 */
function adjectivalMilitary(words: readonly string[], i: number, s1: number): boolean {
  const prev = words[i - 1] ?? '';
  if (DETERMINERS.has(prev) || POSSESSIVES.has(prev) || prev === "'s" || prev === "'") return false;
  const next = words[i + 1] ?? '';
  if (i + 1 >= s1 || !/^[a-z][a-z-]+$/.test(next) || /ed$/.test(next)) return false;
  if (PREPOSITIONS.has(next) || GROUP_NOUNS.has(next) || REPORTING.has(next) || AUXILIARIES.has(next)) return false;
  if (MILITARY_ASSETS.has(next)) return false;
  if (/^(and|or|but|nor|that|which|who|is|are|was|were|has|have|had|will|would|to|not)$/.test(next)) return false;
  return !triggerLexicon()
    .byFirst.get(next)
    ?.some((t) => t.verb);
}

/** The actor candidates of sentence [s0, s1), in text order. */
export function sentenceActors(view: EventContext, s0: number, s1: number): ActorCandidate[] {
  const { doc, ix } = view;
  const words = ix.lower;
  const entityOf = ix.entityOf;
  const out: ActorCandidate[] = [];
  const tok = doc.tokens;
  let title = -1;
  for (let i = s0; i < s1; ) {
    const ei = entityOf[i]!;
    if (ei >= 0) {
      let j = i;
      while (j < s1 && entityOf[j] === ei) j++;
      const e = doc.entities[ei]!;
      const c = entityCandidate(view, e, i, j, s0, s1);
      if (c && title >= 0) {
        c.ts = title;
        c.start = tok[title]!.start;
      }
      title = -1;
      if (c) out.push(c);
      i = c ? Math.max(c.te, j) : j;
      continue;
    }
    const g = groupNounAt(words, i, s1);
    // "President Anna Berg": a title before a name belongs to the name.
    if (
      g &&
      entityOf[i + g.len] !== undefined &&
      entityOf[i + g.len]! >= 0 &&
      doc.entities[entityOf[i + g.len]!]!.type === 'PERSON'
    ) {
      title = i;
      i += g.len;
      continue;
    }
    // "military equipment", "police custody": a group noun modifying a thing is no actor.
    if (g && g.len === 1 && ATTRIBUTIVE_HEADS.has(words[i + 1] ?? '')) {
      i++;
      continue;
    }
    // "military transits", "over military matters": "military" is an adjective, a noun only as the head of its own
    // phrase ("the military", "Chile's military", "military said"); with no determiner or owner before it and a
    // common noun after it, it modifies that noun and names no actor.
    if (g && g.len === 1 && words[i] === 'military' && adjectivalMilitary(words, i, s1)) {
      i++;
      continue;
    }
    // "a staff summer party", "a birthday party": a party that is a social gathering is no political group.
    if (g && g.len === 1 && /^part(y|ies)$/.test(words[i]!) && SOCIAL_PARTY.test(words[i - 1] ?? '')) {
      i++;
      continue;
    }
    if (g) {
      const te = roleTail(words, i + g.len, s1);
      out.push({
        ts: i,
        te,
        start: tok[i]!.start,
        end: tok[te - 1]!.end,
        name: doc.text.slice(tok[i]!.start, tok[te - 1]!.end),
        code: g.sector,
        actorKey: null,
        kind: 'actor',
        placeName: null,
        media: MEDIA_SECTORS.has(g.sector),
        person: te > i + g.len || INDIVIDUAL_ROLES.has(words[te - 1]!),
      });
      i = te;
      continue;
    }
    if (SUBJECT_PRONOUNS.has(words[i]!) && tok[i]!.text !== 'IT' && !expletiveIt(words, i, s1)) {
      out.push({
        ts: i,
        te: i + 1,
        start: tok[i]!.start,
        end: tok[i]!.end,
        name: tok[i]!.text,
        code: '',
        actorKey: null,
        kind: 'pronoun',
        placeName: null,
        media: false,
        person: words[i] === 'he' || words[i] === 'she',
      });
    }
    i++;
  }
  return titledPersons(view, mergeGroupOf(view, out));
}

/** Every word of the title lexicon: roles ("prime minister"), their modifiers ("foreign", "deputy"), honorifics. */
const TITLE_WORDS: ReadonlySet<string> = new Set([
  ...[...ROLE_SECTORS.keys()].flatMap((r) => r.split(' ')),
  ...ROLE_MODIFIERS,
  ...HONORIFICS,
  ...CAPITALIZED_ROLES,
]);

/** A capitalized word of the title lexicon ("President", "Foreign", "Gen."), or "of" ("Minister of Defence"). */
function isTitleWord(text: string): boolean {
  if (text === 'of') return true;
  if (!/^\p{Lu}[\p{L}.-]*$/u.test(text)) return false;
  const l = text.toLowerCase();
  return TITLE_WORDS.has(l) || TITLE_WORDS.has(l.replace(/\.$/, ''));
}

/**
 * "Chilean Prime Minister Ivo Brandt", "Dutch Foreign Minister Lena Voss": a state (and the title its name
 * opens) written right before a person's name is that person's affiliation, not a second actor. The person, whose
 * code the language stage already gives that state, stands for the whole phrase.
 */
function titledPersons(view: EventContext, cands: ActorCandidate[]): ActorCandidate[] {
  const tok = view.doc.tokens;
  let out: ActorCandidate[] | null = null;
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1]!;
    if (a.kind !== 'actor' || !isCountryKey(a.actorKey) || b.kind !== 'actor' || !b.person) continue;
    if (!b.actorKey?.startsWith('person:') || !b.code.startsWith(a.code.slice(0, 3))) continue;
    if (b.ts - a.te > 4) continue;
    let title = true;
    for (let k = a.te; k < b.ts; k++) if (!isTitleWord(tok[k]!.text)) title = false;
    if (!title) continue;
    out ??= [...cands];
    const merged = { ...b, ts: a.ts, start: a.start };
    out[out.indexOf(a)] = merged;
    out.splice(out.indexOf(b), 1);
    i++;
  }
  return out ?? cands;
}

/** What follows a dateline's place name: a colon, a spaced dash ("US-China" is no dateline), or the bracketed agency. */
const DATELINE_AFTER = /^(:|\s+[-—–]|\s*\([A-Za-z ]{2,12}\)\s*[-—–:])/;

function entityCandidate(
  view: EventContext,
  e: EntityMention,
  ts: number,
  te: number,
  s0: number,
  s1: number,
): ActorCandidate | null {
  const { doc } = view;
  const words = view.ix.lower;
  const tok = doc.tokens;
  const name = e.canonical ?? e.text;
  if (e.type === 'MISC') return null;
  // "-LRB-", "-RRB-": bracket escapes of treebank-tokenized text, never a name.
  if (/^-?[LR][RSC]B-?$/.test(e.text)) return null;
  // "LYON:", "BEIRUT (AFP) -": a dateline names where the report was filed, not who acted.
  if (
    ts === s0 &&
    /[A-Z]{2}/.test(e.text) &&
    e.text === e.text.toUpperCase() &&
    DATELINE_AFTER.test(doc.text.slice(e.end, e.end + 20))
  )
    return null;
  // A place name is a location after "in/at/near…" and for geographic features; otherwise, like "Moscow
  // denied", it names the polity acting.
  if (
    e.type === 'LOC' ||
    (e.type === 'GPE' && !e.metonym && locativeBefore(words, ts, s0)) ||
    (te < s1 && PLACE_HEADS.test(words[te]!)) ||
    WATER.test(e.text)
  ) {
    return {
      ts,
      te,
      start: e.start,
      end: e.end,
      name,
      code: entityCode(e),
      actorKey: e.actorKey,
      kind: 'place',
      placeName: name,
      media: false,
      person: false,
    };
  }
  let code = entityCode(e);
  let end = e.end;
  let last = te;
  let tailed = false;
  // "Israeli riot police", "Iraq's interim government": the group noun after the name is part of the actor.
  let k = te;
  const possessive = k < s1 && (words[k] === "'s" || words[k] === "'");
  if (possessive) k++;
  for (let n = 0; k < s1 && n < 3; n++) {
    const g = groupNounAt(words, k, s1);
    if (g && g.len === 1 && /^part(y|ies)$/.test(words[k]!) && SOCIAL_PARTY.test(words[k - 1]!)) break;
    if (g) {
      last = roleTail(words, k + g.len, s1);
      tailed = last > k + g.len;
      end = tok[last - 1]!.end;
      code = withSector(code, g.sector);
      break;
    }
    // Modifiers only ("riot", and "armed" after a possessive), never a verb: "Veskaria sent four warships".
    const w = words[k]!;
    const modifier = isModifier(w)
      ? !triggerLexicon()
          .byFirst.get(w)
          ?.some((t) => t.verb) && !NUMBER_WORDS.has(w)
      : possessive && /^[a-z]+ed$/.test(w);
    if (!modifier || view.ix.entityOf[k]! >= 0) break;
    k++;
  }
  return {
    ts,
    te: last,
    start: e.start,
    end,
    name,
    code,
    actorKey: e.actorKey,
    kind: 'actor',
    placeName: e.type === 'GPE' ? name : null,
    media: code.endsWith('MED') || /media|agency|news|radio|television|newspaper/i.test(e.text),
    person: e.type === 'PERSON' || tailed,
  };
}

/** "Leaders of the opposition coalition", "supporters of X": a group noun with "of"/"from" + actor is that actor. */
function mergeGroupOf(view: EventContext, cands: ActorCandidate[]): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!;
    let b = cands[i + 1];
    // "the mayor of Nablus", "the governor of the province": one person's office in a place is that person.
    const office = b?.kind === 'place' && a.person && !WATER.test(b.name);
    if (
      b &&
      a.kind === 'actor' &&
      a.actorKey === null &&
      (office || (b.kind === 'actor' && (b.actorKey !== null || a.person)))
    ) {
      const w = view.ix.lower;
      let k = a.te;
      if (w[k] === 'of' || (w[k] === 'from' && !office)) {
        k++;
        while (
          k < b.ts &&
          (w[k] === 'the' ||
            w[k] === "'s" ||
            isModifier(w[k]!) ||
            (a.person && w[k] === 'of' && PLACE_HEADS.test(w[k - 1]!)))
        )
          k++;
        if (k === b.ts) {
          // "the mayor of the West Bank city of Nablus": the office's place runs on through "city/province of X".
          let last = b;
          while (a.person) {
            const c = cands[i + 2];
            const h = last.te;
            if (!c || !PLACE_HEADS.test(w[h] ?? '') || w[h + 1] !== 'of' || c.ts !== h + 2) break;
            last = c;
            i++;
          }
          if (last !== b) b = { ...b, te: last.te, end: last.end };
          // "the head of the country's navy" is one person; "leaders of the coalition" stand for the coalition.
          out.push(
            a.person
              ? {
                  ...a,
                  te: b.te,
                  end: b.end,
                  name: view.doc.text.slice(a.start, b.end),
                  code: b.actorKey ? withSector(b.code, a.code) : a.code,
                }
              : { ...b, ts: a.ts, start: a.start, code: withSector(b.code, /^[A-Z]{3}$/.test(b.code) ? a.code : '') },
          );
          i++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}
