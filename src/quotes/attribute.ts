import {
  AUTHORED_WORKS,
  CUE_STANCE,
  NOUN_LIKE_CUES,
  NP_OPENERS,
  SPEAKING_NOUNS,
  STATEMENT_NOUNS,
  WEAK_CUES,
} from './data/cues.js';
import {
  accordingSource,
  canSpeak,
  isRelativeSubject,
  phraseFrom,
  possessorSubject,
  sentenceSubject,
  subjectBefore,
  type TokenRange,
} from './phrases.js';
import type { QuoteContext } from './context.js';

/**
 * Who said a quote: the speech cue next to it and the speaker phrase that cue attaches to. Rules, in order:
 * the attribution after the quote ("“…,” he said", "“…,” said Smith", "“…” — Smith"), then the one before
 * it in its sentence ("Smith said: “…”", "called the ruling “a disgrace”", "according to X, “…”"),
 * including "X was quoted as saying" and "the paper quoted X as saying" (speaker X).
 */
export interface Attribution {
  cue: TokenRange | null;
  speaker: TokenRange | null;
  /**
   * The speaker comes from a construction whose reading English grammar fixes, so the learned ranker keeps it:
   * "X quoted Y as saying" (Y, the object "quote" takes as the one who said it) and "Y was quoted as saying" (its
   * passive subject); "X's claim that" / "his claim that" (the possessor owns the statement noun); a speech verb
   * and its subject written next to each other, the nearest verb with a subject on its side of the quote ("the engineer
   * replied, “…”", "“…,” Smith said", "“…,” said Smith": the quote is that verb's complement, the adjacent phrase
   * its subject). Only ever set with a speaker: a construction whose speaker was not found ("the paper quoted him as
   * saying", where no phrase is read off "him") fixes nothing, and readers of `sure` take the speaker as given.
   */
  sure?: boolean;
}

/** Stances of verbs whose object is their target ("criticized X", "threatened X"). */
const TARGETING: ReadonlySet<string> = new Set(['accuses', 'threatens']);
/** Forms of "tell", whose object is the addressee. */
const TELLING: ReadonlySet<string> = new Set(['tell', 'tells', 'told', 'telling']);
/** Possessive pronouns that own a statement noun ("his claim that …"). */
const POSSESSIVE_OWNERS = new Set(['his', 'her', 'their', 'its']);
/** Prepositions that introduce a participle cue whose speaker is the sentence's subject. */
const PARTICIPLE_INTRO = new Set(['by', 'after', 'before', 'while', 'when', 'for', 'in', 'without']);
const COORDINATORS = new Set(['and', 'but', 'yet']);
const DASHES = new Set(['—', '–', '―', '-', '--']);
/** Within a sentence, only a semicolon separates a quote from another clause's cue. */
const SENTENCE_PUNCT = new Set([';']);
/** How far a weak cue ("called", "described") may sit from the quote it introduces. */
const WEAK_REACH = 12;
/** How far after a quote its attribution may start. */
const AFTER_REACH = 25;

/**
 * A speech verb outside quotes and outside names ("the United States" does not "state"). A cue form that is as often
 * a noun is none after a determiner ("the state dinner", "his claims").
 */
export function isCue(v: QuoteContext, i: number): boolean {
  return (
    v.quoteOf[i] === -1 &&
    v.ix.entityOf[i] === -1 &&
    CUE_STANCE.has(v.ix.lower[i]!) &&
    !passive(v, i) &&
    !(NOUN_LIKE_CUES.has(v.ix.lower[i]!) && NP_OPENERS.has(v.ix.lower[i - 1] ?? ''))
  );
}

/** Forms of "be" that make a past participle after them passive. */
const PASSIVE_BE: ReadonlySet<string> = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were', 'am']);

/**
 * A speech verb in the passive ("who has been charged with fraud", "she was told", "it was announced"): its
 * grammatical subject is the one spoken to or about, never the speaker, so it is no cue of its subject's. A form of
 * "be" before a past participle, over adverbs in -ly ("was widely criticized"); "is saying" is no passive.
 */
function passive(v: QuoteContext, i: number): boolean {
  const w = v.ix.lower[i]!;
  if (w.endsWith('ing') || w.endsWith('s')) return false;
  let k = i - 1;
  while (k >= 0 && k >= i - 3 && /^\p{L}+ly$/u.test(v.ix.lower[k]!)) k--;
  return k >= 0 && PASSIVE_BE.has(v.ix.lower[k]!) && v.doc.tokens[k]!.sentence === v.doc.tokens[i]!.sentence;
}

/** "quoted as saying": the cue spans "quoted … as saying"; the speaker is the subject of a passive or the object. */
function quotedAsSaying(v: QuoteContext, c: number, lo: number, hi: number): Attribution | null {
  if (v.ix.lower[c] !== 'saying' || v.ix.lower[c - 1] !== 'as') return null;
  for (let k = c - 2; k >= lo && c - k <= 12; k--) {
    if (v.ix.lower[k] !== 'quoted') continue;
    if (k === c - 2) {
      // "X was quoted as saying"
      let s = k - 1;
      while (
        s >= lo &&
        (v.ix.lower[s] === 'was' ||
          v.ix.lower[s] === 'were' ||
          v.ix.lower[s] === 'been' ||
          v.ix.lower[s] === 'has' ||
          v.ix.lower[s] === 'had')
      )
        s--;
      const subject = subjectBefore(v, s + 1, lo);
      return { cue: [k, c + 1], speaker: subject, sure: subject !== null };
    }
    // "the newspaper quoted the coach as saying"
    const obj = phraseFrom(v, k + 1, Math.min(hi, c - 1));
    return { cue: [k, c + 1], speaker: obj, sure: obj !== null };
  }
  return null;
}

function isPronoun(v: QuoteContext, r: TokenRange): boolean {
  return r[1] - r[0] === 1 && /^(?:he|she|they|it|i|we)$/.test(v.ix.lower[r[0]]!);
}

/** A pronoun, or a phrase ending in a named person, organization or country. */
function namesActor(v: QuoteContext, r: TokenRange): boolean {
  if (r[1] - r[0] === 1 && (/^(?:he|she|they|it|i|we)$/.test(v.ix.lower[r[0]]!) || isRelativeSubject(v, r[0])))
    return true;
  const e = v.ix.entityOf[r[1] - 1]!;
  if (e >= 0 && ['PERSON', 'ORG', 'GPE'].includes(v.doc.entities[e]!.type)) return true;
  // "the letter reads", "The River Post reports"
  const head = v.doc.tokens[r[1] - 1]!.text;
  const h = head.toLowerCase();
  return SPEAKING_NOUNS.has(h) || AUTHORED_WORKS.has(h) || (v.ix.lower[r[0]] === 'the' && /^\p{Lu}/u.test(head));
}

/** "as a Dorva ministry memo put it": the cue is "put it", the speaker what stands between "as" and it. */
function asPutIt(v: QuoteContext, c: number, lo: number): Attribution | null {
  if (v.ix.lower[c] !== 'put' || v.ix.lower[c + 1] !== 'it' || c <= lo) return null;
  const who = subjectBefore(v, c, lo);
  return who && v.ix.lower[who[0] - 1] === 'as' && canSpeak(v, who) ? { cue: [c, c + 2], speaker: who } : null;
}

/** A pronoun other than "it", or a phrase ending in a named person or organization. */
function namesPersonOrPronoun(v: QuoteContext, r: TokenRange): boolean {
  if (isPronoun(v, r) && v.ix.lower[r[0]] !== 'it') return true;
  const e = v.ix.entityOf[r[1] - 1]!;
  return e >= 0 && (v.doc.entities[e]!.type === 'PERSON' || v.doc.entities[e]!.type === 'ORG');
}

function speaking(v: QuoteContext, r: TokenRange | null): TokenRange | null {
  return r && canSpeak(v, r) ? r : null;
}

/**
 * Works that carry their issuer's words: what "a statement saying …" says, its issuer says. A noun that names a
 * survey's findings or someone else's reporting (report, poll, study, article) is left out: who "released a poll
 * showing" is not who answered it.
 */
const ISSUED_WORKS: ReadonlySet<string> = new Set([
  'statement',
  'statements',
  'release',
  'letter',
  'letters',
  'memo',
  'email',
  'e-mail',
  'message',
  'note',
  'tweet',
  'tweets',
  'post',
  'communique',
  'communiqué',
  'ad',
  'advertisement',
  'video',
  'notice',
  'appeal',
  'petition',
]);

/**
 * Verbs whose subject issues, sends or publishes the work that is their object ("issued a statement", "put out a
 * statement", "sent a letter", "ran an ad"). Not verbs of getting one ("received", "obtained", "found"): whoever
 * receives a letter saying something did not say it.
 */
const ISSUING_VERBS: ReadonlySet<string> = new Set([
  'issued',
  'issues',
  'issue',
  'released',
  'releases',
  'release',
  'put',
  'puts',
  'sent',
  'sends',
  'send',
  'posted',
  'posts',
  'published',
  'publishes',
  'wrote',
  'writes',
  'signed',
  'signs',
  'filed',
  'files',
  'made',
  'makes',
  'delivered',
  'emailed',
  'tweeted',
  'circulated',
  'drafted',
  'penned',
  'gave',
  'distributed',
  'shared',
  'unveiled',
  'launched',
  'ran',
  'runs',
  'aired',
  'airs',
]);

/**
 * "The ministry issued a statement saying …", "she put out a statement Tuesday calling …": a participle cue after a
 * work its sentence's subject issues reports the issuer's words. The work is the object of an issuing verb (with
 * "out" after "put"/"sent"), and the issuer is that verb's subject when it can speak. Null otherwise.
 */
function issuerOf(v: QuoteContext, work: TokenRange, lo: number): TokenRange | null {
  if (!ISSUED_WORKS.has(v.ix.lower[work[1] - 1]!)) return null;
  let verb = work[0] - 1;
  if (v.ix.lower[verb] === 'out') verb--;
  if (verb <= lo || !ISSUING_VERBS.has(v.ix.lower[verb]!) || v.quoteOf[verb] !== -1) return null;
  const issuer = subjectBefore(v, verb, lo);
  return issuer && canSpeak(v, issuer) ? issuer : null;
}

/**
 * The speaker a cue at token `c` attaches to: its subject, else (when `inverted`) the phrase after it
 * ("said Smith", "was written by Smith").
 */
function fromCue(v: QuoteContext, c: number, lo: number, hi: number, inverted: boolean): Attribution {
  const quoted = quotedAsSaying(v, c, lo, hi);
  if (quoted) {
    const speaker = speaking(v, quoted.speaker);
    return { cue: quoted.cue, speaker, sure: speaker !== null };
  }
  // "Berg spoke in Portavel, Dorva, arguing that …": a participle cue speaks for the sentence's subject.
  // "… replied by saying her delay …", "opened by saying she would “always” …": so does one after a preposition.
  // So does one right after the quote it reports ("a defense of “Portavel customs,” saying the town …").
  const participle = v.ix.lower[c]!.endsWith('ing');
  if (
    participle &&
    (v.ix.lower[c - 1] === ',' || PARTICIPLE_INTRO.has(v.ix.lower[c - 1] ?? '') || v.quoteOf[c - 1] !== -1)
  ) {
    const from = v.quoteOf[c - 1] !== -1 ? v.ix.sentLo[c]! : Math.max(lo, v.ix.sentLo[c]!);
    const head = sentenceSubject(v, from, c);
    if (head) return { cue: [c, c + 1], speaker: head };
  }
  const subject = speaking(v, subjectBefore(v, c, lo));
  if (participle && subject) {
    const issuer = issuerOf(v, subject, lo);
    if (issuer) return { cue: [c, c + 1], speaker: issuer, sure: true };
  }
  if (NOUN_LIKE_CUES.has(v.ix.lower[c]!)) {
    // "Sarr's financial state is …", "Unionist claims": a noun, unless a pronoun or a named actor does it.
    return { cue: [c, c + 1], speaker: subject && namesActor(v, subject) ? subject : null };
  }
  if (subject) return { cue: [c, c + 1], speaker: subject };
  // Only a finite verb is inverted ("said Smith"); what follows a participle is what was said ("saying the city …").
  if (!inverted || participle) return { cue: [c, c + 1], speaker: null };
  let j = c + 1;
  if (v.ix.lower[j] === 'by') j++;
  const after = phraseFrom(v, j, hi);
  // "“…,” said the 46-year-old": right after a quote, whoever follows the cue is the speaker.
  if (after && j === c + 1 && c <= lo + 1 && v.ix.lower[after[0]] !== 'that')
    return { cue: [c, c + 1], speaker: after };
  // Further on, a verb that takes the one it is aimed at as its object ("criticized Holm", "told reporters")
  // is no inversion: what follows it is the target or the addressee.
  if (TARGETING.has(CUE_STANCE.get(v.ix.lower[c]!) ?? '') || TELLING.has(v.ix.lower[c]!))
    return { cue: [c, c + 1], speaker: null };
  return { cue: [c, c + 1], speaker: speaking(v, after) };
}

/** Most words in a signature after a dash ("― Christina N. Luis"). */
const SIGNATURE_WORDS = 5;

/**
 * A name signing a quote after a dash: capitalized words (initials allowed) running to the end of the paragraph
 * or of the line, with at most a closing full stop.
 */
function signatureName(v: QuoteContext, from: number, hi: number): TokenRange | null {
  let k = from;
  while (k < hi && /^\p{Lu}[\p{L}'’-]*\.?$/u.test(v.doc.tokens[k]!.text) && k - from < SIGNATURE_WORDS) k++;
  if (k === from || v.ix.lower[from] === 'the') return null;
  let end = k;
  if (end < hi && v.ix.lower[end] === '.') end++;
  // A line break ends a signature too ("“…” ― Ana Ruiz⏎“…” ― Ivo Sarr", one reply a line).
  const tokens = v.doc.tokens;
  const lineEnd = end < tokens.length && v.doc.text.slice(tokens[end - 1]!.end, tokens[end]!.start).includes('\n');
  if (lineEnd) return [from, k];
  if (end !== hi) return null;
  const next = tokens[hi];
  if (next && v.paragraphOf[hi] === v.paragraphOf[from]) return null;
  return [from, k];
}

/** The attribution written after a quote, up to `hi` (end of its sentence or the next quote). */
export function attributeAfter(v: QuoteContext, qe: number, hi: number): Attribution | null {
  let j = qe;
  if (j < hi && v.ix.lower[j] === ',') j++;
  if (j < hi && DASHES.has(v.ix.lower[j]!) && j + 1 < hi) {
    const who = phraseFrom(v, j + 1, hi);
    if (who && v.ix.entityOf[j + 1] !== -1) return { cue: [j, j + 1], speaker: who };
    // "“…” ― Ana Ruiz" closing its paragraph: a signature, whether or not the name was recognized.
    const signed = signatureName(v, j + 1, hi);
    if (signed) return { cue: [j, j + 1], speaker: signed };
  }
  if (j < hi && v.ix.lower[j] === '(') return null;
  let cueOnly: Attribution | null = null;
  // "“…,” Hannity started." — a name and one verb closing the sentence.
  const e = v.ix.entityOf[j] ?? -1;
  if (e >= 0 && v.doc.entities[e]!.type === 'PERSON') {
    let k = j;
    while (k < hi && v.ix.entityOf[k] === e) k++;
    if (
      k + 1 < hi + 1 &&
      /^\p{Ll}+$/u.test(v.doc.tokens[k]?.text ?? '') &&
      (k + 1 === hi || /^[.!?]$/.test(v.ix.lower[k + 1]!))
    ) {
      return { cue: [k, k + 1], speaker: [j, k] };
    }
  }
  for (let c = j; c < hi && c - qe <= AFTER_REACH; c++) {
    if (v.quoteOf[c] !== -1 || SENTENCE_PUNCT.has(v.ix.lower[c]!)) break;
    if (v.ix.lower[c] === 'according' && v.ix.lower[c + 1] === 'to')
      return { cue: [c, c + 2], speaker: accordingSource(v, c + 2, hi) };
    // "“…,” per the party's bylaws": "per" right after a quote means "according to" (not "per day").
    if (
      c === j &&
      v.ix.lower[c] === 'per' &&
      (NP_OPENERS.has(v.ix.lower[c + 1] ?? '') || v.ix.entityOf[c + 1] !== -1)
    ) {
      const who = phraseFrom(v, c + 1, hi);
      if (who) return { cue: [c, c + 1], speaker: who };
    }
    const asPut = asPutIt(v, c, j);
    if (asPut) return asPut;
    if (!isCue(v, c)) continue;
    // "The site claimed “…” and concluded his remarks were …": a verb joined to the clause that holds the
    // quote shares that clause's subject; nothing after it is an inverted speaker.
    if (c > j && COORDINATORS.has(v.ix.lower[c - 1]!)) {
      const subject = subjectOfQuoteClause(v, qe);
      if (subject) return { cue: [c, c + 1], speaker: subject };
      cueOnly ??= { cue: [c, c + 1], speaker: null };
      continue;
    }
    const a = fromCue(v, c, j, hi, true);
    if (a.speaker) {
      // "“…,” Smith said" / "“…,” said Smith": the verb right after the quote with its subject next to it.
      const [s0, s1] = a.speaker;
      return (s0 === j && s1 === c) || (c === j && s0 === c + 1) ? { ...a, sure: true } : a;
    }
    cueOnly ??= a;
  }
  return cueOnly;
}

/** The subject of the sentence before the quote ending at token `qe`, when it can speak. */
function subjectOfQuoteClause(v: QuoteContext, qe: number): TokenRange | null {
  const q = v.quoteOf[qe - 1]!;
  let qa = qe - 1;
  while (qa - 1 >= 0 && v.quoteOf[qa - 1] === q) qa--;
  const lo = v.ix.sentLo[qa]!;
  if (qa <= lo) return null;
  const subject = sentenceSubject(v, lo, qa);
  return subject && canSpeak(v, subject) ? subject : null;
}

/**
 * "“Does anybody know?” Graham asked." — when the quote ends its sentence, a short next sentence made only
 * of a speaker and a cue (and a time or place) attributes it.
 */
export function attributeNextSentence(v: QuoteContext, qe: number): Attribution | null {
  const lo = qe;
  if (lo >= v.doc.tokens.length || v.ix.sentLo[lo] !== lo || v.quoteOf[lo] !== -1) return null;
  if (v.paragraphOf[lo] !== v.paragraphOf[qe - 1]) return null;
  const hi = v.ix.sentHi[lo]!;
  for (let c = lo; c < hi && c - lo <= 8; c++) {
    if (v.quoteOf[c] !== -1) return null;
    if (!isCue(v, c)) continue;
    if (hi - c > 8 || v.ix.lower.slice(c, hi).some((w) => w === 'that' || w === ',')) return null;
    const a = fromCue(v, c, lo, hi, true);
    return a.speaker && a.speaker[0] === lo ? a : null;
  }
  return null;
}

/** A comma and a coordinating conjunction between tokens `a` and `b`: a new clause starts there. */
function coordinatedBetween(v: QuoteContext, a: number, b: number): boolean {
  for (let k = a; k + 1 < b; k++) if (v.ix.lower[k] === ',' && COORDINATORS.has(v.ix.lower[k + 1]!)) return true;
  return false;
}

/** The attribution written before a quote in its sentence, from `lo` up to the quote's first token `qa`. */
export function attributeBefore(v: QuoteContext, qa: number, lo: number): Attribution | null {
  let cueOnly: Attribution | null = null;
  let found: Attribution | null = null;
  for (let c = qa - 1; c >= lo; c--) {
    if (v.quoteOf[c] !== -1) break;
    if (v.ix.lower[c] === 'according' && v.ix.lower[c + 1] === 'to') {
      const who = accordingSource(v, c + 2, qa);
      if (who) return { cue: [c, c + 2], speaker: who };
    }
    // "Ivo Sarr's claim that there have been “hundreds of break-ins”"
    if (
      STATEMENT_NOUNS.has(v.ix.lower[c]!) &&
      v.ix.lower[c + 1] === 'that' &&
      /^['’]s$/.test(v.ix.lower[c - 1] ?? '')
    ) {
      const owner = subjectBefore(v, c - 1, lo);
      if (owner && canSpeak(v, owner)) return { cue: [c, c + 1], speaker: owner, sure: true };
    }
    // "Unlike her claim that the fees would “fall soon”": the possessive pronoun owns the statement; "The minister
    // repeated his claim that …": a pronoun that agrees with the subject of its own clause stands for it.
    if (
      STATEMENT_NOUNS.has(v.ix.lower[c]!) &&
      v.ix.lower[c + 1] === 'that' &&
      c - 1 >= lo &&
      POSSESSIVE_OWNERS.has(v.ix.lower[c - 1]!)
    )
      return { cue: [c, c + 1], speaker: possessorSubject(v, c - 1, lo) ?? [c - 1, c], sure: true };
    const asPut = asPutIt(v, c, lo);
    if (asPut) return asPut;
    if (!isCue(v, c)) continue;
    if (WEAK_CUES.has(v.ix.lower[c]!) && qa - c > WEAK_REACH && v.ix.lower[c + 1] !== 'that') continue;
    // "The ad concludes with a clip of …": "conclude/continue with" is "end/go on with", no speech.
    if (v.ix.lower[c + 1] === 'with' && /^(?:conclud|continu)/.test(v.ix.lower[c]!)) continue;
    // "said Smith: “…”" — an inverted speaker only right before the quote.
    const a = fromCue(v, c, lo, qa, false);
    if (!a.speaker) {
      const after = phraseFrom(v, c + 1, qa);
      if (after && after[1] === qa - 1 && /^[:,]$/.test(v.ix.lower[qa - 1]!) && canSpeak(v, after))
        return { cue: [c, c + 1], speaker: after };
      cueOnly ??= a;
      continue;
    }
    if (found === null) {
      // The speech verb nearest the quote, its subject right before it ("the engineer replied, “…”").
      found = a.speaker![1] === c ? { ...a, sure: true } : a;
      // "X said he thought …", "She says Sarr's posts accusing Y are “lies”": an inner speech verb sits in
      // the report of an outer one; keep looking for the main clause's speaker.
      if (a.speaker![0] > lo) {
        c = a.speaker![0];
        continue;
      }
      return a;
    }
    // A clause joined with ", and" / ", but" is no report of the outer cue ("She said …, and when asked, the
    // engineer replied, “…”"): its own speaker stands.
    if (coordinatedBetween(v, a.cue![1], found.speaker![0])) return found;
    // The outer report wins when its speaker opens the sentence or the inner one is only a pronoun.
    if (a.speaker![0] === lo || isPronoun(v, found.speaker!)) return a;
    // Inner speaker over outer report: a judgement, not grammar.
    return { cue: found.cue, speaker: found.speaker };
  }
  if (found) return found;
  // "Sarr openly admires Kask as a “firm hand”", "the site rated the claim as “false”": a label given with
  // "as" belongs to the sentence's subject, a person or an organization.
  let k = qa - 1;
  if (k >= lo && (v.ix.lower[k] === 'a' || v.ix.lower[k] === 'an' || v.ix.lower[k] === 'the')) k--;
  if (k > lo && v.ix.lower[k] === 'as') {
    const subject = sentenceSubject(v, lo, k);
    if (subject && namesPersonOrPronoun(v, subject)) return { cue: null, speaker: subject };
  }
  // Transcript style "HOLM: “…”" or "Smith: “…”" at the start of a sentence.
  if (qa - 1 >= lo && v.ix.lower[qa - 1] === ':' && cueOnly === null) {
    const name = qa - 2 >= lo ? v.ix.entityOf[qa - 2]! : -1;
    if (name >= 0) {
      let s = qa - 2;
      while (s - 1 >= lo && v.ix.entityOf[s - 1] === name) s--;
      if (s === lo) return { cue: [qa - 1, qa], speaker: [s, qa - 1] };
    }
  }
  return cueOnly;
}
