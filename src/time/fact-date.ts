import {
  docIndex,
  type DateValue,
  type Doc,
  type FactDate,
  type Sentence,
  type Span,
  type Timex,
} from '../model/index.js';
import { addDays, dayDiff, fmtDay, parsePartialDay, weekday, type Day } from './calendar.js';
import { calendarDate } from './date-of-span.js';
import { yearRangeStart } from './grammar.js';
import { intervalEnd } from './intervals.js';
import { PAST_CUES, SAME_FORM_PAST } from './data/lexicon.js';
import { SentenceTenses, type Tense } from './tense.js';

/**
 * The two dates of a fact (an event, a quote, a claim) written at `span`: when it happened or was said
 * (`date`, with where that came from) and when the article reported it (`reported`).
 *
 * 1. `sentence`: a time expression of the fact's own sentence, the nearest in its clause, adverbials
 *    ("on Friday", "last week", a bare "yesterday") before expressions inside noun phrases; a year that
 *    modifies the fact's own noun ("the 2003 invasion", "a 2031 survey that appeared") or the object of
 *    its preposition ("at a 2031 hearing") counts; bounds ("since 2011", "until May") never do.
 * 2. A fact told as background — past perfect ("had warned"), or placed by "earlier", "previously",
 *    "once", "later" against another event — has no date of its own: undated, never the article's day.
 * 3. `carried`: a past-tense fact of a sentence with no expression, right after a sentence that dated
 *    its news to another day ("On Sunday, X appeared on a talk show. He said …"), takes that day.
 * 4. `anchor`: news told in the reporting tense (past, present perfect, present) takes the article's
 *    anchor; a fact in the future tense with no date stays undated.
 *
 * `range` is set when the date is a span of days: a week ("last week": Monday to Sunday; "this week":
 * Monday up to the anchor), a weekend, an interval ("from Monday to Thursday"); `date` is then the month
 * (or year) that holds it.
 */
export function factDate(doc: Doc, span: Span): FactDate {
  const reported = reportedDate(doc);
  const sentence = sentenceOf(doc.sentences, span.start);
  if (!sentence) return { date: null, dateFrom: null, range: null, reported };
  const background = isBackground(doc, sentence, span);
  // The tense is read only when needed: most facts are decided before it is.
  let tense: Tense | undefined;
  const tenseNow = (): Tense => (tense === undefined ? (tense = tenseOfSpan(doc, sentence, span)) : tense);
  const own = expressionDate(doc, sentence, span, background, tenseNow);
  if (own === UNDATABLE) return { date: null, dateFrom: null, range: null, reported };
  if (own) return { ...own, dateFrom: 'sentence', reported };
  if (
    background ||
    definiteNoun(doc, sentence, span) ||
    relativeClausePast(doc, sentence, span, tenseNow) ||
    recordInfinitive(doc, sentence, span) ||
    reducedRelative(doc, sentence, span) ||
    sinceClause(doc, sentence, span, tenseNow) ||
    pastBound(doc, sentence, span, tenseNow)
  )
    return { date: null, dateFrom: null, range: null, reported };
  // The present perfect does not combine with a definite past time ("*has praised him on Sunday"): it tells of an
  // indefinite time up to now, so a day named in an earlier sentence is never carried to it.
  // A sentence that says a vague time of its own ("Just days ago, she went …", "recently") is not placed at the last
  // date the text named: nothing is carried to it.
  const carried =
    tenseNow() === 'past' && !presentPerfect(doc, sentence, span) && !ownVagueTime(doc, sentence)
      ? carriedDate(doc, sentence)
      : null;
  if (carried) return { ...carried, dateFrom: 'carried', reported };
  const anchor = doc.anchor ?? doc.published;
  if (tenseNow() !== 'future' && anchor && parsePartialDay(anchor.value)) {
    // Past the lead, a present perfect is not the day's news but what has happened up to now ("the envoy has
    // praised the plan", "the North has tested six bombs so far", "prices have risen since"): the text gives no day,
    // so it keeps the anchor's month. A passive one with no experiential marker ("troops have been deployed") is
    // resultative — the state it tells of holds now, news of the day like the lead's — and keeps the day.
    if (
      anchor.precision === 'day' &&
      !inLead(doc, sentence) &&
      presentPerfect(doc, sentence, span) &&
      (experientialPerfect(doc, sentence, span) || !passivePerfect(doc, sentence, span))
    )
      return {
        date: { value: anchor.value.slice(0, 7), precision: 'month' },
        dateFrom: 'anchor',
        range: null,
        reported,
      };
    return { date: { value: anchor.value, precision: anchor.precision }, dateFrom: 'anchor', range: null, reported };
  }
  return { date: null, dateFrom: null, range: null, reported };
}

/** A fact's date as the fields events, quotes and claims carry. */
export function factDateFields(
  doc: Doc,
  span: Span,
): Pick<FactDate, 'date' | 'dateFrom' | 'reported'> & { dateRange: FactDate['range'] } {
  const f = factDate(doc, span);
  return { date: f.date, dateFrom: f.dateFrom, dateRange: f.range, reported: f.reported };
}

/** The day the article reports from: its publication date, else its anchor. */
function reportedDate(doc: Doc): DateValue | null {
  const d = doc.published ?? doc.anchor;
  return d ? { value: d.value, precision: d.precision } : null;
}

function sentenceOf(sentences: readonly Sentence[], pos: number): Sentence | null {
  const s = sentences[firstEndingAfter(sentences, pos)];
  return s && s.start <= pos ? s : null;
}

/** A bound of a period ("since 2011", "until May", "since a 2019 agreement") is not when the event happened. */
const BOUNDING =
  /\b(?:since|until|till|before|after|by|from|through|to|between)\s+(?:(?:a|an|the|its|his|her|their|last|this)\s+)?$/i;
/** Adverbial position: after a preposition, a comma, or opening the sentence. */
const ADVERBIAL = /(?:\b(?:on|in|at|during|of|late|early|over|throughout)\s*|,\s*|^\s*)$/i;
/**
 * Deictic noun phrases are adverbials by themselves ("met last week", "said yesterday", "met Tuesday"), and so are
 * the anaphoric ones of narrative ("broke up two days later", "met the next day", "left the same night", "spoke that
 * morning", "arrived a week earlier"): English uses a noun phrase of time with "next", "following", "same",
 * "previous", "that", or a measure before "later", "earlier", "before", "after", "ago", as an adverbial with no
 * preposition.
 */
const DEICTIC =
  /^(?:(?:this|last|next|past|coming|previous|early|late|earlier|later)\b|(?:yesterday|today|tonight|tomorrow)\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:the\s+)?(?:next|following|same|previous|preceding|prior)\s+(?:day|morning|afternoon|evening|night|week|weekend|month|year)\b|that\s+(?:day|morning|afternoon|evening|night|week|weekend|month|year)\b)|\b(?:later|earlier|before|after|ago)$/i;
/** Expressions that name a time before the telling / after it, whatever the anchor. */
const PAST_DEICTIC = /^(?:yesterday|last\b|(?:the\s+)?(?:previous|past)\b|earlier\b)|\bago$/i;
const FUTURE_DEICTIC = /^(?:tomorrow|next\b|(?:the\s+)?coming\b|later\s+this\b)/i;
/** A determiner or possessive pronoun right before an expression: it premodifies a noun ("their Feb. 20 debate"). */
const DETERMINER_BEFORE = /\b(?:the|its|his|her|their|our|this|that)\s+$/i;
/** A determiner right before a year: the year modifies a noun ("the 2000 Olympics", "a 2019 agreement"). */
const MODIFIER = /(?:\b(?:a|an|the|its|his|her|their|this|that)\s+)$/i;
/**
 * A clause opened between the fact and a later expression: a relative pronoun or a wh-complementizer, in lower case
 * (a capitalized "WHO" or "Which?" is a name).
 */
const EMBEDDED_CLAUSE = /\b(?:that|which|who|whom|whose|where|how|why|whether)\b/gu;
/**
 * Words after "that" that open a clause: its subject (a determiner, a pronoun, a number) or, after a relative "that",
 * its verb (an auxiliary, a modal, "not").
 */
const CLAUSE_AFTER_THAT = new Set(
  (
    'the a an his her its their our my your this these those it he she they we you i there no some many most all ' +
    'both each every any one two three four five six seven eight nine ten several few is was were are be been has ' +
    'have had will would could should may might must can did does do not never also still only'
  ).split(' '),
);
/** Auxiliaries and modals: after "that" and a noun, a finite verb makes the noun a clause's subject. */
const AUXILIARY = new Set(
  'is was were are be has have had will would could should may might must can did does do'.split(' '),
);

/** Whether a word reads as a verb: a past, an -s present, an auxiliary or a modal. */
function verbLike(word: string): boolean {
  return AUXILIARY.has(word) || /(?:s|ed)$/.test(word) || (PAST_CUES.has(word) && !NOT_VERB.has(word));
}

/**
 * Whether `between` holds a relative or wh-clause opening. A lower-case "that" before a singular noun that no verb
 * follows is a determiner ("attacked that town again on Monday": English determiner "that" takes a singular or mass
 * noun, "those" a plural one); before a subject and its verb it is a complementizer ("said that police arrested").
 */
function embeddedClause(between: string): boolean {
  for (const m of between.matchAll(EMBEDDED_CLAUSE)) {
    if (m[0] !== 'that') return true;
    const words = /^\s+(\p{Ll}+)\b(?:\s+(\p{Ll}+)\b)?/u.exec(between.slice(m.index + 4));
    const next = words?.[1];
    if (next === undefined || CLAUSE_AFTER_THAT.has(next) || verbLike(next)) return true;
    if (words?.[2] !== undefined && verbLike(words[2])) return true;
  }
  return false;
}

/** Whether the fact is a finite verb form: an -ed or irregular past, a present in -s. */
function verbFact(doc: Doc, span: Span): boolean {
  const word = /^\p{L}+/u.exec(doc.text.slice(span.start, span.end))?.[0]?.toLowerCase() ?? '';
  return /\p{Ll}{2}ed$/u.test(word) || (PAST_CUES.has(word) && !NOT_VERB.has(word)) || SAME_FORM_PAST.has(word);
}

/** Between a year and its noun: a space, or the end of a year range first ("the 1950-53 war"). */
const YEAR_TO_NOUN = /^(?:\s*[-–]\s*\d{2,4})?\s+$/;
/** …after a preposition: the noun phrase places the fact ("spoke at a 2031 hearing"). */
const PLACING_MODIFIER = /\b(?:at|during|in|on|of)\s+(?:a|an|the|its|his|her|their)\s+$/i;
/** "'s" and up to two words before the noun: the expression is that noun's possessor. */
const POSSESSIVE_OF_NOUN = /^\s?['’]\s?s\s+(?:[\p{L}-]+\s+){0,2}$/u;
/** A reporting verb between an expression and the fact. */
const REPORTING_BETWEEN =
  /\b(?:said|says|say|told|tells|announced|announces|reported|added|stated|insisted|claimed)\b/i;
/**
 * A "when" clause right after the expression, holding the fact: ", when she warned"; an appositive set off by a
 * pair of commas inside it does not end it (", when the tanker, moored off the cape, ran aground").
 */
const WHEN_CLAUSE = /^\s*,?\s*when\s+[^,;:.!?]*(?:,[^,;:.!?]*,[^,;:.!?]*)?$/i;
/** Between clauses: an expression beyond one governs another verb more often than not. */
const CLAUSE_BREAK = /[;:()]|,\s*(?:and|but|while|when|as|after|before|which|who)\b|\band\s+(?:then\s+)?\p{Ll}+ed\b/u;
/** "and" before a verb: a coordinated predicate, whose adverbial is its own ("ran aground … and broke up two days later"). */
const AND_WORD = /\band\s+(?:then\s+)?(\p{Ll}+)\b/gu;
/** Past-tense cues that are adverbs, not verbs. */
const NOT_VERB = new Set(['ago', 'yesterday', 'earlier', 'last', 'previously', 'recently']);

/** Whether `between` holds a clause break, or "and" opening a coordinated past-tense predicate ("and broke"). */
function clauseBreak(between: string): boolean {
  if (CLAUSE_BREAK.test(between)) return true;
  if (!between.includes('and')) return false;
  for (const m of between.matchAll(AND_WORD)) if (PAST_CUES.has(m[1]!) && !NOT_VERB.has(m[1]!)) return true;
  return false;
}

interface Dated {
  date: DateValue;
  range: { start: string; end: string } | null;
}

/** The best expression of a fact is one with no calendar date (a decade, a century): the fact stays undated. */
const UNDATABLE: Dated = { date: { value: '', precision: 'year' }, range: null };

/** The best expression of the sentence for the fact; a background fact takes none from another clause. */
function expressionDate(
  doc: Doc,
  sentence: Sentence,
  span: Span,
  background: boolean,
  tenseOf: () => Tense,
): Dated | null {
  let best: { dated: Dated; score: number } | null = null;
  for (let k = firstEndingAfter(doc.timexes, sentence.start); k < doc.timexes.length; k++) {
    const t = doc.timexes[k]!;
    if (t.start >= sentence.end) break;
    const interval = intervalDated(doc, k);
    const calendar = interval ?? datedValue(t, doc);
    // A decade or a century ("in the Sixties", "in the 19th century") has no calendar date, but still places
    // the fact far from the news day: when it is the fact's best expression, the fact stays undated.
    if (!calendar && !(t.type === 'DATE' && /^\d{2,3}$/.test(t.value))) continue;
    const year = /^\d{4}$/.test(t.text);
    // The start of a year range ("the 1950-53 war", "the 2014-15 season") is tagged alone, but the fact it dates
    // spans the range: no single year holds it, so as the fact's best expression it leaves the fact undated.
    const range = year && yearRangeStart(Number(t.text), doc.text.slice(t.end, t.end + 12));
    const dated = range ? UNDATABLE : (calendar ?? UNDATABLE);
    const before = doc.text.slice(Math.max(sentence.start, t.start - 24), t.start);
    const between =
      t.end <= span.start
        ? doc.text.slice(t.end, span.start)
        : t.start >= span.end
          ? doc.text.slice(span.end, t.start)
          : '';
    // A possessive naming the fact's own noun ("Tuesday's hearing", "last month's explosion") dates it,
    // whatever precedes it.
    if (calendar && t.end <= span.start && POSSESSIVE_OF_NOUN.test(between)) return dated;
    // "late on Monday, when she warned …": the clause "when" opens after a time tells what happened then.
    // A second predicate of the clause ("… ran aground and broke up two days later") may have its own adverbial: scored.
    if (calendar && t.end <= span.start && WHEN_CLAUSE.test(between) && !/\band\s+$/.test(between)) return dated;
    // A date premodifying the fact's own noun names that occasion's day, even inside a bound ("since
    // their Feb. 20 debate" dates the debate).
    if (calendar && t.end <= span.start && /^\s+$/.test(between) && DETERMINER_BEFORE.test(before) && !year)
      return dated;
    // A year right before the fact's own noun names that occasion, even inside a bound ("since the 2006 test").
    if (year && t.end <= span.start && YEAR_TO_NOUN.test(between) && MODIFIER.test(before)) return dated;
    // "from Monday" bounds a period, unless the text gives its other end.
    if (!interval && BOUNDING.test(before)) continue;
    // A verb's adverbial is in its own clause: an expression after a relative pronoun or a wh-word that opens a
    // clause after the fact ("warned that … the strike that began in 2019", "criticised the levy, which parliament
    // passed in 2019") belongs to that clause's verb.
    if (t.start >= span.end && embeddedClause(between) && verbFact(doc, span)) continue;
    // A verb agrees in tense with its time adverbial: "is pushing to reject the pact signed last week" —
    // "last week" belongs to "signed", not to the present "is pushing".
    if (PAST_DEICTIC.test(t.text) && tenseOf() === 'present') continue;
    if (FUTURE_DEICTIC.test(t.text) && tenseOf() === 'past') continue;
    let score = between.length;
    const modifier =
      year &&
      (MODIFIER.test(before) ||
        (/^[-\s]\p{L}/u.test(doc.text.slice(t.end, t.end + 2)) && !/\b(?:in|during|of)\s+$/i.test(before)));
    if (modifier) {
      // The fact's own noun ("the 2003 invasion"), the subject it heads ("a 2031 survey that appeared"), or
      // a placing phrase ("at a 2031 council hearing") is dated by it; any other noun phrase's year is not.
      const ownNoun =
        t.end <= span.start && /^(?:[-–]\d{2,4})?[\s\p{L}-]{0,24}?(?:\s+(?:that|which))?\s*$/u.test(between);
      if (!ownNoun && !PLACING_MODIFIER.test(before)) continue;
    } else if (!ADVERBIAL.test(before) && !DEICTIC.test(t.text)) score += 200;
    if (clauseBreak(between)) {
      if (background) continue;
      score += 100;
    }
    // "X on Friday said the move would be delayed": an expression on the far side of a reporting verb dates
    // the saying, not what was said (a quote's own cue is its fact, so it is never in between).
    if (REPORTING_BETWEEN.test(between)) score += 100;
    if (!best || score < best.score) best = { dated, score };
  }
  return best?.dated ?? null;
}

/**
 * The interval timex `k` opens or closes ("from Monday to Thursday", "between March 2 and 5"): the
 * calendar unit holding both ends, and the days from the first to the last.
 */
function intervalDated(doc: Doc, k: number): Dated | null {
  const i = k > 0 && intervalEnd(doc.text, doc.timexes, k - 1) === k ? k - 1 : k;
  const j = intervalEnd(doc.text, doc.timexes, i);
  if (j < 0) return null;
  const a = datedValue(doc.timexes[i]!, doc);
  const b = datedValue(doc.timexes[j]!, doc);
  if (a?.date.precision !== 'day' || b?.date.precision !== 'day') return null;
  const start = a.range?.start ?? a.date.value;
  const end = b.range?.end ?? b.date.value;
  if (end < start) return null;
  const date: DateValue =
    start.slice(0, 7) === end.slice(0, 7)
      ? { value: start.slice(0, 7), precision: 'month' }
      : { value: start.slice(0, 4), precision: 'year' };
  if (start === end) return { date: { value: start, precision: 'day' }, range: null };
  return start.slice(0, 4) === end.slice(0, 4) ? { date, range: { start, end } } : null;
}

/** A timex as a fact date: its calendar value, and the days it spans when it is a week or a weekend. */
function datedValue(t: Timex, doc: Doc): Dated | null {
  if (t.type !== 'DATE' && t.type !== 'TIME') return null;
  const week = /^(\d{4})-W(\d{2})(-WE)?$/.exec(t.value);
  if (week) {
    const jan4: Day = { y: Number(week[1]), m: 1, d: 4 };
    const monday = addDays(jan4, 1 - weekday(jan4) + 7 * (Number(week[2]) - 1));
    let start = week[3] ? addDays(monday, 5) : monday;
    let end = addDays(monday, 6);
    // The week holding the anchor: what is reported of it happened by the anchor.
    const a = doc.anchor ? parsePartialDay(doc.anchor.value) : null;
    if (a?.m && a.d) {
      const ad: Day = { y: a.y, m: a.m, d: a.d };
      if (dayDiff(ad, start) >= 0 && dayDiff(end, ad) > 0) end = ad;
      if (dayDiff(end, start) < 0) start = end;
    }
    // The month (or year) that holds the days left: this week up to a Wednesday may lie in one month.
    const date: DateValue | null =
      start.m === end.m && start.y === end.y
        ? { value: fmtDay(start).slice(0, 7), precision: 'month' }
        : start.y === end.y
          ? { value: String(start.y).padStart(4, '0'), precision: 'year' }
          : null;
    if (!date) return null;
    return { date, range: { start: fmtDay(start), end: fmtDay(end) } };
  }
  const date = calendarDate(t);
  return date ? { date, range: null } : null;
}

/**
 * Words that place a fact before or after another one rather than on the news day. "Used to" is a past habit
 * only in the active ("the coach used to train"): after a form of be or get it is a passive of purpose ("gas was
 * used to disperse them"). "Had to" is an obligation, not a past perfect ("the airline had to cut jobs").
 */
const BACKGROUND =
  /\b(?:earlier|previously|previous|formerly|once|later|(?<!\b(?:be|is|are|was|were|been|being|get|gets|got|gotten|getting)\s+)used\s+to|had\s+(?!to\b)(?:\p{Ll}+\s+)?(?:\p{Ll}+(?:ed|en|wn|un|ught|ade|old|id|ent|ot|ne)|won|lost|met|left|held|become|come|had|heard|kept|built|hit|struck|cut|put|felt|dealt|stood|set|let|shut|quit|spread|read|sat|slept|stuck|swept|wept|led|fed|fled|bid|burst|cast|cost|hurt|split))\b/iu;

/** "Later" opening a sentence, with "on", "that day" or a comma after it. */
const SENTENCE_LATER = /^\s*(?:['"‘“]\s*)?Later\b/;

/** How far back a clause's subject is looked for ("A previous attempt to lower a box … failed"). */
const CLAUSE_REACH = 120;
/** A subject placed before another event by its adjective: "a previous attempt", "the earlier plan". */
const EARLIER_SUBJECT = /\b(?:a|an|the|its|his|her|their)\s+(?:previous|earlier|prior)\s+\p{L}+/iu;

/** Whether the clause around the fact tells background: past perfect, or placed against another event. */
function isBackground(doc: Doc, sentence: Sentence, span: Span): boolean {
  const from = Math.max(sentence.start, span.start - 40);
  const to = Math.min(sentence.end, span.end + 12);
  let window = doc.text.slice(from, to);
  // A sentence opening with "Later" goes on with the narrative ("Later, the senator questioned the plan"): it
  // moves the story's time forward from the last event told, unlike "earlier", which steps back behind it.
  if (from === sentence.start) window = window.replace(SENTENCE_LATER, '');
  if (BACKGROUND.test(window)) return true;
  // Farther back only the clause's subject counts, with no comma, semicolon or dash between it and the fact.
  const lead = doc.text.slice(Math.max(sentence.start, span.start - CLAUSE_REACH), span.start);
  const at = lead.search(EARLIER_SUBJECT);
  return at >= 0 && !/[,;:—]/.test(lead.slice(at));
}

/**
 * A subject relative pronoun right before the fact's verb, an adverb or a past-tense verb governing its bare
 * infinitive allowed between: "a man who said", "who helped draft the treaty".
 */
const RELATIVE_BEFORE = /\b(?:who|which|that)\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}+ed\s+)?$/iu;

/**
 * Whether the fact is a past-tense verb of a relative clause ("a man who said he would never …", "Holm,
 * who helped draft the treaty"): such a clause describes a participant by what it once did — background,
 * not the news the article reports — so with no expression of its own it stays undated.
 */
function relativeClausePast(doc: Doc, sentence: Sentence, span: Span, tenseOf: () => Tense): boolean {
  const lead = doc.text.slice(Math.max(sentence.start, span.start - 30), span.start);
  if (!RELATIVE_BEFORE.test(lead)) return false;
  return /ed\s+$/.test(lead) || tenseOf() === 'past';
}

/**
 * An infinitive after an ordinal, superlative or "only" noun phrase of a past copula: "was the first Democrat
 * in Congress to endorse him", "were the only lawmakers to vote against it", "was the youngest player ever to
 * score". Such an infinitival relative describes its noun by a past act it stands out for (like a relative
 * clause), not the news of the day.
 */
const RECORD_INFINITIVE =
  /\b(?:was|were|had\s+been|became)\s+(?:the|its|his|her|their)\s+(?:first|second|third|last|only|latest|sole|\p{Ll}{3,}est)\b[^,;:.!?]{0,60}?\bto\s+(?:have\s+)?$/iu;

function recordInfinitive(doc: Doc, sentence: Sentence, span: Span): boolean {
  // Most facts do not follow "to": the cheap test first.
  const near = doc.text.slice(Math.max(sentence.start, span.start - 9), span.start);
  if (!/\bto\s+(?:have\s+)?$/i.test(near)) return false;
  return RECORD_INFINITIVE.test(doc.text.slice(Math.max(sentence.start, span.start - 90), span.start));
}

/**
 * A participle right after a noun that is the object of a preposition, itself followed by a preposition: "in a letter
 * sent to lawmakers", "of the report released by the agency". The participle is a reduced relative clause ("a letter
 * that was sent"): it describes the noun by an earlier act, not the day's news.
 */
const REDUCED_RELATIVE_BEFORE =
  /\b(?:in|of|on|with|from|for|by|at|to|about|after|under)\s+(?:a|an|the|his|her|its|their)\s+(?:\p{L}+\s+)?\p{Ll}+\s+$/iu;
const PARTICIPLE =
  /^(?:\p{Ll}+ed|sent|written|made|given|taken|held|signed|brought|built|drawn|known|seen|shown|told|won)$/u;

function reducedRelative(doc: Doc, sentence: Sentence, span: Span): boolean {
  const word = /^\S+/.exec(doc.text.slice(span.start, span.end))?.[0] ?? '';
  if (!PARTICIPLE.test(word)) return false;
  if (
    !/^\s+(?:to|by|from|in|on|at|with|for)\b/i.test(
      doc.text.slice(span.start + word.length, span.start + word.length + 8),
    )
  )
    return false;
  return REDUCED_RELATIVE_BEFORE.test(doc.text.slice(Math.max(sentence.start, span.start - 60), span.start));
}

/** "since" opening a clause, up to four words before the fact and no punctuation between. */
const SINCE_BEFORE = /\bsince\s+(?:[\p{L}'’-]+\s+){0,4}$/iu;

/**
 * Whether the fact is told in a "since" clause ("since announcing his run", "since she took office"): the
 * clause names the start of a state lasting to the present — an earlier event, never the news day. A gerund
 * right after "since" or a past verb counts; "since" with no verb (a bound: "since 2011") is not a clause.
 */
function sinceClause(doc: Doc, sentence: Sentence, span: Span, tenseOf: () => Tense): boolean {
  const lead = doc.text.slice(Math.max(sentence.start, span.start - 50), span.start);
  if (!/since/i.test(lead)) return false;
  const m = SINCE_BEFORE.exec(lead);
  if (!m) return false;
  const word = /^\S+/.exec(doc.text.slice(span.start, span.end))?.[0] ?? '';
  if (/^since\s+$/i.test(m[0])) return /\p{Ll}ing$/u.test(word);
  return /\p{Ll}ed$/u.test(word) || tenseOf() === 'past';
}

/**
 * A bound that places a fact against another time ("after the 2006 test", "before the March 2019 vote", "following
 * the 2014 floods", "until 2020"); "since" is left out: its period runs up to now.
 */
const PAST_BOUNDING =
  /\b(?:until|till|before|after|following|prior\s+to|ahead\s+of)\s+(?:(?:a|an|the|its|his|her|their)\s+)?$/i;

/**
 * Whether the fact's own clause places it by a bound of a year over before the anchor's year: "After the 2006
 * test, the council imposed sanctions" is told of that time, not of the news day (TimeML 1.2.1 §2.2: the bound is
 * the time the sentence gives; no calendar day of it is known), so with no expression of its own the fact stays
 * undated rather than taking the article's day. A bound across a reporting verb or a clause break governs another
 * verb.
 */
function pastBound(doc: Doc, sentence: Sentence, span: Span, tenseOf: () => Tense): boolean {
  const anchor = (doc.anchor ?? doc.published)?.value;
  if (!anchor) return false;
  const year = anchor.slice(0, 4);
  for (let k = firstEndingAfter(doc.timexes, sentence.start); k < doc.timexes.length; k++) {
    const t = doc.timexes[k]!;
    if (t.start >= sentence.end) break;
    if ((t.type !== 'DATE' && t.type !== 'TIME') || !/^\d{4}/.test(t.value) || t.value.slice(0, 4) >= year) continue;
    if (!PAST_BOUNDING.test(doc.text.slice(Math.max(sentence.start, t.start - 24), t.start))) continue;
    const between =
      t.end <= span.start ? doc.text.slice(t.end, span.start) : doc.text.slice(span.end, Math.max(span.end, t.start));
    if (REPORTING_BETWEEN.test(between) || (t.start >= span.end && clauseBreak(between))) continue;
    if (tenseOf() === 'future') return false;
    return true;
  }
  return false;
}

/**
 * A determiner right before the trigger, with at most one modifier that reads as an adjective (a participle, a
 * year, a proper or a derived adjective): "the alleged assault", "the 2022 war", "the Iraqi invasion", "a campaign
 * reboot" is left out (a noun modifier may as well be the subject of a verb trigger).
 */
const DEFINITE_BEFORE =
  /\b(?:the|its|his|her|their|a|an)\s+(?:(?:\p{Ll}+(?:ed|al|ic|ive|ous|ent|ant)|\d{4}|\p{Lu}\p{L}+)\s+)?$/u;

/**
 * Whether the fact is an event noun the text recalls ("highlights the alleged assault of a reporter"): a noun
 * phrase names an occasion the reader is told of, not news the sentence reports; with no expression of its
 * own it takes no day from the article.
 */
function definiteNoun(doc: Doc, sentence: Sentence, span: Span): boolean {
  const word = /^\S+/.exec(doc.text.slice(span.start, span.end))?.[0] ?? '';
  if (/(?:ed|ing)$/.test(word) || !/^\p{L}+$/u.test(word)) return false;
  return DEFINITE_BEFORE.test(doc.text.slice(Math.max(sentence.start, span.start - 40), span.start));
}

/** Index of the first item ending after `pos` in a list sorted by offset (binary search). */
function firstEndingAfter(list: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function tenseOfSpan(doc: Doc, sentence: Sentence, span: Span): Tense {
  const ix = docIndex(doc);
  const k = firstEndingAfter(doc.sentences, sentence.start);
  const [lo, hi] = ix.sentenceTokens(k);
  // The sentence's tokens the span touches, counted from the sentence's first token.
  const [a, b] = ix.charSpan(span.start, span.end, 'expand')!;
  if (a >= hi) return null;
  const from = Math.max(a, lo) - lo;
  const to = Math.min(Math.max(b, lo + from), hi) - lo;
  // The fact's own verb counts ("said", "will meet"): look at the span and around it.
  const tenses = new SentenceTenses(ix, k);
  const own = tenses.at(from, from) ?? tenses.at(from, to);
  const word = ix.tokens[lo + from]!.text;
  if (/^\p{Ll}+ed$/u.test(word) && !/\b(?:will|would|to|be)\s+$/i.test(doc.text.slice(span.start - 12, span.start)))
    return 'past';
  return own;
}

/** Have/has right before the fact's participle, adverbs between ("has also praised", "have since warned"). */
const PERFECT_BEFORE =
  /\b(?:has|have|['’]ve|hasn['’]t|haven['’]t)\s+(?:(?:\p{Ll}+ly|also|since|not|never|already|just|yet|now|long|so\s+far)\s+){0,2}(?:been\s+)?$/iu;

/** A modal before "have": a modal perfect ("would have survived", "could've won") is no present perfect. */
const MODAL_BEFORE_HAVE =
  /\b(?:would|could|should|might|must|may|will|shall|can|wouldn['’]t|couldn['’]t|shouldn['’]t|won['’]t)\s+(?:not\s+)?(?:have|['’]ve)\s+(?:\S+\s+){0,3}$/i;

/** Whether the fact is a verb in the present perfect. */
function presentPerfect(doc: Doc, sentence: Sentence, span: Span): boolean {
  const lead = doc.text.slice(Math.max(sentence.start, span.start - 40), span.start);
  return /ha[sv]|ve\b/i.test(lead) && PERFECT_BEFORE.test(lead) && !MODAL_BEFORE_HAVE.test(lead);
}

/**
 * Markers of the experiential perfect, which tells of what has happened at some time up to now ("has never lost",
 * "has struck three times", "have so far refused", "has seen it before"), and the "since" of the continuative
 * perfect ("have risen since the quake"): with one, even a passive perfect ("have already been deployed") is not
 * the resultative news of the day.
 */
const EXPERIENTIAL =
  /\b(?:ever|never|so\s+far|already|before|since|(?:\d+|once|twice|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple)\s+times)\b/i;

/** "been" right before the fact's participle, an adverb allowed between: a passive perfect ("have been deployed"). */
function passivePerfect(doc: Doc, sentence: Sentence, span: Span): boolean {
  return /\bbeen\s+(?:\p{Ll}+ly\s+)?$/u.test(doc.text.slice(Math.max(sentence.start, span.start - 30), span.start));
}

/** Whether a present perfect fact is experiential or continuative: a marker in its clause, before or after the verb. */
function experientialPerfect(doc: Doc, sentence: Sentence, span: Span): boolean {
  const lead = doc.text.slice(Math.max(sentence.start, span.start - 40), span.start);
  const have = lead.search(/\b(?:has|have|['’]ve|hasn['’]t|haven['’]t)\b[^,;:]*$/i);
  const tail = doc.text.slice(span.end, Math.min(sentence.end, span.end + 60)).split(/[,;:]/)[0]!;
  return EXPERIENTIAL.test(`${have >= 0 ? lead.slice(have) : ''} ${tail}`);
}

/** How many sentences open an article: its lead, where the present perfect tells the day's news ("A quake has hit"). */
const LEAD_SENTENCES = 2;

function inLead(doc: Doc, sentence: Sentence): boolean {
  return firstEndingAfter(doc.sentences, sentence.start) < LEAD_SENTENCES;
}

/** A "since" clause up to the expression: its time bounds a state ("since the strike began three days ago"). */
const IN_SINCE_CLAUSE = /\bsince\s+(?:[\p{L}'’-]+\s+){0,4}$/iu;

/**
 * Whether the sentence says a time of its own that no calendar holds: a vague reference ("Just days ago, she went …",
 * "recently", "now": TimeML PAST_REF, PRESENT_REF, FUTURE_REF). A calendar expression either dates the fact itself or
 * belongs to another verb ("a crisis that began in 2008"), so only these end the carrying.
 */
function ownVagueTime(doc: Doc, sentence: Sentence): boolean {
  for (let k = firstEndingAfter(doc.timexes, sentence.start); k < doc.timexes.length; k++) {
    const t = doc.timexes[k]!;
    if (t.start >= sentence.end) return false;
    if (t.type === 'DATE' && t.value.endsWith('_REF')) return true;
  }
  return false;
}

/** How many sentences back a day is carried through sentences that give no date of their own. */
const CARRY_SENTENCES = 3;

/**
 * The day carried from the sentences before: the nearest adverbial day-precise date that is not the anchor
 * (news of the anchor day needs no carrying), in the sentence before or, through up to two sentences that
 * give no date, one further back ("On Monday, the two took the stage. The crowd cheered. She introduced
 * him …": narrative goes on at the last day it named). A sentence that gives another date ends the search:
 * the story has moved. News paragraphs are a sentence or two, so a paragraph break does not end it.
 */
function carriedDate(doc: Doc, sentence: Sentence): Dated | null {
  const anchor = doc.anchor?.value ?? null;
  let i = firstEndingAfter(doc.sentences, sentence.start);
  for (let n = 0; n < CARRY_SENTENCES; n++) {
    const prev = i > 0 ? doc.sentences[--i] : undefined;
    if (!prev) return null;
    let dates = 0;
    for (let k = firstEndingAfter(doc.timexes, prev.start); k < doc.timexes.length; k++) {
      const t = doc.timexes[k]!;
      if (t.start >= prev.end) break;
      const dated = datedValue(t, doc);
      if (!dated) continue;
      dates++;
      // A day after the anchor is a plan or a forecast: a past-tense fact cannot have happened on it. A year or a
      // month carries only when it is over before the anchor's ("The mine collapsed in 2006. Rescuers pulled out
      // twelve men."): the narrative is placed there, and the article's own year or month adds nothing to its day.
      if (dated.date.precision === 'day') {
        if (dated.date.value === anchor || (anchor && dated.date.value > anchor)) continue;
      } else if (!anchor || dated.range || !(anchor.slice(0, dated.date.value.length) > dated.date.value)) continue;
      const before = doc.text.slice(Math.max(prev.start, t.start - 40), t.start);
      if (BOUNDING.test(before) || (/since/i.test(before) && IN_SINCE_CLAUSE.test(before))) continue;
      if (!(ADVERBIAL.test(before) || DEICTIC.test(t.text))) continue;
      return dated;
    }
    if (dates > 0) return null;
  }
  return null;
}
